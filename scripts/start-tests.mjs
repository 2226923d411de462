#!/usr/bin/env node
// The `start` test layer: `npm start` must stop everything it started whatever signal it gets, and a
// private engine left by a run that was killed outright must be stopped by the next start.
//
//   node scripts/start-tests.mjs        writes test-results/start.json
//
// Each case runs the real `npm start` (build, private engine, code-server) with DOCKER_HOST unset,
// waits for its URL, reads the pids it started from its state file, signals npm ALONE (as a process
// manager or a closed terminal does), and checks by pid that nothing is left. The first case also
// checks what it printed: `export DOCKER_HOST=…` for its engine, an SSH tunnel line, single prefixes.
// Env read: CI (=true: cannot-run is a failure), DL_START_CASES (e.g. "SIGTERM,SIGINT,SIGKILL").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'test-results', 'start.json');
const CASES = (process.env.DL_START_CASES || 'SIGTERM,SIGINT,SIGHUP,SIGKILL').split(',');
const READY_MS = 240_000;
const GONE_MS = 40_000;
const log = (m) => console.log(`[start-tests] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pid) {
    try {
        process.kill(pid, 0);
    } catch {
        return false;
    }
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
        return false;
    }
}

function readPid(file) {
    try {
        return Number(fs.readFileSync(file, 'utf8').trim()) || undefined;
    } catch {
        return undefined;
    }
}

/** Runs `npm start` until it prints its URL; returns the pids it started (from its state file). */
async function startNpm(stateFile) {
    const env = { ...process.env, DL_START_STATE: stateFile, PORT: '' };
    delete env.DOCKER_HOST;
    delete env.PORT;
    const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (d) => (out += d));
    npm.stderr.on('data', (d) => (out += d));
    const t = Date.now();
    while (!/is running in VS Code \(code-server\) at/.test(out)) {
        if (npm.exitCode !== null || Date.now() - t > READY_MS) {
            throw Object.assign(new Error(`npm start did not come up (${npm.exitCode !== null ? `exit ${npm.exitCode}` : 'timeout'}): ${out.slice(-1500)}`), { out });
        }
        if (/a private one cannot start here/.test(out)) {
            throw Object.assign(new Error(`cannot run: ${out.split('\n').find((l) => /cannot start here/.test(l))}`), { cannotRun: true });
        }
        await sleep(200);
    }
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    if (!state.engineDir) {
        throw Object.assign(new Error('npm start used an engine it did not start (a system daemon answers): this layer needs the private engine'), { cannotRun: true });
    }
    const pids = {
        npm: npm.pid,
        'start.mjs': state.pid,
        'code-server': state.codeServerPid,
        dockerd: readPid(path.join(state.engineDir, 'dockerd.pid')),
        registry: readPid(path.join(state.engineDir, 'registry.pid')),
    };
    for (const [name, pid] of Object.entries(pids)) {
        if (!pid || !alive(pid)) {
            throw new Error(`${name} (pid ${pid}) is not running after start: ${JSON.stringify(pids)}`);
        }
    }
    return { npm, pids, state, output: () => out };
}

async function gone(pids, ms) {
    const t = Date.now();
    let left = Object.entries(pids).filter(([, pid]) => alive(pid));
    while (left.length && Date.now() - t < ms) {
        await sleep(200);
        left = Object.entries(pids).filter(([, pid]) => alive(pid));
    }
    return { left, ms: Date.now() - t };
}

function cleanup(pids) {
    for (const pid of Object.values(pids)) {
        if (pid && alive(pid)) {
            try {
                process.kill(pid, 'SIGKILL');
            } catch {
                // gone
            }
        }
    }
}

const results = { layer: 'start', passed: 0, failed: 0, skipped: 0, skipReason: null, failures: [], tests: [], figures: [] };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-start-'));

/**
 * What `npm start` printed once up: `export DOCKER_HOST=` naming the engine it started, an SSH tunnel
 * line for the URL's port, and each log line with one prefix (no "[start] engine: engine:").
 */
function checkReadyText(out, state) {
    const sock = `unix://${path.join(state.engineDir, 'docker.sock')}`;
    const exported = /^ {4}export DOCKER_HOST=(\S+)$/m.exec(out)?.[1];
    if (exported !== sock) {
        throw new Error(`npm start should print "export DOCKER_HOST=${sock}", printed ${exported ?? 'none'}:\n${out.slice(-1500)}`);
    }
    const port = /^ {4}http:\/\/127\.0\.0\.1:(\d+)\//m.exec(out)?.[1];
    const tunnel = /^ {4}ssh -N -L (\d+):127\.0\.0\.1:(\d+) \S+@\S+$/m.exec(out);
    if (!port || !tunnel || tunnel[1] !== port || tunnel[2] !== port) {
        throw new Error(`npm start should print an SSH tunnel line for port ${port}, printed ${tunnel?.[0] ?? 'none'}`);
    }
    const doubled = out.split('\n').filter((l) => /^\[start\] (\w[\w-]*): \1: /.test(l) || /\[start\].*\[start\]/.test(l));
    if (doubled.length) {
        throw new Error(`doubled log prefixes: ${doubled.join(' | ')}`);
    }
}

