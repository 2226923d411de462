/**
 * Builds with BuildKit against the private engine (Engine 20.10: BuildKit built in, no `Builder-Version`
 * header), through the extension's own `buildImage()` with the builder chosen as the extension chooses
 * it; and the Images view's layer rows (`layerRowText`, what `ImagesTreeProvider` shows for each row)
 * from the real history of the same fixture built by each builder.
 *
 * Every image a build makes is removed by id afterwards; BuildKit makes no intermediate images.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { DockerError } from '../../src/docker/errors';
import { BuilderKind, BuildEvent, BuildResult, DockerClient } from '../../src/docker/types';
import { analyze, mapHistoryToSteps, stepOfBuild } from '../../src/dockerfile/analysis';
import { instructionOf } from '../../src/docker/mapping';
import { layerRowText } from '../../src/tree/layerText';
import { Cleanup, rawDocker, requireEngine, sleep, uniqueName, waitFor } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'dockerfiles');
const note = (text: string) => console.log(`      ${text}`);
const en = { t: (msg: string, ...args: (string | number)[]) => msg.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) };

type StepEvent = Extract<BuildEvent, { kind: 'step' }>;
const stepsOf = (events: BuildEvent[]) => events.filter((e): e is StepEvent => e.kind === 'step');
const outputOf = (events: BuildEvent[]) => events.map((e) => (e.kind === 'output' ? e.text : '')).join('');
const lineOf = (text: string, re: RegExp): number => {
    const i = text.split('\n').findIndex((l) => re.test(l));
    assert.ok(i >= 0, `a line matching ${re}`);
    return i;
};

/** Host processes under the private engine's dockerd (BuildKit runs RUN steps with runc, not as containers). */
function engineProcesses(dockerdPid: number): { pid: number; cmdline: string }[] {
    const parent = new Map<number, number>();
    for (const name of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) {
            continue;
        }
        try {
            const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
            parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
        } catch {
            // gone meanwhile
        }
    }
    const under = (pid: number): boolean => {
        for (let p = parent.get(pid), n = 0; p !== undefined && p > 1 && n < 64; p = parent.get(p), n++) {
            if (p === dockerdPid) {
                return true;
            }
        }
        return false;
    };
    const out: { pid: number; cmdline: string }[] = [];
    for (const pid of parent.keys()) {
        if (under(pid)) {
            try {
                out.push({ pid, cmdline: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() });
            } catch {
                // gone meanwhile
            }
        }
    }
    return out;
}

