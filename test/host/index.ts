/**
 * The extension-host test entry (`extensionTestsPath`): runs every `out/test/host/**\/*.test.js`
 * with mocha inside the extension host, where the `vscode` API is real.
 *
 * Works in code-server (scripts/host-tests.mjs) and in desktop VS Code (@vscode/test-electron,
 * scripts/test-electron.mjs). Counts and failures go to the file named by `DL_TEST_RESULTS`
 * (or are printed when it is not set). `run()` rejects when a test failed, which the workbench
 * reports as a non-zero exit code (`codeAutomationExit` in the browser).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface HostTestResult {
    passed: number;
    failed: number;
    skipped: number;
    failures: { title: string; error: string }[];
    tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }[];
    /** Epoch ms when mocha started / finished (to measure host start-up from outside). */
    startedAt: number;
    finishedAt?: number;
    durationMs?: number;
    /** Lines the tests logged with `note()` (e.g. activation time). */
    notes: string[];
    /** Why tests were skipped (from `skipOrFail`). */
    skipReasons: string[];
    host: { uiKind: string; appHost: string; remoteName?: string; vscodeVersion: string };
}

function testFiles(dir: string): string[] {
    let out: string[] = [];
    let entries: string[] = [];
    try {
        entries = fs.readdirSync(dir).sort();
    } catch {
        return out;
    }
    for (const e of entries) {
        const p = path.join(dir, e);
        if (fs.statSync(p).isDirectory()) {
            out = out.concat(testFiles(p));
        } else if (e.endsWith('.test.js')) {
            out.push(p);
        }
    }
    return out;
}

function hostInfo(): HostTestResult['host'] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof import('vscode');
    return {
        uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
        appHost: vscode.env.appHost,
        remoteName: vscode.env.remoteName,
        vscodeVersion: vscode.version,
    };
}

function errorText(err: unknown): string {
    if (err instanceof Error) {
        return err.stack && err.stack.includes(err.message) ? err.stack : `${err.message}${err.stack ? `\n${err.stack}` : ''}`;
    }
    return String(err);
}

export function run(): Promise<void> {
    const resultsFile = process.env.DL_TEST_RESULTS;
    const result: HostTestResult = {
        passed: 0,
        failed: 0,
        skipped: 0,
        failures: [],
        tests: [],
        startedAt: Date.now(),
        notes: [],
        skipReasons: [],
        host: hostInfo(),
    };
    const write = () => {
        const text = JSON.stringify(result, null, 2);
        if (resultsFile) {
            fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
            fs.writeFileSync(resultsFile, text);
        } else {
            console.log(`[host-tests] results: ${text}`);
        }
    };
    // Tests can add lines to the results with this (see helpers.ts `note`).
    (globalThis as { __dlHostNotes?: string[] }).__dlHostNotes = result.notes;
    (globalThis as { __dlHostSkipReasons?: string[] }).__dlHostSkipReasons = result.skipReasons;

    // Our own listeners below print one plain line per test (the extension host's console is
    // forwarded to the page, where format strings and colours of the spec reporter get mangled).
    const mocha = new Mocha({ ui: 'tdd', timeout: 20_000, color: false, reporter: 'base', ...(process.env.DL_HOST_GREP ? { grep: process.env.DL_HOST_GREP } : {}) });
    const files = testFiles(__dirname);
    files.forEach((f) => mocha.addFile(f));
    console.log(`[host-tests] mocha started with ${files.length} file(s) in VS Code ${result.host.vscodeVersion} (${result.host.uiKind}, ${result.host.appHost})`);

    return new Promise<void>((resolve, reject) => {
        if (!files.length) {
            result.failed = 1;
            result.failures.push({ title: 'host suite', error: `no *.test.js files under ${__dirname}` });
            write();
            reject(new Error('no host tests found'));
            return;
        }
        let runner: Mocha.Runner;
        try {
            runner = mocha.run((failures) => {
                result.finishedAt = Date.now();
                result.durationMs = result.finishedAt - result.startedAt;
                console.log(`[host-tests] ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${result.durationMs} ms`);
                write();
                if (failures > 0) {
                    reject(new Error(`${failures} host test(s) failed`));
                } else {
                    resolve();
                }
            });
        } catch (e) {
            result.failed++;
            result.failures.push({ title: 'loading the host suite', error: errorText(e) });
            write();
            reject(e);
            return;
        }
        runner.on('pass', (t) => {
            console.log(`[host-tests] ✓ ${t.fullTitle()} (${t.duration} ms)`);
            result.passed++;
            result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
        });
        runner.on('fail', (t, err) => {
            console.log(`[host-tests] ✗ ${t.fullTitle()}: ${errorText(err)}`);
            result.failed++;
            result.failures.push({ title: t.fullTitle(), error: errorText(err) });
            result.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration });
        });
        runner.on('pending', (t) => {
            console.log(`[host-tests] - ${t.fullTitle()} (skipped)`);
            result.skipped++;
            result.tests.push({ title: t.fullTitle(), state: 'pending' });
        });
    });
}
