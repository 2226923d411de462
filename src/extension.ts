/**
 * Wiring only: build the services, hand them to the views and commands, return a small API for tests.
 * dockerode is not loaded here; it loads on the first Engine call (dist/docker.js).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ExplorerDeps } from './commands/actions';
import { containerCommands } from './commands/containers';
import { DockerfileCodeLens, dockerfileCommands, DockerfileDeps, buildDockerfile, runWithLimits } from './commands/dockerfile';
import { endpointCommands } from './commands/endpoint';
import { generalCommands } from './commands/general';
import { imageCommands } from './commands/images';
import { lessonCommands } from './commands/lessons';
import { INSPECT_SCHEME, InspectDocuments } from './commands/inspectDocuments';
import { CommandIds, registerCommands } from './commands/registry';
import { Config } from './common/config';
import { Logger } from './common/logger';
import { EndpointInputs, resolveEndpoint } from './docker/endpoint';
import { Engine, EngineStateName } from './docker/engine';
import { lazyClientFactory, lazyModule } from './docker/loader';
import { AnalysisModule, DOCKERFILE_SELECTOR, DockerfileAnalyses } from './dockerfile/analyses';
import { DockerfileLimitHoverProvider } from './dockerfile/limitHover';
import { BuiltImages } from './dockerfile/builtImages';
import { DockerfileHoverProvider } from './dockerfile/hover';
import { DockerfilePanels } from './panels/dockerfilePanel';
import { RefreshManager } from './tree/refreshManager';
import { localeOf } from './lessons/catalog';
import { LessonPanels } from './panels/lessonPanels';
import { LessonProgress } from './panels/progress';
import { LiveView } from './panels/protocol';
import { isDockerfile, WebviewHost } from './panels/webviewHost';
import { LessonsTreeProvider } from './tree/lessonsTree';
import { EngineStatusBar } from './tree/statusBar';
import { DockerViews } from './tree/views';

export interface DockerLessonsApi {
    readonly activationMs: number;
    engineState(): { state: EngineStateName; endpoint?: string; error?: { kind: string; message: string } };
    snapshot(): { images: { label: string; id: string }[]; containers: { label: string; id: string; state: string }[] };
    whenIdle(): Promise<void>;
    /** The Dockerfile explain panel's data for a file, when it is open. */
    dockerfileView(uri: vscode.Uri): Promise<unknown>;
    dockerfilePanelColumn(uri: vscode.Uri): vscode.ViewColumn | undefined;
    /** Lessons: which are open, what their live demos show, and which are done. */
    lessons: {
        open(lessonId: string, select?: string): Promise<void>;
        openLessons(): readonly string[];
        liveViews(lessonId: string): Readonly<Record<string, LiveView>>;
        act(lessonId: string, demo: string, action: string, arg?: string): Promise<void>;
        completed(): readonly string[];
    };
}

function readFileOrUndefined(file: string): string | undefined {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}

function listDir(dir: string): string[] {
    try {
        return fs.readdirSync(dir);
    } catch {
        return [];
    }
}

