/**
 * Trust for remote engines: the SSH host key checked against known_hosts (as `ssh` does; ssh2 would
 * accept any key), and what the last TLS / SSH connection attempt had (an agent, a client
 * certificate, the host key's verdict), so that `classifyError` can tell "no agent" from "key refused"
 * and "client certificate missing" from "refused": node and ssh2 report both alike.
 * No `vscode` import.
 */
import { shared } from '../common/shared';
import { createHash, createHmac } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type HostKeyVerdict = 'known' | 'unknown' | 'changed';

export interface HostKeyCheck {
    readonly verdict: HostKeyVerdict;
    /** `[host]:port`, or `host` on port 22, as known_hosts names it. */
    readonly name: string;
    /** `SHA256:…`, as `ssh` prints a key's fingerprint. */
    readonly fingerprint: string;
    /** The file that knows the host under another key (verdict `changed`). */
    readonly file?: string;
}

export function knownHostsName(host: string, port: number): string {
    return port === 22 ? host : `[${host}]:${port}`;
}

export function fingerprint(keyBlob: Buffer): string {
    return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

function globMatch(pattern: string, name: string): boolean {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    return re.test(name);
}

/** Does a known_hosts host field (comma-separated patterns, or one `|1|salt|hash`) name `name`? */
export function hostFieldMatches(field: string, name: string): boolean {
    if (field.startsWith('|1|')) {
        const [, , salt, hash] = field.split('|');
        if (!salt || !hash) {
            return false;
        }
        return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
    }
    let matched = false;
    for (const p of field.split(',')) {
        if (p.startsWith('!')) {
            if (globMatch(p.slice(1), name)) {
                return false;
            }
        } else if (globMatch(p, name)) {
            matched = true;
        }
    }
    return matched;
}

/** Check a host key (its wire blob) against known_hosts texts, in order; `files` maps a file to its text. */
export function checkHostKey(files: ReadonlyArray<{ file: string; text: string }>, host: string, port: number, keyBlob: Buffer): HostKeyCheck {
    const name = knownHostsName(host, port);
    const fp = fingerprint(keyBlob);
    const wanted = keyBlob.toString('base64');
    let changedIn: string | undefined;
    for (const { file, text } of files) {
        for (const raw of text.split('\n')) {
            const line = raw.trim();
            if (!line || line.startsWith('#')) {
                continue;
            }
            const parts = line.split(/\s+/);
            if (parts[0].startsWith('@')) {
                // @cert-authority / @revoked: not for plain host keys
                continue;
            }
            const [field, , blob] = parts;
            if (!field || !blob || !hostFieldMatches(field, name)) {
                continue;
            }
            if (blob === wanted) {
                return { verdict: 'known', name, fingerprint: fp };
            }
            changedIn ??= file;
        }
    }
    return changedIn ? { verdict: 'changed', name, fingerprint: fp, file: changedIn } : { verdict: 'unknown', name, fingerprint: fp };
}

export function defaultKnownHostsFiles(): string[] {
    return [path.join(os.homedir(), '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'];
}

export function readKnownHosts(files: readonly string[]): { file: string; text: string }[] {
    const out: { file: string; text: string }[] = [];
    for (const file of files) {
        try {
            out.push({ file, text: fs.readFileSync(file, 'utf8') });
        } catch {
            // no such file: nothing known there
        }
    }
    return out;
}

/** What the most recent connection attempt to a remote engine had. */
export interface RemoteAttempt {
    readonly kind: 'ssh' | 'tls';
    readonly target: string;
    /** ssh: an agent socket was there to ask for keys. */
    readonly agent?: boolean;
    /** ssh: the host key's verdict (set once the server showed its key). */
    hostKey?: HostKeyCheck;
    /** tls: a client certificate and key were sent. */
    readonly clientCert?: boolean;
    /** tls: the folder the certificates came from. */
    readonly certPath?: string;
}

// one store per process, whichever bundle (dist/extension.js, dist/docker.js) holds this module
const store = shared('remoteAttempts', (): { ssh?: RemoteAttempt; tls?: RemoteAttempt } => ({}));

export function noteAttempt(a: RemoteAttempt): RemoteAttempt {
    store[a.kind] = a;
    return a;
}

export function lastAttempt(kind: 'ssh' | 'tls'): RemoteAttempt | undefined {
    return store[kind];
}
