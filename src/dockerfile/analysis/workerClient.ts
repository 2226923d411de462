/**
 * The extension host's side of the analysis worker (`dist/dockerfile-worker.js`). The worker starts
 * on the first request and parses one text at a time; while it works, newer texts of the same
 * document replace older waiting ones (typing sends many, only the last matters). No `vscode`.
 */
// worker_threads loads with the first worker, not with the extension (it costs ~2–3 ms to load)
import type { Worker } from 'worker_threads';
import type { AnalysisRequest } from './worker';
import { LimitedAnalysis, PackedAnalysis, unpack } from './packed';

interface Job {
    readonly key: string;
    /** The text, in pieces to be joined by line breaks. */
    readonly chunks: readonly string[];
    /** The whole file's length, when only its first part is sent. */
    readonly totalChars?: number;
    /** The caller's tag for this text (the document version). */
    readonly tag: number;
    readonly waiters: { resolve(r: AnalysisResult): void; reject(e: Error): void }[];
}

export interface AnalysisResult {
    readonly analysis: LimitedAnalysis;
    /** The tag of the text that was parsed (the newest one given for the document). */
    readonly tag: number;
}

export class AnalysisWorker {
    private worker: Worker | undefined;
    private running: (Job & { id: number }) | undefined;
    /** At most one waiting job per document: the newest text. */
    private readonly waiting = new Map<string, Job>();
    private nextId = 1;
    /** Time spent in the worker on the last parse (for logs and benchmarks). */
    lastMs = 0;

    constructor(
        private readonly file: string,
        private readonly limit: number,
    ) {}

    /**
     * Analyses `text` (the document `key`'s latest). Resolves with the analysis of this text, or of a
     * newer text of the same document when that replaced it while waiting (its tag says which).
     */
    analyze(key: string, chunks: readonly string[], tag = 0, totalChars?: number): Promise<AnalysisResult> {
        return new Promise((resolve, reject) => {
            const older = this.waiting.get(key);
            this.waiting.set(key, { key, chunks, totalChars, tag, waiters: [...(older?.waiters ?? []), { resolve, reject }] });
            this.pump();
        });
    }

    private pump(): void {
        if (this.running || this.waiting.size === 0) {
            return;
        }
        const [key, job] = this.waiting.entries().next().value as [string, Job];
        this.waiting.delete(key);
        const id = this.nextId++;
        this.running = { ...job, id };
        try {
            this.start().postMessage({ id, chunks: job.chunks, totalChars: job.totalChars, limit: this.limit } satisfies AnalysisRequest);
        } catch (e) {
            this.fail(e instanceof Error ? e : new Error(String(e)));
        }
    }

    private start(): Worker {
        if (!this.worker) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { Worker: WorkerThread } = require('worker_threads') as typeof import('worker_threads');
            const w = new WorkerThread(this.file);
            w.unref();
            w.on('message', (m: { id: number; packed: PackedAnalysis; ms: number }) => {
                const job = this.running;
                if (!job || job.id !== m.id) {
                    return;
                }
                this.running = undefined;
                this.lastMs = m.ms;
                const result = { analysis: unpack(m.packed), tag: job.tag };
                job.waiters.forEach((x) => x.resolve(result));
                this.pump();
            });
            w.on('error', (e) => this.fail(e));
            w.on('exit', (code) => {
                if (this.worker === w) {
                    this.worker = undefined;
                    if (this.running) {
                        this.fail(new Error(`the Dockerfile analysis worker stopped (exit code ${code})`));
                    }
                }
            });
            this.worker = w;
        }
        return this.worker;
    }

    /** The running job fails; the worker is replaced on the next request. */
    private fail(e: Error): void {
        const job = this.running;
        this.running = undefined;
        const w = this.worker;
        this.worker = undefined;
        void w?.terminate();
        job?.waiters.forEach((x) => x.reject(e));
        this.pump();
    }

    dispose(): void {
        const e = new Error('disposed');
        for (const job of this.waiting.values()) {
            job.waiters.forEach((x) => x.reject(e));
        }
        this.waiting.clear();
        this.running?.waiters.forEach((x) => x.reject(e));
        this.running = undefined;
        void this.worker?.terminate();
        this.worker = undefined;
    }
}
