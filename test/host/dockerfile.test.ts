/**
 * The Dockerfile companion in a real editor: teaching hovers (through VS Code's hover command, so the
 * selector, registration and markdown are the real ones), the explain panel beside the editor, and a
 * build through the Engine API that fills in layer sizes — or, when a step fails, leaves a diagnostic
 * on the failing line.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import type Dockerode from 'dockerode';
import * as vscode from 'vscode';
import { dockerode, fullApi, FullApi, hasEngine, hoverText, isOurHover, note, percentile, settleCommand, skipOrFail, waitFor, within, workspaceUri } from './helpers';

const TAG = 'dl-host-test:dev';
const FAIL_TAG = 'dl-host-fail:dev';
const FAIL_DIR = '.tmp-host-fail';

/** RUN, COPY, ADD and WORKDIR (which creates its folder) change files; the rest only the image config. */
const KIND: Record<string, 'layer' | 'metadata' | 'stage'> = { FROM: 'stage', RUN: 'layer', COPY: 'layer', ADD: 'layer', WORKDIR: 'layer' };

/** The instructions of a simple Dockerfile (one line each, no continuations): line and keyword. */
function instructions(text: string): { line: number; keyword: string }[] {
    return text
        .split(/\r?\n/)
        .map((l, line) => ({ line, t: l.trim() }))
        .filter((x) => x.t && !x.t.startsWith('#'))
        .map((x) => ({ line: x.line, keyword: x.t.split(/\s+/)[0].toUpperCase() }));
}

async function hovers(uri: vscode.Uri, pos: vscode.Position): Promise<vscode.Hover[]> {
    return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
}

async function ourHover(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
    const all = await hovers(uri, pos);
    const ours = all.filter(isOurHover);
    assert.strictEqual(ours.length, 1, `expected one Docker Lessons hover at ${pos.line}:${pos.character}, got ${ours.length} of ${all.length}: ${all.map(hoverText).join(' | ')}`);
    return hoverText(ours[0]);
}

