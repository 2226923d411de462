import * as assert from 'assert/strict';
import * as path from 'path';
import { fakeContainer, FakeEngine, startFakeEngine } from '../common/fakeEngine';
import { productOn, socketDir, unixEndpoint } from './helpers';

/** Defect 2: an events stream that the engine accepted but that says nothing. */
describe('faults: a silent events stream', () => {
    let fake: FakeEngine;
    const id = 'c'.repeat(64);
    beforeEach(async () => {
        fake = await startFakeEngine(path.join(socketDir(), 'docker.sock'));
        fake.containers.push(fakeContainer(id, 'web', 'exited'));
    });
    afterEach(() => fake.stop());

    it('our own start produces no event: the stream is replaced and the lists read once more, so the row shows running', async function () {
        this.timeout(10_000);
        fake.silentEvents = true;
        const p = productOn(unixEndpoint(fake.socket), { eventWaitMs: 500 });
        try {
            p.show();
            await p.refresh.whenIdle();
            assert.equal(p.engine.state.state, 'connected');
            assert.equal(fake.count('GET /events'), 1);
            assert.equal(fake.count('GET /containers/json'), 1);
            await p.engine.client().startContainer(id);
            const t = performance.now();
            await p.refresh.settle();
            const waited = performance.now() - t;
            assert.equal(fake.count('GET /events'), 2, 'a new events stream');
            assert.equal(fake.count('GET /containers/json'), 2, 'one list more');
            assert.equal(p.refresh.snapshot.containers[0]?.state, 'running');
            assert.ok(p.logs.some((l) => /looks silent/.test(l)), p.logs.join('\n'));
            assert.ok(waited < 2000, `settle took ${Math.round(waited)} ms`);
        } finally {
            p.dispose();
        }
    });

    it('a healthy stream: the start event arrives, one filtered read, no new stream and no full list', async function () {
        this.timeout(10_000);
        const p = productOn(unixEndpoint(fake.socket), { eventWaitMs: 500 });
        try {
            p.show();
            await p.refresh.whenIdle();
            await p.engine.client().startContainer(id);
            await p.refresh.settle();
            await new Promise((r) => setTimeout(r, 700));
            assert.equal(fake.count('GET /events'), 1);
            assert.equal(fake.count('GET /containers/json'), 2, 'the full list and one read of that container');
            assert.equal(p.refresh.snapshot.containers[0]?.state, 'running');
            assert.ok(!p.logs.some((l) => /looks silent/.test(l)), p.logs.join('\n'));
        } finally {
            p.dispose();
        }
    });

    it('no action of ours: a silent stream costs no request at all (no idle polling)', async function () {
        this.timeout(10_000);
        fake.silentEvents = true;
        const p = productOn(unixEndpoint(fake.socket), { eventWaitMs: 300 });
        try {
            p.show();
            await p.refresh.whenIdle();
            const n = fake.requests.length;
            await new Promise((r) => setTimeout(r, 1500));
            assert.equal(fake.requests.length, n, fake.requests.slice(n).join(', '));
        } finally {
            p.dispose();
        }
    });
});
