/**
 * The lesson panel's browser side. Protocol (src/protocol/panelProtocol.ts): post `ready` once; the
 * extension answers with one `render`, then a `live` message (the whole view of one demo) whenever a
 * demo changes. Every message is validated (`parseToWebview`, then field by field) and every string
 * goes into the page as text. Buttons, row buttons and choices post `action`. The lesson id and the
 * scroll position are kept with `setState`, so a panel that was hidden and reloaded comes back where
 * the learner was.
 */
import { FromWebview, LiveView, PanelState, parseFromWebview, parsePanelState, parseToWebview } from '../src/protocol/panelProtocol';
import { renderLesson, RenderedLesson } from './lib/blocks';
import { lightEdges } from './lib/diagram';
import { h } from './lib/dom';
import { normalizeLive, normalizeRender, RenderMessage } from './lib/normalize';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** May be called only once per page. */
const vscode = acquireVsCodeApi();

/** Where the learner was before the panel was reloaded; used by the first render of that lesson. */
let saved = parsePanelState(vscode.getState());
let current: { readonly msg: RenderMessage; readonly page: RenderedLesson } | undefined;
/** The latest view of each demo (kept across a re-render of the same lesson). */
const views = new Map<string, LiveView>();

const root = document.getElementById('root') ?? document.body.appendChild(h('main', { id: 'root' }));

// ---- state and scroll --------------------------------------------------------------------------

/** A scroll position still to reach: the page grows as live views arrive after the render. */
let pendingScroll: { y: number; until: number } | undefined;

function saveState(): void {
    if (!current) {
        return;
    }
    const y = pendingScroll ? pendingScroll.y : window.scrollY;
    vscode.setState({ lessonId: current.msg.lessonId, scrollY: Math.max(0, Math.round(y)) });
}

function tryPendingScroll(): void {
    if (!pendingScroll) {
        return;
    }
    if (Date.now() > pendingScroll.until) {
        pendingScroll = undefined;
        return;
    }
    window.scrollTo(0, pendingScroll.y);
    if (Math.abs(window.scrollY - pendingScroll.y) < 2) {
        pendingScroll = undefined;
    }
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
    'scroll',
    () => {
        if (scrollTimer !== undefined) {
            return;
        }
        scrollTimer = setTimeout(() => {
            scrollTimer = undefined;
            saveState();
        }, 200);
    },
    { passive: true },
);
// Once the learner scrolls or types, their position wins over the one being restored.
for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
    window.addEventListener(type, () => (pendingScroll = undefined), { passive: true, capture: true });
}

// ---- messages ----------------------------------------------------------------------------------

function post(demo: string, action: string, arg?: string): void {
    // Checked with the extension's own rule first, so the page never sends what would be refused.
    const msg = parseFromWebview(arg === undefined ? { type: 'action', demo, action } : { type: 'action', demo, action, arg });
    if (msg) {
        vscode.postMessage(msg);
    } else {
        console.warn('docker-lessons: not sent, invalid action', action);
    }
}

function relight(): void {
    if (!current) {
        return;
    }
    const lit = new Set<number>();
    for (const v of views.values()) {
        v.litSteps?.forEach((n) => lit.add(n));
    }
    lightEdges(current.page.edges, lit, current.msg.strings);
}

function onRender(msg: RenderMessage): void {
    const sameLesson = current?.msg.lessonId === msg.lessonId;
    // Build the whole page first: nothing on screen changes unless it all worked.
    const page = renderLesson(msg, { strings: msg.strings, post });
    if (current && !sameLesson) {
        // Another lesson: the views kept so far belong to the old one (views that arrived before
        // the first render are kept: they are for this one).
        views.clear();
    }
    const hadLesson = current !== undefined;
    current = { msg, page };
    root.replaceChildren(page.article);
    root.setAttribute('aria-busy', 'false');
    if (msg.lang) {
        document.documentElement.lang = msg.lang;
    }
    document.title = msg.title;
    for (const [demo, areas] of page.areas) {
        areas.forEach((a) => a.update(views.get(demo)));
    }
    relight();
    if (saved && saved.lessonId === msg.lessonId && saved.scrollY) {
        pendingScroll = { y: saved.scrollY, until: Date.now() + 5000 };
        tryPendingScroll();
    } else if (hadLesson && !sameLesson) {
        window.scrollTo(0, 0);
    }
    saved = undefined;
    saveState();
}

function onLive(view: LiveView): void {
    views.set(view.demo, view);
    current?.page.areas.get(view.demo)?.forEach((a) => a.update(view));
    relight();
    tryPendingScroll();
}

window.addEventListener('message', (event: MessageEvent) => {
    const msg = parseToWebview(event.data);
    if (!msg) {
        return;
    }
    try {
        if (msg.type === 'render') {
            const checked = normalizeRender(msg);
            if (checked) {
                onRender(checked);
            }
        } else {
            const checked = normalizeLive(msg.view);
            if (checked) {
                onLive(checked);
            }
        }
    } catch (e) {
        console.error('docker-lessons: could not show a message', e);
    }
});

vscode.postMessage({ type: 'ready' });
