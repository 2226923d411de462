/**
 * The engine model on a real engine: the real client, the real events stream, changes made from
 * outside (as a terminal would). Counts what the model asks the engine for each change.
 */
import * as assert from 'assert';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { ContainerSummary, DockerClient, ImageSummary } from '../../src/docker/types';
import { EngineModel, ModelSource } from '../../src/model/engineModel';
import { Cleanup, engineEndpoint, rawDocker, requireEngine, uniqueName, waitFor } from './helpers';

describe('engine model on a real engine (per-event updates)', function () {
    let client: DockerClient;
    let cleanup: Cleanup;
    const calls: string[] = [];
    let model: EngineModel;
    let stream: { dispose(): void } | undefined;

    before(async function () {
        requireEngine(this);
        cleanup = new Cleanup(rawDocker());
        client = createDockerClient(engineEndpoint(), { timeoutMs: 10_000 });
        const counted: ModelSource = {
            listImages: (s?: AbortSignal): Promise<ImageSummary[]> => (calls.push('images'), client.listImages(s)),
            listContainers: (s?: AbortSignal, ids?: readonly string[]): Promise<ContainerSummary[]> => (calls.push(ids ? `containers:${ids.length}` : 'containers'), client.listContainers(s, ids)),
            findImage: (ref: string, s?: AbortSignal) => (calls.push(`image:${ref}`), client.findImage(ref, s)),
        };
        model = new EngineModel(() => counted, { batchMs: 50 });
        stream = client.streamEvents({ onEvent: (e) => model.queue(e), onClose: () => undefined });
        await model.load();
    });

    after(async () => {
        stream?.dispose();
        model?.dispose();
        await cleanup?.run();
        client?.dispose();
    });

    it('a container started and stopped from outside reaches the model with filtered lists only, never a full list', async () => {
        const docker = rawDocker();
        calls.length = 0;
        const c = await docker.createContainer({ Image: 'busybox', Cmd: ['sleep', '60'], name: uniqueName('model') });
        cleanup.container(c.id);
        await waitFor('the new container in the model', () => model.containers.get(c.id));
        await c.start();
        await waitFor('running in the model', () => (model.containers.get(c.id)?.state === 'running' ? true : undefined));
        await c.stop({ t: 0 });
        await waitFor('exited in the model', () => (model.containers.get(c.id)?.state === 'exited' ? true : undefined));
        assert.ok(calls.length > 0, 'the model asked the engine');
        assert.ok(
            calls.every((x) => x === 'containers:1'),
            `only one-container lists, got ${calls.join(', ')}`,
        );
        assert.ok(model.instancesOf(model.containers.get(c.id)!.imageId).some((x) => x.id === c.id), 'indexed as an instance of its image');
        await c.remove();
        await waitFor('gone from the model', () => (model.containers.has(c.id) ? undefined : true));
    });

    it('a tag and its removal re-read only that image (GET /images/{ref}/json)', async () => {
        const docker = rawDocker();
        calls.length = 0;
        const repo = uniqueName('model-tag');
        await docker.getImage('busybox').tag({ repo, tag: 'v1' });
        cleanup.image(`${repo}:v1`);
        await waitFor('the tag in the model', () => model.image(`${repo}:v1`));
        await docker.getImage(`${repo}:v1`).remove();
        await waitFor('the tag gone from the model', () => (model.image(`${repo}:v1`) ? undefined : true));
        assert.ok(model.image('busybox:latest'), 'busybox itself stays');
        assert.ok(calls.length > 0 && calls.every((x) => x.startsWith('image:')), `only single-image reads, got ${calls.join(', ')}`);
    });

    it('findImage answers undefined for an image the engine does not have (404), not an error', async () => {
        assert.strictEqual(await client.findImage('dl-test-no-such-image:nope'), undefined);
    });
});
