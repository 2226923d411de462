import vscode = require('vscode');
import * as path from 'path';
import { visibleControlsDeep } from '../common/bidi';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { Engine } from '../docker/engine';
import { LESSONS, localeOf, Locale } from '../lessons/catalog';
import type { Demo, DemoContext, DemoSettings } from '../lessons/live/demo';
import type { LessonRuntime } from '../lessons/runtime';
import { RefreshManager } from '../model/refreshManager';
import { noteTouched } from '../model/touched';
import { LiveView, PanelStrings, parseFromWebview, parsePanelState, ToWebview } from '../protocol/panelProtocol';
import { workspaceTrusted } from '../common/trust';
import { isDockerfile, WebviewHost } from './webviewHost';
import type { SerializerSlot } from '../shell/deferred';
import { LESSON_VIEW_TYPE } from './viewTypes';

export { LESSON_VIEW_TYPE };

export interface LessonPanelDeps {
    readonly host: WebviewHost;
    readonly engine: Engine;
    readonly refresh: RefreshManager;
    readonly log: Logger;
    readonly settings: () => DemoSettings;
    /** The lessons' content and demos, loaded on first use (dist/lessons.js). */
    readonly runtime: () => LessonRuntime;
    /** Where the panels' serializer goes: the one activation registered (src/shell/deferred.ts). */
    readonly serializer: SerializerSlot;
}

function panelStrings(): PanelStrings {
    return {
        background: vscode.l10n.t('Background'),
        live: vscode.l10n.t('Live on your engine'),
        cli: vscode.l10n.t('CLI'),
        api: vscode.l10n.t('Engine API'),
        output: vscode.l10n.t('Output'),
        yes: vscode.l10n.t('yes'),
        no: vscode.l10n.t('no'),
        ms: vscode.l10n.t('ms'),
        stateWords: {
            pending: vscode.l10n.t('waiting'),
            active: vscode.l10n.t('in progress'),
            done: vscode.l10n.t('done'),
            error: vscode.l10n.t('failed'),
            skipped: vscode.l10n.t('skipped'),
            idle: vscode.l10n.t('ready'),
            running: vscode.l10n.t('running'),
            unavailable: vscode.l10n.t('not available'),
        },
    };
}

/** The Dockerfile the lesson opens beside, when it is a file of a trusted workspace (it may be built). */
function besideDockerfile(): DemoSettings['userDockerfile'] {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.uri.scheme !== 'file' || !isDockerfile(doc) || !workspaceTrusted()) {
        return undefined;
    }
    return { contextDir: path.dirname(doc.uri.fsPath), dockerfile: path.basename(doc.uri.fsPath) };
}

/** One open lesson: its panel, its live demos, and the streams they opened (closed with the panel). */
class LessonPanel extends Disposable {
    private readonly abort = new AbortController();
    private readonly demos = new Map<string, Demo>();
    readonly views = new Map<string, LiveView>();
    private started = false;

