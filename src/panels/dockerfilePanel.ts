import path = require('path');
import vscode = require('vscode');
import { visibleControlsDeep } from '../common/bidi';
import { untrustedMessage, workspaceTrusted } from '../common/trust';
import { Disposable } from '../common/disposable';
import { formatBytes } from '../common/format';
import { Logger } from '../common/logger';
import { DockerfileAnalyses } from '../dockerfile/analyses';
import { BuiltImages } from '../dockerfile/builtImages';
import { findImage } from '../dockerfile/imageFacts';
import { ImagesTreeProvider } from '../tree/imagesTree';
import { RefreshManager } from '../model/refreshManager';
import type { Step } from '../dockerfile/analysis';
import { DockerfileRow, DockerfileView, parseFromDockerfileWebview, ToDockerfileWebview } from '../protocol/panelProtocol';
import { WebviewHost } from './webviewHost';
import type { SerializerSlot } from '../shell/deferred';
import { DOCKERFILE_VIEW_TYPE } from './viewTypes';

export { DOCKERFILE_VIEW_TYPE };
/** The panel shows this much of an instruction's arguments (the editor has the rest). */
const ARGS_SHOWN = 160;

/** One row: only what the panel shows (long arguments cut, words for the kind sent once in `strings`). */
export function toRow(s: Step, sizes: ReadonlyMap<number, string>): DockerfileRow {
    return {
        line: s.range.start.line,
        endLine: s.range.end.line,
        keyword: s.keyword,
        args: s.args.length > ARGS_SHOWN ? `${s.args.slice(0, ARGS_SHOWN - 1)}…` : s.args,
        kind: s.kind,
        size: sizes.get(s.range.start.line),
        stage: s.stage,
    };
}

export interface DockerfilePanelDeps {
    readonly host: WebviewHost;
    readonly analyses: DockerfileAnalyses;
    readonly refresh: RefreshManager;
    readonly images: ImagesTreeProvider;
    readonly built: BuiltImages;
    readonly log: Logger;
    /** Runs the build command for this file (the command checks Workspace Trust). */
    build(uri: vscode.Uri): Promise<void>;
    /** Runs the built image with limits and opens the cgroups lesson on it. */
    runWithLimits(tag: string, limits: { memory?: string; cpus?: string; pids?: string }): Promise<void>;
    /** Where the panels' serializer goes: the one activation registered (src/shell/deferred.ts). */
    readonly serializer: SerializerSlot;
}

export interface BuildState {
    state: 'idle' | 'running' | 'done' | 'error';
    log: string;
    message?: string;
    errorLine?: number;
}

/** One "Explain this Dockerfile" panel per file, beside the editor; follows edits and the cursor. */
class DockerfilePanel extends Disposable {
    buildState: BuildState = { state: 'idle', log: '' };
    private timer: NodeJS.Timeout | undefined;

