/**
 * Lessons 4–6 live (containers vs VMs, cgroups, namespaces) against the real private engine, through
 * a real `DemoContext` (the extension's own client, lists kept current by `refresh()`, every view
 * recorded), plus direct client checks of the facts the demos show: the limits set are the limits
 * read back (HostConfig, the kernel's cgroup files, the stats stream), the OOM kill, the namespaces.
 * The daemon's events stream stays open for the whole suite, so each demo's evidence is checked too.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import Dockerode from 'dockerode';
import { formatBytes, formatMemory, isNoMemoryLimit, kernelLimitText } from '../../src/common/format';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { DockerClient, EngineEvent, EngineInfo, StatsSample } from '../../src/docker/types';
import type { Locale } from '../../src/lessons/catalog';
import { LESSON_LABEL, lessonCompletedBy } from '../../src/lessons/evidence';
import { CgroupLimitsDemo, KERNEL_LIMIT_CMD, LIMITED, OOM_LIMIT, OomDemo } from '../../src/lessons/live/cgroups';
import { INSIDE_CMD, NamespacesDemo, parseInside } from '../../src/lessons/live/namespaces';
import { SharedKernelDemo } from '../../src/lessons/live/sharedKernel';
import type { FactView, LiveView, StepView } from '../../src/protocol/panelProtocol';
import { HELLO, SHELL, TestContext } from './demoContext';
import { Cleanup, rawDocker, requireEngine, sleep, waitFor, whenEventsLive } from './helpers';

/** The same busy loop the cgroups demo runs (one CPU flat out, held to the limit). */
const BUSY = ['sh', '-c', 'while :; do :; done'];
/** Label of the containers this suite makes itself (not a lesson label: no lesson counts them). */
const OWN = { 'dl-test': 'lessons2' };


function step(view: LiveView, n: number): StepView {
    const s = view.steps?.find((x) => x.n === n);
    assert.ok(s, `step ${n} in ${JSON.stringify(view.steps)}`);
    return s;
}

function fact(view: LiveView, label: string): FactView {
    const f = view.facts?.find((x) => x.label === label);
    assert.ok(f, `fact "${label}" in ${JSON.stringify(view.facts?.map((x) => x.label))}`);
    return f;
}

function states(view: LiveView): string[] {
    return (view.steps ?? []).map((s) => s.state);
}

