#!/usr/bin/env node
/**
 * A private Docker Engine for the tests: its own dockerd on a socket in a temporary folder, its own
 * registry on loopback as the Docker Hub mirror, and two seeded images (`hello-world`, `busybox`),
 * all without any download. See /work/shared/RECIPES.md §1 for the measured facts behind it.
 *
 *   import { startEngine } from './engine.mjs';
 *   const engine = await startEngine();          // throws err.skipReason when it cannot run here
 *   process.env.DOCKER_HOST = engine.dockerHost; // unix:///tmp/dl.XXXXXX/docker.sock
 *   …
 *   await engine.stop();                          // idempotent
 *
 * CLI: `node scripts/engine.mjs` prints `DOCKER_HOST=unix://…` on stdout and stays up until
 * SIGINT/SIGTERM. Exit codes: 0 stopped cleanly, 77 cannot run here (reason on stderr), 1 failure.
 * `DL_ENGINE_KEEP_LOGS=<folder>` keeps dockerd.log and registry.log there when the engine stops.
 *
 * Needs root and Debian's docker.io, docker-registry, busybox-static, gcc and libc6-dev. Only processes this
 * module spawned are ever signalled, by pid.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Docker from 'dockerode';
import tar from 'tar-stream';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'images');
const BUSYBOX = '/bin/busybox';
const PREFERRED_REGISTRY_PORT = 5000;
const PING_TIMEOUT_MS = 30_000;
const REGISTRY_TIMEOUT_MS = 10_000;
const DOCKERD_STOP_MS = 15_000;
const REGISTRY_STOP_MS = 5_000;

/** Find an executable on PATH (plus the sbin folders, which a non-login root shell may lack). */
function which(name) {
    const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
    for (const extra of ['/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/local/bin', '/usr/bin', '/bin']) {
        if (!dirs.includes(extra)) {
            dirs.push(extra);
        }
    }
    for (const dir of dirs) {
        const file = path.join(dir, name);
        try {
            fs.accessSync(file, fs.constants.X_OK);
            if (fs.statSync(file).isFile()) {
                return file;
            }
        } catch {
            // not here
        }
    }
    return undefined;
}

/** True when `file` is an ELF executable without a PT_INTERP header, i.e. statically linked. */
function isStaticElf(file) {
    let fd;
    try {
        fd = fs.openSync(file, 'r');
        const head = Buffer.alloc(64);
        fs.readSync(fd, head, 0, 64, 0);
        if (head.readUInt32BE(0) !== 0x7f454c46) {
            return false;
        }
        const is64 = head[4] === 2;
        const le = head[5] === 1;
        const u16 = (b, o) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
        const u32 = (b, o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
        const phoff = is64 ? Number(le ? head.readBigUInt64LE(32) : head.readBigUInt64BE(32)) : u32(head, 28);
        const phentsize = u16(head, is64 ? 54 : 42);
        const phnum = u16(head, is64 ? 56 : 44);
        const table = Buffer.alloc(phentsize * phnum);
        fs.readSync(fd, table, 0, table.length, phoff);
        for (let i = 0; i < phnum; i++) {
            if (u32(table, i * phentsize) === 3 /* PT_INTERP */) {
                return false;
            }
        }
        return true;
    } catch {
        return false;
    } finally {
        if (fd !== undefined) {
            fs.closeSync(fd);
        }
    }
}

function skip(reason) {
    const err = new Error(`Cannot start the private Docker engine: ${reason}`);
    err.skipReason = reason;
    return err;
}

/** Everything that must hold before anything is started. Returns the tools' paths. */
function preflight() {
    if (process.platform !== 'linux') {
        throw skip(`the private Docker engine needs Linux (this is ${process.platform}).`);
    }
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
        throw skip(`dockerd needs root (running as uid ${process.getuid?.()}); run the Docker tests as root, e.g. in CI.`);
    }
    const tools = {};
    const need = [
        ['dockerd', 'dockerd', 'docker.io'],
        ['containerd', 'containerd', 'docker.io (it pulls in containerd)'],
        ['runc', 'runc', 'docker.io (it pulls in runc)'],
        ['registry', 'docker-registry', 'docker-registry'],
        ['gcc', 'gcc', 'gcc'],
    ];
    const missing = [];
    for (const [key, bin, pkg] of need) {
        tools[key] = which(bin);
        if (!tools[key]) {
            missing.push(`${bin} (Debian package ${pkg})`);
        }
    }
    if (tools.gcc) {
        // `gcc -static` needs libc.a; gcc prints the bare name when it cannot find it.
        const libc = spawnSync(tools.gcc, ['-print-file-name=libc.a'], { encoding: 'utf8' }).stdout?.trim() ?? '';
        if (!path.isAbsolute(libc) || !fs.existsSync(libc)) {
            missing.push('libc.a for gcc -static (Debian package libc6-dev)');
        }
    }
    if (!fs.existsSync(BUSYBOX) || !isStaticElf(BUSYBOX)) {
        missing.push(`a static ${BUSYBOX} (Debian package busybox-static)`);
    }
    if (missing.length) {
        throw skip(`missing ${missing.join(', ')}. Install with: apt-get install -y docker.io docker-registry busybox-static gcc libc6-dev`);
    }
    // Kills dockerd/registry with SIGTERM if this process dies without cleaning up (even on SIGKILL).
    tools.setpriv = which('setpriv');
    if (tools.setpriv && !/--pdeathsig/.test(spawnSync(tools.setpriv, ['--help'], { encoding: 'utf8' }).stdout || '')) {
        tools.setpriv = undefined;
    }
    for (const file of [path.join(FIXTURES, 'hello', 'hello.c'), path.join(FIXTURES, 'hello', 'Dockerfile'), path.join(FIXTURES, 'busybox', 'Dockerfile')]) {
        if (!fs.existsSync(file)) {
            throw new Error(`Cannot start the private Docker engine: the fixture ${file} is missing.`);
        }
    }
    return tools;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const since = (t0) => Math.round(performance.now() - t0);

function tail(file, lines = 30) {
    try {
        const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
        return text.slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}

/** 127.0.0.1:5000 when free, else any free loopback port. */
async function pickPort(preferred) {
    const listen = (port) =>
        new Promise((resolve) => {
            const server = net.createServer();
            server.once('error', () => resolve(undefined));
            server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
                const got = server.address().port;
                server.close(() => resolve(got));
            });
        });
    return (await listen(preferred)) ?? (await listen(0));
}

