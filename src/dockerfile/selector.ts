import vscode = require('vscode');

/** The documents the Dockerfile features serve: by language, or by name when no language is set. */
export const DOCKERFILE_SELECTOR: readonly vscode.DocumentFilter[] = [
    { language: 'dockerfile' },
    { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*,*.containerfile,*.Containerfile}' },
];

export function isDockerfile(doc: vscode.TextDocument | undefined): boolean {
    if (!doc) {
        return false;
    }
    if (doc.languageId === 'dockerfile') {
        return true;
    }
    const name = doc.uri.path.split('/').pop() ?? '';
    return /^(Dockerfile|Containerfile)(\..*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}
