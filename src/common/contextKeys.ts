import * as vscode from 'vscode';

/** Context keys used in `when` clauses, set in one place. */
export const ContextKeys = {
    engineState: 'dockerLessons.engineState',
    engineError: 'dockerLessons.engineError',
} as const;

export function setContext(key: (typeof ContextKeys)[keyof typeof ContextKeys], value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
}
