/**
 * The rest of the lessons' live demos against every engine (issue #12): the cgroup limits next to
 * live usage, the namespaces seen from inside and outside, hello-world's flow, image vs container.
 * On every engine each demo ends 'done', no fact is marked wrong and its findings hold; where an
 * engine cannot give the proof (a remote engine's host files; Podman's stats, top and pull progress)
 * the demo says so in words and uses the engine's own evidence instead.
 */
import * as assert from 'assert/strict';
import { LESSON_LABEL } from '../../src/lessons/evidence';
import { CgroupLimitsDemo } from '../../src/lessons/live/cgroups';
import { HelloFlowDemo } from '../../src/lessons/live/helloFlow';
import { ImageVsContainerDemo } from '../../src/lessons/live/imageVsContainer';
import { NamespacesDemo } from '../../src/lessons/live/namespaces';
import { LiveView } from '../../src/protocol/panelProtocol';
import { HELLO, TestContext } from '../docker/demoContext';
import { waitFor } from '../docker/helpers';
import { clientFor, countTest, enginesConfig, record } from './setup';

const cfg = process.env.DL_ENGINES ? enginesConfig() : undefined;

/** What a failed assertion prints: the whole view the user would see. */
function seen(view: LiveView | undefined): string {
    return JSON.stringify({ state: view?.state, message: view?.message, facts: view?.facts, tables: view?.tables, conclusion: view?.conclusion?.points, steps: view?.steps?.map((s) => [s.n, s.state, s.detail]) });
}

function texts(view: LiveView): string[] {
    return view.conclusion?.points.map((p) => p.text) ?? [];
}

/** The common bar on every engine: finished, nothing marked wrong, every finding held or measured. */
function assertSound(view: LiveView | undefined): asserts view is LiveView {
    assert.ok(view, 'a view');
    assert.equal(view.state, 'done', seen(view));
    assert.ok(!view.facts?.some((f) => f.ok === false), seen(view));
    assert.ok(view.conclusion, seen(view));
    assert.ok(!view.conclusion.points.some((p) => p.state === 'surprise'), seen(view));
    // no value shown empty: a cell or fact the engine could not give is said in words
    assert.ok(!view.facts?.some((f) => !f.value.trim()), seen(view));
    assert.ok(!view.tables?.some((t) => t.rows.some((r) => r.some((c) => !c.trim()))), seen(view));
}

