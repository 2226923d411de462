/**
 * The Explain panel's browser side (webview/dockerfile.ts + webview/lib/stepsTable.ts), run as the
 * built bundle (media/dist/dockerfile.js) in jsdom: the virtual list, the current row, keyboard
 * navigation and screen-reader semantics, and the note about what was left out.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { DockerfileRow, DockerfileView } from '../../src/protocol/panelProtocol';
import { REPO_ROOT } from './helpers';

const BUNDLE = path.join(REPO_ROOT, 'media', 'dist', 'dockerfile.js');

const STRINGS: DockerfileView['strings'] = {
    title: 'Explain this Dockerfile',
    line: 'Line',
    instruction: 'Instruction',
    kind: 'Adds',
    size: 'Layer size',
    build: 'Build Image',
    run: 'Run with Limits',
    buildLog: 'Build output',
    total: 'image size',
    noImage: 'Not built yet',
    cpus: 'CPUs',
    memory: 'Memory',
    pids: 'Processes',
    runHint: 'hint',
    stage: 'stage',
    kinds: { layer: 'filesystem layer', metadata: 'metadata only', stage: 'new build stage' },
};

/** `n` instructions, two lines each (a continuation), one blank line between: row i is on lines 3i, 3i+1. */
function rows(n: number): DockerfileRow[] {
    return Array.from({ length: n }, (_, i) => ({
        line: 3 * i,
        endLine: 3 * i + 1,
        keyword: i === 0 ? 'FROM' : i % 2 ? 'RUN' : 'ENV',
        args: i === 7 ? '<img src=x onerror=alert(1)>' : `echo ${i}`,
        kind: i === 0 ? 'stage' : i % 2 ? 'layer' : 'metadata',
        stage: 0,
    }));
}

function view(n: number, extra: Partial<DockerfileView> = {}): DockerfileView {
    return { file: 'Dockerfile', rows: rows(n), build: { state: 'idle', log: '' }, canBuild: true, strings: STRINGS, ...extra };
}

function open() {
    const errors: string[] = [];
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (e: Error) => errors.push(e.message));
    const dom = new JSDOM('<!DOCTYPE html><html><body><main id="root" aria-busy="true"></main></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole });
    const win = dom.window;
    const posted: unknown[] = [];
    win.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => undefined });
    win.eval(fs.readFileSync(BUNDLE, 'utf8'));
    const send = (msg: unknown) => win.dispatchEvent(new win.MessageEvent('message', { data: win.JSON.parse(JSON.stringify(msg)) }));
    const $$ = (sel: string) => Array.from(win.document.querySelectorAll<HTMLElement>(sel));
    const key = (target: Element, k: string) => target.dispatchEvent(new win.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    return { win, doc: win.document, posted, send, $$, key, errors };
}

const index = (tr: Element | null | undefined) => Number(tr?.getAttribute('aria-rowindex')) - 2;

