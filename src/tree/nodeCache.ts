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
        const next = new Map<K, { data: D; node: N }>();
        const out: N[] = [];
        for (const data of items) {
            const k = key(data);
            const old = this.nodes.get(k);
            const entry = old && this.same(old.data, data) ? old : { data, node: this.create(data) };
            next.set(k, entry);
            out.push(entry.node);
        }
        this.nodes = next;
        return out;
    }
}
