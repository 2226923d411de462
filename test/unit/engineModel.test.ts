import * as assert from 'assert/strict';
import { mapContainer, mapContainers, mapEvent, mapImages } from '../../src/docker/mapping';
import { NdjsonSplitter } from '../../src/docker/ndjson';
import { ContainerSummary, EngineEvent, ImageSummary } from '../../src/docker/types';
import { EngineModel, ModelChange, ModelSource } from '../../src/model/engineModel';
import { fixture } from './helpers';

/** Captured from Docker Engine 20.10.24 (API 1.41): one container's life, a tag and an exec. */
const captured = fixture('model-events.json') as {
    events: unknown[];
    lists: { running: unknown[]; paused: unknown[]; exited: unknown[]; afterRemove: unknown[]; images: unknown[]; imageAfterTag: { Id: string; RepoTags: string[] } };
};
const events: EngineEvent[] = captured.events.map(mapEvent);
const real = mapContainer(captured.lists.running[0]);

/** An engine in memory that answers like the real one and counts what it is asked. */
class CountingSource implements ModelSource {
    containers = new Map<string, ContainerSummary>();
    images = new Map<string, ImageSummary>();
    full = 0;
    byId: (readonly string[])[] = [];
    imageLookups: string[] = [];

    async listImages(): Promise<ImageSummary[]> {
        return [...this.images.values()];
    }
    async listContainers(_signal?: AbortSignal, ids?: readonly string[]): Promise<ContainerSummary[]> {
        if (!ids) {
            this.full++;
            return [...this.containers.values()];
        }
        this.byId.push(ids);
        return ids.map((id) => this.containers.get(id)).filter((c): c is ContainerSummary => !!c);
    }
    async findImage(ref: string): Promise<ImageSummary | undefined> {
        this.imageLookups.push(ref);
        return this.images.get(ref) ?? [...this.images.values()].find((i) => i.repoTags.includes(ref));
    }
}

function seeded(n: number): CountingSource {
    const src = new CountingSource();
    mapImages(captured.lists.images).forEach((i) => src.images.set(i.id, i));
    for (let i = 0; i < n; i++) {
        const id = i.toString(16).padStart(64, '0');
        src.containers.set(id, { ...real, id, shortId: id.slice(0, 12), name: `c${i}` });
    }
    return src;
}

function ev(type: string, action: string, id: string): EngineEvent {
    return { type, action, id, time: Date.now(), attributes: {} };
}

function collect(model: EngineModel): ModelChange[] {
    const changes: ModelChange[] = [];
    model.onDidChange((c) => changes.push(c));
    return changes;
}

