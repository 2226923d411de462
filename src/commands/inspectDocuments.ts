import vscode = require('vscode');

export const INSPECT_SCHEME = 'docker-lessons';

/**
 * Read-only documents for `inspect` and `history`. The text is produced when the command runs and
 * kept here; the provider only serves it, so the document is never editable.
 */
export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly texts = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly closed = vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === INSPECT_SCHEME && this.texts.delete(d.uri.toString()));

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.texts.get(uri.toString()) ?? '';
    }

    async show(path: string, text: string, language: string): Promise<void> {
        const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, path });
        this.texts.set(uri.toString(), text);
        this.changed.fire(uri);
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.languages.setTextDocumentLanguage(doc, language);
        await vscode.window.showTextDocument(doc, { preview: true });
    }

    dispose(): void {
        this.closed.dispose();
        this.changed.dispose();
        this.texts.clear();
    }
}
