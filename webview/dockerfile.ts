/**
 * Browser side of "Explain this Dockerfile": a table of the file's instructions (layer or metadata,
 * with layer sizes from the built image), build output, and "run with limits". Every string is put
 * in the page as text; messages are validated on arrival.
 *
 * The table is a virtual list, so a file of 100,000 instructions costs what a screenful does: only
 * the rows in view (plus a margin) are in the page, between two spacer rows that keep the scroll
 * height; the current row is found by binary search over the rows' lines, never by scanning them.
 * It is an ARIA grid (aria-rowcount / aria-rowindex) with one focusable row (arrows, Page Up/Down,
 * Home/End move it; Enter or Space shows the line in the editor).
 */
import { DockerfileRow, DockerfileView, parseToDockerfileWebview } from '../src/panels/protocol';
import { rowAfterKey, rowAtLine, rowWindow, RowWindow, scrollToShow } from '../src/panels/rowWindow';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
/** Used until a rendered row can be measured (and where nothing has layout, as in tests). */
const DEFAULT_ROW_HEIGHT = 26;
const DEFAULT_VIEWPORT = 600;

let current: DockerfileView | undefined;
let rows: readonly DockerfileRow[] = [];
let starts = new Int32Array(0);
let ends = new Int32Array(0);
let highlighted = -1;
/** The row marked current (the editor's cursor is in it), or -1. */
let currentIndex = -1;
/** The row that takes focus (roving tabindex). */
let activeIndex = 0;
let rowHeight = DEFAULT_ROW_HEIGHT;
let shown: RowWindow = { start: 0, end: 0 };
let scroller: HTMLElement | undefined;
let body: HTMLElement | undefined;
let table: HTMLTableElement | undefined;
let scheduled = false;
/** Where the list is scrolled to: kept here too, so the window follows even where the page has no layout. */
let scrollPos = 0;

function scrollTo(top: number): void {
    scrollPos = Math.max(0, top);
    if (scroller && scroller.scrollTop !== scrollPos) {
        scroller.scrollTop = scrollPos;
    }
}
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    if (text !== undefined) {
        e.textContent = text;
    }
    if (cls) {
        e.className = cls;
    }
    return e;
}

function field(label: string, id: string, placeholder: string): HTMLElement {
    const wrap = el('label', undefined, 'field');
    wrap.append(el('span', label));
    const input = el('input');
    input.id = id;
    input.placeholder = placeholder;
    input.size = 8;
    wrap.append(input);
    return wrap;
}

function setRows(next: readonly DockerfileRow[]): void {
    rows = next;
    starts = new Int32Array(rows.length);
    ends = new Int32Array(rows.length);
    rows.forEach((r, i) => {
        starts[i] = r.line;
        ends[i] = r.endLine;
    });
    activeIndex = Math.min(activeIndex, Math.max(0, rows.length - 1));
}

function viewport(): number {
    return scroller?.clientHeight || DEFAULT_VIEWPORT;
}

function rowElement(i: number, view: DockerfileView): HTMLTableRowElement {
    const s = view.strings;
    const row = rows[i];
    const kind = s.kinds[row.kind] ?? row.kind;
    const tr = el('tr', undefined, `row kind-${row.kind}`);
    tr.dataset.index = String(i);
    tr.dataset.line = String(row.line);
    tr.tabIndex = i === activeIndex ? 0 : -1;
    tr.setAttribute('role', 'row');
    tr.setAttribute('aria-rowindex', String(i + 2));
    let label = `${s.line} ${row.line + 1}: ${row.keyword} ${row.args} — ${kind}${row.size ? `, ${row.size}` : ''}`;
    const num = el('td', String(row.line + 1), 'num');
    const ins = el('td', undefined, 'ins');
    ins.append(el('code', row.keyword, 'kw'), document.createTextNode(' '), el('span', row.args, 'args'));
    ins.title = `${row.keyword} ${row.args}`;
    const cells = [num, ins, el('td', kind, 'kind'), el('td', row.size ?? '—', 'size')];
    cells.forEach((c) => c.setAttribute('role', 'gridcell'));
    tr.append(...cells);
    if (view.build.errorLine !== undefined && view.build.errorLine === row.line) {
        tr.classList.add('failed');
        label = `${label} — ${view.build.message ?? ''}`;
    }
    tr.setAttribute('aria-label', label);
    const on = i === currentIndex;
    tr.classList.toggle('current', on);
    tr.setAttribute('aria-current', on ? 'true' : 'false');
    return tr;
}

