/**
 * The panel message validators (src/protocol/panelProtocol.ts). A webview is a web page: anything it
 * posts may be forged, so the extension side must accept only the exact shapes it expects.
 */
import * as assert from 'assert/strict';
import { parseConclusion, parseFromDockerfileWebview, parseFromWebview, parsePanelState, parseToDockerfileWebview, parseToWebview } from '../../src/protocol/panelProtocol';

/** What `postMessage` delivers: a structured clone, so plain data with own properties only. */
const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const NOT_RECORDS: unknown[] = [undefined, null, 0, 1, 'ready', '{"type":"ready"}', true, [], [{ type: 'ready' }], () => ({ type: 'ready' })];

describe('protocol: parseFromWebview (lesson panel → extension)', () => {
    it('ready', () => {
        assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(parseFromWebview(wire({ type: 'ready', extra: '<script>' })), { type: 'ready' }, 'extra fields are dropped');
    });

    it('action with demo and action, with and without an arg', () => {
        assert.deepEqual(parseFromWebview({ type: 'action', demo: 'hello.flow', action: 'run' }), { type: 'action', demo: 'hello.flow', action: 'run' });
        assert.deepEqual(parseFromWebview({ type: 'action', demo: 'ivc.explore', action: 'remove', arg: 'sha256:0123abcd' }), {
            type: 'action',
            demo: 'ivc.explore',
            action: 'remove',
            arg: 'sha256:0123abcd',
        });
        const ref = 'registry.example.com:5000/team/app@sha256:' + 'a'.repeat(64);
        assert.equal(parseFromWebview({ type: 'action', demo: 'd', action: 'pull', arg: ref })?.type, 'action');
    });

    it('an action without an arg has no arg key at all', () => {
        const m = parseFromWebview({ type: 'action', demo: 'a', action: 'b' });
        assert.ok(m);
        assert.equal(Object.prototype.hasOwnProperty.call(m, 'arg'), false);
    });

    it('rejects anything that is not a plain object', () => {
        for (const v of NOT_RECORDS) {
            assert.equal(parseFromWebview(v), undefined, String(v));
        }
    });

    it('rejects unknown or missing types', () => {
        for (const type of [undefined, 'READY', 'render', 'live', 'exec', '', 1, null, ['ready'], { toString: () => 'ready' }]) {
            assert.equal(parseFromWebview({ type, demo: 'a', action: 'b' }), undefined, String(type));
        }
        assert.equal(parseFromWebview({}), undefined);
    });

    it('rejects an action with missing or wrong-typed fields', () => {
        const bad: unknown[] = [
            { type: 'action' },
            { type: 'action', demo: 'a' },
            { type: 'action', action: 'b' },
            { type: 'action', demo: 1, action: 'b' },
            { type: 'action', demo: 'a', action: 2 },
            { type: 'action', demo: ['a'], action: 'b' },
            { type: 'action', demo: 'a', action: { x: 1 } },
            { type: 'action', demo: 'a', action: 'b', arg: 42 },
            { type: 'action', demo: 'a', action: 'b', arg: null },
            { type: 'action', demo: 'a', action: 'b', arg: ['x'] },
            { type: 'action', demo: 'a', action: 'b', arg: '' },
        ];
        for (const m of bad) {
            assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
        }
    });

    it('rejects bad demo and action ids', () => {
        for (const id of ['1demo', '9', '', '.hidden', '-x', 'a b', 'a/b', 'a;b', '<script>', 'a'.repeat(65), 'démo', 'a\nb']) {
            assert.equal(parseFromWebview({ type: 'action', demo: id, action: 'run' }), undefined, `demo ${JSON.stringify(id)}`);
            assert.equal(parseFromWebview({ type: 'action', demo: 'x', action: id }), undefined, `action ${JSON.stringify(id)}`);
        }
        // the longest id that is allowed
        assert.ok(parseFromWebview({ type: 'action', demo: 'a'.repeat(64), action: 'run' }));
    });

    it('rejects hostile args: spaces, quotes, markup, options, over-long', () => {
        const hostile = ['busybox latest', 'a"b', "a'b", '<script>alert(1)</script>', 'x`id`', 'x$(id)', 'x;rm -rf /', '-rm', '--privileged', '../../etc', 'a\nb', 'a\u0000b', 'é', 'a'.repeat(257)];
        for (const arg of hostile) {
            assert.equal(parseFromWebview({ type: 'action', demo: 'd', action: 'a', arg }), undefined, JSON.stringify(arg));
        }
    });

    it('256 characters is the longest arg', () => {
        assert.equal(parseFromWebview({ type: 'action', demo: 'd', action: 'a', arg: 'a'.repeat(256) })?.type, 'action');
        assert.equal(parseFromWebview({ type: 'action', demo: 'd', action: 'a', arg: 'a'.repeat(257) }), undefined);
    });

    it('a forged __proto__ key returns only the three fields and pollutes nothing', () => {
        const forged = JSON.parse('{"type":"action","demo":"x","action":"y","__proto__":{"polluted":true,"arg":"evil arg"},"constructor":{"prototype":{"polluted":true}}}');
        const m = parseFromWebview(forged);
        assert.deepEqual(m, { type: 'action', demo: 'x', action: 'y' });
        assert.deepEqual(Object.keys(m!).sort(), ['action', 'demo', 'type']);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.equal(Object.getPrototypeOf(m), Object.prototype);
    });

    it('an object literal with __proto__ still gives just the three fields', () => {
        const m = parseFromWebview({ type: 'action', demo: 'x', action: 'y', __proto__: { polluted: true } });
        assert.deepEqual(m, { type: 'action', demo: 'x', action: 'y' });
        assert.equal(Object.prototype.hasOwnProperty.call(m, 'polluted'), false);
        assert.equal((m as unknown as Record<string, unknown>).polluted, undefined);
    });

    it('extra fields on a valid action are dropped', () => {
        const m = parseFromWebview(wire({ type: 'action', demo: 'x', action: 'y', arg: 'z', cmd: ['rm', '-rf', '/'], html: '<b>' }));
        assert.deepEqual(m, { type: 'action', demo: 'x', action: 'y', arg: 'z' });
    });
});

