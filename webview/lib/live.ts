/**
 * One live demo's area. Each `live` message carries the whole view; the area is split into parts
 * (status, controls, steps, facts, tables, output) and only the parts whose data changed are
 * rebuilt, so a screen reader (the area is `aria-live="polite"`) hears what changed, an open select
 * is not closed by an unrelated update, and keyboard focus stays on the control it was on.
 */
import type { ButtonView, ChoiceView, ConclusionView, FactView, LiveState, LiveView, PanelStrings, StepState, StepView, TableView } from '../../src/protocol/panelProtocol';
import { Child, findByKey, h, icon, prose, token, uid } from './dom';
import { LIVE_STATES, STEP_STATES } from './normalize';
import { TerminalView } from './terminal';

export interface LiveContext {
    readonly strings: PanelStrings;
    /** Sends `{type:'action', demo, action, arg?}` to the extension. */
    post(demo: string, action: string, arg?: string): void;
}

const STATE_ICONS: Readonly<Record<StepState | LiveState, string>> = {
    pending: '○',
    active: '▸',
    done: '✓',
    error: '✗',
    skipped: '↷',
    idle: '•',
    running: '…',
    unavailable: '⚠\uFE0E',
};

/** A state as icon + word (never colour alone). */
export function stateBadge(state: StepState | LiveState, strings: PanelStrings): HTMLSpanElement {
    const cls = token(state, [...STEP_STATES, ...LIVE_STATES], 'pending');
    return h('span', { class: `state state-${cls}` }, icon(STATE_ICONS[cls]), ' ', h('span', { class: 'state-word' }, strings.stateWords[cls]));
}

type PartKey = 'status' | 'controls' | 'steps' | 'facts' | 'tables' | 'conclusion';
const PARTS: readonly PartKey[] = ['status', 'controls', 'steps', 'facts', 'tables', 'conclusion'];

/** A conclusion point's state as an icon; its word comes with the data. */
const POINT_ICONS: Readonly<Record<ConclusionView['state'], string>> = { held: '✓', surprise: '!', note: '•' };

export class LiveArea {
    /** The region that is re-rendered (`aria-live="polite"`). */
    readonly el: HTMLDivElement;
    private readonly parts = new Map<PartKey, { sig: string; el: HTMLElement }>();
    private readonly outputBox: HTMLDivElement;
    private readonly pre: HTMLPreElement;
    private readonly terminal: TerminalView;
    private shownOutput = '';
    /** A control that had focus and was disabled by an update: focus goes back when it is enabled. */
    private pendingFocus: string | undefined;

    constructor(
        private readonly demo: string,
        private readonly ctx: LiveContext,
    ) {
        this.el = h('div', { class: 'live-view', 'aria-live': 'polite', tabindex: '-1' });
        for (const key of PARTS) {
            const placeholder = h('div', { class: `live-${key}`, hidden: true });
            this.parts.set(key, { sig: '', el: placeholder });
            this.el.append(placeholder);
        }
        const labelId = uid('out');
        this.pre = h('pre', { class: 'live-output-text', tabindex: '0', 'aria-labelledby': labelId });
        // Program output streams in: it is not announced line by line (aria-live off inside the region).
        this.outputBox = h('div', { class: 'live-output', 'aria-live': 'off', hidden: true }, h('p', { class: 'live-output-label', id: labelId }, ctx.strings.output), this.pre);
        this.el.append(this.outputBox);
        this.terminal = new TerminalView(this.pre);
        this.update(undefined);
    }

    /** Shows a view (undefined: nothing has arrived yet, the demo is idle). */
    update(view: LiveView | undefined): void {
        const v: LiveView = view ?? { demo: this.demo, state: 'idle' };
        this.el.dataset.state = token(v.state, LIVE_STATES, 'idle');
        this.setPart('status', { state: v.state, message: v.message, next: v.next }, () => this.status(v));
        this.setPart('controls', { buttons: v.buttons, choice: v.choice }, () => this.controls(v.buttons ?? [], v.choice));
        this.setPart('steps', v.steps ?? [], () => this.steps(v.steps ?? []));
        this.setPart('facts', v.facts ?? [], () => this.facts(v.facts ?? []));
        this.setPart('tables', v.tables ?? [], () => this.tables(v.tables ?? []));
        this.setPart('conclusion', v.conclusion ?? null, () => this.conclusion(v.conclusion));
        this.setOutput(v.output ?? '');
        this.restorePendingFocus();
    }

