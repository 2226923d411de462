/**
 * Lesson 5 live: cgroup limits next to live usage (the stats stream), and the kernel's OOM killer.
 */
import { formatMemory, isNoMemoryLimit, kernelLimitText } from '../../common/format';
import { classifyError } from '../../docker/errors';
import { ContainerDetails, StatsSample } from '../../docker/types';
import type { FactView, LiveView, TableView } from '../../protocol/panelProtocol';
import { LimitKey, LIMIT_WORDS as LW } from './cgroupsWords';
import { Demo, DemoContext, ensureImage, LESSON_LABEL, wordsFor } from './demo';
import { limitsFindings } from './findings/cgroups';

export const LIMITED = { memoryBytes: 64 * 1024 * 1024, nanoCpus: 500_000_000, pidsLimit: 20 };
const BUSY = ['sh', '-c', 'while :; do :; done'];

/** Reads the memory limit the kernel enforces, from inside (cgroup v1 or v2). */
export const KERNEL_LIMIT_CMD = ['sh', '-c', 'cat /sys/fs/cgroup/memory.max 2>/dev/null && echo FILE=/sys/fs/cgroup/memory.max || { cat /sys/fs/cgroup/memory/memory.limit_in_bytes; echo FILE=/sys/fs/cgroup/memory/memory.limit_in_bytes; }'];

export class CgroupLimitsDemo implements Demo {
    readonly id = 'cgroups.limits' as const;
    private readonly w: (key: LimitKey, ...args: (string | number)[]) => string;
    private selected: string | undefined;
    private details: (ContainerDetails & { readonly lesson?: string }) | undefined;
    private sample: StatsSample | undefined;
    /** The first stats sample has no earlier one to compare CPU with. */
    private samples = 0;
    private kernelLimit: { value: string; file: string } | undefined;
    private cgroupInfo = '';
    /** The engine's default OCI runtime (GET /info), for a container that does not name its own. */
    private runtime = '';
    /** Milliseconds between the stream's last two samples, by their own `read` times (1 s on Docker, 5 s on Podman 4.3). */
    private intervalMs: number | undefined;
    private stats: AbortController | undefined;
    private visible = true;
    private busy = false;
    private error: { message: string; next: string } | undefined;
    /** Only containers this demo started are ever stopped or removed by it. */
    private readonly created = new Set<string>();

    constructor(private readonly ctx: DemoContext) {
        this.w = wordsFor(LW, ctx.locale);
        ctx.signal.addEventListener('abort', () => this.stopStats());
    }

    private running() {
        return this.ctx.snapshot().containers.filter((c) => c.state === 'running');
    }

    /** Public for tests. */
    view(): LiveView {
        if (this.error) {
            return { demo: this.id, state: 'unavailable', message: this.error.message, next: this.error.next };
        }
        const running = this.running();
        const ours = running.find((c) => c.id === this.selected && this.created.has(c.id));
        const buttons = [{ action: 'start', label: this.w('startOne'), primary: !this.selected, disabled: this.busy || !!ours }, ...(ours ? [{ action: 'stop', label: this.w('stopOne'), disabled: this.busy }] : [])];
        const facts: FactView[] = [];
        if (this.cgroupInfo) {
            facts.push({ label: this.w('cgroup'), value: this.cgroupInfo, note: this.w('cgroupNote') });
        }
        const choice = running.length
            ? {
                  action: 'select',
                  label: this.w('pick'),
                  // a first, empty choice: picking the first container must be a change
                  options: [{ value: 'none', label: '—' }, ...running.map((c) => ({ value: c.id, label: `${c.name} (${c.image})` }))],
                  selected: this.selected ?? 'none',
              }
            : undefined;
        if (!this.selected || !this.details) {
            return { demo: this.id, state: this.busy ? 'running' : 'idle', message: running.length ? this.w('intro') : `${this.w('intro')} ${this.w('noneRunning')}`, facts, buttons, choice };
        }
        const d = this.details;
        const s = this.sample;
        const cpuLimit = d.limits.nanoCpus ? d.limits.nanoCpus / 1e9 : d.limits.cpuQuota > 0 && d.limits.cpuPeriod > 0 ? d.limits.cpuQuota / d.limits.cpuPeriod : 0;
        // a caption that says "every second" only when the engine's samples do come every second
        const everySec = this.intervalMs !== undefined && this.intervalMs >= 1500 ? Math.round(this.intervalMs / 1000) : undefined;
        const table: TableView = {
            caption: everySec ? this.w('captionEvery', everySec) : this.w('caption'),
            columns: [this.w('what'), this.w('limit'), this.w('usage')],
            rows: [
                [this.w('cpu'), cpuLimit ? `${cpuLimit} CPU (${Math.round(cpuLimit * 100)} %)` : this.w('unlimited'), s && this.samples > 1 ? `${s.cpuPercent.toFixed(1)} %` : '…'],
                [this.w('memory'), d.limits.memory ? formatMemory(d.limits.memory) : this.w('unlimited'), s ? `${formatMemory(s.memoryUsed)} / ${isNoMemoryLimit(s.memoryLimit) ? this.w('unlimited') : formatMemory(s.memoryLimit)}` : '…'],
                [this.w('pids'), d.limits.pidsLimit > 0 ? String(d.limits.pidsLimit) : this.w('unlimited'), s ? `${s.pids}${s.pidsLimit ? ` / ${s.pidsLimit}` : ''}` : '…'],
            ],
        };
        if (this.kernelLimit) {
            const same = d.limits.memory ? String(d.limits.memory) === this.kernelLimit.value : undefined;
            facts.push({ label: this.w('kernelSays'), value: kernelLimitText(this.kernelLimit.value, this.w('unlimited')), ok: same, note: this.w('kernelNote', this.kernelLimit.file) });
        }
        const findings = limitsFindings(
            {
                cpuLimit,
                cpuPercent: s && this.samples > 1 ? s.cpuPercent : undefined,
                memorySet: d.limits.memory,
                kernelLimit: this.kernelLimit,
                pidsLimit: d.limits.pidsLimit,
                pids: s?.pids,
                runtime: runtimeOf(this.details?.runtime, this.runtime),
            },
            this.ctx.locale,
        );
        return {
            demo: this.id,
            state: this.busy ? 'running' : 'done',
            ...(findings && d.state.running ? { conclusion: findings } : {}),
            message: d.state.running
                ? [this.created.has(d.id) ? this.w('busyNote') : this.w('intro'), ...(s && !s.pidsLimit && d.limits.pidsLimit > 0 ? [this.w('pidsNotInStats')] : [])].join(' ')
                : this.w('notRunning'),
            facts,
            tables: [table],
            buttons,
            choice,
        };
    }

