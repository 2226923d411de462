/**
 * The lesson panel's browser side (webview/lesson.ts), run as the built bundle (media/dist/lesson.js,
 * from `node scripts/build.mjs`) in jsdom with a fake `acquireVsCodeApi`. Messages are dispatched as
 * `message` events, exactly as VS Code delivers them to a webview.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { LiveView, PanelStrings, RenderedBlock, ToWebview } from '../../src/protocol/panelProtocol';
import { PANEL_STRINGS, REPO_ROOT } from './helpers';

const BUNDLE = path.join(REPO_ROOT, 'media', 'dist', 'lesson.js');

const SHELL = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Lesson</title></head>
<body class="vscode-dark"><main id="root" aria-busy="true"><p class="loading">Loading the lesson…</p></main></body></html>`;

/** Daemon text that would run script if it were ever parsed as HTML. */
const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '</script><script>alert(2)</script>',
    '"><svg onload=alert(3)><iframe src=javascript:alert(4)>',
    "<object data='x'></object><embed src=x>&amp;&lt;",
];
const X = (i: number) => `${HOSTILE[i % HOSTILE.length]} #${i}`;

const STRINGS = PANEL_STRINGS;

const BLOCKS: RenderedBlock[] = [
    { kind: 'h', text: 'Hello, world' },
    { kind: 'p', text: 'Docker reads `/etc/os-release` from the image.' },
    { kind: 'background', text: 'Containers share the kernel.' },
    { kind: 'list', items: ['one', 'two'] },
    { kind: 'code', text: '$ docker run hello-world\nHello from Docker!' },
    {
        kind: 'diagram',
        diagram: {
            kind: 'flow',
            caption: 'The CLI talks to the daemon',
            nodes: [
                { id: 'cli', label: 'docker CLI', sub: 'your terminal' },
                { id: 'daemon', label: 'dockerd' },
                { id: 'hub', label: 'Registry' },
            ],
            edges: [
                { from: 'cli', to: 'daemon', label: 'ping', step: 1 },
                { from: 'daemon', to: 'hub', label: 'pull', step: 2 },
                { from: 'hub', to: 'daemon', label: 'layers' },
            ],
        },
    },
    {
        kind: 'diagram',
        diagram: {
            kind: 'stack',
            caption: 'Layers',
            columns: [{ title: 'Image', layers: [{ label: 'Base', tone: 'layer' }, { label: 'Writable', tone: 'writable' }] }],
        },
    },
    { kind: 'live', demo: 'hello.flow', title: 'Run hello-world', explain: 'Press Run.' },
];

function render(blocks: readonly RenderedBlock[] = BLOCKS, lessonId = 'hello-world', title = 'Hello'): ToWebview {
    return { type: 'render', lessonId, title, lang: 'en', blocks, strings: STRINGS };
}

function live(view: LiveView): ToWebview {
    return { type: 'live', view };
}

const HELLO_VIEW: LiveView = {
    demo: 'hello.flow',
    state: 'running',
    message: 'Running the image',
    steps: [
        { n: 1, title: 'Ping', call: 'GET /_ping', cli: 'docker version', state: 'done', ms: 12, detail: 'pong' },
        { n: 2, title: 'Pull', call: 'POST /images/create', state: 'active' },
    ],
    facts: [{ label: 'Exit code', value: '0', note: 'It worked.', ok: true }],
    tables: [
        {
            caption: 'Containers',
            columns: ['Id', 'State'],
            rows: [
                ['abc123', 'running'],
                ['def456', 'exited'],
            ],
            rowActions: [{ action: 'remove', label: 'Remove', args: ['abc123', 'def456'] }],
        },
    ],
    output: 'Hello from Docker!\n',
    buttons: [
        { action: 'run', label: 'Run', primary: true },
        { action: 'pull', label: 'Pull', arg: 'hello-world:latest' },
        { action: 'clean', label: 'Clean up', disabled: true },
    ],
    choice: {
        action: 'pick',
        label: 'Image',
        options: [
            { value: 'alpine:3.20', label: 'alpine' },
            { value: 'busybox:latest', label: 'busybox' },
        ],
        selected: 'alpine:3.20',
    },
    litSteps: [1],
};

