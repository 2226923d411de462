#!/usr/bin/env node
// The end-to-end layer: a person's view of the extension. Starts code-server (the repository loaded
// as a development extension through the URL payload, no test module) and Chromium once, then runs
// out/test/e2e/**/*.test.js with mocha (tdd ui) on plain Node; the tests drive the page through
// test/e2e/harness.ts. Writes test-results/e2e.json and screenshots under test-results/screenshots/.
//
//   node scripts/e2e.mjs [--grep PATTERN] [--update-docs]   (needs `node scripts/build.mjs` and `npx tsc -p .` first)
//   --update-docs copies the README's screenshots to docs/screenshots/ when nothing failed.
//
// Env read: DOCKER_HOST (for the extension host; when unset, a private engine is started with
// scripts/engine.mjs unless DL_NO_ENGINE=1), CI (=true: cannot-run is a failure, not a skip),
// DL_E2E_TIMEOUT_MS (per test, default 60000), DL_CACHE_DIR, DL_KEEP_TMP=1, DL_HEADFUL=1.
// Tests may start a second code-server (e.g. in Korean) with globalThis.__dlE2E.startServer().
// An sshd and a TLS front before the engine (scripts/e2e-remote.mjs, ~1.3 s) give the extension host
// docker contexts over SSH and TLS, with its own HOME (~/.ssh/known_hosts, ~/.docker) and SSH_AUTH_SOCK.
// Exit code 0 when nothing failed, 1 otherwise.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    CODE_SERVER_VERSION,
    browserUnavailableReason,
    dockerHostForTests,
    ensureCodeServer,
    launchBrowser,
    layerResults,
    runGuarded,
    startCodeServer,
    workbenchUrl,
} from './codeserver.mjs';
import { startRemoteEndpoints } from './e2e-remote.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const RESULTS = path.join(RESULTS_DIR, 'e2e.json');
const WORKSPACE = path.join(ROOT, 'sample-workspace');
const TEST_DIR = path.join(ROOT, 'out', 'test', 'e2e');
const TEST_TIMEOUT_MS = Number(process.env.DL_E2E_TIMEOUT_MS) || 60_000;

const t0 = Date.now();
const log = (m) => console.log(`[e2e] ${m}`);
const timings = {};
const results = layerResults({ layer: 'e2e', file: RESULTS, log, startedAt: t0 });

function testFiles(dir) {
    let out = [];
    let entries = [];
    try {
        entries = fs.readdirSync(dir).sort();
    } catch {
        return out;
    }
    for (const e of entries) {
        const p = path.join(dir, e);
        if (fs.statSync(p).isDirectory()) out = out.concat(testFiles(p));
        else if (e.endsWith('.test.js')) out.push(p);
    }
    return out;
}

// The screenshots the README shows (docs/screenshots/<doc>.png), refreshed by `--update-docs` after
// a run in which nothing failed, from test-results/screenshots/<from>.png.
const DOC_SCREENSHOTS = [
    { doc: 'sidebar' },
    { doc: 'containers' },
    { doc: 'images' },
    { doc: 'lesson-hello-world', from: 'lesson-hello-world-light' },
    { doc: 'lesson-hello-world-ko' },
    { doc: 'explain-beside' },
    { doc: 'hover' },
    { doc: 'lesson-cgroups', from: 'lesson-cgroups-light' },
    { doc: 'lesson-cgroups-dark' },
    { doc: 'lesson-namespaces-ko' },
    { doc: 'containers-ko' },
    { doc: 'completion' },
    { doc: 'teaching-diagnostic' },
];

function updateDocScreenshots(r) {
    if (r.failed) {
        log('--update-docs: not updating docs/screenshots/, a test failed');
        return;
    }
    const from = path.join(RESULTS_DIR, 'screenshots');
    const to = path.join(ROOT, 'docs', 'screenshots');
    fs.mkdirSync(to, { recursive: true });
    for (const { doc, from: name = doc } of DOC_SCREENSHOTS) {
        const src = path.join(from, `${name}.png`);
        if (fs.existsSync(src)) {
            fs.copyFileSync(src, path.join(to, `${doc}.png`));
            log(`--update-docs: docs/screenshots/${doc}.png from ${name}.png (${Math.round(fs.statSync(src).size / 1024)} KiB)`);
        } else {
            log(`--update-docs: no ${name}.png from this run (docs/screenshots/${doc}.png left as it was)`);
        }
    }
}

function runMocha(files) {
    const Mocha = require('mocha');
    const grepIdx = process.argv.indexOf('--grep');
    const mocha = new Mocha({
        ui: 'tdd',
        timeout: TEST_TIMEOUT_MS,
        reporter: 'spec',
        color: process.stdout.isTTY,
        ...(grepIdx > 0 ? { grep: process.argv[grepIdx + 1] } : {}),
    });
    files.forEach((f) => mocha.addFile(f));
    const r = { passed: 0, failed: 0, skipped: 0, failures: [], tests: [] };
    return new Promise((resolve) => {
        const runner = mocha.run(() => resolve(r));
        runner.on('pass', (t) => {
            r.passed++;
            r.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
        });
        runner.on('fail', (t, err) => {
            r.failed++;
            r.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err?.message ?? err) });
            r.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration });
        });
        runner.on('pending', (t) => {
            r.skipped++;
            r.tests.push({ title: t.fullTitle(), state: 'pending' });
        });
    });
}

