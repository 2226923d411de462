import vscode = require('vscode');
import { Engine } from '../docker/engine';
import { lazyModule } from '../docker/loader';
import { RefreshManager } from '../model/refreshManager';
import { isDockerfile } from '../panels/webviewHost';
import { DOCKERFILE_SELECTOR } from './analyses';
import { DockerfileDiagnostics } from './dockerfileDiagnostics';
import { ImageFacts } from './imageFacts';
import { DockerfileLanguage, LanguageModuleType } from './languageClient';
import { EngineImages, registerLanguageProviders } from './languageProviders';

/**
 * The Dockerfile language service: providers, diagnostics and quick fixes. Nothing loads here: the
 * service's bundle (`dist/dockerfile-language.js`) on the first request, its worker on the first big file.
 */
export function registerDockerfileLanguage(bundle: (name: string) => string, engine: Engine, refresh: RefreshManager, facts: ImageFacts): vscode.Disposable {
    const language = new DockerfileLanguage(lazyModule<LanguageModuleType>(bundle('dockerfile-language')), bundle('dockerfile-language-worker'));
    const diagnostics = new DockerfileDiagnostics(language, isDockerfile, facts);
    return vscode.Disposable.from(
        language,
        diagnostics,
        registerLanguageProviders(language, new EngineImages(engine, refresh)),
        vscode.languages.registerCodeActionsProvider(DOCKERFILE_SELECTOR, diagnostics, { providedCodeActionKinds: DockerfileDiagnostics.KINDS }),
    );
}