function httpGet(options, timeoutMs = 2000) {
    return new Promise((resolve, reject) => {
        const req = http.request({ method: 'GET', ...options, timeout: timeoutMs }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end();
    });
}

/**
 * SIGKILL every running container through the API. A container's own stop timeout (10 s by default,
 * `--shutdown-timeout` does not shorten it) would otherwise hold up dockerd's shutdown, e.g. a
 * `sleep` left running by a test: PID 1 in a container ignores SIGTERM.
 */
async function killRunningContainers(socketPath, log) {
    try {
        const list = await httpGet({ socketPath, path: '/containers/json' });
        const ids = list.status === 200 ? JSON.parse(list.body).map((c) => c.Id) : [];
        await Promise.all(ids.map((id) => httpGet({ socketPath, method: 'POST', path: `/containers/${id}/kill` }).catch(() => undefined)));
        if (ids.length) {
            log(`engine: killed ${ids.length} running container(s) before stopping dockerd`);
        }
    } catch {
        // dockerd is not answering: SIGTERM and SIGKILL below will do
    }
}

/** Is `pid` a live process (a zombie counts as gone)? */
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

/**
 * containerd and its shims that our dockerd started and left behind (only after dockerd had to be
 * killed): a containerd binary whose command line points into our private exec-root.
 */
function leftoverContainerd(dir) {
    const out = [];
    const marker = path.join(dir, 'exec') + '/';
    for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
            continue;
        }
        try {
            const exe = path.basename(fs.readlinkSync(`/proc/${entry}/exe`));
            const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
            if (exe.startsWith('containerd') && cmd.includes(marker)) {
                out.push(Number(entry));
            }
        } catch {
            // gone, or not ours to read
        }
    }
    return out;
}

/**
 * Processes still inside our containers' cgroups (only after dockerd had to be killed): the container
 * ids are the folders under our data-root, so these can only be our containers' processes.
 */
