/**
 * Browser side of "Explain this Dockerfile": a table of the file's instructions (layer or metadata,
 * with layer sizes from the built image), build output, and "run with limits". Every string is put
 * in the page as text; messages are validated on arrival. The table is a virtual list
 * (lib/stepsTable.ts): a file of any size costs what a screenful does.
 */
import { DockerfileView, parseToDockerfileWebview } from '../src/protocol/panelProtocol';
import { StepsTable } from './lib/stepsTable';
import { TerminalView } from './lib/terminal';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const steps = new StepsTable((line) => vscode.postMessage({ type: 'reveal', line }));

/**
 * The build's section is one element kept across renders: its state line is a polite status (said
 * when it changes, not on every build line) and the log is rendered as a terminal shows it, fed
 * incrementally, not announced (a learner reads it on demand), and its selection survives updates.
 */
const buildLog = new (class {
    readonly section = el('section');
    private readonly heading = el('h2');
    private readonly message = el('p', undefined, 'message');
    private readonly pre = el('pre');
    private readonly terminal = new TerminalView(this.pre);
    constructor() {
        this.message.setAttribute('role', 'status');
        this.pre.setAttribute('aria-live', 'off');
        this.pre.tabIndex = 0;
        const id = 'build-log-heading';
        this.heading.id = id;
        this.pre.setAttribute('aria-labelledby', id);
        this.section.append(this.heading, this.message, this.pre);
    }
    show(view: DockerfileView, heading: string): HTMLElement {
        this.section.className = `build ${view.build.state}`;
        if (this.heading.textContent !== heading) {
            this.heading.textContent = heading;
        }
        const message = view.build.message ?? '';
        if (this.message.textContent !== message) {
            this.message.textContent = message;
        }
        this.message.hidden = message === '';
        const pre = this.pre;
        const follow = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
        this.terminal.show(view.build.log);
        if (follow) {
            pre.scrollTop = pre.scrollHeight;
        }
        return this.section;
    }
})();

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
        root.append(buildLog.show(view, s.buildLog));
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
        if (typeof msg.view.uri === 'string') {
            // remembered by VS Code with the panel: after a window reload the panel reopens for this file
            vscode.setState({ uri: msg.view.uri });
        }
        render(msg.view);
    } else {
        steps.highlight(msg.line);
    }
});

vscode.postMessage({ type: 'ready' });
