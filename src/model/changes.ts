/**
 * What one batch of events changed in the engine model: ids added, updated and removed, per kind.
 * No `vscode` import.
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
