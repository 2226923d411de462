import vscode = require('vscode');
import { visibleControls } from './bidi';
import { shared } from './shared';

/** The last messages shown to the user through `notify` (for the test API: what the user saw); one list for both bundles. */
const shown = shared('notices', (): { kind: 'info' | 'warning' | 'error'; message: string }[] => []);

export function recentNotices(): readonly { kind: 'info' | 'warning' | 'error'; message: string }[] {
    return shown;
}

/** One notification, with actions; runs the command of the action picked. Recorded (last 50) for tests. */
export async function notify(kind: 'info' | 'warning' | 'error', message: string, actions: readonly { title: string; run: () => unknown }[] = []): Promise<void> {
    message = visibleControls(message);
    shown.push({ kind, message });
    shown.splice(0, Math.max(0, shown.length - 50));
    const show = kind === 'info' ? vscode.window.showInformationMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const picked = await show(message, ...actions.map((a) => a.title));
    await actions.find((a) => a.title === picked)?.run();
}
