import vscode = require('vscode');
import { visibleItem } from './visibleItem';
import { Disposable } from '../common/disposable';
import { containerStatusText, healthWord, stateWord as stateWordIn } from '../common/containerStatusText';
import { formatMemory, formatPorts } from '../common/format';
import { containerCall, LIST_CONTAINERS_CALL } from '../docker/cli';
import { Engine } from '../docker/engine';
import { ContainerState, ContainerSummary } from '../docker/types';
import { NodeCache } from './nodeCache';
import { DockerSnapshot, RefreshManager } from '../model/refreshManager';

export type ContainerGroup = 'running' | 'paused' | 'stopped';

export class ContainerGroupNode {
    readonly kind = 'group';
    constructor(readonly group: ContainerGroup) {}
}

export class ContainerNode {
    readonly kind = 'container';
    constructor(
        readonly parent: ContainerGroupNode,
        /** Updated in place when the container changes within its group (the row refreshes alone). */
        public container: ContainerSummary,
    ) {}

    get label(): string {
        return this.container.name;
    }
}

/** Rows past the first page of a big group, collapsed until opened ("Older: 101–200"). */
export class ContainerPageNode {
    readonly kind = 'page';
    constructor(
        readonly parent: ContainerGroupNode,
        /** 1 for rows 101–200, 2 for 201–300, … */
        readonly index: number,
    ) {}
}

export type ContainersTreeNode = ContainerGroupNode | ContainerNode | ContainerPageNode;

/**
 * A group of more than PAGE_FROM rows shows its newest PAGE_SIZE rows, then collapsed pages of
 * PAGE_SIZE: a change in a group of thousands re-sends one page and the page rows, not every row.
 */
export const PAGE_SIZE = 100;
const PAGE_FROM = 150;

function sameContainer(a: ContainerSummary, b: ContainerSummary): boolean {
    return a.id === b.id && a.state === b.state && a.status === b.status && a.name === b.name && a.image === b.image && formatPorts(a.ports) === formatPorts(b.ports);
}

export function groupOf(state: ContainerState): ContainerGroup {
    return state === 'running' || state === 'restarting' ? 'running' : state === 'paused' ? 'paused' : 'stopped';
}

/** The state in words (never colour alone). */
export function stateWord(state: ContainerState): string {
    return stateWordIn(vscode.l10n, state);
}

/** The language durations are written in: the display language when the extension has its words. */
function wordsLanguage(): string {
    return vscode.l10n.bundle ? vscode.env.language : 'en';
}

/** What the row says about the state, in the display language (never the engine's English). */
export function statusText(c: ContainerSummary): string {
    return containerStatusText(vscode.l10n, wordsLanguage(), c).text;
}

function stateIcon(state: ContainerState, health?: string): vscode.ThemeIcon {
    if (health === 'unhealthy') {
        return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    }
    switch (state) {
        case 'running':
            return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
        case 'paused':
            return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground'));
        case 'restarting':
            return new vscode.ThemeIcon('sync');
        case 'dead':
            return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        case 'exited':
            return new vscode.ThemeIcon('vm-outline');
        default:
            return new vscode.ThemeIcon('vm');
    }
}

function groupLabel(g: ContainerGroup): string {
    return g === 'running' ? vscode.l10n.t('Running') : g === 'paused' ? vscode.l10n.t('Paused') : vscode.l10n.t('Stopped');
}

/** The `docker` commands behind the row's actions, for tooltips. */
export function containerActionsTip(tip: vscode.MarkdownString, c: ContainerSummary): void {
    const acts =
        c.state === 'running'
            ? (['stop', 'restart', 'pause', 'logs', 'exec'] as const)
            : c.state === 'paused'
              ? (['unpause', 'stop'] as const)
              : (['start', 'remove', 'logs'] as const);
    tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('What the actions run:'));
    const lines = acts.map((a) => {
        const call = containerCall(a, c.name);
        return `${call.cli}    # ${call.api}`;
    });
    tip.appendMarkdown('\n').appendCodeblock(lines.join('\n'), 'sh');
}

const GROUPS: readonly ContainerGroup[] = ['running', 'paused', 'stopped'];

