import vscode = require('vscode');
import { workspaceTrusted } from './trust';

/** Every configuration key, read in one place. */
export const Settings = {
    section: 'dockerLessons',
    dockerHost: 'dockerHost',
    requestTimeoutSeconds: 'requestTimeoutSeconds',
    helloWorldImage: 'helloWorldImage',
    lessonImage: 'lessonImage',
} as const;

export class Config {
    private get cfg(): vscode.WorkspaceConfiguration {
        return vscode.workspace.getConfiguration(Settings.section);
    }

    /** A restricted setting: in an untrusted workspace only the user's own value counts. */
    private restricted(key: string, fallback: string): string {
        if (!workspaceTrusted()) {
            const inspected = this.cfg.inspect<string>(key);
            return (inspected?.globalValue ?? inspected?.defaultValue ?? fallback).trim() || fallback;
        }
        return (this.cfg.get<string>(key) ?? fallback).trim() || fallback;
    }

    /** The endpoint setting ('' = automatic). */
    get dockerHost(): string {
        return this.restricted(Settings.dockerHost, '');
    }

    /** The image the hello-world lesson runs. */
    get helloWorldImage(): string {
        return this.restricted(Settings.helloWorldImage, 'hello-world');
    }

    /** The small image with a shell that the other lessons run. */
    get lessonImage(): string {
        return this.restricted(Settings.lessonImage, 'busybox');
    }

    get requestTimeoutMs(): number {
        const s = this.cfg.get<number>(Settings.requestTimeoutSeconds) ?? 10;
        return Math.min(300, Math.max(1, s)) * 1000;
    }

    affectsEndpoint(e: vscode.ConfigurationChangeEvent): boolean {
        return e.affectsConfiguration(`${Settings.section}.${Settings.dockerHost}`) || e.affectsConfiguration(`${Settings.section}.${Settings.requestTimeoutSeconds}`);
    }
}
