/**
 * The real Containers tree provider on Node, with the `vscode` stand-in the benchmark uses: what it
 * tells VS Code to re-render after a change, with 2,000 containers captured-shaped from a real engine.
 */
import * as assert from 'assert/strict';
import * as path from 'path';
import { mapContainers } from '../../src/docker/mapping';
import { ContainerSummary } from '../../src/docker/types';
import { fixture } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stub = require(path.join(__dirname, '../../../bench/vscode-stub.cjs')) as { install(): void };
stub.install();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tree = require('../../src/tree/containersTree') as typeof import('../../src/tree/containersTree');

const base = mapContainers(fixture('containers.json'))[0];

function containers(running: number, stopped: number): ContainerSummary[] {
    const make = (i: number, state: 'running' | 'exited'): ContainerSummary => {
        const id = i.toString(16).padStart(64, '0');
        return { ...base, id, shortId: id.slice(0, 12), name: `c${i}`, state, status: state === 'running' ? 'Up 3 minutes' : 'Exited (0) 5 minutes ago', created: 1_700_000_000 + i };
    };
    return [...Array.from({ length: running }, (_, i) => make(i, 'running')), ...Array.from({ length: stopped }, (_, i) => make(running + i, 'exited'))];
}

const NONE = { added: [], updated: [], removed: [] };

/** A refresh owner as the tree sees it: a snapshot, the model's containers, and change sets. */
function provider(initial: ContainerSummary[]) {
    let listener: ((c: unknown) => void) | undefined;
    const containers = new Map(initial.map((c) => [c.id, c]));
    const refresh = {
        snapshot: { images: [], containers: initial, at: 1 },
        model: { containers },
        onDidChange: (l: (c: unknown) => void) => ((listener = l), { dispose() {} }),
    };
    const p = new tree.ContainersTreeProvider(refresh as never, {} as never);
    const fired: unknown[] = [];
    p.onDidChangeTreeData((e) => fired.push(e));
    /** The model changed these containers (per event): the tree gets only their ids. */
    const publish = (cs: ContainerSummary[]) => {
        const updated = cs.filter((c) => containers.get(c.id) !== c).map((c) => c.id);
        cs.forEach((c) => containers.set(c.id, c));
        refresh.snapshot = { images: [], containers: cs, at: 2 };
        listener!({ full: false, containers: { ...NONE, updated }, images: NONE });
    };
    /** A full read (reconnect, manual Refresh). */
    const publishFull = (cs: ContainerSummary[]) => {
        containers.clear();
        cs.forEach((c) => containers.set(c.id, c));
        refresh.snapshot = { images: [], containers: cs, at: 3 };
        listener!({ full: true, containers: NONE, images: NONE });
    };
    return { p, fired, publish, publishFull };
}

describe('Containers tree: what a change re-sends', () => {
    it('a group of 2,000 shows its newest 100 rows and one collapsed Older node with pages of 100', () => {
        const { p } = provider(containers(5, 2000));
        const [, stoppedGroup] = p.getChildren();
        const children = p.getChildren(stoppedGroup);
        assert.equal(children.length, tree.PAGE_SIZE + 1, 'the same number of rows at any size');
        assert.equal(children.filter((c) => c.kind === 'container').length, tree.PAGE_SIZE);
        const older = children[tree.PAGE_SIZE];
        assert.equal(older.kind, 'older');
        assert.match(String(p.getTreeItem(older).label), /101–2000/);
        assert.equal(p.getTreeItem(older).collapsibleState, 1, 'collapsed');
        const pages = p.getChildren(older).filter((c): c is InstanceType<typeof tree.ContainerPageNode> => c.kind === 'page');
        assert.equal(pages.length, 19);
        assert.equal(p.getChildren(pages[18]).length, 100);
        const last = p.getChildren(pages[18])[99];
        assert.equal(p.getParent(last), pages[18], 'reveal finds the page');
        assert.equal(p.getParent(pages[18]), older);
        assert.equal(p.getParent(older), stoppedGroup);
        assert.match(String(p.getTreeItem(pages[0]).label), /101–200/);
    });

    it('a group of 195 shows its newest 100 rows and an Older node with the other 95 rows, no pages', () => {
        const { p } = provider(containers(5, 195));
        const [, stoppedGroup] = p.getChildren();
        const children = p.getChildren(stoppedGroup);
        assert.equal(children.length, tree.PAGE_SIZE + 1);
        const older = children[tree.PAGE_SIZE];
        const rows = p.getChildren(older);
        assert.equal(rows.length, 95);
        assert.ok(rows.every((r) => r.kind === 'container'));
        assert.equal(p.getParent(rows[94]), older, 'reveal finds the Older node');
    });

    it('a stop moves one row between groups: only the two groups are re-sent (≈ 125 items, not 2,000)', () => {
        const all = containers(5, 2000);
        const { p, fired, publish } = provider(all);
        publish(all.map((c, i) => (i === 2 ? { ...c, state: 'exited', status: 'Exited (137) 1 second ago' } : c)));
        assert.equal(fired.length, 1);
        const nodes = fired[0] as { kind: string }[];
        assert.deepEqual(nodes.map((n) => n.kind), ['group', 'group']);
        const resent = nodes.reduce((n, g) => n + p.getChildren(g as never).length, 0);
        assert.ok(resent < 130, `${resent} rows re-sent`);
    });

    it('a full read that changes nothing announces nothing; one that moves a row announces its groups', () => {
        const all = containers(5, 2000);
        const { p, fired, publishFull } = provider(all);
        publishFull([...all]);
        assert.deepEqual(fired, []);
        publishFull(all.map((c, i) => (i === 3 ? { ...c, state: 'exited', status: 'Exited (0) 1 second ago' } : c)));
        assert.deepEqual((fired[0] as { kind: string }[]).map((n) => n.kind), ['group', 'group']);
        assert.equal(p.items.length, 2005);
    });

    it('a status change in place re-sends that row alone, and no group', () => {
        const all = containers(5, 2000);
        const { p, fired, publish } = provider(all);
        const before = p.items.find((n) => n.container.id === all[1].id);
        publish(all.map((c, i) => (i === 1 ? { ...c, status: 'Up 3 minutes (healthy)' } : c)));
        assert.deepEqual(fired, [[before]], 'the same node object, alone');
        assert.equal(before?.container.status, 'Up 3 minutes (healthy)');
    });
});
