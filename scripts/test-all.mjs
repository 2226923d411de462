// `npm test`: build, typecheck, lint and the project's checks, then every test layer:
//   unit (Node) → faults (fake engines, a delaying proxy, its own private dockerd killed and restarted)
//   → engines (its own dockerd with TLS, sshd, Podman: every engine the README promises)
//   → docker (real private engine) → host (real VS Code: code-server) → e2e (Playwright)
//   → start (`npm start` signalled: nothing it started may be left).
// Starts the private Docker engine once for the layers that need it and always stops it.
// Ends with one plain line: `N passed, N failed` (`, N skipped` outside CI).
// With CI=true nothing may be skipped: a layer that cannot start fails.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CI = process.env.CI === 'true';
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx > 0 ? process.argv[onlyIdx + 1].split(',') : undefined;
const wants = (layer) => !only || only.includes(layer);
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
rmSync(join(resultsDir, 'faults-figures.json'), { force: true });

const rows = [];
const started = Date.now();

function run(cmd, args, env = {}) {
    return new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
        child.on('error', (e) => {
            console.error(`${cmd}: ${e.message}`);
            resolve(1);
        });
    });
}

async function check(name, cmd, args) {
    const t = Date.now();
    console.log(`\n=== ${name}`);
    const code = await run(cmd, args);
    rows.push({ layer: name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, ms: Date.now() - t, note: code === 0 ? '' : `exit ${code}` });
    return code === 0;
}

async function layer(name, cmd, args, env = {}) {
    const t = Date.now();
    const file = join(resultsDir, `${name}.json`);
    rmSync(file, { force: true });
    console.log(`\n=== layer: ${name}`);
    const code = await run(cmd, args, env);
    let r;
    try {
        r = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        r = { passed: 0, failed: 1, skipped: 0, skipReason: null, failures: [{ title: name, error: `the runner exited ${code} without writing ${file}` }] };
    }
    if (code !== 0 && !r.failed) {
        r.failed = 1;
        r.failures = [...(r.failures ?? []), { title: name, error: `runner exited with code ${code}` }];
    }
    if (CI && r.skipped) {
        // nothing may be skipped in CI
        r.failed += r.skipped;
        r.failures = [...(r.failures ?? []), { title: name, error: `${r.skipped} skipped in CI: ${r.skipReason ?? 'skipped tests'}` }];
        r.skipped = 0;
    }
    rows.push({ layer: name, passed: r.passed, failed: r.failed, skipped: r.skipped, ms: Date.now() - t, note: r.skipReason ?? '', failures: r.failures ?? [] });
}

function skipLayer(name, reason) {
    if (CI) {
        rows.push({ layer: name, passed: 0, failed: 1, skipped: 0, ms: 0, note: `cannot run in CI: ${reason}`, failures: [{ title: name, error: reason }] });
    } else {
        console.log(`\n=== layer: ${name} — skipped: ${reason}`);
        rows.push({ layer: name, passed: 0, failed: 0, skipped: 1, ms: 0, note: `skipped: ${reason}` });
    }
}

let engine;
let stopping = false;
async function stopEngine() {
    if (engine && !stopping) {
        stopping = true;
        await engine.stop().catch((e) => console.error(`stopping the engine: ${e.message}`));
    }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
        console.error(`\n${sig}: stopping the private engine`);
        await stopEngine();
        process.exit(130);
    });
}

// The Debian packages the chosen layers need (scripts/setup.mjs): installed as root, otherwise the
// exact command to run, and stop at once rather than fail later layer by layer.
{
    const { ensureSystemPackages, groupsFor } = await import('./setup.mjs');
    const layers = ['unit', 'faults', 'docker', 'host', 'e2e', 'start'].filter(wants);
    const r = await ensureSystemPackages(groupsFor(layers));
    if (!r.ok) {
        console.error(`[setup] ${r.message}`);
        process.exit(1);
    }
}

