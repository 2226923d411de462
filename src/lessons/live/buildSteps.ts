/**
 * Lesson 7: each build step as a row (stage, instruction, cached or rebuilt, seconds), collected from
 * the build's events as src/docker/buildProgress.ts emits them: BuildKit's `#n <name>` then the step,
 * `#n CACHED`, `#n DONE 0.3s`; the legacy builder's `Step n/N : …` then ` ---> Using cache`.
 * Pure; no `vscode` import.
 */
import type { BuildEvent } from '../../docker/types';

export interface StepRow {
    readonly stage?: string;
    readonly step: number;
    readonly total: number;
    /** The instruction as the builder printed it (`COPY app.sh .`). */
    readonly text: string;
    cached: boolean;
    /** How long the builder worked on it; absent when it came from the cache. */
    seconds?: number;
}

const VERTEX = /^#(\d+) (.*)$/;

export class StepCollector {
    readonly rows: StepRow[] = [];
    private readonly byVertex = new Map<number, StepRow>();
    private announced: number | undefined;
    private legacyAt: { row: StepRow; t: number } | undefined;

    constructor(private readonly now: () => number = () => performance.now()) {}

    push(e: BuildEvent): void {
        if (e.kind === 'step') {
            const row: StepRow = { stage: e.stage, step: e.step, total: e.total, text: e.text, cached: !!e.cached };
            this.rows.push(row);
            if (e.builder === 'buildkit' && this.announced !== undefined) {
                this.byVertex.set(this.announced, row);
            }
            this.announced = undefined;
            if (e.builder === 'legacy') {
                this.closeLegacy();
                this.legacyAt = { row, t: this.now() };
            }
            return;
        }
        if (e.kind !== 'output') {
            return;
        }
        for (const line of e.text.split('\n')) {
            if (/^\s*---> Using cache/.test(line) && this.legacyAt) {
                this.legacyAt.row.cached = true;
                continue;
            }
            const m = VERTEX.exec(line);
            if (!m) {
                continue;
            }
            const n = Number(m[1]);
            const rest = m[2];
            const row = this.byVertex.get(n);
            if (rest === 'CACHED') {
                if (row) {
                    row.cached = true;
                    row.seconds = undefined;
                }
            } else if (/^DONE \d+(\.\d+)?s$/.test(rest)) {
                if (row && !row.cached) {
                    row.seconds = Number(rest.slice(5, -1));
                }
            } else if (!/^\d+\.\d+ /.test(rest) && !/ done$/.test(rest) && !rest.startsWith('ERROR')) {
                // a vertex's name: the step event (if it is a step) comes next
                this.announced = n;
            }
        }
    }

    /** Call when the build ended (the legacy builder's last step gets its time). */
    finish(): StepRow[] {
        this.closeLegacy();
        return this.rows;
    }

    private closeLegacy(): void {
        if (this.legacyAt && !this.legacyAt.row.cached) {
            this.legacyAt.row.seconds = Math.round(this.now() - this.legacyAt.t) / 1000;
        }
        this.legacyAt = undefined;
    }
}

/** A step's identity across builds: its stage and instruction (numbers can shift when the file changes). */
export function stepKey(r: Pick<StepRow, 'stage' | 'text'>): string {
    return `${r.stage ?? ''}|${r.text}`;
}
