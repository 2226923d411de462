/**
 * Lesson 5 live, second demo: a container over its memory limit, ended by the kernel's OOM killer.
 * The host's available memory is measured around it when the engine runs on this machine.
 */
import * as fs from 'fs';
import { formatMemory } from '../../common/format';
import { classifyError } from '../../docker/errors';
import { engineKind } from '../../docker/engineKind';
import type { ConclusionView, FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { DemoContext, ensureImage, LESSON_LABEL, RunButtonDemo, since, updateStep, Words } from './demo';
import { OomResult, oomFindings, parseMemAvailable } from './findings/cgroups';

type OomKey = 'intro' | 'run' | 'runAgain' | 's1' | 's2' | 's3' | 's4' | 'exit' | 'exitNote' | 'oom' | 'oomNote' | 'oomNotePodman' | 'killedIn' | 'limit' | 'hostMem' | 'hostMemNote';

const OW: Words<OomKey> = {
    en: {
        intro: 'Starts a container limited to 32 MiB (no swap) that reads /dev/zero into memory without end, and waits for the kernel to step in.',
        run: 'Run the OOM demo',
        runAgain: 'Run it again',
        s1: 'Create a container with a 32 MiB memory limit',
        s2: 'Start it: it allocates memory without bound',
        s3: 'Wait for it to end',
        s4: 'Ask Docker why it ended, then remove it',
        exit: 'Exit code',
        exitNote: '137 = 128 + 9: a process ended by SIGKILL.',
        oom: 'Killed for memory (OOMKilled)',
        oomNote: 'State.OOMKilled from GET /containers/{id}/json.',
        oomNotePodman: 'State.OOMKilled from GET /containers/{id}/json. Podman\'s Docker API does not set it: here the exit code is the evidence.',
        killedIn: 'Time until it ended',
        limit: 'Memory limit',
        hostMem: 'This machine\'s available memory (before → lowest → after)',
        hostMemNote: 'MemAvailable from /proc/meminfo, read before the start, every 50 ms while waiting, and after.',
    },
    ko: {
        intro: '메모리를 32 MiB로 제한한(스왑 없음) 컨테이너를 시작합니다. /dev/zero를 끝없이 메모리로 읽어 들이고, 커널이 나서기를 기다립니다.',
        run: 'OOM 데모 실행',
        runAgain: '다시 실행하기',
        s1: '메모리 제한 32 MiB인 컨테이너 만들기',
        s2: '시작하기: 끝없이 메모리를 씁니다',
        s3: '끝나기를 기다리기',
        s4: '왜 끝났는지 도커에게 묻고 지우기',
        exit: '종료 코드',
        exitNote: '137 = 128 + 9: SIGKILL로 종료된 프로세스입니다.',
        oom: '메모리 때문에 종료됨 (OOMKilled)',
        oomNote: 'GET /containers/{id}/json의 State.OOMKilled 값입니다.',
        oomNotePodman: 'GET /containers/{id}/json의 State.OOMKilled 값입니다. Podman의 Docker API는 이 값을 채우지 않으므로, 여기서는 종료 코드가 증거입니다.',
        killedIn: '끝나기까지 걸린 시간',
        limit: '메모리 제한',
        hostMem: '이 머신의 사용 가능한 메모리 (시작 전 → 가장 낮을 때 → 끝난 뒤)',
        hostMemNote: '/proc/meminfo의 MemAvailable을 시작 전, 기다리는 동안 50 ms마다, 끝난 뒤에 읽었습니다.',
    },
};

export const OOM_LIMIT = 32 * 1024 * 1024;

function memAvailable(): number | undefined {
    try {
        return parseMemAvailable(fs.readFileSync('/proc/meminfo', 'utf8'));
    } catch {
        return undefined;
    }
}

export class OomDemo extends RunButtonDemo<OomKey> {
    readonly id = 'cgroups.oom' as const;

    constructor(ctx: DemoContext) {
        super(ctx, OW, { intro: 'intro', run: 'run', again: 'runAgain' });
    }

    /** Public for tests: the final view. */
    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const steps: StepView[] = [
            { n: 1, title: this.w('s1'), call: 'POST /containers/create (HostConfig.Memory=33554432, MemorySwap=33554432)', cli: `docker create --memory 32m --memory-swap 32m ${image} tail /dev/zero`, state: 'pending' },
            { n: 2, title: this.w('s2'), call: 'POST /containers/{id}/start', cli: 'docker start <id>', state: 'pending' },
            { n: 3, title: this.w('s3'), call: 'POST /containers/{id}/wait', cli: 'docker wait <id>', state: 'pending' },
            { n: 4, title: this.w('s4'), call: 'GET /containers/{id}/json, DELETE /containers/{id}', cli: "docker inspect --format '{{.State.OOMKilled}} {{.State.ExitCode}}' <id>; docker rm <id>", state: 'pending' },
        ];
        const facts: FactView[] = [];
        let findings: ConclusionView | undefined;
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}) => this.frame(state, { steps, facts, findings }, extra);
        let current = 1;
        let id: string | undefined;
        let sampler: NodeJS.Timeout | undefined;
        try {
            const client = this.ctx.client();
            const info = await client.info(this.ctx.signal);
            const where: OomResult['where'] = info.runsInVm ? 'vm' : client.endpoint.kind === 'unix' ? 'local' : 'remote';
            const podman = engineKind(client.endpoint, await client.version(this.ctx.signal)).product === 'podman';
            await ensureImage(client, image, this.ctx.signal);
            let t = performance.now();
            updateStep(steps, 1, { state: 'active' });
            this.ctx.emit(view('running'));
            id = await client.createContainer({ image, cmd: ['tail', '/dev/zero'], memoryBytes: OOM_LIMIT, memorySwapBytes: OOM_LIMIT, labels: { [LESSON_LABEL]: 'cgroups' } });
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: id.slice(0, 12) });
            facts.push({ label: this.w('limit'), value: formatMemory(OOM_LIMIT) });

            current = 2;
            t = performance.now();
            updateStep(steps, 2, { state: 'active' });
            this.ctx.emit(view('running'));
            const before = where === 'local' ? memAvailable() : undefined;
            let lowest = before;
            if (before !== undefined) {
                sampler = setInterval(() => {
                    const now = memAvailable();
                    if (now !== undefined && (lowest === undefined || now < lowest)) {
                        lowest = now;
                    }
                }, 50);
            }
            await client.startContainer(id);
            const started = performance.now();
            updateStep(steps, 2, { state: 'done', ms: since(t) });

            current = 3;
            updateStep(steps, 3, { state: 'active' });
            this.ctx.emit(view('running'));
            const exitCode = await client.waitContainer(id);
            const ranMs = since(started);
            clearInterval(sampler);
            const after = before !== undefined ? memAvailable() : undefined;
            updateStep(steps, 3, { state: 'done', ms: ranMs, detail: `exit ${exitCode}` });

            current = 4;
            t = performance.now();
            updateStep(steps, 4, { state: 'active' });
            const d = await client.inspectContainer(id);
            await client.removeContainer(id);
            id = undefined;
            updateStep(steps, 4, { state: 'done', ms: since(t) });
            facts.push({ label: this.w('exit'), value: String(d.state.exitCode), ok: d.state.exitCode === 137, note: this.w('exitNote') });
            facts.push(
                podman && !d.state.oomKilled
                    ? { label: this.w('oom'), value: 'false', note: this.w('oomNotePodman') }
                    : { label: this.w('oom'), value: d.state.oomKilled ? 'true' : 'false', ok: d.state.oomKilled, note: this.w('oomNote') },
            );
            facts.push({ label: this.w('killedIn'), value: `${ranMs} ms` });
            const host = before !== undefined && after !== undefined && lowest !== undefined ? { before, lowest: Math.min(lowest, after), after } : undefined;
            if (host) {
                facts.push({ label: this.w('hostMem'), value: [host.before, host.lowest, host.after].map((b) => `${Math.round(b / (1024 * 1024))} MiB`).join(' → '), note: this.w('hostMemNote') });
            }
            findings = oomFindings({ limit: OOM_LIMIT, exitCode: d.state.exitCode, oomKilled: d.state.oomKilled, ranMs, where, engineOs: info.operatingSystem, host, podman }, this.ctx.locale);
            const final = view('done');
            this.ctx.emit(final);
            return final;
        } catch (e) {
            clearInterval(sampler);
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            if (id) {
                const client = this.ctx.client();
                await client.killContainer(id).catch(() => undefined);
                await client.removeContainer(id).catch(() => undefined);
            }
            const d = this.ctx.describe(err);
            const final = view('error', { message: d.message, next: d.next });
            if (!this.ctx.signal.aborted) {
                this.ctx.emit(final);
            }
            return final;
        }
    }
}
