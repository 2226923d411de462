/**
 * dockerode's connection options for a resolved endpoint (unix/npipe socket, tcp with or without
 * TLS, ssh). No `vscode` import.
 */
import Dockerode from 'dockerode';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sshHttpAgent } from './sshAgent';
import { checkHostKey, defaultKnownHostsFiles, noteAttempt, readKnownHosts } from './remoteTrust';
import { DockerEndpoint } from './types';

/** Where an ssh:// endpoint finds its keys and the hosts it trusts (tests point these elsewhere). */
export interface RemoteOptions {
    /** The ssh-agent socket; default `SSH_AUTH_SOCK`. */
    readonly sshAgent?: string;
    /** known_hosts files; default ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts. */
    readonly knownHostsFiles?: readonly string[];
}

function readIfExists(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch {
        return undefined;
    }
}

export function dockerodeOptions(endpoint: DockerEndpoint, remote: RemoteOptions = {}): Dockerode.DockerOptions {
    switch (endpoint.kind) {
        case 'unix':
        case 'npipe':
            return { socketPath: endpoint.socketPath };
        case 'ssh': {
            // docker-modem reads SSH_AUTH_SOCK only while parsing DOCKER_HOST, which we hide from it
            const agent = 'sshAgent' in remote ? remote.sshAgent : process.env.SSH_AUTH_SOCK;
            const host = endpoint.host!;
            const port = endpoint.port ?? 22;
            const files = remote.knownHostsFiles ?? defaultKnownHostsFiles();
            const attempt = noteAttempt({ kind: 'ssh', target: endpoint.display, agent: !!agent });
            // one SSH connection for many requests (src/docker/sshAgent.ts), not docker-modem's one per request
            const agentOpt = sshHttpAgent({
                host,
                port,
                username: endpoint.username ?? os.userInfo().username,
                agent: agent || undefined,
                // as `ssh` does (and ssh2 does not): only a host known_hosts knows, under the same key
                hostVerifier: (key: Buffer) => {
                    attempt.hostKey = checkHostKey(readKnownHosts(files), host, port, key);
                    noteAttempt(attempt);
                    return attempt.hostKey.verdict === 'known';
                },
            });
            // docker-modem passes `agent` on to http.request (its types do not list it)
            return { protocol: 'http', host, port, agent: agentOpt } as Dockerode.DockerOptions;
        }
        case 'tcp': {
            if (!endpoint.tls) {
                return { protocol: 'http', host: endpoint.host, port: endpoint.port };
            }
            const dir = endpoint.tls.certPath;
            const opts: Dockerode.DockerOptions = { protocol: 'https', host: endpoint.host, port: endpoint.port };
            if (dir) {
                opts.ca = readIfExists(path.join(dir, 'ca.pem'));
                opts.cert = readIfExists(path.join(dir, 'cert.pem'));
                opts.key = readIfExists(path.join(dir, 'key.pem'));
            }
            noteAttempt({ kind: 'tls', target: endpoint.display, clientCert: !!(opts.cert && opts.key), certPath: dir });
            // docker-modem passes unknown options through to https.request
            (opts as { rejectUnauthorized?: boolean }).rejectUnauthorized = endpoint.tls.verify;
            return opts;
        }
    }
}
