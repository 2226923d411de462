import vscode = require('vscode');
import { ContextKeys, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { Engine, EngineState } from '../docker/engine';
import { ContainersTreeNode, ContainersTreeProvider } from './containersTree';
import { ImagesTreeNode, ImagesTreeProvider } from './imagesTree';
import { LessonsTreeProvider } from './lessonsTree';
import { RefreshManager } from '../model/refreshManager';

export const ViewIds = {
    images: 'dockerLessons.images',
    containers: 'dockerLessons.containers',
    lessons: 'dockerLessons.lessons',
} as const;

/** Creates the three views, ties them to the refresh owner, and says the Engine's state in them. */
export class DockerViews extends Disposable {
    readonly images: ImagesTreeProvider;
    readonly containers: ContainersTreeProvider;
    readonly imagesView: vscode.TreeView<ImagesTreeNode>;
    readonly containersView: vscode.TreeView<ContainersTreeNode>;

    constructor(
        engine: Engine,
        refresh: RefreshManager,
        lessons: LessonsTreeProvider,
        private readonly log: Logger,
    ) {
        super();
        this.images = this.register(new ImagesTreeProvider(refresh, engine, vscode.env.language));
        this.containers = this.register(new ContainersTreeProvider(refresh, engine));
        this.imagesView = this.register(vscode.window.createTreeView(ViewIds.images, { treeDataProvider: this.images, showCollapseAll: true, canSelectMany: true }));
        this.containersView = this.register(vscode.window.createTreeView(ViewIds.containers, { treeDataProvider: this.containers, canSelectMany: true }));
        this.register(vscode.window.createTreeView(ViewIds.lessons, { treeDataProvider: lessons }));
        refresh.attach(this.imagesView, ViewIds.images);
        refresh.attach(this.containersView, ViewIds.containers);
        this.showState(engine.state);
        this.register(engine.onDidChangeState((s) => this.showState(s)));
    }

    private showState(s: EngineState): void {
        const state = s.state === 'idle' ? 'connecting' : s.state;
        void setContext(ContextKeys.engineState, state);
        void setContext(ContextKeys.engineError, s.error?.kind ?? '');
        let message: string | undefined;
        if (s.state === 'unreachable' && s.error) {
            const m = describeError(s.error, s.endpoint?.display);
            message = `${m.message} ${m.next}`;
            this.log.warn(`Engine unreachable at ${s.endpoint?.display ?? '(no endpoint)'}: ${s.error.kind}: ${s.error.message}`);
        } else if (s.state === 'connected') {
            this.log.info(`connected to Docker ${s.version?.version ?? '?'} (API ${s.version?.apiVersion ?? '?'}) at ${s.endpoint?.display}`);
        }
        this.imagesView.message = message;
        this.containersView.message = message;
    }
}
