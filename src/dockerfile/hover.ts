import vscode = require('vscode');
import { visibleMarkdown } from '../tree/visibleItem';
import { CommandIds } from '../commands/registry';
import { formatAge, formatBytes } from '../common/format';
import { onEngineSentence } from '../common/instanceWords';
import { imageLabel } from '../docker/mapping';
import { LESSONS, localeOf } from '../lessons/catalog';
import { ImagesTreeProvider } from '../tree/imagesTree';
import type { Analysis, Stage, Step } from './analysis';
import { DockerfileAnalyses } from './analyses';
import { BuiltImages } from './builtImages';
import { ImageFacts } from './imageFacts';

/** Markdown that may run only our own lesson command: no other trust. */
export function lessonLinkMarkdown(): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [CommandIds.openLesson] };
    return md;
}

export function lessonLink(lessonId: string): string {
    const locale = localeOf(vscode.env.language);
    const title = LESSONS.find((l) => l.id === lessonId)?.title[locale] ?? lessonId;
    const args = encodeURIComponent(JSON.stringify([lessonId]));
    // the title is our own text; brackets are escaped so it cannot break the link
    return `[$(book) ${vscode.l10n.t('Lesson: {0}', title.replace(/[[\]]/g, ''))}](command:${CommandIds.openLesson}?${args})`;
}

/**
 * Teaching hovers on Dockerfile instructions. Fast, and they never list the engine: the parse is
 * cached per document version; image facts come from the live model, or from one look-up of exactly
 * the image named (short timeout, cached briefly); image history is cached per image id.
 */
export class DockerfileHoverProvider implements vscode.HoverProvider {
    constructor(
        private readonly analyses: DockerfileAnalyses,
        private readonly facts: ImageFacts,
        private readonly images: ImagesTreeProvider,
        private readonly built: BuiltImages,
    ) {}

    async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
        const a = this.analyses.get(doc);
        const mod = this.analyses.module();
        const step = mod.stepAtKeyword(a, pos);
        const stage = a.stages.find((s) => s.imageRange && pos.line === s.imageRange.start.line && pos.character >= s.imageRange.start.character && pos.character <= s.imageRange.end.character);
        if (!step && !stage) {
            return undefined;
        }
        const md = lessonLinkMarkdown();
        const locale = localeOf(vscode.env.language);
        if (step) {
            const info = mod.keywordInfo(step.keyword);
            // the keyword is the file's own text: never markdown
            md.appendMarkdown('**').appendText(step.keyword).appendMarkdown('** — ');
            if (step.keyword === 'FROM') {
                md.appendMarkdown(vscode.l10n.t('starts a build stage'));
            } else if (!info) {
                md.appendMarkdown(vscode.l10n.t('not an instruction Docker knows'));
            } else {
                md.appendMarkdown(info.kind === 'layer' ? `$(layers) ${vscode.l10n.t('changes files: adds a filesystem layer')}` : `$(tag) ${vscode.l10n.t('changes only the image config (no files)')}`);
            }
            md.appendMarkdown('\n\n');
            if (info) {
                md.appendMarkdown(`${info.what[locale]}\n\n`);
                md.appendMarkdown(`${info.when[locale]}\n\n`);
                md.appendMarkdown(`$(lightbulb) ${info.tip[locale]}\n\n`);
            }
            if (step.kind === 'layer') {
                await this.appendLayerSize(md, doc, a, step);
            }
        }
        const st = stage ?? (step?.keyword === 'FROM' ? a.stages[step.stage] : undefined);
        if (st) {
            await this.appendFrom(md, a, st);
        }
        if (token.isCancellationRequested) {
            return undefined;
        }
        const lesson = (step && mod.keywordInfo(step.keyword)?.lesson) ?? 'image-vs-container';
        md.appendMarkdown(`\n\n${lessonLink(lesson)}`);
        const range = step ? new vscode.Range(step.keywordRange.start.line, step.keywordRange.start.character, step.keywordRange.end.line, step.keywordRange.end.character) : undefined;
        return new vscode.Hover(visibleMarkdown(md), range);
    }

    private async appendFrom(md: vscode.MarkdownString, a: Analysis, st: Stage): Promise<void> {
        md.appendMarkdown('---\n\n');
        if (st.scratch) {
            md.appendMarkdown(vscode.l10n.t('`scratch` is the empty image: no files at all. The next instructions add everything the image will hold.'));
            return;
        }
        if (st.fromStage !== undefined) {
            const other = a.stages[st.fromStage];
            md.appendText(vscode.l10n.t('Builds on the earlier stage "{0}" (line {1}), not on an image from a registry.', other.name ?? String(st.fromStage), other.line + 1));
            return;
        }
        if (st.resolved === undefined) {
            md.appendText(vscode.l10n.t('The image name uses a build argument without a default ({0}): it is known only at build time.', st.written));
            return;
        }
        if (st.resolved !== st.written) {
            md.appendText(vscode.l10n.t('With the ARG defaults this is {0}.', st.resolved));
            md.appendMarkdown('\n\n');
        }
        const fact = await this.facts.lookup(st.resolved);
        if (fact.state === 'unknown') {
            md.appendText(vscode.l10n.t('Docker is not reachable, so we cannot tell whether {0} is on your engine.', st.resolved));
            return;
        }
        if (fact.state === 'present') {
            const img = fact.image;
            const created = formatAge(img.created, vscode.env.language);
            md.appendText(onEngineSentence(vscode.l10n, imageLabel(img), img.shortId, formatBytes(img.size), created, fact.instances));
        } else {
            md.appendText(vscode.l10n.t('{0} is not on your engine yet: the build will pull it from the registry first (docker pull {0}).', st.resolved));
        }
    }

    private async appendLayerSize(md: vscode.MarkdownString, doc: vscode.TextDocument, a: Analysis, step: Step): Promise<void> {
        const tag = this.built.tagFor(doc.uri);
        if (!tag) {
            return;
        }
        const fact = await this.facts.lookup(tag);
        if (fact.state !== 'present') {
            return;
        }
        try {
            const history = await this.images.layers(fact.image.id);
            const mapped = this.analyses.module().mapHistoryToSteps(a, history).find((m) => m.step.range.start.line === step.range.start.line);
            if (mapped) {
                md.appendMarkdown('---\n\n');
                md.appendText(
                    mapped.layer.size > 0
                        ? vscode.l10n.t('In {0} (built from this file), this line made a layer of {1}.', tag, formatBytes(mapped.layer.size))
                        : vscode.l10n.t('In {0} (built from this file), this line left 0 B: no file content (it may still have created a folder or deleted files).', tag),
                );
                md.appendMarkdown('\n\n');
            }
        } catch {
            // sizes are a bonus; the hover stays useful without them
        }
    }
}
