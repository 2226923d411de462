import vscode = require('vscode');
import { visibleControls } from '../common/bidi';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { classifyError } from '../docker/errors';

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