function leftoverContainerProcesses(dir) {
    const pids = new Set();
    let ids = [];
    try {
        ids = fs.readdirSync(path.join(dir, 'data', 'containers')).filter((id) => /^[0-9a-f]{64}$/.test(id));
    } catch {
        return [];
    }
    for (const id of ids) {
        for (const file of [
            `/sys/fs/cgroup/pids/docker/${id}/cgroup.procs`,
            `/sys/fs/cgroup/memory/docker/${id}/cgroup.procs`,
            `/sys/fs/cgroup/docker/${id}/cgroup.procs`,
            `/sys/fs/cgroup/system.slice/docker-${id}.scope/cgroup.procs`,
        ]) {
            try {
                for (const pid of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
                    pids.add(Number(pid));
                }
            } catch {
                // no such cgroup
            }
        }
    }
    return [...pids].filter((pid) => pid > 1 && pid !== process.pid);
}

function killAll(pids) {
    for (const pid of pids) {
        try {
            process.kill(pid, 'SIGKILL');
        } catch {
            // gone
        }
    }
}

/** Mount points at or below `dir`, deepest first. */
function mountsUnder(dir) {
    const points = [];
    try {
        for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
            const point = line.split(' ')[4];
            if (!point) {
                continue;
            }
            const decoded = point.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
            if (decoded === dir || decoded.startsWith(dir + '/')) {
                points.push(decoded);
            }
        }
    } catch {
        // no /proc
    }
    return [...new Set(points)].sort((a, b) => b.length - a.length);
}

function unmountAll(dir, log) {
    for (let round = 0; round < 3; round++) {
        const points = mountsUnder(dir);
        if (!points.length) {
            return true;
        }
        for (const point of points) {
            const r = spawnSync('umount', [point], { encoding: 'utf8' });
            if (r.status !== 0) {
                spawnSync('umount', ['-l', point], { encoding: 'utf8' });
            }
        }
    }
    const left = mountsUnder(dir);
    if (left.length) {
        log(`engine: could not unmount ${left.join(', ')}`);
    }
    return left.length === 0;
}

/** Remove the folder, but never reach through a mount that is still there. */
function removeDir(dir, log) {
    if (!unmountAll(dir, log)) {
        log(`engine: leaving ${dir} in place because something is still mounted under it`);
        return false;
    }
    try {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
        return true;
    } catch (e) {
        log(`engine: could not remove ${dir}: ${e.message}`);
        return false;
    }
}

/**
 * The daemon's only way out is the loopback registry: anything else (a pull that misses the mirror
 * falls back to registry-1.docker.io) goes to a proxy on a closed loopback port and fails at once,
 * without even a DNS lookup.
 */
const NOWHERE_PROXY = 'http://127.0.0.1:9';
const ENGINE_ENV = {
    HTTP_PROXY: NOWHERE_PROXY,
    HTTPS_PROXY: NOWHERE_PROXY,
    NO_PROXY: '127.0.0.1,localhost',
    http_proxy: NOWHERE_PROXY,
    https_proxy: NOWHERE_PROXY,
    no_proxy: '127.0.0.1,localhost',
};

function spawnLogged(tools, argv, logFile) {
    const fd = fs.openSync(logFile, 'a');
    try {
        const [cmd, args] = tools.setpriv ? [tools.setpriv, ['--pdeathsig', 'SIGTERM', '--', ...argv]] : [argv[0], argv.slice(1)];
        const env = { ...process.env, ...ENGINE_ENV };
        delete env.DOCKER_HOST;
        const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: true, env });
        child.unref();
        child.exited = new Promise((resolve) => {
            child.once('exit', (code, signal) => resolve({ code, signal }));
            child.once('error', (error) => resolve({ error }));
        });
        return child;
    } finally {
        fs.closeSync(fd);
    }
}

/** Resolves to true when `child` exits within `ms`, false otherwise; leaves no timer behind. */
async function exitedWithin(child, ms) {
    let timer;
    const expired = new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
    });
    try {
        return await Promise.race([child.exited.then(() => true), expired]);
    } finally {
        clearTimeout(timer);
    }
}

/** SIGTERM, wait, SIGKILL, wait. */
async function terminate(child, ms) {
    if (!child || child.exitCode !== null || child.signalCode !== null || !child.pid) {
        return;
    }
    try {
        process.kill(child.pid, 'SIGTERM');
    } catch {
        return;
    }
    if (!(await exitedWithin(child, ms))) {
        try {
            process.kill(child.pid, 'SIGKILL');
        } catch {
            // gone
        }
        await exitedWithin(child, 3000);
    }
}

