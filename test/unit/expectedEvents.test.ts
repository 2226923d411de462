import * as assert from 'assert/strict';
import { replySample, requireList } from '../../src/docker/dockerodeCalls';
import { DockerError } from '../../src/docker/errors';
import { EngineEvent } from '../../src/docker/types';
import { ExpectedEvents } from '../../src/model/expectedEvents';

const ID = 'a'.repeat(64);
const event = (id: string, name = 'web'): EngineEvent => ({ type: 'container', action: 'start', id, time: 0, attributes: { name } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ExpectedEvents (our action → its event, or the stream is silent)', () => {
    it('an event that arrives during the call meets the expectation: nothing is declared missing', async () => {
        const missing: string[] = [];
        const e = new ExpectedEvents(30, (id) => missing.push(id));
        e.action(ID, 'start', true);
        e.seen(event(ID));
        e.action(ID, 'done', true);
        await e.whenMet();
        await sleep(50);
        assert.deepEqual(missing, []);
    });

    it('by name, and an event that passed just before the call (create) also counts', async () => {
        const missing: string[] = [];
        const e = new ExpectedEvents(30, (id) => missing.push(id));
        e.seen(event(ID, 'made-now'));
        e.action(ID, 'start', true);
        e.action(ID, 'done', true);
        e.action('web', 'start', true);
        e.seen(event('b'.repeat(64), 'web'));
        e.action('web', 'done', true);
        await sleep(50);
        assert.deepEqual(missing, []);
    });

    it('no event after a successful action: declared missing once; a failed action expects nothing', async () => {
        const missing: string[] = [];
        const e = new ExpectedEvents(30, (id) => missing.push(id));
        e.action(ID, 'start', true);
        e.action(ID, 'done', true);
        e.action('other', 'start', true);
        e.action('other', 'failed', true);
        await e.whenMet();
        assert.deepEqual(missing, [ID]);
    });

    it('no stream, no expectation', async () => {
        const missing: string[] = [];
        const e = new ExpectedEvents(10, (id) => missing.push(id));
        e.action(ID, 'start', false);
        e.action(ID, 'done', false);
        await sleep(30);
        assert.equal(e.size, 0);
        assert.deepEqual(missing, []);
    });
});

describe('list replies that are not lists', () => {
    const endpoint = { kind: 'unix' as const, socketPath: '/s', source: 'setting' as const, display: 'unix:///s' };
    it('a list passes; an object, bytes and an empty body are errors naming the request', () => {
        assert.deepEqual(requireList(endpoint, 'GET /images/json', []), []);
        for (const raw of [{ message: 'x' }, Buffer.from('<html>'), Buffer.alloc(0), null]) {
            assert.throws(
                () => requireList(endpoint, 'GET /images/json', raw),
                (e: unknown) => e instanceof DockerError && e.kind === 'http' && e.reason?.id === 'notAList' && e.message.includes('GET /images/json'),
            );
        }
    });

    it('the sample is bounded, and control and direction characters are made visible', () => {
        assert.equal(replySample(Buffer.alloc(1 << 20, 'x')).length, 83);
        assert.equal(replySample('a\u202Eb\nc'), '"a\ufffdb\ufffdc"');
        assert.equal(replySample(Buffer.alloc(0)), '(empty)');
    });
});
