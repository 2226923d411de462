/**
 * scripts/setup.mjs, the one list of Debian packages: a missing package as a non-root user stops
 * `setup` and `npm start` within seconds with the exact command; as root it is installed (simulated:
 * DL_SETUP_FAKE_UID / DL_SETUP_FAKE_MISSING replace the uid and dpkg lookups, and apt-get); `.ci/run`
 * keeps no list of its own; the README names every package. Also the install progress of code-server
 * (scripts/install-progress.mjs) read from an install log captured on this machine.
 */
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES_DIR, REPO_ROOT } from './helpers';

function node(args: string[], env: Record<string, string> = {}) {
    const t = Date.now();
    const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });
    return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout, ms: Date.now() - t };
}

function groups(): Record<string, { why: string; packages: string[] }> {
    const r = node(['--input-type=module', '-e', "const m = await import('./scripts/setup.mjs'); console.log(JSON.stringify(m.GROUPS))"]);
    assert.equal(r.status, 0, r.out);
    return JSON.parse(r.stdout) as Record<string, { why: string; packages: string[] }>;
}

describe('setup: the Debian packages each layer needs (scripts/setup.mjs)', function () {
    this.timeout(30_000);

    it('knows every package CI used to list, in its groups (engines has podman, openssh-server, openssh-client, openssl)', () => {
        const g = groups();
        const all = Object.values(g).flatMap((x) => x.packages);
        for (const p of ['python3', 'make', 'g++', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep', 'docker.io', 'docker-registry', 'busybox-static', 'gcc', 'libc6-dev', 'chromium', 'fonts-nanum', 'curl', 'ca-certificates', 'iproute2']) {
            assert.ok(all.includes(p), `${p} is in a group`);
        }
        assert.deepEqual(g.engines.packages, ['podman', 'openssh-server', 'openssh-client', 'openssl']);
        for (const [name, x] of Object.entries(g)) {
            assert.ok(x.why.length > 10, `${name} says why`);
        }
    });

    it('not root and a package missing: exits 1 at once with the exact sudo apt-get command', () => {
        const r = node(['scripts/setup.mjs', '--for', 'start'], { DL_SETUP_FAKE_UID: '1000', DL_SETUP_FAKE_MISSING: 'python3,libkrb5-dev' });
        assert.equal(r.status, 1, r.out);
        assert.ok(r.ms < 5_000, `stopped in ${r.ms} ms`);
        assert.match(r.out, /missing Debian packages: python3 libkrb5-dev/);
        assert.match(r.out, /^ {4}sudo apt-get update && sudo apt-get install -y python3 libkrb5-dev$/m);
        assert.match(r.out, /for code-server: python3 libkrb5-dev \(its native modules/);
    });

    it('as root it installs what is missing, one line per group saying what and why', () => {
        const r = node(['scripts/setup.mjs'], { DL_SETUP_FAKE_UID: '0', DL_SETUP_FAKE_MISSING: 'ripgrep,chromium,podman' });
        assert.equal(r.status, 0, r.out);
        const lines = r.out.split('\n').filter((l) => l.startsWith('[setup] installing '));
        assert.deepEqual(
            lines.map((l) => /^\[setup\] installing (.+?) for ([\w-]+): .{10,}$/.exec(l)?.slice(1, 3).join(' for ')),
            ['ripgrep for code-server', 'chromium for browser', 'podman for engines'],
        );
        assert.match(r.out, /installed 3 package\(s\)/);
    });

    it('nothing missing: says so and exits 0; --check never installs', () => {
        assert.equal(node(['scripts/setup.mjs', '--for', 'e2e'], { DL_SETUP_FAKE_UID: '1000', DL_SETUP_FAKE_MISSING: 'podman' }).status, 0, 'podman is not needed by e2e');
        const check = node(['scripts/setup.mjs', '--check'], { DL_SETUP_FAKE_UID: '0', DL_SETUP_FAKE_MISSING: 'fonts-nanum' });
        assert.equal(check.status, 1, check.out);
        assert.doesNotMatch(check.out, /installing/);
        assert.match(check.out, /apt-get install -y fonts-nanum/);
    });

    it('npm start (scripts/start.mjs), not root, code-server not installed, python3 missing: stops within seconds before building', () => {
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-setup-test-'));
        try {
            const r = node(['scripts/start.mjs'], { DL_SETUP_FAKE_UID: '1000', DL_SETUP_FAKE_MISSING: 'python3', DL_FORCE_CODE_SERVER: '1', DL_CACHE_DIR: cache, DOCKER_HOST: 'unix:///nonexistent.sock' });
            assert.equal(r.status, 1, r.out);
            assert.ok(r.ms < 10_000, `stopped in ${r.ms} ms`);
            assert.match(r.out, /\[start\] missing Debian packages: python3\n/);
            assert.match(r.out, /sudo apt-get update && sudo apt-get install -y python3$/m);
            assert.doesNotMatch(r.out, /esbuild|code-server: installing/, 'it stopped before building or installing');
        } finally {
            fs.rmSync(cache, { recursive: true, force: true });
        }
    });

    it('npm test (scripts/test-all.mjs), not root, chromium missing: the e2e layer stops at once; the unit layer needs nothing', () => {
        const r = node(['scripts/test-all.mjs', '--only', 'e2e'], { DL_SETUP_FAKE_UID: '1000', DL_SETUP_FAKE_MISSING: 'chromium' });
        assert.equal(r.status, 1, r.out);
        assert.ok(r.ms < 5_000, `stopped in ${r.ms} ms`);
        assert.match(r.out, /sudo apt-get install -y chromium$/m);
        assert.doesNotMatch(r.out, /=== build/, 'before building');
        const groups = node(['--input-type=module', '-e', "const m = await import('./scripts/setup.mjs'); console.log(JSON.stringify([m.groupsFor(['unit']), m.groupsFor(['start']), m.groupsFor(['e2e'])]))"]);
        assert.deepEqual(JSON.parse(groups.stdout), [[], ['code-server', 'engine'], ['code-server', 'engine', 'browser', 'fonts', 'ssh']]);
    });

    it('.ci/run keeps no package list of its own: it calls scripts/setup.mjs', () => {
        const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
        assert.match(ci, /^node scripts\/setup\.mjs\b/m);
        assert.doesNotMatch(ci, /apt-get install/);
        for (const p of Object.values(groups()).flatMap((x) => x.packages)) {
            assert.ok(!new RegExp(`(^|\\s)${p.replace(/[.+]/g, '\\$&')}(\\s|$)`, 'm').test(ci.replace(/^#.*$/gm, '')), `.ci/run does not name ${p}`);
        }
    });

    it('the README names every package in its requirements table', () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
        for (const p of Object.values(groups()).flatMap((x) => x.packages)) {
            assert.ok(readme.includes(`\`${p}\``) || new RegExp(`[ \`]${p.replace(/[.+]/g, '\\$&')}[ \`,]`).test(readme), `README names ${p}`);
        }
    });
});

describe('setup: code-server install progress (scripts/install-progress.mjs)', function () {
    this.timeout(30_000);

    it('reads the build steps from a real install log: 13 steps, native modules named', () => {
        const r = node(['scripts/install-progress.mjs', '--replay', path.join(FIXTURES_DIR, 'code-server-install.log')]);
        assert.equal(r.status, 0, r.out);
        const lines = r.stdout.trim().split('\n');
        assert.equal(lines.length, 13, r.stdout);
        assert.equal(lines[0], 'building 1/13: argon2 — password hashing (prebuilt or built)');
        assert.match(lines[9], /^building 10\/13: node-pty — terminals, node-gyp$/);
        assert.equal(lines[11], 'building 12/13: node-pty postinstall — terminals');
        assert.equal(lines[12], 'building 13/13: vscode-extensions postinstall — built-in extensions');
    });

    it('the download step: manifests, then tarballs (fetched or from npm\'s cache) as a percentage, then unpacking', () => {
        const script = [
            "const m = await import('./scripts/install-progress.mjs');",
            "const log = (k, n) => Array.from({ length: n }, (_, i) => `npm http fetch GET 200 https://registry.npmjs.org/${k}${i}${k === 't' ? '/-/x-1.0.0.tgz' : ''} 5ms`).join('\\n');",
            "console.log(JSON.stringify([m.downloadLine(''), m.downloadLine(log('m', 40), 0), m.downloadLine(log('m', 40) + '\\n' + log('t', 43), 0), m.downloadLine(log('t', 215), 89), m.downloadLine(log('t', 215), 178), m.downloadLine(log('m', 3) + '\\nnpm http cache a@https://registry.npmjs.org/a/-/a-1.0.0.tgz 1ms (cache hit)', 178)]));",
        ].join('\n');
        const r = node(['--input-type=module', '-e', script]);
        assert.equal(r.status, 0, r.out);
        assert.deepEqual(JSON.parse(r.stdout), [null, 'resolving dependencies: 22 % (40/182 package manifests)', 'fetching package tarballs: 20 % (43/215)', 'unpacking: 50 % (89/178 packages)', 'all 178 package folders made; npm is writing their files', 'fetching package tarballs: 0 % (1/215)']);
    });
});
