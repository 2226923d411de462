import * as assert from 'assert/strict';
import { NodeCache } from '../../src/tree/nodeCache';

interface Row {
    id: string;
    status: string;
}

interface Node {
    row: Row;
    serial: number;
}

function cache() {
    let serial = 0;
    const created: string[] = [];
    const c = new NodeCache<string, Row, Node>(
        (a, b) => a.id === b.id && a.status === b.status,
        (row) => {
            created.push(row.id);
            return { row, serial: ++serial };
        },
    );
    const update = (rows: Row[]) => c.update(rows, (r) => r.id);
    return { update, created };
}

describe('NodeCache', () => {
    it('same data (even a new but equal object) → the same node object', () => {
        const { update, created } = cache();
        const [a1, b1] = update([
            { id: 'a', status: 'Up 1 second' },
            { id: 'b', status: 'Exited (0)' },
        ]);
        const [a2, b2] = update([
            { id: 'a', status: 'Up 1 second' },
            { id: 'b', status: 'Exited (0)' },
        ]);
        assert.equal(a2, a1);
        assert.equal(b2, b1);
        assert.deepEqual(created, ['a', 'b'], 'create was called only for the first update');
    });

    it('changed data → a new node object with the new data', () => {
        const { update } = cache();
        const [a1] = update([{ id: 'a', status: 'running' }]);
        const [a2] = update([{ id: 'a', status: 'exited' }]);
        assert.notEqual(a2, a1);
        assert.equal(a2.row.status, 'exited');
    });

    it('keeps the order of the new items', () => {
        const { update } = cache();
        const [a, b] = update([
            { id: 'a', status: 's' },
            { id: 'b', status: 's' },
        ]);
        const out = update([
            { id: 'b', status: 's' },
            { id: 'a', status: 's' },
        ]);
        assert.equal(out[0], b);
        assert.equal(out[1], a);
    });

    it('removed keys are forgotten: coming back makes a new node', () => {
        const { update, created } = cache();
        const [a1] = update([{ id: 'a', status: 's' }]);
        assert.deepEqual(update([]), []);
        const [a2] = update([{ id: 'a', status: 's' }]);
        assert.notEqual(a2, a1);
        assert.deepEqual(created, ['a', 'a']);
    });

    it('after a change, the new node is the one reused next time', () => {
        const { update } = cache();
        update([{ id: 'a', status: 'one' }]);
        const [a2] = update([{ id: 'a', status: 'two' }]);
        const [a3] = update([{ id: 'a', status: 'two' }]);
        assert.equal(a3, a2);
    });

    it('updateInPlace: a changed row keeps its node object, is patched and reported; unchanged rows are not', () => {
        let serial = 0;
        const c = new NodeCache<string, Row, Node>(
            (a, b) => a.id === b.id && a.status === b.status,
            (row) => ({ row, serial: ++serial }),
        );
        const first = c.updateInPlace([{ id: 'a', status: 'up' }, { id: 'b', status: 'up' }], (r) => r.id, (n, r) => (n.row = r)).nodes;
        const { nodes, changed } = c.updateInPlace([{ id: 'a', status: 'up' }, { id: 'b', status: 'exited' }], (r) => r.id, (n, r) => (n.row = r));
        assert.equal(nodes[0], first[0]);
        assert.equal(nodes[1], first[1], 'same object for the changed row');
        assert.deepEqual(changed, [first[1]]);
        assert.equal(first[1].row.status, 'exited', 'patched in place');
        assert.equal(serial, 2, 'no node created for the change');
    });
});
