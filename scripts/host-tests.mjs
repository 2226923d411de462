#!/usr/bin/env node
// The extension-host test layer: runs out/test/host/index.js (mocha) inside a real VS Code —
// code-server on loopback, opened by Debian's Chromium through playwright-core — and writes
// test-results/host.json. See /work/shared/RECIPES.md §3–4.
//
//   node scripts/host-tests.mjs [--grep PATTERN]       (needs `node scripts/build.mjs` and `npx tsc -p .` first)
//
// Env read: DOCKER_HOST (passed on to the extension host; when unset, a private engine is started
// with scripts/engine.mjs unless DL_NO_ENGINE=1), CI (=true: cannot-run is a failure, not a skip),
// DL_HOST_TIMEOUT_MS (default 420000), DL_EXTENSION_PATH (extension folder, default the repo), DL_CACHE_DIR (code-server cache base), DL_KEEP_TMP=1 (keep
// code-server's temp folder), DL_HEADFUL=1 (show the browser), DL_HOST_GREP (run only the tests matching it).
// Exit code 0 when nothing failed, 1 otherwise.
import fs from 'node:fs';
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'test-results', 'host.json');
/** `--grep PATTERN`: only the host tests whose full title matches (mocha's grep). */
const GREP = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : process.env.DL_HOST_GREP || undefined;
const WORKSPACE = path.join(ROOT, 'sample-workspace');
const TESTS = path.join(ROOT, 'out', 'test', 'host', 'index.js');
// The extension under test (default: this repository). E.g. an unpacked VSIX.
const EXTENSION = path.resolve(process.env.DL_EXTENSION_PATH || ROOT);
const TIMEOUT_MS = Number(process.env.DL_HOST_TIMEOUT_MS) || 420_000;

const t0 = Date.now();
const log = (m) => console.log(`[host] ${m}`);
const timings = {};
const results = layerResults({ layer: 'host', file: RESULTS, log, startedAt: t0 });

async function main(guard) {
    fs.rmSync(RESULTS, { force: true });
    const why = browserUnavailableReason();
    if (why) return results.cannotRun(why);
    if (!fs.existsSync(TESTS)) return results.fail('host layer', `${path.relative(ROOT, TESTS)} is missing: compile the tests first (npx tsc -p .).`);
    if (!fs.existsSync(path.join(EXTENSION, 'dist', 'extension.js'))) {
        return results.fail('host layer', 'dist/extension.js is missing: build the extension first (node scripts/build.mjs).');
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

    let server;
    try {
        const eng = await dockerHostForTests({ root: ROOT, log });
        if (eng.engine) await guard.add(() => eng.engine.stop());
        if (eng.engineStartMs) timings.engineStartMs = eng.engineStartMs;

        t = Date.now();
        server = await startCodeServer({
            workspace: WORKSPACE,
            binary: bin,
            log,
            env: { DOCKER_HOST: eng.dockerHost, DL_TEST_RESULTS: RESULTS, ...(GREP ? { DL_HOST_GREP: GREP } : {}) },
        });
        await guard.add(() => server.stop());
        const serverStarted = t;
        timings.codeServerHealthzMs = Date.now() - t;

        t = Date.now();
        const browser = await launchBrowser({ log });
        await guard.add(() => browser.close());
        timings.browserStartMs = Date.now() - t;
        const { page } = browser;

        const pageErrors = [];
        page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
        page.on('console', (msg) => {
            // The extension host's console is forwarded to the page; show the suite's own lines.
            const text = msg.text();
            const i = text.indexOf('[host-tests]');
            if (i >= 0) console.log(`[host:exthost] ${text.slice(i + '[host-tests] '.length)}`);
        });

        let settle;
        const exited = new Promise((r) => (settle = r));
        // Must exist before the page loads: the workbench calls it when run() settles.
        await page.exposeFunction('codeAutomationExit', (code, logs) => settle({ code, logs }));
        const url = workbenchUrl({ url: server.url, port: server.port, workspace: WORKSPACE, extensionPath: EXTENSION, testsPath: TESTS });
        t = Date.now();
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT_MS }).then(
            () => (timings.workbenchVisibleMs = Date.now() - t),
            () => {},
        );

        let timer;
        const timeout = new Promise((r) => (timer = setTimeout(() => r({ timedOut: true }), TIMEOUT_MS)));
        const verdict = await Promise.race([exited, timeout, guard.whenInterrupted.then((sig) => ({ interrupted: sig }))]);
        clearTimeout(timer);
        if (verdict.interrupted) {
            return results.fail('host layer', `interrupted by ${verdict.interrupted}`);
        }
        if (!verdict.timedOut) timings.gotoToExitMs = Date.now() - t;

        let inner;
        try {
            inner = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
        } catch {
            inner = undefined;
        }
        if (inner?.startedAt) timings.codeServerStartToMochaMs = inner.startedAt - serverStarted;
        if (inner?.durationMs !== undefined) timings.mochaMs = inner.durationMs;
        const extra = { host: inner?.host, notes: inner?.notes ?? [], tests: inner?.tests ?? [] };

        if (verdict.timedOut) {
            const msg =
                `the suite did not finish within ${TIMEOUT_MS / 1000} s (no codeAutomationExit from the workbench` +
                (inner ? '' : '; the suite never wrote its results, so the test runner probably never started') +
                `). Page errors: ${pageErrors.slice(-3).join(' | ') || 'none'}. code-server log tail:\n` +
                server.logs().split('\n').slice(-15).join('\n');
            return summary(results.write({
                passed: inner?.passed ?? 0,
                failed: (inner?.failed ?? 0) + 1,
                skipped: inner?.skipped ?? 0,
                failures: [...(inner?.failures ?? []), { title: 'host suite', error: msg }],
                extra,
            }));
        }
        if (!inner) {
            return summary(results.write({
                failed: 1,
                failures: [{
                    title: 'host suite',
                    error: `the workbench ended the run with code ${verdict.code} but the suite wrote no results ` +
                        `(could the test module not be loaded?): ${String(verdict.logs ?? '').slice(0, 2000)}`,
                }],
                extra,
            }));
        }
        const failures = [...inner.failures];
        let failed = inner.failed;
        if (verdict.code !== 0 && failed === 0) {
            failed = 1;
            failures.push({ title: 'host suite', error: `run() rejected (exit code ${verdict.code}) without a failed test` });
        }
        const skipReason = inner.skipped ? (inner.skipReasons ?? []).join(' ') || null : null;
        return summary(results.write({ passed: inner.passed, failed, skipped: inner.skipped, skipReason, failures, extra }));
    } catch (e) {
        return results.fail('host layer', guard.interrupted ? `interrupted by ${guard.interrupted}` : e.stack || e.message);
    } finally {
        t = Date.now();
        await guard.closeAll();
        timings.stopMs = Date.now() - t;
        log(`timings: ${Object.entries(timings).map(([k, v]) => `${k}=${v}`).join(' ')} total=${Date.now() - t0}ms`);
        results.amend({ timings });
    }
}

function summary(r) {
    for (const f of r.failures) log(`✗ ${f.title}\n${f.error}`);
    log(`${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
    return r.failed ? 1 : 0;
}

runGuarded(main, { log }).then(
    (code) => process.exit(code),
    (e) => {
        console.error(e);
        process.exit(1);
    },
);
