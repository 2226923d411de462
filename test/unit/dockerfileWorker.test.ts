/**
 * Dockerfile analysis off the extension host: the packed form a worker sends (packed.ts), the cut at
 * the analysis limit, and the worker protocol against the built worker (dist/dockerfile-worker.js,
 * from `node scripts/build.mjs`).
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, stepAtKeyword } from '../../src/dockerfile/analysis';
import { analyzeWithin, pack, unpack } from '../../src/dockerfile/analysis/packed';
import { AnalysisWorker } from '../../src/dockerfile/analysis/workerClient';
import { REPO_ROOT } from './helpers';

const WORKER = path.join(REPO_ROOT, 'dist', 'dockerfile-worker.js');

const SAMPLE = [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=busybox',
    'FROM ${BASE}:1.36 AS build',
    'RUN echo one \\',
    '    && echo two',
    'ENV A=1 B=2',
    'FROBNICATE now',
    'COPY --from=build /a /b',
    'FROM build',
    'CMD ["sh", "-c", "echo <b>x</b> & 한글"]',
].join('\n');

/** Plain data, so a packed step compares equal to the parser's own. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

function many(n: number): string {
    const lines = ['FROM busybox'];
    for (let i = 0; i < n; i++) {
        lines.push(i % 4 === 0 ? `RUN echo ${i} \\\n    && echo more ${i}` : i % 4 === 1 ? `ENV V${i}=${i}` : `COPY a${i} /b${i}`);
    }
    return lines.join('\n');
}

describe('dockerfile analysis, packed for a worker', () => {
    it('unpack(pack(a)) reads back every step and stage exactly', () => {
        for (const text of [SAMPLE, many(500), '', 'not a dockerfile at all']) {
            const a = analyze(text);
            const { packed, transfer } = pack(a);
            assert.equal(transfer.length, 2, 'the numbers travel as transferred buffers');
            // as the worker sends it: a structured clone with the buffers moved
            const back = unpack(structuredClone(packed, { transfer }));
            assert.deepEqual(plain(back), plain(a));
            assert.equal(back.steps.length, a.steps.length);
        }
    });

    it('the hover lookups give the same answers on a packed analysis', () => {
        const a = analyze(many(300));
        const b = unpack(pack(a).packed);
        for (const s of a.steps.filter((_, i) => i % 17 === 0)) {
            const pos = { line: s.keywordRange.start.line, character: s.keywordRange.start.character + 1 };
            assert.deepEqual(plain(stepAtKeyword(b, pos)), plain(stepAtKeyword(a, pos)));
        }
        assert.equal(stepAtKeyword(b, { line: 1, character: 30 }), undefined);
    });

    it('a packed analysis is far smaller to clone than the step objects', () => {
        const a = analyze(many(5000));
        const { packed } = pack(a);
        // the number of objects a structured clone walks: 2 per step + ranges vs a handful in all
        const objects = (x: unknown): number => (x && typeof x === 'object' ? (ArrayBuffer.isView(x) ? 1 : 1 + Object.values(x).reduce((n: number, v) => n + objects(v), 0)) : 0);
        assert.ok(objects(packed) * 50 < objects(a), `${objects(packed)} vs ${objects(a)} objects`);
    });
});

describe('dockerfile analysis: analyzeWithin (the analysis limit)', () => {
    it('a file within the limit is analysed whole, with nothing left out', () => {
        const a = analyzeWithin(analyze, SAMPLE, SAMPLE.length);
        assert.equal(a.omitted, undefined);
        assert.deepEqual(plain(a), plain(analyze(SAMPLE)));
    });

    it('over the limit: cut at a line break, the instruction the cut may split dropped, and it says from which line', () => {
        const text = many(2000);
        const limit = Math.floor(text.length / 3);
        const a = analyzeWithin(analyze, text, limit);
        assert.ok(a.omitted, 'says something was left out');
        assert.equal(a.omitted.totalChars, text.length);
        assert.equal(a.omitted.limitChars, limit);
        assert.ok(a.omitted.analyzedChars <= limit);
        assert.ok(a.steps.length > 100);
        const whole = analyze(text);
        // every step kept is exactly the whole file's step, and none reaches the omitted lines
        a.steps.forEach((s, i) => assert.deepEqual(plain(s), plain(whole.steps[i])));
        assert.ok(a.steps.every((s) => s.range.end.line < a.omitted!.fromLine));
        assert.equal(whole.steps[a.steps.length].range.start.line, a.omitted.fromLine, 'the first step left out starts at fromLine');
    });
});

describe('dockerfile analysis worker (dist/dockerfile-worker.js)', function () {
    this.timeout(20_000);
    let worker: AnalysisWorker | undefined;
    afterEach(() => worker?.dispose());

    before(function () {
        assert.ok(fs.existsSync(WORKER), `${WORKER} is missing: run node scripts/build.mjs first`);
    });

    it('answers with the same analysis as the parser in this thread, text sent in pieces', async () => {
        worker = new AnalysisWorker(WORKER, 1024 * 1024);
        const lines = many(800).split('\n');
        const chunks = [lines.slice(0, 300).join('\n'), lines.slice(300).join('\n')];
        const r = await worker.analyze('file:///a/Dockerfile', chunks, 7);
        assert.equal(r.tag, 7);
        assert.deepEqual(plain(r.analysis), plain(analyze(lines.join('\n'))));
    });

    it('while it parses, newer texts of a document replace the waiting one (only the newest is parsed)', async () => {
        worker = new AnalysisWorker(WORKER, 1024 * 1024);
        const first = worker.analyze('doc', [many(3000)], 1);
        const second = worker.analyze('doc', [many(10)], 2);
        const third = worker.analyze('doc', [SAMPLE], 3);
        const other = worker.analyze('other', [SAMPLE], 1);
        const [a, b, c, d] = await Promise.all([first, second, third, other]);
        assert.equal(a.tag, 1, 'the one already running finishes');
        assert.equal(a.analysis.steps.length, 3001);
        assert.equal(b.tag, 3, 'the waiting one got the newest text’s result');
        assert.equal(c, b);
        assert.deepEqual(plain(b.analysis), plain(analyze(SAMPLE)));
        assert.equal(d.tag, 1, 'another document is not replaced');
    });

    it('over the limit: the result says what was left out, counting the whole file', async () => {
        worker = new AnalysisWorker(WORKER, 2000);
        const text = many(400);
        const r = await worker.analyze('doc', [text.slice(0, 3000)], 1, text.length);
        assert.ok(r.analysis.omitted);
        assert.equal(r.analysis.omitted.totalChars, text.length);
        assert.equal(r.analysis.omitted.limitChars, 2000);
        assert.ok(r.analysis.steps.length > 10 && r.analysis.steps.every((s) => s.range.end.line < r.analysis.omitted!.fromLine));
    });

    it('a worker that cannot start rejects the request instead of hanging', async () => {
        worker = new AnalysisWorker(path.join(REPO_ROOT, 'dist', 'no-such-worker.js'), 1024);
        await assert.rejects(worker.analyze('doc', [SAMPLE], 1));
    });
});
