#!/usr/bin/env node
// The extension-host suite (out/test/host/index.js) in desktop VS Code via @vscode/test-electron —
// for machines that can download VS Code (it downloads into .vscode-test/). On this project's
// offline CI use scripts/host-tests.mjs (code-server) instead: same suite, same index.js.
//
//   npm run test:electron        (needs `node scripts/build.mjs` and `npx tsc -p .` first)
//
// Env read: DL_VSCODE_VERSION (default 1.100.3, the oldest VS Code engines.vscode allows; 'stable'
// and 'insiders' work too), DOCKER_HOST (when unset, a private engine is started with
// scripts/engine.mjs unless DL_NO_ENGINE=1), CI. On Linux without a display run it under xvfb-run.
// Writes test-results/electron.json (same shape as host.json).
// Exit codes: 0 passed, 1 failed, 2 VS Code could not be downloaded or started.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerHostForTests, layerResults } from './codeserver.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'test-results', 'electron.json');
const TESTS = path.join(ROOT, 'out', 'test', 'host', 'index.js');
const WORKSPACE = path.join(ROOT, 'sample-workspace');
const VERSION = process.env.DL_VSCODE_VERSION || '1.100.3';

const t0 = Date.now();
const log = (m) => console.log(`[electron] ${m}`);
const results = layerResults({ layer: 'electron', file: RESULTS, log, startedAt: t0 });

async function main() {
    fs.rmSync(RESULTS, { force: true });
    if (!fs.existsSync(TESTS)) return results.fail('electron layer', 'out/test/host/index.js is missing: compile the tests first (npx tsc -p .).');
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
        return results.fail('electron layer', 'dist/extension.js is missing: build the extension first (node scripts/build.mjs).');
    }
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
        log('warning: no DISPLAY; desktop VS Code needs one on Linux (run this under `xvfb-run -a`).');
    }
    const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');

    let exe;
    const t = Date.now();
    try {
        log(`downloading VS Code ${VERSION} (cached in .vscode-test/)…`);
        exe = await downloadAndUnzipVSCode({ version: VERSION, timeout: 15_000 });
        log(`VS Code ready in ${Date.now() - t} ms: ${exe}`);
    } catch (e) {
        const msg =
            `Could not download VS Code ${VERSION} (${e?.message ?? e}). @vscode/test-electron needs internet ` +
            `access to update.code.visualstudio.com. Offline, run the same suite in code-server instead: ` +
            `node scripts/host-tests.mjs`;
        console.error(`[electron] ${msg}`);
        results.write({ failed: 1, failures: [{ title: 'electron layer', error: msg }] });
        return 2;
    }

    const { dockerHost, engine } = await dockerHostForTests({ root: ROOT, log });
    try {
        const code = await runTests({
            vscodeExecutablePath: exe,
            extensionDevelopmentPath: ROOT,
            extensionTestsPath: TESTS,
            extensionTestsEnv: { DOCKER_HOST: dockerHost, DL_TEST_RESULTS: RESULTS },
            launchArgs: [WORKSPACE, '--disable-extensions', '--disable-workspace-trust'],
        });
        return finish(code);
    } catch (e) {
        // runTests rejects with a TestRunFailedError (exit code / signal) when VS Code exits non-zero,
        // e.g. because run() rejected after a failed test: the results file says which.
        if (e?.name === 'TestRunFailedError' || e?.constructor?.name === 'TestRunFailedError') {
            return finish(e.code ?? 1);
        }
        const msg = `VS Code did not run the tests: ${e?.message ?? e}`;
        console.error(`[electron] ${msg}`);
        results.write({ failed: 1, failures: [{ title: 'electron layer', error: msg }] });
        return 2;
    } finally {
        await engine?.stop();
    }
}

function finish(code) {
    let inner;
    try {
        inner = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
    } catch {
        inner = undefined;
    }
    if (!inner) {
        results.write({ failed: 1, failures: [{ title: 'electron layer', error: `VS Code exited ${code} and the suite wrote no results` }] });
        return 1;
    }
    const failures = [...(inner.failures ?? [])];
    let failed = inner.failed ?? 0;
    if (code !== 0 && failed === 0) {
        failed = 1;
        failures.push({ title: 'electron layer', error: `VS Code exited with code ${code}` });
    }
    const r = results.write({ passed: inner.passed, failed, skipped: inner.skipped, failures, extra: { host: inner.host, notes: inner.notes, tests: inner.tests } });
    for (const f of r.failures) log(`✗ ${f.title}\n${f.error}`);
    log(`${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
    return r.failed ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (e) => {
        console.error(e);
        process.exit(1);
    },
);
