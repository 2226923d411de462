import vscode = require('vscode');
import { CommandIds } from '../commands/registry';

/** "Explain" and "Build" above the first line of every Dockerfile. */
export class DockerfileCodeLens implements vscode.CodeLensProvider {
    provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
        if (doc.lineCount === 0) {
            return [];
        }
        const top = new vscode.Range(0, 0, 0, 0);
        return [
            new vscode.CodeLens(top, { title: `$(mortar-board) ${vscode.l10n.t('Explain this Dockerfile')}`, command: CommandIds.dockerfileExplain, arguments: [doc.uri] }),
            new vscode.CodeLens(top, { title: `$(package) ${vscode.l10n.t('Build Image')}`, command: CommandIds.dockerfileBuild, arguments: [doc.uri] }),
        ];
    }
}
