import * as assert from 'assert/strict';
import * as path from 'path';
import { startCountingProxy } from '../common/countingProxy';
import { fakeContainer, FakeEngine, replies, startFakeEngine } from '../common/fakeEngine';
import { figure, productOn, sleep, socketDir, unixEndpoint, until } from './helpers';

/** Defect 3 (garbage lists look like an empty engine) and the backoff under a failing engine. */
describe('faults: replies that are not lists, and failing lists', () => {
    let dir: string;
    let fake: FakeEngine;
    beforeEach(async () => {
        dir = socketDir();
        fake = await startFakeEngine(path.join(dir, 'docker.sock'));
        fake.containers.push(fakeContainer('c'.repeat(64), 'web', 'running'));
    });
    afterEach(() => fake.stop());

    const garbage: [string, () => ReturnType<typeof replies.garbage>, RegExp][] = [
        ['invalid JSON', replies.invalidJson, /\[\{"Id": "abc"/],
        ['a JSON object, not a list', replies.notAList, /this is an object, not a list/],
        ['50 MB of garbage (streamed)', () => replies.garbage(50 << 20), /<html>garbage/],
    ];
    for (const [what, reply, sample] of garbage) {
        it(`GET /containers/json answers ${what}: an error naming the reply, not "no containers"`, async function () {
            this.timeout(20_000);
            fake.routes.set('GET /containers/json', reply());
            const p = productOn(unixEndpoint(fake.socket), { backoffStartMs: 5000, backoffMaxMs: 5000 });
            try {
                p.show();
                await p.refresh.whenIdle();
                const s = p.engine.state;
                assert.equal(s.state, 'unreachable', `state ${s.state}`);
                assert.equal(s.error?.kind, 'http');
                assert.equal(s.error?.reason?.id, 'notAList');
                assert.match(s.error?.message ?? '', /GET \/containers\/json/);
                assert.match(s.error?.message ?? '', sample);
                assert.ok((s.error?.message.length ?? 0) < 300, 'the sample is bounded');
                assert.equal(p.refresh.snapshot.at, 0, 'no snapshot: the views show the error, not an empty engine');
            } finally {
                p.dispose();
            }
        });
    }

    it('a 500 from a list after a good one: the error with the engine\'s message, no stale rows beside "connected"; the next good list recovers', async () => {
        const p = productOn(unixEndpoint(fake.socket), { backoffStartMs: 5000, backoffMaxMs: 5000 });
        try {
            p.show();
            await p.refresh.whenIdle();
            assert.equal(p.engine.state.state, 'connected');
            assert.equal(p.refresh.snapshot.containers.length, 1);
            fake.routes.set('GET /containers/json', replies.serverError());
            await p.refresh.refresh();
            assert.equal(p.engine.state.state, 'unreachable');
            assert.equal(p.engine.state.error?.kind, 'http');
            assert.equal(p.engine.state.error?.message, 'Error response from daemon: something broke in the engine');
            assert.equal(p.refresh.snapshot.at, 0, 'stale rows dropped');
            assert.equal(p.refresh.snapshot.containers.length, 0);
            fake.routes.delete('GET /containers/json');
            await p.refresh.refresh();
            assert.equal(p.engine.state.state, 'connected');
            assert.equal(p.refresh.snapshot.containers.length, 1);
        } finally {
            p.dispose();
        }
    });

    it('400 "client version is too new" on the lists: the message, and retries bounded by the backoff', async function () {
        this.timeout(10_000);
        fake.routes.set('GET /containers/json', replies.tooNew());
        fake.routes.set('GET /images/json', replies.tooNew());
        const p = productOn(unixEndpoint(fake.socket), { backoffStartMs: 100, backoffMaxMs: 800 });
        try {
            p.show();
            await sleep(3000);
            assert.equal(p.engine.state.state, 'unreachable');
            assert.equal(p.engine.state.error?.kind, 'apiVersion');
            assert.match(p.engine.state.error?.message ?? '', /too new/);
            const lists = fake.count('GET /containers/json');
            // 100+200+400+800+800+800 ms: at most 6 attempts in 3 s (a reset backoff would make ~30)
            assert.ok(lists >= 3 && lists <= 7, `${lists} list attempts in 3 s`);
        } finally {
            p.dispose();
        }
    });

    it('an outage (nothing behind the socket) costs requests bounded by the backoff', async function () {
        this.timeout(15_000);
        // scaled 1:10 — the product's 1 s → 30 s backoff over 60 s is 100 ms → 3 s over 6 s here
        const proxy = await startCountingProxy(fake.socket, path.join(dir, 'proxy.sock'));
        const p = productOn(unixEndpoint(proxy.socket), { backoffStartMs: 100, backoffMaxMs: 3000 });
        try {
            p.show();
            await p.refresh.whenIdle();
            assert.equal(p.engine.state.state, 'connected');
            await fake.stop();
            // each attempt is a new connection (the proxy cannot read a request it has nowhere to send)
            const before = proxy.accepted;
            await until(() => p.engine.state.state === 'unreachable', 5000, 'unreachable');
            await sleep(6000);
            const n = proxy.accepted - before;
            figure('requests during a 60 s outage (scaled 1:10: 6 s, backoff 100 ms → 3 s)', `${n} connection attempts (bound 10)`);
            // 100+200+400+800+1600+3000 ms: 6 retries, each a ping (plus the list and events that noticed it)
            assert.ok(n >= 3 && n <= 10, `${n} attempts in 6 s of outage`);
            assert.equal(p.refresh.snapshot.at, 0);
        } finally {
            p.dispose();
            await proxy.close();
            await fake.start();
        }
    });
});
