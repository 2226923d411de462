/**
 * A DockerError in the user's language: the kind and the reason (data from src/docker) become words
 * here; the daemon's own message is quoted as the engine's words, never passed off as ours.
 * No `vscode` import: src/common/errorMessages.ts passes `vscode.l10n`; unit tests pass the bundles.
 */
import { DockerError, DockerReason } from '../docker/errors';
import { L10n } from './l10n';
import { isRemoteReason, remoteNext, remoteReasonText } from './remoteErrorWords';

export interface UserMessage {
    /** What went wrong, in one sentence. */
    readonly message: string;
    /** What to do next, in one sentence. */
    readonly next: string;
}

/** The reason in words. Exhaustive over `DockerReason` (the compiler checks the switch). */
export function reasonText(l10n: L10n, r: DockerReason): string {
    if (isRemoteReason(r)) {
        return remoteReasonText(l10n, r);
    }
    switch (r.id) {
        case 'hostNotUrl':
            return l10n.t('The Docker host "{0}" is not a URL: use one such as unix:///var/run/docker.sock or tcp://127.0.0.1:2375.', r.host);
        case 'unixNotAbsolute':
            return l10n.t('The Docker host "{0}" is a unix socket without an absolute path (for example unix:///var/run/docker.sock).', r.host);
        case 'npipeForm':
            return l10n.t('The Docker host "{0}" is not a named pipe path such as npipe:////./pipe/docker_engine.', r.host);
        case 'npipeNotWindows':
            return l10n.t('The Docker host "{0}" is a named pipe: named pipes are Windows-only. Here use a unix socket (unix:///var/run/docker.sock) or tcp://HOST:PORT.', r.host);
        case 'hostPortInvalid':
            return l10n.t('The Docker host "{0}" has a host name or port that is not valid.', r.host);
        case 'hostNameMissing':
            return l10n.t('The Docker host "{0}" has no host name.', r.host);
        case 'portRange':
            return l10n.t('The Docker host "{0}" has a port outside 1–65535.', r.host);
        case 'sshForm':
            return l10n.t('The Docker host "{0}" is not an SSH address such as ssh://user@host[:port].', r.host);
        case 'fdScheme':
            return l10n.t('The Docker host "{0}" uses fd://, which only the daemon itself can use.', r.host);
        case 'schemeUnsupported':
            return l10n.t('The Docker host "{0}" uses the scheme "{1}", which is not supported: use unix, npipe, tcp or ssh.', r.host, r.scheme);
        case 'fileNotJson':
            return l10n.t('The file {0} is not valid JSON.', r.file);
        case 'contextMissing':
            return l10n.t('The docker context "{0}" does not exist (there is no {1}).', r.context, r.file);
        case 'contextNoEndpoint':
            return l10n.t('The docker context "{0}" has no Docker endpoint.', r.context);
        case 'noAnswer':
            return l10n.t('Docker at {0} did not answer within {1} s.', r.endpoint, r.seconds);
        case 'socketGroup':
            return l10n.t('Permission denied on the Docker socket {0}: it belongs to the group "{1}".', r.socket, r.group);
        case 'notAList':
            return l10n.t('Docker at {0} answered {1} with something that is not a list: {2}', r.endpoint, r.request, r.sample);
    }
}

/** Full 64-hex ids (with or without `sha256:`) in the engine's words, cut to the 12 characters `docker ps` shows. */
export function shortIds(text: string): string {
    return text.replace(/\b(?:sha256:)?([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}

/**
 * A DockerError in the user's words, with a next step. Details go to the log, not here.
 * `where`: the endpoint tried (its display form); `subject`: the container or image acted on, by name.
 */
export function describeErrorIn(l10n: L10n, err: DockerError, where?: string, subject?: string): UserMessage {
    const at = where ?? l10n.t('the Docker endpoint');
    const overSsh = !!where && where.startsWith('ssh://');
    if (isRemoteReason(err.reason)) {
        // an SSH key or a TLS certificate: its own words and its own next step
        return { message: remoteReasonText(l10n, err.reason), next: remoteNext(l10n, err.reason) };
    }
    switch (err.kind) {
        case 'noSocket':
            return {
                message: l10n.t('Docker is not running, or there is no Docker socket at {0}.', at),
                next: l10n.t('Start Docker (for example `sudo systemctl start docker`, or open Docker Desktop), then try again.'),
            };
        case 'permission':
            if (err.reason?.id === 'socketGroup' && err.reason.group !== 'docker') {
                return {
                    message: reasonText(l10n, err.reason),
                    // joining the root group would be far more than Docker needs: do not advise it
                    next:
                        err.reason.group === 'root'
                            ? l10n.t('Only root may use this socket. Ask whoever set up Docker on this machine to give your user access (usually through a `docker` group), or use rootless Docker.')
                            : l10n.t('Add your user to the group "{0}" (`sudo usermod -aG {0} $USER`, then sign in again), or ask whoever set up Docker on this machine.', err.reason.group),
                };
            }
            return {
                message: l10n.t('Permission denied on the Docker socket {0}.', at),
                next: l10n.t('Add your user to the `docker` group (`sudo usermod -aG docker $USER`, then sign in again), or use rootless Docker.'),
            };
        case 'refused':
            if (overSsh) {
                return {
                    message: l10n.t('The SSH connection to {0} was refused.', at),
                    next: l10n.t('Check that an SSH server runs there and that `ssh` to that host works for you (keys, user, port); Docker runs on that machine, not here.'),
                };
            }
            return {
                message: l10n.t('Nothing is listening at {0}.', at),
                next: l10n.t('Start the Docker daemon, or check the Docker host setting.'),
            };
        case 'timeout':
            return {
                message: err.reason ? reasonText(l10n, err.reason) : l10n.t('Docker at {0} did not answer in time.', at),
                next: l10n.t('Check that the daemon is not stuck, or raise the setting `dockerLessons.requestTimeoutSeconds`.'),
            };
        case 'unreachable':
            return {
                message: l10n.t('Cannot reach the Docker host {0}.', at),
                next: l10n.t('Check the host name and your network (VPN, firewall, SSH access).'),
            };
        case 'apiVersion':
            return {
                message: l10n.t('Docker at {0} uses an API version this extension cannot use. The engine says: {1}', at, err.message),
                next: l10n.t('Update Docker Engine, or update this extension.'),
            };
        case 'badConfig':
            return {
                message: err.reason ? reasonText(l10n, err.reason) : l10n.t('The Docker endpoint is not usable: {0}', err.message),
                next: l10n.t('Fix the setting `dockerLessons.dockerHost`, the `DOCKER_HOST` variable or the current docker context.'),
            };
        case 'notFound':
            return {
                message: subject ? l10n.t('Docker could not find {0}. The engine says: {1}', subject, shortIds(err.message)) : l10n.t('Docker could not find it. The engine says: {0}', shortIds(err.message)),
                next: l10n.t('Something else may have removed it. The views have been refreshed.'),
            };
        case 'conflict':
            return {
                message: l10n.t('Docker refused because of a conflict. The engine says: {0}', err.message),
                next: l10n.t('Check the state of the container or image, then try again.'),
            };
        case 'cancelled':
            return { message: l10n.t('Cancelled.'), next: '' };
        case 'http':
            return {
                message: err.reason ? reasonText(l10n, err.reason) : l10n.t('Docker answered with an error. The engine says: {0}', err.message),
                next: l10n.t('Show Logs has the details.'),
            };
        default:
            return {
                message: l10n.t('Something went wrong talking to Docker. The original message: {0}', err.message),
                next: l10n.t('Show Logs has the details.'),
            };
    }
}
