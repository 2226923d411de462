/**
 * The Docker client as it ships: `dist/docker.js` (built by `npm test` first), where esbuild gives
 * dockerode and docker-modem Node's own streams instead of `readable-stream` (scripts/build.mjs).
 * The other docker tests run the TypeScript sources; this one runs every streaming path of the bundle
 * against the private engine: logs, an interactive exec, attach, pull and a build.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Dockerode from 'dockerode';
import * as net from 'net';
import { parseDockerHost } from '../../src/docker/endpoint';
import type { DockerClient, DockerEndpoint } from '../../src/docker/types';
import { Cleanup, engineEndpoint, rawDocker, requireEngine, uniqueName } from './helpers';

const bundle = path.join(__dirname, '..', '..', '..', 'dist', 'docker.js');

describe('docker: the shipped client bundle (dist/docker.js, Node streams) against the private engine', function () {
    this.timeout(60_000);
    let docker: Dockerode;
    let cleanup: Cleanup;
    let client: DockerClient;
    let createDockerClient: (e: DockerEndpoint, o: { timeoutMs: number }) => DockerClient;

    before(function () {
        requireEngine(this);
        assert.ok(fs.existsSync(bundle), `${bundle} is missing: run \`node scripts/build.mjs\` first`);
        assert.ok(!fs.readFileSync(bundle, 'utf8').includes('readable-stream'), 'the bundle still carries readable-stream');
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, not a module of the tree
        ({ createDockerClient } = require(bundle) as { createDockerClient: (e: DockerEndpoint, o: { timeoutMs: number }) => DockerClient });
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(engineEndpoint(), { timeoutMs: 20_000 });
    });

    after(async function () {
        client?.dispose();
        await cleanup?.run();
    });

    async function sleeper(): Promise<string> {
        const c = await docker.createContainer({ Image: 'busybox', Cmd: ['sh', '-c', 'echo line-one; echo line-two; sleep 300'], name: uniqueName('bundle') });
        cleanup.container(c.id);
        await c.start();
        return c.id;
    }

    it('streams logs', async function () {
        const id = await sleeper();
        let text = '';
        const controller = new AbortController();
        const done = client.streamLogs(id, { tail: 100 }, (t) => (text += t), controller.signal);
        for (let i = 0; i < 100 && !text.includes('line-two'); i++) {
            await new Promise((r) => setTimeout(r, 50));
        }
        controller.abort();
        await done.catch(() => undefined);
        assert.match(text, /line-one\r?\nline-two/);
    });

    it('runs an interactive exec: input in, output and the exit code out', async function () {
        const id = await sleeper();
        const session = await client.exec(id, ['sh']);
        let out = '';
        session.onData((t) => (out += t));
        const exited = new Promise<number | undefined>((resolve) => session.onExit(resolve));
        session.write('echo from-exec-$((6*7))\nexit 4\n');
        assert.strictEqual(await exited, 4);
        assert.match(out, /from-exec-42/);
        session.close();
    });

    it('captures an exec', async function () {
        const id = await sleeper();
        const r = await client.execCapture(id, ['sh', '-c', 'echo captured; exit 2']);
        assert.strictEqual(r.exitCode, 2);
        assert.match(r.output, /captured/);
    });

    it('attaches before start and gets all the output', async function () {
        const c = await docker.createContainer({ Image: 'busybox', Cmd: ['sh', '-c', 'for i in 1 2 3; do echo attached-$i; done'], name: uniqueName('attach') });
        cleanup.container(c.id);
        let text = '';
        const { outputEnded } = await client.attachAndStart(c.id, (t) => (text += t));
        await outputEnded;
        assert.match(text, /attached-1\r?\nattached-2\r?\nattached-3/);
    });

    it('pulls with progress', async function () {
        const statuses: string[] = [];
        await client.pullImage('hello-world', (p) => statuses.push(p.status));
        assert.ok(statuses.some((s) => /hello-world:latest/.test(s)), statuses.join(' | '));
    });

    it('builds a context folder and streams the output', async function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-bundle-'));
        try {
            fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\n');
            fs.writeFileSync(path.join(dir, 'hello.txt'), `from the bundle ${Math.random()}\n`);
            const tag = `${uniqueName('bundle-build')}:1`;
            let output = '';
            const result = await client.buildImage(dir, 'Dockerfile', tag, (e) => e.kind === 'output' && (output += e.text));
            cleanup.image(tag);
            assert.ok(result.ok, output);
            assert.match(output, /from the bundle/);
            assert.ok((await docker.getImage(tag).inspect()).Id.startsWith('sha256:'));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('ssh2 is not in it: an ssh:// endpoint loads it from dist/docker-ssh2.js on the first connection', async function () {
        assert.ok(!fs.readFileSync(bundle, 'utf8').includes('SSH-2.0-'), 'ssh2 is bundled into dist/docker.js');
        assert.ok(fs.readFileSync(path.join(path.dirname(bundle), 'docker-ssh2.js'), 'utf8').includes('SSH-2.0-'));
        // a server that answers every connection with a line that is not SSH: ssh2 runs, and fails the handshake
        const server = net.createServer((s) => s.end('not ssh\r\n'));
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        const port = (server.address() as net.AddressInfo).port;
        const ssh = createDockerClient(parseDockerHost(`ssh://root@127.0.0.1:${port}`, 'setting'), { timeoutMs: 10_000 });
        try {
            const err = await ssh.ping().then(
                () => undefined,
                (e: Error) => e,
            );
            assert.ok(err, 'a ping over a non-SSH server must fail');
            assert.doesNotMatch(String(err.message), /Cannot find module/, err.message);
        } finally {
            ssh.dispose();
            server.close();
        }
    });
});
