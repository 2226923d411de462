/**
 * The one implementation of `DockerClient`, over dockerode.
 * This file is bundled on its own (`dist/docker.js`) and loaded only when a view or command needs
 * the Engine: dockerode costs ~65 ms to load and must stay off the activation path.
 */
import Dockerode from 'dockerode';
import { buildImage } from './build';
import { createBody } from './createOptions';
import { labActions } from './dockerodeLab';
import { dialGet, requireList } from './dockerodeCalls';
import { dockerodeOptions, RemoteOptions } from './dockerodeOptions';
import { attachAndStart, execCapture, execSession, OwnedStream, streamEvents, streamLogs, streamStats } from './dockerodeStreams';
import { classifyError, DockerError } from './errors';
import { withoutModemEnv } from './modemEnv';
import { mapContainerDetails, mapContainers, mapHistory, mapImageDetails, mapImages, mapInfo, mapPullProgress, mapVersion } from './mapping';
import {
    BuildEvent,
    BuildOptions,
    BuildResult,
    ContainerDetails,
    ContainerSummary,
    Disposable,
    EngineInfo,
    DockerClient,
    DockerEndpoint,
    EngineVersion,
    EventStreamHandlers,
    ExecSession,
    ImageDetails,
    ImageSummary,
    LabActions,
    LayerInfo,
    PruneResult,
    PullProgress,
    RunOptions,
    StatsSample,
} from './types';

export interface ClientOptions {
    /** Per-request timeout for short calls (not streams). */
    readonly timeoutMs?: number;
    /** ssh:// only: the agent and known_hosts files (default: the user's). */
    readonly remote?: RemoteOptions;
}

export class DockerodeClient implements DockerClient {
    private readonly docker: Dockerode;
    private readonly timeoutMs: number;
    private readonly streams = new Set<OwnedStream>();
    /** ssh://: the agent holding the SSH connection, ended on dispose. */
    private readonly transport?: { destroy(): void };

    constructor(readonly endpoint: DockerEndpoint, options: ClientOptions = {}) {
        // exactly the resolved endpoint, whatever DOCKER_HOST & co. say (docker-modem would mix them in)
        const opts = dockerodeOptions(endpoint, options.remote);
        this.transport = (opts as { agent?: { destroy(): void } }).agent;
        this.docker = withoutModemEnv(() => new Dockerode(opts));
        this.timeoutMs = options.timeoutMs ?? 10_000;
    }

