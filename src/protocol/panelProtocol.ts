/**
 * The contract between the panels' two sides: the view types that lessons and the extension produce
 * and the webview renders, the messages both ways, and their validation. It belongs to neither side
 * (src/protocol/): the webview bundle, src/panels and src/lessons all import it; no `vscode` import. Everything a message
 * carries is plain data; the webview puts every string into the page as text.
 */

export type StepState = 'pending' | 'active' | 'done' | 'error' | 'skipped';

export interface StepView {
    readonly n: number;
    readonly title: string;
    /** The Engine API call(s): `POST /containers/create`. */
    readonly call: string;
    /** What a learner would type. */
    readonly cli?: string;
    readonly state: StepState;
    readonly ms?: number;
    readonly detail?: string;
}

export interface FactView {
    readonly label: string;
    readonly value: string;
    /** A short sentence saying what the fact proves. */
    readonly note?: string;
    /** true: the claim held; false: it did not (said in words too, never colour alone). */
    readonly ok?: boolean;
}

export interface TableView {
    readonly caption: string;
    readonly columns: readonly string[];
    readonly rows: readonly (readonly string[])[];
    /** Per-row buttons: the action name and a label; the row's first cell is not the argument. */
    readonly rowActions?: readonly { readonly action: string; readonly label: string; readonly args: readonly string[] }[];
}

export interface ButtonView {
    readonly action: string;
    readonly label: string;
    readonly arg?: string;
    readonly primary?: boolean;
    readonly disabled?: boolean;
}

export interface ChoiceView {
    readonly action: string;
    readonly label: string;
    readonly options: readonly { readonly value: string; readonly label: string }[];
    readonly selected?: string;
}

export type LiveState = 'idle' | 'running' | 'done' | 'error' | 'unavailable';

/** How one point of a run's conclusion turned out. `note`: a measured value, no expectation to hold. */
export type PointState = 'held' | 'surprise' | 'note';

export interface ConclusionPoint {
    readonly state: PointState;
    /** The state in words ("As expected", "Not as expected"): shown next to its icon, never colour alone. */
    readonly stateWord: string;
    /** A sentence built from this run's own results. */
    readonly text: string;
    /** When the result was not the expected one: the likely reason. */
    readonly why?: string;
}

/** What one run showed, built from its results by the demo (never a text written in advance). */
export interface ConclusionView {
    readonly heading: string;
    /** `surprise` when any point did not hold, else `held` when any held, else `note`. */
    readonly state: PointState;
    readonly stateWord: string;
    readonly points: readonly ConclusionPoint[];
}

/** Everything one live block shows; sent whole each time it changes. */
export interface LiveView {
    readonly demo: string;
    readonly state: LiveState;
    /** A sentence about the state ("Docker is not reachable: …"). */
    readonly message?: string;
    /** What to do next, when something failed. */
    readonly next?: string;
    readonly steps?: readonly StepView[];
    readonly facts?: readonly FactView[];
    readonly tables?: readonly TableView[];
    /** Program output, verbatim (bounded). */
    readonly output?: string;
    readonly buttons?: readonly ButtonView[];
    readonly choice?: ChoiceView;
    /** Which flow-diagram arrows are lit (by step number). */
    readonly litSteps?: readonly number[];
    /** What this run showed, from its own results (only once a run has finished). */
    readonly conclusion?: ConclusionView;
}

export interface RenderedBlock {
    readonly kind: 'h' | 'p' | 'background' | 'list' | 'code' | 'diagram' | 'live';
    readonly text?: string;
    readonly items?: readonly string[];
    readonly diagram?: RenderedDiagram;
    readonly demo?: string;
    readonly title?: string;
    readonly explain?: string;
}

export type RenderedDiagram =
    | {
          readonly kind: 'flow';
          readonly caption: string;
          readonly nodes: readonly { readonly id: string; readonly label: string; readonly sub?: string }[];
          readonly edges: readonly { readonly from: string; readonly to: string; readonly label: string; readonly step?: number }[];
      }
    | {
          readonly kind: 'stack';
          readonly caption: string;
          readonly columns: readonly {
              readonly title: string;
              readonly layers: readonly { readonly label: string; readonly tone: string; readonly beside?: { readonly label: string; readonly tone: string } }[];
          }[];
      };

