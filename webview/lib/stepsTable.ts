/**
 * The Explain panel's table of instructions as a virtual list, so a file of 100,000 instructions costs
 * what a screenful does: only the rows in view (plus a margin) are in the page, between two spacer rows
 * that keep the scroll height, and those row elements are reused as the window moves (their text is
 * updated, not rebuilt). The current row is found by binary search over the rows' lines, never by
 * scanning them. It is an ARIA grid (aria-rowcount / aria-rowindex) with one focusable row: arrows,
 * Page Up/Down, Home/End move it; Enter or Space shows the line in the editor.
 */
import type { DockerfileRow, DockerfileView } from '../../src/protocol/panelProtocol';
import { rowAfterKey, rowAtLine, rowWindow, RowWindow, scrollToShow } from '../../src/panels/rowWindow';

/** Used until a rendered row can be measured (and where nothing has layout, as in tests). */
const DEFAULT_ROW_HEIGHT = 26;
const DEFAULT_VIEWPORT = 600;
const MARGIN = 8;

/** One reusable row: the element and the text nodes that change. */
interface RowSlot {
    readonly tr: HTMLTableRowElement;
    readonly num: Text;
    readonly kw: Text;
    readonly args: Text;
    readonly kind: Text;
    readonly size: Text;
    readonly ins: HTMLElement;
    index: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    if (cls) {
        e.className = cls;
    }
    return e;
}

function text(parent: HTMLElement): Text {
    const t = document.createTextNode('');
    parent.append(t);
    return t;
}

export class StepsTable {
    readonly element: HTMLElement;
    private readonly table = el('table', 'steps');
    private readonly caption = el('caption');
    private readonly heads: HTMLTableCellElement[] = [];
    private readonly body = el('tbody');
    private readonly top = this.spacer();
    private readonly bottom = this.spacer();
    private slots: RowSlot[] = [];
    private rows: readonly DockerfileRow[] = [];
    private starts = new Int32Array(0);
    private ends = new Int32Array(0);
    private view: DockerfileView | undefined;
    private shown: RowWindow = { start: 0, end: 0 };
    private rowHeight = DEFAULT_ROW_HEIGHT;
    private scrollPos = 0;
    private scheduled = false;
    private highlighted = -1;
    /** The row marked current (the editor's cursor is in it), or -1. */
    current = -1;
    /** The row that takes focus (roving tabindex). */
    active = 0;

    constructor(private readonly reveal: (line: number) => void) {
        this.element = el('div', 'scroller');
        this.table.setAttribute('role', 'grid');
        const head = el('tr');
        head.setAttribute('role', 'row');
        head.setAttribute('aria-rowindex', '1');
        for (const cls of ['num', 'ins', 'kind', 'size']) {
            const th = el('th', cls);
            th.scope = 'col';
            th.setAttribute('role', 'columnheader');
            this.heads.push(th);
            head.append(th);
        }
        const thead = el('thead');
        thead.append(head);
        this.body.append(this.top, this.bottom);
        this.table.append(this.caption, thead, this.body);
        this.element.append(this.table);
        this.body.addEventListener('click', (e) => {
            const i = this.indexOf(e.target);
            if (i !== undefined) {
                this.active = i;
                this.reveal(this.rows[i].line);
            }
        });
        this.body.addEventListener('focusin', (e) => {
            const i = this.indexOf(e.target);
            if (i !== undefined) {
                this.active = i;
            }
        });
        this.body.addEventListener('keydown', (e) => this.key(e));
        this.element.addEventListener('scroll', () => {
            this.scrollPos = this.element.scrollTop;
            if (!this.scheduled) {
                this.scheduled = true;
                (window.requestAnimationFrame ?? ((f: () => void) => setTimeout(f, 16)))(() => {
                    this.scheduled = false;
                    this.renderWindow();
                });
            }
        });
    }

    /** New rows (when the file changed) and the rest of the view (strings, build state). */
    update(view: DockerfileView): void {
        this.view = view;
        const s = view.strings;
        if (view.rows) {
            this.rows = view.rows;
            this.starts = new Int32Array(this.rows.length);
            this.ends = new Int32Array(this.rows.length);
            this.rows.forEach((r, i) => {
                this.starts[i] = r.line;
                this.ends[i] = r.endLine;
            });
            this.active = Math.min(this.active, Math.max(0, this.rows.length - 1));
            this.current = this.highlighted >= 0 ? rowAtLine(this.starts, this.ends, this.highlighted) : -1;
        }
        this.table.setAttribute('aria-rowcount', String(this.rows.length + 1));
        this.caption.textContent = view.image ? `${view.image.tag} — ${s.total} ${view.image.size}` : s.noImage;
        [s.line, s.instruction, s.kind, s.size].forEach((t, i) => (this.heads[i].textContent = t));
        this.scrollTo(Math.min(this.scrollPos, Math.max(0, this.rows.length * this.rowHeight - this.viewport())));
        this.renderWindow(true);
    }

    /** Marks the row that holds the editor's cursor: a binary search and two rows touched, whatever the size. */
    highlight(line: number): void {
        this.highlighted = line;
        const next = rowAtLine(this.starts, this.ends, line);
        if (next === this.current) {
            return;
        }
        const previous = this.current;
        this.current = next;
        for (const i of [previous, next]) {
            const slot = this.slotOf(i);
            if (slot) {
                this.mark(slot);
            }
        }
        if (next >= 0) {
            this.show(next);
        }
    }

    /** Puts focus back on the focusable row (after the page around the table was rebuilt). */
    focusRow(): void {
        this.slotOf(this.active)?.tr.focus({ preventScroll: true });
    }

