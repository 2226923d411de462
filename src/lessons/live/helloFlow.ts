/**
 * Lesson 3 live: `docker run hello-world`, one real Engine API call per step of the seed's flow,
 * each step lit when its call completes.
 */
import { shellQuote } from '../../docker/cli';
import { normalizeRef, pullParams } from '../../docker/imageRef';
import { classifyError, DockerError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { ATTACH_START_CALLS, countPulledLayers, helloFindings } from './findings/helloWorld';
import { appendBounded, Demo, DemoContext, LESSON_LABEL, settleWithin, since, updateStep, wordsFor } from './demo';
import { HelloKey as Key, HELLO_WORDS as WORDS } from './helloWords';

export class HelloFlowDemo implements Demo {
    readonly id = 'hello.flow' as const;
    private readonly w: (key: Key, ...args: (string | number)[]) => string;
    private running = false;
    private last: LiveView | undefined;

    constructor(private readonly ctx: DemoContext) {
        this.w = wordsFor(WORDS, ctx.locale);
    }

    private get image(): string {
        return this.ctx.settings.helloImage;
    }

    private baseSteps(): StepView[] {
        const img = shellQuote(this.image);
        return [
            { n: 1, title: this.w('s1'), call: 'GET /_ping', cli: 'docker version', state: 'pending' },
            { n: 2, title: this.w('s2'), call: `GET /images/{name}/json, POST /images/create?fromImage=${this.repo()}&tag=${this.tag()}`, cli: `docker pull ${img}`, state: 'pending' },
            { n: 3, title: this.w('s3'), call: 'POST /containers/create', cli: `docker create ${img}`, state: 'pending' },
            { n: 4, title: this.w('s4'), call: `${ATTACH_START_CALLS.join(', ')}, POST /containers/{id}/wait`, cli: 'docker start --attach <id>', state: 'pending' },
        ];
    }

    private repo(): string {
        return pullParams(this.image).fromImage;
    }

    private tag(): string {
        return pullParams(this.image).tag;
    }

    /** Containers made from the hello-world image (by us or by the CLI). */
    private finished() {
        const image = normalizeRef(this.image);
        return this.ctx.snapshot().containers.filter((c) => normalizeRef(c.image) === image || c.labels[LESSON_LABEL] === 'hello-world');
    }

    private buttons(running: boolean, finished = this.last?.state === 'done') {
        const done = this.finished().filter((c) => c.state === 'exited' || c.state === 'created' || c.state === 'dead');
        return [
            { action: 'run', label: this.w(finished ? 'runAgain' : 'run'), primary: true, disabled: running },
            { action: 'fresh', label: this.w('fresh'), disabled: running },
            ...(done.length ? [{ action: 'cleanup', label: `${this.w('cleanup')} (${done.length})`, disabled: running }] : []),
        ];
    }

    private emit(view: LiveView): void {
        this.last = view;
        this.ctx.emit(view);
    }

    async start(): Promise<void> {
        let message = this.w('intro');
        try {
            const local = await this.ctx.client().hasImage(this.image);
            message = `${message} ${this.w(local ? 'introLocal' : 'introMissing', this.image)}`;
        } catch (e) {
            const d = this.ctx.describe(classifyError(e));
            this.emit({ demo: this.id, state: 'unavailable', message: d.message, next: d.next, steps: this.baseSteps(), buttons: this.buttons(false) });
            return;
        }
        this.emit({ demo: this.id, state: 'idle', message, steps: this.baseSteps(), buttons: this.buttons(false), litSteps: [] });
    }

    onSnapshot(): void {
        if (this.last && !this.running) {
            this.emit({ ...this.last, buttons: this.buttons(false) });
        }
    }

    async act(action: string): Promise<void> {
        if (this.running) {
            return;
        }
        if (action === 'run') {
            await this.run();
        } else if (action === 'fresh') {
            await this.fresh();
        } else if (action === 'cleanup') {
            await this.cleanup();
        }
    }

    private async cleanup(): Promise<void> {
        await this.ctx.refresh();
        const done = this.finished().filter((c) => c.state === 'exited' || c.state === 'created' || c.state === 'dead');
        if (!done.length || !(await this.ctx.confirm(this.w('confirmCleanup', done.length, this.image), this.w('confirmCleanupDetail'), this.w('remove')))) {
            return;
        }
        const client = this.ctx.client();
        let removed = 0;
        for (const c of done) {
            this.ctx.log(`docker rm ${c.name}    → DELETE /containers/{id}`);
            try {
                await client.removeContainer(c.id);
                removed++;
            } catch (e) {
                this.ctx.log(`could not remove ${c.name}: ${classifyError(e).message}`);
            }
        }
        await this.ctx.refresh();
        if (this.last) {
            this.emit({ ...this.last, message: this.w('cleaned', removed), buttons: this.buttons(false) });
        }
    }

    private async fresh(): Promise<void> {
        await this.ctx.refresh();
        const users = this.finished().filter((c) => c.state !== 'running' && c.state !== 'paused');
        if (!(await this.ctx.confirm(this.w('confirmFresh', this.image), this.w('confirmFreshDetail', this.image, users.length), this.w('removeAndRun')))) {
            return;
        }
        const client = this.ctx.client();
        try {
            for (const c of users) {
                if (c.state === 'running' || c.state === 'paused') {
                    continue; // never removes a running container here; the image removal then says why
                }
                this.ctx.log(`docker rm ${c.name}    → DELETE /containers/{id}`);
                await client.removeContainer(c.id);
            }
            if (await client.hasImage(this.image)) {
                this.ctx.log(`docker image rm ${this.image}    → DELETE /images/{name}`);
                await client.removeImage(this.image);
            }
        } catch (e) {
            const d = this.ctx.describe(classifyError(e));
            this.emit({ demo: this.id, state: 'error', message: d.message, next: d.next, steps: this.baseSteps(), buttons: this.buttons(false) });
            return;
        }
        await this.ctx.refresh();
        await this.run();
    }

    /** The real flow. Public for tests: returns the final view. */
    async run(): Promise<LiveView> {
        this.running = true;
        const steps = this.baseSteps();
        const lit: number[] = [];
        const facts: FactView[] = [];
        /** Every request this run sends, in order, as it sends it. */
        const calls: string[] = [];
        let findings: ConclusionView | undefined;
        let output = '';
        let message = this.w('intro');
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}): LiveView => ({
            demo: this.id,
            state,
            message,
            steps: [...steps],
            facts: [...facts],
            output,
            litSteps: [...lit],
            ...(findings ? { conclusion: findings } : {}),
            buttons: this.buttons(state === 'running', state === 'done'),
            ...extra,
        });
        let current = 1;
        try {
            const client = this.ctx.client();
            this.ctx.log(`docker run ${this.image}    → GET /_ping, POST /images/create, POST /containers/create, attach, start, wait`);
            // 1. the client contacts the daemon
            let t = performance.now();
            updateStep(steps, 1, { state: 'active' });
            this.emit(view('running'));
            calls.push('GET /_ping');
            await client.ping(this.ctx.signal);
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: this.w('pingOk') });
            lit.push(1);
            this.emit(view('running'));

            // 2. pull, unless the image is already local (as the CLI does)
            current = 2;
            t = performance.now();
            updateStep(steps, 2, { state: 'active' });
            this.emit(view('running'));
            calls.push('GET /images/{name}/json');
            let layers: { downloaded: number; existing: number } | undefined;
            if (await client.hasImage(this.image)) {
                updateStep(steps, 2, { state: 'skipped', ms: since(t), detail: this.w('alreadyLocal') });
            } else {
                const progress: { id: string; status: string }[] = [];
                let lastEmit = 0;
                try {
                    calls.push('POST /images/create');
                    await client.pullImage(
                        this.image,
                        (p) => {
                            progress.push({ id: p.id, status: p.status });
                            output = appendBounded(output, `${p.id ? `${p.id}: ` : ''}${p.status}\n`);
                            if (performance.now() - lastEmit > 100) {
                                lastEmit = performance.now();
                                updateStep(steps, 2, { detail: `${p.id ? `${p.id}: ` : ''}${p.status}` });
                                this.emit(view('running'));
                            }
                        },
                        this.ctx.signal,
                    );
                } catch (e) {
                    const err = classifyError(e);
                    throw new DockerError(err.kind, this.w('pullFailed', err.message), { statusCode: err.statusCode, detail: 'pull', cause: e });
                }
                layers = countPulledLayers(progress);
                updateStep(steps, 2, { state: 'done', ms: since(t), detail: this.w('pulledIn', layers.downloaded, layers.existing) });
                lit.push(2);
            }
            this.emit(view('running'));

            // 3. create the container
            current = 3;
            t = performance.now();
            updateStep(steps, 3, { state: 'active' });
            this.emit(view('running'));
            calls.push('POST /containers/create');
            const id = await client.createContainer({ image: this.image, labels: { [LESSON_LABEL]: 'hello-world' } });
            updateStep(steps, 3, { state: 'done', ms: since(t), detail: this.w('created', id.slice(0, 12)) });
            updateStep(steps, 4, { cli: `docker start --attach ${id.slice(0, 12)}` });
            lit.push(3);
            this.emit(view('running'));

            // 4. attach, start, stream the output, wait for the exit
            current = 4;
            t = performance.now();
            updateStep(steps, 4, { state: 'active' });
            let lastEmit = 0;
            calls.push(...ATTACH_START_CALLS);
            const { outputEnded } = await client.attachAndStart(id, (text) => {
                output = appendBounded(output, text);
                if (performance.now() - lastEmit > 50) {
                    lastEmit = performance.now();
                    this.emit(view('running'));
                }
            });
            calls.push('POST /containers/{id}/wait');
            const exitCode = await client.waitContainer(id);
            await settleWithin(outputEnded, 2000);
            updateStep(steps, 4, { state: exitCode === 0 ? 'done' : 'error', ms: since(t), detail: this.w('exited', exitCode) });
            lit.push(4);
            facts.push({ label: this.w('exitCode'), value: String(exitCode), ok: exitCode === 0 });
            facts.push({ label: this.w('container'), value: id.slice(0, 12), note: this.w('containerNote') });
            await this.ctx.refresh();
            message = this.w('finished');
            findings = helloFindings({ image: this.image, calls, pulled: layers !== undefined, layers, exitCode, greeting: /Hello from Docker!/.test(output) }, this.ctx.locale);
            const final = view('done');
            this.emit(final);
            return final;
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            const final = view(this.ctx.signal.aborted ? 'idle' : 'error', {
                message: d.message,
                next: err.detail === 'pull' ? this.w('pullFailedNext') : d.next,
            });
            if (!this.ctx.signal.aborted) {
                this.emit(final);
            }
            return final;
        } finally {
            this.running = false;
        }
    }
}
