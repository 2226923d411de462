// Runs one mocha layer (unit | docker) on plain Node and writes test-results/<layer>.json.
// Usage: node scripts/run-mocha.mjs <layer> [--timeout ms] [--grep PATTERN]
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Mocha = require('mocha');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const layer = process.argv[2];
const timeoutArg = process.argv.indexOf('--timeout');
const timeout = timeoutArg > 0 ? Number(process.argv[timeoutArg + 1]) : layer === 'unit' ? 5000 : 60000;

function files(dir) {
    let out = [];
    let entries = [];
    try {
        entries = readdirSync(dir);
    } catch {
        return out;
    }
    for (const e of entries.sort()) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) {
            out = out.concat(files(p));
        } else if (e.endsWith('.test.js')) {
            out.push(p);
        }
    }
    return out;
}

const started = Date.now();
const grepArg = process.argv.indexOf('--grep');
const mocha = new Mocha({ timeout, reporter: 'spec', color: process.stdout.isTTY, ...(grepArg > 0 ? { grep: process.argv[grepArg + 1] } : {}) });
const found = files(join(root, 'out', 'test', layer));
found.forEach((f) => mocha.addFile(f));
const failures = [];
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

function write(stats, extra = {}) {
    const result = {
        layer,
        passed: stats.passes ?? 0,
        failed: stats.failures ?? 0,
        skipped: stats.pending ?? 0,
        skipReason: null,
        durationMs: Date.now() - started,
        failures,
        ...extra,
    };
    writeFileSync(join(resultsDir, `${layer}.json`), JSON.stringify(result, null, 2));
    return result;
}

if (!found.length) {
    write({ passes: 0, failures: 1 }, { failures: [{ title: layer, error: `no test files under out/test/${layer} (did tsc run?)` }] });
    console.error(`run-mocha: no test files for layer ${layer}`);
    process.exit(1);
}

const runner = mocha.run((failed) => {
    const result = write(runner.stats);
    process.exitCode = failed ? 1 : 0;
    if (result.skipped && process.env.CI === 'true') {
        console.error(`run-mocha: ${result.skipped} test(s) skipped in CI — nothing may be skipped in CI`);
        process.exitCode = 1;
    }
});
runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String(err?.message ?? err) }));
