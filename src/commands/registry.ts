import vscode = require('vscode');
import { visibleControls } from '../common/bidi';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { classifyError } from '../docker/errors';

export interface CommandSpec {
    readonly id: string;
    readonly run: (...args: unknown[]) => unknown;
}

export const CommandIds = {
    refresh: 'dockerLessons.refresh',
    showLogs: 'dockerLessons.showLogs',
    openSettings: 'dockerLessons.openSettings',
    chooseEndpoint: 'dockerLessons.chooseEndpoint',
    engineMenu: 'dockerLessons.engineMenu',
    containerStart: 'dockerLessons.container.start',
    containerStop: 'dockerLessons.container.stop',
    containerRestart: 'dockerLessons.container.restart',
    containerPause: 'dockerLessons.container.pause',
    containerUnpause: 'dockerLessons.container.unpause',
    containerRemove: 'dockerLessons.container.remove',
    containerLogs: 'dockerLessons.container.logs',
    containerShell: 'dockerLessons.container.shell',
    containerInspect: 'dockerLessons.container.inspect',
    containerCopyId: 'dockerLessons.container.copyId',
    imageRun: 'dockerLessons.image.run',
    imagePull: 'dockerLessons.image.pull',
    imageRemove: 'dockerLessons.image.remove',
    imageInspect: 'dockerLessons.image.inspect',
    imageHistory: 'dockerLessons.image.history',
    imagePrune: 'dockerLessons.image.prune',
    openLesson: 'dockerLessons.openLesson',
    containerExplain: 'dockerLessons.container.explain',
    imageExplain: 'dockerLessons.image.explain',
    resetProgress: 'dockerLessons.resetProgress',
    dockerfileExplain: 'dockerLessons.dockerfile.explain',
    dockerfileBuild: 'dockerLessons.dockerfile.build',
} as const;

/** Shows a failure to the user with its next step and logs the details. Never throws. */
export async function reportError(log: Logger, what: string, error: unknown, subject?: string): Promise<void> {
    const err = classifyError(error);
    if (err.kind === 'cancelled') {
        return;
    }
    log.error(`${what} failed: ${err.kind}${err.statusCode ? ` (HTTP ${err.statusCode})` : ''}: ${err.message}`);
    const m = describeError(err, undefined, subject);
    const showLogs = vscode.l10n.t('Show Logs');
    const picked = await vscode.window.showErrorMessage(visibleControls(`${m.message} ${m.next}`.trim()), showLogs);
    if (picked === showLogs) {
        log.show();
    }
}

/** Registers every command from one table; each handler's failure reaches the user, never unhandled. */
export function registerCommands(specs: readonly CommandSpec[], log: Logger): vscode.Disposable[] {
    return specs.map((spec) =>
        vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
            try {
                return await spec.run(...args);
            } catch (e) {
                // not awaited: the command settles now; the message waits for the user
                void reportError(log, spec.id, e);
                return undefined;
            }
        }),
    );
}
