/**
 * The engine model's vocabulary: which events change what, what one batch changed (ids added,
 * updated and removed, per kind), its options and counters. No `vscode` import.
 */

export interface ChangeSet {
    readonly added: readonly string[];
    readonly updated: readonly string[];
    readonly removed: readonly string[];
}

export interface ModelChange {
    /** The whole model was replaced (a full list). */
    readonly full: boolean;
    readonly containers: ChangeSet;
    readonly images: ChangeSet;
}

export const NO_CHANGE: ChangeSet = { added: [], updated: [], removed: [] };

export class Changes {
    readonly added = new Set<string>();
    readonly updated = new Set<string>();
    readonly removed = new Set<string>();
    add(id: string, existed: boolean): void {
        (existed ? this.updated : this.added).add(id);
        this.removed.delete(id);
    }
    remove(id: string): void {
        if (!this.added.delete(id)) {
            this.removed.add(id);
        }
        this.updated.delete(id);
    }
    get empty(): boolean {
        return !this.added.size && !this.updated.size && !this.removed.size;
    }
    toSet(): ChangeSet {
        return this.empty ? NO_CHANGE : { added: [...this.added], updated: [...this.updated], removed: [...this.removed] };
    }
}

export interface ModelStats {
    /** Full lists (both lists at once). */
    readonly fullLoads: number;
    /** Requests made for events: container lists by id, image look-ups, image lists. */
    readonly eventRequests: number;
    readonly eventsApplied: number;
}

export interface EngineModelOptions {
    /** Events within this window are applied as one batch. */
    readonly batchMs?: number;
    /** Container ids per filtered list request. */
    readonly idsPerRequest?: number;
    /** A batch failed (the engine went away mid-update): the owner decides to reload. */
    readonly onBatchError?: (error: unknown) => void;
}

/** Container actions that change what a list row shows. Others (exec_*, attach, resize, top…) do not. */
export const CONTAINER_CHANGES = new Set(['create', 'start', 'restart', 'stop', 'die', 'kill', 'oom', 'pause', 'unpause', 'rename', 'update', 'health_status', 'destroy']);
/** Image actions; `prune` may remove many at once, so it re-reads the image list. */
export const IMAGE_CHANGES = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);