export class ContainersTreeProvider extends Disposable implements vscode.TreeDataProvider<ContainersTreeNode> {
    private readonly changed = this.register(new vscode.EventEmitter<ContainersTreeNode | ContainersTreeNode[] | undefined>());
    readonly onDidChangeTreeData = this.changed.event;
    private readonly groups = new Map<ContainerGroup, ContainerGroupNode>(GROUPS.map((g) => [g, new ContainerGroupNode(g)]));
    private readonly caches = new Map<ContainerGroup, NodeCache<string, ContainerSummary, ContainerNode>>(
        GROUPS.map((g) => [g, new NodeCache<string, ContainerSummary, ContainerNode>(sameContainer, (c) => new ContainerNode(this.groups.get(g)!, c))]),
    );
    private byGroup = new Map<ContainerGroup, ContainerNode[]>();
    private readonly pages = new Map<string, ContainerPageNode>();
    private all: ContainerNode[] = [];

    constructor(
        refresh: RefreshManager,
        private readonly engine: Engine,
    ) {
        super();
        this.update(refresh.snapshot);
        this.register(refresh.onDidChange((s) => this.update(s)));
    }

    /**
     * Tells the tree only what changed: a row whose container changed within its group refreshes
     * alone; a group whose members or order changed refreshes with its rows; the root only when a
     * group appears or disappears.
     */
    private update(s: DockerSnapshot): void {
        const sorted = [...s.containers].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
        const next = new Map<ContainerGroup, ContainerNode[]>();
        let rootChanged = false;
        const fire: ContainersTreeNode[] = [];
        for (const g of GROUPS) {
            const { nodes, changed } = this.caches.get(g)!.updateInPlace(
                sorted.filter((c) => groupOf(c.state) === g),
                (c) => c.id,
                (node, c) => (node.container = c),
            );
            const old = this.byGroup.get(g) ?? [];
            if (!old.length !== !nodes.length) {
                rootChanged = true;
            } else if (nodes.length !== old.length || nodes.some((n, i) => n !== old[i])) {
                fire.push(this.groups.get(g)!);
            } else {
                fire.push(...changed);
            }
            next.set(g, nodes);
        }
        this.byGroup = next;
        this.all = GROUPS.flatMap((g) => next.get(g)!);
        if (rootChanged) {
            this.changed.fire(undefined);
        } else if (fire.length) {
            this.changed.fire(fire);
        }
    }

    /** Every container node, in tree order. */
    get items(): readonly ContainerNode[] {
        return this.all;
    }

    findById(id: string): ContainerNode | undefined {
        return this.all.find((n) => n.container.id === id || n.container.shortId === id);
    }

    private page(group: ContainerGroupNode, index: number): ContainerPageNode {
        const key = `${group.group}:${index}`;
        let p = this.pages.get(key);
        if (!p) {
            this.pages.set(key, (p = new ContainerPageNode(group, index)));
        }
        return p;
    }

    getParent(node: ContainersTreeNode): ContainersTreeNode | undefined {
        if (node.kind === 'page') {
            return node.parent;
        }
        if (node.kind !== 'container') {
            return undefined;
        }
        const rows = this.byGroup.get(node.parent.group) ?? [];
        const i = rows.indexOf(node);
        return rows.length > PAGE_FROM && i >= PAGE_SIZE ? this.page(node.parent, Math.floor(i / PAGE_SIZE)) : node.parent;
    }

    getChildren(element?: ContainersTreeNode): ContainersTreeNode[] {
        if (!element) {
            // groups with no containers are left out; an empty engine shows the welcome text
            return GROUPS.filter((g) => (this.byGroup.get(g) ?? []).length).map((g) => this.groups.get(g)!);
        }
        if (element.kind === 'page') {
            return (this.byGroup.get(element.parent.group) ?? []).slice(element.index * PAGE_SIZE, (element.index + 1) * PAGE_SIZE);
        }
        if (element.kind !== 'group') {
            return [];
        }
        const rows = this.byGroup.get(element.group) ?? [];
        if (rows.length <= PAGE_FROM) {
            return rows;
        }
        const pages = Array.from({ length: Math.ceil(rows.length / PAGE_SIZE) - 1 }, (_, i) => this.page(element, i + 1));
        return [...rows.slice(0, PAGE_SIZE), ...pages];
    }

    getTreeItem(node: ContainersTreeNode): vscode.TreeItem {
        return visibleItem(this.itemOf(node));
    }