describe('engine model: one full list, then one container per event', () => {
    it('loads both lists once and indexes the instances of each image', async () => {
        const src = seeded(3);
        const model = new EngineModel(() => src, { batchMs: 5 });
        const changes = collect(model);
        await model.load();
        assert.equal(src.full, 1);
        assert.equal(model.containers.size, 3);
        assert.equal(model.instancesOf(real.imageId).length, 3);
        assert.deepEqual(changes.map((c) => c.full), [true]);
        assert.ok(model.image('busybox:latest'), 'found by its tag');
    });

    it('the real stop/pause/rename/kill sequence re-reads only that container, in one batch', async () => {
        const src = seeded(2000);
        src.containers.set(real.id, real);
        const model = new EngineModel(() => src, { batchMs: 5 });
        await model.load();
        const changes = collect(model);
        // the engine now says: exited (what the captured list said after kill)
        src.containers.set(real.id, mapContainer(captured.lists.exited[0]));
        for (const e of events.filter((e) => e.id === real.id && e.action !== 'destroy' && e.action !== 'create')) {
            model.queue(e);
        }
        await model.whenSettled();
        assert.equal(src.full, 1, 'no second full list');
        assert.deepEqual(src.byId, [[real.id]], 'one filtered list for that one container');
        assert.equal(changes.length, 1);
        assert.deepEqual(changes[0].containers.updated, [real.id]);
        assert.equal(model.containers.get(real.id)?.state, 'exited');
        assert.equal(model.containers.get(real.id)?.name, 'cap-renamed');
    });

    it('work per event does not grow with the number of containers (200 vs 2,000)', async () => {
        const requests: number[] = [];
        for (const n of [200, 2000]) {
            const src = seeded(n);
            const model = new EngineModel(() => src, { batchMs: 5 });
            await model.load();
            const id = [...src.containers.keys()][7];
            model.queue(ev('container', 'stop', id));
            await model.whenSettled();
            requests.push(src.byId.flat().length + src.full);
        }
        assert.deepEqual(requests, [2, 2]);
    });

    it('a destroy removes the container without asking the engine; 1,800 removals cost no list', async () => {
        const src = seeded(2000);
        const model = new EngineModel(() => src, { batchMs: 5 });
        await model.load();
        const changes = collect(model);
        const gone = [...src.containers.keys()].slice(0, 1800);
        for (const id of gone) {
            src.containers.delete(id);
            model.queue(ev('container', 'destroy', id));
        }
        await model.whenSettled();
        assert.equal(src.full, 1);
        assert.equal(src.byId.length, 0);
        assert.equal(model.containers.size, 200);
        assert.equal(changes.reduce((n, c) => n + c.containers.removed.length, 0), 1800);
        assert.equal(model.instancesOf(real.imageId).length, 200);
    });

    it('exec events (exec_create: true, exec_start: true, exec_die) ask nothing', async () => {
        const src = seeded(1);
        const model = new EngineModel(() => src, { batchMs: 5 });
        await model.load();
        const execs = events.filter((e) => e.action.startsWith('exec_'));
        assert.equal(execs.length, 3, 'the capture has three exec events');
        execs.forEach((e) => model.queue(e));
        await model.whenSettled();
        assert.equal(src.byId.length, 0);
        assert.equal(model.stats.eventsApplied, 0);
    });

    it('health_status: healthy is a change (the action carries its value after a colon)', async () => {
        const src = seeded(1);
        const model = new EngineModel(() => src, { batchMs: 5 });
        await model.load();
        const id = [...src.containers.keys()][0];
        model.queue(ev('container', 'health_status: healthy', id));
        await model.whenSettled();
        assert.deepEqual(src.byId, [[id]]);
    });

    it('a burst of 250 creates is read in batches of 100 ids, not 250 requests', async () => {
        const src = seeded(0);
        const model = new EngineModel(() => src, { batchMs: 20 });
        await model.load();
        for (let i = 0; i < 250; i++) {
            const id = `b${i}`.padStart(64, '0');
            src.containers.set(id, { ...real, id, name: `burst${i}` });
            model.queue(ev('container', 'create', id));
        }
        await model.whenSettled();
        assert.deepEqual(src.byId.map((ids) => ids.length), [100, 100, 50]);
        assert.equal(model.containers.size, 250);
    });

    it('events that arrive during the full list are applied after it (nothing between list and stream is lost)', async () => {
        const src = seeded(1);
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const slow: ModelSource = {
            listImages: () => src.listImages(),
            listContainers: async (s, ids) => {
                if (!ids) {
                    const snapshot = await src.listContainers(s);
                    await gate;
                    return snapshot;
                }
                return src.listContainers(s, ids);
            },
            findImage: (r) => src.findImage(r),
        };
        const model = new EngineModel(() => slow, { batchMs: 5 });
        const loading = model.load();
        // a container is created after the list was read but before it returned
        const late = mapContainer(captured.lists.paused[0]);
        src.containers.set(late.id, late);
        model.queue(ev('container', 'create', late.id));
        release();
        await loading;
        await model.whenSettled();
        assert.equal(model.containers.get(late.id)?.state, 'paused');
    });

    it('a tag event re-reads that image; the tag leaves the image it was on before', async () => {
        const src = seeded(0);
        const model = new EngineModel(() => src, { batchMs: 5 });
        await model.load();
        const busybox = model.image('busybox:latest');
        assert.ok(busybox);
        const other: ImageSummary = { ...busybox, id: 'sha256:' + 'e'.repeat(64), shortId: 'eeeeeeeeeeee', repoTags: ['busybox:latest'] };
        src.images.set(other.id, other);
        model.queue(ev('image', 'tag', other.id));
        await model.whenSettled();
        assert.deepEqual(src.imageLookups, [other.id]);
        assert.equal(model.image('busybox:latest')?.id, other.id);
        assert.deepEqual(model.images.get(busybox.id)?.repoTags, []);
        assert.equal(model.images.get(busybox.id)?.dangling, true);
    });

    it('an image delete removes it without a request; prune re-reads the image list once', async () => {
        const src = seeded(0);
        const model = new EngineModel(() => src, { batchMs: 5 });
        await model.load();
        const [first] = model.images.keys();
        src.images.delete(first);
        model.queue(ev('image', 'delete', first));
        await model.whenSettled();
        assert.equal(model.images.has(first), false);
        assert.equal(src.imageLookups.length, 0);
        model.queue(ev('image', 'prune', ''));
        await model.whenSettled();
        assert.equal(model.stats.eventRequests, 1);
    });

    it('a failing batch is reported to the owner, and what was applied before it stays', async () => {
        const src = seeded(2);
        const errors: unknown[] = [];
        const model = new EngineModel(() => ({ listImages: () => src.listImages(), findImage: (r) => src.findImage(r), listContainers: async (s, ids) => (ids ? Promise.reject(new Error('engine went away')) : src.listContainers(s)) }), { batchMs: 5, onBatchError: (e) => errors.push(e) });
        await model.load();
        const [a, b] = src.containers.keys();
        model.queue(ev('container', 'destroy', a));
        model.queue(ev('container', 'stop', b));
        await model.whenSettled();
        assert.equal(errors.length, 1);
        assert.equal(model.containers.has(a), false);
        assert.equal(model.containers.has(b), true);
    });

    it('maps the captured list the same way as the explorer does', () => {
        assert.equal(mapContainers(captured.lists.afterRemove).length, 0);
        assert.equal(captured.lists.imageAfterTag.RepoTags.includes('cap/tagged:v1'), true);
    });
});