try {
    const node = process.execPath;
    const bin = (name) => join(root, 'node_modules', '.bin', name);
    let built = await check('build', node, ['scripts/build.mjs']);
    built = (await check('typecheck', bin('tsc'), ['-p', '.'])) && built;
    built = (await check('typecheck-webview', bin('tsc'), ['-p', 'webview', '--noEmit'])) && built;
    await check('lint', bin('eslint'), ['src', 'test', 'scripts', 'bench', 'webview']);
    await check('commands', node, ['scripts/check-commands.mjs']);
    await check('l10n', node, ['scripts/check-l10n.mjs']);

    if (!built) {
        for (const l of ['unit', 'faults', 'engines', 'docker', 'host', 'e2e', 'start'].filter(wants)) {
            rows.push({ layer: l, passed: 0, failed: 1, skipped: 0, ms: 0, note: 'not run: the build or typecheck failed' });
        }
    } else {
        if (wants('unit')) {
            await layer('unit', node, ['scripts/run-mocha.mjs', 'unit']);
        }
        if (wants('faults')) {
            // starts and stops its own private dockerd (it kills it on purpose), before the shared one
            await layer('faults', node, ['scripts/run-mocha.mjs', 'faults']);
        }
        if (wants('engines')) {
            // its own dockerd (unix + TLS), sshd and Podman on loopback, all stopped by pid when done
            await layer('engines', node, ['scripts/engines-tests.mjs']);
        }
        const engineLayers = ['docker', 'host', 'e2e'].filter(wants);
        if (engineLayers.length) {
            let dockerHost;
            let why;
            try {
                const { startEngine } = await import('./engine.mjs');
                const t = Date.now();
                console.log('\n=== starting the private Docker engine');
                engine = await startEngine({ log: (m) => console.log(`[engine] ${m.replace(/^engine: /, '')}`) });
                dockerHost = engine.dockerHost;
                console.log(`[engine] ready in ${Date.now() - t} ms at ${dockerHost}`);
            } catch (e) {
                why = e.skipReason ?? `the private Docker engine did not start: ${e.message}`;
                console.error(why);
            }
            for (const l of engineLayers) {
                if (!dockerHost) {
                    skipLayer(l, why);
                } else if (l === 'docker') {
                    await layer('docker', node, ['scripts/run-mocha.mjs', 'docker'], { DOCKER_HOST: dockerHost });
                } else {
                    await layer(l, node, [`scripts/${l === 'host' ? 'host-tests' : 'e2e'}.mjs`], { DOCKER_HOST: dockerHost });
                }
            }
        }
        if (wants('start')) {
            // `npm start` with its own private engine and code-server, signalled in every way (~80 s)
            await layer('start', node, ['scripts/start-tests.mjs']);
        }
        if (wants('package')) {
            // the VSIX: no source map or stale file, the README's images absolute (then the dev build again)
            await check('package', node, ['scripts/package.mjs', '--check']);
        }
    }
} finally {
    await stopEngine();
}

console.log('\n=== summary');
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('layer', 10)} ${pad('passed', 7)} ${pad('failed', 7)} ${pad('skipped', 8)} ${pad('time', 8)} note`);
for (const r of rows) {
    console.log(`${pad(r.layer, 10)} ${pad(r.passed, 7)} ${pad(r.failed, 7)} ${pad(r.skipped, 8)} ${pad((r.ms / 1000).toFixed(1) + ' s', 8)} ${r.note}`);
    for (const f of r.failures ?? []) {
        console.log(`    ✗ ${f.title}: ${String(f.error).split('\n')[0]}`);
    }
}
try {
    const figures = JSON.parse(readFileSync(join(resultsDir, 'faults-figures.json'), 'utf8'));
    console.log('fault suite figures:');
    for (const [k, v] of Object.entries(figures)) {
        console.log(`    ${k}: ${v}`);
    }
} catch {
    // the faults layer did not run
}
const sum = (k) => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
const skipped = sum('skipped');
console.log(`${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = sum('failed') ? 1 : 0;
