// A real VS Code host for tests: code-server from npm (installed into a cache folder outside the
// repository), started on loopback in throwaway folders, plus Debian's Chromium driven by
// playwright-core. See /work/shared/RECIPES.md sections 3 and 4 for the measured facts behind this.
//
// Nothing here kills by name: code-server runs as the leader of its own process group (spawned
// detached = setsid), and stop() signals that group by its pid.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { watchPhase } from './install-progress.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = process.env.DL_CHROMIUM || '/usr/bin/chromium';

/** Flags measured to work for Debian's Chromium under playwright-core (RECIPES §3). */
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

// @vscode/ripgrep 1.15.11 (a dependency of code-server's VS Code) downloads ripgrep from GitHub
// unless this file is already in its cache folder (os.tmpdir()/vscode-ripgrep-cache-1.15.11).
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

// Packages whose install scripts code-server needs. npm 11 records approvals in `allowScripts`;
// in npm 11.19 unapproved scripts still run (with a warning), a later npm will skip them. We list
// them explicitly so the install keeps working when npm starts enforcing the policy.
const ALLOW_TOP = { 'code-server': true, argon2: true };
const ALLOW_VSCODE = {
    kerberos: true,
    'native-watchdog': true,
    'node-pty': true,
    '@parcel/watcher': true,
    '@vscode/deviceid': true,
    '@vscode/ripgrep': true,
    '@vscode/spdlog': true,
    '@vscode/windows-process-tree': true,
    '@vscode/windows-registry': true,
};
const ALLOW_VSCODE_EXTENSIONS = { '@parcel/watcher': true, esbuild: true };

/** Files that must exist after a good install (relative to the code-server package folder). */
const REQUIRED_FILES = [
    'out/node/entry.js',
    'lib/vscode/node_modules/node-pty/build/Release/pty.node',
    'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
    'lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
    'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
    'lib/vscode/node_modules.asar',
];

const noop = () => {};

/** The base cache folder: $DL_CACHE_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/docker-lessons. */
export function cacheBaseDir() {
    if (process.env.DL_CACHE_DIR) {
        return path.resolve(process.env.DL_CACHE_DIR);
    }
    const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    return path.join(xdg, 'docker-lessons');
}

/** Where code-server is installed: <cacheBaseDir()>/code-server-4.100.3. */
export function codeServerInstallDir() {
    return path.join(cacheBaseDir(), `code-server-${CODE_SERVER_VERSION}`);
}

function packageDir(installDir) {
    return path.join(installDir, 'node_modules', 'code-server');
}

function binPath(installDir) {
    return path.join(installDir, 'node_modules', '.bin', 'code-server');
}

function markerPath(installDir) {
    return path.join(installDir, '.installed.json');
}

function expectedMarker() {
    return {
        version: CODE_SERVER_VERSION,
        platform: process.platform,
        arch: process.arch,
        // Native modules are built for one Node ABI.
        nodeModulesAbi: process.versions.modules,
    };
}

function markerIsGood(installDir) {
    try {
        const m = JSON.parse(fs.readFileSync(markerPath(installDir), 'utf8'));
        const want = expectedMarker();
        for (const k of Object.keys(want)) {
            if (m[k] !== want[k]) return false;
        }
        return REQUIRED_FILES.every((f) => fs.existsSync(path.join(packageDir(installDir), f)));
    } catch {
        return false;
    }
}

function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        return e.code === 'EPERM';
    }
}

async function withLock(lockDir, log, fn) {
    const deadline = Date.now() + 15 * 60_000;
    for (;;) {
        try {
            await fsp.mkdir(lockDir);
            await fsp.writeFile(path.join(lockDir, 'pid'), String(process.pid));
            break;
        } catch (e) {
            if (e.code !== 'EEXIST') throw e;
            let owner = NaN;
            try {
                owner = Number(await fsp.readFile(path.join(lockDir, 'pid'), 'utf8'));
            } catch { /* being written or removed */ }
            if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
                log(`code-server: removing stale install lock of pid ${owner}`);
                await fsp.rm(lockDir, { recursive: true, force: true });
                continue;
            }
            if (Date.now() > deadline) throw new Error(`timed out waiting for install lock ${lockDir}`);
            await sleep(1000);
        }
    }
    try {
        return await fn();
    } finally {
        await fsp.rm(lockDir, { recursive: true, force: true });
    }
}

