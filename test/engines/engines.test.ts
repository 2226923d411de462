/**
 * The explorer's Docker calls against every engine the README promises (issue #12), through the
 * extension's own client (src/docker: endpoint resolution, dockerode, the events stream).
 * Each test records what it found in the capability table (setup.ts → README).
 */
import * as assert from 'assert/strict';
import { DockerClient, EngineEvent, EngineVersion } from '../../src/docker/types';
import { engineKind } from '../../src/docker/engineKind';
import { clientFor, countTest, enginesConfig, record } from './setup';

const SHELL = 'busybox:latest';
const LABELS = { 'dl-test': 'engines' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
        const v = await fn();
        if (v !== undefined) {
            return v;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what}: not within ${ms} ms`);
        }
        await sleep(100);
    }
}

const cfg = process.env.DL_ENGINES ? enginesConfig() : undefined;

describe('engines: the explorer against every engine', function () {
    this.timeout(120_000);
    before(function () {
        if (!cfg) {
            throw new Error('DL_ENGINES is not set: run `node scripts/engines-tests.mjs`');
        }
    });

    for (const e of cfg?.engines ?? []) {
        describe(e.label, function () {
            let client: DockerClient;
            let version: EngineVersion;
            const made: string[] = [];
            afterEach(function () {
                countTest(e.name, this.currentTest?.state === 'passed');
            });
            before(async function () {
                client = clientFor(e);
                version = await client.version();
                // Podman's store starts empty: the extension's own pull, through the private registry mirror
                for (const ref of [SHELL, 'hello-world:latest']) {
                    if (!(await client.hasImage(ref))) {
                        await client.pullImage(ref, () => undefined);
                    }
                }
            });
            after(async function () {
                for (const id of made) {
                    await client.removeContainer(id).catch(() => undefined);
                }
                client?.dispose();
            });

            it('resolves the endpoint as the setting says, answers /_ping and /version, and the kind is named', async function () {
                assert.equal(client.endpoint.source, 'setting');
                assert.equal(client.endpoint.kind, e.name === 'docker-tls' ? 'tcp' : e.name === 'docker-ssh' ? 'ssh' : 'unix');
                if (e.name === 'docker-tls') {
                    assert.equal(client.endpoint.tls?.verify, true);
                }
                await client.ping();
                const kind = engineKind(client.endpoint, version);
                assert.equal(kind.product, e.name === 'podman' ? 'podman' : 'docker', JSON.stringify(version));
                assert.equal(kind.remote, e.name === 'docker-tls' || e.name === 'docker-ssh');
                assert.match(version.apiVersion, /^1\.\d+$/);
                record(e.name, 'connect, /_ping, /version', 'yes', `${kind.product === 'podman' ? 'Podman' : 'Docker'} ${version.version}, API ${version.apiVersion}`);
            });

            it('lists images and containers', async function () {
                const images = await client.listImages();
                assert.ok(images.some((i) => i.repoTags.some((t) => /(^|\/)busybox:latest$/.test(t))), JSON.stringify(images.map((i) => i.repoTags)));
                const containers = await client.listContainers();
                assert.ok(Array.isArray(containers));
                record(e.name, 'list images and containers', 'yes');
            });

            it('create, start, logs, inspect, stop, remove a container', async function () {
                const id = await client.createContainer({ image: SHELL, cmd: ['sh', '-c', 'trap "exit 0" TERM; echo hello-engines; while true; do sleep 0.2; done'], labels: LABELS });
                made.push(id);
                await client.startContainer(id);
                const d = await client.inspectContainer(id);
                assert.equal(d.state.status, 'running');
                let text = '';
                const ac = new AbortController();
                const logs = client.streamLogs(id, { tail: 10 }, (t) => (text += t), ac.signal).catch(() => undefined);
                await until('the log line', () => (text.includes('hello-engines') ? true : undefined));
                ac.abort();
                await logs;
                const listed = await client.listContainers();
                assert.ok(listed.some((c) => c.id === id));
                await client.stopContainer(id);
                assert.notEqual((await client.inspectContainer(id)).state.status, 'running');
                await client.removeContainer(id);
                made.splice(made.indexOf(id), 1);
                assert.ok(!(await client.listContainers()).some((c) => c.id === id));
                record(e.name, 'create, start, logs, stop, remove', 'yes');
            });

            it('the events stream reports a container created, started and destroyed', async function () {
                const events: EngineEvent[] = [];
                const stream = client.streamEvents({ onEvent: (ev) => events.push(ev), onClose: () => undefined });
                try {
                    await sleep(500);
                    const id = await client.createContainer({ image: SHELL, cmd: ['true'], labels: LABELS });
                    made.push(id);
                    await client.startContainer(id);
                    await client.waitContainer(id);
                    await client.removeContainer(id);
                    made.splice(made.indexOf(id), 1);
                    // Podman says `remove` where Docker says `destroy`: src/docker/mapping.ts speaks Docker's word for both
                    const mine = await until('create, start and destroy events', () => {
                        const own = events.filter((ev) => ev.type === 'container' && ev.id === id);
                        const actions = new Set(own.map((ev) => ev.action));
                        return ['create', 'start', 'destroy'].every((a) => actions.has(a)) ? own : undefined;
                    }, 20_000);
                    const actions = [...new Set(mine.map((ev) => ev.action))];
                    record(e.name, 'events stream', 'yes', e.name === 'podman' ? `${actions.join(', ')} (Podman's remove read as destroy)` : actions.join(', '));
                } finally {
                    stream.dispose();
                }
            });

            it('stats and top of a running container', async function () {
                const id = await client.createContainer({ image: SHELL, cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.2; done'], memoryBytes: 64 * 1024 * 1024, pidsLimit: 20, labels: LABELS });
                made.push(id);
                await client.startContainer(id);
                const ac = new AbortController();
                let sample: Parameters<Parameters<DockerClient['streamStats']>[1]>[0] | undefined;
                const done = client.streamStats(id, (s) => {
                    sample = s;
                    ac.abort();
                }, ac.signal).catch(() => undefined);
                await until('a stats sample', () => sample, 15_000);
                await done;
                assert.ok(sample!.memoryUsed > 0, JSON.stringify(sample));
                const memLimitOk = sample!.memoryLimit === 64 * 1024 * 1024;
                record(e.name, 'stats (memory, limit, pids)', memLimitOk && sample!.pidsLimit === 20 ? 'yes' : 'partial', [memLimitOk ? '' : 'no memory limit', sample!.pidsLimit === 20 ? '' : 'no pids limit in stats'].filter(Boolean).join('; '));
                const top = await client.top(id);
                assert.ok(top.processes.some((p) => /\bsh\b|sleep/.test(p.join(' '))), JSON.stringify(top));
                record(e.name, 'top', 'yes', top.titles.join(' '));
                await client.removeContainer(id).catch(() => client.killContainer(id).then(() => client.removeContainer(id)));
                made.splice(made.indexOf(id), 1);
            });

            it('/info: cgroup version and driver, and whether it runs in a VM', async function () {
                const info = await client.info();
                assert.ok(info.cgroupVersion, JSON.stringify(info));
                assert.equal(info.runsInVm, false);
                record(e.name, 'cgroup info (/info)', 'yes', `cgroup v${info.cgroupVersion}, ${info.cgroupDriver}`);
            });
        });
    }
});
