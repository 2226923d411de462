import vscode = require('vscode');
import { visibleItem } from './visibleItem';
import { Disposable } from '../common/disposable';
import { containerStatusText, healthWord } from '../common/containerStatusText';
import { containerActionsTip, groupLabel, stateIcon, statusText, wordsLanguage } from './containerWords';
import { formatMemory, formatPorts } from '../common/format';
import { LIST_CONTAINERS_CALL } from '../docker/cli';
import { Engine } from '../docker/engine';
import { ContainerDetails, ContainerState, ContainerSummary } from '../docker/types';
import { TooltipDetails } from './tooltipDetails';
import { NodeCache } from './nodeCache';
import { ContainerOlderNode, ContainerPageNode, PAGE_FROM, PAGE_SIZE, paged } from './containerPages';
import { ModelChange } from '../model/engineModel';
import { DockerSnapshot, RefreshManager } from '../model/refreshManager';

import type { ContainerGroup } from './containerWords';
export type { ContainerGroup };

export class ContainerGroupNode {
    readonly kind = 'group';
    constructor(readonly group: ContainerGroup) {}
}
export { ContainerOlderNode, ContainerPageNode, PAGE_SIZE };

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

export type ContainersTreeNode = ContainerGroupNode | ContainerNode | ContainerOlderNode | ContainerPageNode;


function sameContainer(a: ContainerSummary, b: ContainerSummary): boolean {
    return a.id === b.id && a.state === b.state && a.status === b.status && a.name === b.name && a.image === b.image && formatPorts(a.ports) === formatPorts(b.ports);
}

export function groupOf(state: ContainerState): ContainerGroup {
    return state === 'running' || state === 'restarting' ? 'running' : state === 'paused' ? 'paused' : 'stopped';
}

