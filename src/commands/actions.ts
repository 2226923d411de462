import vscode = require('vscode');
import { Logger } from '../common/logger';
import { ApiCall } from '../docker/cli';
import { Engine } from '../docker/engine';
import { DockerClient } from '../docker/types';
import { RefreshManager } from '../model/refreshManager';
import { DockerViews } from '../tree/views';
import { InspectDocuments } from './inspectDocuments';
import { reportError } from './registry';

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
    logCall(deps.log, call);
    try {
        await vscode.window.withProgress({ location: { viewId } }, async () => fn(deps.engine.client()));
        return true;
    } catch (e) {
        void reportError(deps.log, call.cli, e, call.subject);
        return false;
    } finally {
        await deps.refresh.settle();
    }
}

/** One log line per Engine action: what a learner would type, and the API call behind it. */
export function logCall(log: Logger, call: ApiCall, suffix = ''): void {
    log.info(`${call.cli}    → ${call.api}${suffix}`);
}

/** The node the command was run on plus the rest of the multi-selection, without duplicates. */
export function selected<T>(node: T | undefined, selection: readonly T[] | undefined, accept: (n: unknown) => n is T): T[] {
    const all = selection && selection.length ? selection : node ? [node] : [];
    return [...new Set(all.filter(accept))];
}
