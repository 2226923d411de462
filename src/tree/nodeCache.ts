/**
 * Returns the same node object for the same data, so `reveal` and selection survive refreshes
 * and the tree does not redraw rows that did not change.
 */
export class NodeCache<K, D, N> {
    private nodes = new Map<K, { data: D; node: N }>();

    constructor(
        private readonly same: (a: D, b: D) => boolean,
        private readonly create: (data: D) => N,
    ) {}

    /** Nodes for `items` in order; reuses a node when its data is the same, forgets the rest. */
    update(items: readonly D[], key: (d: D) => K): N[] {
        return this.updateInPlace(items, key).nodes;
    }

    /**
     * Like `update`, but with `patch` a node whose data changed is updated in place (same object, so
     * the tree can refresh just that row) and returned in `changed`.
     */
    updateInPlace(items: readonly D[], key: (d: D) => K, patch?: (node: N, data: D) => void): { nodes: N[]; changed: N[] } {
        const next = new Map<K, { data: D; node: N }>();
        const nodes: N[] = [];
        const changed: N[] = [];
        for (const data of items) {
            const k = key(data);
            const old = this.nodes.get(k);
            let entry: { data: D; node: N };
            if (old && this.same(old.data, data)) {
                entry = old;
            } else if (old && patch) {
                patch(old.node, data);
                entry = { data, node: old.node };
                changed.push(old.node);
            } else {
                entry = { data, node: this.create(data) };
            }
            next.set(k, entry);
            nodes.push(entry.node);
        }
        this.nodes = next;
        return { nodes, changed };
    }
}
