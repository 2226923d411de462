/**
 * HTTP over SSH to a remote engine, as the docker CLI does it (`ssh HOST docker system dial-stdio`),
 * but with one SSH connection for many requests: each request opens a channel on it. docker-modem's
 * own SSH transport makes a whole new SSH connection (key exchange, authentication, a new sshd
 * process) for every request, which measured ~6 s per request on a loaded machine.
 * No `vscode` import.
 */
import * as http from 'http';
import type { Duplex } from 'stream';
import type { Client, ConnectConfig } from 'ssh2';

/**
 * ssh2 (~330 KiB with its crypto) is required on the first SSH connection, not when the Docker
 * client loads: in the shipped build `ssh2` resolves to its own bundle, dist/docker-ssh2.js
 * (scripts/build.mjs), so a local engine never pays for it.
 */
function ssh2(): typeof import('ssh2') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
    return require('ssh2') as typeof import('ssh2');
}

/** sshd allows 10 sessions per connection by default (MaxSessions): stay below it. */
const CHANNELS_PER_CONNECTION = 8;

interface Conn {
    ready: Promise<Client>;
    open: number;
    closed: boolean;
}

export function sshHttpAgent(config: ConnectConfig): http.Agent {
    const conns: Conn[] = [];
    const connect = (): Conn => {
        const client = new (ssh2().Client)();
        const conn: Conn = { open: 0, closed: false, ready: undefined as unknown as Promise<Client> };
        conn.ready = new Promise<Client>((resolve, reject) => {
            client.once('ready', () => resolve(client));
            client.on('error', (e) => {
                conn.closed = true;
                reject(e);
            });
            client.once('close', () => {
                conn.closed = true;
                reject(new Error('The SSH connection closed.'));
            });
            client.connect(config);
        });
        conn.ready.catch(() => undefined);
        conns.push(conn);
        return conn;
    };
    const pick = (): Conn => {
        for (let i = conns.length - 1; i >= 0; i--) {
            if (conns[i].closed) {
                conns.splice(i, 1);
            }
        }
        return conns.find((c) => c.open < CHANNELS_PER_CONNECTION) ?? connect();
    };
    // keep-alive: a channel (one dial-stdio) carries request after request, as the CLI's connection does
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 10_000 });
    type Callback = (err: Error | null, stream?: Duplex) => void;
    (agent as unknown as { createConnection: (o: unknown, cb: Callback) => undefined }).createConnection = (_opts, cb) => {
        const conn = pick();
        conn.open++;
        let released = false;
        const release = () => {
            if (!released) {
                released = true;
                conn.open--;
            }
        };
        conn.ready.then(
            (client) =>
                client.exec('docker system dial-stdio', (err, stream) => {
                    if (err) {
                        release();
                        cb(err);
                        return;
                    }
                    stream.once('close', release);
                    // a socket's methods that http calls on its connections
                    const s = stream as unknown as Record<string, unknown>;
                    for (const m of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref']) {
                        s[m] ??= () => stream;
                    }
                    cb(null, stream);
                }),
            (e: Error) => {
                release();
                cb(e);
            },
        );
        return undefined;
    };
    const destroy = agent.destroy.bind(agent);
    agent.destroy = () => {
        destroy();
        for (const c of conns.splice(0)) {
            c.closed = true;
            c.ready.then((client) => client.end(), () => undefined);
        }
    };
    return agent;
}
