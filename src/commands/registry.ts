import vscode = require('vscode');

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

/** Registers every command from one table; each handler's failure goes to `report` (it must not throw), never unhandled. */
export function registerCommands(specs: readonly CommandSpec[], report: (id: string, error: unknown) => void): vscode.Disposable[] {
    return specs.map((spec) =>
        vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
            try {
                return await spec.run(...args);
            } catch (e) {
                // not awaited: the command settles now; the message waits for the user
                report(spec.id, e);
                return undefined;
            }
        }),
    );
}
