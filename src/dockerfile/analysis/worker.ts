/**
 * Entry of `dist/dockerfile-worker.js`: parses Dockerfiles on a worker thread, so a big file never
 * blocks the extension host. One request at a time: `{ id, text, limit }` in, `{ id, packed }` out
 * (numbers transferred, not copied; see packed.ts).
 */
import { parentPort } from 'worker_threads';
import { analyze } from './analyze';
import { analyzeWithin, pack } from './packed';

export interface AnalysisRequest {
    readonly id: number;
    readonly text: string;
    readonly limit: number;
}

parentPort?.on('message', (req: AnalysisRequest) => {
    const started = performance.now();
    const { packed, transfer } = pack(analyzeWithin(analyze, req.text, req.limit));
    parentPort?.postMessage({ id: req.id, packed, ms: performance.now() - started }, transfer);
});