describe('protocol: parseToWebview (extension → lesson panel)', () => {
    const strings = { background: 'b', live: 'l', cli: 'c', api: 'a', output: 'o', stateWords: {}, yes: 'y', no: 'n', ms: 'ms' };

    it('accepts render and live messages', () => {
        const render = { type: 'render', lessonId: 'hello-world', title: 'Hello', lang: 'en', blocks: [{ kind: 'p', text: 'x' }], strings };
        assert.deepEqual(parseToWebview(render), render);
        const live = { type: 'live', view: { demo: 'hello.flow', state: 'running' } };
        assert.deepEqual(parseToWebview(live), live);
    });

    it('rejects render with missing or wrong-typed fields', () => {
        const ok = { type: 'render', lessonId: 'x', title: 't', lang: 'en', blocks: [], strings };
        for (const k of ['lessonId', 'title', 'blocks', 'strings'] as const) {
            const m: Record<string, unknown> = { ...ok };
            delete m[k];
            assert.equal(parseToWebview(m), undefined, `without ${k}`);
        }
        assert.equal(parseToWebview({ ...ok, lessonId: 3 }), undefined);
        assert.equal(parseToWebview({ ...ok, blocks: 'nope' }), undefined);
        assert.equal(parseToWebview({ ...ok, strings: null }), undefined);
        assert.equal(parseToWebview({ ...ok, strings: ['a'] }), undefined);
    });

    it('rejects live without a demo or state, and unknown types', () => {
        assert.equal(parseToWebview({ type: 'live' }), undefined);
        assert.equal(parseToWebview({ type: 'live', view: null }), undefined);
        assert.equal(parseToWebview({ type: 'live', view: { demo: 'x' } }), undefined);
        assert.equal(parseToWebview({ type: 'live', view: { state: 'idle' } }), undefined);
        assert.equal(parseToWebview({ type: 'live', view: { demo: 1, state: 'idle' } }), undefined);
        assert.equal(parseToWebview({ type: 'eval', code: 'alert(1)' }), undefined);
        for (const v of NOT_RECORDS) {
            assert.equal(parseToWebview(v), undefined, String(v));
        }
    });
});