function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}

// npm installs run in their own process group (npm → node-gyp → make …) so that an interrupted
// run can end all of it; see abortInstalls().
const installGroups = new Set();

function run(cmd, args, { cwd, env, log, logFile }) {
    return new Promise((resolve, reject) => {
        const out = fs.openSync(logFile, 'a');
        fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
        const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
        if (child.pid) installGroups.add(child.pid);
        child.on('error', (e) => {
            fs.closeSync(out);
            reject(e);
        });
        child.on('exit', (code, signal) => {
            installGroups.delete(child.pid);
            fs.closeSync(out);
            if (code === 0) resolve();
            else {
                const tail = readTail(logFile, 40);
                log(tail);
                reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}); log: ${logFile}`));
            }
        });
    });
}

/** Ends a code-server install in progress (its npm process groups); the install then fails. */
export function abortInstalls() {
    for (const pid of installGroups) {
        try {
            process.kill(-pid, 'SIGTERM');
        } catch { /* gone */ }
    }
}

function readTail(file, lines) {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
        return '';
    }
}

async function makeRipgrepCache(tmpDir) {
    const target = RIPGREP_TARGETS[process.arch];
    if (!target) throw new Error(`no ripgrep cache recipe for arch ${process.arch}`);
    const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => fs.existsSync(p));
    if (!rg) throw new Error('ripgrep (/usr/bin/rg) is not installed: apt-get install ripgrep');
    const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
    await fsp.mkdir(cacheDir, { recursive: true });
    const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
    const stage = await fsp.mkdtemp(path.join(tmpDir, 'rg-'));
    await fsp.copyFile(rg, path.join(stage, 'rg'));
    await fsp.chmod(path.join(stage, 'rg'), 0o755);
    await new Promise((resolve, reject) => {
        const c = spawn('tar', ['-C', stage, '-czf', tarball, 'rg'], { stdio: 'inherit' });
        c.on('error', reject);
        c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited ${code}`))));
    });
    await fsp.rm(stage, { recursive: true, force: true });
    return tarball;
}

/** "215 packages in 17s" from npm's last "added … packages in …" line of the log. */
function countAdded(logFile) {
    const m = [...readTail(logFile, 20).matchAll(/added (\d+ packages? in \S+)/g)].pop();
    return m ? m[1] : 'done';
}

async function addAllowScripts(pkgJsonPath, allow) {
    const pkg = JSON.parse(await fsp.readFile(pkgJsonPath, 'utf8'));
    pkg.allowScripts = { ...(pkg.allowScripts || {}), ...allow };
    await fsp.writeFile(pkgJsonPath, JSON.stringify(pkg, null, 2) + '\n');
}

/** Is code-server already installed (and built for this Node) in the cache folder? */
export function codeServerInstalled() {
    return markerIsGood(codeServerInstallDir());
}

/**
 * Installs code-server@4.100.3 into the cache folder (once; a marker file makes reruns instant).
 * Returns the path of the code-server binary (`node_modules/.bin/code-server`).
 */