describe('docker: lessons 4–6 live (shared kernel, cgroups, namespaces) against the private engine', function () {
    this.timeout(60_000);
    let docker: Dockerode;
    let cleanup: Cleanup;
    let client: DockerClient;
    let info: EngineInfo;
    /** Containers that carried the lesson label before this suite: never touched. */
    let preexisting: Set<string>;
    let events: EngineEvent[];
    let closed: Error | undefined;
    let stream: { dispose(): void } | undefined;

    const ctx = (locale: Locale = 'en') => new TestContext(() => client, locale);

    /** The container whose short id a step reported, from the events (it is gone by now). */
    function eventsOf(shortId: string): EngineEvent[] {
        return events.filter((e) => e.type === 'container' && e.id.startsWith(shortId));
    }

    async function gone(shortId: string): Promise<boolean> {
        assert.match(shortId, /^[0-9a-f]{12}$/);
        return !(await docker.listContainers({ all: true })).some((c) => c.Id.startsWith(shortId));
    }

    async function ownLessonContainers(lesson: string): Promise<Dockerode.ContainerInfo[]> {
        return (await docker.listContainers({ all: true, filters: { label: [`${LESSON_LABEL}=${lesson}`] } })).filter((c) => !preexisting.has(c.Id));
    }

    /** Starts a busybox container of this suite's own (removed by id in after). */
    async function startOwn(cmd: string[], limits: Partial<typeof LIMITED> = {}): Promise<string> {
        const id = cleanup.container(await client.createContainer({ image: SHELL, cmd, labels: OWN, ...limits }));
        await client.startContainer(id);
        return id;
    }

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        preexisting = new Set((await docker.listContainers({ all: true, filters: { label: [LESSON_LABEL] } })).map((c) => c.Id));
        for (const ref of [`${HELLO}:latest`, `${SHELL}:latest`]) {
            assert.ok(await client.hasImage(ref), `${ref} is seeded on the test engine`);
        }
        info = await client.info();
        events = [];
        stream = client.streamEvents({ onEvent: (e) => events.push(e), onClose: (e) => (closed = e ?? new Error('closed')) });
        // the stream is live once an image event made after it opened comes through
        const probe = `dl-test-probe2-${process.pid}`;
        await whenEventsLive(docker, `${SHELL}:latest`, probe, events);
    });

    after(async function () {
        if (!docker) {
            return;
        }
        stream?.dispose();
        client?.dispose();
        await cleanup.run();
        for (const c of await docker.listContainers({ all: true, filters: { label: [LESSON_LABEL] } })) {
            if (!preexisting.has(c.Id)) {
                await docker
                    .getContainer(c.Id)
                    .remove({ force: true, v: true })
                    .catch(() => undefined);
            }
        }
    });

    it('the engine is local and not in a VM (what the /proc and namespace facts rely on)', function () {
        assert.strictEqual(client.endpoint.kind, 'unix');
        assert.strictEqual(info.runsInVm, false);
        assert.strictEqual(info.kernelVersion, os.release());
    });

    describe('vm.sharedKernel: SharedKernelDemo.run()', function () {
        let final: LiveView;
        let c: TestContext;
        let ms: number;
        let short: string;

        before(async function () {
            c = ctx();
            const demo = new SharedKernelDemo(c);
            await demo.start();
            assert.strictEqual(c.last.state, 'idle');
            const t = Date.now();
            final = await demo.run();
            ms = Date.now() - t;
            short = step(final, 2).detail ?? '';
        });

        it('is done: all six steps, the container made and removed', function () {
            assert.strictEqual(final.state, 'done', `${final.message} / ${JSON.stringify(final.steps)}`);
            assert.strictEqual(c.last, final);
            assert.deepStrictEqual(states(final), ['done', 'done', 'done', 'done', 'done', 'done']);
            assert.match(short, /^[0-9a-f]{12}$/);
            assert.strictEqual(step(final, 6).detail, 'removed (docker run --rm)');
        });

        it('the kernel inside is the host kernel (os.release()), and says so', function () {
            assert.strictEqual(fact(final, 'Host kernel').value, os.release());
            assert.strictEqual(fact(final, 'Kernel inside the container').value, os.release());
            const same = fact(final, 'Same kernel');
            assert.strictEqual(same.value, os.release());
            assert.strictEqual(same.ok, true);
        });

        it('host PID > 1, listed by `docker top`, seen in this process’s /proc', function () {
            const pidFact = fact(final, "Host PID of the container's main process");
            const pid = Number(pidFact.value);
            assert.ok(Number.isInteger(pid) && pid > 1, pidFact.value);
            assert.strictEqual(pidFact.ok, true);
            assert.strictEqual(step(final, 4).detail, `PID ${pid}`);

            const top = fact(final, 'Listed by the host (docker top)');
            assert.strictEqual(top.value, `PID ${pid}`);
            assert.strictEqual(top.ok, true);
            // the top listing itself is the output: the header, then the host PID running sleep 120
            const lines = (final.output ?? '').split('\n');
            assert.match(lines[0], /\bPID\b/);
            const pidCol = lines[0].split('\t').indexOf('PID');
            assert.ok(
                lines.slice(1).some((l) => Number(l.split('\t')[pidCol]) === pid && /sleep 120/.test(l)),
                final.output,
            );

            const proc = fact(final, `This machine's /proc/${pid}/cmdline`);
            assert.strictEqual(proc.value, 'sleep 120', 'the engine is local, so /proc is read and checked');
            assert.strictEqual(proc.ok, true);
            assert.strictEqual(proc.note, "Checked against the demo's own command, `sleep 120`.");
        });

        it('the findings state the measured values: the kernel, the PID checked against its cmdline, the start time, the image size', async function () {
            const found = final.conclusion;
            assert.ok(found, 'a finished run has findings');
            assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
            const pid = Number(fact(final, "Host PID of the container's main process").value);
            const texts = found.points.map((p) => p.text);
            assert.deepStrictEqual(texts, [
                `The kernel release inside the container, ${os.release()}, is exactly the host's: one kernel, shared.`,
                `On this machine, /proc/${pid}/cmdline reads \`sleep 120\`: the demo's own command. The container's process is an ordinary host process, PID ${pid}.`,
                `\`docker top\` lists PID ${pid} as well: the daemon found the container's process in its host's process table.`,
                `Creating and starting the container took ${step(final, 2).ms} ms.`,
                `Its image is ${formatBytes((await client.inspectImage(SHELL)).size)}: it carries no kernel.`,
            ]);
            assert.deepStrictEqual(
                found.points.map((p) => p.stateWord),
                ['As expected', 'As expected', 'As expected', 'Measured', 'Measured'],
            );
        });

        it('start time and image size are shown', async function () {
            const start = fact(final, 'Create + start took');
            assert.match(start.value, /^\d+ ms$/);
            assert.strictEqual(Number(start.value.split(' ')[0]), step(final, 2).ms);
            assert.strictEqual(fact(final, 'Image size').value, formatBytes((await client.inspectImage(SHELL)).size));
        });

        it('the demo container is gone, and the run took well under the 10 s stop timeout (kill, not stop)', async function () {
            assert.ok(await gone(short), `container ${short} was removed`);
            assert.deepStrictEqual(await ownLessonContainers('containers-vs-vms'), []);
            assert.ok(ms < 5000, `the run took ${ms} ms`);
            assert.ok((step(final, 6).ms ?? Infinity) < 3000, `removal took ${step(final, 6).ms} ms`);
        });

        it('evidence: its start event completes containers-vs-vms; its other events do not', async function () {
            const start = await waitFor('the start event', () => eventsOf(short).find((e) => e.action === 'start'));
            assert.strictEqual(start.attributes[LESSON_LABEL], 'containers-vs-vms');
            assert.strictEqual(lessonCompletedBy(start, HELLO), 'containers-vs-vms');
            const destroy = await waitFor('the destroy event', () => eventsOf(short).find((e) => e.action === 'destroy'));
            assert.ok(destroy);
            const die = eventsOf(short).find((e) => e.action === 'die');
            assert.ok(die, 'a die event');
            assert.strictEqual(die.attributes.exitCode, '137', 'it was killed');
            for (const e of eventsOf(short).filter((x) => x.action !== 'start')) {
                assert.strictEqual(lessonCompletedBy(e, HELLO), undefined, e.action);
            }
            assert.strictEqual(closed, undefined);
        });
    });

    it('a container with no memory limit: the kernel file holds its "no limit" value, shown as "no limit" / "제한 없음"', async function () {
        const id = await startOwn(['sleep', '30']);
        try {
            const r = await client.execCapture(id, KERNEL_LIMIT_CMD);
            assert.strictEqual(r.exitCode, 0, r.output);
            const value = r.output.trim().split('\n')[0].trim();
            // cgroup v1: 9223372036854771712 (2^63 - 4096) on this engine; cgroup v2: max
            assert.ok(info.cgroupVersion === '2' ? value === 'max' : /^\d{19}$/.test(value), `the kernel file says ${value}`);
            assert.strictEqual(isNoMemoryLimit(value), true, value);
            assert.strictEqual(kernelLimitText(value, 'no limit'), 'no limit');
            assert.strictEqual(kernelLimitText(value, '제한 없음'), '제한 없음');
        } finally {
            await client.killContainer(id).catch(() => undefined);
        }
    });

    describe('limits read back equal the limits set (LIMITED: 64 MiB, 0.5 CPU, 20 pids)', function () {
        let id: string;

        before(async function () {
            id = await startOwn(BUSY, LIMITED);
        });

        after(async function () {
            await client.killContainer(id).catch(() => undefined);
        });

        it('inspectContainer(): HostConfig has exactly those limits', async function () {
            const d = await client.inspectContainer(id);
            assert.strictEqual(d.state.running, true);
            assert.strictEqual(d.limits.memory, 67_108_864);
            assert.strictEqual(d.limits.memory, LIMITED.memoryBytes);
            assert.strictEqual(d.limits.nanoCpus, 500_000_000);
            assert.strictEqual(d.limits.pidsLimit, 20);
        });

        it('execCapture(KERNEL_LIMIT_CMD): the kernel enforces 67108864, read from the cgroup file of this cgroup version', async function () {
            const r = await client.execCapture(id, KERNEL_LIMIT_CMD);
            assert.strictEqual(r.exitCode, 0, r.output);
            const lines = r.output.trim().split('\n');
            assert.strictEqual(lines[0].trim(), '67108864');
            const file = info.cgroupVersion === '2' ? '/sys/fs/cgroup/memory.max' : '/sys/fs/cgroup/memory/memory.limit_in_bytes';
            assert.strictEqual(lines[lines.length - 1], `FILE=${file}`);
            assert.strictEqual(lines.length, 2, r.output);
        });

        it('the CPU and pids limits are in the kernel’s cgroup files too', async function () {
            const cmd =
                info.cgroupVersion === '2'
                    ? 'cat /sys/fs/cgroup/cpu.max /sys/fs/cgroup/pids.max'
                    : 'cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us /sys/fs/cgroup/pids/pids.max';
            const r = await client.execCapture(id, ['sh', '-c', cmd]);
            assert.strictEqual(r.exitCode, 0, r.output);
            const words = r.output.trim().split(/\s+/).map(Number);
            // quota / period = 0.5 CPU; 20 processes
            assert.strictEqual(words[0] / words[1], 0.5, r.output);
            assert.strictEqual(words[2], 20, r.output);
        });

        it('streamStats(): memoryLimit 67108864, pids limit 20, and the busy loop held near 50 % (20 < avg ≤ 60)', async function () {
            const samples: StatsSample[] = [];
            const controller = new AbortController();
            const done = client.streamStats(id, (s) => samples.push(s), controller.signal);
            await waitFor('5 stats samples', () => (samples.length >= 5 ? true : undefined), 15_000);
            controller.abort();
            await done;
            const n = samples.length;
            await sleep(300);
            assert.strictEqual(samples.length, n, 'no sample after the abort');

            for (const s of samples) {
                assert.strictEqual(s.memoryLimit, 67_108_864);
                if (s.pidsLimit !== undefined) {
                    assert.strictEqual(s.pidsLimit, 20);
                }
                assert.ok(s.pids >= 1 && s.pids <= 20, `pids ${s.pids}`);
                assert.ok(s.memoryUsed > 0 && s.memoryUsed < 67_108_864, `memory ${s.memoryUsed}`);
                assert.ok(!Number.isNaN(Date.parse(s.read)), s.read);
            }
            // the first sample has no previous one to compare with (precpu_stats is empty)
            const cpu = samples.slice(1).map((s) => s.cpuPercent);
            const avg = cpu.reduce((a, b) => a + b, 0) / cpu.length;
            assert.ok(avg <= 60, `CPU averaged ${avg.toFixed(1)} % over ${cpu.map((x) => x.toFixed(1)).join(', ')}: the 50 % limit holds`);
            assert.ok(avg > 20, `CPU averaged ${avg.toFixed(1)} % over ${cpu.map((x) => x.toFixed(1)).join(', ')}: the loop is really busy`);
        });
    });

    describe('cgroups.limits: CgroupLimitsDemo', function () {
        let c: TestContext;
        let demo: CgroupLimitsDemo;
        let started: Dockerode.ContainerInfo;

        before(function () {
            c = ctx();
            demo = new CgroupLimitsDemo(c);
            c.demo = demo;
        });

        after(function () {
            demo?.dispose();
            c?.controller.abort();
        });

        it('start() shows the cgroup version and driver that GET /info reports', async function () {
            await demo.start();
            const v = c.last;
            assert.notStrictEqual(v.state, 'unavailable', v.message);
            const raw = (await docker.info()) as { CgroupVersion?: string; CgroupDriver?: string };
            const cg = fact(v, 'cgroup version and driver');
            assert.strictEqual(cg.value, `v${info.cgroupVersion}, ${info.cgroupDriver}`);
            assert.strictEqual(cg.value, `v${raw.CgroupVersion ?? '1'}, ${raw.CgroupDriver}`);
            assert.deepStrictEqual(
                v.buttons?.map((b) => b.action),
                ['start'],
            );
        });

        it('act("start") runs a container labelled cgroups with the limits, and the table fills in with live usage', async function () {
            const from = c.views.length;
            await demo.act('start');
            assert.ok(c.views.slice(from).some((v) => v.state === 'running'), 'busy while starting');
            const mine = (await ownLessonContainers('cgroups')).filter((x) => x.State === 'running');
            assert.strictEqual(mine.length, 1, JSON.stringify(mine));
            started = mine[0];
            cleanup.container(started.Id);
            assert.match(c.logs.join('\n'), /docker run -d --memory 64m --cpus 0\.5 --pids-limit 20 busybox/);

            const v = c.last;
            assert.strictEqual(v.state, 'done', v.message);
            assert.strictEqual(v.choice?.selected, started.Id);
            assert.deepStrictEqual(
                v.buttons?.map((b) => b.action),
                ['start', 'stop'],
            );
            assert.match(v.message ?? '', /endless loop that would take a whole CPU; with its limit, expect about 50 %/);
            const rows = v.tables?.[0].rows;
            assert.ok(rows, JSON.stringify(v));
            assert.deepStrictEqual(
                rows.map((r) => r.slice(0, 2)),
                [
                    ['CPU', '0.5 CPU (50 %)'],
                    ['Memory', formatMemory(67_108_864)],
                    ['Processes', '20'],
                ],
            );
            assert.strictEqual(rows[1][1], '64 MiB');
            const kernel = fact(v, "The kernel's own memory limit");
            assert.strictEqual(kernel.value, '67108864 (64 MiB)');
            assert.strictEqual(kernel.ok, true);
            assert.match(kernel.note ?? '', info.cgroupVersion === '2' ? /\/sys\/fs\/cgroup\/memory\.max/ : /\/sys\/fs\/cgroup\/memory\/memory\.limit_in_bytes/);

            // the stats stream fills the usage column, and CPU moves towards the 50 % limit
            const usage = (x: LiveView) => x.tables?.[0]?.rows.map((r) => r[2]);
            const isFilled = (x: LiveView) => !!usage(x)?.every((u) => u !== '…');
            await waitFor(
                'a view with live usage and the CPU above 20 %',
                () => (c.views.slice(from).some((x) => isFilled(x) && parseFloat(usage(x)![0]) > 20) ? true : undefined),
                15_000,
                100,
            );
            const filled = c.views.slice(from).filter(isFilled);
            for (const x of filled) {
                const [cpu, mem, pids] = x.tables![0].rows.map((r) => r[2]);
                assert.match(cpu, /^\d+\.\d %$/);
                assert.ok(parseFloat(cpu) <= 75, `CPU ${cpu} stays near the 50 % limit`);
                assert.match(mem, / \/ 64 MiB$/);
                assert.match(pids, /^[1-9]\d*( \/ 20)?$/);
            }
            // the findings of the latest view: the measured CPU against its limit, the kernel's own memory limit
            const last = [...c.views.slice(from)].reverse().find((x) => isFilled(x) && x.conclusion);
            assert.ok(last?.conclusion, 'findings once usage is measured');
            const [cpuNow, , pidsNow] = last.tables![0].rows.map((r) => r[2]);
            const texts = last.conclusion.points.map((p) => p.text);
            const cpuText = parseFloat(cpuNow) <= 50 ? `CPU: ${cpuNow.replace(' %', '')} % of one CPU, within its limit of 50 %. The loop would take a whole CPU without it.` : `CPU: ${cpuNow.replace(' %', '')} % of one CPU, a little over its limit of 50 %, and far below`;
            assert.ok(texts.some((t) => t.startsWith(cpuText)), JSON.stringify(texts));
            const kfile = info.cgroupVersion === '2' ? '/sys/fs/cgroup/memory.max' : '/sys/fs/cgroup/memory/memory.limit_in_bytes';
            assert.ok(texts.includes(`The kernel's own memory limit for this cgroup (${kfile}) is 67108864 bytes: exactly what the engine was asked for. The runtime (runc) wrote it there.`), JSON.stringify(texts));
            assert.ok(texts.includes(`Processes: ${pidsNow.split(' ')[0]}, within the limit of 20.`), JSON.stringify(texts));
            assert.strictEqual(last.conclusion.state, 'held');
        });

        it('act("stop") answered No keeps the container running', async function () {
            c.answer = false;
            await demo.act('stop');
            assert.strictEqual(c.confirms.length, 1);
            assert.strictEqual(c.confirms[0].message, `Stop and remove the demo container ${started.Names[0].replace(/^\//, '')}?`);
            assert.strictEqual(c.confirms[0].action, 'Stop and Remove');
            assert.strictEqual((await client.inspectContainer(started.Id)).state.running, true);
            assert.ok(c.last.tables?.length, 'still showing its limits');
        });

        it('act("stop") answered Yes kills and removes it (fast), and the stats stream stops', async function () {
            c.answer = true;
            const t = Date.now();
            await demo.act('stop');
            const ms = Date.now() - t;
            assert.strictEqual(c.confirms.length, 2);
            assert.ok(!(await docker.listContainers({ all: true })).some((x) => x.Id === started.Id), 'removed');
            assert.ok(ms < 5000, `stop took ${ms} ms (a kill, not the 10 s stop timeout)`);
            const v = c.last;
            assert.strictEqual(v.state, 'idle');
            assert.strictEqual(v.tables, undefined);
            assert.deepStrictEqual(
                v.buttons?.map((b) => b.action),
                ['start'],
            );
            const n = c.views.length;
            await sleep(1500);
            assert.strictEqual(c.views.length, n, 'no more views from a stats stream');
            assert.ok(!c.logs.some((l) => l.startsWith('stop:')), c.logs.join('\n'));
        });
    });

    describe('cgroups.oom: OomDemo.run()', function () {
        let final: LiveView;
        let short: string;

        before(async function () {
            const c = ctx();
            const demo = new OomDemo(c);
            await demo.start();
            final = await demo.run();
            short = step(final, 1).detail ?? '';
        });

        it('is done: exit code 137, OOMKilled true, both ok', function () {
            assert.strictEqual(final.state, 'done', `${final.message} / ${JSON.stringify(final.steps)}`);
            assert.deepStrictEqual(states(final), ['done', 'done', 'done', 'done']);
            assert.strictEqual(step(final, 3).detail, 'exit 137');
            const exit = fact(final, 'Exit code');
            assert.strictEqual(exit.value, '137');
            assert.strictEqual(exit.ok, true);
            const oom = fact(final, 'Killed for memory (OOMKilled)');
            assert.strictEqual(oom.value, 'true');
            assert.strictEqual(oom.ok, true);
            assert.strictEqual(fact(final, 'Memory limit').value, formatMemory(OOM_LIMIT));
            assert.strictEqual(fact(final, 'Memory limit').value, '32 MiB');
            assert.match(fact(final, 'Time until it ended').value, /^\d+ ms$/);
        });

        it('the findings: killed by the OOM killer after reclaim failed, and the host\'s available memory measured around it', function () {
            const found = final.conclusion;
            assert.ok(found, 'a finished run has findings');
            assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
            const texts = found.points.map((p) => p.text);
            assert.strictEqual(
                texts[0],
                "Exit code 137 (128 + 9, SIGKILL) and OOMKilled true: the container's cgroup reached its 32 MiB limit, the kernel could not reclaim enough memory in it, and its OOM killer killed a process in that cgroup. That process was the container's PID 1, so the container ended.",
            );
            assert.strictEqual(texts[1], `It ran ${fact(final, 'Time until it ended').value} before it ended.`);
            // this machine's MemAvailable, read before, during and after (the engine is local here)
            const mem = fact(final, "This machine's available memory (before → lowest → after)").value;
            const [before, lowest, after] = mem.split(' → ').map((x) => Number(x.replace(' MiB', '')));
            assert.ok([before, lowest, after].every((x) => Number.isInteger(x) && x > 0 && x * 1024 * 1024 <= os.totalmem()), mem);
            assert.ok(lowest <= before && lowest <= after, mem);
            assert.strictEqual(
                texts[2],
                `This machine's available memory (MemAvailable in /proc/meminfo): ${before} MiB before, ${lowest} MiB at the lowest while the container ran, ${after} MiB after. The host always had far more free than the 32 MiB the container was allowed: its limit ended it, not a shortage on the host.`,
            );
            assert.ok(!texts.some((t) => /never short of memory/.test(t)));
        });

        it('the container is removed afterwards', async function () {
            assert.ok(await gone(short), `container ${short} was removed`);
            assert.deepStrictEqual(await ownLessonContainers('cgroups'), []);
        });

        it('evidence: the oom event arrives for it and completes cgroups; its die (137) does not', async function () {
            const oom = await waitFor('the oom event', () => eventsOf(short).find((e) => e.action === 'oom'));
            assert.strictEqual(oom.attributes[LESSON_LABEL], 'cgroups');
            assert.strictEqual(lessonCompletedBy(oom, HELLO), 'cgroups');
            const die = await waitFor('the die event', () => eventsOf(short).find((e) => e.action === 'die'));
            assert.strictEqual(die.attributes.exitCode, '137');
            assert.strictEqual(lessonCompletedBy(die, HELLO), undefined);
            for (const e of eventsOf(short).filter((x) => x.action !== 'oom')) {
                assert.strictEqual(lessonCompletedBy(e, HELLO), undefined, e.action);
            }
        });
    });

    describe('ns.insideOutside: NamespacesDemo.run()', function () {
        let final: LiveView;
        let short: string;
        let rows: readonly (readonly string[])[];
        let ms: number;

        before(async function () {
            const c = ctx();
            const demo = new NamespacesDemo(c);
            await demo.start();
            const t = Date.now();
            final = await demo.run();
            ms = Date.now() - t;
            short = step(final, 1).detail ?? '';
            rows = final.tables?.[0]?.rows ?? [];
        });

        it('is done: four steps, one table of eight rows', function () {
            assert.strictEqual(final.state, 'done', `${final.message} / ${JSON.stringify(final.steps)}`);
            assert.deepStrictEqual(states(final), ['done', 'done', 'done', 'done']);
            assert.strictEqual(final.tables?.length, 1);
            assert.deepStrictEqual(final.tables?.[0].columns, ['Question', 'Outside (host)', 'Inside the container', 'Different?']);
            assert.strictEqual(final.tables?.[0].caption, 'Inside vs outside (each row names the namespace it tests; the PID namespace has two rows)');
            assert.deepStrictEqual(
                rows.map((r) => r[0]),
                [
                    'Host name (UTS namespace)',
                    'PID 1 is… (PID namespace)',
                    "The demo's process, by number (PID namespace)",
                    'Network interfaces (network namespace)',
                    'pid namespace id',
                    'uts namespace id',
                    'mnt namespace id',
                    'net namespace id',
                ],
            );
            assert.ok(ms < 5000, `the run took ${ms} ms`);
        });

        it('host name: the daemon’s outside, the container id inside; different', function () {
            assert.deepStrictEqual(rows[0].slice(1), [info.name, short, 'yes']);
            assert.strictEqual(info.name, os.hostname(), 'the engine is on this machine');
        });

        it('PID 1: this machine\'s own (read from /proc/1/comm) outside, sleep inside; the process\'s number read from NSpid', function () {
            const hostInit = fs.readFileSync('/proc/1/comm', 'utf8').trim();
            assert.deepStrictEqual(rows[1].slice(1), [hostInit, 'sleep', hostInit !== 'sleep' ? 'yes' : 'no']);
            const pid1 = fact(final, 'PID 1 is… (PID namespace)');
            assert.strictEqual(pid1.value, 'sleep');
            assert.match(final.output ?? '', /^\s*PID\s+COMMAND/);
            assert.match(final.output ?? '', /^\s*1\s+sleep$/m);
            const hostPid = Number(rows[2][1]);
            assert.ok(Number.isInteger(hostPid) && hostPid > 1, rows[2][1]);
            assert.deepStrictEqual(rows[2].slice(2), ['1', 'yes']);
        });

        it('the findings state what was read: PID 1 inside, the host PID with its NSpid, this machine\'s PID 1, hostname, interfaces, ids', function () {
            const found = final.conclusion;
            assert.ok(found, 'a finished run has findings');
            assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
            const hostPid = Number(rows[2][1]);
            const hostInit = fs.readFileSync('/proc/1/comm', 'utf8').trim();
            assert.deepStrictEqual(
                found.points.map((p) => p.text),
                [
                    "Inside, PID 1 is `sleep`, the demo's own command, and `ps` lists only the container's processes.",
                    `On the host the same process is PID ${hostPid}: its /proc/${hostPid}/status lists NSpid ${hostPid} 1, one number per PID namespace. This machine's own PID 1 is \`${hostInit}\`.`,
                    `Hostname inside: ${short}; the engine's host: ${info.name}. Each has its own UTS namespace.`,
                    `Inside, the only network interface is lo: the container has a network namespace of its own with no network attached. This machine has ${Object.keys(os.networkInterfaces()).join(', ')}.`,
                    'Every namespace id that could be read differs between inside and this editor: pid, uts, mnt, net.',
                ],
            );
        });

        it('network interfaces inside are exactly lo (this engine has no bridge)', function () {
            assert.strictEqual(rows[3][2], 'lo');
            const outside = Object.keys(os.networkInterfaces());
            assert.strictEqual(rows[3][1], outside.join(', '));
            assert.strictEqual(rows[3][3], outside.sort().join() !== 'lo' ? 'yes' : 'no');
        });

        it('pid/uts/mnt/net namespace ids differ from this process’s (readlink /proc/self/ns/*)', function () {
            ['pid', 'uts', 'mnt', 'net'].forEach((n, i) => {
                const row = rows[4 + i];
                const self = fs.readlinkSync(`/proc/self/ns/${n}`);
                assert.strictEqual(row[1], self, `${n} outside`);
                assert.match(row[2], new RegExp(`^${n}:\\[\\d+\\]$`), `${n} inside`);
                assert.notStrictEqual(row[2], self, `${n} inside differs`);
                assert.strictEqual(row[3], 'yes');
            });
        });

        it('the container is removed; its start event completes namespaces', async function () {
            assert.ok(await gone(short), `container ${short} was removed`);
            assert.deepStrictEqual(await ownLessonContainers('namespaces'), []);
            const start = await waitFor('the start event', () => eventsOf(short).find((e) => e.action === 'start'));
            assert.strictEqual(start.attributes[LESSON_LABEL], 'namespaces');
            assert.strictEqual(lessonCompletedBy(start, HELLO), 'namespaces');
            await waitFor('the destroy event', () => eventsOf(short).find((e) => e.action === 'destroy'));
            for (const e of eventsOf(short).filter((x) => x.action !== 'start')) {
                assert.strictEqual(lessonCompletedBy(e, HELLO), undefined, e.action);
            }
        });
    });

    describe('parseInside() on the real INSIDE_CMD output', function () {
        it('reads host name, ps, PID 1, interfaces and the namespace ids the host sees for that process', async function () {
            const id = await startOwn(['sleep', '120']);
            try {
                const r = await client.execCapture(id, INSIDE_CMD);
                assert.strictEqual(r.exitCode, 0, r.output);
                const p = parseInside(r.output);
                assert.strictEqual(p.hostname, id.slice(0, 12));
                assert.strictEqual(p.pid1, 'sleep');
                const ps = p.ps.split('\n');
                assert.match(ps[0], /^\s*PID\s+COMMAND$/);
                assert.ok(ps.some((l) => /^\s*1\s+sleep$/.test(l)), p.ps);
                assert.deepStrictEqual(p.ifaces, ['lo']);
                assert.deepStrictEqual(Object.keys(p.ns).sort(), ['mnt', 'net', 'pid', 'uts']);
                // the same namespaces, read from the host side through the container's host PID
                const pid = (await client.inspectContainer(id)).state.pid;
                for (const n of ['pid', 'uts', 'mnt', 'net']) {
                    assert.strictEqual(p.ns[n], fs.readlinkSync(`/proc/${pid}/ns/${n}`), n);
                    assert.notStrictEqual(p.ns[n], fs.readlinkSync(`/proc/self/ns/${n}`), n);
                }
            } finally {
                await client.killContainer(id).catch(() => undefined);
            }
        });
    });
});
