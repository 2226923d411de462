/**
 * Lesson 11 live: one container driven through its lifecycle (created → running → paused → running →
 * exited → removed) with the state read back from the engine after each step; `exec` into it; `stop`
 * (SIGTERM, then SIGKILL after the stop timeout: measured) vs a program that handles SIGTERM vs `kill`;
 * a restart policy and `--rm`. Every container is the lesson's own and removed at the end.
 */
import { classifyError } from '../../docker/errors';
import type { DockerClient } from '../../docker/types';
import type { FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { DemoContext, ensureImage, LESSON_LABEL, RunButtonDemo, since, updateStep } from './demo';
import { LifecycleResult, lifecycleFindings } from './findings/lifecycle';
import { LW, LifecycleKey } from './lifecycleWords';

export const LIFECYCLE_LESSON = 'container-lifecycle';
/** `--stop-timeout` of the lesson's containers: short, so the wait is visible but not long. */
export const STOP_TIMEOUT_S = 2;
export const RESTART_MAX = 2;
/** PID 1 without a SIGTERM handler: the kernel does not deliver SIGTERM to it, so only SIGKILL ends it. */
export const IGNORES_TERM = ['sleep', '600'];
/** A shell with a handler: SIGTERM ends it at once (the sleep is short so the trap runs between them). */
export const HANDLES_TERM = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.1; done'];

/** The state the engine reports now, or `removed` when it no longer knows the container. */
export async function stateOf(client: DockerClient, id: string): Promise<{ status: string; exitCode: number; restartCount: number }> {
    try {
        const d = await client.inspectContainer(id);
        return { status: d.state.status, exitCode: d.state.exitCode, restartCount: Number((d.raw as { RestartCount?: unknown }).RestartCount) || 0 };
    } catch (e) {
        if (classifyError(e).kind === 'notFound') {
            return { status: 'removed', exitCode: 0, restartCount: 0 };
        }
        throw e;
    }
}

export class LifecycleDemo extends RunButtonDemo<LifecycleKey> {
    readonly id = 'lifecycle.states' as const;

    constructor(ctx: DemoContext) {
        super(ctx, LW, { intro: 'intro', run: 'run', again: 'again' });
    }

    /** `docker run -it --rm IMAGE sh`, the seed's `docker run -it ubuntu bash` with the lesson image. */
    itArgs(): string[] {
        return ['run', '-it', '--rm', '--label', `${LESSON_LABEL}=${LIFECYCLE_LESSON}`, this.ctx.settings.shellImage, 'sh'];
    }

    private withTerminal(v: LiveView): LiveView {
        return this.ctx.openTerminal ? { ...v, buttons: [...(v.buttons ?? []), { action: 'terminal', label: this.w('openIt'), disabled: v.state === 'running' }] } : v;
    }

    override async start(): Promise<void> {
        this.ctx.emit(this.withTerminal({ demo: this.id, state: 'idle', message: this.w('intro'), buttons: [{ action: 'run', label: this.w('run'), primary: true }] }));
    }

    override async act(action: string): Promise<void> {
        if (action === 'terminal' && this.ctx.openTerminal) {
            this.ctx.openTerminal(this.w('itTitle'), this.itArgs());
            return;
        }
        return super.act(action);
    }

    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const labels = { [LESSON_LABEL]: LIFECYCLE_LESSON };
        const name = `docker-lessons-lifecycle-${Date.now().toString(36)}`;
        const cmd = IGNORES_TERM.join(' ');
        const plan: [LifecycleKey, string, string, string][] = [
            ['sCreate', 'created', 'POST /containers/create', `docker create --name ${name} --stop-timeout ${STOP_TIMEOUT_S} ${image} ${cmd}`],
            ['sStart', 'running', 'POST /containers/{id}/start', `docker start ${name}`],
            ['sPause', 'paused', 'POST /containers/{id}/pause', `docker pause ${name}`],
            ['sUnpause', 'running', 'POST /containers/{id}/unpause', `docker unpause ${name}`],
            ['sExec', 'running', 'POST /containers/{id}/exec, POST /exec/{id}/start', `docker exec ${name} ps`],
            ['sStop', 'exited', 'POST /containers/{id}/stop', `docker stop ${name}`],
            ['sRemove', 'removed', 'DELETE /containers/{id}', `docker rm ${name}`],
            ['sTerm', 'exited', 'POST /containers/create, start, POST /containers/{id}/stop, DELETE', `docker run -d --stop-timeout ${STOP_TIMEOUT_S} ${image} sh -c 'trap "exit 0" TERM; …'; docker stop …`],
            ['sKill', 'exited', 'POST /containers/create, start, POST /containers/{id}/kill, DELETE', `docker run -d ${image} ${cmd}; docker kill …`],
            ['sRestart', 'exited', 'POST /containers/create (HostConfig.RestartPolicy), start, GET /containers/{id}/json', `docker run -d --restart on-failure:${RESTART_MAX} ${image} sh -c 'exit 3'`],
            ['sRm', 'removed', 'POST /containers/create (HostConfig.AutoRemove), start, POST /containers/{id}/wait', `docker run --rm ${image} true`],
        ];
        const steps: StepView[] = plan.map(([title, , call, cli], i) => ({ n: i + 1, title: this.w(title), call, cli, state: 'pending' }));
        const facts: FactView[] = [];
        let output = '';
        const states: { step: string; expected: string; seen: string }[] = [];
        const result: { -readonly [K in keyof LifecycleResult]: LifecycleResult[K] } = { states };
        const own = new Set<string>();
        let current = 0;
        const emit = (state: LiveView['state'], extra: Partial<LiveView> = {}) => {
            const v = this.withTerminal(this.frame(state, { steps, facts, output, findings: state === 'done' ? lifecycleFindings(result, this.ctx.locale) : undefined }, extra));
            this.ctx.emit(v);
            return v;
        };
        const client = () => this.ctx.client();
        /** Runs one step: its action, then reads the state back and records it. */
        const step = async (n: number, action: () => Promise<string | void>): Promise<string> => {
            current = n;
            const t = performance.now();
            updateStep(steps, n, { state: 'active' });
            emit('running');
            const extra = await action();
            const ms = since(t);
            return `${ms}|${extra ?? ''}`;
        };
        const readBack = async (n: number, id: string, ms: string) => {
            const [took, extra] = ms.split('|');
            const s = await stateOf(client(), id);
            const [title, expected] = plan[n - 1];
            states.push({ step: this.w(title), expected, seen: s.status });
            updateStep(steps, n, { state: s.status === expected ? 'done' : 'error', ms: Number(took), detail: `${this.w('readBack', s.status)}${extra ? ` ${extra}` : ''}` });
            emit('running');
            return s;
        };
        /** A short-lived container of the lesson's own, started. */
        const startOwn = async (argv: readonly string[], more: { stopTimeout?: number; restart?: { name: 'on-failure'; maxRetries: number }; autoRemove?: boolean } = {}) => {
            const id = await client().createContainer({ image, cmd: argv, labels, ...more });
            own.add(id);
            await client().startContainer(id);
            return id;
        };
        try {
            emit('running');
            await ensureImage(client(), image, this.ctx.signal);
            let id = '';
            this.ctx.log(`${plan[0][3]}    → ${plan[0][2]}`);
            const created = await step(1, async () => {
                id = await client().createContainer({ image, name, cmd: IGNORES_TERM, labels, stopTimeout: STOP_TIMEOUT_S });
                own.add(id);
            });
            await readBack(1, id, created);
            await readBack(2, id, await step(2, () => client().startContainer(id)));
            await readBack(3, id, await step(3, () => client().pauseContainer(id)));
            await readBack(4, id, await step(4, () => client().unpauseContainer(id)));
            await readBack(5, id, await step(5, async () => {
                const r = await client().execCapture(id, ['ps']);
                output += `$ docker exec ${name} ps\n${r.output}\n`;
                return this.w('execNote');
            }));
            let stopMs = 0;
            const stopped = await readBack(6, id, await step(6, async () => {
                const t = performance.now();
                await client().stopContainer(id);
                stopMs = since(t);
            }));
            result.stopIgnoring = { timeoutS: STOP_TIMEOUT_S, ms: stopMs, exitCode: stopped.exitCode };
            facts.push({ label: this.w('fStop'), value: this.w('fStopValue', stopMs, stopped.exitCode), note: this.w('fStopNote', STOP_TIMEOUT_S) });
            await readBack(7, id, await step(7, async () => {
                await client().removeContainer(id);
                own.delete(id);
            }));
            // SIGTERM handled: stop returns as soon as the program exits
            let termId = '';
            let termMs = 0;
            await step(8, async () => {
                termId = await startOwn(HANDLES_TERM, { stopTimeout: STOP_TIMEOUT_S });
                // give the shell a moment to set its trap before the signal
                await new Promise((r) => setTimeout(r, 300));
                const t = performance.now();
                await client().stopContainer(termId);
                termMs = since(t);
            });
            const termState = await stateOf(client(), termId);
            states.push({ step: this.w('sTerm'), expected: 'exited', seen: termState.status });
            updateStep(steps, 8, { state: termState.status === 'exited' ? 'done' : 'error', ms: termMs, detail: this.w('readBack', termState.status) });
            result.stopHandling = { ms: termMs, exitCode: termState.exitCode };
            facts.push({ label: this.w('fTerm'), value: this.w('fStopValue', termMs, termState.exitCode) });
            await client().removeContainer(termId);
            own.delete(termId);
            // kill: SIGKILL at once
            let killId = '';
            let killMs = 0;
            await step(9, async () => {
                killId = await startOwn(IGNORES_TERM);
                const t = performance.now();
                await client().killContainer(killId);
                await client().waitContainer(killId);
                killMs = since(t);
            });
            const killed = await stateOf(client(), killId);
            states.push({ step: this.w('sKill'), expected: 'exited', seen: killed.status });
            result.kill = { ms: killMs, exitCode: killed.exitCode };
            updateStep(steps, 9, { state: killed.status === 'exited' ? 'done' : 'error', ms: killMs, detail: this.w('readBack', killed.status) });
            facts.push({ label: this.w('fKill'), value: this.w('fStopValue', killMs, killed.exitCode) });
            await client().removeContainer(killId);
            own.delete(killId);
            // restart policy: a program that always fails, restarted until the count is used up
            let restartId = '';
            await step(10, async () => {
                restartId = await startOwn(['sh', '-c', 'exit 3'], { restart: { name: 'on-failure', maxRetries: RESTART_MAX } });
            });
            const t10 = performance.now();
            let restarted = await stateOf(client(), restartId);
            // the engine waits 100 ms, 200 ms, … between restarts: give it a few seconds
            while ((restarted.restartCount < RESTART_MAX || restarted.status !== 'exited') && performance.now() - t10 < 8000 && !this.ctx.signal.aborted) {
                await new Promise((r) => setTimeout(r, 150));
                restarted = await stateOf(client(), restartId);
            }
            states.push({ step: this.w('sRestart'), expected: 'exited', seen: restarted.status });
            result.restarts = { max: RESTART_MAX, count: restarted.restartCount, exitCode: restarted.exitCode };
            updateStep(steps, 10, { state: restarted.status === 'exited' ? 'done' : 'error', ms: since(t10), detail: this.w('restartDetail', restarted.restartCount, restarted.exitCode) });
            await client().removeContainer(restartId).catch(() => undefined);
            own.delete(restartId);
            // --rm: the engine removes it when its program ends
            let rmId = '';
            await step(11, async () => {
                rmId = await startOwn(['true'], { autoRemove: true });
                own.delete(rmId);
                await client().waitContainer(rmId).catch(() => undefined);
            });
            let gone = await stateOf(client(), rmId);
            for (let i = 0; i < 20 && gone.status !== 'removed'; i++) {
                await new Promise((r) => setTimeout(r, 100));
                gone = await stateOf(client(), rmId);
            }
            states.push({ step: this.w('sRm'), expected: 'removed', seen: gone.status });
            result.autoRemoved = gone.status === 'removed';
            updateStep(steps, 11, { state: result.autoRemoved ? 'done' : 'error', detail: this.w('readBack', gone.status) });
            await this.ctx.refresh();
            return emit('done');
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current || 1, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            return emit(this.ctx.signal.aborted ? 'idle' : 'error', { message: d.message, next: d.next });
        } finally {
            for (const id of own) {
                await client().killContainer(id).catch(() => undefined);
                await client().removeContainer(id).catch(() => undefined);
            }
        }
    }
}