    /** Runs a short call with a timeout and the caller's cancellation; errors come back classified. */
    private async call<T>(signal: AbortSignal | undefined, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
        // not every dockerode call honours the signal (image history ignores it): race it as well
        let onAbort: (() => void) | undefined;
        const aborted = new Promise<never>((_, reject) => {
            onAbort = () => reject(Object.assign(new Error('The request was aborted.'), { name: 'AbortError' }));
            combined.addEventListener('abort', onAbort, { once: true });
        });
        try {
            return await Promise.race([fn(combined), aborted]);
        } catch (e) {
            if (timeout.aborted && !signal?.aborted) {
                const seconds = Math.round(this.timeoutMs / 1000);
                throw new DockerError('timeout', `No answer from ${this.endpoint.display} within ${seconds} s.`, { cause: e, reason: { id: 'noAnswer', endpoint: this.endpoint.display, seconds } });
            }
            throw classifyError(e);
        } finally {
            combined.removeEventListener('abort', onAbort!);
            aborted.catch(() => undefined);
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
        return this.call(signal, async (abortSignal) => mapImages(requireList(this.endpoint, 'GET /images/json', await this.docker.listImages({ all: false, abortSignal }))));
    }

    listContainers(signal?: AbortSignal, ids?: readonly string[]): Promise<ContainerSummary[]> {
        const filters = ids ? { filters: JSON.stringify({ id: ids }) } : {};
        return this.call(signal, async (abortSignal) => mapContainers(requireList(this.endpoint, 'GET /containers/json', await this.docker.listContainers({ all: true, size: false, ...filters, abortSignal }))));
    }

    /** `GET /images/{ref}/json`, as a list row; `undefined` on 404. */
    async findImage(ref: string, signal?: AbortSignal): Promise<ImageSummary | undefined> {
        try {
            const raw = (await this.call(signal, (abortSignal) => dialGet(this.docker, `/images/${ref}/json`, abortSignal, 'no such image'))) as {
                Created?: string;
                Config?: { Labels?: unknown };
            };
            return mapImages([{ ...raw, Created: Math.floor(Date.parse(raw.Created ?? '') / 1000) || 0, Labels: raw.Config?.Labels }])[0];
        } catch (e) {
            if (e instanceof DockerError && e.kind === 'notFound') {
                return undefined;
            }
            throw e;
        }
    }

    inspectContainer(id: string, opts: { size?: boolean; signal?: AbortSignal } = {}): Promise<ContainerDetails> {
        return this.call(opts.signal, async (abortSignal) =>
            mapContainerDetails(await this.docker.getContainer(id).inspect({ size: !!opts.size, abortSignal } as Dockerode.ContainerInspectOptions)),
        );
    }

    inspectImage(id: string, signal?: AbortSignal): Promise<ImageDetails> {
        // dockerode's image inspect and history drop the signal: dialGet passes it to the request
        return this.call(signal, async (abortSignal) => mapImageDetails(await dialGet(this.docker, `/images/${id}/json`, abortSignal, 'no such image')));
    }

    imageHistory(id: string, signal?: AbortSignal): Promise<LayerInfo[]> {
        return this.call(signal, async (abortSignal) => mapHistory(await dialGet(this.docker, `/images/${id}/history`, abortSignal, 'no such image')));
    }

    /** Container state changes: 304 (already in that state) is not an error. */
    private async containerOp(id: string, op: 'start' | 'stop' | 'restart' | 'pause' | 'unpause'): Promise<void> {
        const c = this.docker.getContainer(id);
        // stop/restart wait for the container's stop timeout (10 s by default) before the kill
        const longCall = op === 'stop' || op === 'restart';
        const run = async (abortSignal: AbortSignal) => {
            try {
                await (c[op] as unknown as (o: object) => Promise<unknown>).call(c, { abortSignal });
            } catch (e) {
                if ((e as { statusCode?: number }).statusCode !== 304) {
                    throw e;
                }
            }
        };
        if (longCall) {
            try {
                await run(new AbortController().signal);
            } catch (e) {
                throw classifyError(e);
            }
            return;
        }
        return this.call(undefined, run);
    }

    startContainer(id: string): Promise<void> {
        return this.containerOp(id, 'start');
    }
    stopContainer(id: string): Promise<void> {
        return this.containerOp(id, 'stop');
    }
    restartContainer(id: string): Promise<void> {
        return this.containerOp(id, 'restart');
    }
    pauseContainer(id: string): Promise<void> {
        return this.containerOp(id, 'pause');
    }
    unpauseContainer(id: string): Promise<void> {
        return this.containerOp(id, 'unpause');
    }

    killContainer(id: string): Promise<void> {
        return this.call(undefined, async (abortSignal) => {
            try {
                await this.docker.getContainer(id).kill({ abortSignal } as object);
            } catch (e) {
                // 409: not running any more, which is what we wanted
                if ((e as { statusCode?: number }).statusCode !== 409) {
                    throw e;
                }
            }
        });
    }

    removeContainer(id: string): Promise<void> {
        return this.call(undefined, async (abortSignal) => {
            await this.docker.getContainer(id).remove({ force: false, v: false, abortSignal });
        });
    }

    removeImage(id: string): Promise<void> {
        return this.call(undefined, async (abortSignal) => {
            await this.docker.getImage(id).remove({ force: false, noprune: false, abortSignal } as object);
        });
    }

    pruneDanglingImages(): Promise<PruneResult> {
        return this.call(undefined, async (abortSignal) => {
            const r = (await this.docker.pruneImages({ filters: { dangling: { true: true } }, abortSignal } as object)) as {
                ImagesDeleted?: { Deleted?: string; Untagged?: string }[] | null;
                SpaceReclaimed?: number;
            };
            const deleted = (r.ImagesDeleted ?? []).map((d) => d.Deleted ?? d.Untagged ?? '').filter(Boolean);
            return { deleted, spaceReclaimed: Number(r.SpaceReclaimed) || 0 };
        });
    }

    async pullImage(ref: string, onProgress: (p: PullProgress) => void, signal?: AbortSignal): Promise<void> {
        let stream: NodeJS.ReadableStream & { destroy?: () => void };
        try {
            stream = (await this.docker.pull(ref, { abortSignal: signal } as object)) as NodeJS.ReadableStream & { destroy?: () => void };
        } catch (e) {
            throw classifyError(e);
        }
        const onAbort = () => stream.destroy?.();
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
            await new Promise<void>((resolve, reject) => {
                this.docker.modem.followProgress(
                    stream,
                    (err: unknown, output: unknown[]) => {
                        if (err) {
                            return reject(err);
                        }
                        const failed = (output ?? []).find((o) => o && typeof o === 'object' && 'error' in o) as { error?: string } | undefined;
                        return failed ? reject(new DockerError('http', String(failed.error), { detail: 'pull' })) : resolve();
                    },
                    (event: unknown) => onProgress(mapPullProgress(event)),
                );
                stream.on('close', () => {
                    if (signal?.aborted) {
                        reject(new DockerError('cancelled', 'The pull was cancelled.'));
                    }
                });
            });
        } catch (e) {
            throw signal?.aborted ? new DockerError('cancelled', 'The pull was cancelled.') : classifyError(e);
        } finally {
            signal?.removeEventListener('abort', onAbort);
        }
        // docker-modem ends a destroyed stream as if it had finished: check the signal ourselves
        if (signal?.aborted) {
            throw new DockerError('cancelled', 'The pull was cancelled.');
        }
    }