    private itemOf(node: ContainersTreeNode): vscode.TreeItem {
        if (node.kind === 'page') {
            const total = (this.byGroup.get(node.parent.group) ?? []).length;
            const from = node.index * PAGE_SIZE + 1;
            const to = Math.min(total, from + PAGE_SIZE - 1);
            const item = new vscode.TreeItem(vscode.l10n.t('Older: {0}–{1}', from, to), vscode.TreeItemCollapsibleState.Collapsed);
            item.id = `page:${node.parent.group}:${node.index}`;
            item.description = vscode.l10n.t('of {0}', total);
            item.contextValue = 'containerPage';
            item.accessibilityInformation = { label: vscode.l10n.t('{0}: containers {1} to {2} of {3}, oldest last', groupLabel(node.parent.group), from, to, total) };
            return item;
        }
        if (node.kind === 'group') {
            const n = (this.byGroup.get(node.group) ?? []).length;
            const item = new vscode.TreeItem(groupLabel(node.group), vscode.TreeItemCollapsibleState.Expanded);
            item.id = `group:${node.group}`;
            item.description = String(n);
            item.contextValue = `containerGroup ${node.group}`;
            item.accessibilityInformation = { label: n === 1 ? vscode.l10n.t('{0}: 1 container', groupLabel(node.group)) : vscode.l10n.t('{0}: {1} containers', groupLabel(node.group), n) };
            return item;
        }
        const c = node.container;
        const status = containerStatusText(vscode.l10n, wordsLanguage(), c);
        const health = status.info.health;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `container:${c.id}`;
        const ports = formatPorts(c.ports);
        // built from the list's State and the parsed Status ("Exited (code 137) · 2 minutes ago"), in the
        // display language; the engine's own text only when its form is unknown
        item.description = [status.text, c.image, ports].filter(Boolean).join(' · ');
        item.iconPath = stateIcon(c.state, health);
        item.contextValue = `${c.state}Container container`;
        item.accessibilityInformation = { label: vscode.l10n.t('Container {0}, {1}, from image {2}', c.name, status.text, c.image) };
        return item;
    }

    /** Tooltips need `inspect` (host PID, limits): fetched only when the user hovers. */
    async resolveTreeItem(item: vscode.TreeItem, node: ContainersTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
        if (node.kind !== 'container') {
            return item;
        }
        const c = node.container;
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown(`**${vscode.l10n.t('Container')}** `).appendText(c.name);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('ID')}: ${c.shortId}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Image')}: ${c.image}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('State')}: ${statusText(c)}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Command')}: ${c.command}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Created')}: ${new Date(c.created * 1000).toLocaleString(wordsLanguage())}`);
        try {
            const controller = new AbortController();
            const sub = token.onCancellationRequested(() => controller.abort());
            const d = await this.engine.client().inspectContainer(c.id, { signal: controller.signal }).finally(() => sub.dispose());
            if (d.state.running && d.state.pid > 0) {
                tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Host PID: {0} — the host sees this container\'s main process as an ordinary process.', d.state.pid));
            }
            if (d.state.health) {
                tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Health')}: ${healthWord(vscode.l10n, d.state.health)}`);
            }
            if (d.state.oomKilled) {
                tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('The kernel killed it for using more memory than its limit (OOMKilled).'));
            }
            const limits: string[] = [];
            if (d.limits.memory > 0) {
                limits.push(vscode.l10n.t('memory {0}', formatMemory(d.limits.memory)));
            }
            if (d.limits.nanoCpus > 0) {
                limits.push(vscode.l10n.t('{0} CPUs', d.limits.nanoCpus / 1e9));
            } else if (d.limits.cpuQuota > 0 && d.limits.cpuPeriod > 0) {
                limits.push(vscode.l10n.t('{0} CPUs', d.limits.cpuQuota / d.limits.cpuPeriod));
            }
            if (d.limits.pidsLimit > 0) {
                limits.push(vscode.l10n.t('{0} processes', d.limits.pidsLimit));
            }
            tip.appendMarkdown('\n\n').appendText(limits.length ? `${vscode.l10n.t('cgroup limits')}: ${limits.join(', ')}` : vscode.l10n.t('No cgroup limits: it may use all the host\'s CPU and memory.'));
        } catch {
            // the tooltip stays useful without inspect
        }
        containerActionsTip(tip, c);
        tip.appendText(`${vscode.l10n.t('Same list in a terminal:')} ${LIST_CONTAINERS_CALL.cli}`);
        item.tooltip = tip;
        return visibleItem(item);
    }
}
