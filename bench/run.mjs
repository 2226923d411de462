// Benchmarks that print figures (no pass/fail): the Dockerfile hover path (bench/hover.mjs, no engine
// needed, runs first), activation-path cost, dockerode load cost, and list + tree-data refresh with
// many containers on the private engine.
// Usage: npm run bench [-- --containers 2000 --images 200]   (the engine part needs root + docker.io, like test:docker)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CONTAINERS = arg('containers', 2000);
const IMAGES = arg('images', 200);

execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: root, stdio: 'inherit' });

// no engine needed, so it runs even when the engine part below cannot start; in its own process so
// its big parses do not weigh on the heap figures below
execFileSync(process.execPath, [join(root, 'bench/hover.mjs'), '--no-build'], { cwd: root, stdio: 'inherit' });

const loadMs = (mod) => Number(execFileSync(process.execPath, ['-e', `const t=performance.now();require(${JSON.stringify(mod)});process.stdout.write(String(performance.now()-t))`]).toString());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

console.log('\n# module load (fresh node process each, median of 5)');
const dockerLoad = [];
for (let i = 0; i < 5; i++) {
    dockerLoad.push(loadMs(join(root, 'dist/docker.js')));
}
console.log(`dist/docker.js (dockerode, loaded lazily): ${median(dockerLoad).toFixed(1)} ms`);

const { startEngine } = await import('../scripts/engine.mjs');
let engine;
try {
    engine = await startEngine({ log: () => undefined });
} catch (e) {
    console.log(`\nno private engine: ${e.skipReason ?? e.message}`);
    process.exit(0);
}
try {
    const { createDockerClient } = require(join(root, 'out/src/docker/dockerodeClient.js'));
    const { parseDockerHost } = require(join(root, 'out/src/docker/endpoint.js'));
    const { NodeCache } = require(join(root, 'out/src/tree/nodeCache.js'));
    const client = createDockerClient(parseDockerHost(engine.dockerHost, 'env'), { timeoutMs: 60_000 });
    const Docker = require('dockerode');
    const raw = new Docker({ socketPath: engine.dockerHost.replace('unix://', '') });

    console.log(`\n# creating ${IMAGES} images and ${CONTAINERS} containers`);
    let t = performance.now();
    const base = await raw.getImage('busybox:latest').inspect();
    for (let i = 0; i < IMAGES; i++) {
        await raw.getImage(base.Id).tag({ repo: `bench/img${i}`, tag: 'latest' });
    }
    console.log(`tagged ${IMAGES} images in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const queue = Array.from({ length: CONTAINERS }, (_, i) => i);
    await Promise.all(
        Array.from({ length: 8 }, async () => {
            while (queue.length) {
                const i = queue.shift();
                await raw.createContainer({ Image: `bench/img${i % IMAGES}`, name: `bench-${i}`, Cmd: ['true'], Labels: { bench: '1' } });
            }
        }),
    );
    console.log(`created ${CONTAINERS} containers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    console.log('\n# one refresh = GET /images/json + GET /containers/json?all=1 + mapping + node cache (10 runs)');
    const cacheC = new NodeCache((a, b) => a.status === b.status && a.state === b.state, (c) => ({ c }));
    const cacheI = new NodeCache((a, b) => a.size === b.size, (i) => ({ i }));
    const runs = [];
    const listOnly = [];
    for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const [images, containers] = await Promise.all([client.listImages(), client.listContainers()]);
        const t1 = performance.now();
        containers.sort((a, b) => b.created - a.created);
        cacheC.update(containers, (c) => c.id);
        cacheI.update(images, (x) => x.id);
        runs.push(performance.now() - t0);
        listOnly.push(t1 - t0);
    }
    console.log(`refresh with ${CONTAINERS} containers / ${IMAGES + 2} images: median ${median(runs).toFixed(0)} ms, p95 ${p95(runs).toFixed(0)} ms (API part median ${median(listOnly).toFixed(0)} ms)`);
    const heap = process.memoryUsage().heapUsed / 1024 / 1024;
    console.log(`heap used after: ${heap.toFixed(0)} MiB`);
} finally {
    await engine.stop();
}
