import vscode = require('vscode');
import { DockerError } from '../docker/errors';

export interface UserMessage {
    /** What went wrong, in one sentence. */
    readonly message: string;
    /** What to do next, in one sentence. */
    readonly next: string;
}

/** A DockerError in the user's words, with a next step. Details go to the log, not here. */
export function describeError(err: DockerError, where?: string): UserMessage {
    const at = where ?? vscode.l10n.t('the Docker endpoint');
    switch (err.kind) {
        case 'noSocket':
            return {
                message: vscode.l10n.t('Docker is not running, or there is no Docker socket at {0}.', at),
                next: vscode.l10n.t('Start Docker (for example `sudo systemctl start docker`, or open Docker Desktop), then try again.'),
            };
        case 'permission':
            return {
                message: vscode.l10n.t('Permission denied on the Docker socket {0}.', at),
                next: vscode.l10n.t('Add your user to the `docker` group (`sudo usermod -aG docker $USER`, then sign in again), or use rootless Docker.'),
            };
        case 'refused':
            return {
                message: vscode.l10n.t('Nothing is listening at {0}.', at),
                next: vscode.l10n.t('Start the Docker daemon, or check the Docker host setting.'),
            };
        case 'timeout':
            return {
                message: vscode.l10n.t('Docker at {0} did not answer in time.', at),
                next: vscode.l10n.t('Check that the daemon is not stuck, or raise the setting `dockerLessons.requestTimeoutSeconds`.'),
            };
        case 'unreachable':
            return {
                message: vscode.l10n.t('Cannot reach the Docker host {0}.', at),
                next: vscode.l10n.t('Check the host name and your network (VPN, firewall, SSH access).'),
            };
        case 'apiVersion':
            return {
                message: vscode.l10n.t('Docker at {0} speaks an API version we cannot use: {1}', at, err.message),
                next: vscode.l10n.t('Update Docker Engine, or update this extension.'),
            };
        case 'badConfig':
            return {
                message: vscode.l10n.t('The Docker endpoint is not usable: {0}', err.message),
                next: vscode.l10n.t('Fix the setting `dockerLessons.dockerHost`, the `DOCKER_HOST` variable or the current docker context.'),
            };
        case 'notFound':
            return {
                message: vscode.l10n.t('Docker says it does not exist: {0}', err.message),
                next: vscode.l10n.t('Something else may have removed it. The views have been refreshed.'),
            };
        case 'conflict':
            return {
                message: vscode.l10n.t('Docker refused because of a conflict: {0}', err.message),
                next: vscode.l10n.t('Check the state of the container or image, then try again.'),
            };
        case 'cancelled':
            return { message: vscode.l10n.t('Cancelled.'), next: '' };
        case 'http':
            return {
                message: vscode.l10n.t('Docker answered with an error: {0}', err.message),
                next: vscode.l10n.t('Show Logs has the details.'),
            };
        default:
            return {
                message: vscode.l10n.t('Something went wrong talking to Docker: {0}', err.message),
                next: vscode.l10n.t('Show Logs has the details.'),
            };
    }
}
