import vscode = require('vscode');
import { visibleItem } from './visibleItem';
import { Disposable } from '../common/disposable';
import { formatAge, formatBytes } from '../common/format';
import { instancesSentence } from '../common/instanceWords';
import { imageCall, LIST_IMAGES_CALL } from '../docker/cli';
import { Engine } from '../docker/engine';
import { imageLabel } from '../docker/mapping';
import { ContainerSummary, ImageDetails, ImageSummary, LayerInfo } from '../docker/types';
import { TooltipDetails } from './tooltipDetails';
import { stateWord } from './containersTree';
import { layerInstruction, layerRowText, layersExplanation } from './layerText';
import { NodeCache } from './nodeCache';
import { EngineModel, ModelChange } from '../model/engineModel';
import { DockerSnapshot, RefreshManager } from '../model/refreshManager';

export class ImageNode {
    readonly kind = 'image';
    /** Updated in place when the image changes but keeps its place (the row refreshes alone). */
    constructor(public image: ImageSummary) {}

    get label(): string {
        return imageLabel(this.image);
    }
}

/** A container created from the image: the image's instance. */
export class InstanceNode {
    readonly kind = 'instance';
    constructor(
        readonly parent: ImageNode,
        readonly container: ContainerSummary,
    ) {}
}

export class LayersNode {
    readonly kind = 'layers';
    constructor(readonly parent: ImageNode) {}
}

export class LayerNode {
    readonly kind = 'layer';
    constructor(
        readonly parent: LayersNode,
        readonly layer: LayerInfo,
        readonly index: number,
    ) {}
}

export class ImageMessageNode {
    readonly kind = 'message';
    constructor(
        readonly parent: LayersNode,
        readonly text: string,
    ) {}
}

export type ImagesTreeNode = ImageNode | InstanceNode | LayersNode | LayerNode | ImageMessageNode;

function sameImage(a: ImageSummary, b: ImageSummary): boolean {
    return a.id === b.id && a.repoTags.join() === b.repoTags.join() && a.size === b.size && a.created === b.created;
}

function sameInstance(a: ContainerSummary, b: ContainerSummary): boolean {
    return a.id === b.id && a.state === b.state && a.name === b.name;
}

export class ImagesTreeProvider extends Disposable implements vscode.TreeDataProvider<ImagesTreeNode> {
    private readonly changed = this.register(new vscode.EventEmitter<ImagesTreeNode | ImagesTreeNode[] | undefined>());
    readonly onDidChangeTreeData = this.changed.event;
    private readonly cache = new NodeCache<string, ImageSummary, ImageNode>(sameImage, (i) => new ImageNode(i));
    private readonly instanceCaches = new Map<string, NodeCache<string, ContainerSummary, InstanceNode>>();
    private readonly layersNodes = new WeakMap<ImageNode, LayersNode>();
    /** History never changes for an image id; keep it while the image exists. */
    private readonly history = new Map<string, Promise<LayerInfo[]>>();
    private nodes: ImageNode[] = [];
    private containersByImage = new Map<string, readonly ContainerSummary[]>();
    private imageOfContainer = new Map<string, string>();
    private nodeById = new Map<string, ImageNode>();
    /** Inspected tooltip details: the first hover shows the list's facts at once (tooltipDetails.ts). */
    private readonly details = new TooltipDetails<ImageDetails>((id) => this.changed.fire(this.nodeById.get(id) ?? []));

    constructor(
        refresh: RefreshManager,
        private readonly engine: Engine,
        private readonly language: string,
    ) {
        super();
        this.update(refresh.snapshot);
        // container changes touch only the images they were made from; image changes re-sort the list
        this.register(
            refresh.onDidChange((c) => {
                const images = c.images.added.length + c.images.updated.length + c.images.removed.length;
                if (c.full || images) {
                    this.update(refresh.snapshot);
                } else {
                    this.applyContainers(c, refresh.model);
                }
            }),
        );
    }

    /** The images whose instances a container change set touched: only those rows are announced. */
    private applyContainers(change: ModelChange, model: EngineModel): void {
        const touched = new Set<string>();
        for (const id of [...change.containers.added, ...change.containers.updated, ...change.containers.removed]) {
            const before = this.imageOfContainer.get(id);
            const now = model.containers.get(id)?.imageId;
            for (const imageId of [before, now]) {
                if (imageId) {
                    touched.add(imageId);
                }
            }
            if (now) {
                this.imageOfContainer.set(id, now);
            } else {
                this.imageOfContainer.delete(id);
            }
        }
        const rows: ImagesTreeNode[] = [];
        for (const imageId of touched) {
            const old = this.containersByImage.get(imageId) ?? [];
            const list = model.instancesOf(imageId);
            if (list.length) {
                this.containersByImage.set(imageId, list);
            } else {
                this.containersByImage.delete(imageId);
            }
            const node = this.nodeById.get(imageId);
            if (node && (old.length !== list.length || list.some((c, i) => !sameInstance(c, old[i])))) {
                rows.push(node);
            }
        }
        if (rows.length) {
            this.changed.fire(rows);
        }
    }

