/**
 * Diagnostics for open Dockerfiles: the language service's validation (dockerfile-utils) and our
 * teaching findings, each with one sentence and a link to the lesson that shows it live; quick fixes
 * where the fix is mechanical. Computed after typing pauses, never on the activation path.
 */
import vscode = require('vscode');
import { CommandIds } from '../commands/registry';
import { LESSONS, localeOf } from '../lessons/catalog';
import type { TeachingFinding, TeachingRule } from './analysis/languageEntry';
import { DockerfileLanguage } from './languageClient';
import { toRange } from './lspConvert';
import { ImageFacts } from './imageFacts';

export const TEACHING_SOURCE = 'Docker Lessons';
const PAUSE_MS = 250;

/** `command:dockerLessons.openLesson?["id"]`: the only command a diagnostic links to. */
export function lessonUri(lessonId: string): vscode.Uri {
    return vscode.Uri.parse(`command:${CommandIds.openLesson}?${encodeURIComponent(JSON.stringify([lessonId]))}`);
}

export class DockerfileDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
    static readonly KINDS = [vscode.CodeActionKind.QuickFix];
    private readonly collection = vscode.languages.createDiagnosticCollection('dockerfile');
    private readonly timers = new Map<string, NodeJS.Timeout>();
    /** The teaching findings behind each document's diagnostics, for the quick fixes. */
    private readonly findings = new Map<string, { version: number; list: readonly TeachingFinding[] }>();
    private readonly listeners: vscode.Disposable[];
    private readonly done = new vscode.EventEmitter<vscode.Uri>();
    /** Fires when a document's diagnostics were set (tests, benchmarks). */
    readonly onDidUpdate = this.done.event;

    constructor(
        private readonly language: DockerfileLanguage,
        private readonly isDockerfile: (doc: vscode.TextDocument) => boolean,
        private readonly facts: ImageFacts,
    ) {
        this.listeners = [
            vscode.workspace.onDidOpenTextDocument((d) => this.later(d)),
            vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)),
            vscode.workspace.onDidCloseTextDocument((d) => {
                const key = d.uri.toString();
                clearTimeout(this.timers.get(key));
                this.timers.delete(key);
                this.findings.delete(key);
                this.collection.delete(d.uri);
            }),
        ];
        // the files open at start-up, once activation is over
        const first = setTimeout(() => vscode.workspace.textDocuments.forEach((d) => this.later(d)), PAUSE_MS);
        this.listeners.push({ dispose: () => clearTimeout(first) });
    }

    private later(doc: vscode.TextDocument): void {
        if (!this.isDockerfile(doc) || doc.uri.scheme === 'git' || doc.uri.scheme === 'output') {
            return;
        }
        const key = doc.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(
            key,
            setTimeout(() => {
                this.timers.delete(key);
                void this.update(doc);
            }, PAUSE_MS),
        );
    }

    /** Computes and sets the diagnostics of this version (also called by tests). */
    async update(doc: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
        const version = doc.version;
        let result;
        try {
            result = await this.language.request(doc, { op: 'diagnostics' });
        } catch {
            return []; // it changed while it was read, or the service failed: the next change asks again
        }
        if (doc.isClosed || doc.version !== version) {
            return [];
        }
        const locale = localeOf(vscode.env.language);
        const { RULES, validationMessage } = this.language.module();
        const problems = result.problems.map((p) => {
            // dockerfile-utils writes English only: its messages are translated here, where the locale is known
            const d = new vscode.Diagnostic(toRange(p.range), validationMessage(p.message, locale), p.severity === 1 ? vscode.DiagnosticSeverity.Error : p.severity === 2 ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
            d.source = 'dockerfile-utils';
            if (p.tags?.includes(2)) {
                d.tags = [vscode.DiagnosticTag.Deprecated];
            }
            return d;
        });
        const teaching = result.teaching.map((f) => {
            const rule = RULES[f.rule];
            const d = new vscode.Diagnostic(toRange(f.range), rule.message[locale], rule.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
            d.source = TEACHING_SOURCE;
            // the code links to the lesson (our own command, the only one allowed)
            d.code = { value: f.rule, target: lessonUri(rule.lesson) };
            return d;
        });
        this.findings.set(doc.uri.toString(), { version, list: result.teaching });
        const all = [...problems, ...teaching];
        this.collection.set(doc.uri, all);
        this.done.fire(doc.uri);
        return all;
    }

    async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
        const found = this.findings.get(doc.uri.toString());
        if (!found || found.version !== doc.version) {
            return [];
        }
        const locale = localeOf(vscode.env.language);
        const { RULES } = this.language.module();
        const actions: vscode.CodeAction[] = [];
        for (const d of context.diagnostics) {
            const rule = d.source === TEACHING_SOURCE && typeof d.code === 'object' ? (String(d.code.value) as TeachingRule) : undefined;
            const f = rule && found.list.find((x) => x.rule === rule && toRange(x.range).isEqual(d.range));
            if (!f) {
                continue;
            }
            if (f.fix) {
                const fix = new vscode.CodeAction(f.fix.title[locale], vscode.CodeActionKind.QuickFix);
                fix.edit = new vscode.WorkspaceEdit();
                f.fix.edits.forEach((e) => fix.edit!.replace(doc.uri, toRange(e.range), e.newText));
                fix.diagnostics = [d];
                fix.isPreferred = true;
                actions.push(fix);
            }
            if (f.rule === 'unpinned-image') {
                const pin = await this.pinToDigest(doc, d);
                if (pin) {
                    actions.push(pin);
                }
            }
            const lessonId = RULES[f.rule].lesson;
            const title = LESSONS.find((l) => l.id === lessonId)?.title[locale] ?? lessonId;
            const open = new vscode.CodeAction(vscode.l10n.t('Lesson: {0}', title), vscode.CodeActionKind.QuickFix);
            open.command = { command: CommandIds.openLesson, title: open.title, arguments: [lessonId] };
            open.diagnostics = [d];
            actions.push(open);
        }
        return actions;
    }

    /** `FROM node` → `FROM node@sha256:…`: the digest of the image the engine has now. */
    private async pinToDigest(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
        const written = doc.getText(d.range);
        if (written.includes('$')) {
            return undefined;
        }
        const fact = await this.facts.lookup(written);
        const repo = written.replace(/:[^/:]*$/, '');
        const digest = fact.state === 'present' ? fact.image.repoDigests.find((r) => r.replace(/^docker\.io\/(library\/)?/, '').split('@')[0] === repo.replace(/^docker\.io\/(library\/)?/, '')) : undefined;
        if (!digest) {
            return undefined;
        }
        const sha = digest.slice(digest.indexOf('@') + 1);
        const action = new vscode.CodeAction(vscode.l10n.t('Pin to the digest of the image on your engine ({0})', sha.slice(0, 19)), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, d.range, `${repo}@${sha}`);
        action.diagnostics = [d];
        return action;
    }

    dispose(): void {
        this.timers.forEach((t) => clearTimeout(t));
        this.listeners.forEach((l) => l.dispose());
        this.collection.dispose();
        this.done.dispose();
    }
}
