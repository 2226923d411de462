import vscode = require('vscode');
import { Logger } from '../common/logger';
import { RefreshManager } from '../model/refreshManager';
import { CommandIds, CommandSpec } from './registry';

export function generalCommands(refresh: RefreshManager, log: Logger): CommandSpec[] {
    return [
        {
            id: CommandIds.refresh,
            run: async () => {
                log.info('refresh requested (docker image ls; docker ps -a)');
                await refresh.refresh();
            },
        },
        { id: CommandIds.showLogs, run: () => log.show() },
        {
            id: CommandIds.openSettings,
            run: () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:docker-lessons.docker-lessons'),
        },
    ];
}
