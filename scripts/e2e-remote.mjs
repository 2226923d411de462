/**
 * The e2e layer's remote engines (issue #12), in front of the tests' private engine, and a home folder
 * as a user would have it, for code-server's extension host (HOME and SSH_AUTH_SOCK in `env`):
 *  - SSH: Debian's sshd on a loopback port with a throwaway host key, an ssh-agent holding the
 *    authorized key, ~/.ssh/known_hosts, and the docker context `e2e-ssh` (ssh://root@127.0.0.1:PORT);
 *  - TLS: a TLS front on a loopback port (engines.mjs's tlsFront: a throwaway CA, client certificates
 *    required) piping to the engine's unix socket, and the docker contexts `e2e-tls`
 *    (verified with its CA) and `e2e-tls-noverify` (skip-tls-verify).
 * The contexts are made with the docker CLI (`docker context create`), as a user makes them.
 * Measured: ~0.5 s for SSH, ~0.8 s for the certificates. Reuses scripts/engines.mjs; stopped by pid.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePki, missingTools, startAgent, startSshd, tlsFront } from './engines.mjs';

export const SSH_CONTEXT = 'e2e-ssh';
export const TLS_CONTEXT = 'e2e-tls';
export const TLS_NOVERIFY_CONTEXT = 'e2e-tls-noverify';

function createContext(dockerConfig, name, docker) {
    const r = spawnSync('docker', ['context', 'create', name, '--docker', docker], { encoding: 'utf8', env: { ...process.env, DOCKER_CONFIG: dockerConfig } });
    if (r.status !== 0) {
        throw new Error(`docker context create ${name} failed: ${r.stderr || r.error?.message}`);
    }
}

/**
 * Starts the remote engines in front of `dockerHost` (a unix socket). Resolves to
 * {env, info, startMs, stop} or, when this machine cannot run them (not root, openssh or openssl
 * missing), to {reason}.
 */
export async function startRemoteEndpoints({ dockerHost, log = () => {} }) {
    const t0 = Date.now();
    const missing = missingTools().filter((m) => /^(sshd|ssh-keygen|ssh-agent|openssl) /.test(m));
    if (missing.length) {
        return { reason: `no remote engines for the e2e tests: missing ${missing.join(', ')}.` };
    }
    if (process.getuid?.() !== 0) {
        return { reason: 'no remote engines for the e2e tests: sshd on a loopback port needs root here.' };
    }
    if (!dockerHost?.startsWith('unix://')) {
        return { reason: `no remote engines for the e2e tests: the engine is not a unix socket (${dockerHost}).` };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dle2eremote-'));
    const stops = [];
    const stop = async () => {
        while (stops.length) {
            await stops.pop()().catch(() => undefined);
        }
        if (!process.env.DL_KEEP_TMP) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    };
    try {
        const sshd = await startSshd(path.join(dir, 'ssh'), dockerHost);
        stops.push(() => sshd.stop());
        const agent = await startAgent(dir, 'agent', [sshd.clientKey]);
        stops.push(() => agent.stop());
        const tSsh = Date.now() - t0;
        const pki = makePki(path.join(dir, 'pki'));
        const front = await tlsFront({ cert: pki.serverCert, key: pki.serverKey, ca: pki.ca }, dockerHost.slice('unix://'.length));
        stops.push(() => front.stop());
        const tlsUrl = `tcp://127.0.0.1:${front.port}`;
        const dockerConfig = path.join(sshd.home, '.docker');
        const c = (f) => path.join(pki.client, f);
        createContext(dockerConfig, SSH_CONTEXT, `host=${sshd.url}`);
        createContext(dockerConfig, TLS_CONTEXT, `host=${tlsUrl},ca=${c('ca.pem')},cert=${c('cert.pem')},key=${c('key.pem')}`);
        createContext(dockerConfig, TLS_NOVERIFY_CONTEXT, `host=${tlsUrl},ca=${c('ca.pem')},cert=${c('cert.pem')},key=${c('key.pem')},skip-tls-verify=true`);
        log(`remote engines in front of ${dockerHost}: ${sshd.url} (context ${SSH_CONTEXT}, agent ${agent.sock}) up in ${tSsh} ms; ${tlsUrl} (contexts ${TLS_CONTEXT}, ${TLS_NOVERIFY_CONTEXT}); all in ${Date.now() - t0} ms`);
        return {
            // what the extension host needs to reach them as a user would: their agent, their home
            env: { HOME: sshd.home, SSH_AUTH_SOCK: agent.sock },
            info: {
                context: SSH_CONTEXT,
                url: sshd.url,
                port: sshd.port,
                home: sshd.home,
                knownHosts: sshd.knownHosts,
                log: sshd.log,
                tls: { context: TLS_CONTEXT, noVerifyContext: TLS_NOVERIFY_CONTEXT, url: tlsUrl },
            },
            startMs: Date.now() - t0,
            stop,
        };
    } catch (e) {
        await stop();
        return { reason: `no remote engines for the e2e tests: ${e.message}` };
    }
}