    constructor(
        readonly panel: vscode.WebviewPanel,
        readonly lessonId: string,
        private readonly deps: LessonPanelDeps,
        private readonly locale: Locale,
        onDispose: () => void,
        /** Read before the panel took the focus from the Dockerfile's editor. */
        private readonly dockerfile?: DemoSettings['userDockerfile'],
    ) {
        super();
        const title = LESSONS.find((l) => l.id === lessonId)?.title[locale] ?? lessonId;
        panel.title = title;
        deps.host.attach(panel, 'lesson', 'lesson', title);
        this.register(deps.refresh.hold(`lesson:${lessonId}`));
        this.register(panel.onDidDispose(() => this.dispose()));
        this.register({ dispose: () => this.abort.abort() });
        this.register({ dispose: onDispose });
        this.register(panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
        this.register(deps.refresh.onDidChange(() => this.demos.forEach((d) => d.onSnapshot?.())));
        // the practice block follows the refresh owner's events stream (no second stream)
        this.register(deps.refresh.onDidReceiveEvent((e) => this.demos.forEach((d) => d.onEvent?.(e))));
        // streams a demo opened (stats) pause while the panel is hidden and close with it
        this.register(panel.onDidChangeViewState((e) => this.demos.forEach((d) => d.onVisibility?.(e.webviewPanel.visible))));
        const ctx = this.context();
        const runtime = deps.runtime();
        for (const block of runtime.lessonContent(lessonId)?.blocks ?? []) {
            if (block.kind === 'live') {
                this.demos.set(block.demo, runtime.createDemo(block.demo, ctx, lessonId));
            }
        }
        this.register({ dispose: () => this.demos.forEach((d) => d.dispose?.()) });
    }

    private context(): DemoContext {
        const { engine, refresh, log } = this.deps;
        // the containers a demo acts on are read again when it asks for fresh lists
        const touched = new Set<string>();
        return {
            client: () => noteTouched(engine.client(), touched),
            locale: this.locale,
            settings: { ...this.deps.settings(), userDockerfile: this.dockerfile },
            emit: (view) => this.post({ type: 'live', view }),
            signal: this.abort.signal,
            snapshot: () => refresh.snapshot,
            refresh: () => {
                const ids = [...touched];
                touched.clear();
                return refresh.settle(ids);
            },
            // the lesson names the endpoint it tried
            describe: (e) => describeError(e, engine.state.endpoint?.display),
            confirm: async (message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
            log: (line) => log.info(line),
            openTerminal: (title, args) => {
                const ep = engine.state.endpoint;
                // the same engine as the explorer: DOCKER_HOST, or the docker context it came from
                const env: Record<string, string> = !ep || ep.source === 'context' ? {} : { DOCKER_HOST: ep.display };
                if (ep?.tls && env.DOCKER_HOST) {
                    env.DOCKER_TLS_VERIFY = ep.tls.verify ? '1' : '';
                    env.DOCKER_CERT_PATH = ep.tls.certPath ?? '';
                }
                const ctxArgs = ep?.source === 'context' && ep.contextName ? ['--context', ep.contextName] : [];
                log.info(`docker ${[...ctxArgs, ...args].join(' ')}    (in a terminal${env.DOCKER_HOST ? `, DOCKER_HOST=${env.DOCKER_HOST}` : ''})`);
                vscode.window.createTerminal({ name: title, shellPath: 'docker', shellArgs: [...ctxArgs, ...args], env }).show();
            },
        };
    }

    private post(message: ToWebview): void {
        if (message.type === 'live') {
            this.views.set(message.view.demo, message.view);
        }
        if (!this.isDisposed) {
            // daemon and file text (names, labels, output) with bidi controls shown visibly
            void this.panel.webview.postMessage(visibleControlsDeep(message));
        }
    }

    /** A message from the webview (validated here; anything else is logged and ignored). */
    async receive(raw: unknown): Promise<void> {
        const msg = parseFromWebview(raw);
        if (!msg) {
            this.deps.log.warn(`ignored a message from the lesson panel that is not valid: ${JSON.stringify(raw)?.slice(0, 200)}`);
            return;
        }
        if (msg.type === 'ready') {
            const runtime = this.deps.runtime();
            const lesson = runtime.lessonContent(this.lessonId);
            this.post({
                type: 'render',
                lessonId: this.lessonId,
                title: this.panel.title,
                lang: this.locale,
                blocks: lesson ? runtime.renderLesson(lesson, this.locale) : [],
                strings: panelStrings(),
            });
            // a reload re-sends what the demos showed; the first time, they start
            if (this.started) {
                this.views.forEach((view) => this.post({ type: 'live', view }));
            } else {
                this.started = true;
                await Promise.all([...this.demos.values()].map((d) => d.start().catch((e: unknown) => this.deps.log.error(`demo start: ${String(e)}`))));
            }
            return;
        }
        const demo = this.demos.get(msg.demo);
        if (!demo) {
            this.deps.log.warn(`ignored an action for an unknown demo: ${msg.demo}`);
            return;
        }
        try {
            await demo.act(msg.action, msg.arg);
        } catch (e) {
            this.deps.log.error(`demo ${msg.demo} ${msg.action}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }

    async select(ref: string): Promise<void> {
        for (const d of this.demos.values()) {
            await d.select?.(ref);
        }
    }
}

/** Opens lessons (one panel per lesson, revealed if open) and restores them after a reload. */
export class LessonPanels extends Disposable {
    private readonly open = new Map<string, LessonPanel>();

    constructor(private readonly deps: LessonPanelDeps) {
        super();
        this.register(
            deps.serializer.bind({
                deserializeWebviewPanel: async (panel, state) => {
                    const s = parsePanelState(state);
                    if (!s || !LESSONS.some((l) => l.id === s.lessonId) || this.open.has(s.lessonId)) {
                        panel.dispose();
                        return;
                    }
                    this.adopt(panel, s.lessonId);
                },
            }),
        );
        this.register({ dispose: () => [...this.open.values()].forEach((p) => p.panel.dispose()) });
    }

    private adopt(panel: vscode.WebviewPanel, lessonId: string, dockerfile?: DemoSettings['userDockerfile']): LessonPanel {
        const p = new LessonPanel(panel, lessonId, this.deps, localeOf(vscode.env.language), () => this.open.delete(lessonId), dockerfile);
        this.open.set(lessonId, p);
        return p;
    }

    async show(lessonId: string, select?: string): Promise<void> {
        if (!LESSONS.some((l) => l.id === lessonId)) {
            throw new Error(`unknown lesson ${lessonId}`);
        }
        let p = this.open.get(lessonId);
        if (p) {
            p.panel.reveal(undefined, false);
        } else {
            const title = LESSONS.find((l) => l.id === lessonId)!.title[localeOf(vscode.env.language)];
            const dockerfile = besideDockerfile();
            p = this.adopt(this.deps.host.create(LESSON_VIEW_TYPE, title), lessonId, dockerfile);
        }
        if (select) {
            await p.select(select);
        }
    }

    /** For tests and the API: what each open lesson's demos show now. */
    liveViews(lessonId: string): Readonly<Record<string, LiveView>> {
        return Object.fromEntries(this.open.get(lessonId)?.views ?? []);
    }

    get openLessons(): readonly string[] {
        return [...this.open.keys()];
    }

    /** Runs a demo action as if its button were pressed (tests drive the panel this way too). */
    async act(lessonId: string, demo: string, action: string, arg?: string): Promise<void> {
        const p = this.open.get(lessonId);
        if (!p) {
            throw new Error(`lesson ${lessonId} is not open`);
        }
        await p.receive({ type: 'action', demo, action, arg });
    }
}