async function main(guard) {
    fs.rmSync(RESULTS, { force: true });
    // screenshots are this run's only (so --update-docs never copies one left by an earlier run)
    fs.rmSync(path.join(RESULTS_DIR, 'screenshots'), { recursive: true, force: true });
    const why = browserUnavailableReason();
    if (why) return results.cannotRun(why);
    const files = testFiles(TEST_DIR);
    if (!files.length) return results.fail('e2e layer', `no *.test.js under ${path.relative(ROOT, TEST_DIR)}: compile the tests first (npx tsc -p .).`);
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
        return results.fail('e2e layer', 'dist/extension.js is missing: build the extension first (node scripts/build.mjs).');
    }

    let t = Date.now();
    let bin;
    try {
        bin = await ensureCodeServer({ log });
    } catch (e) {
        if (guard.interrupted) throw e;
        return results.cannotRun(`code-server ${CODE_SERVER_VERSION} could not be installed: ${e.message}`);
    }
    timings.ensureCodeServerMs = Date.now() - t;

    try {
        const eng = await dockerHostForTests({ root: ROOT, log });
        if (eng.engine) await guard.add(() => eng.engine.stop());
        if (eng.engineStartMs) timings.engineStartMs = eng.engineStartMs;

        // the remote engines come before code-server: its extension host needs their HOME and agent
        let remote = { reason: 'no Docker engine, so no remote engines in front of it.' };
        if (eng.dockerHost) {
            remote = await startRemoteEndpoints({ dockerHost: eng.dockerHost, log });
            if (remote.stop) await guard.add(() => remote.stop());
            if (remote.startMs) timings.remoteStartMs = remote.startMs;
            if (remote.reason) log(remote.reason);
        }
        const serverEnv = { DOCKER_HOST: eng.dockerHost, ...remote.env };

        t = Date.now();
        const server = await startCodeServer({ workspace: WORKSPACE, binary: bin, log, env: serverEnv });
        await guard.add(() => server.stop());
        timings.codeServerHealthzMs = Date.now() - t;
        t = Date.now();
        const browser = await launchBrowser({ log });
        await guard.add(() => browser.close());
        timings.browserStartMs = Date.now() - t;
        // launchBrowser opens one blank tab; tests open their own tabs with openWorkbench().

        globalThis.__dlE2E = {
            url: server.url,
            port: server.port,
            root: ROOT,
            workspace: WORKSPACE,
            context: browser.context,
            screenshotsDir: path.join(RESULTS_DIR, 'screenshots'),
            dockerHost: eng.dockerHost,
            // the docker contexts over SSH and TLS the extension host can choose, or why there are none
            remote: remote.info ?? { unavailable: remote.reason },
            // the first code-server's settings files, user and (for a machine-scoped setting written
            // from this remote window) machine: a teardown can undo a setting a test left
            settingsFiles: ['User', 'Machine'].map((d) => path.join(server.dirs.userData, d, 'settings.json')),
            workbenchUrl: ({ workspace, extensionPath } = {}) =>
                workbenchUrl({ url: server.url, port: server.port, workspace: workspace ?? WORKSPACE, extensionPath }),
            log: (m) => log(m),
            skipReasons: [],
            // Another code-server on the same engine, e.g. with a display language: {locale: 'ko'}
            // passes --locale and records a (translation-less) language pack for it, without which
            // code-server stays in English. Stopped by stop() or when the run ends.
            startServer: async ({ locale } = {}) => {
                const t1 = Date.now();
                const extra = await startCodeServer({
                    workspace: WORKSPACE,
                    binary: bin,
                    log,
                    env: serverEnv,
                    ...(locale ? { args: ['--locale', locale], languagePack: locale } : {}),
                });
                await guard.add(() => extra.stop());
                log(`second code-server${locale ? ` (--locale ${locale})` : ''} up in ${Date.now() - t1} ms`);
                return {
                    url: extra.url,
                    port: extra.port,
                    workbenchUrl: ({ workspace, extensionPath } = {}) =>
                        workbenchUrl({ url: extra.url, port: extra.port, workspace: workspace ?? WORKSPACE, extensionPath }),
                    stop: () => extra.stop(),
                };
            },
        };

        t = Date.now();
        const r = await runMocha(files);
        timings.mochaMs = Date.now() - t;
        if (guard.interrupted) return results.fail('e2e layer', `interrupted by ${guard.interrupted}`);
        if (process.argv.includes('--update-docs')) updateDocScreenshots(r);
        const skipReason = r.skipped ? globalThis.__dlE2E.skipReasons.join(' ') || null : null;
        const out = results.write({ passed: r.passed, failed: r.failed, skipped: r.skipped, skipReason, failures: r.failures, extra: { tests: r.tests } });
        for (const f of out.failures) log(`✗ ${f.title}\n${f.error}`);
        log(`${out.passed} passed, ${out.failed} failed, ${out.skipped} skipped`);
        return out.failed ? 1 : 0;
    } catch (e) {
        return results.fail('e2e layer', guard.interrupted ? `interrupted by ${guard.interrupted}` : e.stack || e.message);
    } finally {
        t = Date.now();
        await guard.closeAll();
        timings.stopMs = Date.now() - t;
        log(`timings: ${Object.entries(timings).map(([k, v]) => `${k}=${v}`).join(' ')} total=${Date.now() - t0}ms`);
        results.amend({ timings });
    }
}

runGuarded(main, { log }).then(
    (code) => process.exit(code),
    (e) => {
        console.error(e);
        process.exit(1);
    },
);
