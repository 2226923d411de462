import vscode = require('vscode');
import { visibleControls } from '../common/bidi';
import { ContextKeys, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { Engine, EngineState } from '../docker/engine';
import { ContainersTreeNode, ContainersTreeProvider } from './containersTree';
import { EngineActionRow, WithEngineRows } from './engineRows';
import { ImagesTreeNode, ImagesTreeProvider } from './imagesTree';
import { LessonsTreeProvider } from './lessonsTree';
import { RefreshManager } from '../model/refreshManager';
import type { TreeSlot } from '../shell/deferred';

export const ViewIds = {
    images: 'dockerLessons.images',
    containers: 'dockerLessons.containers',
    lessons: 'dockerLessons.lessons',
} as const;

/** The three views, created at activation (src/extension.ts); their providers are bound here. */
export interface ViewSlots {
    readonly images: TreeSlot<ImagesTreeNode | EngineActionRow>;
    readonly containers: TreeSlot<ContainersTreeNode | EngineActionRow>;
    readonly lessons: TreeSlot<unknown>;
}

/** What a view shows about the engine: its message (the reason) and its action rows. */
export interface EngineViewText {
    readonly state: 'connecting' | 'connected' | 'unreachable';
    readonly message: string | undefined;
    readonly rows: readonly string[];
}

/** Fills the three views, ties them to the refresh owner, and says the Engine's state in them. */
export class DockerViews extends Disposable {
    readonly images: ImagesTreeProvider;
    readonly containers: ContainersTreeProvider;
    private readonly imagesRows: WithEngineRows<ImagesTreeNode>;
    private readonly containersRows: WithEngineRows<ContainersTreeNode>;
    readonly imagesView: vscode.TreeView<ImagesTreeNode | EngineActionRow>;
    readonly containersView: vscode.TreeView<ContainersTreeNode | EngineActionRow>;
    /** What the views show now; 'unreachable' stays while a retry runs in the background. */
    private shown: EngineViewText['state'] = 'connecting';

    constructor(
        engine: Engine,
        refresh: RefreshManager,
        lessons: LessonsTreeProvider,
        private readonly log: Logger,
        slots: ViewSlots,
    ) {
        super();
        this.images = this.register(new ImagesTreeProvider(refresh, engine, vscode.env.language));
        this.containers = this.register(new ContainersTreeProvider(refresh, engine));
        this.imagesRows = this.register(new WithEngineRows(this.images));
        this.containersRows = this.register(new WithEngineRows(this.containers));
        this.imagesView = slots.images.bind(this.imagesRows);
        this.containersView = slots.containers.bind(this.containersRows);
        slots.lessons.bind(lessons as vscode.TreeDataProvider<unknown>);
        refresh.attach(this.imagesView, ViewIds.images);
        refresh.attach(this.containersView, ViewIds.containers);
        this.showState(engine.state);
        this.register(engine.onDidChangeState((s) => this.showState(s)));
    }

    /** For tests: the message and rows of the images view. */
    get text(): EngineViewText {
        return { state: this.shown, message: this.imagesView.message, rows: this.imagesRows.rows.map((r) => r.label) };
    }

    private showState(s: EngineState): void {
        if (s.state === 'connecting' && this.shown === 'unreachable') {
            // a retry in the background: keep the last reason and its actions, do not flip to "Connecting…"
            this.log.debug(`retrying ${s.endpoint?.display ?? ''}; the views keep the last reason`);
            return;
        }
        const state = s.state === 'idle' ? 'connecting' : s.state;
        this.shown = state;
        void setContext(ContextKeys.engineState, state);
        void setContext(ContextKeys.engineError, s.error?.kind ?? '');
        let message: string | undefined;
        let rows: EngineActionRow[] = [];
        if (s.state === 'unreachable' && s.error) {
            const m = describeError(s.error, s.endpoint?.display);
            message = visibleControls(`${m.message} ${m.next}`);
            rows = actionRows();
            this.log.warn(`Engine unreachable at ${s.endpoint?.display ?? '(no endpoint)'}: ${s.error.kind}: ${s.error.message}`);
        } else if (s.state === 'connected') {
            this.log.info(`connected to Docker ${s.version?.version ?? '?'} (API ${s.version?.apiVersion ?? '?'}) at ${s.endpoint?.display}`);
        }
        this.imagesView.message = message;
        this.containersView.message = message;
        this.imagesRows.setRows(rows);
        this.containersRows.setRows(rows);
    }
}

/** Retry, Show Logs, Settings: the same actions as the notification and the status bar menu. */
function actionRows(): EngineActionRow[] {
    return [
        new EngineActionRow('retry', vscode.l10n.t('Retry'), 'refresh', { command: 'dockerLessons.refresh', title: vscode.l10n.t('Retry') }),
        new EngineActionRow('logs', vscode.l10n.t('Show Logs'), 'output', { command: 'dockerLessons.showLogs', title: vscode.l10n.t('Show Logs') }),
        new EngineActionRow('settings', vscode.l10n.t('Docker Endpoint Settings'), 'gear', { command: 'dockerLessons.openSettings', title: vscode.l10n.t('Docker Endpoint Settings') }),
        new EngineActionRow('lessons', vscode.l10n.t('The lessons still work without Docker: they show what would happen.'), 'book'),
    ];
}
