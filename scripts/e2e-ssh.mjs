/**
 * The e2e layer's SSH engine (issue #12): Debian's sshd on a loopback port in front of the tests'
 * private engine, an ssh-agent holding the authorized key, and a home folder as a user would have it:
 * ~/.ssh/known_hosts with the throwaway host key and a docker context `e2e-ssh` made with the docker
 * CLI (`docker context create e2e-ssh --docker host=ssh://root@127.0.0.1:PORT`). code-server's
 * extension host gets HOME and SSH_AUTH_SOCK from `env`, so the endpoint chooser lists that context and
 * the extension reaches it with the user's agent and known_hosts. Measured: ~0.5 s to start.
 * Reuses scripts/engines.mjs's sshd and agent; everything is stopped by pid.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingTools, startAgent, startSshd } from './engines.mjs';

export const SSH_CONTEXT = 'e2e-ssh';

/**
 * Starts the SSH engine in front of `dockerHost`. Resolves to {env, info, stop} or, when this machine
 * cannot run it (not root, openssh missing), to {reason}.
 */
export async function startSshEndpoint({ dockerHost, log = () => {} }) {
    const t0 = Date.now();
    const missing = missingTools().filter((m) => /^(sshd|ssh-keygen|ssh-agent) /.test(m));
    if (missing.length) {
        return { reason: `no SSH engine for the e2e tests: missing ${missing.join(', ')}.` };
    }
    if (process.getuid?.() !== 0) {
        return { reason: 'no SSH engine for the e2e tests: sshd on a loopback port needs root here.' };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dle2essh-'));
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
        const dockerConfig = path.join(sshd.home, '.docker');
        const r = spawnSync('docker', ['context', 'create', SSH_CONTEXT, '--docker', `host=${sshd.url}`], {
            encoding: 'utf8',
            env: { ...process.env, DOCKER_CONFIG: dockerConfig },
        });
        if (r.status !== 0) {
            throw new Error(`docker context create ${SSH_CONTEXT} failed: ${r.stderr || r.error?.message}`);
        }
        log(`SSH engine ${sshd.url} (context ${SSH_CONTEXT}, agent ${agent.sock}) in front of ${dockerHost}, up in ${Date.now() - t0} ms`);
        return {
            // what the extension host needs to reach it as a user would: their agent, their home
            env: { HOME: sshd.home, SSH_AUTH_SOCK: agent.sock },
            info: { context: SSH_CONTEXT, url: sshd.url, port: sshd.port, home: sshd.home, knownHosts: sshd.knownHosts, log: sshd.log },
            startMs: Date.now() - t0,
            stop,
        };
    } catch (e) {
        await stop();
        return { reason: `no SSH engine for the e2e tests: ${e.message}` };
    }
}
