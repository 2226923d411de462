import vscode = require('vscode');
import type * as Analysis from './analysis';

export type AnalysisModule = typeof Analysis;

/** Real Dockerfiles are a few KB; past this size hovers and the panel stay quiet instead of blocking. */
export const MAX_ANALYZED_CHARS = 512 * 1024;

/** Parses each Dockerfile once per version (hovers, lenses and the panel share the result). */
export class DockerfileAnalyses implements vscode.Disposable {
    private readonly cache = new Map<string, { version: number; analysis: Analysis.Analysis }>();
    private readonly listeners: vscode.Disposable[];
    private timer: NodeJS.Timeout | undefined;

    constructor(
        readonly module: () => AnalysisModule,
        isDockerfile: (doc: vscode.TextDocument) => boolean,
    ) {
        this.listeners = [
            vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
            // re-parse a Dockerfile once typing pauses, so the next hover finds the parse ready
            vscode.workspace.onDidChangeTextDocument((e) => {
                if (this.cache.has(e.document.uri.toString()) && isDockerfile(e.document)) {
                    clearTimeout(this.timer);
                    this.timer = setTimeout(() => this.get(e.document), 300);
                }
            }),
        ];
    }

    get(doc: vscode.TextDocument): Analysis.Analysis {
        const key = doc.uri.toString();
        const hit = this.cache.get(key);
        if (hit && hit.version === doc.version) {
            return hit.analysis;
        }
        // dockerfile-ast parses about 1 MB/s on the extension host: never block it on a huge file
        const text = doc.getText();
        const analysis = text.length > MAX_ANALYZED_CHARS ? { steps: [], stages: [], escape: '\\' } : this.module().analyze(text);
        this.cache.set(key, { version: doc.version, analysis });
        return analysis;
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.listeners.forEach((l) => l.dispose());
        this.cache.clear();
    }
}

/** The files we treat as Dockerfiles, whatever language id they got. */
export const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
    { language: 'dockerfile' },
    { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}' },
];
