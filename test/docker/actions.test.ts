/**
 * The explorer's actions (`DockerActions` in src/docker/types.ts) against the real private engine:
 * inspect, limits, life cycle, logs, exec, images, pull, prune.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { DockerError } from '../../src/docker/errors';
import { DockerClient, ExecSession, PullProgress } from '../../src/docker/types';
import { buildImage, Cleanup, engineEndpoint, rawDocker, requireEngine, uniqueName, waitFor } from './helpers';

/** `sh` that leaves at once on SIGTERM (PID 1 ignores SIGTERM unless it traps it), so stop takes ~0.1 s, not 10 s. */
const POLITE = ['sh', '-c', 'trap "exit 0" TERM; echo ready; while true; do sleep 0.1; done'];

async function rejection(promise: Promise<unknown>): Promise<DockerError> {
    try {
        await promise;
    } catch (e) {
        assert.ok(e instanceof DockerError, `expected a DockerError, got ${e}`);
        return e;
    }
    throw new Error('the call unexpectedly succeeded');
}

/** Runs one command in an exec session and returns what it printed (TTY: CRLF line ends). */
async function execOutput(session: ExecSession, command: string, marker: string): Promise<string> {
    let text = '';
    session.onData((t) => (text += t));
    session.write(`${command}; echo ${marker}-$((40+2))\n`);
    await waitFor(`exec output of ${command}`, () => (text.includes(`${marker}-42`) ? true : undefined));
    return text;
}

