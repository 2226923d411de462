/**
 * The one implementation of `DockerClient`, over dockerode.
 * This file is bundled on its own (`dist/docker.js`) and loaded only when a view or command needs
 * the Engine: dockerode costs ~65 ms to load and must stay off the activation path.
 */
import Dockerode from 'dockerode';
import * as fs from 'fs';
import * as path from 'path';
import { classifyError, DockerError } from './errors';
import { mapContainers, mapEvent, mapImages, mapVersion } from './mapping';
import { ContainerSummary, DockerClient, DockerEndpoint, EngineVersion, EventStreamHandlers, ImageSummary, Disposable } from './types';

export interface ClientOptions {
    /** Per-request timeout for short calls (not streams). */
    readonly timeoutMs?: number;
}

function readIfExists(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch {
        return undefined;
    }
}

export function dockerodeOptions(endpoint: DockerEndpoint): Dockerode.DockerOptions {
    switch (endpoint.kind) {
        case 'unix':
        case 'npipe':
            return { socketPath: endpoint.socketPath };
        case 'ssh':
            return { protocol: 'ssh', host: endpoint.host, port: endpoint.port, username: endpoint.username };
        case 'tcp': {
            if (!endpoint.tls) {
                return { protocol: 'http', host: endpoint.host, port: endpoint.port };
            }
            const dir = endpoint.tls.certPath;
            const opts: Dockerode.DockerOptions = { protocol: 'https', host: endpoint.host, port: endpoint.port };
            if (dir) {
                opts.ca = readIfExists(path.join(dir, 'ca.pem'));
                opts.cert = readIfExists(path.join(dir, 'cert.pem'));
                opts.key = readIfExists(path.join(dir, 'key.pem'));
            }
            // docker-modem passes unknown options through to https.request
            (opts as { rejectUnauthorized?: boolean }).rejectUnauthorized = endpoint.tls.verify;
            return opts;
        }
    }
}

export class DockerodeClient implements DockerClient {
    private readonly docker: Dockerode;
    private readonly timeoutMs: number;
    private readonly streams = new Set<NodeJS.ReadableStream & { destroy?: () => void }>();

    constructor(readonly endpoint: DockerEndpoint, options: ClientOptions = {}) {
        this.docker = new Dockerode(dockerodeOptions(endpoint));
        this.timeoutMs = options.timeoutMs ?? 10_000;
    }

    /** Runs a short call with a timeout and the caller's cancellation; errors come back classified. */
    private async call<T>(signal: AbortSignal | undefined, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
        try {
            return await fn(combined);
        } catch (e) {
            if (timeout.aborted && !signal?.aborted) {
                throw new DockerError('timeout', `No answer from ${this.endpoint.display} within ${Math.round(this.timeoutMs / 1000)} s.`, { cause: e });
            }
            throw classifyError(e);
        }
    }

    ping(signal?: AbortSignal): Promise<void> {
        return this.call(signal, async (abortSignal) => {
            await (this.docker.ping as unknown as (opts: object) => Promise<unknown>).call(this.docker, { abortSignal });
        });
    }

    version(signal?: AbortSignal): Promise<EngineVersion> {
        return this.call(signal, async (abortSignal) =>
            mapVersion(await (this.docker.version as unknown as (opts: object) => Promise<unknown>).call(this.docker, { abortSignal })),
        );
    }

    listImages(signal?: AbortSignal): Promise<ImageSummary[]> {
        return this.call(signal, async (abortSignal) => mapImages(await this.docker.listImages({ all: false, abortSignal })));
    }

    listContainers(signal?: AbortSignal): Promise<ContainerSummary[]> {
        return this.call(signal, async (abortSignal) => mapContainers(await this.docker.listContainers({ all: true, size: false, abortSignal })));
    }

    streamEvents(handlers: EventStreamHandlers): Disposable {
        const controller = new AbortController();
        let closed = false;
        const close = (error?: unknown) => {
            if (closed) {
                return;
            }
            closed = true;
            handlers.onClose(error === undefined || controller.signal.aborted ? undefined : classifyError(error));
        };
        this.docker
            .getEvents({ filters: { type: ['container', 'image'] }, abortSignal: controller.signal })
            .then((stream) => {
                const s = stream as NodeJS.ReadableStream & { destroy?: () => void };
                this.streams.add(s);
                if (controller.signal.aborted) {
                    s.destroy?.();
                    return;
                }
                let buffered = '';
                s.on('data', (chunk: Buffer) => {
                    buffered += chunk.toString('utf8');
                    let nl: number;
                    while ((nl = buffered.indexOf('\n')) >= 0) {
                        const line = buffered.slice(0, nl).trim();
                        buffered = buffered.slice(nl + 1);
                        if (!line) {
                            continue;
                        }
                        try {
                            handlers.onEvent(mapEvent(JSON.parse(line)));
                        } catch {
                            // a line we cannot read is not a reason to drop the stream
                        }
                    }
                });
                s.on('error', (e: unknown) => close(e));
                s.on('end', () => close(new DockerError('unreachable', 'The events stream ended.')));
                s.on('close', () => {
                    this.streams.delete(s);
                    close(new DockerError('unreachable', 'The events stream closed.'));
                });
            })
            .catch((e: unknown) => close(e));
        return {
            dispose: () => {
                controller.abort();
                closed = true;
                for (const s of this.streams) {
                    s.destroy?.();
                }
            },
        };
    }

    dispose(): void {
        for (const s of this.streams) {
            s.destroy?.();
        }
        this.streams.clear();
    }
}

export function createDockerClient(endpoint: DockerEndpoint, options?: ClientOptions): DockerClient {
    return new DockerodeClient(endpoint, options);
}
