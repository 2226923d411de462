/**
 * An analysis in a shape that is cheap to send between threads. A structured clone of 100,000 step
 * objects (each with two ranges of two positions) costs the receiving thread as much as a parse;
 * here the numbers travel as one transferred Int32Array (no copy) and the text as one string, and
 * the steps are read from them on demand. Pure: no `vscode`, no `worker_threads`.
 */
import type { Analysis, Range, Stage, Step, StepKind } from './analyze';

/** Per step: keyword range (4), range (4), stage, kind | known << 2 | keyword index << 3. */
const STRIDE = 10;
const KINDS: readonly StepKind[] = ['layer', 'metadata', 'stage'];

/** What was not analysed because the file is over the limit. */
export interface Omitted {
    /** 0-based: lines from here on are not analysed. */
    readonly fromLine: number;
    readonly totalChars: number;
    readonly analyzedChars: number;
    readonly limitChars: number;
}

export interface LimitedAnalysis extends Analysis {
    readonly omitted?: Omitted;
}

export interface PackedAnalysis {
    readonly numbers: Int32Array;
    readonly keywords: readonly string[];
    /** Every step's arguments, one after the other; `argEnds[i]` is where step i's end. */
    readonly args: string;
    readonly argEnds: Int32Array;
    readonly stages: readonly Stage[];
    readonly escape: string;
    readonly omitted?: Omitted;
}

/**
 * Analyses at most `limit` characters: a longer file is cut at the last line break before the limit,
 * and the instruction the cut may have split is dropped, so every step kept is exact.
 */
export function analyzeWithin(analyze: (text: string) => Analysis, text: string, limit: number): LimitedAnalysis {
    if (text.length <= limit) {
        return analyze(text);
    }
    const cut = Math.max(0, text.lastIndexOf('\n', limit));
    const a = analyze(text.slice(0, cut));
    const steps = a.steps.slice(0, Math.max(0, a.steps.length - 1));
    const fromLine = a.steps.length ? a.steps[a.steps.length - 1].range.start.line : 0;
    const stages = a.stages.filter((s) => s.line < fromLine);
    return { steps, stages, escape: a.escape, omitted: { fromLine, totalChars: text.length, analyzedChars: cut, limitChars: limit } };
}

export function pack(a: LimitedAnalysis): { packed: PackedAnalysis; transfer: ArrayBuffer[] } {
    const n = a.steps.length;
    const numbers = new Int32Array(n * STRIDE);
    const argEnds = new Int32Array(n);
    const keywordIndex = new Map<string, number>();
    const parts: string[] = [];
    let at = 0;
    a.steps.forEach((s, i) => {
        const o = i * STRIDE;
        numbers[o] = s.keywordRange.start.line;
        numbers[o + 1] = s.keywordRange.start.character;
        numbers[o + 2] = s.keywordRange.end.line;
        numbers[o + 3] = s.keywordRange.end.character;
        numbers[o + 4] = s.range.start.line;
        numbers[o + 5] = s.range.start.character;
        numbers[o + 6] = s.range.end.line;
        numbers[o + 7] = s.range.end.character;
        numbers[o + 8] = s.stage;
        let k = keywordIndex.get(s.keyword);
        if (k === undefined) {
            k = keywordIndex.size;
            keywordIndex.set(s.keyword, k);
        }
        numbers[o + 9] = KINDS.indexOf(s.kind) | ((s.known ? 1 : 0) << 2) | (k << 3);
        parts.push(s.args);
        at += s.args.length;
        argEnds[i] = at;
    });
    const packed: PackedAnalysis = { numbers, keywords: [...keywordIndex.keys()], args: parts.join(''), argEnds, stages: a.stages, escape: a.escape, omitted: a.omitted };
    return { packed, transfer: [numbers.buffer as ArrayBuffer, argEnds.buffer as ArrayBuffer] };
}

/** A step read from the packed numbers; ranges are made when asked for. */
class PackedStep implements Step {
    constructor(
        private readonly p: PackedAnalysis,
        private readonly i: number,
    ) {}
    private n(k: number): number {
        return this.p.numbers[this.i * STRIDE + k];
    }
    private rangeAt(k: number): Range {
        return { start: { line: this.n(k), character: this.n(k + 1) }, end: { line: this.n(k + 2), character: this.n(k + 3) } };
    }
    get keyword(): string {
        return this.p.keywords[this.n(9) >>> 3];
    }
    get known(): boolean {
        return ((this.n(9) >>> 2) & 1) === 1;
    }
    get kind(): StepKind {
        return KINDS[this.n(9) & 3];
    }
    get keywordRange(): Range {
        return this.rangeAt(0);
    }
    get range(): Range {
        return this.rangeAt(4);
    }
    get args(): string {
        return this.p.args.slice(this.i > 0 ? this.p.argEnds[this.i - 1] : 0, this.p.argEnds[this.i]);
    }
    get stage(): number {
        return this.n(8);
    }
    /** As a plain step (for logs and tests), not the packed numbers behind it. */
    toJSON(): Step {
        const { keyword, known, kind, keywordRange, range, args, stage } = this;
        return { keyword, known, kind, keywordRange, range, args, stage };
    }
}

export function unpack(p: PackedAnalysis): LimitedAnalysis {
    const steps: Step[] = new Array<Step>(p.argEnds.length);
    for (let i = 0; i < steps.length; i++) {
        steps[i] = new PackedStep(p, i);
    }
    return { steps, stages: p.stages, escape: p.escape, omitted: p.omitted };
}