describe('Explain panel webview: a virtual list', function () {
    this.timeout(20_000);

    before(() => assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run node scripts/build.mjs first`));

    it('10,000 instructions: a screenful of rows in the page, the grid tells the real count', () => {
        const p = open();
        p.send({ type: 'view', view: view(10_000) });
        const table = p.doc.querySelector('table.steps')!;
        assert.equal(table.getAttribute('role'), 'grid');
        assert.equal(table.getAttribute('aria-rowcount'), '10001', 'the header row and every instruction');
        const trs = p.$$('tr.row');
        assert.ok(trs.length > 10 && trs.length < 80, `${trs.length} rows in the page`);
        assert.deepEqual(
            trs.slice(0, 3).map((tr) => tr.getAttribute('aria-rowindex')),
            ['2', '3', '4'],
        );
        assert.ok(trs.every((tr) => tr.getAttribute('role') === 'row' && tr.querySelectorAll('[role=gridcell]').length === 4));
        // the spacer below stands in for the rows not in the page
        const spacers = p.$$('tr.spacer');
        assert.equal(spacers.length, 2);
        assert.ok(spacers.every((s) => s.getAttribute('aria-hidden') === 'true'));
        assert.ok(parseFloat((spacers[1].firstChild as HTMLElement).style.height) > 9_000 * 20);
        // file text is text, never markup
        const hostile = trs.find((tr) => index(tr) === 7)!;
        assert.equal(hostile.querySelector('.args')?.textContent, '<img src=x onerror=alert(1)>');
        assert.equal(p.doc.querySelectorAll('img').length, 0);
        assert.deepEqual(p.errors, []);
    });

    it('the cursor on a far line: exactly that row is current, brought into the page', () => {
        const p = open();
        p.send({ type: 'view', view: view(10_000) });
        p.send({ type: 'highlight', line: 3 * 8_000 + 1 }); // the continuation line of instruction 8,000
        let current = p.$$('tr.row.current');
        assert.equal(current.length, 1);
        assert.equal(index(current[0]), 8_000);
        assert.equal(current[0].getAttribute('aria-current'), 'true');
        assert.ok(p.$$('tr.row').length < 80, 'still a screenful');
        // a blank line between instructions marks nothing
        p.send({ type: 'highlight', line: 3 * 8_000 + 2 });
        assert.equal(p.$$('tr.row.current').length, 0);
        p.send({ type: 'highlight', line: 0 });
        current = p.$$('tr.row.current');
        assert.equal(index(current[0]), 0);
        assert.equal(current[0].querySelector('.kw')?.textContent, 'FROM');
    });

    it('the keyboard moves one focusable row through the whole list; Enter shows its line', () => {
        const p = open();
        p.send({ type: 'view', view: view(5_000) });
        const first = p.$$('tr.row')[0];
        assert.equal(first.tabIndex, 0);
        assert.ok(p.$$('tr.row').slice(1).every((tr) => tr.tabIndex === -1), 'one tab stop');
        first.focus();
        p.key(first, 'ArrowDown');
        assert.equal(index(p.doc.activeElement), 1);
        p.key(p.doc.activeElement!, 'End');
        assert.equal(index(p.doc.activeElement), 4_999, 'the last row is rendered and focused');
        assert.equal((p.doc.activeElement as HTMLElement).tabIndex, 0);
        p.key(p.doc.activeElement!, 'PageUp');
        assert.ok(index(p.doc.activeElement) < 4_999);
        p.key(p.doc.activeElement!, 'Home');
        p.key(p.doc.activeElement!, 'ArrowDown');
        p.key(p.doc.activeElement!, 'Enter');
        assert.deepEqual(p.posted.at(-1), { type: 'reveal', line: 3 });
        (p.$$('tr.row')[2].querySelector('.num') as HTMLElement).click();
        assert.deepEqual(p.posted.at(-1), { type: 'reveal', line: 6 });
    });

    it('a view without rows keeps the rows it has, and focus stays on its row', () => {
        const p = open();
        p.send({ type: 'view', view: view(300) });
        const row = p.$$('tr.row')[0];
        row.focus();
        p.key(row, 'ArrowDown');
        const { rows: _rows, ...rest } = view(300, { build: { state: 'running', log: 'Step 1/2' } });
        p.send({ type: 'view', view: rest });
        assert.equal(p.doc.querySelector('table.steps')?.getAttribute('aria-rowcount'), '301');
        assert.equal(index(p.doc.activeElement), 1, 'focus stayed on the row');
        assert.match(p.doc.querySelector('.build pre')?.textContent ?? '', /Step 1\/2/);
        assert.equal(_rows?.length, 300);
    });

    it('what was left out is said, as a status', () => {
        const p = open();
        p.send({ type: 'view', view: view(20, { omitted: 'Only the first 2,097,152 characters are analysed: from line 61 on, nothing is listed.' }) });
        const note = p.doc.querySelector('.omitted');
        assert.equal(note?.getAttribute('role'), 'status');
        assert.match(note?.textContent ?? '', /from line 61 on/);
        p.send({ type: 'view', view: view(20) });
        assert.equal(p.doc.querySelector('.omitted'), null);
    });
});
