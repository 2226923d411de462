#!/usr/bin/env node
/**
 * The engines layer (issue #12): starts every engine the README promises, on loopback or a unix
 * socket in a temporary folder, runs test/engines against all of them, stops them by pid, and renders
 * the capability table from what the tests found.
 *   private dockerd (unix)  scripts/engine.mjs, with a TLS listener on 127.0.0.1 added
 *   dockerd over TLS        tcp://127.0.0.1:PORT, throwaway CA/certificates made with openssl here
 *   dockerd over SSH        ssh://root@127.0.0.1:PORT (Debian's sshd) → docker system dial-stdio
 *   Podman 4.3              podman system service on unix://DIR/podman.sock
 * Writes test-results/engines.json (via run-mocha) and test-results/engines-capabilities.json.
 * `--keep` leaves the engines up and prints their environment (for working on the tests).
 * Usage: node scripts/engines-tests.mjs [--grep PATTERN] [--keep]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine } from './engine.mjs';
import { renderTable } from './engines-table.mjs';
import { freePort, makePki, missingTools, startAgent, startPodman, startSshd, tlsDockerdArgs, tlsFront } from './engines.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CI = process.env.CI === 'true';
const resultsDir = path.join(root, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });
const resultFile = path.join(resultsDir, 'engines.json');
const grepIdx = process.argv.indexOf('--grep');
const keep = process.argv.includes('--keep');
const log = (m) => console.log(`[engines] ${m}`);
fs.rmSync(resultFile, { force: true });

function writeSkip(reason) {
    fs.writeFileSync(resultFile, JSON.stringify({ layer: 'engines', passed: 0, failed: CI ? 1 : 0, skipped: CI ? 0 : 1, skipReason: reason, failures: CI ? [{ title: 'engines', error: reason }] : [] }, null, 2));
    console.error(`engines: ${reason}`);
    process.exit(CI ? 1 : 0);
}

// An engine whose certificate has expired (both dates in 2020), or names another host: engines.mjs's
// tlsFront (Node's tls in front of the private dockerd's unix socket, as a reverse proxy would be).
// dockerd itself has one certificate, so each of these needs its own listener.
const missing = missingTools();
if (missing.length) {
    writeSkip(`missing ${missing.join(', ')}. Install with: apt-get install -y openssl openssh-server openssh-client podman`);
}

const t0 = Date.now();
const dir = fs.mkdtempSync('/tmp/dle.');
const stops = [];
let code = 1;
const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
        await stop().catch((e) => console.error(`[engines] stopping: ${e.message}`));
    }
    fs.rmSync(dir, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => stopAll().finally(() => process.exit(130)));
}

try {
    const pki = makePki(path.join(dir, 'pki'));
    const tlsPort = await freePort();
    const engine = await startEngine({ log, handleSignals: false, extraDockerdArgs: tlsDockerdArgs(pki, tlsPort) });
    stops.push(() => engine.stop());
    log(`dockerd up (unix ${engine.dockerHost}, TLS tcp://127.0.0.1:${tlsPort}) in ${Date.now() - t0} ms`);
    const [sshd, podman, expired, wrongName] = await Promise.all([
        startSshd(path.join(dir, 'ssh'), engine.dockerHost),
        startPodman(path.join(dir, 'pm'), engine.registry),
        tlsFront({ cert: pki.expiredServerCert, key: pki.expiredServerKey, ca: pki.ca }, engine.socketPath),
        tlsFront({ cert: pki.wrongNameServerCert, key: pki.wrongNameServerKey, ca: pki.ca }, engine.socketPath),
    ]);
    stops.push(() => sshd.stop(), () => podman.stop(), () => expired.stop(), () => wrongName.stop());
    const agent = await startAgent(dir, 'agent', [sshd.clientKey]);
    const stranger = await startAgent(dir, 'stranger', [sshd.strangerKey]);
    stops.push(() => agent.stop(), () => stranger.stop());
    log(`all engines up in ${Date.now() - t0} ms (sshd ${sshd.url}, podman ${podman.dockerHost})`);

    const config = {
        engines: [
            { name: 'docker-unix', label: 'dockerd (unix socket)', host: engine.dockerHost },
            { name: 'docker-tls', label: 'dockerd over TLS', host: `tcp://127.0.0.1:${tlsPort}`, certPath: pki.client },
            { name: 'docker-ssh', label: 'dockerd over SSH', host: sshd.url },
            { name: 'podman', label: 'Podman 4.3 (Docker API)', host: podman.dockerHost },
        ],
        tls: { port: tlsPort, expiredPort: expired.port, wrongNamePort: wrongName.port, client: pki.client, wrongCa: pki.wrongCa, noCert: pki.noCert, strangerCert: pki.strangerCert },
        ssh: { url: sshd.url, port: sshd.port, agent: agent.sock, strangerAgent: stranger.sock, knownHosts: sshd.knownHosts, knownHostsChanged: sshd.knownHostsChanged, knownHostsEmpty: sshd.knownHostsEmpty, log: sshd.log },
        dockerSocket: engine.socketPath,
        podmanSocket: podman.sock,
    };
    const env = {
        DL_ENGINES: JSON.stringify(config),
        // the SSH engine is reached as a user would: their agent, their ~/.ssh/known_hosts
        SSH_AUTH_SOCK: agent.sock,
        HOME: sshd.home,
    };
    fs.writeFileSync(path.join(dir, 'env.json'), JSON.stringify(env));
    if (keep) {
        console.log(`DL_ENGINES_ENV=${path.join(dir, 'env.json')}`);
        log('up; stop with Ctrl-C');
        await new Promise(() => {});
    }
    const args = ['scripts/run-mocha.mjs', 'engines', ...(grepIdx > 0 ? ['--grep', process.argv[grepIdx + 1]] : [])];
    code = await new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
        child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0)));
    });
} catch (e) {
    console.error(`[engines] ${e.stack || e}`);
    if (!fs.existsSync(resultFile)) {
        fs.writeFileSync(resultFile, JSON.stringify({ layer: 'engines', passed: 0, failed: 1, skipped: 0, skipReason: null, failures: [{ title: 'engines', error: String(e.message) }] }, null, 2));
    }
} finally {
    const t = Date.now();
    await stopAll();
    log(`stopped in ${Date.now() - t} ms; layer wall time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
try {
    // the capability table as this run found it (README: node scripts/engines-table.mjs --write)
    console.log(`\n${renderTable(JSON.parse(fs.readFileSync(path.join(resultsDir, 'engines-capabilities.json'), 'utf8')))}`);
} catch {
    // the tests did not get far enough to write it
}
process.exit(code);
