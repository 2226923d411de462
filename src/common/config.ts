import * as vscode from 'vscode';

/** Every configuration key, read in one place. */
export const Settings = {
    section: 'dockerLessons',
    dockerHost: 'dockerHost',
    requestTimeoutSeconds: 'requestTimeoutSeconds',
} as const;

export class Config {
    private get cfg(): vscode.WorkspaceConfiguration {
        return vscode.workspace.getConfiguration(Settings.section);
    }

    /** The endpoint setting. In an untrusted workspace only the user's own value counts. */
    get dockerHost(): string {
        if (!vscode.workspace.isTrusted) {
            const inspected = this.cfg.inspect<string>(Settings.dockerHost);
            return (inspected?.globalValue ?? '').trim();
        }
        return (this.cfg.get<string>(Settings.dockerHost) ?? '').trim();
    }

    get requestTimeoutMs(): number {
        const s = this.cfg.get<number>(Settings.requestTimeoutSeconds) ?? 10;
        return Math.min(300, Math.max(1, s)) * 1000;
    }

    affectsEndpoint(e: vscode.ConfigurationChangeEvent): boolean {
        return e.affectsConfiguration(`${Settings.section}.${Settings.dockerHost}`) || e.affectsConfiguration(`${Settings.section}.${Settings.requestTimeoutSeconds}`);
    }
}
