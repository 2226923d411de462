import * as vscode from 'vscode';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { ApiCall } from '../docker/cli';
import { Engine } from '../docker/engine';
import { classifyError } from '../docker/errors';
import { DockerClient } from '../docker/types';
import { RefreshManager } from '../tree/refreshManager';
import { DockerViews } from '../tree/views';
import { InspectDocuments } from './inspectDocuments';

/** What the explorer commands need, passed in (no global service locator). */
export interface ExplorerDeps {
    readonly engine: Engine;
    readonly refresh: RefreshManager;
    readonly views: DockerViews;
    readonly log: Logger;
    readonly docs: InspectDocuments;
}

/**
 * Runs one Engine action: logs the CLI command and API call it stands for, shows progress in the
 * view, refreshes afterwards, and reports a failure with the daemon's own message and a next step.
 * Returns true when it succeeded.
 */
export async function runAction(deps: ExplorerDeps, viewId: string, call: ApiCall, fn: (client: DockerClient) => Promise<void>): Promise<boolean> {
    deps.log.info(`${call.cli}    → ${call.api}`);
    try {
        await vscode.window.withProgress({ location: { viewId } }, async () => fn(deps.engine.client()));
        return true;
    } catch (e) {
        const err = classifyError(e);
        deps.log.error(`${call.cli} failed: ${err.kind}${err.statusCode ? ` (HTTP ${err.statusCode})` : ''}: ${err.message}`);
        const m = describeError(err);
        const showLogs = vscode.l10n.t('Show Logs');
        void vscode.window.showErrorMessage(`${m.message} ${m.next}`.trim(), showLogs).then((p) => p === showLogs && deps.log.show());
        return false;
    } finally {
        await deps.refresh.refresh();
    }
}

/** The node the command was run on plus the rest of the multi-selection, without duplicates. */
export function selected<T>(node: T | undefined, selection: readonly T[] | undefined, accept: (n: unknown) => n is T): T[] {
    const all = selection && selection.length ? selection : node ? [node] : [];
    return [...new Set(all.filter(accept))];
}
