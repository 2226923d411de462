import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { ContainerState, ContainerSummary } from '../docker/types';
import { NodeCache } from './nodeCache';
import { DockerSnapshot, RefreshManager } from './refreshManager';

export class ContainerNode {
    readonly kind = 'container';
    constructor(readonly container: ContainerSummary) {}

    get label(): string {
        return this.container.name;
    }
}

function sameContainer(a: ContainerSummary, b: ContainerSummary): boolean {
    return a.id === b.id && a.state === b.state && a.status === b.status && a.name === b.name && a.image === b.image;
}

/** The state in words (never colour alone). */
export function stateWord(state: ContainerState): string {
    switch (state) {
        case 'running':
            return vscode.l10n.t('running');
        case 'paused':
            return vscode.l10n.t('paused');
        case 'restarting':
            return vscode.l10n.t('restarting');
        case 'removing':
            return vscode.l10n.t('removing');
        case 'exited':
            return vscode.l10n.t('exited');
        case 'dead':
            return vscode.l10n.t('dead');
        default:
            return vscode.l10n.t('created');
    }
}

function stateIcon(state: ContainerState): vscode.ThemeIcon {
    switch (state) {
        case 'running':
            return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
        case 'paused':
            return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('editorWarning.foreground'));
        case 'restarting':
            return new vscode.ThemeIcon('sync');
        case 'dead':
            return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        case 'exited':
            return new vscode.ThemeIcon('vm-outline');
        default:
            return new vscode.ThemeIcon('vm');
    }
}

export class ContainersTreeProvider extends Disposable implements vscode.TreeDataProvider<ContainerNode> {
    private readonly changed = this.register(new vscode.EventEmitter<ContainerNode | undefined>());
    readonly onDidChangeTreeData = this.changed.event;
    private readonly cache = new NodeCache<string, ContainerSummary, ContainerNode>(sameContainer, (c) => new ContainerNode(c));
    private nodes: ContainerNode[] = [];

    constructor(refresh: RefreshManager) {
        super();
        this.update(refresh.snapshot);
        this.register(refresh.onDidChange((s) => this.update(s)));
    }

    private update(s: DockerSnapshot): void {
        const sorted = [...s.containers].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
        const next = this.cache.update(sorted, (c) => c.id);
        if (next.length !== this.nodes.length || next.some((n, i) => n !== this.nodes[i])) {
            this.nodes = next;
            this.changed.fire(undefined);
        }
    }

    get items(): readonly ContainerNode[] {
        return this.nodes;
    }

    getChildren(element?: ContainerNode): ContainerNode[] {
        return element ? [] : this.nodes;
    }

    getTreeItem(node: ContainerNode): vscode.TreeItem {
        const c = node.container;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `container:${c.id}`;
        item.description = `${stateWord(c.state)} · ${c.image}`;
        item.iconPath = stateIcon(c.state);
        item.contextValue = `${c.state}Container`;
        const tip = new vscode.MarkdownString(undefined, true);
        tip.appendMarkdown(`**${vscode.l10n.t('Container')}** `).appendText(c.name);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('ID')}: ${c.shortId}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Image')}: ${c.image}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('State')}: ${stateWord(c.state)} (${c.status})`);
        tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Same list in a terminal:')).appendMarkdown('\n').appendCodeblock('docker ps -a', 'sh');
        item.tooltip = tip;
        item.accessibilityInformation = { label: vscode.l10n.t('Container {0}, {1}, from image {2}', c.name, stateWord(c.state), c.image) };
        return item;
    }
}
