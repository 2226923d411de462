// The Dockerfile language service and the extension host: the real DockerfileLanguage (out/, with the
// lazily loaded dist/dockerfile-language.js and its worker dist/dockerfile-language-worker.js) and the
// real completion provider, on Node with the `vscode` stand-in. No engine needed.
//   - time to first completion in a small Dockerfile, in a fresh process (bundle load included);
//   - a 1 MB Dockerfile: diagnostics, completion and outline through the worker, while
//     perf_hooks.monitorEventLoopDelay records how long the event loop was blocked, beside the same
//     probe with no extension work (a worker keeping one core busy) and the longest piece of the
//     extension's own synchronous work (reading lines, posting to and hearing from the worker).
// Usage: node bench/dockerfile-language.mjs [--no-build]   (needs `npx tsc -p .`; builds dist/ unless --no-build)
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bigDockerfile } from './dockerfile-host.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const own = { max: 0, what: '' };
const note = (what, ms) => ms > own.max && Object.assign(own, { max: ms, what });

function instrument() {
    const { Worker } = require('node:worker_threads');
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
        const t = performance.now();
        try {
            return post.apply(this, args);
        } finally {
            note('postMessage() to the worker', performance.now() - t);
        }
    };
    const on = Worker.prototype.on;
    Worker.prototype.on = function (event, listener) {
        return event !== 'message'
            ? on.call(this, event, listener)
            : on.call(this, event, (...args) => {
                  const t = performance.now();
                  try {
                      return listener(...args);
                  } finally {
                      note('worker reply handler', performance.now() - t);
                  }
              });
    };
}

class FakeDocument {
    constructor(vscode, file, text) {
        this.uri = vscode.Uri.file(file);
        this.languageId = 'dockerfile';
        this.version = 1;
        this.isClosed = false;
        this.lines = text.split('\n');
        this.turn = { at: 0, ms: 0 };
    }
    getText() {
        const t = performance.now();
        const text = this.lines.join('\n');
        note('getText()', performance.now() - t);
        return text;
    }
    get lineCount() {
        return this.lines.length;
    }
    lineAt(n) {
        return { text: this.lines[n] };
    }
}

/** The probe's longest gap with no extension code running, while a worker keeps a core busy. */
async function idleAnchor(ms) {
    const { Worker } = require('node:worker_threads');
    const w = new Worker('const end = Date.now() + 60000; while (Date.now() < end) {}', { eval: true });
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    await sleep(ms);
    h.disable();
    await w.terminate();
    return h.max / 1e6;
}

/** In a fresh process: the first completion in a small Dockerfile, the bundle's load included. */
function firstCompletion() {
    const probe = `
const stub = require(${JSON.stringify(join(root, 'bench/vscode-stub.cjs'))}); stub.install();
const { DockerfileLanguage } = require(${JSON.stringify(join(root, 'out/src/dockerfile/languageClient.js'))});
const { DockerfileCompletion } = require(${JSON.stringify(join(root, 'out/src/dockerfile/languageProviders.js'))});
const { lazyModule } = require(${JSON.stringify(join(root, 'out/src/docker/loader.js'))});
const language = new DockerfileLanguage(lazyModule(${JSON.stringify(join(root, 'dist/dockerfile-language.js'))}));
const p = new DockerfileCompletion(language, { list: async () => [] });
const lines = ['FROM busybox:1.36', 'WORK'];
const doc = { uri: stub.vscode.Uri.file('/b/Dockerfile'), version: 1, lineCount: 2, getText: () => lines.join('\\n'), lineAt: (n) => ({ text: lines[n] }) };
const t = performance.now();
p.provideCompletionItems(doc, new stub.vscode.Position(1, 4), { isCancellationRequested: false }).then((items) => {
    const first = performance.now() - t; const t2 = performance.now();
    return p.provideCompletionItems(doc, new stub.vscode.Position(1, 4), { isCancellationRequested: false }).then(() => process.stdout.write(JSON.stringify({ first, next: performance.now() - t2, items: items.length })));
}).then(() => language.dispose());`;
    return JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
}

async function bigFile() {
    instrument();
    const stub = require(join(root, 'bench/vscode-stub.cjs'));
    stub.install();
    const { DockerfileLanguage } = require(join(root, 'out/src/dockerfile/languageClient.js'));
    const { lazyModule } = require(join(root, 'out/src/docker/loader.js'));
    const language = new DockerfileLanguage(lazyModule(join(root, 'dist/dockerfile-language.js')), join(root, 'dist/dockerfile-language-worker.js'));
    const text = bigDockerfile(1024 * 1024);
    const doc = new FakeDocument(stub.vscode, '/bench/big/Dockerfile', text);
    const idle = await idleAnchor(1500);
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    own.max = 0;
    const times = {};
    for (const [name, req] of [
        ['diagnostics', { op: 'diagnostics' }],
        ['completion', { op: 'completion', position: { line: doc.lineCount - 1, character: 0 } }],
        ['outline', { op: 'symbols' }],
        ['diagnostics again', { op: 'diagnostics' }],
    ]) {
        const t = performance.now();
        await language.request(doc, req);
        times[name] = Math.round(performance.now() - t);
    }
    h.disable();
    language.dispose();
    return { bytes: text.length, lines: doc.lineCount, times, where: language.last.where, loopMax: h.max / 1e6, idle, ownMax: own.max, ownWhat: own.what };
}

if (!process.argv.includes('--no-build')) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'ignore' });
}
const size = (f) => (statSync(join(root, 'dist', f)).size / 1024).toFixed(1);
console.log(`bundles (production): dist/dockerfile-language.js ${size('dockerfile-language.js')} KiB, dist/dockerfile-language-worker.js ${size('dockerfile-language-worker.js')} KiB, dist/extension.js ${size('extension.js')} KiB`);
const firsts = [0, 1, 2].map(() => firstCompletion()).sort((a, b) => a.first - b.first);
const mid = firsts[1];
console.log(`first completion in a small Dockerfile (fresh process, bundle load included), median of 3: ${mid.first.toFixed(1)} ms; next ${mid.next.toFixed(1)} ms (${mid.items} items)`);
const b = await bigFile();
console.log(`${(b.bytes / 1024 / 1024).toFixed(2)} MB Dockerfile (${b.lines} lines) on the ${b.where}: ${Object.entries(b.times).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
console.log(`  event loop blocked at most ${b.loopMax.toFixed(1)} ms (with no extension work: ${b.idle.toFixed(1)} ms); the extension's own longest synchronous piece: ${b.ownMax.toFixed(1)} ms (${b.ownWhat})`);