function spacer(height: number): HTMLTableRowElement {
    const tr = el('tr', undefined, 'spacer');
    tr.setAttribute('aria-hidden', 'true');
    const td = el('td');
    td.colSpan = 4;
    td.style.height = `${height}px`;
    tr.append(td);
    return tr;
}

/** Puts the rows in view (plus a margin) in the page; nothing when the same rows are already there. */
function renderWindow(force = false): void {
    if (!body || !current) {
        return;
    }
    const next = rowWindow(scrollPos, viewport(), rowHeight, rows.length);
    if (!force && next.start === shown.start && next.end === shown.end) {
        return;
    }
    shown = next;
    const focused = document.activeElement instanceof HTMLElement && body.contains(document.activeElement);
    const out: HTMLTableRowElement[] = [spacer(next.start * rowHeight)];
    for (let i = next.start; i < next.end; i++) {
        out.push(rowElement(i, current));
    }
    out.push(spacer((rows.length - next.end) * rowHeight));
    body.replaceChildren(...out);
    if (focused) {
        rowAt(activeIndex)?.focus({ preventScroll: true });
    }
    // the real row height, once the page has layout (one row is measured, not all)
    const measured = out[1]?.getBoundingClientRect().height ?? 0;
    if (measured > 0 && Math.abs(measured - rowHeight) > 0.5) {
        rowHeight = measured;
        renderWindow(true);
    }
}

function rowAt(i: number): HTMLTableRowElement | undefined {
    return i >= shown.start && i < shown.end ? ((body?.children[i - shown.start + 1] as HTMLTableRowElement | undefined) ?? undefined) : undefined;
}

/** Scrolls so row `i` shows whole and renders the window there. */
function show(i: number): void {
    scrollTo(scrollToShow(i, scrollPos, viewport(), rowHeight));
    renderWindow();
}

function moveFocus(i: number): void {
    rowAt(activeIndex)?.setAttribute('tabindex', '-1');
    activeIndex = i;
    show(i);
    const tr = rowAt(i);
    tr?.setAttribute('tabindex', '0');
    tr?.focus({ preventScroll: true });
}

function reveal(i: number): void {
    if (rows[i]) {
        vscode.postMessage({ type: 'reveal', line: rows[i].line });
    }
}

function table_(view: DockerfileView): HTMLElement {
    const s = view.strings;
    table = el('table', undefined, 'steps');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-rowcount', String(rows.length + 1));
    table.append(el('caption', view.image ? `${view.image.tag} — ${s.total} ${view.image.size}` : s.noImage));
    const head = el('tr');
    head.setAttribute('role', 'row');
    head.setAttribute('aria-rowindex', '1');
    for (const [c, cls] of [
        [s.line, 'num'],
        [s.instruction, 'ins'],
        [s.kind, 'kind'],
        [s.size, 'size'],
    ]) {
        const th = el('th', c, cls);
        th.scope = 'col';
        th.setAttribute('role', 'columnheader');
        head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    body = el('tbody');
    body.addEventListener('click', (e) => {
        const tr = (e.target as Element | null)?.closest?.('tr.row') as HTMLElement | null;
        if (tr?.dataset.index !== undefined) {
            activeIndex = Number(tr.dataset.index);
            reveal(activeIndex);
        }
    });
    body.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            reveal(activeIndex);
            return;
        }
        const next = rowAfterKey(e.key, activeIndex, rows.length, Math.floor(viewport() / rowHeight) - 1);
        if (next !== undefined) {
            e.preventDefault();
            moveFocus(next);
        }
    });
    body.addEventListener('focusin', (e) => {
        const tr = (e.target as Element | null)?.closest?.('tr.row') as HTMLElement | null;
        if (tr?.dataset.index !== undefined) {
            activeIndex = Number(tr.dataset.index);
        }
    });
    table.append(thead, body);
    const wrap = el('div', undefined, 'scroller');
    wrap.append(table);
    scroller = wrap;
    wrap.addEventListener('scroll', () => {
        scrollPos = wrap.scrollTop;
        if (!scheduled) {
            scheduled = true;
            (window.requestAnimationFrame ?? ((f: () => void) => setTimeout(f, 16)))(() => {
                scheduled = false;
                renderWindow();
            });
        }
    });
    return wrap;
}

