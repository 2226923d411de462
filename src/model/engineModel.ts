/**
 * One model of the engine's images and containers, and how they relate, kept current per event:
 * a container event re-reads only that container (`GET /containers/json?filters={"id":[…]}`), a
 * destroy removes it without asking, an image event re-reads only that image. A full list happens
 * only when the owner loads the model (first connect, reconnect, a gap in the events stream).
 *
 * Views, lessons, hovers and panels read it; none of them lists the engine on their own.
 * No `vscode` import: unit-tested with events captured from a real engine.
 */
import type { ContainerSummary, EngineEvent, ImageSummary } from '../docker/types';
import { ChangeSet, Changes, CONTAINER_CHANGES, EngineModelOptions, IMAGE_CHANGES, ModelChange, ModelStats, NO_CHANGE } from './changes';

export type { ChangeSet, EngineModelOptions, ModelChange, ModelStats };

/** What the model needs from the engine (the Docker client implements it). */
export interface ModelSource {
    listImages(signal?: AbortSignal): Promise<ImageSummary[]>;
    /** With `ids`: only those containers (the engine filters; ids it no longer has are absent). */
    listContainers(signal?: AbortSignal, ids?: readonly string[]): Promise<ContainerSummary[]>;
    /** One image by id or reference; `undefined` when the engine has no such image. */
    findImage(ref: string, signal?: AbortSignal): Promise<ImageSummary | undefined>;
}

export class EngineModel {
    private readonly containerMap = new Map<string, ContainerSummary>();
    private readonly imageMap = new Map<string, ImageSummary>();
    /** imageId → ids of the containers made from it. */
    private readonly instances = new Map<string, Set<string>>();
    private readonly listeners = new Set<(change: ModelChange) => void>();

    private pendingContainers = new Set<string>();
    private pendingDestroyed = new Set<string>();
    private pendingImages = new Set<string>();
    private pendingImageDeletes = new Set<string>();
    private pendingImageList = false;
    private timer: NodeJS.Timeout | undefined;
    private flushing: Promise<void> | undefined;
    private loading = false;
    private loadedAt = 0;
    private readonly counts = { fullLoads: 0, eventRequests: 0, eventsApplied: 0 };
    private readonly batchMs: number;
    private readonly idsPerRequest: number;

    constructor(
        private readonly source: () => ModelSource,
        private readonly options: EngineModelOptions = {},
    ) {
        this.batchMs = options.batchMs ?? 50;
        this.idsPerRequest = options.idsPerRequest ?? 100;
    }

    get containers(): ReadonlyMap<string, ContainerSummary> {
        return this.containerMap;
    }

    get images(): ReadonlyMap<string, ImageSummary> {
        return this.imageMap;
    }

    /** When the model was last loaded in full (ms since epoch); 0 before the first load. */
    get at(): number {
        return this.loadedAt;
    }

    get stats(): ModelStats {
        return { ...this.counts };
    }

    /** The containers made from an image (by image id). */
    instancesOf(imageId: string): ContainerSummary[] {
        return [...(this.instances.get(imageId) ?? [])].map((id) => this.containerMap.get(id)).filter((c): c is ContainerSummary => !!c);
    }

    /** An image by id, short id or exact `repo:tag`. */
    image(ref: string): ImageSummary | undefined {
        const direct = this.imageMap.get(ref) ?? this.imageMap.get(`sha256:${ref}`);
        if (direct) {
            return direct;
        }
        for (const image of this.imageMap.values()) {
            if (image.shortId === ref || image.repoTags.includes(ref)) {
                return image;
            }
        }
        return undefined;
    }

    onDidChange(listener: (change: ModelChange) => void): { dispose(): void } {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    }

    /**
     * Reads both lists in full and replaces the model. Start the events stream first and pass its
     * events to `queue`: those that arrive during the list are held and applied after it, so a
     * change between the list and the stream is never missed (and no clock is compared).
     */
    async load(signal?: AbortSignal): Promise<void> {
        this.loading = true;
        clearTimeout(this.timer);
        this.timer = undefined;
        try {
            const source = this.source();
            const [images, containers] = await Promise.all([source.listImages(signal), source.listContainers(signal)]);
            this.counts.fullLoads++;
            this.replace(images, containers);
        } finally {
            this.loading = false;
        }
        if (this.hasPending()) {
            this.schedule();
        }
    }

    /** Empties the model (the engine went away or the endpoint changed). */
    clear(): void {
        this.dropPending();
        // `at` 0 before the views hear of it: an emptied model is "nothing known", never "an empty engine"
        this.replace([], [], 0);
    }

    /** One event from the stream; applied with the others of its batch. */
    queue(event: EngineEvent): void {
        // `health_status: healthy`, `exec_start: sh`: the word before the colon is the action
        const action = event.action.split(':')[0].trim();
        if (event.type === 'container' && CONTAINER_CHANGES.has(action) && event.id) {
            if (action === 'destroy') {
                this.pendingDestroyed.add(event.id);
                this.pendingContainers.delete(event.id);
            } else if (!this.pendingDestroyed.has(event.id)) {
                this.pendingContainers.add(event.id);
            }
        } else if (event.type === 'container' && action === 'commit') {
            this.pendingImageList = true;
        } else if (event.type === 'image' && IMAGE_CHANGES.has(action)) {
            if (action === 'prune') {
                this.pendingImageList = true;
            } else if (action === 'delete') {
                this.pendingImageDeletes.add(event.id);
            } else if (event.id) {
                this.pendingImages.add(event.id);
            }
        } else {
            return;
        }
        this.counts.eventsApplied++;
        this.schedule();
    }

