import vscode = require('vscode');

const KEY = 'dockerLessons.builtImages';

/** Which image tag was built from which Dockerfile (per workspace), so hovers can show layer sizes. */
export class BuiltImages {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    constructor(private readonly state: vscode.Memento) {}

    tagFor(uri: vscode.Uri): string | undefined {
        return this.state.get<Record<string, string>>(KEY, {})[uri.toString()];
    }

    async remember(uri: vscode.Uri, tag: string): Promise<void> {
        const all = { ...this.state.get<Record<string, string>>(KEY, {}) };
        all[uri.toString()] = tag;
        await this.state.update(KEY, all);
        this.changed.fire(uri);
    }

    /** A tag suggestion from the folder name: `myapp:dev`. */
    static suggest(uri: vscode.Uri): string {
        const parts = uri.path.split('/');
        const folder = (parts[parts.length - 2] || 'app').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'app';
        return `${folder}:dev`;
    }

    dispose(): void {
        this.changed.dispose();
    }
}
