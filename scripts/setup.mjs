#!/usr/bin/env node
// The one place that knows which Debian packages each part of `npm start` / `npm test` needs.
//
//   node scripts/setup.mjs                 every group (what CI installs); `npm run setup`
//   node scripts/setup.mjs --for start     only what `npm start` needs here
//   node scripts/setup.mjs --for host,e2e  only what those test layers need
//   node scripts/setup.mjs --check         say what is missing, install nothing (exit 1 if anything is)
//
// It asks dpkg-query what is installed. When something is missing: as root with apt-get it installs
// it (one line per group: what and why); otherwise it prints the exact `sudo apt-get install …`
// command and exits 1 at once. `.ci/run`, `npm start` (scripts/start.mjs) and `npm test`
// (scripts/test-all.mjs) all call this file; nothing else keeps a package list.
// Uses no npm package (CI runs it before `npm ci`).
//
// For tests (no real apt, no root): DL_SETUP_FAKE_UID=1000 and DL_SETUP_FAKE_MISSING=python3,ripgrep
// make the uid and dpkg lookups answer as if so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Package groups: what each is for. Keep in step with README.md ("System packages"). */
export const GROUPS = {
    'code-server': {
        why: 'its native modules (node-pty, kerberos, spdlog, native-watchdog) are built here with node-gyp; ripgrep replaces a download from GitHub',
        packages: ['python3', 'make', 'g++', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep'],
    },
    engine: {
        why: 'the private Docker engine (dockerd), its registry mirror, and the offline hello-world (gcc -static) and busybox images',
        packages: ['docker.io', 'docker-registry', 'busybox-static', 'gcc', 'libc6-dev'],
    },
    browser: {
        why: 'Chromium, which the host and e2e tests drive through playwright-core',
        packages: ['chromium'],
    },
    fonts: {
        why: 'Korean glyphs, so the Korean screenshots are readable',
        packages: ['fonts-nanum'],
    },
    engines: {
        why: 'more real engines to test against: Podman, an SSH endpoint, a TLS endpoint (throwaway certificates)',
        packages: ['podman', 'openssh-server', 'openssh-client', 'openssl'],
    },
    ssh: {
        why: 'an engine over SSH and one over TLS (throwaway keys and certificates) that the e2e tests choose in the endpoint chooser',
        packages: ['openssh-server', 'openssh-client', 'openssl'],
    },
    tools: {
        why: 'HTTPS downloads and network inspection on a bare machine (curl, CA certificates, ip/ss)',
        packages: ['curl', 'ca-certificates', 'iproute2'],
    },
};

/** Which groups each command or test layer needs. */
export const NEEDS = {
    start: ['code-server', 'engine'],
    unit: [],
    faults: ['engine'],
    docker: ['engine'],
    host: ['engine', 'code-server', 'browser'],
    e2e: ['engine', 'code-server', 'browser', 'fonts', 'ssh'],
    engines: ['engine', 'engines'],
    all: Object.keys(GROUPS),
};

/** The groups that `targets` (names from NEEDS or GROUPS) need, in GROUPS order. */
export function groupsFor(targets) {
    const want = new Set();
    for (const t of targets) {
        const g = NEEDS[t] ?? (GROUPS[t] ? [t] : undefined);
        if (!g) {
            throw new Error(`setup: unknown target "${t}" (known: ${[...new Set([...Object.keys(NEEDS), ...Object.keys(GROUPS)])].join(', ')})`);
        }
        g.forEach((x) => want.add(x));
    }
    return Object.keys(GROUPS).filter((g) => want.has(g));
}

/** The real lookups, replaceable in tests. */
export function systemProbe(env = process.env) {
    const fakeMissing = env.DL_SETUP_FAKE_MISSING;
    const gone = new Set((fakeMissing ?? '').split(',').filter(Boolean));
    return {
        /** In a simulation, "apt-get install" only marks the packages installed. */
        fakeApt:
            fakeMissing === undefined
                ? undefined
                : async (packages) => {
                      packages.forEach((p) => gone.delete(p));
                      return { ok: true };
                  },
        uid: env.DL_SETUP_FAKE_UID !== undefined ? Number(env.DL_SETUP_FAKE_UID) : process.getuid?.(),
        hasDpkg: fakeMissing !== undefined || onPath('dpkg-query'),
        hasApt: fakeMissing !== undefined ? true : onPath('apt-get'),
        /** The subset of `packages` that is not installed. */
        missing(packages) {
            if (fakeMissing !== undefined) {
                return packages.filter((p) => gone.has(p));
            }
            const r = spawnSync('dpkg-query', ['-W', '-f=${Package}\t${db:Status-Abbrev}\n', ...packages], { encoding: 'utf8' });
            const installed = new Set(
                (r.stdout ?? '')
                    .split('\n')
                    .map((l) => l.split('\t'))
                    .filter(([, status]) => status?.startsWith('ii'))
                    .map(([name]) => name.split(':')[0]),
            );
            return packages.filter((p) => !installed.has(p));
        },
    };
}

function onPath(cmd) {
    return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
}

/**
 * What is missing for `groups`: [{group, why, packages}] (only groups with something missing).
 */
export function missingGroups(groups, probe) {
    return groups.map((g) => ({ group: g, why: GROUPS[g].why, packages: probe.missing(GROUPS[g].packages) })).filter((m) => m.packages.length);
}

/** The exact command a person runs. */
export function installCommand(packages, { root = false } = {}) {
    return `${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
}

/**
 * Makes sure the packages of `groups` are installed. Resolves to {ok, missing, installed, ms, message}.
 * `ok` is false (and `message` says what to run) when something is missing and cannot be installed here.
 * `optional` groups are reported but never make it fail.
 */
export async function ensureSystemPackages(groups, { probe = systemProbe(), log = (m) => console.log(`[setup] ${m}`), install = true, optional = [], apt = probe.fakeApt ?? runApt } = {}) {
    const t0 = Date.now();
    if (!probe.hasDpkg) {
        const all = groups.flatMap((g) => GROUPS[g].packages);
        log(`not a Debian-like system (no dpkg-query): cannot check packages. ${all.length ? `This project is tested with Debian 12's ${all.join(' ')}.` : ''}`);
        return { ok: true, missing: [], installed: [], ms: Date.now() - t0, message: '' };
    }
    const missing = missingGroups(groups, probe);
    const needed = missing.filter((m) => !optional.includes(m.group));
    for (const m of missing.filter((x) => optional.includes(x.group))) {
        log(`not installed, optional here: ${m.packages.join(' ')} for ${m.group}: ${m.why}. To add them: ${installCommand(m.packages, { root: probe.uid === 0 })}`);
    }
    if (!needed.length) {
        return { ok: true, missing: [], installed: [], ms: Date.now() - t0, message: '' };
    }
    const packages = [...new Set(needed.flatMap((m) => m.packages))];
    if (install && probe.uid === 0 && probe.hasApt) {
        for (const m of needed) {
            log(`installing ${m.packages.join(' ')} for ${m.group}: ${m.why}`);
        }
        const r = await apt(packages, log);
        const still = missingGroups(
            needed.map((m) => m.group),
            probe,
        );
        if (!r.ok || still.length) {
            const message = `apt-get could not install ${still.flatMap((m) => m.packages).join(' ') || packages.join(' ')}${r.logFile ? ` (log: ${r.logFile})` : ''}`;
            return { ok: false, missing: still, installed: [], ms: Date.now() - t0, message };
        }
        log(`installed ${packages.length} package(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        return { ok: true, missing: [], installed: packages, ms: Date.now() - t0, message: '' };
    }
    const lines = [
        `missing Debian packages: ${packages.join(' ')}`,
        ...needed.map((m) => `  for ${m.group}: ${m.packages.join(' ')} (${m.why})`),
        probe.uid === 0 ? (probe.hasApt ? 'Install them with:' : 'No apt-get here; install the same packages with your package manager:') : 'Install them (this needs root) with:',
        '',
        `    ${installCommand(packages, { root: probe.uid === 0 })}`,
        '',
        'then run the command again. (`npm run setup` does the same as root.)',
    ];
    return { ok: false, missing: needed, installed: [], ms: Date.now() - t0, message: lines.join('\n') };
}

/** `apt-get update` + `apt-get install -y` as root, quiet; output to a log file shown on failure. */
async function runApt(packages, log) {
    const logFile = path.join(os.tmpdir(), `docker-lessons-apt-${process.pid}.log`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const step = (args) => {
        const out = fs.openSync(logFile, 'a');
        try {
            return spawnSync('apt-get', args, { env, stdio: ['ignore', out, out] }).status === 0;
        } finally {
            fs.closeSync(out);
        }
    };
    const t = Date.now();
    if (!step(['update', '-q'])) {
        log(`apt-get update failed after ${((Date.now() - t) / 1000).toFixed(1)} s:\n${tail(logFile)}`);
        return { ok: false, logFile };
    }
    if (!step(['install', '-y', '-q', ...packages])) {
        log(`apt-get install failed:\n${tail(logFile)}`);
        return { ok: false, logFile };
    }
    return { ok: true, logFile };
}

function tail(file, n = 30) {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
    } catch {
        return '';
    }
}

// CLI
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    const args = process.argv.slice(2);
    const forIdx = args.indexOf('--for');
    const targets = forIdx >= 0 ? (args[forIdx + 1] ?? '').split(',').filter(Boolean) : ['all'];
    const check = args.includes('--check');
    try {
        const groups = groupsFor(targets);
        const r = await ensureSystemPackages(groups, { install: !check });
        if (!r.ok) {
            console.error(`[setup] ${r.message}`);
            process.exit(1);
        }
        if (!r.installed.length) {
            console.log(`[setup] ${groups.length ? `all Debian packages for ${groups.join(', ')} are installed` : 'no Debian packages needed'} (${r.ms} ms)`);
        }
    } catch (e) {
        console.error(e.message);
        process.exit(2);
    }
}
