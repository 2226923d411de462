/**
 * A Dockerfile over the analysis limit in a real editor: it is parsed on the worker thread, the
 * explain panel lists what was analysed and says what was left out and why, teaching hovers work
 * in the analysed part, and a hover past it says why there is no explanation.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { fullApi, FullApi, hasEngine, hoverText, isOurHover, note, skipOrFail, waitFor, workspaceUri } from './helpers';

const DIR = '.tmp-host-big';
/** Over the 2 MiB limit. */
const BYTES = 2.3 * 1024 * 1024;

function bigDockerfile(): string {
    const lines = ['FROM busybox'];
    let size = 13;
    for (let i = 0; size < BYTES; i++) {
        const l = i % 2 ? `RUN echo step ${i} && echo more ${i}` : `ENV V${i}=value${i}`;
        lines.push(l);
        size += l.length + 1;
    }
    return `${lines.join('\n')}\n`;
}

suite('A Dockerfile over the analysis limit', () => {
    let api: FullApi;
    let uri: vscode.Uri;
    let doc: vscode.TextDocument;

    suiteSetup(async function () {
        if (!hasEngine()) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine for the Dockerfile companion.');
            return;
        }
        this.timeout(30_000);
        api = await fullApi();
        uri = workspaceUri(DIR, 'Dockerfile');
        fs.mkdirSync(workspaceUri(DIR).fsPath, { recursive: true });
        fs.writeFileSync(uri.fsPath, bigDockerfile());
        doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    });

    suiteTeardown(async function () {
        this.timeout(30_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        fs.rmSync(workspaceUri(DIR).fsPath, { recursive: true, force: true });
    });

    test('the panel lists the analysed part and says what was left out, and why', async function () {
        this.timeout(90_000);
        const t = performance.now();
        await vscode.commands.executeCommand('dockerLessons.dockerfile.explain', uri);
        const view = await waitFor('the explain panel to have a view', () => api.dockerfileView(uri), 60_000);
        note(`explain, ${(doc.getText().length / 1024 / 1024).toFixed(1)} MiB Dockerfile: ${view.rows.length} rows after ${(performance.now() - t).toFixed(0)} ms (parsed on the worker thread)`);
        assert.ok(view.rows.length > 10_000, `${view.rows.length} rows: the first 2 MiB are listed`);
        assert.strictEqual(view.rows[0].keyword, 'FROM');
        const lastListed = view.rows[view.rows.length - 1].line;
        assert.ok(lastListed < doc.lineCount - 100, 'the lines past the limit are not listed');
        assert.ok(view.omitted, 'the panel says something was left out');
        assert.match(view.omitted, new RegExp(`line ${lastListed + 2}\\b`), view.omitted);
    });

    test('teaching hovers in the analysed part; past it, a hover says why there is none', async function () {
        this.timeout(60_000);
        const run = new vscode.Position(2, 1);
        const first = await waitFor(
            'a teaching hover on line 3 (the worker result)',
            async () => ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, run)) ?? []).filter(isOurHover).map(hoverText)[0],
            30_000,
        );
        assert.match(first, /RUN/);
        const last = new vscode.Position(doc.lineCount - 2, 1);
        const texts = ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, last)) ?? []).map(hoverText);
        assert.ok(
            texts.some((x) => /No explanation here: this Dockerfile has [\d,.]+ characters/.test(x)),
            `past the limit: ${JSON.stringify(texts)}`,
        );
        assert.ok(!texts.some((x) => x.includes('command:dockerLessons.openLesson')), 'no teaching hover past the limit');
    });
});
