/**
 * Browser side of "Explain this Dockerfile": a table of the file's instructions (layer or metadata,
 * with layer sizes from the built image), build output, and "run with limits". Every string is put
 * in the page as text; messages are validated on arrival. The table is a virtual list
 * (lib/stepsTable.ts): a file of any size costs what a screenful does.
 */
import { DockerfileView, parseToDockerfileWebview } from '../src/protocol/panelProtocol';
import { StepsTable } from './lib/stepsTable';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const steps = new StepsTable((line) => vscode.postMessage({ type: 'reveal', line }));

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

function render(view: DockerfileView): void {
    const s = view.strings;
    // updates arrive on every Docker event and build line: keep what the user typed and where focus was
    const typed = new Map(Array.from(root.querySelectorAll<HTMLInputElement>('input')).map((i) => [i.id, i.value]));
    const active = document.activeElement as HTMLElement | null;
    const focusKey = steps.hasFocus() ? 'row' : active && root.contains(active) ? active.id || active.dataset.action : undefined;
    root.replaceChildren();
    root.setAttribute('aria-busy', 'false');
    root.append(el('h1', `${s.title}: ${view.file}`));
    if (view.omitted) {
        const note = el('p', view.omitted, 'note omitted');
        note.setAttribute('role', 'status');
        root.append(note);
    }
    // the same table element each time: its rows are reused, and only new rows are sent
    root.append(steps.element);
    steps.update(view);
    steps.restoreScroll();

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
        steps.focusRow();
    } else if (focusKey) {
        (document.getElementById(focusKey) ?? root.querySelector<HTMLElement>(`[data-action="${focusKey}"]`))?.focus();
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
        steps.highlight(msg.line);
    }
});

vscode.postMessage({ type: 'ready' });
