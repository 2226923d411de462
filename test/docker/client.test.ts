/**
 * `DockerClient` (src/docker/dockerodeClient.ts) against the real private engine.
 */
import * as assert from 'assert';
import * as os from 'os';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { DockerClient, EngineEvent } from '../../src/docker/types';
import { buildImage, Cleanup, engineEndpoint, rawDocker, requireEngine, sleep, uniqueName, waitFor } from './helpers';

/** Open, ref'd unix-socket handles of this process (an idle keep-alive socket is unref'd). */
function openPipes(): number {
    return process.getActiveResourcesInfo().filter((r) => r === 'PipeWrap').length;
}

describe('docker: DockerodeClient against the private engine', function () {
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

    /** A running `sleep` container from busybox; returns its id. */
    async function startSleeper(name: string): Promise<string> {
        const container = await docker.createContainer({ Image: 'busybox', Cmd: ['sleep', '300'], name });
        cleanup.container(container.id);
        await container.start();
        return container.id;
    }

    describe('endpoint', function () {
        it('comes from DOCKER_HOST', function () {
            const endpoint = client.endpoint;
            assert.strictEqual(endpoint.source, 'env');
            assert.strictEqual(endpoint.kind, 'unix');
            assert.strictEqual(`unix://${endpoint.socketPath}`, process.env.DOCKER_HOST);
        });
    });

    describe('ping and version', function () {
        it('pings', async function () {
            await client.ping();
        });

        it('reports the API version and the host kernel', async function () {
            const v = await client.version();
            assert.match(v.apiVersion, /^1\.4\d$/, `apiVersion ${v.apiVersion}`);
            // Debian 12's docker.io 20.10 speaks 1.41; the minimum is 1.12.
            assert.strictEqual(v.minApiVersion, '1.12');
            assert.match(v.version, /^\d+\.\d+\.\d+/);
            assert.strictEqual(v.os, 'linux');
            assert.strictEqual(v.kernelVersion, os.release(), 'containers share the host kernel');
        });

        it('honours a caller that cancels', async function () {
            const controller = new AbortController();
            controller.abort();
            await assert.rejects(client.version(controller.signal), (e: { kind?: string }) => e.kind === 'cancelled');
        });
    });

    describe('listImages', function () {
        it('lists the seeded images with tags, short ids and no dangling flag', async function () {
            const images = await client.listImages();
            for (const tag of ['hello-world:latest', 'busybox:latest']) {
                const image = images.find((i) => i.repoTags.includes(tag));
                assert.ok(image, `${tag} in ${JSON.stringify(images.map((i) => i.repoTags))}`);
                assert.match(image.id, /^sha256:[0-9a-f]{64}$/);
                assert.match(image.shortId, /^[0-9a-f]{12}$/);
                assert.strictEqual(image.shortId, image.id.slice(7, 19));
                assert.strictEqual(image.dangling, false);
                assert.ok(image.size > 0, `size of ${tag}`);
                assert.ok(image.created > 1_600_000_000 && image.created <= Date.now() / 1000 + 60, `created ${image.created}`);
                const raw = await docker.getImage(tag).inspect();
                assert.strictEqual(image.id, raw.Id);
                assert.deepStrictEqual([...image.repoTags].sort(), [...raw.RepoTags].sort());
            }
            const hello = images.find((i) => i.repoTags.includes('hello-world:latest'))!;
            assert.ok(hello.repoDigests.some((d) => d.startsWith('hello-world@sha256:')), `repoDigests ${JSON.stringify(hello.repoDigests)}`);
        });

        it('shows an image that lost its tag as dangling, without <none>:<none>', async function () {
            const tag = `${uniqueName('dangling')}:latest`;
            const first = cleanup.image(await buildImage(docker, `FROM busybox\nLABEL dl.test.build="first ${Math.random()}"\n`, tag));
            const second = cleanup.image(await buildImage(docker, `FROM busybox\nLABEL dl.test.build="second ${Math.random()}"\n`, tag));
            assert.notStrictEqual(first, second);

            // What the daemon itself says about the first image now.
            const raw = (await docker.listImages()).find((i) => i.Id === first);
            assert.ok(raw, 'the untagged image is still listed by the daemon');

            const images = await client.listImages();
            const dangling = images.find((i) => i.id === first);
            assert.ok(dangling, 'the dangling image is listed');
            assert.strictEqual(dangling.dangling, true);
            assert.deepStrictEqual(dangling.repoTags, [], `raw RepoTags were ${JSON.stringify(raw.RepoTags)}`);
            assert.ok(!dangling.repoDigests.some((d) => d.includes('<none>')));
            assert.deepStrictEqual(dangling.labels['dl.test.build']?.startsWith('first'), true);

            const tagged = images.find((i) => i.id === second);
            assert.ok(tagged);
            assert.strictEqual(tagged.dangling, false);
            assert.deepStrictEqual(tagged.repoTags, [tag]);
            assert.ok(!images.some((i) => i.repoTags.some((t) => t.includes('<none>'))), 'no <none> tags anywhere');
        });
    });

    describe('listContainers', function () {
        it('follows a container from running to exited', async function () {
            const name = uniqueName('sleeper');
            const id = await startSleeper(name);

            const running = (await client.listContainers()).find((c) => c.id === id);
            assert.ok(running, 'the new container is listed');
            assert.strictEqual(running.state, 'running');
            assert.strictEqual(running.name, name);
            assert.strictEqual(running.shortId, id.slice(0, 12));
            assert.strictEqual(running.image, 'busybox');
            assert.match(running.imageId, /^sha256:[0-9a-f]{64}$/);
            assert.strictEqual(running.command, 'sleep 300');
            assert.match(running.status, /^Up /);

            await docker.getContainer(id).stop({ t: 0 });
            const exited = (await client.listContainers()).find((c) => c.id === id);
            assert.ok(exited, 'a stopped container is still listed (all=1)');
            assert.strictEqual(exited.state, 'exited');
            assert.match(exited.status, /^Exited \(137\) /);
            assert.strictEqual(exited.name, name);
        });

        it('lists a created-only container as created', async function () {
            const name = uniqueName('created');
            const container = await docker.createContainer({ Image: 'hello-world', name });
            cleanup.container(container.id);
            const listed = (await client.listContainers()).find((c) => c.id === container.id);
            assert.ok(listed);
            assert.strictEqual(listed.state, 'created');
            assert.strictEqual(listed.status, 'Created');
            assert.strictEqual(listed.image, 'hello-world');
        });
    });

    describe('streamEvents', function () {
        it('delivers create and start events, and stops delivering after dispose', async function () {
            const events: EngineEvent[] = [];
            const closes: Array<Error | undefined> = [];
            const pipesBefore = openPipes();
            const stream = client.streamEvents({ onEvent: (e) => events.push(e), onClose: (e) => closes.push(e) });
            try {
                // The stream gives no "connected" signal: poke the daemon with image tags until one is seen.
                const probe = uniqueName('probe');
                await waitFor(
                    'the events stream to deliver a probe event',
                    async () => {
                        const tag = `t${Date.now()}`;
                        await docker.getImage('busybox:latest').tag({ repo: probe, tag });
                        cleanup.image(`${probe}:${tag}`);
                        await sleep(100);
                        return events.find((e) => e.type === 'image' && e.action === 'tag') ? true : undefined;
                    },
                    5000,
                    0,
                );
                assert.ok(openPipes() > pipesBefore, 'the stream holds a socket open');

                const id = await startSleeper(uniqueName('events'));
                const mine = await waitFor('create and start events', () => {
                    const forId = events.filter((e) => e.id === id && e.type === 'container');
                    return forId.some((e) => e.action === 'start') ? forId : undefined;
                });
                const actions = mine.map((e) => e.action);
                assert.ok(actions.includes('create'), `actions: ${actions}`);
                assert.ok(actions.indexOf('create') < actions.indexOf('start'), `order: ${actions}`);
                const create = mine.find((e) => e.action === 'create')!;
                assert.strictEqual(create.attributes.image, 'busybox');
                assert.ok(create.attributes.name?.startsWith('dl-test-events-'), JSON.stringify(create.attributes));
                assert.ok(Math.abs(create.time - Date.now()) < 60_000, `time ${create.time} is in milliseconds`);
                assert.deepStrictEqual(closes, [], 'the stream did not close by itself');
            } finally {
                stream.dispose();
            }

            const seen = events.length;
            await sleep(50);
            assert.ok(openPipes() <= pipesBefore, `sockets still open after dispose: ${process.getActiveResourcesInfo()}`);
            const other = await startSleeper(uniqueName('after-dispose'));
            await docker.getContainer(other).stop({ t: 0 });
            await sleep(1000);
            assert.strictEqual(events.length, seen, `events after dispose: ${JSON.stringify(events.slice(seen))}`);
            assert.ok(closes.every((e) => e === undefined), `onClose errors after dispose: ${closes}`);
        });

        it('disposing one stream leaves another stream of the same client running', async function () {
            const a: EngineEvent[] = [];
            const b: EngineEvent[] = [];
            const closedB: Array<Error | undefined> = [];
            const streamA = client.streamEvents({ onEvent: (e) => a.push(e), onClose: () => undefined });
            const streamB = client.streamEvents({ onEvent: (e) => b.push(e), onClose: (e) => closedB.push(e) });
            try {
                const probe = uniqueName('probe2');
                await waitFor(
                    'both streams to deliver a probe event',
                    async () => {
                        const tag = `t${Date.now()}`;
                        await docker.getImage('busybox:latest').tag({ repo: probe, tag });
                        cleanup.image(`${probe}:${tag}`);
                        await sleep(100);
                        return a.some((e) => e.action === 'tag') && b.some((e) => e.action === 'tag') ? true : undefined;
                    },
                    5000,
                    0,
                );
                streamA.dispose();
                const id = await startSleeper(uniqueName('events-b'));
                await waitFor('the start event on the stream that was not disposed', () =>
                    b.some((e) => e.id === id && e.action === 'start') ? true : undefined,
                );
                assert.ok(!a.some((e) => e.id === id), 'the disposed stream got nothing');
                assert.deepStrictEqual(closedB, []);
            } finally {
                streamA.dispose();
                streamB.dispose();
            }
        });
    });
});