describe('protocol: parsePanelState', () => {
    it('keeps a valid lesson id and a numeric scroll position', () => {
        assert.deepEqual(parsePanelState({ lessonId: 'cgroups', scrollY: 120 }), { lessonId: 'cgroups', scrollY: 120 });
        assert.deepEqual(parsePanelState({ lessonId: 'hello-world' }), { lessonId: 'hello-world', scrollY: undefined });
    });

    it('drops a scroll position that is not a number', () => {
        assert.deepEqual(parsePanelState({ lessonId: 'cgroups', scrollY: '120' }), { lessonId: 'cgroups', scrollY: undefined });
        assert.deepEqual(parsePanelState({ lessonId: 'cgroups', scrollY: { y: 1 } }), { lessonId: 'cgroups', scrollY: undefined });
    });

    it('drops extra fields', () => {
        assert.deepEqual(Object.keys(parsePanelState({ lessonId: 'x', scrollY: 1, evil: '<script>' })!).sort(), ['lessonId', 'scrollY']);
    });

    it('rejects missing, non-string and malformed lesson ids', () => {
        for (const lessonId of [undefined, 1, null, '', '1abc', '../x', 'a b', '<script>', 'a'.repeat(65)]) {
            assert.equal(parsePanelState({ lessonId }), undefined, String(lessonId));
        }
        for (const v of NOT_RECORDS) {
            assert.equal(parsePanelState(v), undefined, String(v));
        }
    });
});

