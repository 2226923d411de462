/**
 * What a live demonstration gets from the panel, and what it gives back. No `vscode` import:
 * demos are run against the private engine in test/docker exactly as the panel runs them.
 */
import { classifyError, DockerError } from '../../docker/errors';
import { ContainerSummary, DockerClient, EngineEvent, ImageSummary } from '../../docker/types';
import type { ConclusionView, FactView, LiveView, StepView, TableView } from '../../protocol/panelProtocol';
import type { Locale } from '../catalog';
import { LESSON_LABEL } from '../evidence';
import type { DemoId } from '../model';

export interface DemoSettings {
    /** The image the hello-world lesson runs (a mirror or private registry works). */
    readonly helloImage: string;
    /** A small image with a shell for the other demos. */
    readonly shellImage: string;
    /** The Dockerfile the lesson opened beside (a trusted workspace's file only): the build lesson builds it too. */
    readonly userDockerfile?: { readonly contextDir: string; readonly dockerfile: string };
    /** The first workspace folder on disk, when there is one (the lesson on data bind-mounts a folder inside it). */
    readonly workspaceFolder?: string;
}

export interface DemoContext {
    /** The Engine client; throws a classified DockerError when there is none. */
    client(): DockerClient;
    readonly locale: Locale;
    readonly settings: DemoSettings;
    /** Sends the demo's whole view to the panel. */
    emit(view: LiveView): void;
    /** Aborted when the panel closes. */
    readonly signal: AbortSignal;
    /** The explorer's last lists (kept current by the events stream). */
    snapshot(): { readonly images: readonly ImageSummary[]; readonly containers: readonly ContainerSummary[] };
    /** Re-reads the lists now. */
    refresh(): Promise<void>;
    /** A failure in the user's words with a next step. */
    describe(e: DockerError): { message: string; next: string };
    /** Asks first, in a modal dialog (every remove does). */
    confirm(message: string, detail: string, action: string): Promise<boolean>;
    /** Notes to the log (the CLI and API pair of each call). */
    log(line: string): void;
    /** Runs a docker CLI command in a VS Code terminal, on the same engine (for `-it`, which needs a person at a terminal). */
    openTerminal?(title: string, args: readonly string[]): void;
}

export interface Demo {
    readonly id: DemoId;
    /** The first view (may read the engine; must not change anything). */
    start(): Promise<void>;
    /** A button, row action or choice from the panel. */
    act(action: string, arg?: string): Promise<void>;
    /** The explorer's lists changed. */
    onSnapshot?(): void;
    /** An event from the engine's stream (the refresh owner's; a demo opens none of its own). */
    onEvent?(event: EngineEvent): void;
    /** The panel was hidden or shown again: pause and resume streams. */
    onVisibility?(visible: boolean): void;
    /** A preselection from the explorer ("Explain" on an image or container). */
    select?(ref: string): Promise<void>;
    dispose?(): void;
}

export { LESSON_LABEL };

/** Word lists per locale; `{0}` placeholders. */
export type Words<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export function wordsFor<K extends string>(words: Words<K>, locale: Locale) {
    return (key: K, ...args: (string | number)[]) => words[locale][key].replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));
}

/** Waits for `p`, but no longer than `ms` (the timer is cleared either way). */
export async function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
        await Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
    } finally {
        clearTimeout(timer);
    }
}

/** Milliseconds since `t0`, rounded. */
export function since(t0: number): number {
    return Math.round(performance.now() - t0);
}

export function updateStep(steps: StepView[], n: number, patch: Partial<StepView>): void {
    const i = steps.findIndex((s) => s.n === n);
    if (i >= 0) {
        steps[i] = { ...steps[i], ...patch };
    }
}

/** Output is shown verbatim but bounded. */
export const MAX_OUTPUT = 64 * 1024;
export function appendBounded(current: string, more: string): string {
    const next = current + more;
    return next.length > MAX_OUTPUT ? next.slice(next.length - MAX_OUTPUT) : next;
}