interface Panel {
    readonly dom: JSDOM;
    readonly win: JSDOM['window'];
    readonly doc: Document;
    readonly posted: unknown[];
    readonly states: unknown[];
    readonly scrolls: number[];
    /** Uncaught errors and anything the page logged with console.error. */
    readonly errors: string[];
    apiCalls: number;
    send(msg: unknown): void;
    $(selector: string): Element;
    $$(selector: string): Element[];
}

let bundle: string | undefined;

function open(savedState?: unknown): Panel {
    if (bundle === undefined) {
        assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run node scripts/build.mjs first`);
        bundle = fs.readFileSync(BUNDLE, 'utf8');
    }
    const errors: string[] = [];
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (e: Error) => errors.push(`jsdomError: ${e.message}`));
    virtualConsole.on('error', (...args: unknown[]) => errors.push(`console.error: ${args.map(String).join(' ')}`));
    const dom = new JSDOM(SHELL, { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole });
    const win = dom.window;
    const panel: Panel = {
        dom,
        win,
        doc: win.document,
        posted: [],
        states: [],
        scrolls: [],
        errors,
        apiCalls: 0,
        send(msg: unknown) {
            // Messages arrive structured-cloned into the page's own realm.
            const data = msg !== null && typeof msg === 'object' ? win.JSON.parse(JSON.stringify(msg)) : msg;
            win.dispatchEvent(new win.MessageEvent('message', { data }));
        },
        $(selector: string) {
            const el = win.document.querySelector(selector);
            assert.ok(el, `no element matches ${selector}`);
            return el;
        },
        $$(selector: string) {
            return Array.from(win.document.querySelectorAll(selector));
        },
    };
    win.acquireVsCodeApi = () => {
        panel.apiCalls++;
        return {
            postMessage: (m: unknown) => panel.posted.push(JSON.parse(JSON.stringify(m))),
            getState: () => savedState,
            setState: (s: unknown) => panel.states.push(JSON.parse(JSON.stringify(s))),
        };
    };
    win.scrollTo = ((x?: number | { top?: number }, y?: number) => {
        const top = typeof x === 'number' ? (y ?? 0) : (x?.top ?? 0);
        panel.scrolls.push(top);
        setScrollY(win, top);
    }) as typeof win.scrollTo;
    win.eval(bundle);
    return panel;
}

/** `window.scrollY` is a replaceable property in jsdom (read-only in the DOM types). */
function setScrollY(win: JSDOM['window'], y: number): void {
    Object.defineProperty(win, 'scrollY', { value: y, writable: true, configurable: true });
}

/** The text of an element as read aloud: its text pieces, separated by single spaces. */
function text(el: Element | null | undefined): string {
    if (!el) {
        return '';
    }
    const doc = el.ownerDocument;
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) {
            parts.push(t);
        }
    }
    return parts.join(' ');
}

function onAttributes(doc: Document): string[] {
    const found: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
            if (/^on/i.test(a.name)) {
                found.push(`${el.tagName}[${a.name}]`);
            }
        }
    }
    return found;
}

const DANGEROUS = 'img,script,iframe,object,embed,svg,frame,link,style,meta[http-equiv]';

describe('lesson webview', () => {
    let panel: Panel;

    afterEach(() => {
        panel?.win.close();
    });

    describe('start-up and state', () => {
        it('calls acquireVsCodeApi once and posts ready exactly once', () => {
            panel = open();
            assert.equal(panel.apiCalls, 1);
            assert.deepEqual(panel.posted, [{ type: 'ready' }]);
            panel.send(render());
            panel.send(live(HELLO_VIEW));
            assert.deepEqual(panel.posted, [{ type: 'ready' }], 'ready is not posted again on render');
            assert.deepEqual(panel.errors, []);
        });

        it('stores the lesson id with setState after the render', () => {
            panel = open();
            assert.deepEqual(panel.states, [], 'nothing to store before a lesson is shown');
            panel.send(render(BLOCKS, 'why-docker'));
            assert.ok(panel.states.length >= 1);
            assert.deepEqual(panel.states.at(-1), { lessonId: 'why-docker', scrollY: 0 });
            assert.equal(panel.$('#root').getAttribute('aria-busy'), 'false');
            assert.equal(panel.doc.title, 'Hello');
        });

        it('restores the saved scroll position once the same lesson renders, and keeps saving it on scroll', async () => {
            panel = open({ lessonId: 'why-docker', scrollY: 480 });
            assert.deepEqual(panel.scrolls, [], 'no scrolling before the render arrives');
            panel.send(render(BLOCKS, 'why-docker'));
            assert.deepEqual(panel.scrolls, [480]);
            assert.deepEqual(panel.states.at(-1), { lessonId: 'why-docker', scrollY: 480 });

            setScrollY(panel.win, 900);
            panel.win.dispatchEvent(new panel.win.Event('scroll'));
            panel.win.dispatchEvent(new panel.win.Event('scroll'));
            await new Promise((r) => setTimeout(r, 350));
            assert.deepEqual(panel.states.at(-1), { lessonId: 'why-docker', scrollY: 900 });
        });

        it('does not restore a position saved for another lesson', () => {
            panel = open({ lessonId: 'other-lesson', scrollY: 480 });
            panel.send(render(BLOCKS, 'why-docker'));
            assert.deepEqual(panel.scrolls, []);
            assert.deepEqual(panel.states.at(-1), { lessonId: 'why-docker', scrollY: 0 });
        });
    });

    describe('rendering', () => {
        it('renders each block kind as its element, marked and in order', () => {
            panel = open();
            panel.send(render());
            assert.equal(text(panel.$('h1')), 'Hello');
            assert.equal(text(panel.$('h2')), 'Hello, world');
            // inline `code` in prose becomes <code>, as text
            assert.equal(text(panel.$('article > p code')), '/etc/os-release');
            const note = panel.$('div.background[role="note"]');
            assert.match(text(note), /^Background knowledge Containers share the kernel\.$/);
            // background is a labelled note, not a landmark: several per lesson must not repeat one landmark name
            assert.equal(panel.$$('aside').length, 0);
            assert.equal(note?.getAttribute('aria-labelledby'), note?.querySelector('.block-label')?.id);
            assert.deepEqual(
                panel.$$('article > ul > li').map(text),
                ['one', 'two'],
            );
            assert.equal(panel.$('pre > code').textContent, '$ docker run hello-world\nHello from Docker!');
            const section = panel.$('section.live');
            assert.match(text(section), /Live on your engine/);
            assert.equal(text(section.querySelector('h3')), 'Run hello-world');
            const area = panel.$('section.live .live-view');
            assert.equal(area.getAttribute('aria-live'), 'polite');
            // before any live message: idle, said in words
            assert.match(text(area), /Ready/);
            assert.equal(panel.$$('.live-view button').length, 0);
            // stack: bottom layer first
            assert.deepEqual(panel.$$('.stack-layer').map(text), ['Base', 'Writable']);
            assert.ok(panel.$('.stack-layer.tone-writable'));
            // flow: boxes and numbered, labelled arrows with a text alternative
            assert.deepEqual(panel.$$('.flow-node-label').map(text), ['docker CLI', 'dockerd', 'Registry']);
            const edges = panel.$$('.flow-edge');
            assert.equal(edges.length, 3);
            assert.equal(text(edges[0].querySelector('.flow-edge-label')), '1 docker CLI → dockerd: ping');
            // no step in a diagram with steps: no number that could clash with step 3
            assert.equal(text(edges[2].querySelector('.flow-edge-label')), 'Registry → dockerd: layers');
            assert.ok(edges[2].querySelector('.to-left'), 'a backwards edge points left');
            assert.equal(text(panel.$('figure.flow figcaption')), 'The CLI talks to the daemon');
            assert.deepEqual(panel.errors, []);
        });

        it('renders a live view: message, controls, steps, facts, tables and output', () => {
            panel = open();
            panel.send(render());
            panel.send(live(HELLO_VIEW));
            const area = panel.$('.live-view');
            assert.match(text(area.querySelector('.live-status')), /^… Running Running the image$/);

            const steps = panel.$$('.live-view ol.steps > li');
            assert.equal(steps.length, 2);
            assert.match(text(steps[0]), /^1 Ping ✓ Finished 12 milliseconds Engine API GET \/_ping CLI docker version pong$/);
            assert.equal(steps[1].getAttribute('aria-current'), 'step');
            assert.deepEqual(
                panel.$$('.step-call code').map((c) => c.textContent),
                ['GET /_ping', 'docker version', 'POST /images/create'],
            );

            assert.equal(text(panel.$('dl.facts dt')), 'Exit code');
            assert.match(text(panel.$('dl.facts .fact')), /Exit code 0 ✓ Holds It worked\./);

            const table = panel.$('.live-view table');
            assert.equal(text(table.querySelector('caption')), 'Containers');
            const heads = Array.from(table.querySelectorAll('thead th'));
            assert.deepEqual(heads.map(text), ['Id', 'State', 'Remove']);
            assert.ok(heads.every((th) => th.getAttribute('scope') === 'col'));
            assert.equal(table.querySelectorAll('tbody tr').length, 2);

            const pre = panel.$('.live-output pre');
            assert.equal(pre.textContent, 'Hello from Docker!\n');
            assert.equal(pre.getAttribute('tabindex'), '0');

            const select = panel.$('.live-view select') as HTMLSelectElement;
            const label = panel.$('.live-choice label');
            assert.equal(label.getAttribute('for'), select.id);
            assert.equal(select.value, 'alpine:3.20');

            const buttons = panel.$$('.live-view .live-buttons button') as HTMLButtonElement[];
            assert.deepEqual(buttons.map(text), ['Run', 'Pull', 'Clean up']);
            assert.ok(buttons.every((b) => b.type === 'button'));
            assert.deepEqual(
                buttons.map((b) => b.disabled),
                [false, false, true],
            );
            assert.deepEqual(panel.errors, []);
        });

        it('appends streamed output and shows it as a terminal does (tab to the next stop, \\r\\n as one line end)', () => {
            panel = open();
            panel.send(render());
            panel.send(live({ demo: 'hello.flow', state: 'running', output: 'line 1\n' }));
            const pre = panel.$('.live-output pre');
            const first = pre.firstChild;
            panel.send(live({ demo: 'hello.flow', state: 'running', output: 'line 1\n<b>line 2</b>\t\r\n' }));
            assert.equal(pre.textContent, 'line 1\n<b>line 2</b>   \n');
            assert.equal(pre.firstChild, first, 'the new part was added, the first line not re-rendered');
            assert.deepEqual(Array.from(pre.querySelectorAll('*')).map((e) => `${e.tagName}.${e.className}`), ['SPAN.term-line', 'SPAN.term-line', 'SPAN.term-line']);
            panel.send(live({ demo: 'hello.flow', state: 'done', output: 'fresh' }));
            assert.equal(pre.textContent, 'fresh');
            panel.send(live({ demo: 'hello.flow', state: 'done' }));
            assert.ok((panel.$('.live-output') as HTMLElement).hidden, 'no output: the box is hidden');
        });

        it('keeps a live view that arrives before the render and shows it with the lesson', () => {
            panel = open();
            panel.send(live({ demo: 'hello.flow', state: 'error', message: 'Docker is not reachable', next: 'Start Docker Desktop' }));
            panel.send(render());
            assert.match(text(panel.$('.live-status')), /Failed Docker is not reachable → Start Docker Desktop/);
        });

        it('keeps short cells and headings whole, and lets only a long token break anywhere (no "Siz / e")', () => {
            // the image-vs-container history table: a long COPY instruction beside the Size column
            const instruction = '/bin/sh -c #(nop) COPY file:4b5a5f1a0e6d3d9c23ad0e1f2cb8d5a9e0f3c1b2a4d6e8f0a1b2c3d4e5f6a7b8 in /';
            panel = open();
            panel.send(render());
            panel.send(live({ demo: 'hello.flow', state: 'done', tables: [{ caption: 'History', columns: ['#', 'Instruction', 'Size', 'Kind'], rows: [['1', instruction, '13.26 kB', 'changes files']] }] }));
            const cells = panel.$$('.live-view table tbody tr > *');
            assert.deepEqual(
                cells.map((c) => c.getAttribute('class')),
                ['one-line', 'wrap-anywhere', 'one-line', 'one-line'],
            );
            // the stylesheet: no cell breaks words anywhere unless it is marked so; headings stay on one line
            const css = fs.readFileSync(path.join(REPO_ROOT, 'media', 'lesson.css'), 'utf8');
            const rule = (selector: string) => new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^{]*\\{([^}]*)\\}`).exec(css)?.[2] ?? '';
            assert.doesNotMatch(rule('table.data th,\ntable.data td'), /overflow-wrap:\s*anywhere/);
            assert.match(rule('table.data .wrap-anywhere'), /overflow-wrap:\s*anywhere/);
            assert.match(rule('table.data .one-line,\ntable.data thead th'), /white-space:\s*nowrap/);
        });
    });

    describe('security', () => {
        it('puts hostile text from every field into the page as text, never as markup', () => {
            panel = open();
            const own = panel.$$(DANGEROUS).length;
            let i = 0;
            const blocks: RenderedBlock[] = [
                { kind: 'h', text: X(i++) },
                { kind: 'p', text: X(i++) },
                { kind: 'background', text: X(i++) },
                { kind: 'list', items: [X(i++), X(i++)] },
                { kind: 'code', text: X(i++) },
                {
                    kind: 'diagram',
                    diagram: {
                        kind: 'flow',
                        caption: X(i++),
                        nodes: [
                            { id: X(i++), label: X(i++), sub: X(i++) },
                            { id: 'b', label: X(i++) },
                        ],
                        edges: [],
                    },
                },
                { kind: 'diagram', diagram: { kind: 'stack', caption: X(i++), columns: [{ title: X(i++), layers: [{ label: X(i++), tone: '"><img src=x onerror=alert(5)>' }] }] } },
                { kind: 'live', demo: 'hello.flow', title: X(i++), explain: X(i++) },
            ];
            // the flow edge refers to the hostile node id
            const flow = blocks[5].diagram as Extract<RenderedBlock['diagram'], { kind: 'flow' }>;
            (flow.edges as unknown[]).push({ from: flow.nodes[0].id, to: 'b', label: X(i++), step: 2 });
            const hostileStrings: PanelStrings = { ...STRINGS, background: X(i++), live: X(i++), output: X(i++), stateWords: { ...STRINGS.stateWords, done: X(i++) } };
            panel.send({ type: 'render', lessonId: 'hostile', title: X(i++), lang: 'en', blocks, strings: hostileStrings });
            const view: LiveView = {
                demo: 'hello.flow',
                state: 'done',
                message: X(i++),
                next: X(i++),
                steps: [{ n: 2, title: X(i++), call: X(i++), cli: X(i++), state: 'done', ms: 3, detail: X(i++) }],
                facts: [{ label: X(i++), value: X(i++), note: X(i++), ok: false }],
                tables: [{ caption: X(i++), columns: [X(i++)], rows: [[X(i++)]], rowActions: [{ action: 'remove', label: X(i++), args: ['abc'] }] }],
                output: X(i++),
                buttons: [{ action: 'run', label: X(i++) }],
                choice: { action: 'pick', label: X(i++), options: [{ value: 'a', label: X(i++) }] },
                litSteps: [2],
            };
            panel.send(live(view));

            assert.equal(panel.$$(DANGEROUS).length, own, 'no element was created from message text');
            assert.deepEqual(onAttributes(panel.doc), []);
            for (const el of panel.$$('[class]')) {
                assert.doesNotMatch(el.getAttribute('class') ?? '', /[<>"]/, 'class names never come from message text');
            }
            const body = panel.doc.body.textContent ?? '';
            for (let k = 0; k < i; k++) {
                if (k === 7) {
                    continue; // a node id is an internal key, not shown
                }
                assert.ok(body.includes(X(k)), `"${X(k)}" is shown verbatim`);
            }
            assert.equal(panel.$('pre.code-block code').textContent, X(5));
            assert.equal(panel.$('.live-output pre').textContent, view.output);
            assert.equal(text(panel.$('.live-view option')), X(i - 1));
            assert.ok(panel.$('.flow-edge.lit'), 'the hostile diagram still lights');
            assert.deepEqual(panel.errors, []);
        });

        it('ignores forged and invalid messages without throwing or changing anything', () => {
            panel = open();
            const forged: unknown[] = [
                undefined,
                null,
                'render',
                42,
                [],
                {},
                { type: 'eval', code: 'document.body.remove()' },
                { type: 'render' },
                { type: 'render', lessonId: 'x', title: 'T' },
                { type: 'render', lessonId: 'x', title: 'T', blocks: 'nope', strings: {} },
                { type: 'render', lessonId: '../not an id', title: 'T', blocks: [], strings: {} },
                { type: 'render', lessonId: 'x', title: 'T', blocks: [], strings: null },
                { type: 'live' },
                { type: 'live', view: null },
                { type: 'live', view: { demo: 'hello.flow' } },
                { type: 'live', view: { demo: 'hello.flow', state: 'pwned' } },
                { type: 'live', view: { demo: 42, state: 'done' } },
                { type: 'action', demo: 'hello.flow', action: 'run' },
                { type: 'ready' },
            ];
            const before = panel.dom.serialize();
            for (const f of forged) {
                panel.send(f);
            }
            assert.equal(panel.dom.serialize(), before, 'nothing changed before a lesson');

            panel.send(render());
            panel.send(live(HELLO_VIEW));
            const shown = panel.dom.serialize();
            const posted = panel.posted.length;
            const states = panel.states.length;
            for (const f of forged) {
                panel.send(f);
            }
            assert.equal(panel.dom.serialize(), shown, 'nothing changed after a lesson');
            assert.equal(panel.posted.length, posted);
            assert.equal(panel.states.length, states);
            assert.deepEqual(panel.errors, []);
        });

        it('drops malformed parts of an otherwise valid message without throwing', () => {
            panel = open();
            panel.send({
                type: 'render',
                lessonId: 'why-docker',
                title: 'T',
                lang: '"><x',
                strings: { stateWords: 5 },
                blocks: [null, 5, 'p', { kind: 'p' }, { kind: 'p', text: 7 }, { kind: 'script', text: 'x' }, { kind: 'diagram', diagram: { kind: 'flow', nodes: 'x' } }, { kind: 'list', items: [1, null] }, { kind: 'p', text: 'kept' }, { kind: 'live', demo: 'hello.flow' }],
            });
            assert.deepEqual(panel.$$('article > p').map(text), ['kept']);
            assert.equal(panel.doc.documentElement.lang, 'en', 'a bad language tag is not applied');
            assert.match(text(panel.$('.live-status')), /Ready/, 'missing words fall back to English');
            panel.send({
                type: 'live',
                view: { demo: 'hello.flow', state: 'done', message: { toString: 1 }, steps: 'x', facts: [null, { label: 'L', value: 3 }], tables: [{ rows: 'x' }, 7], buttons: [{}, { action: 'run' }], choice: 5, output: 7, litSteps: 'x' },
            });
            assert.match(text(panel.$('.live-status')), /Done/);
            assert.equal(text(panel.$('dl.facts')), 'L 3');
            assert.equal(panel.$$('.live-view button').length, 0);
            assert.deepEqual(panel.errors, []);
        });
    });

    describe('actions', () => {
        beforeEach(() => {
            panel = open();
            panel.send(render());
            panel.send(live(HELLO_VIEW));
            panel.posted.length = 0;
        });

        function click(el: Element): void {
            (el as HTMLElement).click();
        }

        it('a button posts its demo, action and arg exactly', () => {
            const [run, pull, clean] = panel.$$('.live-buttons button');
            click(run);
            click(pull);
            click(clean); // disabled: nothing
            assert.deepEqual(panel.posted, [
                { type: 'action', demo: 'hello.flow', action: 'run' },
                { type: 'action', demo: 'hello.flow', action: 'pull', arg: 'hello-world:latest' },
            ]);
            assert.ok(!('arg' in (panel.posted[0] as object)), 'no arg key when the button has none');
        });

        it('changing the choice posts the chosen value', () => {
            const select = panel.$('.live-view select') as HTMLSelectElement;
            select.value = 'busybox:latest';
            select.dispatchEvent(new panel.win.Event('change', { bubbles: true }));
            assert.deepEqual(panel.posted, [{ type: 'action', demo: 'hello.flow', action: 'pick', arg: 'busybox:latest' }]);
        });

        it('a row action posts the arg of its own row', () => {
            const rows = panel.$$('.live-view tbody tr');
            click(rows[1].querySelector('button') as Element);
            click(rows[0].querySelector('button') as Element);
            assert.deepEqual(panel.posted, [
                { type: 'action', demo: 'hello.flow', action: 'remove', arg: 'def456' },
                { type: 'action', demo: 'hello.flow', action: 'remove', arg: 'abc123' },
            ]);
            const button = rows[0].querySelector('button') as Element;
            const describedBy = button.getAttribute('aria-describedby') ?? '';
            assert.equal(text(panel.doc.getElementById(describedBy)), 'abc123', 'the button is described by its row');
        });

        it('does not post an action the extension would refuse', () => {
            panel.send(live({ ...HELLO_VIEW, buttons: [{ action: 'run', label: 'Bad', arg: 'a b;rm -rf /' }] }));
            click(panel.$('.live-buttons button'));
            assert.deepEqual(panel.posted, []);
        });

        it('keeps keyboard focus on a control across updates of its demo', () => {
            const run = panel.$('.live-buttons button') as HTMLButtonElement;
            run.focus();
            // an update that does not touch the buttons keeps the very same element
            panel.send(live({ ...HELLO_VIEW, message: 'Still running' }));
            assert.equal(panel.doc.activeElement, run);
            // the button is disabled while running: focus stays in the demo's area...
            panel.send(live({ ...HELLO_VIEW, buttons: [{ action: 'run', label: 'Run', primary: true, disabled: true }] }));
            assert.equal(panel.doc.activeElement, panel.$('.live-view'));
            // ...and goes back to the button when it is enabled again
            panel.send(live({ ...HELLO_VIEW, state: 'done', buttons: [{ action: 'run', label: 'Run', primary: true }] }));
            const again = panel.$('.live-buttons button');
            assert.notEqual(again, run);
            assert.equal(panel.doc.activeElement, again);
        });

        it('moves focus to the demo area, not the page, when the focused row goes away', () => {
            (panel.$$('.live-view tbody tr')[1].querySelector('button') as HTMLButtonElement).focus();
            const table = HELLO_VIEW.tables?.[0] as NonNullable<LiveView['tables']>[number];
            panel.send(live({ ...HELLO_VIEW, tables: [{ ...table, rows: [table.rows[0]], rowActions: [{ action: 'remove', label: 'Remove', args: ['abc123'] }] }] }));
            assert.equal(panel.$$('.live-view tbody tr').length, 1);
            assert.equal(panel.doc.activeElement, panel.$('.live-view'));
        });
    });

    describe('words and lit arrows', () => {
        it('says each state in the words the extension sent', () => {
            panel = open();
            panel.send(render());
            panel.send(
                live({
                    demo: 'hello.flow',
                    state: 'error',
                    steps: [
                        { n: 1, title: 'A', call: 'x', state: 'done' },
                        { n: 2, title: 'B', call: 'y', state: 'error' },
                        { n: 3, title: 'C', call: 'z', state: 'skipped' },
                    ],
                    facts: [{ label: 'Same', value: 'no', ok: false }],
                }),
            );
            const words = panel.$$('.steps .state-word').map(text);
            assert.deepEqual(words, ['Finished', 'Failed', 'Skipped']);
            assert.equal(text(panel.$('.steps li .state-done')), '✓ Finished');
            assert.match(text(panel.$('.fact-ok')), /Does not hold/);
            assert.match(text(panel.$('.live-status')), /Failed/);
        });

        it('lights an arrow only while its step is in the latest litSteps of a demo', () => {
            panel = open();
            panel.send(render());
            const edge2 = panel.$('.flow-edge[data-step="2"]');
            const edge1 = panel.$('.flow-edge[data-step="1"]');
            assert.ok(!edge2.classList.contains('lit'));
            assert.doesNotMatch(text(edge2), /✓|Finished/);

            panel.send(live({ demo: 'hello.flow', state: 'running', litSteps: [1] }));
            assert.ok(edge1.classList.contains('lit'));
            assert.ok(!edge2.classList.contains('lit'), 'step 1 lit does not light step 2');

            panel.send(live({ demo: 'hello.flow', state: 'running', litSteps: [1, 2] }));
            assert.ok(edge2.classList.contains('lit'));
            assert.match(text(edge2), /✓ Finished/, 'lit is said in words too');

            // another demo's view counts as well; the latest view of a demo replaces its earlier one
            panel.send(live({ demo: 'hello.flow', state: 'idle', litSteps: [] }));
            assert.ok(!edge2.classList.contains('lit'));
            assert.doesNotMatch(text(edge2), /Finished/);
            panel.send(live({ demo: 'other.demo', state: 'done', litSteps: [2] }));
            assert.ok(edge2.classList.contains('lit'));
            assert.ok(!edge1.classList.contains('lit'));
            assert.equal(panel.$$('.flow-edge.lit .flow-lit-mark').length, 1);
        });
    });
    describe('what the run showed (conclusion)', () => {
        const conclusionView = (c: unknown): LiveView => ({ demo: 'hello.flow', state: 'done', conclusion: c } as unknown as LiveView);

        it('renders the findings as text, each state in words next to its icon, with the likely reason', () => {
            panel = open();
            panel.send(render());
            panel.send(
                live(
                    conclusionView({
                        heading: 'What this run showed',
                        state: 'surprise',
                        stateWord: 'something differed from the expectation',
                        points: [
                            { state: 'held', stateWord: 'As expected', text: 'Exit code `0`.' },
                            { state: 'surprise', stateWord: 'Not as expected', text: 'PID 4242 runs `init`.', why: 'Likely reason: another PID namespace.' },
                            { state: 'note', stateWord: 'Measured', text: '8 calls.' },
                        ],
                    }),
                ),
            );
            const box = panel.$('.live-view section.conclusion');
            assert.equal(text(box.querySelector('.conclusion-heading')), 'What this run showed ! something differed from the expectation');
            const items = Array.from(box.querySelectorAll('li.conclusion-point'));
            assert.deepEqual(items.map(text), ['✓ As expected Exit code 0 .', '! Not as expected PID 4242 runs init . Likely reason: another PID namespace.', '• Measured 8 calls.']);
            assert.deepEqual(
                items.map((li) => li.className),
                ['conclusion-point point-held', 'conclusion-point point-surprise', 'conclusion-point point-note'],
            );
            assert.equal(box.querySelectorAll('code').length, 2, 'backticks become code, as in the rest of the panel');
            assert.deepEqual(panel.errors, []);
        });

        it('puts hostile text into the page as text, and drops malformed points and conclusions', () => {
            panel = open();
            panel.send(render());
            panel.send(
                live(
                    conclusionView({
                        heading: X(0),
                        state: 'held',
                        stateWord: X(1),
                        points: [{ state: 'held', stateWord: X(2), text: X(3), why: X(4) }, { state: 'weird', stateWord: 'x', text: 'dropped' }, { state: 'note', text: 'no word: dropped' }, 'nope'],
                    }),
                ),
            );
            assert.equal(panel.$$(`.live-view ${DANGEROUS}`).length, 0);
            assert.deepEqual(onAttributes(panel.doc), []);
            assert.equal(panel.$$('li.conclusion-point').length, 1);
            assert.match(text(panel.$('li.conclusion-point')), /<img src=x onerror=alert\(1\)> #4/);
            panel.send(live(conclusionView({ heading: 'h', state: 'held', stateWord: 'w', points: [] })));
            assert.equal(panel.$$('section.conclusion').length, 0, 'no usable point: no conclusion');
            panel.send(live(conclusionView('not an object')));
            assert.equal(panel.$$('section.conclusion').length, 0);
            assert.deepEqual(panel.errors, []);
        });
    });

    describe('diagram: a box beside another', () => {
        it('draws the beside box on the same level, as its own text', () => {
            panel = open();
            panel.send(
                render([
                    { kind: 'h', text: 'VMs' },
                    {
                        kind: 'diagram',
                        diagram: {
                            kind: 'stack',
                            caption: 'c',
                            columns: [{ title: 'Containers', layers: [{ label: 'Kernel', tone: 'os' }, { label: 'Containers', tone: 'app', beside: { label: 'Engine <b>x</b>', tone: 'engine' } }] }],
                        },
                    },
                ]),
            );
            const rows = panel.$$('ol.stack-layers > li');
            assert.equal(rows.length, 2);
            assert.ok(rows[1].classList.contains('stack-row'));
            const boxes = Array.from(rows[1].querySelectorAll('.stack-layer'));
            assert.deepEqual(boxes.map(text), ['Containers', 'Engine <b>x</b>']);
            assert.ok(boxes[0].classList.contains('tone-app') && boxes[1].classList.contains('tone-engine'));
            assert.equal(panel.$$('ol.stack-layers b').length, 0);
        });
    });
});
