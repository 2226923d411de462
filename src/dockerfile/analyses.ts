import vscode = require('vscode');
import type * as Analysis from './analysis';
import { analyzeWithin, LimitedAnalysis } from './analysis/packed';
import { AnalysisWorker } from './analysis/workerClient';
import { LINES_PER_TURN, readLinesInTurns } from './readLines';

export type AnalysisModule = typeof Analysis;

/**
 * Past this size a Dockerfile is analysed up to here (cut at a line break); the panel and the hovers
 * say what was left out. Parsing happens on a worker thread, so the limit guards memory and the
 * wait for a result, not the extension host.
 */
export const MAX_ANALYZED_CHARS = 2 * 1024 * 1024;
/** Up to this size a parse takes a few ms: done in place, so the first hover never waits. */
export const IN_PLACE_CHARS = 32 * 1024;
/** A big file is sent to the worker once typing pauses this long. */
const TYPING_PAUSE_MS = 75;

const EMPTY: LimitedAnalysis = { steps: [], stages: [], escape: '\\' };

interface Entry {
    version: number;
    analysis: LimitedAnalysis;
    /** The text was too big to parse in place: no getText() until typing pauses. */
    big?: boolean;
}

/**
 * Parses each Dockerfile once per version (hovers, lenses and the panel share the result). Small
 * files are parsed in place; bigger ones on a worker thread, started on open and after each edit,
 * so the extension host never waits for dockerfile-ast.
 */
export class DockerfileAnalyses implements vscode.Disposable {
    private readonly cache = new Map<string, Entry>();
    private readonly pending = new Map<string, { version: number; done: Promise<LimitedAnalysis> }>();
    private readonly listeners: vscode.Disposable[];
    private readonly worker: AnalysisWorker | undefined;
    private workerFailed = false;
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    /** Fires when a worker result for a document arrives. */
    readonly onDidAnalyze = this.changed.event;

    constructor(
        readonly module: () => AnalysisModule,
        private readonly isDockerfile: (doc: vscode.TextDocument) => boolean,
        /** `dist/dockerfile-worker.js`; without it every parse is done in place. */
        workerFile?: string,
    ) {
        this.worker = workerFile ? new AnalysisWorker(workerFile, MAX_ANALYZED_CHARS) : undefined;
        this.listeners = [
            vscode.workspace.onDidCloseTextDocument((d) => {
                this.cache.delete(d.uri.toString());
                this.pending.delete(d.uri.toString());
                clearTimeout(this.timers.get(d.uri.toString()));
                this.timers.delete(d.uri.toString());
            }),
            // re-parse a Dockerfile as it changes, so the next hover finds the parse ready
            vscode.workspace.onDidChangeTextDocument((e) => {
                const hit = this.cache.get(e.document.uri.toString());
                if (hit && this.isDockerfile(e.document)) {
                    if (hit.big) {
                        this.later(e.document);
                    } else {
                        void this.schedule(e.document);
                    }
                }
            }),
        ];
    }

    /**
     * The analysis of this version, at once: parsed in place when small, else the worker's result when
     * it is ready. While the worker parses a big file, an empty analysis (no hovers for a moment)
     * rather than a stale one whose positions could be wrong.
     */
    get(doc: vscode.TextDocument): LimitedAnalysis {
        const key = doc.uri.toString();
        const hit = this.cache.get(key);
        if (hit && hit.version === doc.version) {
            return hit.analysis;
        }
        if (hit?.big && this.useWorker) {
            this.later(doc);
            return EMPTY;
        }
        if (this.useWorker && doc.lineCount > LINES_PER_TURN) {
            this.cache.set(key, { version: hit?.version ?? -1, analysis: hit?.analysis ?? EMPTY, big: true });
            void this.schedule(doc);
            return EMPTY;
        }
        const text = doc.getText();
        if (!this.useWorker || text.length <= IN_PLACE_CHARS) {
            const analysis = this.analyzeInPlace(text);
            this.cache.set(key, { version: doc.version, analysis });
            return analysis;
        }
        this.cache.set(key, { version: hit?.version ?? -1, analysis: hit?.analysis ?? EMPTY, big: true });
        void this.schedule(doc, text);
        return EMPTY;
    }

