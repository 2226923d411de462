/**
 * Completion, formatting, outline, folding and go-to-definition for Dockerfiles, answered by the
 * language service (DockerfileLanguage: in place or on its worker). No hover here: our own teaching
 * hovers (hover.ts) are the only ones, so nothing is said twice.
 */
import vscode = require('vscode');
import { formatAge, formatBytes } from '../common/format';
import { Engine } from '../docker/engine';
import { ImageSummary } from '../docker/types';
import { RefreshManager } from '../model/refreshManager';
import { DOCKERFILE_SELECTOR } from './analyses';
import { DockerfileLanguage } from './languageClient';
import { fromPosition, toCompletionItem, toFold, toRange, toSymbols, toTextEdit } from './lspConvert';

/** How long a completion may wait for the engine's image list when no view keeps it live. */
const IMAGES_TIMEOUT_MS = 800;
const IMAGES_TTL_MS = 10_000;

/** The engine's images for `FROM` completion: the live model when it is current, else one short list. */
export class EngineImages {
    private cached: { at: number; images: Promise<readonly ImageSummary[]> } | undefined;

    constructor(
        private readonly engine: Engine,
        private readonly refresh: RefreshManager,
    ) {}

    list(): Promise<readonly ImageSummary[]> {
        if (this.refresh.active && this.refresh.model.at > 0) {
            return Promise.resolve([...this.refresh.model.images.values()]);
        }
        if (this.engine.state.state === 'unreachable') {
            return Promise.resolve([]);
        }
        if (!this.cached || Date.now() - this.cached.at > IMAGES_TTL_MS) {
            const images = this.engine
                .client()
                .listImages(AbortSignal.timeout(IMAGES_TIMEOUT_MS))
                .catch(() => {
                    this.cached = undefined;
                    return [];
                });
            this.cached = { at: Date.now(), images };
        }
        return this.cached.images;
    }
}

export class DockerfileCompletion implements vscode.CompletionItemProvider {
    static readonly TRIGGERS = [' ', '-', '=', '$', '{', ':'];

    constructor(
        private readonly language: DockerfileLanguage,
        private readonly images: EngineImages,
    ) {}

    async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | vscode.CompletionList | undefined> {
        const result = await this.language.request(doc, { op: 'completion', position: fromPosition(pos) });
        if (token.isCancellationRequested) {
            return undefined;
        }
        if (!result.image) {
            return result.items.map(toCompletionItem);
        }
        const range = toRange(result.image.range);
        const images = await this.images.list();
        const seen = new Set<string>();
        const items: vscode.CompletionItem[] = [];
        for (const img of [...images].sort((a, b) => b.created - a.created)) {
            for (const tag of img.repoTags) {
                if (seen.has(tag) || tag === '<none>:<none>') {
                    continue;
                }
                seen.add(tag);
                const item = new vscode.CompletionItem({ label: tag, description: `${img.shortId} · ${formatBytes(img.size)}` }, vscode.CompletionItemKind.Module);
                item.range = range;
                item.detail = vscode.l10n.t('On your engine: id {0}, {1}, created {2}', img.shortId, formatBytes(img.size), formatAge(img.created, vscode.env.language));
                item.sortText = String(items.length).padStart(5, '0');
                items.push(item);
            }
        }
        // the image list may be incomplete while typing a new name: ask again on the next key
        return new vscode.CompletionList(items, true);
    }
}

export class DockerfileFormatting implements vscode.DocumentFormattingEditProvider {
    constructor(private readonly language: DockerfileLanguage) {}

    async provideDocumentFormattingEdits(doc: vscode.TextDocument, options: vscode.FormattingOptions): Promise<vscode.TextEdit[]> {
        const edits = await this.language.request(doc, { op: 'format', options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } });
        return edits.map(toTextEdit);
    }
}

export class DockerfileOutline implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider, vscode.DefinitionProvider {
    constructor(private readonly language: DockerfileLanguage) {}

    async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.SymbolInformation[]> {
        return toSymbols(doc.uri, await this.language.request(doc, { op: 'symbols' }));
    }

    async provideFoldingRanges(doc: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
        return (await this.language.request(doc, { op: 'folding' })).map(toFold);
    }

    /** Build stages (`FROM base AS build` ← `COPY --from=build`) and ARG/ENV variables (`$NAME`). */
    async provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location | undefined> {
        const loc = await this.language.request(doc, { op: 'definition', position: fromPosition(pos) });
        return loc ? new vscode.Location(doc.uri, toRange(loc.range)) : undefined;
    }
}

/** Registers the language-service providers; nothing loads until a provider is first asked. */
export function registerLanguageProviders(language: DockerfileLanguage, images: EngineImages): vscode.Disposable {
    const outline = new DockerfileOutline(language);
    return vscode.Disposable.from(
        vscode.languages.registerCompletionItemProvider(DOCKERFILE_SELECTOR, new DockerfileCompletion(language, images), ...DockerfileCompletion.TRIGGERS),
        vscode.languages.registerDocumentFormattingEditProvider(DOCKERFILE_SELECTOR, new DockerfileFormatting(language)),
        vscode.languages.registerDocumentSymbolProvider(DOCKERFILE_SELECTOR, outline),
        vscode.languages.registerFoldingRangeProvider(DOCKERFILE_SELECTOR, outline),
        vscode.languages.registerDefinitionProvider(DOCKERFILE_SELECTOR, outline),
    );
}