describe('docker: DockerActions against the private engine', function () {
    this.timeout(30_000);
    let docker: Dockerode;
    let cleanup: Cleanup;
    let client: DockerClient;

    before(function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(engineEndpoint(), { timeoutMs: 10_000 });
    });

    after(async function () {
        client?.dispose();
        await cleanup?.run();
    });

    describe('a container with limits', function () {
        let id: string;
        const name = uniqueName('limits');

        before(async function () {
            if (!client) {
                return;
            }
            id = cleanup.container(
                await client.createContainer({
                    image: 'busybox',
                    name,
                    cmd: ['sleep', '300'],
                    memoryBytes: 64 * 1024 * 1024,
                    nanoCpus: 0.5e9,
                    pidsLimit: 20,
                    labels: { 'dl.test': 'limits', 'dl.test.html': '<img src=x onerror=alert(1)>' },
                }),
            );
            await client.startContainer(id);
        });

        it('createContainer gives a full id and the container is listed with its labels', async function () {
            assert.match(id, /^[0-9a-f]{64}$/);
            const listed = (await client.listContainers()).find((c) => c.id === id);
            assert.ok(listed);
            assert.strictEqual(listed.name, name);
            assert.strictEqual(listed.labels['dl.test'], 'limits');
            assert.strictEqual(listed.labels['dl.test.html'], '<img src=x onerror=alert(1)>', 'labels come back verbatim');
        });

        it('inspectContainer reports state, the host PID and the limits', async function () {
            const d = await client.inspectContainer(id);
            assert.strictEqual(d.id, id);
            assert.strictEqual(d.name, name);
            assert.strictEqual(d.image, 'busybox');
            assert.match(d.imageId, /^sha256:[0-9a-f]{64}$/);
            assert.strictEqual(d.command, 'sleep 300');
            assert.strictEqual(d.state.status, 'running');
            assert.strictEqual(d.state.running, true);
            assert.strictEqual(d.state.oomKilled, false);
            assert.ok(d.state.pid > 1, `pid ${d.state.pid}`);
            // The host sees the container's process under that PID.
            assert.strictEqual(fs.readFileSync(`/proc/${d.state.pid}/cmdline`, 'utf8'), 'sleep\x00300\x00');
            assert.strictEqual(d.limits.memory, 67108864);
            assert.strictEqual(d.limits.nanoCpus, 500_000_000);
            assert.strictEqual(d.limits.pidsLimit, 20);
            assert.strictEqual(d.tty, false);
            assert.strictEqual(d.sizeRw, undefined, 'no size unless asked');
            const sized = await client.inspectContainer(id, { size: true });
            assert.strictEqual(typeof sized.sizeRw, 'number');
        });

        it('the limits are what the kernel enforces inside (exec)', async function () {
            const session = await client.exec(id, ['sh'], { columns: 120, rows: 30 });
            try {
                const text = await execOutput(
                    session,
                    'cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/pids/pids.max',
                    'done',
                );
                const lines = text.split(/\r?\n/).map((l) => l.trim());
                assert.ok(lines.includes('67108864'), text);
                assert.ok(lines.includes('50000'), text);
                assert.ok(lines.includes('20'), text);
            } finally {
                session.close();
            }
        });

        it('exec reports the exit code of the shell', async function () {
            const session = await client.exec(id, ['sh']);
            const exited = new Promise<number | undefined>((resolve) => session.onExit(resolve));
            session.write('exit 3\n');
            assert.strictEqual(await exited, 3);
            session.close();
        });

        it('pause and unpause', async function () {
            await client.pauseContainer(id);
            assert.strictEqual((await client.inspectContainer(id)).state.status, 'paused');
            const listed = (await client.listContainers()).find((c) => c.id === id)!;
            assert.strictEqual(listed.state, 'paused');
            assert.match(listed.status, /\(Paused\)$/);
            await client.unpauseContainer(id);
            assert.strictEqual((await client.inspectContainer(id)).state.status, 'running');
        });

        it('starting a running container is not an error (304)', async function () {
            await client.startContainer(id);
            assert.strictEqual((await client.inspectContainer(id)).state.running, true);
        });

        it('removeContainer is never forced: a running container stays', async function () {
            const err = await rejection(client.removeContainer(id));
            assert.strictEqual(err.kind, 'conflict');
            assert.strictEqual((await client.inspectContainer(id)).state.running, true);
        });
    });

    describe('life cycle', function () {
        it('stop, restart, stop, remove', async function () {
            const id = cleanup.container(await client.createContainer({ image: 'busybox', name: uniqueName('life'), cmd: POLITE }));
            assert.strictEqual((await client.inspectContainer(id)).state.status, 'created');
            await client.startContainer(id);
            const firstStart = (await client.inspectContainer(id)).state.startedAt;

            const t0 = Date.now();
            await client.stopContainer(id);
            assert.ok(Date.now() - t0 < 5000, `stop took ${Date.now() - t0} ms`);
            let d = await client.inspectContainer(id);
            assert.strictEqual(d.state.status, 'exited');
            assert.strictEqual(d.state.exitCode, 0, 'the trap made it exit 0');
            await client.stopContainer(id); // already stopped: 304, not an error

            await client.restartContainer(id);
            d = await client.inspectContainer(id);
            assert.strictEqual(d.state.status, 'running');
            assert.notStrictEqual(d.state.startedAt, firstStart);

            await client.stopContainer(id);
            await client.removeContainer(id);
            const gone = await rejection(client.inspectContainer(id));
            assert.strictEqual(gone.kind, 'notFound');
            assert.ok(!(await client.listContainers()).some((c) => c.id === id));
        });

        it('a nonzero exit code shows in inspect and in the status text', async function () {
            const id = cleanup.container(await client.createContainer({ image: 'busybox', cmd: ['sh', '-c', 'exit 7'] }));
            await client.startContainer(id);
            await docker.getContainer(id).wait();
            const d = await client.inspectContainer(id);
            assert.strictEqual(d.state.exitCode, 7);
            assert.strictEqual(d.state.status, 'exited');
            const listed = (await client.listContainers()).find((c) => c.id === id)!;
            assert.match(listed.status, /^Exited \(7\) /);
            assert.match(listed.name, /^[a-z]+_[a-z]+\d*$/, 'the daemon made up a name');
        });
    });

    describe('streamLogs', function () {
        it('gives stdout and stderr of a finished container and ends by itself', async function () {
            const id = cleanup.container(
                // stdout and stderr reach the log file through two pipes: only the pause makes `three` surely last.
                await client.createContainer({ image: 'busybox', cmd: ['sh', '-c', 'echo one; echo two >&2; sleep 0.2; echo three'] }),
            );
            await client.startContainer(id);
            await docker.getContainer(id).wait();
            let text = '';
            await client.streamLogs(id, { tail: 100 }, (t) => (text += t), new AbortController().signal);
            assert.deepStrictEqual(text.split('\n').filter(Boolean).sort(), ['one', 'three', 'two']);
            assert.ok(![...text].some((ch) => ch.charCodeAt(0) < 9), `no stream frame headers in ${JSON.stringify(text)}`);

            let last = '';
            await client.streamLogs(id, { tail: 1 }, (t) => (last += t), new AbortController().signal);
            assert.strictEqual(last, 'three\n');
        });

        it('follows a running container until cancelled', async function () {
            const id = cleanup.container(
                await client.createContainer({ image: 'busybox', cmd: ['sh', '-c', 'echo early; sleep 0.3; echo later; exec sleep 300'] }),
            );
            await client.startContainer(id);
            const controller = new AbortController();
            let text = '';
            const done = client.streamLogs(id, { tail: 100 }, (t) => (text += t), controller.signal);
            await waitFor('the line written after the stream started', () => (text.includes('later\n') ? true : undefined));
            assert.strictEqual(text, 'early\nlater\n');
            controller.abort();
            const settled = await Promise.race([done.then(() => 'resolved'), new Promise((r) => setTimeout(() => r('hung'), 2000))]);
            assert.strictEqual(settled, 'resolved');
        });

        it('a TTY container is streamed raw', async function () {
            const id = cleanup.container(await client.createContainer({ image: 'busybox', cmd: ['echo', 'tty-line'], tty: true }));
            await client.startContainer(id);
            await docker.getContainer(id).wait();
            let text = '';
            await client.streamLogs(id, { tail: 10 }, (t) => (text += t), new AbortController().signal);
            assert.strictEqual(text, 'tty-line\r\n');
        });
    });

    describe('images', function () {
        it('inspectImage of busybox', async function () {
            const d = await client.inspectImage('busybox');
            assert.match(d.id, /^sha256:/);
            assert.ok(d.repoTags.includes('busybox:latest'));
            assert.strictEqual(d.os, 'linux');
            assert.strictEqual(d.architecture, process.arch === 'x64' ? 'amd64' : process.arch);
            assert.deepStrictEqual(d.cmd, ['sh']);
            assert.deepStrictEqual(d.entrypoint, []);
            assert.ok(d.size > 1_900_000 && d.size < 2_200_000, `size ${d.size}`);
        });

        it('imageHistory of busybox lists the Dockerfile steps oldest first', async function () {
            const layers = await client.imageHistory('busybox');
            assert.strictEqual(layers.length, 3, JSON.stringify(layers));
            const [copy, run, cmd] = layers;
            assert.match(copy.createdBy, /COPY file:[0-9a-f]+ in \/bin\/busybox/);
            assert.strictEqual(copy.size, fs.statSync('/bin/busybox').size);
            assert.strictEqual(copy.empty, false);
            // An exec-form RUN is recorded as the bare argv, without `/bin/sh -c`.
            assert.strictEqual(run.createdBy, '/bin/busybox --install -s /bin');
            assert.strictEqual(run.empty, false);
            assert.match(cmd.createdBy, /CMD \["sh"\]/);
            assert.strictEqual(cmd.empty, true);
            assert.deepStrictEqual(cmd.tags, ['busybox:latest']);
        });

        it('imageHistory of a pulled image has <missing> ids for the lower layers', async function () {
            const layers = await client.imageHistory('hello-world');
            assert.strictEqual(layers.length, 2);
            assert.strictEqual(layers[0].id, '<missing>', 'pulled images carry no parent chain');
            assert.match(layers[1].id, /^sha256:/);
        });

        it('removeImage refuses an image a container uses, then removes it', async function () {
            const tag = `${uniqueName('rmi')}:latest`;
            const imageId = cleanup.image(await buildImage(docker, `FROM busybox\nLABEL dl.test=rmi-${Math.random()}\n`, tag));
            const containerId = cleanup.container(await client.createContainer({ image: tag }));
            const err = await rejection(client.removeImage(tag));
            assert.strictEqual(err.kind, 'conflict');
            assert.match(err.message, /container [0-9a-f]{12} is using its referenced image/);
            await client.removeContainer(containerId);
            await client.removeImage(tag);
            assert.strictEqual((await rejection(client.inspectImage(imageId))).kind, 'notFound');
        });

        it('pruneDanglingImages removes an image that lost its tag', async function () {
            const tag = `${uniqueName('prune')}:latest`;
            const first = cleanup.image(await buildImage(docker, `FROM busybox\nLABEL dl.test=a-${Math.random()}\n`, tag));
            const second = cleanup.image(await buildImage(docker, `FROM busybox\nLABEL dl.test=b-${Math.random()}\n`, tag));
            assert.ok((await client.listImages()).find((i) => i.id === first)?.dangling);
            const result = await client.pruneDanglingImages();
            assert.ok(result.deleted.includes(first), `deleted ${JSON.stringify(result.deleted)}`);
            assert.ok(!result.deleted.includes(second));
            assert.strictEqual(typeof result.spaceReclaimed, 'number');
            const images = await client.listImages();
            assert.ok(!images.some((i) => i.id === first));
            assert.ok(images.some((i) => i.id === second));
            assert.ok(images.some((i) => i.repoTags.includes('busybox:latest')), 'busybox is not dangling, so it stays');
        });
    });

    describe('pullImage', function () {
        it('reports progress for an image that is already there', async function () {
            const progress: PullProgress[] = [];
            await client.pullImage('hello-world', (p) => progress.push(p));
            assert.ok(progress.some((p) => p.status === 'Status: Image is up to date for hello-world:latest'), JSON.stringify(progress));
        });

        it('pulls an image it does not have from the mirror', async function () {
            await docker.getImage('busybox:latest').tag({ repo: 'busybox', tag: 'dl-keep' });
            try {
                await docker.getImage('hello-world:latest').remove();
                const progress: PullProgress[] = [];
                await client.pullImage('hello-world:latest', (p) => progress.push(p));
                assert.ok(progress.some((p) => p.status === 'Downloaded newer image for hello-world:latest' || /Downloaded newer image/.test(p.status)), JSON.stringify(progress));
                assert.ok(progress.some((p) => p.status === 'Pull complete' && p.id.length === 12), 'per-layer progress');
                assert.ok((await client.listImages()).some((i) => i.repoTags.includes('hello-world:latest')));
            } finally {
                await docker.getImage('busybox:dl-keep').remove().catch(() => undefined);
                await docker.getImage('hello-world:latest').inspect().catch(async () => {
                    await new Promise<void>((resolve, reject) =>
                        docker.pull('hello-world:latest', {}, (e, s) => (e ? reject(e) : docker.modem.followProgress(s!, () => resolve()))),
                    );
                });
            }
        });

        it('a missing image in the loopback registry → notFound with the registry words, no HTTP wrapper', async function () {
            const mirror = ((await docker.info()) as { RegistryConfig: { Mirrors: string[] } }).RegistryConfig.Mirrors[0];
            const registry = new URL(mirror).host;
            const err = await rejection(client.pullImage(`${registry}/library/dl-test-nope:latest`, () => undefined));
            assert.strictEqual(err.kind, 'notFound');
            assert.match(err.message, /manifest unknown/);
            assert.doesNotMatch(err.message, /HTTP code/, 'the daemon message, not docker-modem wording');
        });

        it('a Hub image the mirror lacks → an error that carries the daemon message', async function () {
            const err = await rejection(client.pullImage('dl-test-nope-hub:latest', () => undefined));
            // The engine falls back to registry-1.docker.io, which the test engine cannot reach (a proxy on a closed port).
            assert.match(err.message, /registry-1\.docker\.io/, `message was "${err.message}"`);
            assert.notStrictEqual(err.message, 'server error');
        });
    });
});
