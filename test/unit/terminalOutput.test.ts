/**
 * Program output as a terminal shows it: the screen model (src/common/terminalScreen.ts) on ANSI
 * fixtures, and the lesson panel's bundle (media/dist/lesson.js in jsdom) rendering them as text
 * nodes and `ansi-*` classes, never as markup.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import { from256, TerminalScreen } from '../../src/common/terminalScreen';
import type { ToWebview } from '../../src/protocol/panelProtocol';
import { REPO_ROOT } from './helpers';

const E = '\x1b[';

function screen(...chunks: string[]): TerminalScreen {
    const s = new TerminalScreen();
    chunks.forEach((c) => s.feed(c));
    return s;
}

/** Fixtures: what the programs wrote, and what a terminal then shows. */
const FIXTURES: readonly { name: string; raw: string; text: string; runs?: { line: number; runs: { text: string; cls: string }[] } }[] = [
    { name: 'plain text', raw: 'Hello from Docker!\nbye\n', text: 'Hello from Docker!\nbye\n' },
    {
        name: 'colours and reset',
        raw: `${E}31mred${E}0m plain ${E}1;92mbold bright green${E}m.`,
        text: 'red plain bold bright green.',
        runs: { line: 0, runs: [{ text: 'red', cls: 'ansi-fg-1' }, { text: ' plain ', cls: '' }, { text: 'bold bright green', cls: 'ansi-fg-10 ansi-bold' }, { text: '.', cls: '' }] },
    },
    {
        name: 'background, inverse and attributes',
        raw: `${E}44;4mblue${E}24;49m ${E}7minv${E}27m ${E}3;9mx${E}0m`,
        text: 'blue inv x',
        runs: { line: 0, runs: [{ text: 'blue', cls: 'ansi-bg-4 ansi-underline' }, { text: ' ', cls: '' }, { text: 'inv', cls: 'ansi-fg-bg ansi-bg-fg' }, { text: ' ', cls: '' }, { text: 'x', cls: 'ansi-italic ansi-strike' }] },
    },
    { name: '256 colours and true colour map to theme colours', raw: `${E}38;5;196mA${E}38;2;0;0;238mB${E}48;5;21mC`, text: 'ABC', runs: { line: 0, runs: [{ text: 'A', cls: 'ansi-fg-1' }, { text: 'B', cls: 'ansi-fg-4' }, { text: 'C', cls: 'ansi-fg-4 ansi-bg-4' }] } },
    { name: '\\r progress line ends as its last state', raw: 'Downloading  10%\rDownloading  55%\rDownloading 100%\nDone\n', text: 'Downloading 100%\nDone\n' },
    { name: '\\r then a shorter text with erase to end of line', raw: `working...\r${E}Kok\n`, text: 'ok\n' },
    { name: '\\r\\n line endings of a tty', raw: 'one\r\ntwo\r\n', text: 'one\ntwo\n' },
    {
        name: 'cursor up rewrites earlier lines (docker pull progress)',
        raw: `a: Waiting\nb: Waiting\n${E}2A${E}2K\ra: Pull complete\n${E}1B`,
        text: 'a: Pull complete\nb: Waiting\n',
    },
    { name: 'cursor back, forward and column', raw: `abcdef${E}3Dx${E}1Cy${E}1Gz`, text: 'zbcxey' },
    { name: 'backspace and tab', raw: 'ab\bc\tX', text: 'ac      X' },
    { name: 'cursor position and erase display', raw: `first\nsecond\n${E}1;3HX${E}J`, text: 'fiX' },
    { name: 'clear screen', raw: `old\nstuff${E}2J${E}Hnew`, text: 'new' },
    { name: 'OSC title, hyperlink, private modes and BEL are dropped', raw: `\x1b]0;title\x07${E}?25l\x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\${E}?25h\x07!`, text: 'link!' },
    { name: 'other controls are dropped', raw: 'a\x00b\x01c\x7fd\x9be', text: 'abcde' },
    { name: 'an unknown CSI is dropped', raw: `a${E}5Sb${E}1;24rc`, text: 'abc' },
];