/** Fixed words of the panel's own UI, localized by the extension. */
export interface PanelStrings {
    readonly background: string;
    readonly live: string;
    readonly cli: string;
    readonly api: string;
    readonly output: string;
    readonly stateWords: Readonly<Record<StepState | LiveState, string>>;
    readonly yes: string;
    readonly no: string;
    readonly ms: string;
}

export type ToWebview =
    | { readonly type: 'render'; readonly lessonId: string; readonly title: string; readonly lang: string; readonly blocks: readonly RenderedBlock[]; readonly strings: PanelStrings }
    | { readonly type: 'live'; readonly view: LiveView };

export type FromWebview =
    | { readonly type: 'ready' }
    | { readonly type: 'action'; readonly demo: string; readonly action: string; readonly arg?: string };

const ID_RE = /^[a-zA-Z][a-zA-Z0-9._-]{0,63}$/;
/** An argument: an image reference, a container id or a number; nothing longer than 256 characters. */
const ARG_RE = /^[a-zA-Z0-9][a-zA-Z0-9._:/@+-]{0,255}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates a message from the webview. Unknown types, extra fields of the wrong type, bad ids and
 * over-long arguments are rejected (the caller logs and ignores them).
 */
export function parseFromWebview(msg: unknown): FromWebview | undefined {
    if (!isRecord(msg)) {
        return undefined;
    }
    if (msg.type === 'ready') {
        return { type: 'ready' };
    }
    if (msg.type === 'action') {
        const { demo, action, arg } = msg;
        if (typeof demo !== 'string' || !ID_RE.test(demo) || typeof action !== 'string' || !ID_RE.test(action)) {
            return undefined;
        }
        if (arg !== undefined && (typeof arg !== 'string' || !ARG_RE.test(arg))) {
            return undefined;
        }
        return arg === undefined ? { type: 'action', demo, action } : { type: 'action', demo, action, arg };
    }
    return undefined;
}

/** Validates a message from the extension (the webview side checks too: defence in depth). */
export function parseToWebview(msg: unknown): ToWebview | undefined {
    if (!isRecord(msg)) {
        return undefined;
    }
    if (msg.type === 'render' && typeof msg.lessonId === 'string' && typeof msg.title === 'string' && Array.isArray(msg.blocks) && isRecord(msg.strings)) {
        return msg as unknown as ToWebview;
    }
    if (msg.type === 'live' && isRecord(msg.view) && typeof msg.view.demo === 'string' && typeof msg.view.state === 'string') {
        return msg as unknown as ToWebview;
    }
    return undefined;
}

const POINT_STATES: readonly PointState[] = ['held', 'surprise', 'note'];
const MAX_POINT_TEXT = 2_000;

function boundedText(v: unknown, max = MAX_POINT_TEXT): string | undefined {
    return typeof v === 'string' ? (v.length > max ? v.slice(0, max) : v) : undefined;
}

/**
 * Validates a conclusion from either side: every field re-read with its type checked and bounded,
 * unknown states and points without text dropped. Undefined when nothing usable is left.
 */
export function parseConclusion(v: unknown): ConclusionView | undefined {
    if (!isRecord(v) || !Array.isArray(v.points)) {
        return undefined;
    }
    const points: ConclusionPoint[] = [];
    for (const p of v.points.slice(0, 32)) {
        if (!isRecord(p)) {
            continue;
        }
        const state = POINT_STATES.find((s) => s === p.state);
        const text = boundedText(p.text);
        const stateWord = boundedText(p.stateWord, 200);
        if (!state || !text || !stateWord) {
            continue;
        }
        const why = boundedText(p.why);
        points.push(why ? { state, stateWord, text, why } : { state, stateWord, text });
    }
    const state = POINT_STATES.find((s) => s === v.state);
    const heading = boundedText(v.heading, 200);
    const stateWord = boundedText(v.stateWord, 200);
    if (!points.length || !state || heading === undefined || !stateWord) {
        return undefined;
    }
    return { heading, state, stateWord, points };
}

/** What the webview keeps with `setState`, so a reload restores the panel. */
export interface PanelState {
    readonly lessonId: string;
    readonly scrollY?: number;
}