    /** The analysis of this version, waiting for the worker when it parses. */
    ready(doc: vscode.TextDocument): Promise<LimitedAnalysis> {
        const a = this.get(doc);
        const hit = this.cache.get(doc.uri.toString());
        if (hit?.version === doc.version) {
            return Promise.resolve(a);
        }
        return this.schedule(doc);
    }

    private analyzeInPlace(text: string): LimitedAnalysis {
        return analyzeWithin(this.module().analyze, text, MAX_ANALYZED_CHARS);
    }

    private get useWorker(): boolean {
        return !!this.worker && !this.workerFailed;
    }

    /** Asks the worker once typing pauses. */
    private later(doc: vscode.TextDocument): void {
        const key = doc.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(
            key,
            setTimeout(() => {
                this.timers.delete(key);
                void this.schedule(doc);
            }, TYPING_PAUSE_MS),
        );
    }

    /** Asks the worker for this version (once); the result lands in the cache. */
    private schedule(doc: vscode.TextDocument, text?: string): Promise<LimitedAnalysis> {
        const key = doc.uri.toString();
        const version = doc.version;
        const p = this.pending.get(key);
        if (p && p.version === version) {
            return p.done;
        }
        const worker = this.worker;
        if (!worker || !this.useWorker) {
            return Promise.resolve(this.get(doc));
        }
        const read = text !== undefined ? Promise.resolve({ chunks: [text], totalChars: text.length }) : this.readLines(doc);
        const done: Promise<LimitedAnalysis> = read.then((src) => {
            if (!src || src.totalChars <= IN_PLACE_CHARS) {
                if (this.pending.get(key)?.done === done) {
                    this.pending.delete(key);
                }
                if (src && this.cache.has(key)) {
                    // it became small: parsed in place from now on
                    this.cache.set(key, { version: -1, analysis: EMPTY });
                    return this.get(doc);
                }
                // it changed while it was read: its change event asks again
                return this.cache.get(key)?.analysis ?? EMPTY;
            }
            return this.send(worker, doc, version, src);
        });
        this.pending.set(key, { version, done });
        return done;
    }

    /** The document's lines up to the analysis limit, a slice per turn of the event loop. */
    private readLines(doc: vscode.TextDocument): Promise<{ chunks: string[]; totalChars: number } | undefined> {
        return readLinesInTurns(doc, () => !this.isDisposed, MAX_ANALYZED_CHARS);
    }

    private send(worker: AnalysisWorker, doc: vscode.TextDocument, version: number, src: { chunks: string[]; totalChars: number }): Promise<LimitedAnalysis> {
        const key = doc.uri.toString();
        return worker.analyze(key, src.chunks, version, src.totalChars).then(
            ({ analysis, tag }) => {
                // a newer text may have replaced this one in the queue: `tag` is the version parsed
                if (this.pending.get(key)?.version === tag) {
                    this.pending.delete(key);
                }
                const hit = this.cache.get(key);
                if (hit && hit.version < tag) {
                    this.cache.set(key, { version: tag, analysis, big: true });
                    this.changed.fire(doc.uri);
                }
                return analysis;
            },
            (e: unknown) => {
                this.pending.delete(key);
                if (this.isDisposed) {
                    return EMPTY;
                }
                // the worker cannot run here: parse in place from now on rather than show nothing
                this.workerFailed = true;
                console.warn(`Dockerfile analysis worker: ${e instanceof Error ? e.message : String(e)}; parsing on the extension host instead`);
                return this.get(doc);
            },
        );
    }

    private isDisposed = false;

    dispose(): void {
        this.isDisposed = true;
        this.timers.forEach((t) => clearTimeout(t));
        this.timers.clear();
        this.listeners.forEach((l) => l.dispose());
        this.worker?.dispose();
        this.changed.dispose();
        this.cache.clear();
        this.pending.clear();
    }
}

export { DOCKERFILE_SELECTOR } from './selector';
