/**
 * The Dockerfile language service in a real editor, through VS Code's own provider commands (so the
 * selector, registration and conversion are the real ones): completion (instructions, flags, and
 * FROM images from the private engine), a validation diagnostic, a teaching diagnostic with its quick
 * fix and lesson link, formatting, outline, folding, stage and ARG go-to-definition — on the fixture
 * Dockerfiles in test/fixtures/dockerfiles/language — and a 1 MB Dockerfile answered off the host thread.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { dockerode, hasEngine, note, waitFor, workspaceUri } from './helpers';

const DIR = '.tmp-host-language';
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/dockerfiles/language');

async function open(name: string): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(DIR, name));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    return doc;
}

async function labels(uri: vscode.Uri, pos: vscode.Position): Promise<string[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos);
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Docker Lessons');

/** The longest stall of this thread (the extension host's) while `work` runs, sampled every 5 ms. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last - 5);
        last = now;
    }, 5);
    try {
        const value = await work();
        return { value, stallMs: worst };
    } finally {
        clearInterval(timer);
    }
}

suite('Dockerfile language service in the editor', () => {
    suiteSetup(function () {
        this.timeout(30_000);
        fs.mkdirSync(workspaceUri(DIR).fsPath, { recursive: true });
        for (const f of fs.readdirSync(FIXTURES)) {
            fs.copyFileSync(path.join(FIXTURES, f), workspaceUri(DIR, f).fsPath);
        }
    });

    suiteTeardown(async function () {
        this.timeout(30_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        fs.rmSync(workspaceUri(DIR).fsPath, { recursive: true, force: true });
    });

    test('completion: instructions and flags from the service; FROM images from the private engine', async function () {
        this.timeout(60_000);
        const doc = await open('bad.Dockerfile');
        const t = performance.now();
        const first = await labels(doc.uri, new vscode.Position(2, 4));
        note(`first Dockerfile completion (loads dist/dockerfile-language.js): ${(performance.now() - t).toFixed(0)} ms`);
        assert.ok(first.includes('WORKDIR /the/workdir/path'), `WORK → ${first.join(', ')}`);
        const again = performance.now();
        await labels(doc.uri, new vscode.Position(2, 4));
        note(`next Dockerfile completion: ${(performance.now() - again).toFixed(0)} ms`);
        if (!hasEngine()) {
            return;
        }
        const tags = (await dockerode().listImages()).flatMap((i) => i.RepoTags ?? []).filter((x) => x !== '<none>:<none>');
        assert.ok(tags.length > 0, 'the private engine has seeded images');
        const images = await labels(doc.uri, new vscode.Position(3, 5));
        assert.deepStrictEqual(images.filter((l) => tags.includes(l)).sort(), [...new Set(tags)].sort(), `FROM offers the engine's images: ${images.join(', ')}`);
    });

    test('a validation diagnostic from dockerfile-utils: an unknown instruction', async function () {
        this.timeout(30_000);
        const doc = await open('bad.Dockerfile');
        const d = await waitFor('a dockerfile-utils diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'dockerfile-utils' && x.range.start.line === 1));
        assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
        assert.match(d.message, /FORM/);
    });

    test('teaching diagnostics link to their lesson; ADD → COPY is a quick fix that applies', async function () {
        this.timeout(30_000);
        const doc = await open('Dockerfile');
        await waitFor('the teaching diagnostics', () => (ours(doc.uri).length >= 4 ? true : undefined));
        const rules = ours(doc.uri).map((d) => [d.range.start.line, typeof d.code === 'object' ? d.code.value : d.code]);
        assert.deepStrictEqual(rules, [
            [2, 'unpinned-image'],
            [5, 'add-for-copy'],
            [9, 'unpinned-image'],
            [11, 'shell-form'],
        ]);
        const add = ours(doc.uri).find((d) => d.range.start.line === 5)!;
        const target = typeof add.code === 'object' ? add.code.target : undefined;
        assert.strictEqual(target?.scheme, 'command');
        assert.strictEqual(target?.path, 'dockerLessons.openLesson');
        assert.deepStrictEqual(JSON.parse(decodeURIComponent(target!.query)), ['image-vs-container']);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, add.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((a) => a.edit && a.title === 'Use COPY instead of ADD');
        assert.ok(fix, `a quick fix for ADD: ${actions.map((a) => a.title).join(' | ')}`);
        assert.ok(actions.some((a) => a.command?.command === 'dockerLessons.openLesson'), 'and a way to the lesson');
        assert.ok(await vscode.workspace.applyEdit(fix.edit!));
        assert.strictEqual(doc.lineAt(5).text, 'COPY hello.txt /src/');
        await waitFor('the ADD finding to go', () => (ours(doc.uri).some((d) => d.code && typeof d.code === 'object' && d.code.value === 'add-for-copy') ? undefined : true));
        await vscode.commands.executeCommand('workbench.action.files.revert');
        assert.strictEqual(doc.lineAt(5).text, 'ADD hello.txt /src/');
    });

    test('formatting removes the stray indentation', async function () {
        const doc = await open('Dockerfile');
        const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true });
        assert.deepStrictEqual(
            edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
            [[7, 0, 3, '']],
        );
    });

    test('outline and folding', async function () {
        const doc = await open('Dockerfile');
        const symbols = await vscode.commands.executeCommand<(vscode.SymbolInformation | vscode.DocumentSymbol)[]>('vscode.executeDocumentSymbolProvider', doc.uri);
        assert.deepStrictEqual(
            symbols.map((s) => s.name),
            ['syntax', 'FROM', 'ARG', 'WORKDIR', 'ADD', 'RUN', 'ENV', 'FROM', 'COPY', 'CMD'],
        );
        const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
        assert.ok(Array.isArray(folds));
    });

    test('go to definition: a build stage and an ARG', async function () {
        const doc = await open('Dockerfile');
        const def = async (line: number, character: number) => {
            const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(line, character));
            return locs.map((l) => ('targetRange' in l ? l.targetRange : l.range).start).map((p) => [p.line, p.character]);
        };
        assert.deepStrictEqual(await def(10, 15), [[2, 23]], 'COPY --from=build → FROM … AS build');
        assert.deepStrictEqual(await def(6, 13), [[3, 4]], '$GREETING → ARG GREETING');
    });

    test('Containerfiles are Dockerfiles (teaching diagnostics too); .dockerignore is the ignore language', async function () {
        this.timeout(30_000);
        fs.copyFileSync(workspaceUri(DIR, 'Dockerfile').fsPath, workspaceUri(DIR, 'app.containerfile').fsPath);
        fs.writeFileSync(workspaceUri(DIR, '.dockerignore').fsPath, 'node_modules\n');
        const doc = await open('app.containerfile');
        assert.strictEqual(doc.languageId, 'dockerfile');
        await waitFor('teaching diagnostics on a Containerfile', () => (ours(doc.uri).length >= 4 ? true : undefined));
        const ignore = await vscode.workspace.openTextDocument(workspaceUri(DIR, '.dockerignore'));
        assert.strictEqual(ignore.languageId, 'ignore');
    });

    test('a 1 MB Dockerfile: diagnostics and completion come from the worker; the host thread is never blocked by a parse', async function () {
        this.timeout(120_000);
        const lines = ['FROM busybox:1.36'];
        for (let i = 0, size = 0; size < 1024 * 1024; i++) {
            const l = i % 3 ? `RUN echo step ${i} && echo more ${i}` : `ADD file${i}.txt /srv/`;
            lines.push(l);
            size += l.length + 1;
        }
        fs.writeFileSync(workspaceUri(DIR, 'big.Dockerfile').fsPath, `${lines.join('\n')}\nCMD echo done\n`);
        const doc = await open('big.Dockerfile');
        const idle = await longestStall(() => new Promise((r) => setTimeout(r, 1000)));
        const diag = await longestStall(() => waitFor('teaching diagnostics on the big file', () => (ours(doc.uri).length >= 100 ? true : undefined), 90_000));
        const completion = await longestStall(async () => {
            const items = await labels(doc.uri, new vscode.Position(doc.lineCount - 1, 0));
            assert.ok(items.includes('WORKDIR /the/workdir/path'), 'completion on the last line');
        });
        const outline = await longestStall(async () => vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', doc.uri));
        note(
            `1 MB Dockerfile, longest extension-host stall: idle ${idle.stallMs.toFixed(0)} ms, diagnostics ${diag.stallMs.toFixed(0)} ms (${ours(doc.uri).length} teaching), completion ${completion.stallMs.toFixed(0)} ms, outline ${outline.stallMs.toFixed(0)} ms (${outline.value.length} entries)`,
        );
        assert.strictEqual(ours(doc.uri).length, 200, 'teaching findings are capped');
        assert.strictEqual(outline.value.length, 2000, 'the outline is capped');
        // Parsing 1 MB on the host thread stalls it for seconds (2.7 s here before the outline was
        // capped); this bound catches that while allowing for a shared, loaded machine (a completion
        // phase has shown 400 ms stalls at load 15–26 on 2 cores, beside 60–130 ms idle). The
        // extension's own synchronous pieces (≤ 50 ms) are timed in bench/dockerfile-language.mjs.
        const bound = Math.max(1000, 2 * idle.stallMs + 50);
        for (const [what, m] of Object.entries({ diag, completion, outline })) {
            assert.ok(m.stallMs < bound, `${what}: the extension host stalled ${m.stallMs.toFixed(0)} ms (idle ${idle.stallMs.toFixed(0)} ms)`);
        }
    });
});