describe('terminal output: the screen model', () => {
    for (const f of FIXTURES) {
        it(f.name, () => {
            const s = screen(f.raw);
            assert.equal(s.text(), f.text);
            if (f.runs) {
                assert.deepEqual(s.lineRuns(f.runs.line), f.runs.runs);
            }
        });
    }

    it('an escape sequence split across chunks is still understood', () => {
        for (const f of FIXTURES) {
            for (let cut = 1; cut < f.raw.length; cut++) {
                assert.equal(screen(f.raw.slice(0, cut), f.raw.slice(cut)).text(), f.text, `${f.name}, cut at ${cut}`);
            }
        }
    });

    it('reports the first line a chunk changed', () => {
        const s = screen('a\nb\nc');
        assert.equal(s.takeDirty(), 0);
        s.feed('d');
        assert.equal(s.takeDirty(), 2);
        s.feed(`${E}2Ax`);
        assert.equal(s.takeDirty(), 0);
        assert.equal(s.takeDirty(), 3, 'clean after a take');
    });

    it('maps the 256-colour cube onto the 16 theme colours', () => {
        assert.equal(from256(1), 1);
        assert.equal(from256(46), 2); // pure green → the theme's green
        assert.equal(from256(231), 15); // white
        assert.equal(from256(232), 0); // darkest grey → black
    });
});

const BUNDLE = path.join(REPO_ROOT, 'media', 'dist', 'lesson.js');
const SHELL = '<!DOCTYPE html><html lang="en"><head><title>Lesson</title></head><body class="vscode-dark"><main id="root"></main></body></html>';

