/**
 * Lessons 8–10 live (ports, data that outlives a container, image names) against the real private
 * engine: first the facts themselves with the extension's own client (an HTTP fetch from this process
 * fails without -p and answers with it; a file is gone with its container's writable layer and kept in
 * a named volume and a bind mount; two tags name one image id), then each demo through a real
 * `DemoContext`, with the daemon's events checked for the walkthrough ticks.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { DockerClient, EngineEvent } from '../../src/docker/types';
import { LESSON_LABEL, lessonCompletedBy, NAMES_REPO } from '../../src/lessons/evidence';
import { fetchFromHost, fetchWithRetry, freeLoopbackPort, runRemoved } from '../../src/lessons/live/labKit';
import { NamesDemo } from '../../src/lessons/live/names';
import { PortsDemo } from '../../src/lessons/live/ports';
import { VolumesDemo } from '../../src/lessons/live/volumes';
import type { LiveView } from '../../src/protocol/panelProtocol';
import { HELLO, SHELL, TestContext } from './demoContext';
import { Cleanup, rawDocker, requireEngine, uniqueName, waitFor, whenEventsLive } from './helpers';

const OWN = { 'dl-test': 'lessons3' };
/** An HTTP request from inside a container (busybox's static wget crashes resolving names; nc does not). */
const ASK = (port: number) => ['sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 localhost ${port}`];
const HTTPD = (text: string) => ['sh', '-c', `mkdir -p /www && echo "${text}" > /www/index.html && exec httpd -f -p 80 -h /www`];

function describeView(v: LiveView): string {
    return JSON.stringify({ state: v.state, message: v.message, steps: v.steps?.map((s) => `${s.n}:${s.state}:${s.detail ?? ''}`), conclusion: v.conclusion?.points.map((p) => `${p.state}: ${p.text}`) });
}

describe('docker: lessons 8–10 (ports, volumes, image names) against the private engine', function () {
    this.timeout(60_000);
    let docker: Dockerode;
    let cleanup: Cleanup;
    let client: DockerClient;
    let events: EngineEvent[];
    let stream: { dispose(): void } | undefined;
    const networks: string[] = [];
    const volumes: string[] = [];

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        for (const ref of [`${HELLO}:latest`, `${SHELL}:latest`]) {
            assert.ok(await client.hasImage(ref), `${ref} is seeded on the test engine`);
        }
        events = [];
        stream = client.streamEvents({ onEvent: (e) => events.push(e), onClose: () => undefined });
        const probe = `dl-test-probe3-${process.pid}`;
        await whenEventsLive(docker, `${SHELL}:latest`, probe, events);
    });

    after(async function () {
        if (!docker) {
            return;
        }
        stream?.dispose();
        client?.dispose();
        await cleanup.run();
        for (const n of networks) {
            await docker.getNetwork(n).remove().catch(() => undefined);
        }
        for (const v of volumes) {
            await docker.getVolume(v).remove().catch(() => undefined);
        }
    });

    describe('ports: the facts', function () {
        let net: string;
        let hostPort: number;
        const text = `dl-test-page-${process.pid}`;

        before(async function () {
            net = uniqueName('net');
            networks.push((await client.createNetwork(net, OWN)).id);
            hostPort = await freeLoopbackPort();
        });

        it('without -p (port 80 only exposed) the server answers inside, and a fetch of 127.0.0.1:PORT from this process is refused', async function () {
            const id = cleanup.container(await client.createContainer({ image: SHELL, cmd: HTTPD(text), network: net, expose: [80], labels: OWN }));
            await client.startContainer(id);
            const inside = await waitFor('httpd inside', async () => {
                const r = await client.execCapture(id, ASK(80));
                return r.exitCode === 0 ? r : undefined;
            }, 5_000);
            assert.ok(inside.output.includes(text), inside.output);
            const raw = (await client.inspectContainer(id)).raw as { Config: { ExposedPorts?: object }; NetworkSettings: { Ports: Record<string, unknown> } };
            assert.deepStrictEqual(Object.keys(raw.Config.ExposedPorts ?? {}), ['80/tcp']);
            assert.strictEqual(raw.NetworkSettings.Ports['80/tcp'], null, 'exposed, no host binding');
            const r = await fetchFromHost(`http://127.0.0.1:${hostPort}/`, 2000);
            assert.strictEqual(r.ok, false, JSON.stringify(r));
            assert.strictEqual(r.error, 'ECONNREFUSED');
            await client.killContainer(id);
        });

        it('with -p 127.0.0.1:PORT:80 the same fetch answers 200 with the container\'s page, bound on 127.0.0.1 only', async function () {
            const id = cleanup.container(await client.createContainer({ image: SHELL, cmd: HTTPD(text), network: net, publish: [{ containerPort: 80, hostPort, hostIp: '127.0.0.1' }], labels: OWN }));
            await client.startContainer(id);
            const r = await fetchWithRetry(`http://127.0.0.1:${hostPort}/`, 5000);
            assert.strictEqual(r.status, 200, JSON.stringify(r));
            assert.ok(r.body?.includes(text), r.body);
            const raw = (await client.inspectContainer(id)).raw as { NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[]> } };
            assert.deepStrictEqual(raw.NetworkSettings.Ports['80/tcp'], [{ HostIp: '127.0.0.1', HostPort: String(hostPort) }]);
            // inside, localhost is the container: the host's published port is not there
            const own = await client.execCapture(id, ASK(80));
            const hostSide = await client.execCapture(id, ASK(hostPort));
            assert.strictEqual(own.exitCode, 0, own.output);
            assert.notStrictEqual(hostSide.exitCode, 0, hostSide.output);
            await client.killContainer(id);
            await client.removeContainer(id);
            const after = await fetchFromHost(`http://127.0.0.1:${hostPort}/`, 2000);
            assert.strictEqual(after.error, 'ECONNREFUSED', 'the port is closed again once the container is gone');
        });
    });

    describe('volumes: the facts', function () {
        const write = (text: string) => ['sh', '-c', `mkdir -p /data && echo ${text} > /data/note.txt`];
        const read = ['cat', '/data/note.txt'];

        it('a file written in the writable layer is listed by docker diff, and gone after docker rm', async function () {
            const text = `layer-${process.pid}`;
            const id = cleanup.container(await client.createContainer({ image: SHELL, cmd: write(text), labels: OWN }));
            await client.startContainer(id);
            assert.strictEqual(await client.waitContainer(id), 0);
            const changes = await client.containerChanges(id);
            assert.ok(changes.some((c) => c.path === '/data/note.txt' && c.kind === 'added'), JSON.stringify(changes));
            await client.removeContainer(id);
            const again = await runRemoved(client, { image: SHELL, cmd: read, labels: OWN });
            assert.notStrictEqual(again.exitCode, 0);
            assert.ok(!again.output.includes(text), again.output);
            assert.match(again.output, /No such file/);
        });

        it('a file written to a named volume is read back by a new container after the writer is removed', async function () {
            const text = `volume-${process.pid}`;
            const name = uniqueName('vol');
            volumes.push(name);
            const vol = await client.createVolume(name, OWN);
            assert.ok(vol.mountpoint.endsWith(`/volumes/${name}/_data`), vol.mountpoint);
            const w = await runRemoved(client, { image: SHELL, cmd: write(text), labels: OWN, binds: [`${name}:/data`] });
            assert.strictEqual(w.exitCode, 0, w.output);
            const r = await runRemoved(client, { image: SHELL, cmd: read, labels: OWN, binds: [`${name}:/data`] });
            assert.strictEqual(r.exitCode, 0, r.output);
            assert.ok(r.output.includes(text), r.output);
            // where it lives: the engine's host folder (the engine runs here)
            assert.strictEqual(fs.readFileSync(path.join(vol.mountpoint, 'note.txt'), 'utf8').trim(), text);
            await client.removeVolume(name);
            await assert.rejects(client.inspectVolume(name), /no such volume|not found/i);
        });

        it('a file written to a bind-mounted folder is on this machine\'s disk after the container is gone', async function () {
            const text = `bind-${process.pid}`;
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-test-bind-'));
            try {
                const w = await runRemoved(client, { image: SHELL, cmd: write(text), labels: OWN, binds: [`${dir}:/data`] });
                assert.strictEqual(w.exitCode, 0, w.output);
                assert.strictEqual(fs.readFileSync(path.join(dir, 'note.txt'), 'utf8').trim(), text);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    describe('image names: the facts', function () {
        it('two tags point at one image id, and the tag copies nothing', async function () {
            const repo = uniqueName('names');
            const before = await client.listImages();
            await client.tagImage(`${SHELL}:latest`, repo, 'two');
            cleanup.image(`${repo}:two`);
            const a = await client.inspectImage(`${SHELL}:latest`);
            const b = await client.inspectImage(`${repo}:two`);
            assert.strictEqual(a.id, b.id);
            assert.ok(b.repoTags.includes(`${SHELL}:latest`) && b.repoTags.includes(`${repo}:two`), JSON.stringify(b.repoTags));
            assert.strictEqual((await client.listImages()).length, before.length, 'no new image');
            // latest is only a default name: the repo without a tag is repo:latest, which does not exist yet
            await assert.rejects(client.inspectImage(repo), /no such image|not found/i);
            await client.removeImage(`${repo}:two`);
            assert.ok(await client.hasImage(`${SHELL}:latest`), 'untagging left the image');
        });

        it('the engine\'s registry settings name the loopback mirror', async function () {
            const s = await client.registrySettings();
            assert.deepStrictEqual(s.mirrors, ['http://127.0.0.1:5000/']);
            assert.ok(s.insecure.includes('127.0.0.1:5000'), JSON.stringify(s));
        });
    });

    describe('the demos', function () {
        it('ports.publish: done, every step done, every check held; its containers and network are gone; the start event ticks "ports"', async function () {
            const c = new TestContext(() => client);
            const demo = new PortsDemo(c);
            await demo.start();
            const t = Date.now();
            const final = await demo.run();
            console.log(`      ports demo: ${Date.now() - t} ms`);
            assert.strictEqual(final.state, 'done', describeView(final));
            assert.deepStrictEqual(final.steps?.map((s) => s.state), Array(9).fill('done'), describeView(final));
            assert.strictEqual(final.conclusion?.state, 'held', describeView(final));
            assert.deepStrictEqual((await docker.listContainers({ all: true, filters: { label: [`${LESSON_LABEL}=ports`] } })).map((x) => x.Id), []);
            assert.deepStrictEqual((await docker.listNetworks({ filters: { label: [`${LESSON_LABEL}=ports`] } })).map((n) => n.Name), []);
            const start = events.find((e) => e.type === 'container' && e.action === 'start' && e.attributes[LESSON_LABEL] === 'ports');
            assert.ok(start, 'a start event of the ports demo');
            assert.strictEqual(lessonCompletedBy(start, HELLO), 'ports');
        });

        it('volumes.persist: done, every check held; its volume and folder are gone; the read-back die event ticks "volumes"', async function () {
            const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-test-ws-'));
            try {
                const c = new TestContext(() => client, 'en', { workspaceFolder: ws });
                const demo = new VolumesDemo(c);
                const final = await demo.run();
                assert.strictEqual(final.state, 'done', describeView(final));
                assert.deepStrictEqual(final.steps?.map((s) => s.state), Array(9).fill('done'), describeView(final));
                assert.strictEqual(final.conclusion?.state, 'held', describeView(final));
                assert.deepStrictEqual(fs.readdirSync(ws), [], 'the bind folder was removed');
                assert.deepStrictEqual(((await docker.listVolumes()).Volumes ?? []).filter((v) => v.Labels?.[LESSON_LABEL] === 'volumes').map((v) => v.Name), []);
                const die = await waitFor('the read-back die event', () => events.find((e) => e.action === 'die' && lessonCompletedBy(e, HELLO) === 'volumes'), 5_000, 50);
                assert.strictEqual(die.attributes.exitCode, '0');
                // no other container of the demo ticks it (the writer, the failing read of the writable layer)
                assert.strictEqual(events.filter((e) => e.action === 'die' && e.attributes[LESSON_LABEL] === 'volumes' && lessonCompletedBy(e, HELLO)).length, 1);
            } finally {
                fs.rmSync(ws, { recursive: true, force: true });
            }
        });

        it('names.anatomy (Korean): done, every check held (mirror digest = recorded digest); only its own tags were added and removed', async function () {
            const tagsBefore = (await docker.listImages()).flatMap((i) => i.RepoTags ?? []).sort();
            const c = new TestContext(() => client, 'ko');
            const final = await new NamesDemo(c).run();
            assert.strictEqual(final.state, 'done', describeView(final));
            assert.deepStrictEqual(final.steps?.map((s) => s.state), Array(7).fill('done'), describeView(final));
            assert.strictEqual(final.conclusion?.state, 'held', describeView(final));
            assert.ok(final.conclusion?.points.some((p) => p.text.includes('미러') && p.state === 'held'), describeView(final));
            const rows = final.tables?.[0].rows ?? [];
            assert.ok(rows.some((r) => r[0] === 'hello-world:latest' && r[1] === '(docker.io)' && r[2] === '(library)' && r[3] === 'hello-world'), JSON.stringify(rows));
            assert.deepStrictEqual((await docker.listImages()).flatMap((i) => i.RepoTags ?? []).sort(), tagsBefore);
            const tag = events.find((e) => e.type === 'image' && e.action === 'tag' && e.attributes.name === `${NAMES_REPO}:v1`);
            assert.ok(tag, 'a tag event of the names demo');
            assert.strictEqual(lessonCompletedBy(tag, HELLO), 'image-names');
        });
    });
});