async function signalCase(sig) {
    const title = `${sig} to npm alone stops start.mjs, code-server, dockerd and the registry`;
    const stateFile = path.join(dir, `${sig}.json`);
    const run = await startNpm(stateFile);
    try {
        if (sig === CASES[0]) {
            checkReadyText(run.output(), run.state);
            results.figures.push('npm start printed export DOCKER_HOST for its engine and an SSH tunnel line for its port; no doubled prefixes');
        }
        process.kill(run.pids.npm, sig);
        const { left, ms } = await gone(run.pids, GONE_MS);
        if (left.length) {
            throw new Error(`${title}: still running after ${ms} ms: ${left.map(([n, p]) => `${n} ${p}`).join(', ')}\n${run.output().slice(-1500)}`);
        }
        results.figures.push(`${sig}: everything gone ${ms} ms after the signal`);
        if (fs.existsSync(run.state.engineDir)) {
            throw new Error(`${title}: the engine folder ${run.state.engineDir} is left behind`);
        }
    } finally {
        cleanup(run.pids);
    }
    return title;
}

async function staleCase() {
    const title = 'after start.mjs is killed with SIGKILL, the next npm start stops the engine it left (by its pid files)';
    const stateFile = path.join(dir, 'stale.json');
    const first = await startNpm(stateFile);
    let second;
    try {
        // nothing can clean up after SIGKILL: start.mjs and npm die at once
        process.kill(first.pids['start.mjs'], 'SIGKILL');
        process.kill(first.pids.npm, 'SIGKILL');
        await gone({ start: first.pids['start.mjs'] }, 5_000);
        second = await startNpm(stateFile);
        const leftovers = Object.fromEntries(Object.entries(first.pids).filter(([n]) => n !== 'npm' && n !== 'start.mjs'));
        const { left } = await gone(leftovers, 5_000);
        if (left.length) {
            throw new Error(`${title}: the first run's ${left.map(([n, p]) => `${n} ${p}`).join(', ')} still run`);
        }
        if (fs.existsSync(first.state.engineDir)) {
            throw new Error(`${title}: the first run's engine folder ${first.state.engineDir} is still there`);
        }
        if (!/earlier run .* was killed without cleaning up/.test(second.output()) && !/left by an earlier run/.test(second.output())) {
            throw new Error(`${title}: the second start did not say it stopped the earlier run's engine:\n${second.output().slice(0, 1500)}`);
        }
        process.kill(second.pids.npm, 'SIGTERM');
        const end = await gone(second.pids, GONE_MS);
        if (end.left.length) {
            throw new Error(`${title}: the second run left ${end.left.map(([n, p]) => `${n} ${p}`).join(', ')}`);
        }
    } finally {
        cleanup(first.pids);
        if (second) {
            cleanup(second.pids);
        }
    }
    return title;
}

const t0 = Date.now();
for (const c of CASES) {
    const t = Date.now();
    try {
        const title = c === 'SIGKILL' ? await staleCase() : await signalCase(c);
        results.passed++;
        results.tests.push({ title, state: 'passed', durationMs: Date.now() - t });
        log(`✓ ${title} (${Date.now() - t} ms)`);
    } catch (e) {
        if (e.cannotRun) {
            results.skipped++;
            results.skipReason = e.message;
            log(`- ${c}: ${e.message}`);
            if (process.env.CI === 'true') {
                results.failed++;
                results.failures.push({ title: c, error: e.message });
            }
            continue;
        }
        results.failed++;
        results.failures.push({ title: c, error: e.message });
        results.tests.push({ title: c, state: 'failed', durationMs: Date.now() - t });
        log(`✗ ${c}: ${e.message}`);
    }
}
fs.rmSync(dir, { recursive: true, force: true });
results.durationMs = Date.now() - t0;
results.figures.forEach((f) => log(f));
log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped in ${results.durationMs} ms`);
fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));
process.exitCode = results.failed ? 1 : 0;
