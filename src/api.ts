/**
 * The small API `activate()` returns, for the extension-host and end-to-end tests: state and lists
 * as the views see them, and the lessons and Dockerfile panels as a person drives them.
 */
import vscode = require('vscode');
import { Engine, EngineStateName } from './docker/engine';
import { RefreshManager } from './model/refreshManager';
import { DockerfilePanels } from './panels/dockerfilePanel';
import { LessonPanels } from './panels/lessonPanels';
import { LessonProgress } from './panels/progress';
import { LiveView } from './protocol/panelProtocol';
import { DockerViews, EngineViewText } from './tree/views';
import { recentNotices } from './common/notices';
import { simulateRestrictedMode } from './common/trust';

export interface DockerLessonsApi {
    readonly activationMs: number;
    /** Loads dist/commands.js and says how its command table differs from the ids registered at activation ('' = none). */
    checkCommandTable(): string;
    engineState(): { state: EngineStateName; endpoint?: string; error?: { kind: string; message: string } };
    snapshot(): { images: { label: string; id: string }[]; containers: { label: string; id: string; state: string }[] };
    whenIdle(): Promise<void>;
    /** The Dockerfile explain panel's data for a file, when it is open. */
    dockerfileView(uri: vscode.Uri): Promise<unknown>;
    dockerfilePanelColumn(uri: vscode.Uri): vscode.ViewColumn | undefined;
    /** Sends a message to the Dockerfile panel of a file as its webview would (a button). */
    dockerfilePanelPress(uri: vscode.Uri, message: unknown): Promise<void>;
    /** What the images view says about the engine: its message and its action rows. */
    viewText(): EngineViewText;
    /** A container row as the tree shows it, tooltip resolved (label, description and tooltip text). */
    containerRow(id: string): Promise<{ label: string; description: string; tooltip: string } | undefined>;
    /** The last notifications shown through src/common/notices.ts. */
    notices(): readonly { kind: string; message: string }[];
    /** Restricted Mode for tests (the test hosts run with Workspace Trust disabled); undefined = the real trust. */
    simulateRestrictedMode(on: boolean | undefined): void;
    /** Lessons: which are open, what their live demos show, and which are done. */
    lessons: {
        open(lessonId: string, select?: string): Promise<void>;
        openLessons(): readonly string[];
        liveViews(lessonId: string): Readonly<Record<string, LiveView>>;
        act(lessonId: string, demo: string, action: string, arg?: string): Promise<void>;
        completed(): readonly string[];
    };
}

export interface ApiParts {
    readonly activationMs: number;
    readonly checkCommandTable: () => string;
    readonly engine: Engine;
    readonly refresh: RefreshManager;
    readonly views: DockerViews;
    readonly panels: LessonPanels;
    readonly progress: LessonProgress;
    readonly dockerfilePanels: DockerfilePanels;
}

export function createApi(p: ApiParts): DockerLessonsApi {
    return {
        activationMs: p.activationMs,
        checkCommandTable: p.checkCommandTable,
        engineState: () => {
            const s = p.engine.state;
            return { state: s.state, endpoint: s.endpoint?.display, error: s.error ? { kind: s.error.kind, message: s.error.message } : undefined };
        },
        snapshot: () => ({
            images: p.views.images.items.map((n) => ({ label: n.label, id: n.image.id })),
            containers: p.views.containers.items.map((n) => ({ label: n.label, id: n.container.id, state: n.container.state })),
        }),
        whenIdle: () => p.refresh.whenIdle(),
        dockerfileView: (uri) => p.dockerfilePanels.viewFor(uri),
        dockerfilePanelColumn: (uri) => p.dockerfilePanels.panelColumn(uri),
        dockerfilePanelPress: (uri, message) => p.dockerfilePanels.press(uri, message),
        viewText: () => p.views.text,
        notices: () => recentNotices(),
        containerRow: async (id) => {
            const node = p.views.containers.findById(id);
            if (!node) {
                return undefined;
            }
            const item = p.views.containers.getTreeItem(node);
            const resolved = await p.views.containers.resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
            const text = (v: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined) =>
                typeof v === 'string' ? v : v && typeof v === 'object' ? ('value' in v ? v.value : v.label) : '';
            return { label: text(resolved.label), description: text(resolved.description), tooltip: text(resolved.tooltip) };
        },
        simulateRestrictedMode: (on) => simulateRestrictedMode(on),
        lessons: {
            open: (id, select) => p.panels.show(id, select),
            openLessons: () => p.panels.openLessons,
            liveViews: (id) => p.panels.liveViews(id),
            act: (id, demo, action, arg) => p.panels.act(id, demo, action, arg),
            completed: () => p.progress.completed,
        },
    };
}
