/**
 * The practice runner: once an exercise starts, it follows the engine's events (fed by the one refresh
 * owner; it opens no stream of its own), inspects every container and image those events name, keeps
 * the daemon's JSON as PracticeEvidence, and asks the exercise's checker for a verdict after each batch.
 * No `vscode` import: the docker tests drive it against the private engine exactly as the panel does.
 */
import { classifyError } from '../../docker/errors';
import type { DockerClient, EngineEvent } from '../../docker/types';
import type { Exercise, PracticeEvidence, PracticeVerdict } from './types';

/** An exercise that needs a fact only a measurement gives (e.g. an HTTP fetch); the runner calls it after each batch. */
export interface MeasuringExercise extends Exercise {
    measure(evidence: PracticeEvidence, signal: AbortSignal): Promise<Readonly<Record<string, unknown>>>;
}

function measures(e: Exercise): e is MeasuringExercise {
    return typeof (e as Partial<MeasuringExercise>).measure === 'function';
}

/** Container actions that say nothing about what the learner made (streams, terminals, health probes). */
const IGNORED = /^(exec_|attach|resize|top|export|copy|archive-path|extract-to-dir|health_status)/;

/** An EngineEvent back in the shape `GET /events` sends. */
export function rawEvent(e: EngineEvent): Record<string, unknown> {
    return { Type: e.type, Action: e.action, Actor: { ID: e.id, Attributes: { ...e.attributes } }, time: e.time };
}

/**
 * A container that is gone: its last inspect (or, when it was never read, what its events said: id,
 * name, image, labels), with the state its later events report (start, die with the exit code).
 */
export function afterEvents(last: Record<string, unknown> | undefined, id: string, events: readonly Record<string, unknown>[]): Record<string, unknown> {
    const mine = events.filter((e) => (e.Actor as { ID?: unknown } | undefined)?.ID === id);
    const attrs = (mine[0]?.Actor as { Attributes?: Record<string, string> } | undefined)?.Attributes ?? {};
    const base: Record<string, unknown> = last ?? { Id: id, Name: attrs.name ? `/${attrs.name}` : '', Config: { Image: attrs.image ?? '', Labels: {} }, State: { Status: 'created', StartedAt: '0001-01-01T00:00:00Z' } };
    let state = { ...((base.State as Record<string, unknown> | undefined) ?? {}) };
    for (const e of mine) {
        const at = new Date(Number(e.time) * 1000).toISOString();
        const a = (e.Actor as { Attributes?: Record<string, string> }).Attributes ?? {};
        if (e.Action === 'start') {
            state = { ...state, Status: 'running', Running: true, StartedAt: at };
        } else if (e.Action === 'die') {
            state = { ...state, Status: 'exited', Running: false, ExitCode: Number(a.exitCode) || 0, FinishedAt: at };
        }
    }
    return { ...base, State: state };
}

export interface RunnerDeps {
    client(): DockerClient;
    /** A new verdict (after each batch of events, and at start). */
    onVerdict(verdict: PracticeVerdict, evidence: PracticeEvidence): void;
    log?(line: string): void;
    /** Events within this window are inspected as one batch. */
    readonly batchMs?: number;
    /** Clock in ms (tests). */
    readonly now?: () => number;
}

const MAX_EVENTS = 500;
const MAX_OBJECTS = 50;

export class PracticeRunner {
    private readonly containers = new Map<string, Record<string, unknown>>();
    private readonly images = new Map<string, Record<string, unknown>>();
    private events: Record<string, unknown>[] = [];
    private extra: Readonly<Record<string, unknown>> | undefined;
    private readonly pending = new Map<string, 'container' | 'image'>();
    private sinceSeconds = 0;
    private timer: NodeJS.Timeout | undefined;
    private running: Promise<void> | undefined;
    private abort = new AbortController();
    private verdictValue: PracticeVerdict = { done: false, checks: [] };
    watching = false;

    constructor(
        readonly exercise: Exercise,
        private readonly deps: RunnerDeps,
    ) {}

    get verdict(): PracticeVerdict {
        return this.verdictValue;
    }

