import vscode = require('vscode');
import { visibleControls } from '../common/bidi';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { notify } from '../common/notices';
import { ApiCall } from '../docker/cli';
import { Engine } from '../docker/engine';
import { DockerClient } from '../docker/types';
import { RefreshManager } from '../model/refreshManager';
import { noteTouched } from '../model/touched';
import { DockerViews } from '../tree/views';
import { InspectDocuments } from './inspectDocuments';
import { reportError } from './reportError';

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
    const touched = new Set<string>();
    try {
        await vscode.window.withProgress({ location: { viewId } }, async () => fn(noteTouched(deps.engine.client(), touched)));
        return true;
    } catch (e) {
        void reportError(deps.log, call.cli, e, call.subject);
        return false;
    } finally {
        // the containers it acted on are read again; no full list
        await deps.refresh.settle([...touched]);
    }
}

/**
 * A palette picker found nothing to offer: when the engine is not connected that is the reason, not
 * "there are none yet". Says so with the reason and its actions. Returns true when it did.
 */
export function engineNotReady(deps: ExplorerDeps): boolean {
    const s = deps.engine.state;
    if (s.state === 'connected') {
        return false;
    }
    const m = s.error ? describeError(s.error, s.endpoint?.display) : undefined;
    const message = m
        ? vscode.l10n.t('Docker is not reachable, so there is nothing to choose from. {0} {1}', m.message, m.next)
        : vscode.l10n.t('Docker at {0} has not answered yet, so there is nothing to choose from.', s.endpoint?.display ?? vscode.l10n.t('the Docker endpoint'));
    deps.log.info(`picker: the engine is ${s.state}${s.error ? ` (${s.error.kind})` : ''}`);
    void notify('error', visibleControls(message), [
        { title: vscode.l10n.t('Retry'), run: () => vscode.commands.executeCommand('dockerLessons.refresh') },
        { title: vscode.l10n.t('Show Logs'), run: () => deps.log.show() },
        { title: vscode.l10n.t('Docker Endpoint Settings'), run: () => vscode.commands.executeCommand('dockerLessons.openSettings') },
    ]);
    return true;
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
