/**
 * Our own container actions should each produce an event on Docker's events stream. A stream the
 * engine accepted but that delivers nothing looks healthy otherwise; the only cheap way to notice it
 * without idle polling is an action of ours whose event does not arrive. No `vscode` import.
 */
import type { ActionPhase } from '../docker/actionWatch';
import type { EngineEvent } from '../docker/types';

interface Expectation {
    met: boolean;
    timer?: NodeJS.Timeout;
}

/** How many recent container events are remembered (an event may pass before our call returns). */
const RECENT = 64;

function names(event: EngineEvent, id: string): boolean {
    return event.id === id || (id.length >= 12 && event.id.startsWith(id)) || event.attributes.name === id.replace(/^\//, '');
}

export class ExpectedEvents {
    /** container id or name (as our call named it) → whether its event arrived, and the timer that declares it missing */
    private readonly pending = new Map<string, Expectation>();
    private readonly recent: { event: EngineEvent; at: number }[] = [];
    private waiters: (() => void)[] = [];

    constructor(
        private readonly waitMs: number,
        private readonly onMissing: (id: string) => void,
    ) {}

    get size(): number {
        return this.pending.size;
    }

    /** A container action of ours starts (expected only while a stream is live) or ends. */
    action(id: string, phase: ActionPhase, streamLive: boolean): void {
        if (phase !== 'start') {
            this.end(id, phase === 'done');
        } else if (streamLive) {
            this.begin(id);
        }
    }

    /** A container action of ours starts (or has just created the container). */
    begin(id: string): void {
        const since = Date.now() - this.waitMs;
        const met = this.recent.some((r) => r.at >= since && names(r.event, id));
        clearTimeout(this.pending.get(id)?.timer);
        this.pending.set(id, { met });
    }

    /** The action ended: if it succeeded and its event has not arrived yet, it must within `waitMs`. */
    end(id: string, ok: boolean): void {
        const e = this.pending.get(id);
        if (!e) {
            return;
        }
        if (!ok || e.met) {
            this.pending.delete(id);
            this.notify();
            return;
        }
        e.timer = setTimeout(() => {
            this.pending.delete(id);
            this.onMissing(id);
            this.notify();
        }, this.waitMs);
    }

    /** An event arrived: it meets every expectation that names its container. */
    seen(event: EngineEvent): void {
        if (event.type !== 'container') {
            return;
        }
        this.recent.push({ event, at: Date.now() });
        if (this.recent.length > RECENT) {
            this.recent.shift();
        }
        for (const [id, e] of this.pending) {
            if (names(event, id)) {
                e.met = true;
                if (e.timer) {
                    clearTimeout(e.timer);
                    this.pending.delete(id);
                }
            }
        }
        this.notify();
    }

    /** Resolves when no expectation is pending (met, or declared missing). */
    whenMet(): Promise<void> {
        return this.pending.size ? new Promise((r) => this.waiters.push(r)) : Promise.resolve();
    }

    /** Forget everything (the stream was replaced: a new list follows anyway). */
    clear(): void {
        for (const e of this.pending.values()) {
            clearTimeout(e.timer);
        }
        this.pending.clear();
        this.recent.length = 0;
        this.notify();
    }

    private notify(): void {
        if (!this.pending.size) {
            const w = this.waiters;
            this.waiters = [];
            w.forEach((r) => r());
        }
    }
}