    private update(s: DockerSnapshot): void {
        const byImage = new Map<string, ContainerSummary[]>();
        for (const c of s.containers) {
            const list = byImage.get(c.imageId) ?? [];
            list.push(c);
            byImage.set(c.imageId, list);
        }
        // the images whose instances changed: only their rows (and children) are refreshed
        const instancesChanged = new Set<string>([...this.containersByImage.keys()].filter((id) => !byImage.has(id)));
        for (const [id, list] of byImage) {
            const old = this.containersByImage.get(id);
            if (!old || old.length !== list.length || list.some((c, i) => !sameInstance(c, old[i]))) {
                instancesChanged.add(id);
            }
        }
        this.containersByImage = byImage;
        this.imageOfContainer = new Map(s.containers.map((c) => [c.id, c.imageId]));
        const sorted = [...s.images].sort((a, b) => imageLabel(a).localeCompare(imageLabel(b)) || b.created - a.created);
        const { nodes: next, changed } = this.cache.updateInPlace(
            sorted,
            (i) => i.id,
            (node, image) => (node.image = image),
        );
        const ids = new Set(next.map((n) => n.image.id));
        for (const id of new Set([...this.history.keys(), ...this.instanceCaches.keys()])) {
            if (!ids.has(id)) {
                this.history.delete(id);
                this.instanceCaches.delete(id);
            }
        }
        this.nodeById = new Map(next.map((n) => [n.image.id, n]));
        if (next.length !== this.nodes.length || next.some((n, i) => n !== this.nodes[i])) {
            this.nodes = next;
            this.changed.fire(undefined);
            return;
        }
        const rows = new Set<ImagesTreeNode>(changed);
        next.filter((n) => instancesChanged.has(n.image.id)).forEach((n) => rows.add(n));
        if (rows.size) {
            this.changed.fire([...rows]);
        }
    }

    get items(): readonly ImageNode[] {
        return this.nodes;
    }

    /** Containers created from this image (from the last list). */
    instancesOf(imageId: string): readonly ContainerSummary[] {
        return this.containersByImage.get(imageId) ?? [];
    }

    private layersNode(node: ImageNode): LayersNode {
        let n = this.layersNodes.get(node);
        if (!n) {
            n = new LayersNode(node);
            this.layersNodes.set(node, n);
        }
        return n;
    }

    layers(imageId: string): Promise<LayerInfo[]> {
        let p = this.history.get(imageId);
        if (!p) {
            p = this.engine.client().imageHistory(imageId);
            this.history.set(imageId, p);
            p.catch(() => this.history.delete(imageId));
        }
        return p;
    }

    getParent(node: ImagesTreeNode): ImagesTreeNode | undefined {
        return node.kind === 'image' ? undefined : node.parent;
    }

    async getChildren(element?: ImagesTreeNode): Promise<ImagesTreeNode[]> {
        if (!element) {
            return this.nodes;
        }
        if (element.kind === 'image') {
            let cache = this.instanceCaches.get(element.image.id);
            if (!cache) {
                cache = new NodeCache<string, ContainerSummary, InstanceNode>(sameInstance, (c) => new InstanceNode(element, c));
                this.instanceCaches.set(element.image.id, cache);
            }
            const instances = cache.update(this.instancesOf(element.image.id), (c) => c.id);
            return [...instances, this.layersNode(element)];
        }
        if (element.kind === 'layers') {
            try {
                const layers = await this.layers(element.parent.image.id);
                return layers.map((l, i) => new LayerNode(element, l, i));
            } catch (e) {
                return [new ImageMessageNode(element, vscode.l10n.t('Could not read the layers: {0}', e instanceof Error ? e.message : String(e)))];
            }
        }
        return [];
    }

    getTreeItem(node: ImagesTreeNode): vscode.TreeItem {
        return visibleItem(this.itemOf(node));
    }