describe('terminal output: the lesson panel renders it as text nodes', () => {
    let dom: JSDOM | undefined;
    afterEach(() => dom?.window.close());

    function panel(): { send(m: ToWebview): void; pre(): HTMLPreElement } {
        assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run node scripts/build.mjs first`);
        dom = new JSDOM(SHELL, { runScripts: 'outside-only', pretendToBeVisual: true });
        const win = dom.window;
        win.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => undefined, setState: () => undefined });
        win.eval(fs.readFileSync(BUNDLE, 'utf8'));
        const send = (m: ToWebview) => win.dispatchEvent(new win.MessageEvent('message', { data: win.JSON.parse(JSON.stringify(m)) }));
        send({
            type: 'render',
            lessonId: 'hello-world',
            title: 'Hello',
            lang: 'en',
            blocks: [{ kind: 'live', demo: 'hello.flow', title: 'Run', explain: 'Press Run.' }],
            strings: { background: 'B', live: 'L', cli: 'CLI', api: 'API', output: 'Program output', stateWords: { pending: 'p', active: 'a', done: 'd', error: 'e', skipped: 's', idle: 'i', running: 'r', unavailable: 'u' }, yes: 'y', no: 'n', ms: 'ms' },
        });
        return { send, pre: () => win.document.querySelector('.live-output pre') as HTMLPreElement };
    }

    const out = (output: string): ToWebview => ({ type: 'live', view: { demo: 'hello.flow', state: 'running', output } });

    /** Every element under the pre is a span with only `ansi-*`/`term-line` classes; no ESC survives. */
    function assertTextOnly(pre: HTMLPreElement): void {
        for (const el of Array.from(pre.querySelectorAll('*'))) {
            assert.equal(el.tagName, 'SPAN');
            assert.deepEqual(Array.from(el.attributes).map((a) => a.name), ['class']);
            assert.match(el.className, /^(term-line|ansi-[\w-]+( ansi-[\w-]+)*)$/);
        }
        assert.ok(!(pre.textContent ?? '').includes('\x1b'), 'no ESC is shown');
    }

    for (const f of FIXTURES) {
        it(`${f.name}: the same text, as text nodes`, () => {
            const p = panel();
            p.send(out(f.raw));
            assert.equal(p.pre().textContent, f.text);
            assertTextOnly(p.pre());
        });
    }

    it('colours become classed spans holding text nodes', () => {
        const p = panel();
        p.send(out(`${E}31m<img src=x onerror=alert(1)>${E}0m ok`));
        const span = p.pre().querySelector('.ansi-fg-1');
        assert.ok(span);
        assert.equal(span.childNodes.length, 1);
        assert.equal(span.firstChild?.nodeType, 3 /* TEXT_NODE */);
        assert.equal(span.textContent, '<img src=x onerror=alert(1)>');
        assert.equal(p.pre().querySelector('img'), null);
        assertTextOnly(p.pre());
    });

    it('growing output keeps the earlier lines (a selection in them survives); a progress line is rewritten in place', () => {
        const p = panel();
        p.send(out('line one\nline two\n10%'));
        const first = p.pre().firstElementChild;
        p.send(out('line one\nline two\n10%\r55%'));
        assert.equal(p.pre().firstElementChild, first, 'the first line is the same element');
        assert.equal(p.pre().textContent, 'line one\nline two\n55%');
        p.send(out('line one\nline two\n10%\r55%\r100%\nend\n'));
        assert.equal(p.pre().textContent, 'line one\nline two\n100%\nend\n');
        assert.equal(p.pre().firstElementChild, first);
        p.send(out('different run\n'));
        assert.equal(p.pre().textContent, 'different run\n');
    });
});

describe('live figures are announced politely, not on every tick', () => {
    let dom: JSDOM | undefined;
    afterEach(() => dom?.window.close());

    it('a stats tick changes only a table inside aria-live="off"; a state change is inside the polite region', () => {
        dom = new JSDOM(SHELL, { runScripts: 'outside-only', pretendToBeVisual: true });
        const win = dom.window;
        win.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => undefined, setState: () => undefined });
        win.eval(fs.readFileSync(BUNDLE, 'utf8'));
        const send = (m: ToWebview) => win.dispatchEvent(new win.MessageEvent('message', { data: win.JSON.parse(JSON.stringify(m)) }));
        send({
            type: 'render',
            lessonId: 'cgroups',
            title: 'cgroups',
            lang: 'en',
            blocks: [{ kind: 'live', demo: 'cgroups.limits', title: 'Limits', explain: 'Start.' }],
            strings: { background: 'B', live: 'L', cli: 'CLI', api: 'API', output: 'Output', stateWords: { pending: 'p', active: 'a', done: 'd', error: 'e', skipped: 's', idle: 'i', running: 'r', unavailable: 'u' }, yes: 'y', no: 'n', ms: 'ms' },
        });
        const view = (cpu: string, message: string): ToWebview => ({ type: 'live', view: { demo: 'cgroups.limits', state: 'running', message, tables: [{ caption: 'Limits and usage', columns: ['Resource', 'Limit', 'Usage'], rows: [['CPU', '0.5', cpu]] }] } });
        send(view('10 %', 'Running'));
        const status = win.document.querySelector('.live-status');
        send(view('48 %', 'Running'));
        const cell = Array.from(win.document.querySelectorAll('td')).find((td) => td.textContent === '48 %');
        assert.ok(cell, 'the new figure is shown');
        assert.equal(cell.closest('[aria-live]')?.getAttribute('aria-live'), 'off', 'a figure tick is not announced');
        assert.equal(win.document.querySelector('.live-status'), status, 'the status part was not rebuilt by a tick');
        send(view('48 %', 'Stopped by the kernel'));
        const changed = win.document.querySelector('.live-status');
        assert.notEqual(changed, status);
        assert.equal(changed?.closest('[aria-live]')?.getAttribute('aria-live'), 'polite', 'a state change is announced politely');
    });
});