function render(view: DockerfileView): void {
    if (view.rows) {
        setRows(view.rows);
    }
    current = view;
    const s = view.strings;
    // updates arrive on every Docker event and build line: keep what the user typed and where focus was
    const typed = new Map(Array.from(root.querySelectorAll<HTMLInputElement>('input')).map((i) => [i.id, i.value]));
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && root.contains(active) ? (active.id || (active.dataset.index !== undefined ? 'row' : active.dataset.action)) : undefined;
    root.replaceChildren();
    root.setAttribute('aria-busy', 'false');
    root.append(el('h1', `${s.title}: ${view.file}`));
    if (view.omitted) {
        const note = el('p', view.omitted, 'note omitted');
        note.setAttribute('role', 'status');
        root.append(note);
    }
    const wrap = table_(view);
    root.append(wrap);
    currentIndex = highlighted >= 0 ? rowAtLine(starts, ends, highlighted) : -1;
    shown = { start: 0, end: 0 };
    // the spacers give the list its full height first, so the reader's scroll position holds
    renderWindow(true);
    scrollTo(Math.min(scrollPos, Math.max(0, rows.length * rowHeight - viewport())));
    renderWindow();

    const actions = el('section', undefined, 'actions');
    const build = el('button', s.build);
    build.dataset.action = 'build';
    build.disabled = !view.canBuild || view.build.state === 'running';
    build.addEventListener('click', () => vscode.postMessage({ type: 'build' }));
    actions.append(build);
    if (view.cannotBuild) {
        actions.append(el('p', view.cannotBuild, 'note'));
    }
    root.append(actions);

    if (view.image) {
        const run = el('section', undefined, 'run');
        run.append(el('h2', s.run), el('p', s.runHint, 'note'));
        run.append(field(s.memory, 'memory', '64m'), field(s.cpus, 'cpus', '0.5'), field(s.pids, 'pids', '50'));
        const go = el('button', s.run);
        go.dataset.action = 'run';
        go.disabled = !view.canBuild;
        go.addEventListener('click', () => {
            const v = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value.trim() || undefined;
            vscode.postMessage({ type: 'run', memory: v('memory'), cpus: v('cpus'), pids: v('pids') });
        });
        run.append(go);
        root.append(run);
    }

    if (view.build.state !== 'idle') {
        const log = el('section', undefined, `build ${view.build.state}`);
        log.setAttribute('aria-live', 'polite');
        log.append(el('h2', s.buildLog));
        if (view.build.message) {
            log.append(el('p', view.build.message, 'message'));
        }
        const pre = el('pre');
        pre.textContent = view.build.log;
        log.append(pre);
        root.append(log);
        pre.scrollTop = pre.scrollHeight;
    }
    for (const [id, value] of typed) {
        const input = document.getElementById(id) as HTMLInputElement | null;
        if (input) {
            input.value = value;
        }
    }
    if (focusKey === 'row') {
        rowAt(activeIndex)?.focus({ preventScroll: true });
    } else if (focusKey) {
        (document.getElementById(focusKey) ?? root.querySelector<HTMLElement>(`[data-action="${focusKey}"]`))?.focus();
    }
}

/** Marks the row that holds the editor's cursor: a binary search and two rows touched, whatever the size. */
function highlight(line: number): void {
    highlighted = line;
    const next = rowAtLine(starts, ends, line);
    if (next === currentIndex) {
        return;
    }
    for (const [i, on] of [
        [currentIndex, false],
        [next, true],
    ] as const) {
        const tr = rowAt(i);
        tr?.classList.toggle('current', on);
        tr?.setAttribute('aria-current', on ? 'true' : 'false');
    }
    currentIndex = next;
    if (next >= 0) {
        show(next);
    }
}

window.addEventListener('message', (event: MessageEvent) => {
    const msg = parseToDockerfileWebview(event.data);
    if (!msg) {
        return;
    }
    if (msg.type === 'view') {
        render(msg.view);
    } else {
        highlight(msg.line);
    }
});

vscode.postMessage({ type: 'ready' });
