/**
 * Deep checks on top of `parseToWebview` (which checks only the outer shape): every field the page
 * uses is re-read with its type checked, bounded in size, and given a safe default, so a malformed or
 * forged message can neither throw half-way through a render nor put a non-string into the page.
 */
import type {
    ButtonView,
    ChoiceView,
    FactView,
    LiveState,
    LiveView,
    PanelStrings,
    RenderedBlock,
    RenderedDiagram,
    StepState,
    StepView,
    TableView,
    ToWebview,
} from '../../src/protocol/panelProtocol';
import { parseConclusion } from '../../src/protocol/panelProtocol';

export const STEP_STATES: readonly StepState[] = ['pending', 'active', 'done', 'error', 'skipped'];
export const LIVE_STATES: readonly LiveState[] = ['idle', 'running', 'done', 'error', 'unavailable'];

/** Same rule as the protocol's ids (a lesson id must survive `parsePanelState`). */
const ID_RE = /^[a-zA-Z][a-zA-Z0-9._-]{0,63}$/;
const LANG_RE = /^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$/;

const MAX_TEXT = 20_000;
const MAX_OUTPUT = 256 * 1024;
const MAX_ITEMS = 500;
const MAX_ROWS = 2_000;

export type RenderMessage = Extract<ToWebview, { type: 'render' }>;

export const DEFAULT_STRINGS: PanelStrings = {
    background: 'Background',
    live: 'Live',
    cli: 'CLI',
    api: 'API',
    output: 'Output',
    stateWords: { pending: 'Waiting', active: 'In progress', done: 'Done', error: 'Failed', skipped: 'Skipped', idle: 'Ready', running: 'Running', unavailable: 'Unavailable' },
    yes: 'Yes',
    no: 'No',
    ms: 'ms',
};

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, max = MAX_TEXT): string | undefined {
    if (typeof v === 'string') {
        return v.length > max ? v.slice(0, max) : v;
    }
    return undefined;
}

/** A cell or value: strings as they are, finite numbers as text, anything else empty. */
function cell(v: unknown): string {
    if (typeof v === 'number' && Number.isFinite(v)) {
        return String(v);
    }
    return str(v) ?? '';
}

function list(v: unknown, max = MAX_ITEMS): unknown[] {
    return Array.isArray(v) ? v.slice(0, max) : [];
}

function int(v: unknown): number | undefined {
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function defined<T>(v: T | undefined): v is T {
    return v !== undefined;
}

function words(v: unknown): PanelStrings {
    const s = isRecord(v) ? v : {};
    const sw = isRecord(s.stateWords) ? s.stateWords : {};
    const pick = (k: keyof Omit<PanelStrings, 'stateWords'>) => str(s[k], 200) || DEFAULT_STRINGS[k];
    const stateWords = {} as Record<StepState | LiveState, string>;
    for (const k of [...STEP_STATES, ...LIVE_STATES]) {
        stateWords[k] = str(sw[k], 200) || DEFAULT_STRINGS.stateWords[k];
    }
    return { background: pick('background'), live: pick('live'), cli: pick('cli'), api: pick('api'), output: pick('output'), stateWords, yes: pick('yes'), no: pick('no'), ms: pick('ms') };
}

function diagram(v: unknown): RenderedDiagram | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    const caption = str(v.caption) ?? '';
    if (v.kind === 'flow') {
        const nodes = list(v.nodes, 24)
            .filter(isRecord)
            .map((n) => {
                const id = str(n.id, 200);
                const label = str(n.label);
                return id !== undefined && label !== undefined ? { id, label, sub: str(n.sub) } : undefined;
            })
            .filter(defined);
        const ids = new Set(nodes.map((n) => n.id));
        const edges = list(v.edges, 64)
            .filter(isRecord)
            .map((e) => {
                const from = str(e.from, 200);
                const to = str(e.to, 200);
                if (from === undefined || to === undefined || !ids.has(from) || !ids.has(to)) {
                    return undefined;
                }
                return { from, to, label: str(e.label) ?? '', step: int(e.step) };
            })
            .filter(defined);
        return nodes.length ? { kind: 'flow', caption, nodes, edges } : undefined;
    }
    if (v.kind === 'stack') {
        const columns = list(v.columns, 24)
            .filter(isRecord)
            .map((c) => ({
                title: str(c.title) ?? '',
                layers: list(c.layers, 64)
                    .filter(isRecord)
                    .map((l) => {
                        const layer = { label: str(l.label) ?? '', tone: str(l.tone, 40) ?? '' };
                        const b = isRecord(l.beside) ? { label: str(l.beside.label) ?? '', tone: str(l.beside.tone, 40) ?? '' } : undefined;
                        return b ? { ...layer, beside: b } : layer;
                    }),
            }));
        return columns.length ? { kind: 'stack', caption, columns } : undefined;
    }
    return undefined;
}