    private emit(): void {
        this.ctx.emit(this.view());
    }

    async start(): Promise<void> {
        try {
            const client = this.ctx.client();
            const info = await client.info(this.ctx.signal);
            this.cgroupInfo = `v${info.cgroupVersion}, ${info.cgroupDriver}`;
            this.runtime = info.defaultRuntime;
            await this.ctx.refresh();
            this.error = undefined;
        } catch (e) {
            this.error = this.ctx.describe(classifyError(e));
        }
        this.emit();
    }

    onSnapshot(): void {
        if (this.selected && !this.running().some((c) => c.id === this.selected)) {
            this.stopStats();
            this.sample = undefined;
        }
        if (!this.busy) {
            this.emit();
        }
    }

    onVisibility(visible: boolean): void {
        this.visible = visible;
        if (!visible) {
            this.stopStats();
        } else if (this.selected) {
            this.followStats(this.selected);
        }
    }

    async select(ref: string): Promise<void> {
        await this.ctx.refresh();
        const c = this.ctx.snapshot().containers.find((x) => x.id === ref || x.name === ref || x.id.startsWith(ref));
        if (!c) {
            return;
        }
        this.selected = c.id;
        this.sample = undefined;
        this.samples = 0;
        this.kernelLimit = undefined;
        try {
            const client = this.ctx.client();
            this.ctx.log(`docker inspect ${c.name}    → GET /containers/{id}/json (HostConfig.Memory, NanoCpus, PidsLimit)`);
            this.details = { ...(await client.inspectContainer(c.id)), lesson: c.labels[LESSON_LABEL] };
            if (this.details.state.running) {
                const r = await client.execCapture(c.id, KERNEL_LIMIT_CMD).catch(() => undefined);
                const value = r?.output.split('\n')[0]?.trim();
                const file = /FILE=(\S+)/.exec(r?.output ?? '')?.[1];
                if (value && file) {
                    this.kernelLimit = { value, file };
                }
                this.followStats(c.id);
            }
        } catch (e) {
            const d = this.ctx.describe(classifyError(e));
            this.ctx.emit({ ...this.view(), state: 'error', message: d.message, next: d.next });
            return;
        }
        this.emit();
    }

    private stopStats(): void {
        this.stats?.abort();
        this.stats = undefined;
    }

