/**
 * Shared setup for the suites that run against a real Docker Engine: the private one that
 * `scripts/engine.mjs` starts, reached through `DOCKER_HOST`.
 * Test setup may use dockerode directly; the code under test is `src/docker/`.
 */
import Dockerode from 'dockerode';
import * as os from 'os';
import * as fs from 'fs';
import * as http from 'http';
import tar from 'tar-stream';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { DockerEndpoint } from '../../src/docker/types';

/** Prefix of every container and image name the suites create, so leftovers are easy to spot. */
export const PREFIX = 'dl-test';

/**
 * Call from a suite's `before` hook (with `function () {}` so `this` is mocha's context).
 * Without `DOCKER_HOST`: fails in CI, skips with a printed reason elsewhere.
 */
export function requireEngine(ctx: Mocha.Context): void {
    if (process.env.DOCKER_HOST) {
        return;
    }
    const reason =
        'DOCKER_HOST is not set: these tests need the private engine. Run `npm run test:docker`, or start ' +
        '`node scripts/engine.mjs` (root; Debian packages docker.io docker-registry busybox-static gcc libc6-dev) and export the DOCKER_HOST it prints.';
    if (process.env.CI === 'true') {
        throw new Error(reason);
    }
    console.log(`      skipped: ${reason}`);
    ctx.skip();
}

/** The endpoint the extension itself would resolve from this environment (source `env`). */
export function engineEndpoint(): DockerEndpoint {
    return resolveEndpoint({
        setting: '',
        env: process.env,
        platform: process.platform,
        homedir: os.homedir(),
        readFile: (file) => {
            try {
                return fs.readFileSync(file, 'utf8');
            } catch {
                return undefined;
            }
        },
    });
}

/** dockerode on the same engine, for test setup and cleanup. */
export function rawDocker(): Dockerode {
    const endpoint = engineEndpoint();
    if (endpoint.kind !== 'unix' || !endpoint.socketPath) {
        throw new Error(`The docker tests expect a unix socket in DOCKER_HOST, got ${endpoint.display}`);
    }
    return new Dockerode({ socketPath: endpoint.socketPath });
}

export function uniqueName(what: string): string {
    return `${PREFIX}-${what}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Containers and images created by a suite, removed (by id) in its `after` hook. */
export class Cleanup {
    private readonly containers = new Set<string>();
    private readonly images = new Set<string>();

    constructor(private readonly docker: Dockerode) {}

    container(id: string): string {
        this.containers.add(id);
        return id;
    }

    image(idOrTag: string): string {
        this.images.add(idOrTag);
        return idOrTag;
    }

    async run(): Promise<void> {
        for (const id of this.containers) {
            await this.docker
                .getContainer(id)
                .remove({ force: true, v: true })
                .catch(() => undefined);
        }
        this.containers.clear();
        for (const id of [...this.images].reverse()) {
            await this.docker
                .getImage(id)
                .remove({ force: true })
                .catch(() => undefined);
        }
        this.images.clear();
    }
}

/** Reads a JSON-lines progress stream (build, pull, push) to its end; rejects on an `error` line. */
export function followProgress(stream: NodeJS.ReadableStream): Promise<Array<Record<string, unknown>>> {
    return new Promise((resolve, reject) => {
        const lines: Array<Record<string, unknown>> = [];
        let buf = '';
        let failed: Error | undefined;
        stream.on('data', (chunk: Buffer) => {
            buf += chunk.toString('utf8');
            let nl: number;
            while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl).trim();
                buf = buf.slice(nl + 1);
                if (!line) {
                    continue;
                }
                const obj = JSON.parse(line) as Record<string, unknown>;
                lines.push(obj);
                if (obj.error && !failed) {
                    failed = new Error(String(obj.error));
                }
            }
        });
        stream.on('error', reject);
        stream.on('end', () => (failed ? reject(failed) : resolve(lines)));
    });
}

/** Builds a Dockerfile (no other files in the context) and returns the image id. */
export async function buildImage(docker: Dockerode, dockerfile: string, tag: string): Promise<string> {
    const pack = tar.pack();
    pack.entry({ name: 'Dockerfile' }, dockerfile);
    pack.finalize();
    // tar-stream 3 packs are streamx streams: they pipe like Node streams, the types just differ.
    const stream = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, { t: tag, rm: true, forcerm: true });
    await followProgress(stream);
    return (await docker.getImage(tag).inspect()).Id;
}

/** Splits a non-TTY attach/logs stream (8-byte frame headers) into its stdout and stderr text. */
export function demux(buffer: Buffer): { stdout: string; stderr: string } {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let i = 0;
    while (i + 8 <= buffer.length) {
        const kind = buffer[i];
        const size = buffer.readUInt32BE(i + 4);
        const frame = buffer.subarray(i + 8, i + 8 + size);
        (kind === 2 ? err : out).push(frame);
        i += 8 + size;
    }
    return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** Polls `check` until it returns a value other than undefined, or throws after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 5000, every = 50): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
        const value = await check();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > end) {
            throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
        }
        await new Promise((r) => setTimeout(r, every));
    }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A GET with a 5 s timeout; the body parsed as JSON when it is JSON, else the text. */
export function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: unknown }> {
    return new Promise((resolve, reject) => {
        http.get(url, { headers, timeout: 5000 }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let body: unknown = text;
                try {
                    body = JSON.parse(text);
                } catch {
                    // not JSON
                }
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
            });
        }).on('error', reject);
    });
}

/**
 * Resolves once an events stream is live: an image event made after it opened (a tag of `image` as
 * `probe`, then its removal) shows up in `events`.
 */
export async function whenEventsLive(docker: Dockerode, image: string, probe: string, events: readonly { type: string; action: string; attributes: Record<string, string | undefined> }[]): Promise<void> {
    await waitFor(
        'the events stream',
        async () => {
            await docker.getImage(image).tag({ repo: probe, tag: 'latest' });
            await docker.getImage(`${probe}:latest`).remove();
            await sleep(100);
            return events.some((e) => e.type === 'image' && e.action === 'tag' && e.attributes.name?.startsWith(probe)) ? true : undefined;
        },
        10_000,
        0,
    );
}
