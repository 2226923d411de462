/**
 * TLS and SSH failures in the user's language: what went wrong and the one next step that fixes it.
 * Each failure mode was produced for real against the engines layer's servers (test/engines).
 * No `vscode` import (errorWords.ts passes the l10n).
 */
import type { DockerReason } from '../docker/errors';
import { L10n } from './l10n';

const REMOTE_IDS = ['sshHostUnknown', 'sshHostChanged', 'sshNoAgent', 'sshKeyRefused', 'tlsUntrusted', 'tlsExpired', 'tlsWrongName', 'tlsClientCertMissing', 'tlsClientCertRefused', 'tlsExpected', 'tlsNotOffered'] as const;
type RemoteReason = Extract<DockerReason, { id: (typeof REMOTE_IDS)[number] }>;

/** A failure of trust between us and a remote engine (an SSH key, a TLS certificate). */
export function isRemoteReason(r: DockerReason | undefined): r is RemoteReason {
    return !!r && (REMOTE_IDS as readonly string[]).includes(r.id);
}

export function remoteReasonText(l10n: L10n, r: RemoteReason): string {
    switch (r.id) {
        case 'sshHostUnknown':
            return l10n.t('The SSH host {0} is not in your `known_hosts` file ({1} shows the key {2}), so it cannot be trusted yet.', r.target, r.name, r.fingerprint);
        case 'sshHostChanged':
            return l10n.t('The SSH host {0} shows a different key ({1}) from the one recorded in {2}. Someone may be intercepting the connection, or the server was reinstalled.', r.name, r.fingerprint, r.file);
        case 'sshNoAgent':
            return l10n.t('No SSH agent is running for VS Code (`SSH_AUTH_SOCK` is not set), so there is no key to log in to {0}.', r.target);
        case 'sshKeyRefused':
            return l10n.t('{0} refused every key your SSH agent offered.', r.target);
        case 'tlsUntrusted':
            return l10n.t('The TLS certificate of {0} is not signed by the CA in your certificate folder ({1}).', r.target, r.code);
        case 'tlsExpired':
            return l10n.t('The TLS certificate of {0} has expired (or is not valid yet).', r.target);
        case 'tlsWrongName':
            return l10n.t('The TLS certificate of {0} was issued for another host name.', r.target);
        case 'tlsClientCertMissing':
            return l10n.t('{0} asks for a client certificate, and there is none: no `cert.pem` and `key.pem` in {1}.', r.target, r.certPath || '~/.docker');
        case 'tlsClientCertRefused':
            return l10n.t('{0} refused the client certificate from {1}.', r.target, r.certPath || '~/.docker');
        case 'tlsExpected':
            return l10n.t('This Docker engine only speaks TLS (https), and the connection used plain HTTP.');
        case 'tlsNotOffered':
            return l10n.t('{0} did not answer with TLS: it may be a plain (unencrypted) Docker port.', r.target);
    }
}

export function remoteNext(l10n: L10n, r: RemoteReason): string {
    switch (r.id) {
        case 'sshHostUnknown':
            return l10n.t('Run `ssh {0}` once in a terminal, compare the fingerprint with the server\'s, and accept it; then try again.', r.target);
        case 'sshHostChanged':
            return l10n.t('Ask the server\'s administrator for its key fingerprint; only if it matches, remove the old entry with `ssh-keygen -R "{0}"` and connect once with `ssh`.', r.name);
        case 'sshNoAgent':
            return l10n.t('Start an agent and add your key (`eval $(ssh-agent)` then `ssh-add`) in the environment VS Code starts from, then restart VS Code.');
        case 'sshKeyRefused':
            return l10n.t('Check `ssh-add -l` lists the key that the server\'s authorized_keys holds for this user (`ssh-copy-id` installs it), and the user name in the address.');
        case 'tlsUntrusted':
            return l10n.t('Put the CA certificate that signed the engine\'s certificate into `ca.pem` of your certificate folder (`DOCKER_CERT_PATH` or the docker context).');
        case 'tlsExpired':
            return l10n.t('Ask whoever runs the engine to renew its certificate (and check this computer\'s clock).');
        case 'tlsWrongName':
            return l10n.t('Use the host name the certificate was issued for in the Docker host setting, or have the certificate reissued with this name.');
        case 'tlsClientCertMissing':
            return l10n.t('Put your client certificate and key (`cert.pem`, `key.pem`) next to `ca.pem`, or set `DOCKER_CERT_PATH` to their folder.');
        case 'tlsClientCertRefused':
            return l10n.t('Get a client certificate signed by the engine\'s CA (the one in its `--tlscacert`), and check it has not expired.');
        case 'tlsExpected':
            return l10n.t('Turn TLS on: set `DOCKER_TLS_VERIFY=1` and `DOCKER_CERT_PATH`, or choose a docker context that has the certificates.');
        case 'tlsNotOffered':
            return l10n.t('Turn TLS off for this host (unset `DOCKER_TLS_VERIFY`), or check the port: 2376 is Docker\'s TLS port, 2375 the plain one.');
    }
}
