/**
 * Small tools the lessons on ports, data and image names share: an HTTP fetch from the extension
 * host, a free loopback port, a short random token, and a container run to its end with mounts.
 * No `vscode` import.
 */
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import { DockerClient, RunOptions } from '../../docker/types';
import { appendBounded, settleWithin } from './demo';

export interface FetchResult {
    readonly ok: boolean;
    readonly status?: number;
    /** The start of the body (bounded). */
    readonly body?: string;
    /** The socket error's code (`ECONNREFUSED`, `ETIMEDOUT`, `EHOSTUNREACH`…) when there was no answer. */
    readonly error?: string;
    readonly ms: number;
    /** `Docker-Content-Digest` of a registry's answer, when it sent one. */
    readonly contentDigest?: string;
}

/** `GET url` from this process (the extension host), never through the engine. */
export function fetchFromHost(url: string, timeoutMs = 3000, headers: Readonly<Record<string, string>> = {}): Promise<FetchResult> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    return new Promise((resolve) => {
        const get = url.startsWith('https:') ? https.get : http.get;
        const req = get(url, { timeout: timeoutMs, agent: false, headers }, (res) => {
            const digest = res.headers['docker-content-digest'];
            const contentDigest = typeof digest === 'string' ? digest : undefined;
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (body = body.length < 4096 ? body + d : body));
            res.on('end', () => resolve({ ok: (res.statusCode ?? 0) < 400, status: res.statusCode, body: body.slice(0, 4096), ms: ms(), contentDigest }));
            res.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, status: res.statusCode, error: e.code ?? e.message, ms: ms() }));
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
        req.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, error: e.code ?? e.message, ms: ms() }));
    });
}

/** Fetches until it answers or `totalMs` passes (docker-proxy may need a moment after start). */
export async function fetchWithRetry(url: string, totalMs = 3000): Promise<FetchResult> {
    const end = performance.now() + totalMs;
    for (;;) {
        const r = await fetchFromHost(url, 1500);
        if (r.ok || performance.now() > end) {
            return r;
        }
        await new Promise((res) => setTimeout(res, 150));
    }
}

/** A TCP port nothing on this machine's loopback listens on right now (asked of the kernel). */
export function freeLoopbackPort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const port = (srv.address() as net.AddressInfo).port;
            srv.close(() => resolve(port));
        });
    });
}

export function token(): string {
    return Math.random().toString(36).slice(2, 10);
}

/**
 * create → attach → start → wait, and the container is kept (the caller removes it): the lessons on
 * data need to look at a container after its program ended.
 */
export async function runKept(client: DockerClient, opts: RunOptions): Promise<{ id: string; output: string; exitCode: number }> {
    const id = await client.createContainer(opts);
    let output = '';
    const { outputEnded } = await client.attachAndStart(id, (t) => (output = appendBounded(output, t)));
    const exitCode = await client.waitContainer(id);
    await settleWithin(outputEnded, 2000);
    return { id, output, exitCode };
}

/** The same, removed afterwards (`docker run --rm`). */
export async function runRemoved(client: DockerClient, opts: RunOptions): Promise<{ id: string; output: string; exitCode: number }> {
    const r = await runKept(client, opts);
    await client.removeContainer(r.id).catch(() => undefined);
    return r;
}
