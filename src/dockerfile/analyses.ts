import * as vscode from 'vscode';
import type * as Analysis from './analysis';
import { analyzeWithin, LimitedAnalysis } from './analysis/packed';
import { AnalysisWorker } from './analysis/workerClient';

export type AnalysisModule = typeof Analysis;

/**
 * Past this size a Dockerfile is analysed up to here (cut at a line break); the panel and the hovers
 * say what was left out. Parsing happens on a worker thread, so the limit guards memory and the
 * wait for a result, not the extension host.
 */
export const MAX_ANALYZED_CHARS = 2 * 1024 * 1024;
/** Up to this size a parse takes a few ms: done in place, so the first hover never waits. */
export const IN_PLACE_CHARS = 32 * 1024;

const EMPTY: LimitedAnalysis = { steps: [], stages: [], escape: '\\' };

interface Entry {
    version: number;
    analysis: LimitedAnalysis;
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
            }),
            // re-parse a Dockerfile as it changes, so the next hover finds the parse ready
            vscode.workspace.onDidChangeTextDocument((e) => {
                if (this.cache.has(e.document.uri.toString()) && this.isDockerfile(e.document)) {
                    this.schedule(e.document);
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
        const text = doc.getText();
        if (!this.useWorker || text.length <= IN_PLACE_CHARS) {
            const analysis = this.analyzeInPlace(text);
            this.cache.set(key, { version: doc.version, analysis });
            return analysis;
        }
        void this.schedule(doc, text);
        if (!hit) {
            this.cache.set(key, { version: -1, analysis: EMPTY });
        }
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

    /** Asks the worker for this version (once); the result lands in the cache. */
    private schedule(doc: vscode.TextDocument, text?: string): Promise<LimitedAnalysis> {
        const key = doc.uri.toString();
        const version = doc.version;
        const p = this.pending.get(key);
        if (p && p.version === version) {
            return p.done;
        }
        const source = text ?? doc.getText();
        if (!this.worker || !this.useWorker || source.length <= IN_PLACE_CHARS) {
            return Promise.resolve(this.get(doc));
        }
        const done = this.worker.analyze(key, source, version).then(
            ({ analysis, tag }) => {
                // a newer text may have replaced this one in the queue: `tag` is the version parsed
                if (this.pending.get(key)?.version === tag) {
                    this.pending.delete(key);
                }
                const hit = this.cache.get(key);
                if (hit && hit.version < tag) {
                    this.cache.set(key, { version: tag, analysis });
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
        this.pending.set(key, { version, done });
        return done;
    }

    private isDisposed = false;

    dispose(): void {
        this.isDisposed = true;
        this.listeners.forEach((l) => l.dispose());
        this.worker?.dispose();
        this.changed.dispose();
        this.cache.clear();
        this.pending.clear();
    }
}

/** The files we treat as Dockerfiles, whatever language id they got. */
export const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
    { language: 'dockerfile' },
    { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}' },
];