export { containerActionsTip, stateWord, statusText } from './containerWords';

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
    private readonly older = new Map<ContainerGroup, ContainerOlderNode>(GROUPS.map((g) => [g, new ContainerOlderNode(this.groups.get(g)!)]));
    private allCache: ContainerNode[] | undefined;
    private byId = new Map<string, ContainerNode>();
    /** Inspected tooltip details: the first hover shows the list's facts at once (tooltipDetails.ts). */
    private readonly details = new TooltipDetails<ContainerDetails>((id) => this.changed.fire(this.byId.get(id) ?? []));

    constructor(
        refresh: RefreshManager,
        private readonly engine: Engine,
    ) {
        super();
        this.update(refresh.snapshot);
        // a full read replaces everything; a change set touches only the containers it names
        this.register(refresh.onDidChange((c) => (c.full ? this.update(refresh.snapshot) : this.apply(c, refresh.model.containers))));
    }

    /** Newest first, then by name: the order of every group. */
    private static before(a: ContainerSummary, b: ContainerSummary): number {
        return b.created - a.created || a.name.localeCompare(b.name);
    }

    /**
     * Applies one change set without looking at the other containers: each row is removed, patched in
     * place or inserted at its sorted place (binary search), and only those rows or their groups are
     * announced. Work per event does not grow with the number of containers.
     */
    private apply(change: ModelChange, containers: ReadonlyMap<string, ContainerSummary>): void {
        const { added, updated, removed } = change.containers;
        if (!added.length && !updated.length && !removed.length) {
            return;
        }
        const nonEmptyBefore = GROUPS.map((g) => (this.byGroup.get(g) ?? []).length > 0);
        const groups = new Set<ContainerGroup>();
        const rows = new Set<ContainerNode>();
        const take = (node: ContainerNode) => {
            const list = this.byGroup.get(node.parent.group) ?? [];
            const i = list.indexOf(node);
            if (i >= 0) {
                list.splice(i, 1);
            }
            this.byId.delete(node.container.id);
            groups.add(node.parent.group);
        };
        const put = (c: ContainerSummary) => {
            const g = groupOf(c.state);
            const list = this.byGroup.get(g) ?? [];
            this.byGroup.set(g, list);
            let lo = 0;
            let hi = list.length;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (ContainersTreeProvider.before(list[mid].container, c) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            const node = new ContainerNode(this.groups.get(g)!, c);
            list.splice(lo, 0, node);
            this.byId.set(c.id, node);
            groups.add(g);
        };
        for (const id of removed) {
            const node = this.byId.get(id);
            if (node) {
                take(node);
            }
        }
        for (const id of [...added, ...updated]) {
            const c = containers.get(id);
            const node = this.byId.get(id);
            if (!c) {
                continue;
            }
            if (node && node.parent.group === groupOf(c.state) && node.container.created === c.created && node.container.name === c.name) {
                if (!sameContainer(node.container, c)) {
                    node.container = c;
                    rows.add(node);
                }
            } else {
                if (node) {
                    take(node);
                }
                put(c);
            }
        }
        this.allCache = undefined;
        const nonEmptyAfter = GROUPS.map((g) => (this.byGroup.get(g) ?? []).length > 0);
        if (nonEmptyAfter.some((v, i) => v !== nonEmptyBefore[i])) {
            this.changed.fire(undefined);
            return;
        }
        const fire: ContainersTreeNode[] = [...groups].map((g) => this.groups.get(g)!);
        rows.forEach((r) => !groups.has(r.parent.group) && fire.push(r));
        if (fire.length) {
            this.changed.fire(fire);
        }
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
        this.allCache = undefined;
        this.byId = new Map(GROUPS.flatMap((g) => next.get(g)!).map((n) => [n.container.id, n]));
        if (rootChanged) {
            this.changed.fire(undefined);
        } else if (fire.length) {
            this.changed.fire(fire);
        }
    }

    /** Every container node, in tree order (built when asked). */
    get items(): readonly ContainerNode[] {
        this.allCache ??= GROUPS.flatMap((g) => this.byGroup.get(g) ?? []);
        return this.allCache;
    }

    findById(id: string): ContainerNode | undefined {
        return this.byId.get(id) ?? this.items.find((n) => n.container.shortId === id);
    }

    private page(group: ContainerGroupNode, index: number): ContainerPageNode {
        const key = `${group.group}:${index}`;
        let p = this.pages.get(key);
        if (!p) {
            this.pages.set(key, (p = new ContainerPageNode(this.older.get(group.group)!, index)));
        }
        return p;
    }

    getParent(node: ContainersTreeNode): ContainersTreeNode | undefined {
        if (node.kind === 'page' || node.kind === 'older') {
            return node.parent;
        }
        if (node.kind !== 'container') {
            return undefined;
        }
        const rows = this.byGroup.get(node.parent.group) ?? [];
        const i = rows.indexOf(node);
        if (rows.length <= PAGE_FROM || i < PAGE_SIZE) {
            return node.parent;
        }
        return paged(rows.length) ? this.page(node.parent, Math.floor(i / PAGE_SIZE)) : this.older.get(node.parent.group);
    }

    getChildren(element?: ContainersTreeNode): ContainersTreeNode[] {
        if (!element) {
            // groups with no containers are left out; an empty engine shows the welcome text
            return GROUPS.filter((g) => (this.byGroup.get(g) ?? []).length).map((g) => this.groups.get(g)!);
        }
        if (element.kind === 'page') {
            return (this.byGroup.get(element.parent.parent.group) ?? []).slice(element.index * PAGE_SIZE, (element.index + 1) * PAGE_SIZE);
        }
        if (element.kind === 'older') {
            const rows = this.byGroup.get(element.parent.group) ?? [];
            return paged(rows.length) ? Array.from({ length: Math.ceil(rows.length / PAGE_SIZE) - 1 }, (_, i) => this.page(element.parent, i + 1)) : rows.slice(PAGE_SIZE);
        }
        if (element.kind !== 'group') {
            return [];
        }
        const rows = this.byGroup.get(element.group) ?? [];
        return rows.length <= PAGE_FROM ? rows : [...rows.slice(0, PAGE_SIZE), this.older.get(element.group)!];
    }

    getTreeItem(node: ContainersTreeNode): vscode.TreeItem {
        return visibleItem(this.itemOf(node));
    }

    private itemOf(node: ContainersTreeNode): vscode.TreeItem {
        if (node.kind === 'page' || node.kind === 'older') {
            const group = node.kind === 'page' ? node.parent.parent.group : node.parent.group;
            const total = (this.byGroup.get(group) ?? []).length;
            const from = node.kind === 'page' ? node.index * PAGE_SIZE + 1 : PAGE_SIZE + 1;
            const to = node.kind === 'page' ? Math.min(total, from + PAGE_SIZE - 1) : total;
            const item = new vscode.TreeItem(vscode.l10n.t('Older: {0}–{1}', from, to), vscode.TreeItemCollapsibleState.Collapsed);
            item.id = node.kind === 'page' ? `page:${group}:${node.index}` : `older:${group}`;
            item.description = vscode.l10n.t('of {0}', total);
            item.contextValue = 'containerPage';
            item.accessibilityInformation = { label: vscode.l10n.t('{0}: containers {1} to {2} of {3}, oldest last', groupLabel(group), from, to, total) };
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

    /** Tooltips: the list's facts at once; `inspect` (host PID, limits) when it answers (tooltipDetails.ts). */
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
        // (the inspect is not cancelled with the hover: its answer is kept for the next one)
        const d = token.isCancellationRequested ? undefined : await this.details.get(c.id, `${c.state}|${c.status}`, () => this.engine.client().inspectContainer(c.id));
        if (d) {
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
        } else if (this.details.pending(c.id)) {
            tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Asking the engine for its host PID and limits… hover again in a moment.'));
        }
        containerActionsTip(tip, c);
        tip.appendText(`${vscode.l10n.t('Same list in a terminal:')} ${LIST_CONTAINERS_CALL.cli}`);
        item.tooltip = tip;
        return visibleItem(item);
    }
}
