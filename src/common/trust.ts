/**
 * Workspace Trust, in one place. In Restricted Mode, images the user picks from their own engine still
 * run (they are not workspace code), but nothing the workspace defines is built or run: its
 * Dockerfiles, "Run with Limits" of an image built from one. Every entry point (palette, CodeLens,
 * panel buttons, a command run directly) calls `refuseWhenUntrusted` and shows the same message.
 */
import vscode = require('vscode');
import { notify } from './notices';
import { shared } from './shared';

// one value for both bundles (the command bodies in dist/commands.js carry their own copy of this module)
const simulated = shared('simulatedRestrictedMode', (): { on?: boolean } => ({}));

/** The test hosts run with trust disabled (code-server --disable-workspace-trust): tests set Restricted Mode here. */
export function simulateRestrictedMode(on: boolean | undefined): void {
    simulated.on = on;
}

export function workspaceTrusted(): boolean {
    return simulated.on === undefined ? vscode.workspace.isTrusted : !simulated.on;
}

export function untrustedMessage(): string {
    return vscode.l10n.t(
        'Restricted Mode: this workspace is not trusted, so Docker Lessons does not build or run what it defines (its Dockerfiles and the images built from them). Images you pick from your own engine still run. Trust the workspace to build.',
    );
}

/** True (and the message shown, once per call) when the workspace is not trusted. `what` goes to the log. */
export function refuseWhenUntrusted(log: { info(m: string): void }, what: string): boolean {
    if (workspaceTrusted()) {
        return false;
    }
    log.info(`refused in Restricted Mode: ${what}`);
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void notify('warning', untrustedMessage(), [{ title: manage, run: () => vscode.commands.executeCommand('workbench.trust.manage') }]);
    return true;
}