export function parsePanelState(v: unknown): PanelState | undefined {
    return isRecord(v) && typeof v.lessonId === 'string' && ID_RE.test(v.lessonId) ? { lessonId: v.lessonId, scrollY: typeof v.scrollY === 'number' && Number.isFinite(v.scrollY) ? v.scrollY : undefined } : undefined;
}

/* ---------- the "Explain this Dockerfile" panel ---------- */

export interface DockerfileRow {
    /** 0-based first and last line of the instruction. */
    readonly line: number;
    readonly endLine: number;
    readonly keyword: string;
    readonly args: string;
    readonly kind: 'layer' | 'metadata' | 'stage';
    /** The size of the layer this line made in the built image, when known. */
    readonly size?: string;
    readonly stage: number;
}

export interface DockerfileView {
    readonly file: string;
    /** The file's URI: the page keeps it (setState) so the panel is restored after a window reload. */
    readonly uri?: string;
    /** Absent when unchanged since the last message: the panel keeps the rows it has. */
    readonly rows?: readonly DockerfileRow[];
    /** Set when part of the file is not explained: what was left out, and why. */
    readonly omitted?: string;
    /** The image built from this file, if any: tag and total size. */
    readonly image?: { readonly tag: string; readonly size: string; readonly id: string };
    readonly build: { readonly state: 'idle' | 'running' | 'done' | 'error'; readonly log: string; readonly message?: string; readonly errorLine?: number };
    readonly canBuild: boolean;
    /** Why building is not possible (untrusted workspace, no engine). */
    readonly cannotBuild?: string;
    readonly strings: Readonly<Record<'title' | 'line' | 'instruction' | 'kind' | 'size' | 'build' | 'run' | 'buildLog' | 'total' | 'noImage' | 'cpus' | 'memory' | 'pids' | 'runHint' | 'stage', string>> & {
        /** "filesystem layer", "metadata only", "new build stage", by row kind. */
        readonly kinds: Readonly<Record<DockerfileRow['kind'], string>>;
    };
}

export type ToDockerfileWebview = { readonly type: 'view'; readonly view: DockerfileView } | { readonly type: 'highlight'; readonly line: number };

export type FromDockerfileWebview =
    | { readonly type: 'ready' }
    | { readonly type: 'reveal'; readonly line: number }
    | { readonly type: 'build' }
    | { readonly type: 'run'; readonly memory?: string; readonly cpus?: string; readonly pids?: string };

/** Short and plain; whether it is a valid limit is checked (and explained) by the extension. */
const LIMIT_RE = /^[0-9A-Za-z.]{1,16}$/;

export function parseFromDockerfileWebview(msg: unknown): FromDockerfileWebview | undefined {
    if (!isRecord(msg)) {
        return undefined;
    }
    switch (msg.type) {
        case 'ready':
        case 'build':
            return { type: msg.type };
        case 'reveal':
            return typeof msg.line === 'number' && Number.isInteger(msg.line) && msg.line >= 0 && msg.line < 1_000_000 ? { type: 'reveal', line: msg.line } : undefined;
        case 'run': {
            const out: { type: 'run'; memory?: string; cpus?: string; pids?: string } = { type: 'run' };
            for (const k of ['memory', 'cpus', 'pids'] as const) {
                const v = msg[k];
                if (v === undefined || v === '') {
                    continue;
                }
                if (typeof v !== 'string' || !LIMIT_RE.test(v)) {
                    return undefined;
                }
                out[k] = v;
            }
            return out;
        }
        default:
            return undefined;
    }
}

export function parseToDockerfileWebview(msg: unknown): ToDockerfileWebview | undefined {
    if (!isRecord(msg)) {
        return undefined;
    }
    if (msg.type === 'view' && isRecord(msg.view) && (msg.view.rows === undefined || Array.isArray(msg.view.rows)) && isRecord(msg.view.strings) && isRecord(msg.view.strings.kinds) && isRecord(msg.view.build)) {
        return msg as unknown as ToDockerfileWebview;
    }
    if (msg.type === 'highlight' && typeof msg.line === 'number' && Number.isInteger(msg.line) && msg.line >= 0) {
        return { type: 'highlight', line: msg.line };
    }
    return undefined;
}
