// Activation cost as VS Code pays it: in a fresh Node process each time, with the `vscode` stand-in,
// time `require('dist/extension.js')` (module load) and `activate()`; the figure that counts is the
// sum. Also the extension's own log line ("activated in … ms"), which must include the module load.
// Activation is a shell (src/extension.ts): the rest (dist/main.js) loads on first use, so that first
// use is measured too (an API call that needs the services: module load + start()), and shown.
// Usage: node bench/activation.mjs [--runs 9] [--json]   (needs `npm run build:production` first)
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsIdx = process.argv.indexOf('--runs');
const RUNS = runsIdx > 0 ? Number(process.argv[runsIdx + 1]) : 9;

// Node builtins that VS Code's extension host has loaded long before any extension (timers,
// AbortController, crypto, os, fs) are warmed first, so a fresh process does not charge their
// first-use cost to the extension.
const probe = `
performance.now(); new AbortController(); require('crypto').randomBytes(1); require('os').homedir(); require('fs').existsSync('/'); require('path');
const stub = require(${JSON.stringify(join(root, 'bench/vscode-stub.cjs'))});
stub.install();
const t1 = performance.now();
const ext = require(${JSON.stringify(join(root, 'dist/extension.js'))});
const t2 = performance.now();
const ctx = stub.extensionContext(${JSON.stringify(root)});
const api = ext.activate(ctx);
const t3 = performance.now();
api.engineState();
const t4 = performance.now();
process.stdout.write(JSON.stringify({ load: t2 - t1, activate: t3 - t2, logged: api.activationMs, firstUse: t4 - t3 }));
for (const d of ctx.subscriptions) d.dispose?.();
`;

export function measureActivation(runs = RUNS) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
        samples.push(JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: root }).toString()));
    }
    const med = (k) => [...samples.map((s) => s[k])].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    const total = [...samples.map((s) => s.load + s.activate)].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    return { runs, loadMs: med('load'), activateMs: med('activate'), totalMs: total, loggedMs: med('logged'), firstUseMs: med('firstUse') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const r = measureActivation();
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify(r));
    } else {
        console.log(`activation (median of ${r.runs} fresh processes): module load ${r.loadMs.toFixed(1)} ms + activate() ${r.activateMs.toFixed(1)} ms = ${r.totalMs.toFixed(1)} ms; the extension logs ${r.loggedMs} ms; first use (dist/main.js load + start()) ${r.firstUseMs.toFixed(1)} ms`);
    }
}