function terminateSync(pid, ms) {
    if (!pid || !alive(pid)) {
        return;
    }
    try {
        process.kill(pid, 'SIGTERM');
    } catch {
        return;
    }
    const end = Date.now() + ms;
    while (alive(pid) && Date.now() < end) {
        sleepSync(50);
    }
    if (alive(pid)) {
        try {
            process.kill(pid, 'SIGKILL');
        } catch {
            // gone
        }
    }
}

/** Reads a docker JSON progress stream; rejects on the first `error` line. Returns the lines. */
function followStream(stream, onLine = () => {}) {
    return new Promise((resolve, reject) => {
        const lines = [];
        let buf = '';
        let failed;
        stream.on('data', (chunk) => {
            buf += chunk.toString('utf8');
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl).trim();
                buf = buf.slice(nl + 1);
                if (!line) {
                    continue;
                }
                let obj;
                try {
                    obj = JSON.parse(line);
                } catch {
                    obj = { stream: line };
                }
                lines.push(obj);
                onLine(obj);
                if ((obj.error || obj.errorDetail) && !failed) {
                    failed = new Error(obj.error || obj.errorDetail?.message || JSON.stringify(obj));
                }
            }
        });
        stream.on('error', reject);
        stream.on('end', () => (failed ? reject(failed) : resolve(lines)));
    });
}

/** A build context tar: the Dockerfile plus `files` ({ name: absolutePath }). */
function contextTar(dockerfile, files) {
    const pack = tar.pack();
    pack.entry({ name: 'Dockerfile', mode: 0o644 }, fs.readFileSync(dockerfile));
    for (const [name, file] of Object.entries(files)) {
        pack.entry({ name, mode: 0o755 }, fs.readFileSync(file));
    }
    pack.finalize();
    return pack;
}

async function build(docker, tag, dockerfile, files) {
    const stream = await docker.buildImage(contextTar(dockerfile, files), { t: tag, rm: true, forcerm: true });
    const lines = await followStream(stream);
    const done = lines.map((l) => l.aux?.ID).filter(Boolean).pop();
    const image = await docker.getImage(tag).inspect();
    if (done && done !== image.Id) {
        throw new Error(`build of ${tag} produced ${done} but the tag points at ${image.Id}`);
    }
    return image.Id;
}

async function push(docker, repo, tag) {
    // The daemon wants an X-Registry-Auth header even for a registry without auth.
    const stream = await docker.getImage(repo).push({ tag, authconfig: { serveraddress: repo.split('/')[0] } });
    await followStream(stream);
}

async function pull(docker, repo, tag) {
    const stream = await docker.pull(`${repo}:${tag}`);
    await followStream(stream);
}

/** Builds, pushes and pulls the two images. Returns their ids. */
async function seed(docker, dir, registry, tools, log) {
    const t0 = performance.now();
    const buildDir = path.join(dir, 'build');
    fs.mkdirSync(buildDir, { recursive: true });

    // hello-world: a static binary in a scratch image, pushed to the registry, then pulled back by
    // its plain name through the mirror.
    const helloBin = path.join(buildDir, 'hello');
    if (!fs.existsSync(helloBin)) {
        const cc = spawnSync(tools.gcc, ['-static', '-Os', '-s', '-o', helloBin, path.join(FIXTURES, 'hello', 'hello.c')], { encoding: 'utf8' });
        if (cc.status !== 0) {
            throw new Error(`gcc -static failed (is libc6-dev installed?):\n${cc.stderr}`);
        }
    }
    const tCompiled = performance.now();
    const helloRepo = `${registry}/library/hello-world`;
    const helloId = await build(docker, `${helloRepo}:latest`, path.join(FIXTURES, 'hello', 'Dockerfile'), { hello: helloBin });
    await push(docker, helloRepo, 'latest');
    await docker.getImage(`${helloRepo}:latest`).remove();
    const gone = await docker.getImage(helloId).inspect().then(() => false, () => true);
    if (!gone) {
        throw new Error(`hello-world ${helloId} is still present after removing its tag`);
    }
    const tPull = performance.now();
    await pull(docker, 'hello-world', 'latest');
    const pulled = await docker.getImage('hello-world:latest').inspect();
    if (pulled.Id !== helloId) {
        throw new Error(`pulled hello-world ${pulled.Id} is not the image pushed to the mirror (${helloId})`);
    }
    const pullMs = since(tPull);

    // busybox: Debian's static busybox with its applet links, kept locally and pushed too.
    const busyboxId = await build(docker, 'busybox:latest', path.join(FIXTURES, 'busybox', 'Dockerfile'), { busybox: BUSYBOX });
    const busyboxRepo = `${registry}/library/busybox`;
    await docker.getImage('busybox:latest').tag({ repo: busyboxRepo, tag: 'latest' });
    await push(docker, busyboxRepo, 'latest');
    await docker.getImage(`${busyboxRepo}:latest`).remove({ noprune: true });

    log(`engine: seeded hello-world ${helloId.slice(7, 19)} and busybox ${busyboxId.slice(7, 19)} in ${since(t0)} ms (gcc ${Math.round(tCompiled - t0)} ms, pull through mirror ${pullMs} ms)`);
    return { helloWorld: helloId, busybox: busyboxId };
}