    private itemOf(node: ImagesTreeNode): vscode.TreeItem {
        switch (node.kind) {
            case 'image':
                return this.imageItem(node);
            case 'instance': {
                const c = node.container;
                const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
                item.id = `image:${node.parent.image.id}/instance:${c.id}`;
                item.description = vscode.l10n.t('container (instance) · {0}', stateWord(c.state));
                item.iconPath = new vscode.ThemeIcon(c.state === 'running' ? 'vm-running' : 'vm-outline');
                item.tooltip = vscode.l10n.t('Container {0} was created from this image: it is one instance of it.', c.name);
                item.contextValue = `${c.state}Container instance`;
                return item;
            }
            case 'layers': {
                const item = new vscode.TreeItem(vscode.l10n.t('Layers'), vscode.TreeItemCollapsibleState.Collapsed);
                item.id = `image:${node.parent.image.id}/layers`;
                item.iconPath = new vscode.ThemeIcon('layers');
                const tip = new vscode.MarkdownString();
                tip.appendText(layersExplanation(vscode.l10n));
                tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Same list in a terminal:')).appendMarkdown('\n').appendCodeblock(imageCall('history', node.parent.label).cli, 'sh');
                item.tooltip = tip;
                item.contextValue = 'layers';
                return item;
            }
            case 'layer': {
                const l = node.layer;
                const row = layerRowText(l, vscode.l10n);
                const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
                item.id = `image:${node.parent.parent.image.id}/layer:${node.index}`;
                item.description = row.description;
                item.iconPath = new vscode.ThemeIcon(row.icon);
                const tip = new vscode.MarkdownString();
                tip.appendCodeblock(layerInstruction(l) || row.label, 'dockerfile');
                tip.appendText(row.tooltip);
                item.tooltip = tip;
                item.contextValue = 'layer';
                return item;
            }
            case 'message': {
                const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
                item.iconPath = new vscode.ThemeIcon('warning');
                return item;
            }
        }
    }

    private imageItem(node: ImageNode): vscode.TreeItem {
        const img = node.image;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `image:${img.id}`;
        const instances = this.instancesOf(img.id).length;
        const parts = [formatBytes(img.size), formatAge(img.created, this.language)];
        if (img.dangling) {
            parts.unshift(vscode.l10n.t('dangling'));
        }
        if (img.repoTags.length > 1) {
            parts.push(vscode.l10n.t('+{0} tags', img.repoTags.length - 1));
        }
        if (instances) {
            parts.push(instances === 1 ? vscode.l10n.t('1 container') : vscode.l10n.t('{0} containers', instances));
        }
        item.description = parts.join(' · ');
        item.iconPath = new vscode.ThemeIcon(img.dangling ? 'file-binary' : 'package');
        item.contextValue = img.dangling ? 'image dangling' : 'image';
        item.accessibilityInformation = { label: vscode.l10n.t('Image {0}, id {1}', node.label, img.shortId) };
        return item;
    }

    /** Tooltips: the list's facts at once; `inspect` (platform, command) when it answers (tooltipDetails.ts). */
    async resolveTreeItem(item: vscode.TreeItem, node: ImagesTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
        if (node.kind !== 'image') {
            return item;
        }
        const img = node.image;
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown(`**${vscode.l10n.t('Image')}** `).appendText(node.label);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('ID')}: ${img.id.replace(/^sha256:/, '').slice(0, 24)}…`);
        if (img.repoTags.length > 1) {
            tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Tags')}: ${img.repoTags.join(', ')}`);
        }
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Created')}: ${new Date(img.created * 1000).toLocaleString(this.language)}`);
        tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Size')}: ${formatBytes(img.size)}`);
        // (the inspect is not cancelled with the hover: its answer is kept for the next one)
        const d = token.isCancellationRequested ? undefined : await this.details.get(img.id, img.id, () => this.engine.client().inspectImage(img.id));
        if (d) {
            tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Platform')}: ${d.os}/${d.architecture}`);
            const cmd = [...d.entrypoint, ...d.cmd].join(' ');
            if (cmd) {
                tip.appendMarkdown('\n\n').appendText(`${vscode.l10n.t('Runs')}: ${cmd}`);
            }
        } else if (this.details.pending(img.id)) {
            tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Asking the engine for its platform and command… hover again in a moment.'));
        }
        const instances = this.instancesOf(img.id);
        tip.appendMarkdown('\n\n').appendText(instancesSentence(vscode.l10n, instances.length));
        tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Same list in a terminal:')).appendMarkdown('\n').appendCodeblock(LIST_IMAGES_CALL.cli, 'sh');
        tip.appendText(`${vscode.l10n.t('Engine API')}: ${LIST_IMAGES_CALL.api}, ${imageCall('inspect', node.label).api}`);
        item.tooltip = tip;
        return visibleItem(item);
    }
}