    /**
     * Reads these containers again now (one filtered list) and waits until every batch is applied:
     * after an action of ours, the model then shows its result even if its events are still on the way.
     */
    async reread(ids: readonly string[]): Promise<void> {
        for (const id of ids) {
            if (!this.pendingDestroyed.has(id)) {
                this.pendingContainers.add(id);
            }
        }
        if (ids.length) {
            this.schedule();
        }
        await this.whenSettled();
    }

    /** Resolves when no batch is waiting or being applied. */
    async whenSettled(): Promise<void> {
        while (this.timer || this.flushing) {
            if (this.flushing) {
                await this.flushing;
            } else {
                await new Promise((r) => setTimeout(r, this.batchMs));
            }
        }
    }

    dispose(): void {
        this.dropPending();
        this.listeners.clear();
    }

    private hasPending(): boolean {
        return !!(this.pendingContainers.size || this.pendingDestroyed.size || this.pendingImages.size || this.pendingImageDeletes.size || this.pendingImageList);
    }

    private dropPending(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.pendingContainers.clear();
        this.pendingDestroyed.clear();
        this.pendingImages.clear();
        this.pendingImageDeletes.clear();
        this.pendingImageList = false;
    }

    private schedule(): void {
        if (this.timer || this.loading || this.flushing) {
            return;
        }
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.flushing = this.flush().finally(() => {
                this.flushing = undefined;
                if (this.hasPending() && !this.loading) {
                    this.schedule();
                }
            });
        }, this.batchMs);
    }

    private async flush(): Promise<void> {
        const destroyed = this.pendingDestroyed;
        const containerIds = [...this.pendingContainers];
        const imageRefs = [...this.pendingImages];
        const imageDeletes = this.pendingImageDeletes;
        const imageList = this.pendingImageList;
        this.pendingDestroyed = new Set();
        this.pendingContainers = new Set();
        this.pendingImages = new Set();
        this.pendingImageDeletes = new Set();
        this.pendingImageList = false;

        const containers = new Changes();
        const images = new Changes();
        for (const id of destroyed) {
            this.removeContainer(id, containers);
        }
        for (const id of imageDeletes) {
            this.removeImage(id, images);
        }
        try {
            const source = this.source();
            for (let i = 0; i < containerIds.length; i += this.idsPerRequest) {
                const ids = containerIds.slice(i, i + this.idsPerRequest);
                this.counts.eventRequests++;
                const found = await source.listContainers(undefined, ids);
                const seen = new Set<string>();
                for (const c of found) {
                    seen.add(c.id);
                    this.putContainer(c, containers);
                }
                // asked by full id or by a prefix: whatever the engine no longer lists is gone
                for (const id of ids) {
                    if (!seen.has(id) && this.containerMap.has(id)) {
                        this.removeContainer(id, containers);
                    }
                }
            }
            if (imageList) {
                this.counts.eventRequests++;
                const all = await source.listImages();
                const keep = new Set(all.map((i) => i.id));
                for (const id of [...this.imageMap.keys()].filter((id) => !keep.has(id))) {
                    this.removeImage(id, images);
                }
                all.forEach((i) => this.putImage(i, images));
            } else {
                for (const ref of imageRefs) {
                    this.counts.eventRequests++;
                    const image = await source.findImage(ref);
                    if (image) {
                        this.putImage(image, images);
                    } else if (this.imageMap.has(ref)) {
                        this.removeImage(ref, images);
                    }
                }
            }
        } catch (e) {
            this.options.onBatchError?.(e);
        } finally {
            if (!containers.empty || !images.empty) {
                this.emit({ full: false, containers: containers.toSet(), images: images.toSet() });
            }
        }
    }

    private replace(images: readonly ImageSummary[], containers: readonly ContainerSummary[], at = Date.now()): void {
        this.imageMap.clear();
        this.containerMap.clear();
        this.instances.clear();
        images.forEach((i) => this.imageMap.set(i.id, i));
        containers.forEach((c) => this.putContainer(c));
        this.loadedAt = at;
        this.emit({ full: true, containers: NO_CHANGE, images: NO_CHANGE });
    }

    private putContainer(c: ContainerSummary, changes?: Changes): void {
        const before = this.containerMap.get(c.id);
        if (before && before.imageId !== c.imageId) {
            this.instances.get(before.imageId)?.delete(c.id);
        }
        this.containerMap.set(c.id, c);
        let set = this.instances.get(c.imageId);
        if (!set) {
            this.instances.set(c.imageId, (set = new Set()));
        }
        set.add(c.id);
        changes?.add(c.id, !!before);
    }

    private removeContainer(id: string, changes: Changes): void {
        const before = this.containerMap.get(id);
        if (!before) {
            return;
        }
        this.containerMap.delete(id);
        this.instances.get(before.imageId)?.delete(id);
        changes.remove(id);
    }

    private putImage(image: ImageSummary, changes: Changes): void {
        const existed = this.imageMap.has(image.id);
        this.imageMap.set(image.id, image);
        changes.add(image.id, existed);
        // a tag names one image: when it moved here, the image it left loses it
        for (const other of this.imageMap.values()) {
            if (other.id !== image.id && other.repoTags.some((t) => image.repoTags.includes(t))) {
                const repoTags = other.repoTags.filter((t) => !image.repoTags.includes(t));
                this.imageMap.set(other.id, { ...other, repoTags, dangling: repoTags.length === 0 });
                changes.add(other.id, true);
            }
        }
    }

    private removeImage(id: string, changes: Changes): void {
        if (this.imageMap.delete(id)) {
            changes.remove(id);
        }
    }

    private emit(change: ModelChange): void {
        for (const l of [...this.listeners]) {
            l(change);
        }
    }
}
