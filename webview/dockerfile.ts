/**
 * Browser side of "Explain this Dockerfile": a table of the file's instructions (layer or metadata,
 * with layer sizes from the built image), build output, and "run with limits". Every string is put
 * in the page as text; messages are validated on arrival.
 */
import { DockerfileView, parseToDockerfileWebview } from '../src/protocol/panelProtocol';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let current: DockerfileView | undefined;
let highlighted = -1;

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
    current = view;
    const s = view.strings;
    // updates arrive on every Docker event and build line: keep what the user typed and where focus was
    const typed = new Map(Array.from(root.querySelectorAll<HTMLInputElement>('input')).map((i) => [i.id, i.value]));
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && root.contains(active) ? (active.id || (active.dataset.line !== undefined ? `line:${active.dataset.line}` : active.dataset.action)) : undefined;
    root.replaceChildren();
    root.setAttribute('aria-busy', 'false');
    root.append(el('h1', `${s.title}: ${view.file}`));

    const table = el('table', undefined, 'steps');
    table.append(el('caption', view.image ? `${view.image.tag} — ${s.total} ${view.image.size}` : s.noImage));
    const head = el('tr');
    for (const c of [s.line, s.instruction, s.kind, s.size]) {
        const th = el('th', c);
        th.scope = 'col';
        head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const row of view.rows) {
        const tr = el('tr', undefined, `row kind-${row.kind}`);
        tr.dataset.line = String(row.line);
        tr.tabIndex = 0;
        tr.setAttribute('role', 'button');
        tr.setAttribute('aria-label', `${s.line} ${row.line + 1}: ${row.keyword} ${row.args} — ${row.kindLabel}${row.size ? `, ${row.size}` : ''}`);
        tr.append(el('td', String(row.line + 1), 'num'));
        const ins = el('td');
        ins.append(el('code', row.keyword, 'kw'), document.createTextNode(' '), el('span', row.args.length > 160 ? `${row.args.slice(0, 159)}…` : row.args, 'args'));
        tr.append(ins, el('td', row.kindLabel, 'kind'), el('td', row.size ?? '—', 'size'));
        const reveal = () => vscode.postMessage({ type: 'reveal', line: row.line });
        tr.addEventListener('click', reveal);
        tr.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                reveal();
            }
        });
        if (view.build.errorLine !== undefined && view.build.errorLine === row.line) {
            tr.classList.add('failed');
            tr.setAttribute('aria-label', `${tr.getAttribute('aria-label')} — ${view.build.message ?? ''}`);
        }
        body.append(tr);
    }
    table.append(body);
    root.append(table);

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
    if (focusKey) {
        const target = focusKey.startsWith('line:')
            ? root.querySelector<HTMLElement>(`tr[data-line="${focusKey.slice(5)}"]`)
            : (document.getElementById(focusKey) ?? root.querySelector<HTMLElement>(`[data-action="${focusKey}"]`));
        target?.focus();
    }
    highlight(highlighted);
}

function highlight(line: number): void {
    highlighted = line;
    for (const tr of Array.from(root.querySelectorAll<HTMLTableRowElement>('tr.row'))) {
        const row = current?.rows.find((r) => String(r.line) === tr.dataset.line);
        const on = !!row && line >= row.line && line <= row.endLine;
        tr.classList.toggle('current', on);
        tr.setAttribute('aria-current', on ? 'true' : 'false');
        if (on) {
            tr.scrollIntoView({ block: 'nearest' });
        }
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
