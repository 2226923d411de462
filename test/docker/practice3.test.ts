/**
 * The exercises of lessons 8–10 done for real on the private engine: the evidence a runner would
 * gather (inspect JSON, the engine's events) is read before the task (not done) and after it (done).
 */
import * as assert from 'assert';
import Dockerode from 'dockerode';
import { fetchWithRetry } from '../../src/lessons/live/labKit';
import { secondTag } from '../../src/lessons/practice/imageNames';
import { publish8081 } from '../../src/lessons/practice/ports';
import type { PracticeEvidence } from '../../src/lessons/practice/types';
import { keepData } from '../../src/lessons/practice/volumes';
import { SHELL } from './demoContext';
import { rawDocker, requireEngine, uniqueName } from './helpers';

const LABEL = { 'dl-test': 'practice3' };

async function eventsSince(docker: Dockerode, since: number): Promise<Record<string, unknown>[]> {
    const stream = await docker.getEvents({ since, until: Math.floor(Date.now() / 1000) + 1, filters: { type: ['container', 'volume', 'image'] } });
    let text = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
        text += chunk.toString();
    }
    return text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

function evidence(parts: Partial<PracticeEvidence>): PracticeEvidence {
    return { containers: [], images: [], volumes: [], events: [], ...parts };
}

describe('docker: the exercises of lessons 8–10, done on the private engine', function () {
    this.timeout(60_000);
    let docker: Dockerode;
    const containers: string[] = [];
    const cleanupTags: string[] = [];
    let network: string | undefined;
    let volume: string | undefined;

    before(function () {
        requireEngine(this);
        docker = rawDocker();
    });

    after(async function () {
        if (!docker) {
            return;
        }
        for (const id of containers) {
            await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
        }
        for (const t of cleanupTags) {
            await docker.getImage(t).remove().catch(() => undefined);
        }
        if (network) {
            await docker.getNetwork(network).remove().catch(() => undefined);
        }
        if (volume) {
            await docker.getVolume(volume).remove().catch(() => undefined);
        }
    });

    it('ports.publish8081: -p 8081:80 is not done (0.0.0.0); -p 127.0.0.1:8081:80 is, and the page answers', async function () {
        network = uniqueName('practice-net');
        await docker.createNetwork({ Name: network, Driver: 'bridge', Labels: LABEL });
        const web = async (hostIp: string) => {
            // as `docker run -p` sends it: the CLI adds the port to ExposedPorts too (without it, API 1.41 publishes nothing)
            const c = await docker.createContainer({ Image: SHELL, Cmd: ['httpd', '-f', '-p', '80', '-h', '/'], Labels: LABEL, ExposedPorts: { '80/tcp': {} }, HostConfig: { NetworkMode: network, PortBindings: { '80/tcp': [{ HostIp: hostIp, HostPort: '8081' }] } } });
            containers.push(c.id);
            await c.start();
            return c;
        };
        const wrong = await web('');
        const before = publish8081.check(evidence({ containers: [await wrong.inspect()] as unknown as Record<string, unknown>[] }));
        assert.strictEqual(before.done, false);
        assert.ok(before.checks.some((c) => !c.ok && c.text.en.startsWith('The port is published on 0.0.0.0 (every address), not 127.0.0.1')), JSON.stringify(before.checks));
        await wrong.remove({ force: true });
        const right = await web('127.0.0.1');
        const after = publish8081.check(evidence({ containers: [await right.inspect()] as unknown as Record<string, unknown>[] }));
        assert.strictEqual(after.done, true, JSON.stringify(after.checks));
        const r = await fetchWithRetry('http://127.0.0.1:8081/', 5000);
        assert.ok(r.status !== undefined, `http://127.0.0.1:8081/ answered: ${JSON.stringify(r)}`);
        await right.remove({ force: true });
    });

    it('ports.publish8081: PortBindings without ExposedPorts (an API client, not the CLI) are not published, and the checker says the engine did not publish it', async function () {
        assert.ok(network, 'runs after the test that made the network');
        const c = await docker.createContainer({ Image: SHELL, Cmd: ['httpd', '-f', '-p', '80', '-h', '/'], Labels: LABEL, HostConfig: { NetworkMode: network, PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8081' }] } } });
        containers.push(c.id);
        await c.start();
        const json = (await c.inspect()) as unknown as { NetworkSettings: { Ports: Record<string, unknown> } };
        assert.deepStrictEqual(json.NetworkSettings.Ports, {}, 'the engine published nothing');
        const v = publish8081.check(evidence({ containers: [json as unknown as Record<string, unknown>] }));
        assert.strictEqual(v.done, false);
        assert.deepStrictEqual(v.checks.filter((x) => !x.ok).map((x) => x.text.en), ['The engine has not published the port (NetworkSettings.Ports has no binding for it).']);
        await c.remove({ force: true });
    });

    it('volumes.keepData: a writer not yet removed is not done; after docker rm and a reader it is', async function () {
        volume = 'lesson-data';
        assert.ok(!(await docker.listVolumes()).Volumes?.some((v) => v.Name === volume), 'no lesson-data volume before the test (the exercise names it)');
        const since = Math.floor(Date.now() / 1000) - 1;
        const run = async (cmd: string[]) => {
            const c = await docker.createContainer({ Image: SHELL, Cmd: cmd, Labels: LABEL, HostConfig: { Binds: ['lesson-data:/data'] } });
            containers.push(c.id);
            await c.start();
            await c.wait();
            return c;
        };
        const writer = await run(['sh', '-c', 'echo kept > /data/note.txt']);
        const writerJson = (await writer.inspect()) as unknown as Record<string, unknown>;
        const notYet = keepData.check(evidence({ containers: [writerJson], events: await eventsSince(docker, since) }));
        assert.strictEqual(notYet.done, false);
        assert.match(notYet.checks[0].text.en, /now remove it with docker rm/);
        await writer.remove();
        await new Promise((r) => setTimeout(r, 1100));
        const reader = await run(['cat', '/data/note.txt']);
        const readerJson = (await reader.inspect()) as unknown as Record<string, unknown>;
        const done = keepData.check(evidence({ containers: [writerJson, readerJson], events: await eventsSince(docker, since) }));
        assert.strictEqual(done.done, true, JSON.stringify(done.checks));
        await reader.remove();
        await docker.getVolume('lesson-data').remove();
    });

    it('names.secondTag: busybox alone is not done; after docker tag busybox lesson/web:1.0 it is', async function () {
        const before = secondTag.check(evidence({ images: [(await docker.getImage(`${SHELL}:latest`).inspect()) as unknown as Record<string, unknown>] }));
        assert.strictEqual(before.done, false);
        assert.deepStrictEqual(before.checks.map((c) => c.text.en), ['No image is called lesson/web:1.0 yet.']);
        await docker.getImage(`${SHELL}:latest`).tag({ repo: 'lesson/web', tag: '1.0' });
        cleanupTags.push('lesson/web:1.0');
        const after = secondTag.check(evidence({ images: [(await docker.getImage('lesson/web:1.0').inspect()) as unknown as Record<string, unknown>] }));
        assert.strictEqual(after.done, true, JSON.stringify(after.checks));
    });
});