describe('protocol: parseFromDockerfileWebview (explain panel → extension)', () => {
    it('ready and build, extra fields dropped', () => {
        assert.deepEqual(parseFromDockerfileWebview({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(parseFromDockerfileWebview({ type: 'build', tag: 'evil; rm -rf /', file: '/etc/passwd' }), { type: 'build' });
    });

    it('reveal: a line that is a non-negative integer below a million', () => {
        assert.deepEqual(parseFromDockerfileWebview({ type: 'reveal', line: 0 }), { type: 'reveal', line: 0 });
        assert.deepEqual(parseFromDockerfileWebview({ type: 'reveal', line: 41, extra: 1 }), { type: 'reveal', line: 41 });
        assert.deepEqual(parseFromDockerfileWebview({ type: 'reveal', line: 999_999 }), { type: 'reveal', line: 999_999 });
    });

    it('reveal: negative, float, huge, NaN, Infinity and strings are rejected', () => {
        for (const line of [-1, -0.5, 1.5, 1_000_000, 2 ** 53, Number.MAX_VALUE, NaN, Infinity, -Infinity, '3', null, undefined, [3]]) {
            assert.equal(parseFromDockerfileWebview({ type: 'reveal', line }), undefined, String(line));
        }
    });

    it('run: limits that match the pattern are kept', () => {
        assert.deepEqual(parseFromDockerfileWebview({ type: 'run' }), { type: 'run' });
        assert.deepEqual(parseFromDockerfileWebview({ type: 'run', memory: '64m', cpus: '0.5', pids: '100' }), { type: 'run', memory: '64m', cpus: '0.5', pids: '100' });
        assert.deepEqual(parseFromDockerfileWebview({ type: 'run', memory: '1G' }), { type: 'run', memory: '1G' });
        assert.deepEqual(parseFromDockerfileWebview({ type: 'run', memory: '512kb' }), { type: 'run', memory: '512kb' });
    });

    it('run: empty limits are left out, not rejected', () => {
        const m = parseFromDockerfileWebview({ type: 'run', memory: '', cpus: '1', pids: '' });
        assert.deepEqual(m, { type: 'run', cpus: '1' });
        assert.equal(Object.prototype.hasOwnProperty.call(m, 'memory'), false);
    });

    it('run: a limit that is not one short plain token rejects the whole message', () => {
        const bad = ['64 m', '-1', '64m; rm -rf /', '$(id)', '1'.repeat(17), '1,5'];
        for (const v of bad) {
            for (const k of ['memory', 'cpus', 'pids']) {
                assert.equal(parseFromDockerfileWebview({ type: 'run', [k]: v }), undefined, `${k}=${JSON.stringify(v)}`);
            }
        }
        for (const v of [64, true, null, ['64m'], { v: '64m' }]) {
            assert.equal(parseFromDockerfileWebview({ type: 'run', memory: v }), undefined, `memory=${JSON.stringify(v)}`);
        }
    });

    it('run: plain tokens pass the protocol; the extension then refuses nonsense limits (with a message)', async () => {
        const { parseLimits } = await import('../../src/docker/cli');
        for (const v of ['1t', '64mm', 'lots', '0x10']) {
            assert.deepEqual(parseFromDockerfileWebview({ type: 'run', memory: v }), { type: 'run', memory: v });
            assert.equal(parseLimits({ memory: v }).memoryBytes, undefined, `memory=${v}`);
        }
        assert.equal(parseLimits({ cpus: '1.2.3' }).nanoCpus, undefined);
        assert.equal(parseLimits({ pids: '2.5' }).pidsLimit, undefined);
        assert.deepEqual(parseLimits({ memory: '64m', cpus: '0.5', pids: '20' }), { memoryBytes: 67108864, nanoCpus: 500000000, pidsLimit: 20 });
    });

    it('run: other fields (image, cmd) are never passed through', () => {
        const m = parseFromDockerfileWebview({ type: 'run', memory: '64m', image: 'evil', cmd: ['sh'] });
        assert.deepEqual(m, { type: 'run', memory: '64m' });
    });

    it('unknown types and non-objects are rejected', () => {
        for (const type of ['exec', 'open', 'READY', '', undefined, 1]) {
            assert.equal(parseFromDockerfileWebview({ type }), undefined, String(type));
        }
        for (const v of NOT_RECORDS) {
            assert.equal(parseFromDockerfileWebview(v), undefined, String(v));
        }
        assert.equal(parseFromDockerfileWebview(JSON.parse('{"__proto__":{"type":"build"}}')), undefined);
    });
});

describe('protocol: parseToDockerfileWebview (extension → explain panel)', () => {
    const view = { file: 'Dockerfile', rows: [], build: { state: 'idle', log: '' }, canBuild: true, strings: { title: 'x', kinds: { layer: 'l', metadata: 'm', stage: 's' } } };

    it('view with rows, strings and build', () => {
        assert.deepEqual(parseToDockerfileWebview({ type: 'view', view }), { type: 'view', view });
    });

    it('a view without rows keeps the rows the panel has (nothing changed in the file)', () => {
        const same: Record<string, unknown> = { ...view };
        delete same.rows;
        assert.deepEqual(parseToDockerfileWebview({ type: 'view', view: same }), { type: 'view', view: same });
    });

    it('view without strings (or their kind words) or build is rejected', () => {
        assert.equal(parseToDockerfileWebview({ type: 'view', view: { ...view, strings: { title: 'x' } } }), undefined);
        for (const k of ['strings', 'build'] as const) {
            const v: Record<string, unknown> = { ...view };
            delete v[k];
            assert.equal(parseToDockerfileWebview({ type: 'view', view: v }), undefined, `without ${k}`);
        }
        assert.equal(parseToDockerfileWebview({ type: 'view', view: { ...view, rows: {} } }), undefined);
        assert.equal(parseToDockerfileWebview({ type: 'view' }), undefined);
    });

    it('highlight: only the line is kept, and it must be a number', () => {
        assert.deepEqual(parseToDockerfileWebview({ type: 'highlight', line: 3, html: '<b>' }), { type: 'highlight', line: 3 });
        assert.equal(parseToDockerfileWebview({ type: 'highlight', line: '3' }), undefined);
        assert.equal(parseToDockerfileWebview({ type: 'highlight' }), undefined);
    });

    it('unknown types and non-objects are rejected', () => {
        assert.equal(parseToDockerfileWebview({ type: 'script', src: 'x' }), undefined);
        for (const v of NOT_RECORDS) {
            assert.equal(parseToDockerfileWebview(v), undefined, String(v));
        }
    });
});

describe('protocol: parseConclusion (a run\'s findings)', () => {
    const ok = { heading: 'What this run showed', state: 'surprise', stateWord: 'something differed', points: [{ state: 'surprise', stateWord: 'Not as expected', text: 'PID 7 runs init.', why: 'Likely reason: x.' }] };

    it('accepts a well-formed conclusion as it is', () => {
        assert.deepEqual(parseConclusion(wire(ok)), ok);
    });

    it('drops points with an unknown state, no text or no state word; rejects a conclusion with none left', () => {
        const mixed = { ...ok, points: [...ok.points, { state: 'great', stateWord: 'x', text: 'y' }, { state: 'held', stateWord: 'As expected' }, { state: 'note', text: 'z' }, 7] };
        assert.deepEqual(parseConclusion(mixed)?.points, ok.points);
        assert.equal(parseConclusion({ ...ok, points: [] }), undefined);
        assert.equal(parseConclusion({ ...ok, points: 'x' }), undefined);
        assert.equal(parseConclusion({ ...ok, state: 'fine' }), undefined);
        assert.equal(parseConclusion({ ...ok, stateWord: '' }), undefined);
        for (const v of NOT_RECORDS) {
            assert.equal(parseConclusion(v), undefined);
        }
    });

    it('bounds its texts', () => {
        const long = 'x'.repeat(10_000);
        const c = parseConclusion({ ...ok, heading: long, points: [{ state: 'note', stateWord: long, text: long, why: long }] });
        assert.ok(c);
        assert.equal(c.heading.length, 200);
        assert.equal(c.points[0].stateWord.length, 200);
        assert.equal(c.points[0].text.length, 2000);
        assert.equal(c.points[0].why?.length, 2000);
    });
});
