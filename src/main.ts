/**
 * The extension behind the activation shell (src/extension.ts): builds the services and hands them to
 * the views, panels and commands. Bundled as dist/main.js and required on first use (a view asks for
 * its data, a command runs, a Dockerfile is open or hovered, a panel is restored, a test calls the API).
 * dockerode, the Dockerfile parser and the lessons each load later still, from their own bundles.
 */
import path = require('path');
import vscode = require('vscode');
import { createApi, DockerLessonsApi } from './api';
import { ExplorerDeps } from './commands/actions';
import type { DockerfileDeps } from './commands/dockerfile';
import { generalCommands } from './commands/general';
import { INSPECT_SCHEME, InspectDocuments } from './commands/inspectDocuments';
import { lessonCommands } from './commands/lessons';
import { LAZY_COMMAND_IDS, lazySpecs, tableMismatch } from './commands/lazyTable';
import { CommandIds, CommandSpec } from './commands/registry';
import { reportError } from './commands/reportError';
import { Config } from './common/config';
import { endpointInputs, followEndpointChanges } from './common/endpointSetup';
import { Logger } from './common/logger';
import { resolveEndpoint } from './docker/endpoint';
import { Engine } from './docker/engine';
import { socketGroup } from './docker/socketGroup';
import { lazyClientFactory, lazyModule } from './docker/loader';
import { AnalysisModule, DockerfileAnalyses } from './dockerfile/analyses';
import { DockerfileLimitHoverProvider } from './dockerfile/limitHover';
import { BuiltImages } from './dockerfile/builtImages';
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
import type { SerializerSlot } from './shell/deferred';
import { LessonsTreeProvider } from './tree/lessonsTree';
import { EngineStatusBar } from './tree/statusBar';
import { DockerViews, ViewSlots } from './tree/views';

/** What the shell created at activation and hands over. */
export interface ShellParts {
    readonly context: vscode.ExtensionContext;
    readonly log: Logger;
    readonly activationMs: number;
    readonly views: ViewSlots;
    readonly serializers: { readonly lesson: SerializerSlot; readonly dockerfile: SerializerSlot };
}

/** What the shell's registrations call into. */
export interface Main {
    readonly api: DockerLessonsApi;
    readonly commands: ReadonlyMap<string, CommandSpec>;
    readonly hovers: readonly vscode.HoverProvider[];
    report(id: string, error: unknown): void;
}

/** Builds everything; if any part throws, what was already registered is disposed again (nothing half-started stays). */
export function start(parts: ShellParts): Main {
    const started: vscode.Disposable[] = [];
    try {
        const main = wire(parts, (d) => (started.push(d), d));
        parts.context.subscriptions.push(...started);
        return main;
    } catch (e) {
        for (const d of started.reverse()) {
            try {
                d.dispose();
            } catch {
                // already failing: the first error is the one to report
            }
        }
        throw e;
    }
}

function wire({ context, log, activationMs, views: slots, serializers }: ShellParts, own: <T extends vscode.Disposable>(d: T) => T): Main {
    const bundle = (name: string) => path.join(context.extensionPath, 'dist', `${name}.js`);
    const config = new Config();
    const inputs = endpointInputs(config);

    const engine = own(new Engine({ resolveEndpoint: () => resolveEndpoint(inputs()), clientFactory: lazyClientFactory(bundle('docker')), timeoutMs: () => config.requestTimeoutMs, log: (m) => log.child('engine').info(m), socketGroup }));
    const refresh = own(new RefreshManager(engine, log.child('refresh')));
    const progress = own(new LessonProgress(context.globalState, refresh, () => config.helloWorldImage, log.child('lessons')));
    const views = own(new DockerViews(engine, refresh, own(new LessonsTreeProvider(localeOf(vscode.env.language), progress, CommandIds.openLesson)), log.child('views'), slots));
    const host = new WebviewHost(context.extensionUri);
    const lessonRuntime = lazyModule<{ lessonRuntime: LessonRuntime }>(bundle('lessons'));
    const bodies = lazyModule<typeof import('./commands/bodies')>(bundle('commands'));
    const settings = () => ({ helloImage: config.helloWorldImage, shellImage: config.lessonImage, workspaceFolder: vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath });
    const panels = own(new LessonPanels({ host, engine, refresh, log: log.child('lessons'), settings, runtime: () => lessonRuntime().lessonRuntime, serializer: serializers.lesson }));
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
    dockerfilePanels = own(new DockerfilePanels({ host, analyses, refresh, images: views.images, built, log: log.child('dockerfile'), build, runWithLimits: (tag, limits) => bodies().runWithLimits(dfDeps, tag, limits), serializer: serializers.dockerfile }));
    const hovers = [new DockerfileHoverProvider(analyses, facts, views.images, built), new DockerfileLimitHoverProvider(analyses)];
    own(registerDockerfileLanguage(bundle, engine, refresh, facts));

    // the heavy bodies are in dist/commands.js, loaded on the first call of one of them
    const lazy = lazySpecs(Object.values(LAZY_COMMAND_IDS).flat(), () => {
        const b = bodies();
        return [...b.containerCommands(deps), ...b.imageCommands(deps), ...b.endpointCommands(inputs, refresh, log), ...b.dockerfileCommands(dfDeps)];
    });
    const commands = [...generalCommands(refresh, log), ...lessonCommands(panels, progress), ...lazy];
    followEndpointChanges(config, () => refresh.restart(), log).forEach(own);
    // the shell registered every id of CommandIds: this table must have exactly those
    const checkCommandTable = () => [tableMismatch(Object.values(CommandIds), commands), lazy.check()].filter(Boolean).join('; ');

    const api = createApi({ activationMs, checkCommandTable, engine, refresh, views, panels, progress, dockerfilePanels });
    const report = (id: string, error: unknown) => void reportError(log, id, error);
    return { api, commands: new Map(commands.map((c) => [c.id, c])), hovers, report };
}