describe('docker: BuildKit builds, and the Images view layer rows for each builder', function () {
    this.timeout(120_000);
    let docker: Dockerode;
    let client: DockerClient;
    let cleanup: Cleanup;
    let preexisting: string[];
    let bridge: boolean;

    async function build(dir: string, builder: 'auto' | BuilderKind = 'auto', signal?: AbortSignal): Promise<{ result: BuildResult; events: BuildEvent[] }> {
        const events: BuildEvent[] = [];
        const record = (e: BuildEvent) => {
            events.push(e);
            // the legacy builder's intermediate images, for the after hook
            for (const m of e.kind === 'output' ? e.text.matchAll(/^ ---> ([0-9a-f]{12})\s*$/gm) : []) {
                if (!preexisting.some((id) => id.replace(/^sha256:/, '').startsWith(m[1]))) {
                    cleanup.image(m[1]);
                }
            }
        };
        const result = await client.buildImage(path.join(FIXTURES, dir), 'Dockerfile', uniqueName(`bk-${dir}`), record, signal, { builder });
        if (result.ok) {
            cleanup.image(result.imageId);
        }
        return { result, events };
    }

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        preexisting = (await docker.listImages({ all: true })).map((i) => i.Id);
        bridge = (await docker.listNetworks()).some((n) => n.Name === 'bridge');
    });

    after(async function () {
        if (!docker) {
            return;
        }
        client?.dispose();
        await cleanup.run();
        const left = (await docker.listImages({ all: true })).map((i) => i.Id).filter((id) => !preexisting.includes(id));
        assert.deepStrictEqual(left, [], 'every image the builds made was removed');
    });

    describe('layers/: WORKDIR, ENV, a RUN that writes nothing, a COPY', function () {
        const text = fs.readFileSync(path.join(FIXTURES, 'layers', 'Dockerfile'), 'utf8');
        const built: Partial<Record<BuilderKind, string>> = {};
        const runs: Partial<Record<BuilderKind, { result: BuildResult; events: BuildEvent[] }>> = {};

        before(async function () {
            // the builder as the extension picks it, then the legacy fallback asked for
            runs.buildkit = await build('layers');
            runs.legacy = await build('layers', 'legacy');
            for (const b of ['buildkit', 'legacy'] as const) {
                const r = runs[b]!.result;
                built[b] = r.ok ? r.imageId : undefined;
            }
        });

        it('the extension picks BuildKit on this engine and says so first; steps are BuildKit\'s [n/N]', async function () {
            const { result, events } = runs.buildkit!;
            assert.ok(result.ok, JSON.stringify(result));
            assert.strictEqual(result.builder, 'buildkit');
            assert.deepStrictEqual(events[0], { kind: 'builder', builder: 'buildkit', reason: 'supported', networkNone: bridge ? undefined : true });
            // BuildKit numbers FROM and the filesystem steps only: ARG, ENV, USER and CMD have no [n/N]
            assert.deepStrictEqual(
                stepsOf(events).map((s) => `${s.step}/${s.total} ${s.text}`),
                ['1/4 FROM docker.io/library/busybox', '2/4 WORKDIR /app', '3/4 RUN true', '4/4 COPY hello.txt .'],
            );
            assert.match(outputOf(events), /^#\d+ \[2\/4\] WORKDIR \/app$/m);
            assert.match(outputOf(events), /^#\d+ writing image sha256:[0-9a-f]{64} done$/m);
            const inspected = await client.inspectImage(result.imageId);
            assert.deepStrictEqual(inspected.cmd, ['cat', '/app/hello.txt']);
        });

        it('the same file with the legacy builder (the fallback)', async function () {
            const { result, events } = runs.legacy!;
            assert.ok(result.ok, JSON.stringify(result));
            assert.strictEqual(result.builder, 'legacy');
            assert.deepStrictEqual(events[0], { kind: 'builder', builder: 'legacy', reason: 'requested', networkNone: undefined });
            assert.strictEqual(stepsOf(events).length, analyze(text).steps.length);
        });

        for (const builder of ['buildkit', 'legacy'] as const) {
            it(`${builder}: the Images view rows — WORKDIR and RUN true are 0 B layers with no file content, ENV/ARG/USER/CMD config only`, async function () {
                assert.ok(built[builder], 'built above');
                const history = await client.imageHistory(built[builder]!);
                const busybox = await client.imageHistory('busybox:latest');
                const rows = history.slice(busybox.length).map((l) => layerRowText(l, en));
                assert.deepStrictEqual(
                    rows.map((r) => [r.label, r.description, r.icon]),
                    [
                        ['ARG NOTE=layers', 'config only, 0 B', 'tag'],
                        ['WORKDIR /app', 'layer, 0 B (no file content)', 'layers-active'],
                        ['ENV APP_MODE=teach', 'config only, 0 B', 'tag'],
                        ['RUN true', 'layer, 0 B (no file content)', 'layers-active'],
                        ['COPY ' + (builder === 'buildkit' ? 'hello.txt .' : rows[4].label.slice(5)), 'layer, 30 B', 'layers-active'],
                        ['USER 1000', 'config only, 0 B', 'tag'],
                        ['CMD ["cat" "/app/hello.txt"]', 'config only, 0 B', 'tag'],
                    ],
                );
                if (builder === 'legacy') {
                    assert.match(rows[4].label, /^COPY file:[0-9a-f]{12}… in \.$/);
                }
                // the history maps back to the lines, with the size of each filesystem step
                const mapped = mapHistoryToSteps(analyze(text), history);
                const workdir = mapped.find((m) => m.step.keyword === 'WORKDIR')!;
                assert.strictEqual(workdir.step.range.start.line, lineOf(text, /^WORKDIR/));
                assert.strictEqual(workdir.layer.changes, 'files');
                assert.strictEqual(workdir.layer.size, 0);
                // the real layers: at most one per filesystem step (a step that changed nothing may leave none)
                const layers = (await client.inspectImage(built[builder]!)).layerCount;
                const base = (await client.inspectImage('busybox:latest')).layerCount;
                note(`${builder}: layers/ has ${layers} layers (busybox ${base}); history rows of filesystem steps: ${history.filter((h) => h.changes === 'files').length}`);
                assert.ok(layers >= base + 2 && layers <= base + 3, `${layers} layers on busybox's ${base}`);
                // and /app really is in the image: WORKDIR changed the filesystem
                const c = await docker.createContainer({ Image: built[builder]!, Cmd: ['sh', '-c', 'test -d /app && pwd'], Labels: { 'dl-test': 'buildkit' } });
                cleanup.container(c.id);
                await c.start();
                assert.strictEqual(((await c.wait()) as { StatusCode: number }).StatusCode, 0);
            });
        }

        it('a cached rebuild reports every step after FROM as CACHED, and makes the same image', async function () {
            const { result, events } = await build('layers');
            assert.ok(result.ok, JSON.stringify(result));
            assert.strictEqual(result.imageId, built.buildkit);
            const steps = stepsOf(events);
            assert.deepStrictEqual(
                steps.slice(1).map((s) => [s.text, s.cached]),
                [
                    ['WORKDIR /app', true],
                    ['RUN true', true],
                    ['COPY hello.txt .', true],
                ],
            );
            assert.strictEqual([...outputOf(events).matchAll(/^#\d+ CACHED$/gm)].length >= 3, true, outputOf(events));
        });
    });

    describe('ok/: layer sizes per line with BuildKit', function () {
        it('every instruction maps to its line; the dd RUN is ≈ 100 KiB, WORKDIR a 0 B filesystem step', async function () {
            const text = fs.readFileSync(path.join(FIXTURES, 'ok', 'Dockerfile'), 'utf8');
            const { result } = await build('ok', 'buildkit');
            assert.ok(result.ok, JSON.stringify(result));
            const a = analyze(text);
            const own = a.steps.filter((s) => s.stage === 0 && s.keyword !== 'FROM');
            const mapped = mapHistoryToSteps(a, await client.imageHistory(result.imageId));
            assert.deepStrictEqual(
                mapped.map((m) => m.step),
                own,
            );
            for (const m of mapped) {
                assert.strictEqual(instructionOf(m.layer.createdBy).split(/\s/)[0], m.step.keyword, m.layer.createdBy);
            }
            const dd = mapped.find((m) => m.step.args.startsWith('dd '))!;
            assert.ok(Math.abs(dd.layer.size - 100 * 1024) <= 4096, `dd layer is ${dd.layer.size} B`);
            assert.strictEqual(mapped.find((m) => m.step.keyword === 'WORKDIR')!.layer.changes, 'files');
            assert.strictEqual(mapped.find((m) => m.step.keyword === 'ENV')!.layer.changes, 'config');
        });
    });

    describe('fail/ and multi/ with BuildKit', function () {
        it('a failing RUN exit 3 resolves {ok:false} at [3/3], mapped to the RUN exit 3 line', async function () {
            const text = fs.readFileSync(path.join(FIXTURES, 'fail', 'Dockerfile'), 'utf8');
            const { result, events } = await build('fail', 'buildkit');
            assert.ok(!result.ok, JSON.stringify(result));
            assert.strictEqual(result.builder, 'buildkit');
            assert.deepStrictEqual(result.at, { builder: 'buildkit', step: 3, total: 3, stage: undefined, text: 'RUN exit 3' });
            assert.match(result.message, /exit code: 3/);
            assert.match(outputOf(events), /^#\d+ ERROR: .*exit code: 3$/m);
            const step = stepOfBuild(analyze(text), result.at!)!;
            assert.strictEqual(step.range.start.line, lineOf(text, /^RUN exit 3$/));
        });

        it('a multi-stage build maps only the final stage; every [stage n/N] step maps to a line of its stage', async function () {
            const text = fs.readFileSync(path.join(FIXTURES, 'multi', 'Dockerfile'), 'utf8');
            const { result, events } = await build('multi', 'buildkit');
            assert.ok(result.ok, JSON.stringify(result));
            assert.ok(stepsOf(events).some((s) => s.stage === 'build'));
            const a = analyze(text);
            const mapped = mapHistoryToSteps(a, await client.imageHistory(result.imageId));
            assert.deepStrictEqual(
                mapped.map((m) => m.step.range.start.line),
                [lineOf(text, /^COPY --from/), lineOf(text, /^RUN cat/), lineOf(text, /^LABEL/), lineOf(text, /^CMD/)],
            );
            for (const s of stepsOf(events)) {
                const step = stepOfBuild(a, s);
                assert.ok(step, `${s.stage} ${s.step}/${s.total} ${s.text} maps to a line`);
                assert.strictEqual(step.keyword, s.text.split(' ')[0]);
            }
        });
    });

    describe('cancel/: cancelling a BuildKit build', function () {
        it('rejects with kind "cancelled" and the RUN sleep 30 process ends', async function () {
            const dockerdPid = Number(fs.readFileSync(path.join(path.dirname(process.env.DOCKER_HOST!.replace(/^unix:\/\//, '')), 'dockerd.pid'), 'utf8'));
            const controller = new AbortController();
            const t = Date.now();
            const pending = build('cancel', 'buildkit', controller.signal).then(
                (r) => r,
                (e: unknown) => e,
            );
            const sleeper = await waitFor('the RUN sleep 30 process under dockerd', () => engineProcesses(dockerdPid).find((p) => /(^|\s)sleep 30$/.test(p.cmdline)), 20_000, 100);
            controller.abort();
            const outcome = await pending;
            const ms = Date.now() - t;
            assert.ok(outcome instanceof DockerError, `rejected with a DockerError, got ${JSON.stringify(outcome)}`);
            assert.strictEqual(outcome.kind, 'cancelled');
            assert.ok(ms < 15_000, `settled in ${ms} ms, not after the 30 s sleep`);
            await waitFor('the sleep process to end', () => (fs.existsSync(`/proc/${sleeper.pid}`) ? undefined : true), 10_000, 100);
            await sleep(200);
            assert.ok(!(await docker.listImages()).some((i) => (i.RepoTags ?? []).some((tag) => tag.startsWith('dl-test-bk-cancel'))));
        });
    });
});