    private setPart(key: PartKey, data: unknown, build: () => HTMLElement | undefined): void {
        const sig = JSON.stringify(data) ?? '';
        const part = this.parts.get(key);
        if (!part || part.sig === sig) {
            return;
        }
        const active = document.activeElement;
        const hadFocus = active instanceof HTMLElement && part.el.contains(active);
        const focusKey = hadFocus ? active.dataset.key : undefined;
        const next = build() ?? h('div', { hidden: true });
        next.classList.add(`live-${key}`);
        if (key === 'tables') {
            // live figures (stats every second) are read on demand, not announced each time
            next.setAttribute('aria-live', 'off');
        }
        part.el.replaceWith(next);
        this.parts.set(key, { sig, el: next });
        if (hadFocus) {
            const same = focusKey === undefined ? undefined : findByKey(next, focusKey);
            if (same && !(same as HTMLButtonElement).disabled) {
                same.focus();
            } else {
                // Keep focus in this demo rather than losing it to the page; come back when enabled.
                this.pendingFocus = focusKey;
                this.el.focus();
            }
        }
    }

    private restorePendingFocus(): void {
        if (this.pendingFocus === undefined || document.activeElement !== this.el) {
            if (document.activeElement !== this.el) {
                this.pendingFocus = undefined;
            }
            return;
        }
        const target = findByKey(this.el, this.pendingFocus);
        if (target && !(target as HTMLButtonElement).disabled) {
            this.pendingFocus = undefined;
            target.focus();
        }
    }

    private setOutput(output: string): void {
        this.outputBox.hidden = output === '';
        if (output === this.shownOutput) {
            return;
        }
        const pre = this.pre;
        const follow = this.shownOutput === '' || pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
        // colours, `\r` progress lines and cursor moves as a terminal shows them (text nodes only)
        this.terminal.show(output);
        this.shownOutput = output;
        // Follow the newest lines unless the learner scrolled up to read.
        if (follow) {
            pre.scrollTop = pre.scrollHeight;
        }
    }

    private status(v: LiveView): HTMLElement {
        const s = this.ctx.strings;
        return h(
            'div',
            { class: 'live-status' },
            h('p', { class: 'live-state' }, stateBadge(v.state, s), v.message ? ' ' : null, ...(v.message ? prose(v.message) : [])),
            v.next ? h('p', { class: 'live-next' }, icon('→'), ' ', ...prose(v.next)) : null,
        );
    }

    private controls(buttons: readonly ButtonView[], choice: ChoiceView | undefined): HTMLElement | undefined {
        if (!buttons.length && !choice) {
            return undefined;
        }
        const box = h('div', { class: 'live-controls' });
        if (choice) {
            const id = uid('choice');
            const select = h('select', { id, 'data-key': `c:${choice.action}` });
            for (const o of choice.options) {
                const option = h('option', null, o.label);
                option.value = o.value;
                option.selected = o.value === choice.selected;
                select.append(option);
            }
            select.addEventListener('change', () => this.ctx.post(this.demo, choice.action, select.value));
            box.append(h('div', { class: 'live-choice' }, h('label', { for: id }, choice.label), select));
        }
        if (buttons.length) {
            const row = h('div', { class: 'live-buttons' });
            for (const b of buttons) {
                const button = h('button', { type: 'button', class: b.primary ? 'btn primary' : 'btn secondary', 'data-key': `b:${b.action}:${b.arg ?? ''}` }, b.label);
                button.disabled = b.disabled === true;
                button.addEventListener('click', () => this.ctx.post(this.demo, b.action, b.arg));
                row.append(button);
            }
            box.append(row);
        }
        return box;
    }

    private steps(steps: readonly StepView[]): HTMLElement | undefined {
        if (!steps.length) {
            return undefined;
        }
        const s = this.ctx.strings;
        const ol = h('ol', { class: 'steps', role: 'list' });
        for (const step of steps) {
            const li = h(
                'li',
                { class: `step step-${token(step.state, STEP_STATES, 'pending')}`, 'aria-current': step.state === 'active' ? 'step' : undefined },
                h('span', { class: 'step-n' }, String(step.n)),
                h(
                    'div',
                    { class: 'step-body' },
                    h(
                        'p',
                        { class: 'step-head' },
                        h('span', { class: 'step-title' }, ...prose(step.title)),
                        ' ',
                        stateBadge(step.state, s),
                        step.ms !== undefined ? h('span', { class: 'step-ms' }, `${step.ms} ${s.ms}`) : null,
                    ),
                    step.call ? h('p', { class: 'step-call' }, h('span', { class: 'step-k' }, s.api), ' ', h('code', null, step.call)) : null,
                    step.cli ? h('p', { class: 'step-call' }, h('span', { class: 'step-k' }, s.cli), ' ', h('code', null, step.cli)) : null,
                    step.detail ? h('p', { class: 'step-detail' }, ...prose(step.detail)) : null,
                ),
            );
            li.value = step.n;
            ol.append(li);
        }
        return ol;
    }

