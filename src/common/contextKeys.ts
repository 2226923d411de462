import vscode = require('vscode');

/** Context keys used in `when` clauses, set in one place. */
export const ContextKeys = {
    engineState: 'dockerLessons.engineState',
    engineError: 'dockerLessons.engineError',
} as const;

/** `hello-world` → `dockerLessons.lessonDone.helloWorld` (context keys read best without dashes). */
export function lessonDoneKey(lessonId: string): string {
    return `dockerLessons.lessonDone.${lessonId.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
}

export function setContext(key: (typeof ContextKeys)[keyof typeof ContextKeys] | ReturnType<typeof lessonDoneKey>, value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
}
