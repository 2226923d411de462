// worker_threads loads with the first worker, not with the extension (it costs ~2–3 ms to load)
import type { Worker } from 'worker_threads';
import vscode = require('vscode');
import type * as LanguageModule from './analysis/languageEntry';
import type { LanguageRequest, LanguageResult } from './analysis/languageEntry';
import type { LanguageWorkerRequest } from './analysis/languageWorker';
import { IN_PLACE_CHARS } from './analyses';
import { LINES_PER_TURN, readLinesInTurns } from './readLines';

export type LanguageModuleType = typeof LanguageModule;

type Reply = { id: number; result?: unknown; stale?: boolean; error?: string };

/**
 * Runs language-service requests for Dockerfiles: in place for small files (the lazily loaded
 * `dist/dockerfile-language.js`), on a worker thread (`dist/dockerfile-language-worker.js`) for big
 * ones, so the extension host never parses a big file. The worker keeps each document's last text:
 * a request on a version it has sends no text.
 */
export class DockerfileLanguage implements vscode.Disposable {
    private worker: Worker | undefined;
    private workerFailed = false;
    private nextId = 1;
    private readonly waiting = new Map<number, (r: Reply) => void>();
    /** Which version of each document the worker holds. */
    private readonly sent = new Map<string, number>();
    private disposed = false;
    private readonly closing: vscode.Disposable;
    /** Time of the last request (ms), where it ran: for logs and benchmarks. */
    last = { ms: 0, where: 'none' as 'host' | 'worker' | 'none' };

    constructor(
        readonly module: () => LanguageModuleType,
        private readonly workerFile?: string,
    ) {
        this.closing = vscode.workspace.onDidCloseTextDocument((d) => {
            const key = d.uri.toString();
            if (this.sent.delete(key)) {
                this.worker?.postMessage({ id: 0, key, version: -1, forget: true } satisfies LanguageWorkerRequest);
            }
        });
    }

    async request<R extends LanguageRequest>(doc: vscode.TextDocument, req: R): Promise<LanguageResult<R>> {
        const started = performance.now();
        if (this.workerFile && !this.workerFailed && doc.lineCount > LINES_PER_TURN) {
            return this.viaWorker(doc, req, started);
        }
        const text = doc.getText();
        if (this.workerFile && !this.workerFailed && text.length > IN_PLACE_CHARS) {
            return this.viaWorker(doc, req, started);
        }
        const result = await this.module().languageRequest(text, doc.uri.toString(), req);
        this.last = { ms: performance.now() - started, where: 'host' };
        return result;
    }

    private async viaWorker<R extends LanguageRequest>(doc: vscode.TextDocument, req: R, started: number): Promise<LanguageResult<R>> {
        const key = doc.uri.toString();
        const version = doc.version;
        let reply = this.sent.get(key) === version ? await this.post({ key, version, req }) : undefined;
        if (!reply || reply.stale) {
            const src = await readLinesInTurns(doc, () => !this.disposed);
            if (!src) {
                throw new vscode.CancellationError();
            }
            this.sent.set(key, version);
            reply = await this.post({ key, version, chunks: src.chunks, req });
        }
        if (reply.error !== undefined || reply.stale) {
            throw new Error(`Dockerfile language worker: ${reply.error ?? 'no text'}`);
        }
        this.last = { ms: performance.now() - started, where: 'worker' };
        return reply.result as LanguageResult<R>;
    }

    private post(m: Omit<LanguageWorkerRequest, 'id'>): Promise<Reply> {
        const worker = this.start();
        const id = this.nextId++;
        return new Promise((resolve) => {
            this.waiting.set(id, resolve);
            worker.postMessage({ ...m, id });
        });
    }

    private start(): Worker {
        if (this.worker) {
            return this.worker;
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { Worker: WorkerThread } = require('worker_threads') as typeof import('worker_threads');
        const worker = new WorkerThread(this.workerFile!);
        worker.unref();
        worker.on('message', (r: Reply) => {
            this.waiting.get(r.id)?.(r);
            this.waiting.delete(r.id);
        });
        const fail = (why: string) => {
            // the worker cannot run here: small and big files alike are answered in place from now on
            this.workerFailed = this.workerFailed || !this.disposed;
            this.worker = undefined;
            this.sent.clear();
            this.waiting.forEach((w, id) => w({ id, error: why }));
            this.waiting.clear();
        };
        worker.on('error', (e) => fail(e.message));
        worker.on('exit', (code) => fail(`exited with ${code}`));
        this.worker = worker;
        return worker;
    }

    dispose(): void {
        this.disposed = true;
        this.closing.dispose();
        void this.worker?.terminate();
        this.worker = undefined;
    }
}