    constructor(
        readonly panel: vscode.WebviewPanel,
        readonly uri: vscode.Uri,
        private readonly deps: DockerfilePanelDeps,
        onDispose: () => void,
    ) {
        super();
        deps.host.attach(panel, 'dockerfile', 'dockerfile', panel.title);
        this.register(panel.onDidDispose(() => this.dispose()));
        this.register({ dispose: onDispose });
        this.register({ dispose: () => clearTimeout(this.timer) });
        this.register(deps.refresh.hold(`dockerfile:${uri.toString()}`));
        this.register(
            panel.webview.onDidReceiveMessage((m: unknown) =>
                this.receive(m).catch((e: unknown) => {
                    deps.log.error(`Dockerfile panel: ${e instanceof Error ? e.message : String(e)}`);
                    void vscode.window.showErrorMessage(vscode.l10n.t('Something went wrong in the Dockerfile panel: {0}', e instanceof Error ? e.message : String(e)));
                }),
            ),
        );
        this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === uri.toString() && this.schedule()));
        this.register(deps.refresh.onDidChange(() => this.schedule()));
        this.register(deps.built.onDidChange((u) => u.toString() === uri.toString() && this.schedule()));
        this.register(
            vscode.window.onDidChangeTextEditorSelection((e) => {
                if (e.textEditor.document.uri.toString() === uri.toString()) {
                    this.post({ type: 'highlight', line: e.selections[0].active.line });
                }
            }),
        );
    }

    private post(m: ToDockerfileWebview): void {
        if (!this.isDisposed) {
            // daemon and file text (tags, commands, build output) with bidi controls shown visibly
            void this.panel.webview.postMessage(visibleControlsDeep(m));
        }
    }

    schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), 150);
    }

    /** The analysis and sizes the panel last got rows for: rows are sent again only when they change. */
    private sent: { analysis: unknown; sizes: string } | undefined;

    /** The panel's view; `rows` left out when the panel already has the same ones (`all` = always). */
    async view(all = true): Promise<DockerfileView> {
        const doc = await vscode.workspace.openTextDocument(this.uri);
        // big files are parsed on a worker thread: the panel waits for it, the extension host does not
        const a = await this.deps.analyses.ready(doc);
        const tag = this.deps.built.tagFor(this.uri);
        const img = tag ? findImage(this.deps.refresh.snapshot.images, tag) : undefined;
        const sizes = new Map<number, string>();
        if (img) {
            try {
                const history = await this.deps.images.layers(img.id);
                for (const m of this.deps.analyses.module().mapHistoryToSteps(a, history)) {
                    // a config-only step has no layer; a filesystem step shows its size, 0 B included
                    if (m.step.kind === 'layer') {
                        sizes.set(m.step.range.start.line, formatBytes(m.layer.size));
                    }
                }
            } catch (e) {
                this.deps.log.warn(`history of ${tag}: ${e instanceof Error ? e.message : String(e)}`);
            }
        }
        const trusted = workspaceTrusted();
        const sizesKey = JSON.stringify([...sizes]);
        const same = !all && this.sent?.analysis === a && this.sent.sizes === sizesKey;
        if (!all) {
            this.sent = { analysis: a, sizes: sizesKey };
        }
        return {
            file: vscode.workspace.asRelativePath(this.uri),
            uri: this.uri.toString(),
            rows: same ? undefined : a.steps.map((s) => toRow(s, sizes)),
            omitted: a.omitted
                ? vscode.l10n.t(
                      'This Dockerfile has {0} characters. To keep the editor responsive, only the first {1} are analysed: the instructions from line {2} on are not listed here and have no hovers.',
                      a.omitted.totalChars.toLocaleString(vscode.env.language),
                      a.omitted.limitChars.toLocaleString(vscode.env.language),
                      a.omitted.fromLine + 1,
                  )
                : undefined,
            image: img && tag ? { tag, size: formatBytes(img.size), id: img.shortId } : undefined,
            build: this.buildState,
            canBuild: trusted,
            cannotBuild: trusted ? undefined : untrustedMessage(),
            strings: {
                title: vscode.l10n.t('Explain this Dockerfile'),
                line: vscode.l10n.t('Line'),
                instruction: vscode.l10n.t('Instruction'),
                kind: vscode.l10n.t('Changes'),
                size: vscode.l10n.t('Layer size'),
                build: vscode.l10n.t('Build Image'),
                run: vscode.l10n.t('Run with Limits'),
                buildLog: vscode.l10n.t('Build output'),
                total: vscode.l10n.t('image size'),
                noImage: vscode.l10n.t('Not built yet: build it to see the size of each layer.'),
                cpus: vscode.l10n.t('CPUs'),
                memory: vscode.l10n.t('Memory'),
                pids: vscode.l10n.t('Processes'),
                runHint: vscode.l10n.t('Starts a container from the built image with these cgroup limits, then opens the cgroups lesson on it.'),
                stage: vscode.l10n.t('stage'),
                kinds: { layer: vscode.l10n.t('filesystem layer'), stage: vscode.l10n.t('new build stage'), metadata: vscode.l10n.t('config only') },
            },
        };
    }

    async update(): Promise<void> {
        try {
            this.post({ type: 'view', view: await this.view(false) });
        } catch (e) {
            this.deps.log.warn(`explain panel: ${e instanceof Error ? e.message : String(e)}`);
        }
    }

    /** A message from the webview (a button pressed), validated; the test API presses buttons through here too. */
    async receive(raw: unknown): Promise<void> {
        const msg = parseFromDockerfileWebview(raw);
        if (!msg) {
            this.deps.log.warn(`ignored a message from the Dockerfile panel that is not valid: ${JSON.stringify(raw)?.slice(0, 200)}`);
            return;
        }
        switch (msg.type) {
            case 'ready':
                this.sent = undefined; // a (re)loaded page has no rows yet
                await this.update();
                return;
            case 'reveal': {
                const doc = await vscode.workspace.openTextDocument(this.uri);
                const line = Math.min(msg.line, doc.lineCount - 1);
                const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.otherColumn(), preserveFocus: false });
                const pos = new vscode.Position(line, 0);
                editor.selection = new vscode.Selection(pos, pos);
                editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
                return;
            }
            case 'build':
                await this.deps.build(this.uri);
                return;
            case 'run': {
                const tag = this.deps.built.tagFor(this.uri);
                if (tag) {
                    await this.deps.runWithLimits(tag, msg);
                }
                return;
            }
        }
    }

    private otherColumn(): vscode.ViewColumn {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
        return editor?.viewColumn ?? vscode.ViewColumn.One;
    }
}