describe('ndjson: newline-delimited JSON from a byte stream', () => {
    it('a chunk boundary inside a UTF-8 character does not break it', () => {
        const values: unknown[] = [];
        const s = new NdjsonSplitter((v) => values.push(v));
        const bytes = Buffer.from('{"name":"한글-컨테이너"}\n{"n":2}\n', 'utf8');
        // split in the middle of the first Hangul syllable (3 bytes each)
        const cut = bytes.indexOf(Buffer.from('한', 'utf8')) + 1;
        s.push(bytes.subarray(0, cut));
        s.push(bytes.subarray(cut, cut + 5));
        s.push(bytes.subarray(cut + 5));
        assert.deepEqual(values, [{ name: '한글-컨테이너' }, { n: 2 }]);
        assert.equal(s.bad, 0);
    });

    it('counts a line that is not JSON and goes on; a last line without newline counts at the end', () => {
        const values: unknown[] = [];
        const s = new NdjsonSplitter((v) => values.push(v));
        s.push('not json\n{"a":1}\n{"b":');
        s.push('2}');
        assert.deepEqual(values, [{ a: 1 }]);
        s.end();
        assert.deepEqual(values, [{ a: 1 }, { b: 2 }]);
        assert.equal(s.bad, 1);
    });

    it('drops a runaway line instead of growing without bound', () => {
        const values: unknown[] = [];
        const s = new NdjsonSplitter((v) => values.push(v), { maxLineBytes: 1000 });
        s.push('x'.repeat(5000));
        s.push('\n{"ok":true}\n');
        assert.deepEqual(values, [{ ok: true }]);
        assert.equal(s.bad, 1);
    });
});
