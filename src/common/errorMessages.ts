import vscode = require('vscode');
import { DockerError } from '../docker/errors';
import { describeErrorIn, UserMessage } from './errorWords';

export type { UserMessage } from './errorWords';

/** A DockerError in the user's words (the display language), with a next step. Details go to the log. */
export function describeError(err: DockerError, where?: string, subject?: string): UserMessage {
    return describeErrorIn(vscode.l10n, err, where, subject);
}