    get evidence(): PracticeEvidence {
        return { containers: [...this.containers.values()], images: [...this.images.values()], volumes: [], events: [...this.events], ...(this.extra ? { extra: this.extra } : {}) };
    }

    /** Starts (or starts over): only what happens from now on counts. */
    start(): void {
        this.stop();
        this.abort = new AbortController();
        this.containers.clear();
        this.images.clear();
        this.events = [];
        this.extra = undefined;
        // event times are whole seconds: an event of this same second counts
        this.sinceSeconds = Math.floor((this.deps.now?.() ?? Date.now()) / 1000);
        this.watching = true;
        this.judge();
    }

    stop(): void {
        this.watching = false;
        clearTimeout(this.timer);
        this.timer = undefined;
        this.pending.clear();
        this.abort.abort();
    }

    /** One event from the refresh owner's stream. */
    onEvent(e: EngineEvent): void {
        if (!this.watching || e.time < this.sinceSeconds || (e.type !== 'container' && e.type !== 'image')) {
            return;
        }
        if (e.type === 'container' && IGNORED.test(e.action)) {
            return;
        }
        this.events.push(rawEvent(e));
        if (this.events.length > MAX_EVENTS) {
            this.events.splice(0, this.events.length - MAX_EVENTS);
        }
        // `untag`/`delete` name an image that may be gone; a pull names the reference, a tag the id
        if (e.type === 'container' || (e.action !== 'delete' && e.action !== 'untag')) {
            this.pending.set(e.id, e.type);
        }
        // a `docker run --rm` of a short program is gone within ~100 ms: read a new container at once
        const now = e.type === 'container' && e.action === 'create';
        if (now) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        this.timer ??= setTimeout(
            () => {
                this.timer = undefined;
                void this.flush();
            },
            now ? 0 : (this.deps.batchMs ?? 100),
        );
    }

    /** Inspects what the batch named and judges again; resolves when done (tests await it). */
    flush(): Promise<void> {
        const run = async () => {
            await this.running;
            const batch = [...this.pending];
            this.pending.clear();
            const signal = this.abort.signal;
            for (const [id, kind] of batch) {
                if (signal.aborted) {
                    return;
                }
                try {
                    const client = this.deps.client();
                    if (kind === 'container') {
                        const raw = (await client.inspectContainer(id, { signal })).raw as Record<string, unknown>;
                        this.keep(this.containers, String(raw.Id ?? id), raw);
                    } else {
                        const raw = (await client.inspectImage(id, signal)).raw as Record<string, unknown>;
                        this.keep(this.images, String(raw.Id ?? id), raw);
                    }
                } catch (e) {
                    const err = classifyError(e);
                    if (err.kind === 'notFound' && kind === 'container') {
                        // removed already (`--rm`, `docker rm`): its last inspect, brought up to date by its events
                        this.keep(this.containers, id, afterEvents(this.containers.get(id), id, this.events));
                    } else if (err.kind !== 'notFound') {
                        this.deps.log?.(`practice: inspect ${id.slice(0, 12)}: ${err.message}`);
                    }
                }
            }
            if (measures(this.exercise) && !signal.aborted) {
                try {
                    this.extra = await this.exercise.measure(this.evidence, signal);
                } catch (e) {
                    this.deps.log?.(`practice: measure: ${classifyError(e).message}`);
                }
            }
            if (!signal.aborted) {
                this.judge();
            }
        };
        const p = run();
        this.running = p.catch(() => undefined);
        return p;
    }

    private keep(map: Map<string, Record<string, unknown>>, id: string, raw: Record<string, unknown>): void {
        map.delete(id);
        map.set(id, raw);
        if (map.size > MAX_OBJECTS) {
            map.delete(map.keys().next().value as string);
        }
    }

    private judge(): void {
        const evidence = this.evidence;
        try {
            this.verdictValue = this.exercise.check(evidence);
        } catch (e) {
            this.deps.log?.(`practice: check ${this.exercise.id}: ${String(e)}`);
            this.verdictValue = { done: false, checks: [] };
        }
        this.deps.onVerdict(this.verdictValue, evidence);
    }
}
