// `npm start`: opens the extension in a real VS Code with the sample workspace.
// - desktop VS Code when `code` is on PATH (as an Extension Development Host);
// - otherwise code-server 4.100.3 on 127.0.0.1 (installed once into ~/.cache/docker-lessons), URL printed.
// Docker: the user's engine (DOCKER_HOST, or the default socket) when it answers; otherwise, when this
// machine can run one (Linux, root, Debian's docker.io), a private engine for this session.
// Ctrl+C stops everything this script started; so does any signal to `npm start` alone (npm passes it
// to its `sh -c`, which dies without passing it on: this script notices its parent is gone), and a
// private engine left by an earlier run that was killed outright is stopped by its pid files next time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'sample-workspace');
const log = (m) => console.log(`[start] ${m}`);

function onPath(cmd) {
    return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const desktop = onPath('code') && !process.env.DL_FORCE_CODE_SERVER;
if (!desktop) {
    // Debian packages first (scripts/setup.mjs): stop within seconds, with the command to run, when
    // something is missing and cannot be installed here.
    const { ensureSystemPackages, systemProbe } = await import('./setup.mjs');
    const { codeServerInstalled } = await import('./codeserver.mjs');
    const probe = systemProbe();
    const needEngine = !process.env.DOCKER_HOST && !(await pings('/var/run/docker.sock'));
    const groups = [...(codeServerInstalled() ? [] : ['code-server']), ...(needEngine ? ['engine'] : [])];
    // Without root no private engine can start anyway: its packages are only mentioned.
    const r = await ensureSystemPackages(groups, { probe, log, optional: probe.uid === 0 ? [] : ['engine'] });
    if (!r.ok) {
        console.error(`[start] ${r.message}`);
        process.exit(1);
    }
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
    process.exit(build.status ?? 1);
}

if (desktop) {
    log('desktop VS Code found: opening an Extension Development Host');
    const r = spawnSync('code', ['--extensionDevelopmentPath', root, '--new-window', workspace], { stdio: 'inherit' });
    process.exit(r.status ?? 0);
}

/** Does a Docker engine answer `GET /_ping` at this unix socket? */
function pings(socketPath) {
    return new Promise((resolve) => {
        const req = http.get({ socketPath, path: '/_ping', timeout: 2000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on('error', () => resolve(false));
        req.on('timeout', () => {
            req.destroy();
            resolve(false);
        });
    });
}

const closers = [];
let stopping = false;
async function stopAll(code = 0) {
    if (stopping) {
        return;
    }
    stopping = true;
    log('stopping…');
    for (const c of closers.reverse()) {
        await c().catch((e) => console.error(e.message));
    }
    process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => void stopAll(0));
}

/** The parent pid of `pid` (Linux /proc), or undefined. */
function parentOf(pid) {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
        return undefined;
    }
}

/** Alive and not a zombie: a killed run's processes may stay zombies when PID 1 does not reap them. */
function running(pid) {
    try {
        process.kill(pid, 0);
    } catch {
        return false;
    }
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
        return true; // no /proc (not Linux): kill(pid, 0) is all we know
    }
}

// `npm start` runs `sh -c "node scripts/start.mjs"`: a SIGTERM/SIGINT/SIGHUP to npm alone reaches the
// shell, which dies and leaves this process running with its engine and code-server. So watch who
// started us: our parent, and under npm also npm itself (the shell's parent).
const parentAtStart = process.ppid;
const npmPid = process.env.npm_lifecycle_event ? parentOf(parentAtStart) : undefined;
const watch = setInterval(() => {
    if (process.ppid !== parentAtStart || (npmPid && npmPid > 1 && !running(npmPid))) {
        log(`the process that started this one is gone (parent ${parentAtStart}${npmPid ? `, npm ${npmPid}` : ''})`);
        clearInterval(watch);
        void stopAll(0);
    }
}, 300);

// What this run started, so the next run can stop it when this one is killed outright (SIGKILL).
const STATE = process.env.DL_START_STATE || join(os.tmpdir(), `docker-lessons-start-${process.getuid?.() ?? 'user'}.json`);
function readState() {
    try {
        return JSON.parse(fs.readFileSync(STATE, 'utf8'));
    } catch {
        return undefined;
    }
}
function writeState(patch) {
    fs.writeFileSync(STATE, JSON.stringify({ ...readState(), pid: process.pid, ...patch }) + '\n');
}
closers.unshift(async () => {
    if (readState()?.pid === process.pid) {
        fs.rmSync(STATE, { force: true });
    }
});