export class DockerfilePanels extends Disposable {
    private readonly open = new Map<string, DockerfilePanel>();

    constructor(private readonly deps: DockerfilePanelDeps) {
        super();
        // after a window reload the panel comes back for the file its page remembered (like the lessons)
        this.register(
            deps.serializer.bind({
                deserializeWebviewPanel: async (panel, state) => {
                    const raw = (state as { uri?: unknown } | undefined)?.uri;
                    let uri: vscode.Uri | undefined;
                    try {
                        uri = typeof raw === 'string' ? vscode.Uri.parse(raw, true) : undefined;
                    } catch {
                        uri = undefined;
                    }
                    if (!uri || this.open.has(uri.toString())) {
                        panel.dispose();
                        return;
                    }
                    this.adopt(panel, uri);
                },
            }),
        );
        this.register({ dispose: () => [...this.open.values()].forEach((p) => p.panel.dispose()) });
    }

    private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): void {
        const key = uri.toString();
        this.open.set(key, new DockerfilePanel(panel, uri, this.deps, () => this.open.delete(key)));
    }

    show(uri: vscode.Uri): void {
        const key = uri.toString();
        const existing = this.open.get(key);
        if (existing) {
            existing.panel.reveal(undefined, true);
            return;
        }
        const title = vscode.l10n.t('Explain {0}', path.basename(uri.path));
        this.adopt(this.deps.host.create(DOCKERFILE_VIEW_TYPE, title, { beside: true }), uri);
    }

    /** The build command reports here so an open panel shows the progress. */
    setBuildState(uri: vscode.Uri, state: BuildState): void {
        const p = this.open.get(uri.toString());
        if (p) {
            p.buildState = state;
            p.schedule();
        }
    }

    isOpen(uri: vscode.Uri): boolean {
        return this.open.has(uri.toString());
    }

    /** For tests: the view the panel shows for a file. */
    async viewFor(uri: vscode.Uri): Promise<DockerfileView | undefined> {
        return this.open.get(uri.toString())?.view();
    }

    /** For tests: a message as the panel's webview would send it (e.g. the Build button). */
    async press(uri: vscode.Uri, message: unknown): Promise<void> {
        await this.open.get(uri.toString())?.receive(message);
    }

    panelColumn(uri: vscode.Uri): vscode.ViewColumn | undefined {
        return this.open.get(uri.toString())?.panel.viewColumn;
    }
}