describe('engines: cgroup limits, namespaces, hello-world and image vs container on every engine', function () {
    this.timeout(90_000);
    for (const e of cfg?.engines ?? []) {
        describe(e.label, function () {
            const remote = e.name === 'docker-tls' || e.name === 'docker-ssh';
            const podman = e.name === 'podman';
            let shared: ReturnType<typeof clientFor> | undefined;
            before(() => {
                shared = clientFor(e);
            });
            after(() => shared?.dispose());
            afterEach(function () {
                countTest(e.name, this.currentTest?.state === 'passed');
            });

            it('cgroups.limits: the limits set, the kernel\'s own limit read inside, live usage within them; the stream\'s differences said', async function () {
                const ctx = new TestContext(() => shared!, 'en');
                const demo = new CgroupLimitsDemo(ctx);
                ctx.demo = demo;
                const info = await shared!.info();
                try {
                    await demo.start();
                    assert.equal(ctx.last.facts?.find((f) => f.label === 'cgroup version and driver')?.value, `v${info.cgroupVersion}, ${info.cgroupDriver}`);
                    assert.match(`v${info.cgroupVersion}, ${info.cgroupDriver}`, /^v[12], \w+/, 'the engine reports its cgroup version and driver');
                    await demo.act('start');
                    // a view whose usage is measured (two samples) and whose findings held: on Podman a sample comes every 5 s
                    const v = await waitFor('live usage with findings that held', () => {
                        const x = demo.view();
                        return x.tables?.[0].rows.every((r) => r[2] !== '…') && x.conclusion?.state === 'held' ? x : undefined;
                    }, 40_000, 200).catch((err: Error) => assert.fail(`${err.message}: ${seen(demo.view())}`));
                    assertSound(v);
                    const kernel = v.facts?.find((f) => f.label === "The kernel's own memory limit");
                    assert.equal(kernel?.value, '67108864 (64 MiB)', seen(v));
                    assert.equal(kernel?.ok, true);
                    assert.ok(info.defaultRuntime, 'the engine names its runtime');
                    assert.ok(texts(v).some((t) => t.endsWith(`is 67108864 bytes: exactly what the engine was asked for. The runtime (${info.defaultRuntime}) wrote it there.`)), seen(v));
                    const [cpu, mem, pids] = v.tables![0].rows.map((r) => r[2]);
                    assert.match(cpu, /^\d+\.\d %$/);
                    assert.match(mem, / \/ 64 MiB$/);
                    if (podman) {
                        // Podman 4.3: a sample every 5 s, and no pids limit in its stats; both said in words
                        assert.equal(v.tables![0].caption, 'Limits set when the container was created, next to what it uses now (this engine sends a sample every 5 s)', seen(v));
                        assert.match(pids, /^\d+$/);
                        assert.match(v.message ?? '', /This engine's stats do not report the processes limit, so the usage column shows only the count/);
                        record(e.name, 'lesson: cgroup limits (kernel file, live stats)', 'partial', 'stats every 5 s, no pids limit in them (the lesson says so)');
                    } else {
                        assert.equal(v.tables![0].caption, 'Limits set when the container was created, next to what it uses now (updated every second)', seen(v));
                        assert.match(pids, /^\d+ \/ 20$/);
                        assert.doesNotMatch(v.message ?? '', /do not report the processes limit/);
                        record(e.name, 'lesson: cgroup limits (kernel file, live stats)', 'yes', remote ? 'the kernel file is read inside the container' : '');
                    }
                    const id = v.choice?.selected;
                    ctx.answer = true;
                    await demo.act('stop');
                    assert.ok(!(await shared!.listContainers()).some((c) => c.id === id), 'the demo container is removed');
                } finally {
                    demo.dispose();
                    ctx.controller.abort();
                }
            });

            it('ns.insideOutside: inside vs outside; a remote engine\'s host side is said in words and taken from its own top', async function () {
                const final = await new NamespacesDemo(new TestContext(() => shared!, 'en')).run();
                assertSound(final);
                const rows = final.tables?.[0].rows ?? [];
                const outside = (label: RegExp) => rows.find((r) => label.test(r[0]))?.[1];
                const hostPid = rows.find((r) => /by number/.test(r[0]))?.[1];
                assert.match(hostPid ?? '', /^\d+$/, seen(final));
                if (remote) {
                    assert.match(final.message ?? '', /The engine runs on another machine or in a VM/);
                    assert.equal(outside(/^PID 1 is/), 'not readable from here');
                    assert.equal(outside(/^Network interfaces/), 'not readable from here');
                    assert.equal(outside(/^pid namespace id/), 'not readable from here');
                    assert.ok(texts(final).some((t) => t.startsWith(`The engine's own process list (docker top) shows the demo's \`sleep\` as PID ${hostPid} on its host, the same number as State.Pid; inside the container \`ps\` shows it as PID 1`)), seen(final));
                    assert.ok(texts(final).some((t) => /^The engine's host is not this machine, so its namespace ids cannot be read here to compare\. Inside, the container's are pid pid:\[\d+\], uts/.test(t)), seen(final));
                    assert.ok(!texts(final).some((t) => /This machine has|No namespace id could be read/.test(t)), seen(final));
                    if (e.name === 'docker-tls') {
                        // the same words in Korean (once: they do not depend on the transport, and each SSH run costs seconds)
                        const ko = await new NamespacesDemo(new TestContext(() => shared!, 'ko')).run();
                        assertSound(ko);
                        assert.ok(texts(ko).some((t) => t.startsWith('엔진의 프로세스 목록(docker top)에 나온 데모의 `sleep`: 호스트 PID ')), seen(ko));
                        assert.ok(ko.tables?.[0].rows.some((r) => r[1] === '여기서 읽을 수 없음'), seen(ko));
                    }
                    record(e.name, 'lesson: namespaces (inside vs outside)', 'partial', 'remote: host /proc not read; the engine\'s top shows both PIDs');
                } else {
                    assert.doesNotMatch(final.message ?? '', /another machine/);
                    assert.ok(texts(final).some((t) => new RegExp(`^On the host the same process is PID ${hostPid}: its /proc/${hostPid}/status lists NSpid ${hostPid} 1`).test(t)), seen(final));
                    assert.match(outside(/^pid namespace id/) ?? '', /^pid:\[\d+\]$/);
                    assert.ok(texts(final).some((t) => t.startsWith('Every namespace id that could be read differs between inside and this editor: pid, uts, mnt, net')), seen(final));
                    record(e.name, 'lesson: namespaces (inside vs outside)', 'yes');
                }
            });

            it('hello.flow: remove the image, pull it again, run it; the layers counted from the engine\'s own pull words', async function () {
                const ctx = new TestContext(() => shared!, 'en');
                const demo = new HelloFlowDemo(ctx);
                ctx.demo = demo;
                ctx.answer = true;
                await demo.start();
                await demo.act('fresh');
                const final = ctx.last;
                assertSound(final);
                assert.deepEqual(final.steps?.map((s) => s.state), ['done', 'done', 'done', 'done'], seen(final));
                assert.match(final.output ?? '', /Hello from Docker!/);
                // what the pull downloaded, counted from this engine's statuses, is what the image has
                const layers = (await shared!.inspectImage(HELLO)).layerCount;
                const m = /^(\d+) layer\(s\) downloaded, (\d+) already on the engine$/.exec(final.steps?.[1].detail ?? '');
                assert.ok(m, seen(final));
                assert.ok(Number(m[1]) >= 1, seen(final));
                assert.equal(Number(m[1]) + Number(m[2]), layers, `${seen(final)}\n${final.output}`);
                assert.ok(texts(final).includes(`hello-world was not on the engine, so it was pulled: ${m[1]} layer(s) downloaded, ${m[2]} already on the engine.`), seen(final));
                // the finished container is found by its image as this engine names it (Podman: docker.io/library/hello-world:latest)
                const cleanup = final.buttons?.find((b) => b.action === 'cleanup');
                assert.match(cleanup?.label ?? '', /\([1-9]\d*\)$/, seen(final));
                await demo.act('cleanup');
                assert.match(ctx.last.message ?? '', /^Removed [1-9]\d* container\(s\)\.$/);
                assert.ok(!ctx.last.buttons?.some((b) => b.action === 'cleanup'), 'none left to clean up');
                record(e.name, 'lesson: hello-world (pull, create, attach, wait)', 'yes', podman ? 'pull progress read in Podman\'s words' : '');
            });

            it('ivc.explore: one more container from hello-world, the image read before and after, unchanged', async function () {
                const ctx = new TestContext(() => shared!, 'en');
                const demo = new ImageVsContainerDemo(ctx);
                ctx.demo = demo;
                await demo.start();
                const hello = await shared!.inspectImage(HELLO);
                assert.equal(ctx.last.choice?.selected, hello.id, seen(ctx.last));
                assert.equal(ctx.last.tables?.[0].rows.length, (await shared!.imageHistory(hello.id)).length);
                const before = (await shared!.listContainers()).filter((c) => c.imageId === hello.id).length;
                await demo.act('create');
                const v = ctx.last;
                assertSound(v);
                const count = v.facts?.find((f) => f.label === 'Instances of this image');
                assert.equal(count?.value, `${before + 1} (was ${before}, now ${before + 1})`, seen(v));
                assert.equal(count?.ok, true);
                const mine = (await shared!.listContainers()).filter((c) => c.imageId === hello.id && c.labels[LESSON_LABEL] === 'image-vs-container');
                const created = mine.find((c) => texts(v).some((t) => t.startsWith(`The new container ${c.name} has a writable layer of`)));
                assert.ok(created, seen(v));
                try {
                    assert.equal(created.state, 'created');
                    assert.ok(texts(v).some((t) => /^Image size read before creating the container: .+ \((\d+) bytes\); read again after: .+ \(\1 bytes\)\. Unchanged/.test(t)), seen(v));
                    assert.ok(texts(v).includes(`The image still has the same ${ctx.last.tables?.[0].rows.length} history rows (layers and settings), read-only, before and after.`), seen(v));
                } finally {
                    await shared!.removeContainer(created.id);
                }
                record(e.name, 'lesson: image vs container (history, instances, writable layer)', 'yes');
            });
        });
    }
});