    private followStats(id: string): void {
        this.stopStats();
        // a new stream's first sample has no earlier one to compare CPU with
        this.samples = 0;
        this.sample = undefined;
        this.intervalMs = undefined;
        if (!this.visible || this.ctx.signal.aborted) {
            return;
        }
        const controller = new AbortController();
        this.stats = controller;
        this.ctx.log('docker stats    → GET /containers/{id}/stats?stream=1');
        let last = 0;
        this.ctx
            .client()
            .streamStats(
                id,
                (s) => {
                    this.samples++;
                    const gap = this.sample ? Date.parse(s.read) - Date.parse(this.sample.read) : NaN;
                    if (Number.isFinite(gap) && gap > 0) {
                        this.intervalMs = gap;
                    }
                    this.sample = { ...s, cpuPercent: cpuBetween(this.sample, s, gap) ?? s.cpuPercent };
                    if (performance.now() - last > 900) {
                        last = performance.now();
                        this.emit();
                    }
                },
                controller.signal,
            )
            .catch((e: unknown) => this.ctx.log(`stats: ${classifyError(e).message}`));
    }

    async act(action: string, arg?: string): Promise<void> {
        if (this.busy) {
            return;
        }
        if (action === 'select' && arg && arg !== 'none') {
            await this.select(arg);
        } else if (action === 'start') {
            this.busy = true;
            this.emit();
            try {
                const client = this.ctx.client();
                const image = this.ctx.settings.shellImage;
                await ensureImage(client, image, this.ctx.signal);
                this.ctx.log(`docker run -d --memory 64m --cpus 0.5 --pids-limit 20 ${image} sh -c 'while :; do :; done'    → POST /containers/create, POST /containers/{id}/start`);
                const id = await client.createContainer({ image, cmd: BUSY, ...LIMITED, labels: { [LESSON_LABEL]: 'cgroups' } });
                this.created.add(id);
                await client.startContainer(id);
                this.busy = false;
                await this.select(id);
            } catch (e) {
                this.busy = false;
                const d = this.ctx.describe(classifyError(e));
                this.ctx.emit({ ...this.view(), state: 'error', message: d.message, next: d.next });
            }
        } else if (action === 'stop' && this.selected) {
            const c = this.ctx.snapshot().containers.find((x) => x.id === this.selected);
            if (!c || !this.created.has(c.id)) {
                return;
            }
            if (!(await this.ctx.confirm(this.w('confirmStop', c.name), this.w('confirmStopDetail'), this.w('stopRemove')))) {
                return;
            }
            this.stopStats();
            this.busy = true;
            this.emit();
            try {
                const client = this.ctx.client();
                // a busy loop as PID 1 ignores SIGTERM; `docker stop` would wait 10 s, so kill it
                this.ctx.log(`docker kill ${c.name}; docker rm ${c.name}    → POST /containers/{id}/kill, DELETE /containers/{id}`);
                await client.killContainer(c.id);
                await client.removeContainer(c.id);
            } catch (e) {
                const d = this.ctx.describe(classifyError(e));
                this.busy = false;
                this.ctx.emit({ ...this.view(), state: 'error', message: d.message, next: d.next });
                return;
            }
            this.selected = undefined;
            this.details = undefined;
            this.busy = false;
            await this.ctx.refresh();
            this.emit();
        }
    }

    dispose(): void {
        this.stopStats();
        // the busy-loop container this demo started must not burn CPU after the lesson closes:
        // kill it (it stays listed, stopped; removing it is still the user's choice)
        for (const c of this.ctx.snapshot().containers) {
            if (this.created.has(c.id) && c.state === 'running') {
                this.ctx.log(`docker kill ${c.name}    → POST /containers/{id}/kill (the cgroups lesson closed)`);
                void this.ctx
                    .client()
                    .killContainer(c.id)
                    .catch(() => undefined);
            }
        }
    }
}

export { OomDemo, OOM_LIMIT } from './oom';

/**
 * % of one CPU between two samples of the stream: the CPU time the cgroup used, over the time between
 * the samples' own `read` stamps. Docker's formula (against the host's total CPU time in the same
 * sample) agrees on dockerd; on Podman 4.3 it once read 191.7 % for a container held at 50 %.
 */
export function cpuBetween(prev: StatsSample | undefined, next: StatsSample, gapMs: number): number | undefined {
    if (!prev?.cpuTotalNs || !next.cpuTotalNs || !Number.isFinite(gapMs) || gapMs <= 0 || next.cpuTotalNs < prev.cpuTotalNs) {
        return undefined;
    }
    return ((next.cpuTotalNs - prev.cpuTotalNs) / (gapMs * 1e6)) * 100;
}

/**
 * The runtime that wrote the limit: the one this container was started with (`--runtime`), else the
 * engine's default. Podman 4.3 puts its generic "oci" in HostConfig.Runtime, which names no runtime.
 */
export function runtimeOf(containerRuntime: string | undefined, engineDefault: string): string {
    return containerRuntime && containerRuntime !== 'oci' ? containerRuntime : engineDefault;
}
