// The "Explain this Dockerfile" panel at scale: the real webview bundle (media/dist/dockerfile.js) in
// jsdom, sent the panel's real messages (rows made by the real analyze() and the panel's toRow) for
// generated Dockerfiles of 1,000 and 4,000 instructions and of ~1 MB. Timed: a render (the message's
// JSON parse + the page's work, as a webview receives it) and a cursor move (the `highlight` message
// that marks the row holding the editor's cursor). Interleaved; median of 9 after 2 warm-up runs.
// jsdom has no layout: the page falls back to its default row height and viewport, so the figures
// are the page's own work, not the browser's painting.
// Usage: node bench/explain.mjs [--no-build] [--bundle path/to/dockerfile.js --old-rows --sizes 1000,4000]
//   (--old-rows: rows as the panel sent them before the virtual list, for measuring an older bundle)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const WARMUP = 2;
const RUNS = 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `n` instructions in stages, with continuation lines and comments, like a real file grown long. */
export function dockerfileOf(n) {
    const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=busybox'];
    let count = 0;
    for (let i = 0; count < n; i++) {
        if (i % 50 === 0) {
            out.push(`FROM \${BASE}:1.36 AS s${i}`);
        } else if (i % 7 === 0) {
            out.push(`# step ${i}`, `RUN echo building part ${i} \\`, `    && mkdir -p /opt/part${i} \\`, `    && touch /opt/part${i}/done`);
        } else if (i % 3 === 0) {
            out.push(`ENV PART_${i}=value${i}`);
        } else {
            out.push(`COPY src/part${i} /opt/part${i}`);
        }
        count++;
    }
    return out.join('\n');
}

/** About `bytes` of one-line RUN instructions: the shape of the file that froze the old panel. */
export function runLinesOf(bytes) {
    const out = ['FROM busybox'];
    let size = 13;
    for (let i = 0; size < bytes; i++) {
        const l = `RUN echo ${i}`;
        out.push(l);
        size += l.length + 1;
    }
    return out.join('\n');
}

function stubVscode() {
    const { install } = require(join(root, 'bench/vscode-stub.cjs'));
    install();
}

const STRINGS = {
    title: 'Explain this Dockerfile',
    line: 'Line',
    instruction: 'Instruction',
    kind: 'Adds',
    size: 'Layer size',
    build: 'Build Image',
    run: 'Run with Limits',
    buildLog: 'Build output',
    total: 'image size',
    noImage: 'Not built yet: build it to see the size of each layer.',
    cpus: 'CPUs',
    memory: 'Memory',
    pids: 'Processes',
    runHint: 'Starts a container…',
    stage: 'stage',
    kinds: { layer: 'filesystem layer', metadata: 'metadata only', stage: 'new build stage' },
};

/** The `view` message the panel sends for this text, as JSON (what crosses to the webview). */
function viewMessage(text, { oldRows }) {
    const { analyze } = require(join(root, 'out/src/dockerfile/analysis/index.js'));
    const { toRow } = require(join(root, 'out/src/panels/dockerfilePanel.js'));
    const a = analyze(text);
    const sizes = new Map();
    let rows = a.steps.map((s) => toRow(s, sizes));
    if (oldRows) {
        // before the virtual list: every row carried its kind in words and its full arguments
        rows = a.steps.map((s) => ({ line: s.range.start.line, endLine: s.range.end.line, keyword: s.keyword, args: s.args, kind: s.kind, kindLabel: STRINGS.kinds[s.kind], stage: s.stage }));
    }
    const view = { file: 'Dockerfile', rows, build: { state: 'idle', log: '' }, canBuild: true, strings: STRINGS };
    return { json: JSON.stringify({ type: 'view', view }), steps: a.steps.length, lines: text.split('\n').length };
}

