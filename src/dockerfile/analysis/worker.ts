/**
 * Entry of `dist/dockerfile-worker.js`: parses Dockerfiles on a worker thread, so a big file never
 * blocks the extension host. One request at a time: `{ id, chunks, limit }` in, `{ id, packed }` out
 * (numbers transferred, not copied; see packed.ts).
 */
import { parentPort } from 'worker_threads';
import { analyze } from './analyze';
import { analyzeWithin, pack } from './packed';

export interface AnalysisRequest {
    readonly id: number;
    /** The text in pieces, joined here by line breaks (the host reads a big file line by line). */
    readonly chunks: readonly string[];
    /** The whole file's length when the pieces stop at the limit. */
    readonly totalChars?: number;
    readonly limit: number;
}

parentPort?.on('message', (req: AnalysisRequest) => {
    const started = performance.now();
    const a = analyzeWithin(analyze, req.chunks.join('\n'), req.limit);
    const { packed, transfer } = pack(a.omitted && req.totalChars ? { ...a, omitted: { ...a.omitted, totalChars: Math.max(req.totalChars, a.omitted.totalChars) } } : a);
    parentPort?.postMessage({ id: req.id, packed, ms: performance.now() - started }, transfer);
});