/** Runs a short command in a fresh container and returns its output: create → attach → start → wait → remove. */
export async function runToCompletion(
    client: DockerClient,
    opts: { image: string; cmd: string[]; lesson: string; memoryBytes?: number; nanoCpus?: number; pidsLimit?: number },
    onOutput?: (text: string) => void,
): Promise<{ output: string; exitCode: number; id: string }> {
    const id = await client.createContainer({ image: opts.image, cmd: opts.cmd, labels: { [LESSON_LABEL]: opts.lesson }, memoryBytes: opts.memoryBytes, nanoCpus: opts.nanoCpus, pidsLimit: opts.pidsLimit });
    let output = '';
    try {
        const { outputEnded } = await client.attachAndStart(id, (t) => {
            output = appendBounded(output, t);
            onOutput?.(t);
        });
        const exitCode = await client.waitContainer(id);
        await settleWithin(outputEnded, 2000);
        return { output, exitCode, id };
    } finally {
        await client.removeContainer(id).catch(() => undefined);
    }
}

/** Make sure an image is local, pulling it (through the engine's registry or mirror) when it is not. */
export async function ensureImage(client: DockerClient, ref: string, signal?: AbortSignal): Promise<'local' | 'pulled'> {
    if (await client.hasImage(ref)) {
        return 'local';
    }
    await client.pullImage(ref, () => undefined, signal);
    return 'pulled';
}

/**
 * A demo with one "run" button: shows its intro until pressed, never runs twice at once.
 * Subclasses implement `run()` and return the final view (tests call it directly).
 */
export abstract class RunButtonDemo<K extends string> implements Demo {
    abstract readonly id: DemoId;
    protected readonly w: (key: K, ...args: (string | number)[]) => string;
    private busy = false;

    constructor(
        protected readonly ctx: DemoContext,
        words: Words<K>,
        private readonly keys: { readonly intro: K; readonly run: K; readonly again: K },
    ) {
        this.w = wordsFor(words, ctx.locale);
    }

    /** The whole view of a run in progress or finished, with the run button worded for its state. */
    protected frame(
        state: LiveView['state'],
        body: {
            readonly message?: string;
            readonly steps: readonly StepView[];
            readonly facts: readonly FactView[];
            readonly tables?: readonly TableView[];
            readonly output?: string;
            /** What the run showed, built from its results; only once it has finished. */
            readonly findings?: ConclusionView;
        },
        extra: Partial<LiveView> = {},
    ): LiveView {
        return {
            demo: this.id,
            state,
            message: body.message ?? this.w(this.keys.intro),
            steps: [...body.steps],
            facts: [...body.facts],
            tables: body.tables ? [...body.tables] : undefined,
            output: body.output,
            ...(body.findings ? { conclusion: body.findings } : {}),
            buttons: [{ action: 'run', label: this.w(state === 'done' ? this.keys.again : this.keys.run), primary: true, disabled: state === 'running' }],
            ...extra,
        };
    }

    async start(): Promise<void> {
        this.ctx.emit({ demo: this.id, state: 'idle', message: this.w(this.keys.intro), buttons: [{ action: 'run', label: this.w(this.keys.run), primary: true }] });
    }

    async act(action: string): Promise<void> {
        if (action !== 'run' || this.busy) {
            return;
        }
        this.busy = true;
        try {
            await this.run();
        } finally {
            this.busy = false;
        }
    }

    abstract run(): Promise<LiveView>;
}

/** Ends a demo's own throwaway container (like `docker run --rm`), reporting it as step `n`. */
export async function removeThrowaway(ctx: DemoContext, id: string, steps: StepView[], n: number, doneDetail: string): Promise<void> {
    const t = performance.now();
    updateStep(steps, n, { state: 'active' });
    try {
        const client = ctx.client();
        // PID 1 of these demos ignores SIGTERM; `docker stop` would wait 10 s, so kill it
        await client.killContainer(id).catch(() => undefined);
        await client.removeContainer(id);
        updateStep(steps, n, { state: 'done', ms: since(t), detail: doneDetail });
    } catch (e) {
        updateStep(steps, n, { state: 'error', detail: classifyError(e).message });
    }
}