function openPage(bundle) {
    const { JSDOM } = require('jsdom');
    const dom = new JSDOM('<!DOCTYPE html><html lang="en"><body><main id="root" aria-busy="true"></main></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true });
    const win = dom.window;
    const posted = [];
    win.acquireVsCodeApi = () => ({ postMessage: (m) => posted.push(m), getState: () => undefined, setState() {} });
    // jsdom has no scrolling; the older bundle called it on every marked row
    win.Element.prototype.scrollIntoView ??= () => undefined;
    win.eval(bundle);
    const send = (json) => win.dispatchEvent(new win.MessageEvent('message', { data: win.JSON.parse(json) }));
    return { win, posted, send, close: () => win.close() };
}

/**
 * Render and cursor-move times for several files, interleaved (each run renders every file in turn,
 * so a busy moment of the shared machine weighs on all of them alike), after warm-up runs.
 */
function measureAll(bundle, texts, opts) {
    const cases = texts.map((text) => {
        const msg = viewMessage(text, opts);
        const page = openPage(bundle);
        // cursor moves to lines spread over the whole file (each marks a different row)
        const targets = Array.from({ length: 64 }, (_, i) => Math.floor(((i * 7919) % 64) * (msg.lines / 64)));
        return { text, msg, page, targets, k: 0, renders: [], cursors: [] };
    });
    try {
        for (let r = 0; r < opts.warmup + opts.runs; r++) {
            for (const c of cases) {
                let t = performance.now();
                c.page.send(c.msg.json);
                const render = performance.now() - t;
                t = performance.now();
                c.page.send(JSON.stringify({ type: 'highlight', line: c.targets[c.k++ % c.targets.length] }));
                const cursor = performance.now() - t;
                if (r >= opts.warmup) {
                    c.renders.push(render);
                    c.cursors.push(cursor);
                }
            }
        }
        return cases.map((c) => ({
            render: median(c.renders),
            cursor: median(c.cursors),
            steps: c.msg.steps,
            bytes: c.text.length,
            messageBytes: c.msg.json.length,
            rowsInPage: c.page.win.document.querySelectorAll('tr.row').length,
            marked: c.page.win.document.querySelectorAll('tr.row.current').length,
        }));
    } finally {
        cases.forEach((c) => c.page.close());
    }
}

const fmtBytes = (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MiB` : `${(b / 1024).toFixed(0)} KiB`);

/**
 * Rows { figure, ours, anchor, ratio, budget, pass, unit } (the shape of bench/engine-path.mjs).
 * `sizes` picks the files: 1000 and 4000 instructions, and '1MB' (one-line RUNs up to 1,000,000 bytes).
 */
export async function benchExplain({ bundlePath = join(root, 'media/dist/dockerfile.js'), oldRows = false, sizes = ['1000', '4000', '1MB'], runs = RUNS, warmup = WARMUP, log = console.log } = {}) {
    stubVscode();
    const bundle = readFileSync(bundlePath, 'utf8');
    const opts = { oldRows, runs, warmup };
    const results = {};
    const measured = measureAll(
        bundle,
        sizes.map((s) => (s === '1MB' ? runLinesOf(1_000_000) : dockerfileOf(Number(s)))),
        opts,
    );
    sizes.forEach((s, i) => {
        const r = measured[i];
        results[s] = r;
        log(`  ${s.padEnd(5)} ${String(r.steps).padStart(6)} instructions, ${fmtBytes(r.bytes)} file, message ${fmtBytes(r.messageBytes)}: render ${r.render.toFixed(1)} ms, cursor move ${r.cursor.toFixed(2)} ms; ${r.rowsInPage} rows in the page, ${r.marked} marked`);
    });
    const rows = [];
    const row = (figure, ours, anchor, budget, pass, unit = 'ms') => rows.push({ figure, ours, anchor, ratio: anchor ? ours / anchor : undefined, budget, pass, unit });
    const a = results['1000'];
    const b = results['4000'];
    if (a && b) {
        row('Explain panel render, 4,000 vs 1,000 instructions', b.render, a.render, '≤ 4.5×', b.render / a.render <= 4.5);
        row('Explain panel cursor move, 4,000 vs 1,000 instructions', b.cursor, a.cursor, '≤ 4.5×', b.cursor / a.cursor <= 4.5);
        row('Explain panel cursor move, 4,000 instructions', b.cursor, undefined, '≤ 16 ms', b.cursor <= 16);
    }
    const big = results['1MB'];
    if (big) {
        row(`Explain panel render, ~1 MB Dockerfile (${big.steps.toLocaleString('en')} instructions)`, big.render, undefined, '≤ 1000 ms', big.render <= 1000);
        row('Explain panel cursor move, ~1 MB Dockerfile', big.cursor, undefined, '≤ 16 ms', big.cursor <= 16);
    }
    return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    if (!process.argv.includes('--no-build')) {
        execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
        execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: root, stdio: 'inherit' });
    }
    const arg = (name) => {
        const i = process.argv.indexOf(`--${name}`);
        return i > 0 ? process.argv[i + 1] : undefined;
    };
    const { printRows } = await import('./engine-path.mjs');
    const runs = arg('runs') ? Number(arg('runs')) : RUNS;
    const warmup = arg('warmup') ? Number(arg('warmup')) : WARMUP;
    console.log(`\n# Explain this Dockerfile: the real webview bundle in jsdom (median of ${runs} after ${warmup} warm-up runs)`);
    const rows = await benchExplain({
        bundlePath: arg('bundle') ?? join(root, 'media/dist/dockerfile.js'),
        oldRows: process.argv.includes('--old-rows'),
        sizes: arg('sizes')?.split(',') ?? undefined,
        runs,
        warmup,
    });
    printRows(rows);
    process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
}
