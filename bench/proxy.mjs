// A counting proxy on a unix socket in front of the engine's socket: every byte and every request
// line that goes through it is counted, so a benchmark (or a test) can say exactly what the product
// asked the engine for. Stopped by its own close(); binds only a unix socket.
import * as fs from 'node:fs';
import * as net from 'node:net';

export async function startCountingProxy(targetSocket, listenSocket) {
    fs.rmSync(listenSocket, { force: true });
    const stats = { requests: [], bytesFromEngine: 0, bytesToEngine: 0, open: 0 };
    const sockets = new Set();
    const server = net.createServer((client) => {
        const upstream = net.connect(targetSocket);
        sockets.add(client);
        sockets.add(upstream);
        stats.open++;
        client.on('data', (chunk) => {
            stats.bytesToEngine += chunk.length;
            // a request starts with its request line; keep-alive sends several on one connection
            for (const m of chunk.toString('latin1').matchAll(/(?:^|\r\n)(GET|POST|DELETE|PUT|HEAD) (\S+) HTTP\/1\.[01]\r\n/g)) {
                stats.requests.push({ at: performance.now(), method: m[1], path: decodeURIComponent(m[2]) });
            }
            upstream.write(chunk);
        });
        upstream.on('data', (chunk) => {
            stats.bytesFromEngine += chunk.length;
            client.write(chunk);
        });
        const end = () => {
            if (sockets.delete(client)) {
                stats.open--;
            }
            sockets.delete(upstream);
            client.destroy();
            upstream.destroy();
        };
        client.on('close', end);
        upstream.on('close', end);
        client.on('error', end);
        upstream.on('error', end);
    });
    await new Promise((resolve, reject) => server.listen(listenSocket, resolve).on('error', reject));
    return {
        socket: listenSocket,
        stats,
        /** Counts since `mark()`: requests (without the long-lived events stream) and bytes from the engine. */
        mark() {
            const r = stats.requests.length;
            const b = stats.bytesFromEngine;
            return () => ({ requests: stats.requests.slice(r), bytes: stats.bytesFromEngine - b });
        },
        close: () =>
            new Promise((resolve) => {
                for (const s of sockets) {
                    s.destroy();
                }
                server.close(() => resolve());
            }),
    };
}
