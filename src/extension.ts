/**
 * Wiring only: build the services, hand them to the views, panels and commands, return a small API
 * for tests. Nothing heavy loads here: dockerode, the Dockerfile parser and the lessons each load from
 * their own bundle on first use.
 */
import path = require('path');
import vscode = require('vscode');
import { createApi, DockerLessonsApi } from './api';
import { ExplorerDeps } from './commands/actions';
import type { DockerfileDeps } from './commands/dockerfile';
import { generalCommands } from './commands/general';
import { INSPECT_SCHEME, InspectDocuments } from './commands/inspectDocuments';
import { lessonCommands } from './commands/lessons';
import { LAZY_COMMAND_IDS, lazySpecs } from './commands/lazyTable';
import { CommandIds, registerCommands } from './commands/registry';
import { Config } from './common/config';
import { endpointInputs, followEndpointChanges } from './common/endpointSetup';
import { Logger } from './common/logger';
import { resolveEndpoint } from './docker/endpoint';
import { Engine } from './docker/engine';
import { socketGroup } from './docker/socketGroup';
import { lazyClientFactory, lazyModule } from './docker/loader';
import { AnalysisModule, DOCKERFILE_SELECTOR, DockerfileAnalyses } from './dockerfile/analyses';
import { DockerfileLimitHoverProvider } from './dockerfile/limitHover';
import { BuiltImages } from './dockerfile/builtImages';
import { DockerfileCodeLens } from './dockerfile/codeLens';
import { DockerfileHoverProvider } from './dockerfile/hover';
import { registerDockerfileLanguage } from './dockerfile/languageSetup';
import { ImageFacts } from './dockerfile/imageFacts';
import { localeOf } from './lessons/catalog';
import type { LessonRuntime } from './lessons/runtime';
import { RefreshManager } from './model/refreshManager';
import { DockerfilePanels } from './panels/dockerfilePanel';
import { LessonPanels } from './panels/lessonPanels';
import { LessonProgress } from './panels/progress';
import { isDockerfile, WebviewHost } from './panels/webviewHost';
import { LessonsTreeProvider } from './tree/lessonsTree';
import { EngineStatusBar } from './tree/statusBar';
import { DockerViews } from './tree/views';

export type { DockerLessonsApi };

/** Set by the bundle's first and last lines (scripts/build.mjs); absent when run from tsc output. */
declare const __dlModuleStart: number | undefined;
declare const __dlModuleEnd: number | undefined;

export function activate(context: vscode.ExtensionContext): DockerLessonsApi {
    const started = performance.now();
    const moduleMs = typeof __dlModuleStart === 'number' && typeof __dlModuleEnd === 'number' ? __dlModuleEnd - __dlModuleStart : 0;
    const own = <T extends vscode.Disposable>(d: T): T => (context.subscriptions.push(d), d);
    const bundle = (name: string) => path.join(context.extensionPath, 'dist', `${name}.js`);
    const log = own(Logger.create('Docker Lessons'));
    const config = new Config();
    const inputs = endpointInputs(config);

    const engine = own(new Engine({ resolveEndpoint: () => resolveEndpoint(inputs()), clientFactory: lazyClientFactory(bundle('docker')), timeoutMs: () => config.requestTimeoutMs, log: (m) => log.child('engine').info(m), socketGroup }));
    const refresh = own(new RefreshManager(engine, log.child('refresh')));
    const progress = own(new LessonProgress(context.globalState, refresh, () => config.helloWorldImage, log.child('lessons')));
    const views = own(new DockerViews(engine, refresh, own(new LessonsTreeProvider(localeOf(vscode.env.language), progress, CommandIds.openLesson)), log.child('views')));
    const host = new WebviewHost(context.extensionUri);
    const lessonRuntime = lazyModule<{ lessonRuntime: LessonRuntime }>(bundle('lessons'));
    const bodies = lazyModule<typeof import('./commands/bodies')>(bundle('commands'));
    const settings = () => ({ helloImage: config.helloWorldImage, shellImage: config.lessonImage, workspaceFolder: vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath });
    const panels = own(new LessonPanels({ host, engine, refresh, log: log.child('lessons'), settings, runtime: () => lessonRuntime().lessonRuntime }));
    own(new EngineStatusBar(engine, CommandIds.engineMenu));
    const docs = own(new InspectDocuments());
    own(vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, docs));
    const deps: ExplorerDeps = { engine, refresh, views, log: log.child('actions'), docs };

    // Dockerfiles: dockerfile-ast loads on the first hover/explain, from its own bundle
    const analyses = own(new DockerfileAnalyses(lazyModule<AnalysisModule>(bundle('dockerfile')), isDockerfile, bundle('dockerfile-worker')));
    const built = own(new BuiltImages(context.workspaceState));
    const diagnostics = own(vscode.languages.createDiagnosticCollection('docker-lessons'));
    const facts = own(new ImageFacts(engine, refresh));
    let dockerfilePanels: DockerfilePanels | undefined = undefined;
    const dfDeps: DockerfileDeps = { ...deps, analyses, built, diagnostics, dockerfilePanels: () => dockerfilePanels!, lessons: panels };
    const build = async (uri: vscode.Uri) => void (await bodies().buildDockerfile(dfDeps, uri));
    dockerfilePanels = own(new DockerfilePanels({ host, analyses, refresh, images: views.images, built, log: log.child('dockerfile'), build, runWithLimits: (tag, limits) => bodies().runWithLimits(dfDeps, tag, limits) }));
    own(vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, new DockerfileHoverProvider(analyses, facts, views.images, built)));
    own(vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, new DockerfileLimitHoverProvider(analyses)));
    own(vscode.languages.registerCodeLensProvider(DOCKERFILE_SELECTOR, new DockerfileCodeLens()));
    own(registerDockerfileLanguage(bundle, engine, refresh, facts));

    // the heavy bodies are in dist/commands.js, loaded on the first call of one of them
    const lazy = lazySpecs(Object.values(LAZY_COMMAND_IDS).flat(), () => {
        const b = bodies();
        return [...b.containerCommands(deps), ...b.imageCommands(deps), ...b.endpointCommands(inputs, refresh, log), ...b.dockerfileCommands(dfDeps)];
    });
    const commands = [...generalCommands(refresh, log), ...lessonCommands(panels, progress), ...lazy];
    context.subscriptions.push(...registerCommands(commands, log), ...followEndpointChanges(config, () => refresh.restart(), log));

    const activateMs = performance.now() - started;
    const activationMs = Math.round((moduleMs + activateMs) * 10) / 10;
    log.info(`activated in ${activationMs} ms: module load ${Math.round(moduleMs * 10) / 10} ms + activate() ${Math.round(activateMs * 10) / 10} ms (dockerode not loaded yet)`);
    return createApi({ activationMs, checkCommandTable: lazy.check, engine, refresh, views, panels, progress, dockerfilePanels });
}

export function deactivate(): void {
    // everything is in context.subscriptions
}