const live = new Set();
let exitHookInstalled = false;

function installExitHook() {
    if (exitHookInstalled) {
        return;
    }
    exitHookInstalled = true;
    // Last resort, synchronous: the process is exiting (normally, by process.exit or after an uncaught exception).
    process.on('exit', () => {
        for (const record of live) {
            record.stopSync();
        }
    });
}

/** Does the process `pid` have `text` in its command line? (A pid file may name a reused pid.) */
function commandLineHas(pid, text) {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(text);
    } catch {
        return false;
    }
}

/**
 * Stops a private engine left by an earlier run that could not clean up (killed with SIGKILL, a
 * crash): its dockerd and registry by their pid files in `dir` — only while those pids still run a
 * command line inside `dir` — then its leftover containerd, then the folder. Returns the pids stopped.
 * @param {string} dir a folder startEngine() made (/tmp/dl.XXXXXX)
 */
export function stopStaleEngine(dir, { log = console.error } = {}) {
    const stopped = [];
    if (!/^\/tmp\/dl\.[A-Za-z0-9]+$/.test(dir) || !fs.existsSync(dir)) {
        return stopped;
    }
    for (const [file, ms] of [['dockerd.pid', DOCKERD_STOP_MS], ['registry.pid', REGISTRY_STOP_MS]]) {
        let pid;
        try {
            pid = Number(fs.readFileSync(path.join(dir, file), 'utf8').trim());
        } catch {
            continue;
        }
        if (pid > 1 && alive(pid) && commandLineHas(pid, dir)) {
            log(`engine: stopping ${file.replace('.pid', '')} ${pid} left by an earlier run (${dir})`);
            terminateSync(pid, ms);
            stopped.push(pid);
        }
    }
    const inContainers = leftoverContainerProcesses(dir);
    killAll(inContainers);
    for (const pid of leftoverContainerd(dir)) {
        terminateSync(pid, 2_000);
        stopped.push(pid);
    }
    removeDir(dir, log);
    return stopped;
}

/**
 * Starts a private dockerd + registry and seeds `hello-world` and `busybox`.
 * @param {{ log?: (line: string) => void, handleSignals?: boolean }} [options]
 * @returns {Promise<{ dockerHost: string, dir: string, registry: string, socketPath: string,
 *   images: { helloWorld: string, busybox: string }, timings: { startMs: number, seedMs: number, stopMs?: number },
 *   stop: () => Promise<void>, killDockerd: () => Promise<void>, startDockerd: () => Promise<void> }>}
 * `seedImages: false` skips building and pushing the seed images (the fault suite needs none).
 * `extraDockerdArgs`: more dockerd flags (the engines layer adds a TLS listener on loopback).
 */