try {
    const stale = readState();
    if (stale?.pid && stale.pid !== process.pid && !running(stale.pid)) {
        if (stale.engineDir) {
            const { stopStaleEngine } = await import('./engine.mjs');
            const pids = stopStaleEngine(stale.engineDir, { log: (m) => log(m) });
            log(`an earlier run (pid ${stale.pid}) was killed without cleaning up: stopped its private engine${pids.length ? ` (pids ${pids.join(', ')})` : ' (already gone)'}`);
        }
        if (stale.codeServerPid && running(stale.codeServerPid)) {
            const group = (sig) => {
                try {
                    process.kill(-stale.codeServerPid, sig); // its own process group (detached)
                } catch {
                    // gone meanwhile
                }
            };
            group('SIGTERM');
            // code-server may take a while to shut down: give it 5 s, then make sure
            for (let waited = 0; running(stale.codeServerPid) && waited < 5000; waited += 100) {
                await new Promise((r) => setTimeout(r, 100));
            }
            if (running(stale.codeServerPid)) {
                group('SIGKILL');
            }
            log(`stopped code-server ${stale.codeServerPid} left by an earlier run`);
        }
        fs.rmSync(STATE, { force: true });
    }
    writeState({});
    const env = {};
    const dockerHost = process.env.DOCKER_HOST;
    if (dockerHost) {
        log(`using DOCKER_HOST=${dockerHost}`);
    } else if (await pings('/var/run/docker.sock')) {
        log('using the Docker engine at /var/run/docker.sock');
    } else {
        try {
            const { startEngine } = await import('./engine.mjs');
            log('no Docker engine answers here: starting a private one for this session');
            // engine.mjs words its own lines "engine: …"; add the prefix only where it does not
            const engine = await startEngine({ log: (m) => log(/^engine: /.test(m) ? m : `engine: ${m}`), handleSignals: false });
            closers.push(() => engine.stop());
            writeState({ engineDir: engine.dir });
            env.DOCKER_HOST = engine.dockerHost;
            log(`private engine at ${engine.dockerHost}`);
        } catch (e) {
            log(`no Docker engine, and a private one cannot start here (${e.skipReason ?? e.message}). The extension will say Docker is not reachable; the lessons still open.`);
        }
    }
    const { startCodeServer, workbenchUrl } = await import('./codeserver.mjs');
    log('starting code-server…');
    const port = process.env.PORT ? Number(process.env.PORT) : undefined;
    const server = await startCodeServer({ workspace, env, log, port });
    closers.push(() => server.stop());
    writeState({ codeServerPid: server.pid });
    const url = workbenchUrl({ url: server.url, port: server.port, workspace, extensionPath: root });
    console.log(readyText({ url, port: server.port, dockerHost: env.DOCKER_HOST }));
    if (process.env.DL_START_SMOKE) {
        // used by tests of this script: prove it came up, then stop
        await stopAll(0);
    }
    await new Promise(() => undefined);
} catch (e) {
    console.error(`[start] ${e.message}`);
    await stopAll(1);
}

/** What `npm start` prints once code-server answers: the URL, how to reach it from elsewhere, the engine. */
function readyText({ url, port, dockerHost }) {
    const user = os.userInfo().username;
    const lines = [
        '',
        '  Docker Lessons is running in VS Code (code-server) at:',
        '',
        `    ${url}`,
        '',
        '  Open it in a browser on this machine. It listens on 127.0.0.1 only: from another machine, forward',
        '  the port over SSH first, then open the same URL there:',
        '',
        `    ssh -N -L ${port}:127.0.0.1:${port} ${user}@${os.hostname()}`,
        '',
    ];
    if (dockerHost) {
        lines.push('  The private Docker engine of this session (it stops with it). To use it from your own shell:', '', `    export DOCKER_HOST=${dockerHost}`, '');
    }
    lines.push('  Press Ctrl+C to stop.', '');
    return lines.join('\n');
}
