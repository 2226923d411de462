/**
 * A counting proxy on a unix socket in front of an engine's socket: every request line and every
 * byte that passes is counted, so a test or a benchmark can say exactly what the product asked the
 * engine for; `delayMs` makes it a slow engine. Binds only a unix socket; stopped by its own
 * close(). Used by test/host, test/faults and bench/.
 */
import * as fs from 'fs';
import * as net from 'net';

export interface CountedRequest {
    readonly at: number;
    readonly method: string;
    readonly path: string;
}

export interface CountingProxy {
    readonly socket: string;
    readonly requests: readonly CountedRequest[];
    /** Open client connections right now. */
    readonly open: number;
    /** Client connections accepted so far (an attempt counts even when nothing listens behind the proxy). */
    readonly accepted: number;
    bytesFromEngine(): number;
    /** What passed since this call: requests and bytes from the engine. */
    mark(): () => { requests: CountedRequest[]; bytes: number };
    close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|DELETE|PUT|HEAD) (\S+) HTTP\/1\.[01]\r\n/g;

export interface ProxyOptions {
    /** Holds every reply from the engine this long before passing it on (a slow engine). */
    readonly delayMs?: number;
}

export async function startCountingProxy(targetSocket: string, listenSocket: string, options: ProxyOptions = {}): Promise<CountingProxy> {
    fs.rmSync(listenSocket, { force: true });
    const requests: CountedRequest[] = [];
    let fromEngine = 0;
    let open = 0;
    let accepted = 0;
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
        const upstream = net.connect(targetSocket);
        sockets.add(client).add(upstream);
        open++;
        accepted++;
        client.on('data', (chunk: Buffer) => {
            // keep-alive sends several requests on one connection; each starts with its request line
            for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
                requests.push({ at: performance.now(), method: m[1], path: decodeURIComponent(m[2]) });
            }
            upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
            fromEngine += chunk.length;
            if (options.delayMs) {
                setTimeout(() => client.writable && client.write(chunk), options.delayMs).unref();
            } else {
                client.write(chunk);
            }
        });
        const end = () => {
            if (sockets.delete(client)) {
                open--;
            }
            sockets.delete(upstream);
            client.destroy();
            upstream.destroy();
        };
        for (const s of [client, upstream]) {
            s.on('close', end);
            s.on('error', end);
        }
    });
    await new Promise<void>((resolve, reject) => server.listen(listenSocket, resolve).on('error', reject));
    return {
        socket: listenSocket,
        requests,
        get open() {
            return open;
        },
        get accepted() {
            return accepted;
        },
        bytesFromEngine: () => fromEngine,
        mark() {
            const r = requests.length;
            const b = fromEngine;
            return () => ({ requests: requests.slice(r), bytes: fromEngine - b });
        },
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) {
                    s.destroy();
                }
                server.close(() => resolve());
            }),
    };
}

/** A full container list: `GET /containers/json` without an id filter. */
export function isFullContainerList(r: CountedRequest): boolean {
    return r.method === 'GET' && /^(\/v[\d.]+)?\/containers\/json(\?|$)/.test(r.path) && !/filters=.*"id"/.test(r.path);
}