function block(v: unknown): RenderedBlock | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    switch (v.kind) {
        case 'h':
        case 'p':
        case 'background':
        case 'code': {
            const text = str(v.text);
            return text === undefined ? undefined : { kind: v.kind, text };
        }
        case 'list': {
            const items = list(v.items).map((i) => str(i)).filter(defined);
            return items.length ? { kind: 'list', items } : undefined;
        }
        case 'diagram': {
            const d = diagram(v.diagram);
            return d ? { kind: 'diagram', diagram: d } : undefined;
        }
        case 'live': {
            const demo = str(v.demo, 200);
            return demo ? { kind: 'live', demo, title: str(v.title) ?? '', explain: str(v.explain) } : undefined;
        }
        default:
            return undefined;
    }
}

/** A render message with every part checked; undefined when the lesson id itself is unusable. */
export function normalizeRender(msg: RenderMessage): RenderMessage | undefined {
    if (!ID_RE.test(msg.lessonId)) {
        return undefined;
    }
    const lang = typeof msg.lang === 'string' && LANG_RE.test(msg.lang) ? msg.lang : '';
    return {
        type: 'render',
        lessonId: msg.lessonId,
        title: str(msg.title) ?? '',
        lang,
        blocks: list(msg.blocks).map(block).filter(defined),
        strings: words(msg.strings),
    };
}

function step(v: unknown): StepView | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    const n = int(v.n);
    const title = str(v.title);
    if (n === undefined || title === undefined) {
        return undefined;
    }
    const state = STEP_STATES.find((s) => s === v.state) ?? 'pending';
    const ms = typeof v.ms === 'number' && Number.isFinite(v.ms) && v.ms >= 0 ? Math.round(v.ms) : undefined;
    return { n, title, call: str(v.call) ?? '', cli: str(v.cli), state, ms, detail: str(v.detail) };
}

function fact(v: unknown): FactView | undefined {
    if (!isRecord(v) || str(v.label) === undefined) {
        return undefined;
    }
    return { label: cell(v.label), value: cell(v.value), note: str(v.note), ok: typeof v.ok === 'boolean' ? v.ok : undefined };
}

function table(v: unknown): TableView | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    const columns = list(v.columns, 32).map(cell);
    const rows = list(v.rows, MAX_ROWS).map((r) => list(r, 32).map(cell));
    const rowActions = list(v.rowActions, 8)
        .filter(isRecord)
        .map((a) => {
            const action = str(a.action, 200);
            const label = str(a.label);
            return action && label !== undefined ? { action, label, args: list(a.args, MAX_ROWS).map(cell) } : undefined;
        })
        .filter(defined);
    return { caption: str(v.caption) ?? '', columns, rows, rowActions };
}

function button(v: unknown): ButtonView | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    const action = str(v.action, 200);
    const label = str(v.label);
    if (!action || label === undefined) {
        return undefined;
    }
    return { action, label, arg: str(v.arg, 1000), primary: v.primary === true, disabled: v.disabled === true };
}

function choice(v: unknown): ChoiceView | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    const action = str(v.action, 200);
    if (!action) {
        return undefined;
    }
    const options = list(v.options, MAX_ROWS)
        .filter(isRecord)
        .map((o) => {
            const value = str(o.value, 1000);
            return value === undefined ? undefined : { value, label: str(o.label) ?? value };
        })
        .filter(defined);
    return { action, label: str(v.label) ?? '', options, selected: str(v.selected, 1000) };
}

/** A live view with every part checked; undefined when its demo or state is not one the page knows. */
export function normalizeLive(v: unknown): LiveView | undefined {
    if (!isRecord(v)) {
        return undefined;
    }
    const demo = str(v.demo, 200);
    const state = LIVE_STATES.find((s) => s === v.state);
    if (!demo || !state) {
        return undefined;
    }
    return {
        demo,
        state,
        message: str(v.message),
        next: str(v.next),
        steps: list(v.steps, 64).map(step).filter(defined),
        facts: list(v.facts, 64).map(fact).filter(defined),
        tables: list(v.tables, 16).map(table).filter(defined),
        output: str(v.output, MAX_OUTPUT),
        buttons: list(v.buttons, 16).map(button).filter(defined),
        choice: choice(v.choice),
        litSteps: list(v.litSteps, 64).map(int).filter(defined),
        conclusion: parseConclusion(v.conclusion),
    };
}