export async function ensureCodeServer({ log = noop } = {}) {
    if (process.platform !== 'linux') {
        throw new Error(`code-server recipe is for Linux only (this is ${process.platform})`);
    }
    const installDir = codeServerInstallDir();
    if (markerIsGood(installDir)) return binPath(installDir);

    const base = path.dirname(installDir);
    await fsp.mkdir(base, { recursive: true });
    return withLock(path.join(base, `.lock-code-server-${CODE_SERVER_VERSION}`), log, async () => {
        if (markerIsGood(installDir)) return binPath(installDir);
        const started = Date.now();
        log(`code-server: installing ${CODE_SERVER_VERSION} into ${installDir} (first run only, 4 steps; 1–2 minutes on an idle machine, longer on a busy one)`);
        const step = (k, what, t) => log(`code-server: [${k}/4] ${what}${t === undefined ? '' : ` (${((Date.now() - t) / 1000).toFixed(1)} s)`}`);
        const say = (line) => log(`code-server: ${line}`);

        const staging = `${installDir}.staging-${process.pid}`;
        await fsp.rm(staging, { recursive: true, force: true });
        await fsp.mkdir(staging, { recursive: true });
        const tmpDir = path.join(staging, '.tmp');
        await fsp.mkdir(tmpDir);
        const logFile = path.join(base, `code-server-${CODE_SERVER_VERSION}-install.log`);
        await fsp.writeFile(logFile, `install started ${new Date().toISOString()}\n`);
        try {
            let t = Date.now();
            const tarball = await makeRipgrepCache(tmpDir);
            step(1, `ripgrep: Debian's rg as the cached download, so nothing comes from GitHub: ${tarball}`, t);
            await fsp.writeFile(
                path.join(staging, 'package.json'),
                JSON.stringify(
                    {
                        name: 'docker-lessons-code-server',
                        private: true,
                        description: 'Test host for Docker Lessons (created by scripts/codeserver.mjs)',
                        allowScripts: ALLOW_TOP,
                    },
                    null,
                    2,
                ) + '\n',
            );
            const env = {
                ...process.env,
                // root needs unsafe_perm (code-server's postinstall checks it); node-pty's install runs
                // `npx node-gyp`, which a global `yes=false` would cancel; use the local Node headers.
                npm_config_unsafe_perm: 'true',
                npm_config_yes: 'true',
                npm_config_nodedir: process.env.DL_NODEDIR || '/usr',
                npm_config_fund: 'false',
                npm_config_audit: 'false',
                npm_config_update_notifier: 'false',
                // @vscode/ripgrep looks in os.tmpdir() for the cached download; node-gyp scratch too.
                TMPDIR: tmpDir,
            };
            // Phase 1: fetch everything, run nothing. Phase 2: record which packages may run install
            // scripts (also in code-server's nested projects, which its postinstall installs with a
            // separate `npm install`), then run the scripts with `npm rebuild`.
            t = Date.now();
            step(2, `downloading code-server ${CODE_SERVER_VERSION} and its packages from the npm registry (no install scripts yet)`);
            let stopWatch = watchPhase({ phase: 'download', dir: staging, logFile, step: '[2/4]', say });
            try {
                await run('npm', ['install', '--ignore-scripts', '--loglevel=http', `code-server@${CODE_SERVER_VERSION}`], {
                    cwd: staging,
                    env,
                    log,
                    logFile,
                });
            } finally {
                stopWatch();
            }
            step(2, `downloaded: ${countAdded(logFile)}`, t);
            const pkg = packageDir(staging);
            await addAllowScripts(path.join(pkg, 'lib', 'vscode', 'package.json'), ALLOW_VSCODE);
            await addAllowScripts(path.join(pkg, 'lib', 'vscode', 'extensions', 'package.json'), ALLOW_VSCODE_EXTENSIONS);
            t = Date.now();
            step(3, "running the install scripts: VS Code's dependencies and native modules (node-gyp builds node-pty, spdlog, kerberos, …)");
            stopWatch = watchPhase({ phase: 'build', logFile, step: '[3/4]', say });
            try {
                // loglevel http (inherited by the nested installs) lets the progress count their downloads
                await run('npm', ['rebuild', '--foreground-scripts'], { cwd: staging, env: { ...env, npm_config_loglevel: 'http' }, log, logFile });
            } finally {
                stopWatch();
            }
            step(3, 'install scripts done', t);
            t = Date.now();

            const missing = REQUIRED_FILES.filter((f) => !fs.existsSync(path.join(pkg, f)));
            if (missing.length) {
                throw new Error(
                    `code-server install is incomplete (install scripts did not run or failed to build): ` +
                        `missing ${missing.join(', ')}; log: ${logFile}`,
                );
            }
            await fsp.rm(tmpDir, { recursive: true, force: true });
            const durationMs = Date.now() - started;
            await fsp.writeFile(
                markerPath(staging),
                JSON.stringify({ ...expectedMarker(), installedAt: new Date().toISOString(), durationMs }, null, 2) + '\n',
            );
            await fsp.rm(installDir, { recursive: true, force: true });
            await fsp.rename(staging, installDir);
            step(4, `checked ${REQUIRED_FILES.length} required files and moved it into place`, t);
            log(`code-server: installed in ${(durationMs / 1000).toFixed(1)} s (log: ${logFile})`);
            return binPath(installDir);
        } catch (e) {
            await fsp.rm(staging, { recursive: true, force: true }).catch(noop);
            throw e;
        }
    });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

function httpGet(url, timeoutMs) {
    return new Promise((resolve, reject) => {
        const req = http.get(url, { timeout: timeoutMs }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (d) => (body += d));
            res.on('end', () => resolve({ status: res.statusCode, body }));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
    });
}

/** Kills a process group led by `pid`: SIGTERM, then SIGKILL after `graceMs`. */
export async function killGroup(pid, graceMs = 5000) {
    const alive = () => {
        try {
            process.kill(-pid, 0);
            return true;
        } catch (e) {
            return e.code === 'EPERM';
        }
    };
    if (!alive()) return;
    try {
        process.kill(-pid, 'SIGTERM');
    } catch { /* gone */ }
    const deadline = Date.now() + graceMs;
    while (alive() && Date.now() < deadline) await sleep(100);
    if (alive()) {
        try {
            process.kill(-pid, 'SIGKILL');
        } catch { /* gone */ }
        const d2 = Date.now() + 3000;
        while (alive() && Date.now() < d2) await sleep(50);
    }
}

// Stopping from a synchronous exit handler (last resort if the async path could not run).
const liveGroups = new Set();
process.on('exit', () => {
    for (const pid of [...liveGroups, ...installGroups]) {
        try {
            process.kill(-pid, 'SIGKILL');
        } catch { /* gone */ }
    }
});

/**
 * Starts code-server on 127.0.0.1 in temporary folders.
 * `args` are extra command-line flags (e.g. `['--locale', 'ko']`); `argv` is written as the user
 * data folder's `User/argv.json` (VS Code's runtime arguments, e.g. `{ locale: 'ko' }`);
 * `languagePack: 'ko'` records an empty language pack for that language (see below).
 * `env` is added to the server's environment (which is also the extension host's environment).
 * Returns {url, port, pid, stop, dirs, logFile}; `stop()` ends the whole process group and removes
 * the temporary folders (idempotent).
 */
export async function startCodeServer({ workspace, env = {}, log = noop, port, binary, settings = {}, args: extraArgs = [], argv, languagePack, healthTimeoutMs = 30_000 } = {}) {
    const bin = binary || (await ensureCodeServer({ log }));
    const entry = fs.realpathSync(bin); // out/node/entry.js (a Node script)
    const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'dlcs-'));
    const dirs = {
        root,
        userData: path.join(root, 'user-data'),
        extensions: path.join(root, 'extensions'),
        xdgConfig: path.join(root, 'xdg-config'),
        xdgData: path.join(root, 'xdg-data'),
        xdgCache: path.join(root, 'xdg-cache'),
        tmp: path.join(root, 'tmp'),
        runtime: path.join(root, 'run'),
        config: path.join(root, 'config.yaml'),
    };
    for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, dirs.tmp]) {
        await fsp.mkdir(d, { recursive: true });
    }
    await fsp.mkdir(dirs.runtime, { mode: 0o700 });
    await fsp.mkdir(path.join(dirs.userData, 'User'), { recursive: true });
    if (argv) {
        // VS Code's argv.json (e.g. {"locale": "ko"}): read by code-server when no --locale is given.
        await fsp.writeFile(path.join(dirs.userData, 'User', 'argv.json'), JSON.stringify(argv, null, 2));
    }
    if (languagePack) {
        // A stand-in for an installed language pack (what the marketplace's would record in
        // languagepacks.json), with no translations: VS Code's own UI falls back to English, but the
        // workbench and the extension host then run in that language (vscode.env.language), so an
        // extension's package.nls.<lang>.json and l10n bundles apply. Without one, code-server ignores
        // --locale for any language it has no pack for.
        const translations = path.join(root, `language-pack-${languagePack}`, 'main.i18n.json');
        await fsp.mkdir(path.dirname(translations), { recursive: true });
        await fsp.writeFile(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
        await fsp.writeFile(
            path.join(dirs.userData, 'languagepacks.json'),
            JSON.stringify({
                [languagePack]: {
                    hash: `test-${languagePack}-1`,
                    extensions: [{ extensionIdentifier: { id: `docker-lessons-test.language-pack-${languagePack}` }, version: '1.0.0' }],
                    translations: { vscode: translations },
                    label: languagePack,
                },
            }),
        );
    }
    await fsp.writeFile(
        path.join(dirs.userData, 'User', 'settings.json'),
        JSON.stringify(
            {
                'workbench.startupEditor': 'none',
                'workbench.tips.enabled': false,
                'workbench.enableExperiments': false,
                'telemetry.telemetryLevel': 'off',
                'update.mode': 'none',
                'extensions.autoCheckUpdates': false,
                'extensions.autoUpdate': false,
                'extensions.ignoreRecommendations': true,
                'security.workspace.trust.enabled': false,
                'git.enabled': false,
                ...settings,
            },
            null,
            2,
        ),
    );
    // Every flag can live in the config file; we pass them on the command line and keep it minimal.
    await fsp.writeFile(dirs.config, 'auth: none\ncert: false\n');
    const logFile = path.join(root, 'code-server.log');

    const baseEnv = { ...process.env };
    for (const k of Object.keys(baseEnv)) {
        // Do not let a surrounding VS Code (or a test runner inside one) leak into the server.
        if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete baseEnv[k];
    }
    const childEnv = {
        ...baseEnv,
        XDG_CONFIG_HOME: dirs.xdgConfig,
        XDG_DATA_HOME: dirs.xdgData,
        XDG_CACHE_HOME: dirs.xdgCache,
        // The extension host's IPC socket and tsserver's scratch folder go to os.tmpdir().
        TMPDIR: dirs.tmp,
        XDG_RUNTIME_DIR: dirs.runtime,
        EXTENSIONS_GALLERY: '{}',
        ...env,
    };
    for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];

    let attempt = 0;
    for (;;) {
        attempt++;
        const p = port ?? (await freePort());
        const args = [
            entry,
            '--config', dirs.config,
            '--bind-addr', `127.0.0.1:${p}`,
            '--auth', 'none',
            '--user-data-dir', dirs.userData,
            '--extensions-dir', dirs.extensions,
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--disable-getting-started-override',
            '--ignore-last-opened',
            ...extraArgs,
            workspace,
        ];
        const out = fs.openSync(logFile, 'a');
        const t0 = Date.now();
        // detached: the child calls setsid() and leads its own process group.
        const child = spawn(process.execPath, args, { cwd: root, env: childEnv, detached: true, stdio: ['ignore', out, out] });
        fs.closeSync(out);
        const pid = child.pid;
        liveGroups.add(pid);
        let exited = null;
        child.on('exit', (code, signal) => (exited = { code, signal }));

        let stopped = false;
        const stop = async () => {
            if (stopped) return;
            stopped = true;
            await killGroup(pid);
            liveGroups.delete(pid);
            if (!process.env.DL_KEEP_TMP) await fsp.rm(root, { recursive: true, force: true }).catch(noop);
        };

        const url = `http://127.0.0.1:${p}`;
        const deadline = Date.now() + healthTimeoutMs;
        let healthy = false;
        while (Date.now() < deadline && !exited) {
            try {
                const r = await httpGet(`${url}/healthz`, 1000);
                if (r.status === 200) {
                    healthy = true;
                    break;
                }
            } catch { /* not yet */ }
            await sleep(100);
        }
        if (healthy) {
            const ms = Date.now() - t0;
            log(`code-server: pid ${pid} on ${url}, /healthz after ${ms} ms`);
            return { url, port: p, pid, stop, dirs, logFile, healthMs: ms, logs: () => readTail(logFile, 200) };
        }
        const tail = readTail(logFile, 30);
        const inUse = /EADDRINUSE/.test(tail);
        // Keep the folder for a retry; only end the process group here.
        await killGroup(pid);
        liveGroups.delete(pid);
        if (inUse && port === undefined && attempt < 3) {
            log(`code-server: port ${p} was taken, retrying`);
            continue;
        }
        await fsp.rm(root, { recursive: true, force: true }).catch(noop);
        throw new Error(
            `code-server did not answer /healthz within ${healthTimeoutMs} ms` +
                (exited ? ` (it exited: ${exited.signal ?? exited.code})` : '') +
                `\n--- code-server log ---\n${tail}`,
        );
    }
}

