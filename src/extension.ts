/**
 * Activation is a shell: it registers what VS Code must know about at once (the three views, every
 * command of the one table, the Dockerfile hovers and code lenses, the panels' serializers) and nothing
 * else. The extension itself (services, views' data, panels, the Dockerfile language service) is in
 * dist/main.js (src/main.ts), required the first time one of these is really used, or when a
 * Dockerfile is open (its diagnostics). dockerode, the parser and the lessons load later still.
 */
import path = require('path');
import vscode = require('vscode');
import type { DockerLessonsApi } from './api';
import { CommandIds, registerCommands } from './commands/registry';
import { Logger } from './common/logger';
import { DockerfileCodeLens } from './dockerfile/codeLens';
import { DOCKERFILE_SELECTOR, isDockerfile } from './dockerfile/selector';
import { DOCKERFILE_VIEW_TYPE, LESSON_VIEW_TYPE } from './panels/viewTypes';
import { DeferredSerializer, DeferredTree } from './shell/deferred';
import { lazyApi } from './shell/lazyApi';
import { loadFailed, MainLoader } from './shell/loader';

export type { DockerLessonsApi };

/** Set by the bundle's first and last lines (scripts/build.mjs); absent when run from tsc output. */
declare const __dlModuleStart: number | undefined;
declare const __dlModuleEnd: number | undefined;

export function activate(context: vscode.ExtensionContext): DockerLessonsApi {
    const started = performance.now();
    const moduleMs = typeof __dlModuleStart === 'number' && typeof __dlModuleEnd === 'number' ? __dlModuleEnd - __dlModuleStart : 0;
    const own = <T extends vscode.Disposable>(d: T): T => (context.subscriptions.push(d), d);
    const log = own(Logger.create('Docker Lessons'));

    let activationMs = 0;
    const loader = new MainLoader(path.join(context.extensionPath, 'dist', 'main.js'), log, (m) => m.start({ context, log, activationMs, views, serializers }), (message) => Object.values(views).forEach((v) => v.unbind(message)));
    const main = (why: string) => loader.get(why);
    const views = {
        images: own(new DeferredTree<never>('dockerLessons.images', { showCollapseAll: true, canSelectMany: true }, () => main('the Images view'))),
        containers: own(new DeferredTree<never>('dockerLessons.containers', { canSelectMany: true }, () => main('the Containers view'))),
        lessons: own(new DeferredTree<unknown>('dockerLessons.lessons', {}, () => main('the Lessons view'))),
    };
    const serializers = { lesson: new DeferredSerializer(() => main('a lesson panel restored')), dockerfile: new DeferredSerializer(() => main('a Dockerfile panel restored')) };
    own(vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, serializers.lesson));
    own(vscode.window.registerWebviewPanelSerializer(DOCKERFILE_VIEW_TYPE, serializers.dockerfile));

    // a command that could not run because the extension did not load says so, each time: it was asked for
    const report = (id: string, error: unknown) => (loader.failure ? void vscode.window.showErrorMessage(loadFailed(loader.failure)) : main(id).report(id, error));
    const commands = Object.values(CommandIds).map((id) => ({ id, run: (...args: unknown[]) => loader.get(id, true).commands.get(id)!.run(...args) }));
    context.subscriptions.push(...registerCommands(commands, report));

    for (const i of [0, 1]) {
        own(vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, { provideHover: (doc, pos, token) => main('a Dockerfile hover').hovers[i].provideHover(doc, pos, token) }));
    }
    own(vscode.languages.registerCodeLensProvider(DOCKERFILE_SELECTOR, new DockerfileCodeLens()));
    // an open Dockerfile gets its diagnostics and language features: they start after activation
    const dockerfileOpen = () => void loader.tryGet('a Dockerfile is open');
    own(vscode.workspace.onDidOpenTextDocument((d) => isDockerfile(d) && !loader.isLoaded && dockerfileOpen()));
    if (vscode.workspace.textDocuments.some(isDockerfile)) {
        setTimeout(dockerfileOpen, 0);
    }

    const activateMs = performance.now() - started;
    activationMs = Math.round((moduleMs + activateMs) * 10) / 10;
    log.info(`activated in ${activationMs} ms: module load ${Math.round(moduleMs * 10) / 10} ms + activate() ${Math.round(activateMs * 10) / 10} ms (the rest loads from dist/main.js on first use)`);
    return lazyApi(activationMs, () => main('the API').api);
}

export function deactivate(): void {
    // everything is in context.subscriptions
}
