import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { imageLabel } from '../docker/mapping';
import { ImageSummary } from '../docker/types';
import { NodeCache } from './nodeCache';
import { DockerSnapshot, RefreshManager } from './refreshManager';

export class ImageNode {
    readonly kind = 'image';
    constructor(readonly image: ImageSummary) {}

    get label(): string {
        return imageLabel(this.image);
    }
}

function sameImage(a: ImageSummary, b: ImageSummary): boolean {
    return a.id === b.id && a.repoTags.join() === b.repoTags.join() && a.size === b.size;
}

export class ImagesTreeProvider extends Disposable implements vscode.TreeDataProvider<ImageNode> {
    private readonly changed = this.register(new vscode.EventEmitter<ImageNode | undefined>());
    readonly onDidChangeTreeData = this.changed.event;
    private readonly cache = new NodeCache<string, ImageSummary, ImageNode>(sameImage, (i) => new ImageNode(i));
    private nodes: ImageNode[] = [];

    constructor(refresh: RefreshManager) {
        super();
        this.update(refresh.snapshot);
        this.register(refresh.onDidChange((s) => this.update(s)));
    }

    private update(s: DockerSnapshot): void {
        const sorted = [...s.images].sort((a, b) => imageLabel(a).localeCompare(imageLabel(b)) || b.created - a.created);
        const next = this.cache.update(sorted, (i) => i.id);
        if (next.length !== this.nodes.length || next.some((n, i) => n !== this.nodes[i])) {
            this.nodes = next;
            this.changed.fire(undefined);
        }
    }

    get items(): readonly ImageNode[] {
        return this.nodes;
    }

    getChildren(element?: ImageNode): ImageNode[] {
        return element ? [] : this.nodes;
    }

    getTreeItem(node: ImageNode): vscode.TreeItem {
        const img = node.image;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `image:${img.id}`;
        const extraTags = img.repoTags.length > 1 ? ` ${vscode.l10n.t('(+{0} tags)', img.repoTags.length - 1)}` : '';
        item.description = img.dangling ? `${img.shortId} · ${vscode.l10n.t('dangling')}` : `${img.shortId}${extraTags}`;
        item.iconPath = new vscode.ThemeIcon(img.dangling ? 'file-binary' : 'package');
        item.contextValue = img.dangling ? 'danglingImage' : 'image';
        const tip = new vscode.MarkdownString(undefined, true);
        tip.appendMarkdown(`**${vscode.l10n.t('Image')}** `).appendText(node.label);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('ID')}: ${img.shortId}`);
        if (img.repoTags.length > 1) {
            tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Tags')}: ${img.repoTags.join(', ')}`);
        }
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Created')}: ${new Date(img.created * 1000).toLocaleString()}`);
        tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Same list in a terminal:')).appendMarkdown('\n').appendCodeblock('docker image ls', 'sh');
        item.tooltip = tip;
        item.accessibilityInformation = { label: vscode.l10n.t('Image {0}, id {1}', node.label, img.shortId) };
        return item;
    }
}