    private facts(facts: readonly FactView[]): HTMLElement | undefined {
        if (!facts.length) {
            return undefined;
        }
        const s = this.ctx.strings;
        const dl = h('dl', { class: 'facts' });
        for (const f of facts) {
            const verdict: Child =
                f.ok === undefined
                    ? null
                    : h('dd', { class: `fact-ok ${f.ok ? 'fact-yes' : 'fact-no'}` }, h('span', { class: `state state-${f.ok ? 'done' : 'error'}` }, icon(f.ok ? '✓' : '✗'), ' ', f.ok ? s.yes : s.no));
            dl.append(
                h(
                    'div',
                    { class: 'fact' },
                    h('dt', { class: 'fact-label' }, f.label),
                    h('dd', { class: 'fact-value' }, f.value),
                    verdict,
                    f.note ? h('dd', { class: 'fact-note' }, ...prose(f.note)) : null,
                ),
            );
        }
        return dl;
    }

    /** What the run showed: a heading with the overall state in words, then one line per point. */
    private conclusion(c: ConclusionView | undefined): HTMLElement | undefined {
        if (!c) {
            return undefined;
        }
        const mark = (state: ConclusionView['state'], word: string) =>
            h('span', { class: `point-state point-${token(state, ['held', 'surprise', 'note'], 'note')}` }, icon(POINT_ICONS[state] ?? '•'), ' ', h('span', { class: 'point-word' }, word));
        const ul = h('ul', { class: 'conclusion-points', role: 'list' });
        for (const p of c.points) {
            ul.append(
                h(
                    'li',
                    { class: `conclusion-point point-${token(p.state, ['held', 'surprise', 'note'], 'note')}` },
                    h('p', { class: 'point-text' }, mark(p.state, p.stateWord), ' ', ...prose(p.text)),
                    p.why ? h('p', { class: 'point-why' }, ...prose(p.why)) : null,
                ),
            );
        }
        return h('section', { class: 'conclusion' }, h('p', { class: 'conclusion-heading' }, h('strong', null, c.heading), ' ', mark(c.state, c.stateWord)), ul);
    }

    private tables(tables: readonly TableView[]): HTMLElement | undefined {
        if (!tables.length) {
            return undefined;
        }
        const box = h('div', { class: 'live-tables' });
        tables.forEach((t, ti) => box.append(this.table(t, ti)));
        return box;
    }

    private table(t: TableView, ti: number): HTMLElement {
        const captionId = uid('table');
        const actions = t.rowActions ?? [];
        const table = h('table', { class: 'data' }, h('caption', { id: captionId }, t.caption));
        const headRow = h('tr');
        for (const c of t.columns) {
            headRow.append(h('th', { scope: 'col' }, c));
        }
        if (actions.length) {
            // No localized "Actions" heading in PanelStrings: the action labels name the column.
            headRow.append(h('th', { scope: 'col', class: 'row-actions-head' }, actions.map((a) => a.label).join(' / ')));
        }
        table.append(h('thead', null, headRow));
        const body = h('tbody');
        t.rows.forEach((row, ri) => {
            const tr = h('tr');
            const width = Math.max(t.columns.length, row.length);
            let rowHeaderId: string | undefined;
            for (let ci = 0; ci < width; ci++) {
                const text = row[ci] ?? '';
                const cls = cellWrap(text);
                if (ci === 0) {
                    // The first cell names the row, for the row's buttons and for table navigation.
                    rowHeaderId = uid('row');
                    tr.append(h('th', { scope: 'row', id: rowHeaderId, class: cls }, text));
                } else {
                    tr.append(h('td', { class: cls }, text));
                }
            }
            if (actions.length) {
                const td = h('td', { class: 'row-actions' });
                for (const a of actions) {
                    const arg = a.args[ri];
                    if (!arg) {
                        continue;
                    }
                    const button = h('button', { type: 'button', class: 'btn secondary small', 'aria-describedby': rowHeaderId, 'data-key': `r:${ti}:${a.action}:${arg}` }, a.label);
                    button.addEventListener('click', () => this.ctx.post(this.demo, a.action, arg));
                    td.append(button);
                }
                tr.append(td);
            }
            body.append(tr);
        });
        table.append(body);
        // A wide table scrolls sideways inside its own box, reachable by keyboard.
        return h('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-labelledby': captionId, 'data-key': `t:${ti}` }, table);
    }
}

/**
 * How a table cell may wrap (media/lesson.css): short values ("1.23 MB", "0 B", "running") on one
 * line; a cell with a long unbroken token (an id, a path, `file:…` in an instruction) may break it
 * anywhere; other text wraps between words only.
 */
export function cellWrap(text: string): string | undefined {
    if (text.length <= 14) {
        return 'one-line';
    }
    return /\S{25,}/.test(text) ? 'wrap-anywhere' : undefined;
}