suite('Dockerfile companion in the editor', () => {
    let api: FullApi;
    let docker: Dockerode;
    let uri: vscode.Uri;
    let doc: vscode.TextDocument;
    /** Position of a keyword's second character, by keyword. */
    const at = (keyword: string, offset = 1) => {
        const line = instructions(doc.getText()).find((i) => i.keyword === keyword)?.line;
        assert.ok(line !== undefined, `the sample Dockerfile has no ${keyword}`);
        return new vscode.Position(line, offset);
    };

    suiteSetup(async function () {
        if (!hasEngine()) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine for the Dockerfile companion.');
            return;
        }
        this.timeout(30_000);
        api = await fullApi();
        docker = dockerode();
        uri = workspaceUri('Dockerfile');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
        // the hover reads the explorer's image list: make sure it has been read
        await vscode.commands.executeCommand('workbench.view.extension.dockerLessons');
        await vscode.commands.executeCommand('dockerLessons.refresh');
        await api.whenIdle();
        await waitFor('busybox in the image list', () => api.snapshot().images.some((i) => i.label === 'busybox:latest'), 15_000);
    });

    suiteTeardown(async function () {
        if (!docker) {
            return;
        }
        this.timeout(30_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const tag of [TAG, FAIL_TAG]) {
            await docker.getImage(tag).remove().catch(() => undefined);
        }
        fs.rmSync(workspaceUri(FAIL_DIR).fsPath, { recursive: true, force: true });
    });

    test('hovers teach FROM, RUN and EXPOSE; FROM knows busybox is on the engine', async function () {
        this.timeout(30_000);
        const busybox = await docker.getImage('busybox:latest').inspect();
        const shortId = busybox.Id.replace(/^sha256:/, '').slice(0, 12);

        // the first hover loads the Dockerfile parser bundle (dist/dockerfile.js)
        const t = performance.now();
        const from = await ourHover(uri, at('FROM'));
        note(`first hover (parser bundle loaded lazily): ${(performance.now() - t).toFixed(1)} ms`);
        assert.ok(from.includes('**FROM**') && from.includes('starts a build stage'), from);
        assert.ok(from.includes('busybox:latest is on your engine'), `FROM should say busybox is local: ${from}`);
        assert.ok(from.includes(shortId), `FROM should show busybox's short id ${shortId}: ${from}`);

        const run = await ourHover(uri, at('RUN'));
        assert.ok(run.includes('**RUN**') && run.includes('adds a filesystem layer'), run);
        assert.ok(!run.includes('made a layer of'), `nothing is built yet, so no layer size: ${run}`);

        const expose = await ourHover(uri, at('EXPOSE', 3));
        assert.ok(expose.includes('**EXPOSE**') && expose.includes('does not publish'), expose);
        assert.ok(expose.includes('changes only the image config'), expose);
        const workdir = await ourHover(uri, at('WORKDIR'));
        assert.ok(workdir.includes('changes files: adds a filesystem layer') && workdir.includes('creates the folder'), workdir);
    });

    test('no hover of ours on an argument of RUN', async () => {
        const runPos = at('RUN');
        const lineText = doc.lineAt(runPos.line).text;
        const arg = lineText.indexOf('mkdir');
        assert.ok(arg > 0, lineText);
        const all = await hovers(uri, new vscode.Position(runPos.line, arg + 2));
        assert.deepStrictEqual(all.filter(isOurHover).map(hoverText), [], 'an argument is not a keyword');
        // nor on a comment line
        const comment = await hovers(uri, new vscode.Position(0, 3));
        assert.deepStrictEqual(comment.filter(isOurHover).map(hoverText), []);
    });

    test('hover latency over 50 calls', async function () {
        this.timeout(60_000);
        const pos = at('RUN');
        const times: number[] = [];
        for (let i = 0; i < 50; i++) {
            const t = performance.now();
            const all = await hovers(uri, pos);
            times.push(performance.now() - t);
            assert.ok(all.some(isOurHover), `call ${i} returned no hover of ours`);
        }
        times.sort((a, b) => a - b);
        const p50 = percentile(times, 50);
        const p95 = percentile(times, 95);
        note(`hover latency (vscode.executeHoverProvider, RUN, 50 calls): p50=${p50.toFixed(1)} ms p95=${p95.toFixed(1)} ms max=${times[times.length - 1].toFixed(1)} ms`);
        assert.ok(p95 < 1000, `p95 ${p95.toFixed(1)} ms: a hover must feel instant`);
    });

    test('explain opens beside the editor and lists every instruction with its kind', async function () {
        this.timeout(30_000);
        const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
        await vscode.commands.executeCommand('dockerLessons.dockerfile.explain', uri);
        const column = await waitFor('the explain panel to have a column', () => api.dockerfilePanelColumn(uri), 10_000);
        assert.notStrictEqual(column, editor.viewColumn, `panel in column ${column}, editor in ${editor.viewColumn}: it should open beside`);
        const editorNow = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
        assert.strictEqual(editorNow?.viewColumn, vscode.ViewColumn.One, 'the Dockerfile stays visible in its column');

        const view = await api.dockerfileView(uri);
        assert.ok(view, 'dockerfileView is undefined although the panel is open');
        const expected = instructions(doc.getText()).map((i) => ({ line: i.line, keyword: i.keyword, kind: KIND[i.keyword] ?? 'metadata' }));
        assert.deepStrictEqual(
            view.rows.map((r) => ({ line: r.line, keyword: r.keyword, kind: r.kind })),
            expected,
        );
        assert.deepStrictEqual([...new Set(view.rows.map((r) => r.kind))].sort(), ['layer', 'metadata', 'stage']);
        assert.strictEqual(view.image, undefined, 'not built yet');
        assert.ok(view.rows.every((r) => r.size === undefined), 'no sizes before a build');
    });

    test('build: the image appears with layer sizes in the panel and the hover', async function () {
        this.timeout(180_000);
        await docker.getImage(TAG).remove().catch(() => undefined);
        const t = Date.now();
        const ok = await within('the build command', vscode.commands.executeCommand<boolean>('dockerLessons.dockerfile.build', uri, TAG), 150_000);
        note(`build of ${TAG} through the command: ${Date.now() - t} ms`);
        assert.strictEqual(ok, true, 'the build command should resolve true');
        const image = await docker.getImage(TAG).inspect();
        assert.ok(image.Id, `${TAG} exists on the engine`);

        const view = await waitFor(
            `the explain view to show ${TAG} with layer sizes`,
            async () => {
                const v = await api.dockerfileView(uri);
                return v?.image?.tag === TAG && v.rows.some((r) => r.size !== undefined) ? v : undefined;
            },
            15_000,
        );
        assert.strictEqual(view.image?.id, image.Id.replace(/^sha256:/, '').slice(0, 12));
        for (const kw of ['RUN', 'COPY']) {
            const row = view.rows.find((r) => r.keyword === kw);
            assert.ok(row?.size, `${kw} row should have a size: ${JSON.stringify(row)}`);
            assert.match(row.size, /^\d+(\.\d+)?\s?(B|kB|KB|KiB|MB|MiB)$/, `${kw} size ${row.size}`);
        }
        assert.strictEqual(view.build.state, 'done', `build state ${view.build.state}: ${view.build.message}`);
        // the build output says which builder ran: BuildKit on this engine, with its plain progress
        assert.match(view.build.log, /^# Builder: BuildKit/m, view.build.log);
        assert.match(view.build.log, /^#\d+ \[\d+\/\d+\] RUN mkdir/m, view.build.log);
        // WORKDIR /app changed files (0 B: the folder existed) and shows a size; EXPOSE has no layer
        assert.strictEqual(view.rows.find((r) => r.keyword === 'WORKDIR')?.size, '0 B');
        assert.strictEqual(view.rows.find((r) => r.keyword === 'EXPOSE')?.size, undefined);

        const run = await ourHover(uri, at('RUN'));
        assert.ok(run.includes(`In ${TAG} (built from this file), this line made a layer of`), `RUN hover after the build: ${run}`);
        const runSize = view.rows.find((r) => r.keyword === 'RUN')?.size;
        assert.ok(runSize && run.includes(runSize), `the hover should give the same size as the panel (${runSize}): ${run}`);
    });

    test('a failing build resolves false and leaves one error on the failing line', async function () {
        this.timeout(180_000);
        const dir = workspaceUri(FAIL_DIR);
        fs.mkdirSync(dir.fsPath, { recursive: true });
        fs.writeFileSync(vscode.Uri.joinPath(dir, 'Dockerfile').fsPath, 'FROM busybox\nRUN exit 3\n');
        const failUri = vscode.Uri.joinPath(dir, 'Dockerfile');
        const pending = vscode.commands.executeCommand<boolean>('dockerLessons.dockerfile.build', failUri, FAIL_TAG);
        const diags = await waitFor(
            'a diagnostic from the failed build',
            () => {
                // the build's own diagnostics (the language service adds its teaching ones beside them)
                const d = vscode.languages.getDiagnostics(failUri).filter((x) => x.source === 'Docker Lessons (docker build)');
                return d.length ? d : undefined;
            },
            150_000,
            100,
        );
        // the error notification (with a "Go to Line" button) is not modal: the command should not wait for it
        const { value: result } = await settleCommand('dockerLessons.dockerfile.build (failed build)', pending);
        assert.strictEqual(result, false, 'a failed build resolves false');

        assert.strictEqual(diags.length, 1, JSON.stringify(diags));
        const [d] = diags;
        assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
        assert.strictEqual(d.range.start.line, 1, `the error belongs on the RUN line (0-based 1), got ${d.range.start.line}: ${d.message}`);
        assert.match(d.message, /3/, `the message should carry the exit code: ${d.message}`);
        assert.strictEqual(await docker.getImage(FAIL_TAG).inspect().then(() => true, () => false), false, 'no image is tagged by a failed build');

        // fixed and built again: the old error goes away
        fs.writeFileSync(failUri.fsPath, 'FROM busybox\nRUN true\n');
        const fixed = await within('the build of the fixed file', vscode.commands.executeCommand<boolean>('dockerLessons.dockerfile.build', failUri, FAIL_TAG), 150_000);
        assert.strictEqual(fixed, true, 'the fixed Dockerfile builds');
        assert.deepStrictEqual(vscode.languages.getDiagnostics(failUri).filter((x) => x.source === 'Docker Lessons (docker build)'), [], 'a good build clears the old diagnostic');
        await docker.getImage(FAIL_TAG).remove();
        fs.rmSync(dir.fsPath, { recursive: true, force: true });
    });
});