    createContainer(opts: RunOptions): Promise<string> {
        return this.call(undefined, async (abortSignal) => (await this.docker.createContainer({ ...createBody(opts), abortSignal } as Dockerode.ContainerCreateOptions)).id);
    }

    info(signal?: AbortSignal): Promise<EngineInfo> {
        return this.call(signal, async (abortSignal) => mapInfo(await (this.docker.info as unknown as (o: object) => Promise<unknown>).call(this.docker, { abortSignal })));
    }

    async hasImage(ref: string): Promise<boolean> {
        try {
            await this.inspectImage(ref);
            return true;
        } catch (e) {
            if (e instanceof DockerError && e.kind === 'notFound') {
                return false;
            }
            throw e;
        }
    }

    async waitContainer(id: string): Promise<number> {
        try {
            const r = (await this.docker.getContainer(id).wait()) as { StatusCode?: number };
            return Number(r.StatusCode) || 0;
        } catch (e) {
            throw classifyError(e);
        }
    }

    top(id: string): Promise<{ titles: string[]; processes: string[][] }> {
        return this.call(undefined, async (abortSignal) => {
            const r = (await this.docker.getContainer(id).top({ abortSignal } as object)) as { Titles?: string[]; Processes?: string[][] };
            return { titles: r.Titles ?? [], processes: r.Processes ?? [] };
        });
    }

    buildImage(contextDir: string, dockerfileRel: string, tag: string, onEvent: (e: BuildEvent) => void, signal?: AbortSignal, options?: BuildOptions): Promise<BuildResult> {
        return buildImage(this.docker, contextDir, dockerfileRel, tag, onEvent, signal, options);
    }

    streamLogs(id: string, opts: { tail: number }, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
        return streamLogs(this.docker, id, opts, onText, signal);
    }

    exec(id: string, cmd: readonly string[], size?: { columns: number; rows: number }): Promise<ExecSession> {
        return execSession(this.docker, id, cmd, size);
    }

    attachAndStart(id: string, onOutput: (text: string) => void): Promise<{ readonly outputEnded: Promise<void> }> {
        return attachAndStart(this.docker, id, onOutput);
    }

    execCapture(id: string, cmd: readonly string[]): Promise<{ output: string; exitCode: number }> {
        return execCapture(this.docker, id, cmd);
    }

    streamStats(id: string, onSample: (s: StatsSample) => void, signal: AbortSignal): Promise<void> {
        return streamStats(this.docker, id, onSample, signal);
    }

    streamEvents(handlers: EventStreamHandlers): Disposable {
        return streamEvents(this.docker, this.streams, handlers);
    }

    // networks, volumes, diff, tags, registry settings (lessons on ports, data and image names)
    private labCalls: LabActions | undefined;
    private get lab(): LabActions {
        return (this.labCalls ??= labActions(this.docker, (signal, fn) => this.call(signal, fn)));
    }
    readonly createNetwork: LabActions['createNetwork'] = (...a) => this.lab.createNetwork(...a);
    readonly removeNetwork: LabActions['removeNetwork'] = (...a) => this.lab.removeNetwork(...a);
    readonly createVolume: LabActions['createVolume'] = (...a) => this.lab.createVolume(...a);
    readonly inspectVolume: LabActions['inspectVolume'] = (...a) => this.lab.inspectVolume(...a);
    readonly removeVolume: LabActions['removeVolume'] = (...a) => this.lab.removeVolume(...a);
    readonly containerChanges: LabActions['containerChanges'] = (...a) => this.lab.containerChanges(...a);
    readonly tagImage: LabActions['tagImage'] = (...a) => this.lab.tagImage(...a);
    readonly registrySettings: LabActions['registrySettings'] = (...a) => this.lab.registrySettings(...a);

    dispose(): void {
        for (const s of this.streams) {
            s.destroy?.();
        }
        this.streams.clear();
        this.transport?.destroy();
    }
}

export function createDockerClient(endpoint: DockerEndpoint, options?: ClientOptions): DockerClient {
    return new DockerodeClient(endpoint, options);
}