/**
 * The workbench URL that opens `workspace` and loads `extensionPath` as a development extension
 * (and, if given, runs the test module `testsPath` in the extension host).
 * Paths are absolute paths on this machine; they are addressed as vscode-remote://127.0.0.1:PORT/...
 */
export function workbenchUrl({ url, port, workspace, extensionPath, testsPath }) {
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const payload = [];
    if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
    if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
    let u = `${url}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
    if (payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
}

/** Why Chromium cannot be used here, or null when it can. */
export function browserUnavailableReason() {
    if (process.platform !== 'linux') return `the code-server test host is set up for Linux only (this is ${process.platform}).`;
    if (!fs.existsSync(CHROMIUM_PATH)) return `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium).`;
    return null;
}

/**
 * Launches Chromium (headless by default) with a temporary profile via playwright-core.
 * Returns {context, page, close}; close() ends the browser and removes the profile (idempotent).
 */
export async function launchBrowser({ log = noop, headless = process.env.DL_HEADFUL ? false : true, viewport = { width: 1400, height: 900 } } = {}) {
    const { chromium } = await import('playwright-core');
    const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'dlchrome-'));
    const profile = path.join(root, 'profile');
    const xdgConfig = path.join(root, 'xdg-config');
    const xdgCache = path.join(root, 'xdg-cache');
    await fsp.mkdir(profile);
    await fsp.mkdir(xdgConfig);
    await fsp.mkdir(xdgCache);
    const t0 = Date.now();
    let context;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM_PATH,
            headless,
            args: CHROMIUM_ARGS,
            viewport,
            env: { ...process.env, XDG_CONFIG_HOME: xdgConfig, XDG_CACHE_HOME: xdgCache },
            // We handle signals ourselves (to stop code-server too); Playwright still closes on exit.
            handleSIGINT: false,
            handleSIGTERM: false,
            handleSIGHUP: false,
        });
    } catch (e) {
        await fsp.rm(root, { recursive: true, force: true }).catch(noop);
        throw e;
    }
    log(`chromium: started in ${Date.now() - t0} ms`);
    const page = context.pages()[0] ?? (await context.newPage());
    let closed = false;
    const close = async () => {
        if (closed) return;
        closed = true;
        await Promise.race([context.close().catch(noop), sleep(10_000)]);
        await fsp.rm(root, { recursive: true, force: true }).catch(noop);
    };
    return { context, page, close };
}

/**
 * Runs `main(guard)` so that nothing it starts outlives it, even on SIGINT/SIGTERM/SIGHUP.
 * `await guard.add(closer)` right after starting something (closers run last-in first-out);
 * once a signal came, `add` closes everything at once and throws, so a start that was in flight
 * when the signal arrived is undone too. `guard.closeAll()` closes now (e.g. to time it).
 * Resolves to main's exit code (128+signal after a signal; 1 if main threw).
 */
export async function runGuarded(main, { log = noop } = {}) {
    const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
    const closers = [];
    let interrupted = null;
    let onInterrupt;
    const whenInterrupted = new Promise((r) => (onInterrupt = r));
    const closeAll = async () => {
        while (closers.length) {
            const close = closers.pop();
            try {
                await close();
            } catch (e) {
                log(`cleanup: ${e?.message ?? e}`);
            }
        }
    };
    const guard = {
        async add(closer) {
            closers.push(closer);
            if (interrupted) {
                await closeAll();
                throw new Error(`interrupted by ${interrupted}`);
            }
        },
        closeAll,
        /** Resolves (with the signal's name) when a signal came. */
        whenInterrupted,
        get interrupted() {
            return interrupted;
        },
    };
    let mainDone = Promise.resolve();
    const handler = (sig) => {
        if (interrupted) return;
        interrupted = sig;
        onInterrupt(sig);
        log(`received ${sig}: stopping what this run started`);
        abortInstalls();
        void (async () => {
            await closeAll();
            // Let main notice (its next guard.add throws) and undo what it was starting.
            await Promise.race([mainDone.catch(noop), sleep(20_000)]);
            await closeAll();
            process.exit(codes[sig]);
        })();
    };
    for (const sig of Object.keys(codes)) process.on(sig, handler);
    let code;
    try {
        mainDone = Promise.resolve().then(() => main(guard));
        code = await mainDone;
    } catch (e) {
        log(`error: ${e?.stack ?? e}`);
        code = 1;
    } finally {
        await closeAll();
        for (const sig of Object.keys(codes)) process.off(sig, handler);
    }
    return interrupted ? codes[interrupted] : code;
}

// CLI: `node scripts/codeserver.mjs install` installs (or checks) and prints the binary path.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv[2] === 'install') {
    const t0 = Date.now();
    ensureCodeServer({ log: (m) => console.log(m) }).then(
        (bin) => console.log(`${bin}  (${Date.now() - t0} ms)`),
        (e) => {
            console.error(e.message);
            process.exit(1);
        },
    );
}

/**
 * Result-file writer shared by the host and e2e runners:
 * `{"layer","passed","failed","skipped","skipReason","durationMs","failures":[{title,error}], ...extra}`.
 * `cannotRun(reason)` is a failure when CI=true and a skip otherwise; each returns the exit code.
 */
export function layerResults({ layer, file, log = noop, startedAt = Date.now() }) {
    const CI = process.env.CI === 'true';
    const write = (r) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const out = {
            layer,
            passed: r.passed ?? 0,
            failed: r.failed ?? 0,
            skipped: r.skipped ?? 0,
            skipReason: r.skipReason ?? null,
            durationMs: Date.now() - startedAt,
            failures: r.failures ?? [],
            ...(r.extra ?? {}),
        };
        fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
        return out;
    };
    return {
        write,
        cannotRun(reason) {
            if (CI) {
                log(`FAILED: cannot run in CI: ${reason}`);
                write({ failed: 1, failures: [{ title: `${layer} layer`, error: `cannot run in CI: ${reason}` }] });
                return 1;
            }
            log(`skipped: ${reason}`);
            write({ skipped: 1, skipReason: reason });
            return 0;
        },
        fail(title, error) {
            log(`FAILED: ${title}: ${error}`);
            write({ failed: 1, failures: [{ title, error }] });
            return 1;
        },
        /** Adds fields to the file already written (e.g. final timings). */
        amend(fields) {
            try {
                const r = JSON.parse(fs.readFileSync(file, 'utf8'));
                fs.writeFileSync(file, JSON.stringify({ ...r, ...fields, durationMs: Date.now() - startedAt }, null, 2) + '\n');
            } catch { /* nothing written */ }
        },
    };
}

/**
 * DOCKER_HOST for the runners: the caller's, or (when unset, unless DL_NO_ENGINE=1) a private engine
 * started with scripts/engine.mjs if that exists. Returns {dockerHost?, engine?} ; engine.stop() ends it.
 */
export async function dockerHostForTests({ root, log = noop }) {
    if (process.env.DOCKER_HOST) return { dockerHost: process.env.DOCKER_HOST };
    const script = path.join(root, 'scripts', 'engine.mjs');
    if (process.env.DL_NO_ENGINE || !fs.existsSync(script)) return {};
    const t = Date.now();
    try {
        const { startEngine } = await import(pathToFileURL(script).href);
        const engine = await startEngine({ log: (m) => log(`[engine] ${m.replace(/^engine: /, '')}`), handleSignals: false });
        log(`private engine at ${engine.dockerHost} (started in ${Date.now() - t} ms)`);
        return { dockerHost: engine.dockerHost, engine, engineStartMs: Date.now() - t };
    } catch (e) {
        log(`no private engine: ${e.skipReason ?? e.message}`);
        return {};
    }
}