export function activate(context: vscode.ExtensionContext): DockerLessonsApi {
    const started = performance.now();
    const log = Logger.create('Docker Lessons');
    context.subscriptions.push(log);
    const config = new Config();

    const endpointInputs = (): EndpointInputs => ({
        setting: config.dockerHost,
        env: process.env,
        platform: process.platform,
        homedir: os.homedir(),
        readFile: readFileOrUndefined,
        exists: fs.existsSync,
        listDir,
    });
    const engine = new Engine({
        resolveEndpoint: () => resolveEndpoint(endpointInputs()),
        clientFactory: lazyClientFactory(path.join(context.extensionPath, 'dist', 'docker.js')),
        timeoutMs: () => config.requestTimeoutMs,
        log: (m) => log.child('engine').info(m),
    });
    context.subscriptions.push({ dispose: () => engine.dispose() });

    const refresh = new RefreshManager(engine, log.child('refresh'));
    context.subscriptions.push(refresh);
    const progress = new LessonProgress(context.globalState, refresh, () => config.helloWorldImage, log.child('lessons'));
    context.subscriptions.push(progress);
    const lessonsTree = new LessonsTreeProvider(localeOf(vscode.env.language), progress, CommandIds.openLesson);
    context.subscriptions.push(lessonsTree);
    const views = new DockerViews(engine, refresh, lessonsTree, log.child('views'));
    context.subscriptions.push(views);
    const host = new WebviewHost(context.extensionUri);
    const panels = new LessonPanels({
        host,
        engine,
        refresh,
        log: log.child('lessons'),
        settings: () => ({ helloImage: config.helloWorldImage, shellImage: config.lessonImage }),
    });
    context.subscriptions.push(panels);

    context.subscriptions.push(new EngineStatusBar(engine, CommandIds.engineMenu));
    const docs = new InspectDocuments();
    context.subscriptions.push(docs, vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, docs));

    const deps: ExplorerDeps = { engine, refresh, views, log: log.child('actions'), docs };

    // Dockerfiles: dockerfile-ast loads on the first hover/explain, from its own bundle
    const analyses = new DockerfileAnalyses(lazyModule<AnalysisModule>(path.join(context.extensionPath, 'dist', 'dockerfile.js')), isDockerfile, path.join(context.extensionPath, 'dist', 'dockerfile-worker.js'));
    const built = new BuiltImages(context.workspaceState);
    const diagnostics = vscode.languages.createDiagnosticCollection('docker-lessons');
    context.subscriptions.push(analyses, built, diagnostics);
    let dockerfilePanels: DockerfilePanels | undefined = undefined;
    const dfDeps: DockerfileDeps = { ...deps, analyses, built, diagnostics, dockerfilePanels: () => dockerfilePanels!, lessons: panels };
    dockerfilePanels = new DockerfilePanels({
        host,
        analyses,
        refresh,
        images: views.images,
        built,
        log: log.child('dockerfile'),
        build: async (uri) => {
            await buildDockerfile(dfDeps, uri);
        },
        runWithLimits: (tag, limits) => runWithLimits(dfDeps, tag, limits),
    });
    context.subscriptions.push(
        dockerfilePanels,
        vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, new DockerfileHoverProvider(analyses, refresh, views.images, built)),
        vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, new DockerfileLimitHoverProvider(analyses)),
        vscode.languages.registerCodeLensProvider(DOCKERFILE_SELECTOR, new DockerfileCodeLens()),
    );
    context.subscriptions.push(
        ...registerCommands(
            [
                ...generalCommands(refresh, log),
                ...endpointCommands(endpointInputs, refresh, log),
                ...containerCommands(deps),
                ...imageCommands(deps),
                ...lessonCommands(panels, progress),
                ...dockerfileCommands(dfDeps),
            ],
            log,
        ),
    );

    // The current docker context lives in ~/.docker: follow changes to it (docker context use …).
    const dockerDir = vscode.Uri.file(process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dockerDir, '{config.json,contexts/meta/**}'));
    const contextsChanged = () => {
        if (!config.dockerHost && !process.env.DOCKER_HOST) {
            log.info('docker contexts changed');
            refresh.restart();
        }
    };
    context.subscriptions.push(watcher, watcher.onDidChange(contextsChanged), watcher.onDidCreate(contextsChanged), watcher.onDidDelete(contextsChanged));

    context.subscriptions.push(
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (config.affectsEndpoint(e)) {
                log.info('Docker endpoint settings changed');
                refresh.restart();
            }
        }),
        vscode.workspace.onDidGrantWorkspaceTrust(() => refresh.restart()),
    );

    const activationMs = Math.round((performance.now() - started) * 10) / 10;
    log.info(`activated in ${activationMs} ms (dockerode not loaded yet)`);

    return {
        activationMs,
        engineState: () => {
            const s = engine.state;
            return { state: s.state, endpoint: s.endpoint?.display, error: s.error ? { kind: s.error.kind, message: s.error.message } : undefined };
        },
        snapshot: () => ({
            images: views.images.items.map((n) => ({ label: n.label, id: n.image.id })),
            containers: views.containers.items.map((n) => ({ label: n.label, id: n.container.id, state: n.container.state })),
        }),
        whenIdle: () => refresh.whenIdle(),
        dockerfileView: (uri) => dockerfilePanels!.viewFor(uri),
        dockerfilePanelColumn: (uri) => dockerfilePanels!.panelColumn(uri),
        lessons: {
            open: (id, select) => panels.show(id, select),
            openLessons: () => panels.openLessons,
            liveViews: (id) => panels.liveViews(id),
            act: (id, demo, action, arg) => panels.act(id, demo, action, arg),
            completed: () => progress.completed,
        },
    };
}

export function deactivate(): void {
    // everything is in context.subscriptions
}
