/**
 * A fake Docker engine on a unix socket that answers chosen replies, for the fault suite: a 500, a
 * body that is not JSON, JSON that is not a list, megabytes of garbage (streamed, bounded), a 400
 * "client version is too new", and an events stream that is accepted but says nothing. Everything
 * else answers like Docker Engine 20.10 with the lists captured from a real daemon. Counts requests.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

export type Reply = (res: http.ServerResponse) => void;

const json = (status: number, body: unknown): Reply => (res) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
};

/** Replies to choose from. */
export const replies = {
    json,
    serverError: (message = 'Error response from daemon: something broke in the engine'): Reply => json(500, { message }),
    tooNew: (): Reply => json(400, { message: 'client version 1.52 is too new. Maximum supported API version is 1.41' }),
    invalidJson: (): Reply => (res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('[{"Id": "abc", "Names": ["/half');
    },
    notAList: (): Reply => json(200, { message: 'this is an object, not a list' }),
    /** `bytes` of garbage, written in 1 MB chunks as the socket drains. */
    garbage: (bytes: number): Reply => (res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
        const chunk = Buffer.alloc(1 << 20, '<html>garbage</html>\n');
        let left = bytes;
        const write = () => {
            while (left > 0) {
                const n = Math.min(left, chunk.length);
                left -= n;
                if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
                    res.once('drain', write);
                    return;
                }
            }
            res.end();
        };
        write();
    },
};

export interface FakeContainer {
    Id: string;
    Names: string[];
    Image: string;
    ImageID: string;
    Command: string;
    Created: number;
    State: string;
    Status: string;
    Labels: Record<string, string>;
}

export interface FakeEngine {
    readonly socket: string;
    /** Requests as `METHOD /path` (version prefix and query removed), in order. */
    readonly requests: string[];
    count(request: string): number;
    /** Replies by `METHOD /path`, replacing the default. */
    readonly routes: Map<string, Reply>;
    readonly containers: FakeContainer[];
    /** true: GET /events answers 200 and then never sends a byte. */
    silentEvents: boolean;
    /** Sends an event to every open events stream (unless silent). */
    emit(event: object): void;
    /** Stops listening (the socket file goes away) and drops every connection. */
    stop(): Promise<void>;
    /** Listens again on the same socket. */
    start(): Promise<void>;
}

export function fakeContainer(id: string, name: string, state = 'exited'): FakeContainer {
    return { Id: id, Names: [`/${name}`], Image: 'busybox:latest', ImageID: 'sha256:' + 'b'.repeat(64), Command: 'sh', Created: 1_700_000_000, State: state, Status: state, Labels: {} };
}

export async function startFakeEngine(socket: string): Promise<FakeEngine> {
    const requests: string[] = [];
    const routes = new Map<string, Reply>();
    const containers: FakeContainer[] = [];
    const streams = new Set<http.ServerResponse>();
    const sockets = new Set<import('net').Socket>();
    const image = { Id: 'sha256:' + 'b'.repeat(64), RepoTags: ['busybox:latest'], RepoDigests: [], Created: 1_700_000_000, Size: 4_000_000, Labels: {} };
    const engine: FakeEngine = {
        socket,
        requests,
        count: (r) => requests.filter((x) => x === r).length,
        routes,
        containers,
        silentEvents: false,
        emit(event) {
            if (!engine.silentEvents) {
                for (const s of streams) {
                    s.write(JSON.stringify(event) + '\n');
                }
            }
        },
        stop: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) {
                    s.destroy();
                }
                server.close(() => resolve());
            }),
        start: () => listen(),
    };
    const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
        const url = new URL(req.url ?? '/', 'http://engine');
        const p = url.pathname.replace(/^\/v[\d.]+/, '');
        const key = `${req.method} ${p}`;
        requests.push(key);
        const chosen = routes.get(key);
        if (chosen) {
            return chosen(res);
        }
        if (key === 'GET /_ping') {
            res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.41' });
            return res.end('OK');
        }
        if (key === 'GET /version') {
            return json(200, { Version: '20.10.24', ApiVersion: '1.41', Os: 'linux', Arch: 'amd64', KernelVersion: '6.1.0' })(res);
        }
        if (key === 'GET /images/json') {
            return json(200, [image])(res);
        }
        if (key === 'GET /containers/json') {
            const filters = url.searchParams.get('filters');
            const ids = filters ? ((JSON.parse(filters) as { id?: string[] }).id ?? []) : undefined;
            return json(200, ids ? containers.filter((c) => ids.some((i) => c.Id.startsWith(i))) : containers)(res);
        }
        if (key === 'GET /events') {
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.flushHeaders();
            streams.add(res);
            res.on('close', () => streams.delete(res));
            return;
        }
        const action = /^POST \/containers\/([^/]+)\/(start|stop)$/.exec(key);
        if (action) {
            const c = containers.find((x) => x.Id.startsWith(action[1]) || x.Names[0] === `/${action[1]}`);
            if (!c) {
                return json(404, { message: `No such container: ${action[1]}` })(res);
            }
            c.State = c.Status = action[2] === 'start' ? 'running' : 'exited';
            res.writeHead(204);
            res.end();
            engine.emit({ Type: 'container', Action: action[2] === 'start' ? 'start' : 'die', Actor: { ID: c.Id, Attributes: { name: c.Names[0].slice(1) } }, time: Math.floor(Date.now() / 1000), timeNano: Date.now() * 1e6 });
            return;
        }
        if (/^GET \/images\/.+\/(json|history)$/.test(key)) {
            return json(200, key.endsWith('history') ? [{ Id: image.Id, Created: image.Created, CreatedBy: '/bin/sh -c #(nop) ADD file:x in / ', Size: 4_000_000, Tags: image.RepoTags, Comment: '' }] : { ...image, Created: '2023-11-14T22:13:20Z', Config: { Labels: {} }, RootFS: { Layers: [] } })(res);
        }
        return json(404, { message: `page not found: ${key}` })(res);
    };
    const server = http.createServer(handle);
    server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    const listen = () =>
        new Promise<void>((resolve, reject) => {
            fs.mkdirSync(path.dirname(socket), { recursive: true });
            fs.rmSync(socket, { force: true });
            server.once('error', reject);
            server.listen(socket, () => {
                server.off('error', reject);
                resolve();
            });
        });
    await listen();
    return engine;
}
