/**
 * `classifyError` against what really happens: real sockets, real ports, the real daemon's answers.
 * Each case records the low-level code Node gave, so a change of behaviour shows up here first.
 */
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { classifyError, DockerError, isConnectionError } from '../../src/docker/errors';
import { DockerClient } from '../../src/docker/types';
import { Cleanup, engineEndpoint, rawDocker, requireEngine, uniqueName } from './helpers';

async function pingError(dockerHost: string, timeoutMs = 5000): Promise<DockerError> {
    const client = createDockerClient(parseDockerHost(dockerHost, 'setting'), { timeoutMs });
    try {
        await client.ping();
    } catch (e) {
        assert.ok(e instanceof DockerError, `a DockerError, got ${e}`);
        return e;
    } finally {
        client.dispose();
    }
    throw new Error(`ping ${dockerHost} unexpectedly succeeded`);
}

async function apiError(promise: Promise<unknown>): Promise<DockerError> {
    try {
        await promise;
    } catch (e) {
        return classifyError(e);
    }
    throw new Error('the call unexpectedly succeeded');
}

/** A loopback port nobody listens on (bound, then closed). */
async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

/**
 * A unix socket file left behind by a listener that died (Node removes the file when a server
 * closes normally, so the listener is a child process that gets SIGKILL).
 */
async function staleSocket(file: string): Promise<void> {
    const child: ChildProcess = spawn(
        process.execPath,
        ['-e', `require('net').createServer().listen(${JSON.stringify(file)}, () => console.log('ready'))`],
        { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`listener exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    assert.ok(fs.statSync(file).isSocket(), 'the socket file is left behind');
}

describe('docker: error classification against reality', function () {
    this.timeout(30_000);
    let tmp: string;

    before(function () {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-err-'));
    });

    after(function () {
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    describe('without an engine', function () {
        it('a socket path that does not exist → noSocket (ENOENT)', async function () {
            const err = await pingError(`unix://${path.join(tmp, 'nothing-here', 'docker.sock')}`);
            assert.strictEqual(err.kind, 'noSocket');
            assert.strictEqual(err.detail, 'ENOENT');
            assert.ok(isConnectionError(err.kind));
        });

        it('a socket file whose listener died → refused (ECONNREFUSED)', async function () {
            const file = path.join(tmp, 'stale.sock');
            await staleSocket(file);
            const err = await pingError(`unix://${file}`);
            assert.strictEqual(err.kind, 'refused');
            assert.strictEqual(err.detail, 'ECONNREFUSED');
        });

        it('a plain file where the socket should be → refused (Linux answers ECONNREFUSED, not ENOTSOCK)', async function () {
            const file = path.join(tmp, 'plain-file.sock');
            fs.writeFileSync(file, 'not a socket');
            const err = await pingError(`unix://${file}`);
            assert.strictEqual(err.kind, 'refused');
            assert.strictEqual(err.detail, 'ECONNREFUSED');
        });

        it('a directory where the socket should be → refused (ECONNREFUSED)', async function () {
            const err = await pingError(`unix://${tmp}`);
            assert.strictEqual(err.kind, 'refused');
            assert.strictEqual(err.detail, 'ECONNREFUSED');
        });

        it('tcp://127.0.0.1:<closed port> → refused', async function () {
            const port = await closedPort();
            const err = await pingError(`tcp://127.0.0.1:${port}`);
            assert.strictEqual(err.kind, 'refused');
            assert.strictEqual(err.detail, 'ECONNREFUSED');
        });

        it('a socket that accepts but never answers → timeout, within the client timeout', async function () {
            const file = path.join(tmp, 'silent.sock');
            const sockets: net.Socket[] = [];
            const server = net.createServer((s) => sockets.push(s));
            await new Promise<void>((resolve) => server.listen(file, resolve));
            try {
                const t0 = Date.now();
                const err = await pingError(`unix://${file}`, 300);
                const took = Date.now() - t0;
                assert.strictEqual(err.kind, 'timeout');
                assert.ok(took >= 250 && took < 3000, `took ${took} ms`);
                assert.ok(sockets.length >= 1, 'the client did connect');
            } finally {
                sockets.forEach((s) => s.destroy());
                await new Promise((resolve) => server.close(resolve));
            }
        });
    });

    describe('with the private engine', function () {
        let docker: Dockerode;
        let cleanup: Cleanup;
        let client: DockerClient;

        before(function () {
            requireEngine(this);
            docker = rawDocker();
            cleanup = new Cleanup(docker);
            client = createDockerClient(engineEndpoint());
        });

        after(async function () {
            client?.dispose();
            await cleanup?.run();
        });

        it('inspecting a missing container → notFound with the daemon message', async function () {
            const name = uniqueName('missing');
            const err = await apiError(client.inspectContainer(name));
            assert.ok(err instanceof DockerError);
            assert.strictEqual(err.kind, 'notFound');
            assert.strictEqual(err.statusCode, 404);
            assert.strictEqual(err.message, `No such container: ${name}`);
            assert.ok(!isConnectionError(err.kind));
            // dockerode's own error, classified directly, says the same.
            const direct = await apiError(docker.getContainer(name).inspect());
            assert.strictEqual(direct.kind, 'notFound');
            assert.strictEqual(direct.message, err.message);
        });

        it('a missing image → notFound with the daemon message', async function () {
            const err = await apiError(client.inspectImage('dl-test-no-such-image:latest'));
            assert.strictEqual(err.kind, 'notFound');
            // Engine 20.10 says it twice: "no such image: X: No such image: X" (measured).
            assert.match(err.message, /No such image: dl-test-no-such-image:latest$/);
        });

        it('removing a running container → conflict with the daemon message', async function () {
            const container = await docker.createContainer({ Image: 'busybox', Cmd: ['sleep', '300'], name: uniqueName('conflict') });
            cleanup.container(container.id);
            await container.start();
            const err = await apiError(client.removeContainer(container.id));
            assert.strictEqual(err.kind, 'conflict');
            assert.strictEqual(err.statusCode, 409);
            assert.match(err.message, /You cannot remove a running container [0-9a-f]{64}\. Stop the container before attempting removal or force remove/);
            assert.strictEqual((await docker.getContainer(container.id).inspect()).State.Running, true, 'it was not removed');
        });

        it('a client API version the daemon does not speak → apiVersion', async function () {
            const socketPath = engineEndpoint().socketPath!;
            const tooNew = await apiError(new Dockerode({ socketPath, version: 'v1.99' }).version());
            assert.strictEqual(tooNew.kind, 'apiVersion', tooNew.message);
            assert.match(tooNew.message, /client version 1\.99 is too new\. Maximum supported API version is 1\.4\d/);
            const tooOld = await apiError(new Dockerode({ socketPath, version: 'v1.5' }).version());
            assert.strictEqual(tooOld.kind, 'apiVersion', tooOld.message);
            assert.match(tooOld.message, /client version 1\.5 is too old\. Minimum supported API version is 1\.12/);
        });
    });
});
