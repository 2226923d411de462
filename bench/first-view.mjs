// First view open → first tree, as a person pays it once per window: each sample is a fresh Node
// process (the `vscode` stand-in, the real dist/extension.js, activate(), both views made visible,
// the trees rendered as the workbench asks for them), so the shell, dist/main.js and dist/docker.js
// all load inside the figure. Its anchor is the raw `GET /containers/json?all=1` + `GET /images/json`
// (in parallel, JSON parsed) from a fresh process too. Which of the two runs first alternates
// between samples, so neither always meets a warm engine. Median of each over `runs`.
//   node bench/first-view.mjs SOCKET [--runs 7]     (the engine-path bench calls measureFirstView)
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// one sample in this (fresh) process: `ours` or `anchor`
async function child(which, socket) {
    // what VS Code's extension host has loaded long before any extension: http, net, timers, crypto
    performance.now();
    new AbortController();
    await import('node:http');
    await import('node:crypto');
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const t0 = performance.now();
    if (which === 'anchor') {
        const http = await import('node:http');
        const get = (path) =>
            new Promise((resolve, reject) => {
                const req = http.request({ socketPath: socket, path }, (res) => {
                    const chunks = [];
                    res.on('data', (c) => chunks.push(c));
                    res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
                });
                req.on('error', reject);
                req.end();
            });
        const [containers] = await Promise.all([get('/containers/json?all=1'), get('/images/json')]);
        process.stdout.write(JSON.stringify({ ms: performance.now() - t0, containers: containers.length }));
        process.exit(0);
    } else {
        process.env.DOCKER_HOST = `unix://${socket}`;
        const stub = require('./vscode-stub.cjs');
        stub.install();
        const { render } = await import(pathToFileURL(join(root, 'bench/tree-render.mjs')).href);
        const start = performance.now();
        const ext = require(join(root, 'dist/extension.js'));
        const api = ext.activate(stub.extensionContext(root));
        const c = stub.recorded.treeViews.get('dockerLessons.containers');
        const i = stub.recorded.treeViews.get('dockerLessons.images');
        c.setVisible(true);
        i.setVisible(true);
        await api.whenIdle();
        await render(c.provider);
        await render(i.provider);
        const n = api.snapshot().containers.length;
        process.stdout.write(JSON.stringify({ ms: performance.now() - start, containers: n }));
        process.exit(0);
    }
}

/** Runs `runs` pairs of fresh processes against the engine at `socket`. */
export function measureFirstView(socket, runs = 7) {
    const ours = [];
    const anchors = [];
    const counts = { ours: new Set(), anchor: new Set() };
    const one = (which) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, socket], { cwd: root, env: { ...process.env, DOCKER_HOST: '' } }).toString());
    for (let r = 0; r < runs; r++) {
        const order = r % 2 === 0 ? ['anchor', 'ours'] : ['ours', 'anchor'];
        for (const which of order) {
            const s = one(which);
            (which === 'ours' ? ours : anchors).push(s.ms);
            counts[which].add(s.containers);
        }
    }
    // both saw the same engine: the tree's containers are the list's containers
    if (counts.ours.size !== 1 || counts.anchor.size !== 1 || [...counts.ours][0] !== [...counts.anchor][0]) {
        throw new Error(`first view: the tree showed ${[...counts.ours].join('/')} containers, the raw list had ${[...counts.anchor].join('/')}`);
    }
    return { oursMs: median(ours), anchorMs: median(anchors), ours, anchors, containers: [...counts.ours][0] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const i = process.argv.indexOf('--child');
    if (i > 0) {
        await child(process.argv[i + 1], process.argv[i + 2]);
    } else {
        const runsIdx = process.argv.indexOf('--runs');
        const r = measureFirstView(process.argv[2], runsIdx > 0 ? Number(process.argv[runsIdx + 1]) : 7);
        console.log(`first view (median of ${r.ours.length} fresh processes, ${r.containers} containers): ${r.oursMs.toFixed(1)} ms vs raw lists ${r.anchorMs.toFixed(1)} ms = ${(r.oursMs / r.anchorMs).toFixed(2)}×`);
        console.log(`  ours ${r.ours.map((x) => x.toFixed(0)).join(', ')}; anchor ${r.anchors.map((x) => x.toFixed(0)).join(', ')}`);
    }
}