export async function startEngine({ log = console.error, handleSignals = true, seedImages = true, extraDockerdArgs = [] } = {}) {
    const tools = preflight();
    const t0 = performance.now();
    const dir = fs.mkdtempSync('/tmp/dl.');
    const socketPath = path.join(dir, 'docker.sock');
    const dockerHost = `unix://${socketPath}`;
    if (Buffer.byteLength(path.join(dir, 'exec', 'containerd', 'containerd.sock.ttrpc')) > 100) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw new Error(`Cannot start the private Docker engine: ${dir} is too long for unix sockets.`);
    }
    const dockerdLog = path.join(dir, 'dockerd.log');
    const registryLog = path.join(dir, 'registry.log');
    let dockerd;
    let registryProc;
    let stopping;
    let stopped = false;
    const timings = { startMs: 0, seedMs: 0 };
    const signalHandlers = [];

    const removeSignalHandlers = () => {
        for (const [sig, fn] of signalHandlers.splice(0)) {
            process.removeListener(sig, fn);
        }
    };

    const stopSync = () => {
        if (stopped) {
            return;
        }
        stopped = true;
        live.delete(record);
        // No time for the API here: kill the containers' processes first, or dockerd waits 10 s for each.
        killAll(leftoverContainerProcesses(dir));
        terminateSync(dockerd?.pid, 10_000);
        terminateSync(registryProc?.pid, 3_000);
        killAll(leftoverContainerProcesses(dir));
        for (const pid of leftoverContainerd(dir)) {
            terminateSync(pid, 1_000);
        }
        removeDir(dir, () => {});
    };

    const stop = () => {
        if (!stopping) {
            stopping = (async () => {
                if (stopped) {
                    return;
                }
                const t = performance.now();
                removeSignalHandlers();
                if (dockerd && dockerd.exitCode === null && dockerd.signalCode === null) {
                    await killRunningContainers(socketPath, log);
                }
                await terminate(dockerd, DOCKERD_STOP_MS);
                const dockerdMs = since(t);
                await terminate(registryProc, REGISTRY_STOP_MS);
                // Only when dockerd died or had to be killed: what it would have stopped itself.
                const inContainers = leftoverContainerProcesses(dir);
                if (inContainers.length) {
                    log(`engine: killing leftover container processes ${inContainers.join(', ')}`);
                    killAll(inContainers);
                }
                for (const pid of leftoverContainerd(dir)) {
                    log(`engine: stopping leftover containerd process ${pid}`);
                    terminateSync(pid, 2_000);
                }
                if (process.env.DL_ENGINE_KEEP_LOGS) {
                    for (const file of [dockerdLog, registryLog]) {
                        try {
                            fs.copyFileSync(file, path.join(process.env.DL_ENGINE_KEEP_LOGS, `${path.basename(dir)}-${path.basename(file)}`));
                        } catch (e) {
                            log(`engine: could not keep ${file}: ${e.message}`);
                        }
                    }
                }
                removeDir(dir, log);
                stopped = true;
                live.delete(record);
                timings.stopMs = since(t);
                log(`engine: stopped in ${timings.stopMs} ms (dockerd ${dockerdMs} ms)`);
            })();
        }
        return stopping;
    };

    const engine = { dockerHost, dir, socketPath, registry: '', images: undefined, timings, stop };
    const record = { stopSync };
    live.add(record);
    installExitHook();

    if (handleSignals) {
        for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
            const fn = () => {
                removeSignalHandlers();
                stop().finally(() => {
                    // Nobody else handles it: die of the signal as we would have without us.
                    if (process.listenerCount(sig) === 0) {
                        process.kill(process.pid, sig);
                    }
                });
            };
            signalHandlers.push([sig, fn]);
            process.on(sig, fn);
        }
    }

    try {
        const port = await pickPort(PREFERRED_REGISTRY_PORT);
        const registry = `127.0.0.1:${port}`;
        engine.registry = registry;
        fs.writeFileSync(
            path.join(dir, 'registry-config.yml'),
            [
                'version: 0.1',
                'log:',
                '  level: warn',
                '  accesslog:',
                '    disabled: true',
                'storage:',
                '  filesystem:',
                `    rootdirectory: ${path.join(dir, 'registry')}`,
                '  delete:',
                '    enabled: true',
                'http:',
                `  addr: ${registry}`,
                '',
            ].join('\n'),
        );
        fs.writeFileSync(path.join(dir, 'daemon.json'), '{}\n');
        registryProc = spawnLogged(tools, [tools.registry, 'serve', path.join(dir, 'registry-config.yml')], registryLog);
        // with dockerd's own --pidfile, what stopStaleEngine() needs after a run that could not clean up
        fs.writeFileSync(path.join(dir, 'registry.pid'), `${registryProc.pid}\n`);
        const spawnDockerd = () => spawnLogged(
            tools,
            [
                tools.dockerd,
                '--config-file', path.join(dir, 'daemon.json'),
                '--host', dockerHost,
                '--data-root', path.join(dir, 'data'),
                '--exec-root', path.join(dir, 'exec'),
                '--pidfile', path.join(dir, 'dockerd.pid'),
                '--bridge=none',
                '--iptables=false',
                '--ip-masq=false',
                '--registry-mirror', `http://${registry}`,
                '--insecure-registry', registry,
                ...extraDockerdArgs,
            ],
            dockerdLog,
        );
        dockerd = spawnDockerd();

        // The registry answers `GET /v2/` with 200 once it listens.
        const regDeadline = Date.now() + REGISTRY_TIMEOUT_MS;
        for (;;) {
            if (registryProc.exitCode !== null || registryProc.signalCode !== null) {
                throw new Error(`docker-registry exited (${registryProc.exitCode ?? registryProc.signalCode}). Its log:\n${tail(registryLog)}`);
            }
            const ok = await httpGet({ host: '127.0.0.1', port, path: '/v2/' }).then((r) => r.status === 200, () => false);
            if (ok) {
                break;
            }
            if (Date.now() > regDeadline) {
                throw new Error(`docker-registry did not answer on ${registry} within ${REGISTRY_TIMEOUT_MS / 1000} s. Its log:\n${tail(registryLog)}`);
            }
            await sleep(50);
        }

        const waitForPing = async () => {
            const pingDeadline = Date.now() + PING_TIMEOUT_MS;
            for (;;) {
                if (dockerd.exitCode !== null || dockerd.signalCode !== null) {
                    throw new Error(`dockerd exited (${dockerd.exitCode ?? dockerd.signalCode}). Its log:\n${tail(dockerdLog)}`);
                }
                const ok = await httpGet({ socketPath, path: '/_ping' }).then((r) => r.status === 200 && r.body === 'OK', () => false);
                if (ok) {
                    break;
                }
                if (Date.now() > pingDeadline) {
                    throw new Error(`dockerd did not answer /_ping on ${socketPath} within ${PING_TIMEOUT_MS / 1000} s. Its log:\n${tail(dockerdLog)}`);
                }
                await sleep(100);
            }
        };
        await waitForPing();
        timings.startMs = since(t0);

        // For the fault suite: dockerd dies (SIGKILL, its socket file left behind) and comes back on
        // the same socket. Only the dockerd this module started is signalled, by pid.
        engine.killDockerd = async () => {
            const child = dockerd;
            child.killedOnPurpose = true;
            try {
                process.kill(child.pid, 'SIGKILL');
            } catch {
                // already gone
            }
            await exitedWithin(child, 5000);
            for (const pid of leftoverContainerd(dir)) {
                terminateSync(pid, 2_000);
            }
            fs.rmSync(path.join(dir, 'dockerd.pid'), { force: true });
            // the next dockerd would trust a containerd pid file and wait for that containerd's socket
            fs.rmSync(path.join(dir, 'exec', 'containerd', 'containerd.pid'), { force: true });
        };
        engine.startDockerd = async () => {
            dockerd = spawnDockerd();
            await waitForPing();
        };
        log(`engine: dockerd (pid ${dockerd.pid}) and registry (pid ${registryProc.pid}, ${registry}) up in ${timings.startMs} ms at ${dockerHost}`);

        const t1 = performance.now();
        const docker = new Docker({ socketPath });
        try {
            engine.images = seedImages ? await seed(docker, dir, registry, tools, log) : undefined;
        } catch (e) {
            e.message = `Seeding the private Docker engine failed: ${e.message}\ndockerd log:\n${tail(dockerdLog, 15)}\nregistry log:\n${tail(registryLog, 10)}`;
            throw e;
        }
        timings.seedMs = since(t1);

        // Tell about a crash while the tests run (not an error: the tests will say what failed).
        const first = dockerd;
        first.exited.then(({ code, signal }) => {
            if (!stopping && !first.killedOnPurpose) {
                log(`engine: dockerd exited unexpectedly (${code ?? signal}). Its log:\n${tail(dockerdLog)}`);
            }
        });
        return engine;
    } catch (e) {
        await stop().catch(() => {});
        throw e;
    }
}

async function main() {
    let engine;
    try {
        engine = await startEngine();
    } catch (e) {
        if (e.skipReason) {
            console.error(`engine: ${e.skipReason}`);
            process.exit(77);
        }
        console.error(e.stack || String(e));
        process.exit(1);
    }
    const keepAlive = setInterval(() => {}, 1 << 30);
    const shutdown = () => {
        clearInterval(keepAlive);
        engine.stop().then(
            () => process.exit(0),
            (e) => {
                console.error(e);
                process.exit(1);
            },
        );
    };
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(sig, shutdown);
    }
    process.stdout.write(`DOCKER_HOST=${engine.dockerHost}\n`);
    console.error(`engine: registry ${engine.registry}; stop with kill -TERM ${process.pid} (or Ctrl-C)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    main();
}
