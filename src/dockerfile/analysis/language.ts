/**
 * The Dockerfile language service (rcjsuen's dockerfile-language-service, with dockerfile-utils for
 * validation and formatting) behind one request function, so the same code answers in place on the
 * extension host (small files) and on a worker thread (big ones). Results are plain LSP-shaped data
 * (cheap to send between threads). Pure: no `vscode`, no network: the service's tag completion asks
 * Docker Hub, so the `FROM` image is left to the caller (images from the user's own engine).
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { From } from 'dockerfile-ast';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { ValidationSeverity } from 'dockerfile-utils';
import type { ValidatorSettings } from 'dockerfile-utils';
import type { Position, Range } from './analyze';
import { teach, TeachingFinding } from './teaching';

type Service = DockerfileLanguageService;
export type CompletionItem = Awaited<ReturnType<Service['computeCompletionItems']>>[number];
export type Problem = ReturnType<Service['validate']>[number];
export type FormatEdit = ReturnType<Service['format']>[number];
export type SymbolInfo = ReturnType<Service['computeSymbols']>[number];
export type Fold = ReturnType<Service['computeFoldingRanges']>[number];
export type Definition = ReturnType<Service['computeDefinition']>;

export interface FormatOptions {
    readonly tabSize: number;
    readonly insertSpaces: boolean;
}

export type LanguageRequest =
    | { readonly op: 'completion'; readonly position: Position }
    | { readonly op: 'diagnostics' }
    | { readonly op: 'format'; readonly options: FormatOptions }
    | { readonly op: 'symbols' }
    | { readonly op: 'folding' }
    | { readonly op: 'definition'; readonly position: Position };

export interface Completion {
    readonly items: CompletionItem[];
    /** The cursor is on a `FROM` image: the caller offers the engine's images for this range. */
    readonly image?: { readonly range: Range; readonly prefix: string };
}

export interface Diagnosis {
    readonly problems: Problem[];
    readonly teaching: TeachingFinding[];
}

export interface LanguageResults {
    completion: Completion;
    diagnostics: Diagnosis;
    format: FormatEdit[];
    symbols: SymbolInfo[];
    folding: Fold[];
    definition: Definition | null;
}

export type LanguageResult<R extends LanguageRequest> = LanguageResults[R['op']];

/**
 * At most this many outline entries and diagnostics per file: past a few hundred they teach nothing,
 * and thousands cost the extension host real time to convert and send to the window (a 1 MB file
 * has 30,000 instructions).
 */
export const MAX_SYMBOLS = 2000;
export const MAX_PROBLEMS = 300;
export const MAX_TEACHING = 200;

/**
 * dockerfile-utils' own defaults, written out: a settings object replaces its defaults whole, so
 * passing only the one we change would turn every other warning off. Single-quoted JSON is a
 * teaching finding of ours (shell form), with a fix.
 */
const VALIDATION: ValidatorSettings = {
    deprecatedMaintainer: ValidationSeverity.WARNING,
    directiveCasing: ValidationSeverity.WARNING,
    emptyContinuationLine: ValidationSeverity.WARNING,
    instructionCasing: ValidationSeverity.WARNING,
    instructionCmdMultiple: ValidationSeverity.WARNING,
    instructionEntrypointMultiple: ValidationSeverity.WARNING,
    instructionHealthcheckMultiple: ValidationSeverity.WARNING,
    instructionJSONInSingleQuotes: ValidationSeverity.IGNORE,
    instructionWorkdirRelative: ValidationSeverity.WARNING,
};

let service: Service | undefined;
function ls(): Service {
    if (!service) {
        service = DockerfileLanguageServiceFactory.createLanguageService();
        service.setCapabilities({
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'], deprecatedSupport: true } },
            foldingRange: { lineFoldingOnly: true },
        });
    }
    return service;
}

/** The `FROM` image argument under the cursor, when there is one (or where one is to be written). */
function imageSlot(text: string, pos: Position): Completion['image'] {
    const df = DockerfileParser.parse(text);
    const ins = df.getInstructions().find((i) => i.getRange().start.line <= pos.line && pos.line <= i.getRange().end.line);
    if (!ins || ins.getKeyword().toUpperCase() !== 'FROM' || !(ins.getInstructionRange().end.line < pos.line || ins.getInstructionRange().end.character < pos.character)) {
        return undefined;
    }
    const from = ins as From;
    const image = from.getArguments()[0];
    const flags = from.getFlags();
    if (image && (image.isBefore(pos) || image.isAfter(pos) || image.getValue().startsWith('-'))) {
        return undefined;
    }
    if (!image && flags.some((f) => f.getRange().end.line === pos.line && f.getRange().end.character >= pos.character)) {
        return undefined;
    }
    const lines = text.split(/\r?\n/, pos.line + 1);
    const line = lines[pos.line] ?? '';
    const start = image ? image.getRange().start : pos;
    const end = image ? image.getRange().end : pos;
    const prefix = line.slice(start.character, pos.character);
    return prefix.startsWith('-') ? undefined : { range: { start: { ...start }, end: { ...end } }, prefix };
}

async function completion(text: string, position: Position): Promise<Completion> {
    const image = imageSlot(text, position);
    if (image) {
        return { items: [], image };
    }
    const items = await ls().computeCompletionItems(text, position);
    // documentation is a table look-up: resolved here, so items can cross threads whole
    return { items: items.map((i) => (i.data !== undefined && !i.documentation ? ls().resolveCompletionItem(i) : i)) };
}

/** Answers one request on this text. `uri` only labels symbols and definitions. */
export async function languageRequest<R extends LanguageRequest>(text: string, uri: string, req: R): Promise<LanguageResult<R>> {
    const content = text.replace(/^\uFEFF/, '');
    type Out = LanguageResult<R>;
    switch (req.op) {
        case 'completion':
            return (await completion(content, req.position)) as Out;
        case 'diagnostics':
            return { problems: ls().validate(content, VALIDATION).slice(0, MAX_PROBLEMS), teaching: teach(content).slice(0, MAX_TEACHING) } as Out;
        case 'format':
            return ls().format(content, { tabSize: req.options.tabSize, insertSpaces: req.options.insertSpaces }) as Out;
        case 'symbols':
            return ls().computeSymbols({ uri }, content).slice(0, MAX_SYMBOLS) as Out;
        case 'folding':
            return ls().computeFoldingRanges(content) as Out;
        case 'definition':
            return (ls().computeDefinition({ uri }, content, req.position) ?? null) as Out;
    }
    throw new Error(`unknown request ${(req as { op: string }).op}`);
}