    hasFocus(): boolean {
        return this.body.contains(document.activeElement);
    }

    /** Re-applies the scroll position (the table was moved in the page, which resets it). */
    restoreScroll(): void {
        if (this.element.scrollTop !== this.scrollPos) {
            this.element.scrollTop = this.scrollPos;
        }
    }

    private viewport(): number {
        return this.element.clientHeight || DEFAULT_VIEWPORT;
    }

    private scrollTo(top: number): void {
        this.scrollPos = Math.max(0, top);
        this.restoreScroll();
    }

    private spacer(): HTMLTableRowElement {
        const tr = el('tr', 'spacer');
        tr.setAttribute('aria-hidden', 'true');
        const td = el('td');
        td.colSpan = 4;
        tr.append(td);
        return tr;
    }

    private indexOf(target: EventTarget | null): number | undefined {
        const tr = (target as Element | null)?.closest?.('tr.row');
        const slot = tr ? this.slots.find((s) => s.tr === tr) : undefined;
        return slot && slot.index >= 0 ? slot.index : undefined;
    }

    private slotOf(i: number): RowSlot | undefined {
        return i >= this.shown.start && i < this.shown.end ? this.slots[i - this.shown.start] : undefined;
    }

    private newSlot(): RowSlot {
        const tr = el('tr', 'row');
        tr.setAttribute('role', 'row');
        const cells = ['num', 'ins', 'kind', 'size'].map((c) => {
            const td = el('td', c);
            td.setAttribute('role', 'gridcell');
            return td;
        });
        const code = el('code', 'kw');
        const args = el('span', 'args');
        const ins = cells[1];
        ins.append(code, document.createTextNode(' '), args);
        tr.append(...cells);
        return { tr, num: text(cells[0]), kw: text(code), args: text(args), kind: text(cells[2]), size: text(cells[3]), ins, index: -1 };
    }

    /** Fills a slot with row `i` (only what differs is written). */
    private fill(slot: RowSlot, i: number): void {
        const view = this.view!;
        const row = this.rows[i];
        slot.index = i;
        slot.tr.setAttribute('aria-rowindex', String(i + 2));
        slot.tr.className = `row kind-${row.kind}`;
        slot.num.data = String(row.line + 1);
        slot.kw.data = row.keyword;
        slot.args.data = row.args;
        slot.ins.title = `${row.keyword} ${row.args}`;
        slot.kind.data = view.strings.kinds[row.kind] ?? row.kind;
        slot.size.data = row.size ?? '—';
        const failed = view.build.errorLine !== undefined && view.build.errorLine === row.line;
        if (failed) {
            slot.tr.setAttribute('aria-description', view.build.message ?? '');
        } else if (slot.tr.hasAttribute('aria-description')) {
            slot.tr.removeAttribute('aria-description');
        }
        slot.tr.tabIndex = i === this.active ? 0 : -1;
        this.mark(slot, failed);
    }

    private mark(slot: RowSlot, failed?: boolean): void {
        const on = slot.index === this.current;
        slot.tr.className = `row kind-${this.rows[slot.index].kind}${on ? ' current' : ''}${(failed ?? slot.tr.hasAttribute('aria-description')) ? ' failed' : ''}`;
        slot.tr.setAttribute('aria-current', on ? 'true' : 'false');
    }

    /** Puts the rows in view (plus a margin) in the page; nothing when the same rows are already there. */
    private renderWindow(force = false): void {
        if (!this.view) {
            return;
        }
        const next = rowWindow(this.scrollPos, this.viewport(), this.rowHeight, this.rows.length, MARGIN);
        if (!force && next.start === this.shown.start && next.end === this.shown.end) {
            return;
        }
        const focused = this.hasFocus();
        const want = next.end - next.start;
        while (this.slots.length < want) {
            const slot = this.newSlot();
            this.slots.push(slot);
            this.body.insertBefore(slot.tr, this.bottom);
        }
        while (this.slots.length > want) {
            this.slots.pop()!.tr.remove();
        }
        this.shown = next;
        this.slots.forEach((slot, k) => this.fill(slot, next.start + k));
        (this.top.firstChild as HTMLElement).style.height = `${next.start * this.rowHeight}px`;
        (this.bottom.firstChild as HTMLElement).style.height = `${(this.rows.length - next.end) * this.rowHeight}px`;
        if (focused) {
            this.focusRow();
        }
        // the real row height, once the page has layout (one row is measured, not all)
        const measured = this.slots[0]?.tr.getBoundingClientRect().height ?? 0;
        if (measured > 0 && Math.abs(measured - this.rowHeight) > 0.5) {
            this.rowHeight = measured;
            this.renderWindow(true);
        }
    }

    /** Scrolls so row `i` shows whole and renders the window there. */
    private show(i: number): void {
        this.scrollTo(scrollToShow(i, this.scrollPos, this.viewport(), this.rowHeight));
        this.renderWindow();
    }

    private key(e: KeyboardEvent): void {
        if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            if (this.rows[this.active]) {
                this.reveal(this.rows[this.active].line);
            }
            return;
        }
        const next = rowAfterKey(e.key, this.active, this.rows.length, Math.floor(this.viewport() / this.rowHeight) - 1);
        if (next === undefined) {
            return;
        }
        e.preventDefault();
        const old = this.slotOf(this.active);
        if (old) {
            old.tr.tabIndex = -1;
        }
        this.active = next;
        this.show(next);
        const slot = this.slotOf(next);
        if (slot) {
            slot.tr.tabIndex = 0;
            slot.tr.focus({ preventScroll: true });
        }
    }
}
