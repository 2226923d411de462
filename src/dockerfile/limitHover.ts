import vscode = require('vscode');
import { DockerfileAnalyses } from './analyses';

/**
 * On the lines of a Dockerfile past the analysis limit, the teaching hovers are missing: this hover
 * says so, and why, instead of leaving the reader to guess.
 */
export class DockerfileLimitHoverProvider implements vscode.HoverProvider {
    constructor(private readonly analyses: DockerfileAnalyses) {}

    provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
        const omitted = this.analyses.get(doc).omitted;
        if (!omitted || pos.line < omitted.fromLine || doc.lineAt(pos.line).isEmptyOrWhitespace) {
            return undefined;
        }
        const md = new vscode.MarkdownString();
        md.appendText(
            vscode.l10n.t(
                'No explanation here: this Dockerfile has {0} characters, and Docker Lessons analyses only the first {1} to keep the editor responsive (up to line {2}).',
                omitted.totalChars.toLocaleString(vscode.env.language),
                omitted.limitChars.toLocaleString(vscode.env.language),
                omitted.fromLine,
            ),
        );
        return new vscode.Hover(md);
    }
}
