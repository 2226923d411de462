import * as assert from 'assert/strict';
import { Engine, EngineDeps, EngineStateName } from '../../src/docker/engine';
import { DockerError } from '../../src/docker/errors';
import type { ClientFactory } from '../../src/docker/loader';
import { DockerClient, DockerEndpoint, EngineVersion } from '../../src/docker/types';

const ENDPOINT: DockerEndpoint = { kind: 'unix', socketPath: '/tmp/fake.sock', source: 'env', display: 'unix:///tmp/fake.sock' };
const VERSION: EngineVersion = { version: '20.10.24', apiVersion: '1.41', minApiVersion: '1.12', os: 'linux', arch: 'amd64', kernelVersion: '6.1' };

interface FakeClient extends DockerClient {
    pings: number;
    disposed: boolean;
}

/**
 * A plain-object DockerClient; `ping` does what `behaviour.ping` says. Only what the Engine uses is
 * implemented; any other method (the interface grows with the lessons) rejects loudly if called.
 */
function fakeClient(endpoint: DockerEndpoint, behaviour: { ping?: () => Promise<void>; version?: () => Promise<EngineVersion> }): FakeClient {
    const base = {
        endpoint,
        pings: 0,
        disposed: false,
        async ping() {
            base.pings++;
            await (behaviour.ping?.() ?? Promise.resolve());
        },
        version: () => behaviour.version?.() ?? Promise.resolve(VERSION),
        listImages: () => Promise.resolve([]),
        listContainers: () => Promise.resolve([]),
        streamEvents: () => ({ dispose() {} }),
        dispose() {
            base.disposed = true;
        },
    };
    return new Proxy(base, {
        get(target, prop, receiver) {
            if (prop in target || typeof prop === 'symbol' || prop === 'then') {
                return Reflect.get(target, prop, receiver);
            }
            return () => Promise.reject(new Error(`fake DockerClient: ${String(prop)} is not implemented`));
        },
    }) as unknown as FakeClient;
}

function enoent(): Error {
    return Object.assign(new Error('connect ENOENT /tmp/fake.sock'), { code: 'ENOENT', syscall: 'connect' });
}

/** Builds an Engine whose every dependency call is counted. */
function harness(opts: { resolve?: () => DockerEndpoint; ping?: () => Promise<void>; version?: () => Promise<EngineVersion> } = {}) {
    const counts = { resolve: 0, factoryLoads: 0, clientsMade: 0 };
    const clients: FakeClient[] = [];
    const options: unknown[] = [];
    const logs: string[] = [];
    const factory: ClientFactory = (endpoint, o) => {
        counts.clientsMade++;
        options.push(o);
        const c = fakeClient(endpoint, { ping: opts.ping, version: opts.version });
        clients.push(c);
        return c;
    };
    const deps: EngineDeps = {
        resolveEndpoint: () => {
            counts.resolve++;
            return (opts.resolve ?? (() => ENDPOINT))();
        },
        clientFactory: () => {
            counts.factoryLoads++;
            return factory;
        },
        timeoutMs: () => 1234,
        log: (m) => logs.push(m),
    };
    const engine = new Engine(deps);
    const seen: EngineStateName[] = [];
    engine.onDidChangeState((s) => seen.push(s.state));
    return { engine, counts, clients, options, logs, seen };
}

describe('Engine', () => {
    it('is lazy: nothing is resolved or loaded until client()/connect()', () => {
        const h = harness();
        assert.equal(h.engine.state.state, 'idle');
        assert.deepEqual(h.counts, { resolve: 0, factoryLoads: 0, clientsMade: 0 });
    });

    it('client() loads the factory once and reuses the client', () => {
        const h = harness();
        const a = h.engine.client();
        const b = h.engine.client();
        assert.equal(a, b);
        assert.deepEqual(h.counts, { resolve: 1, factoryLoads: 1, clientsMade: 1 });
        assert.deepEqual(h.options, [{ timeoutMs: 1234 }]);
        assert.equal(a.endpoint, ENDPOINT);
        assert.match(h.logs[0], /unix:\/\/\/tmp\/fake\.sock \(from env\)/);
    });

    it('connect(): idle → connecting → connected, with endpoint and version', async () => {
        const h = harness();
        const state = await h.engine.connect();
        assert.deepEqual(h.seen, ['connecting', 'connected']);
        assert.equal(state.state, 'connected');
        assert.equal(state.endpoint, ENDPOINT);
        assert.deepEqual(state.version, VERSION);
        assert.equal(h.engine.state, state);
        assert.equal(h.clients[0].pings, 1);
    });

    it('connect() again while connected does not flap through connecting', async () => {
        const h = harness();
        await h.engine.connect();
        await h.engine.connect();
        assert.deepEqual(h.seen, ['connecting', 'connected']);
        assert.equal(h.clients[0].pings, 2);
        assert.equal(h.counts.clientsMade, 1);
    });

    it('ping failing with ENOENT → unreachable with kind noSocket', async () => {
        const h = harness({ ping: () => Promise.reject(enoent()) });
        const state = await h.engine.connect();
        assert.deepEqual(h.seen, ['connecting', 'unreachable']);
        assert.equal(state.state, 'unreachable');
        assert.ok(state.error instanceof DockerError);
        assert.equal(state.error.kind, 'noSocket');
        assert.equal(state.endpoint, ENDPOINT);
    });

    it('version failing with apiVersion → unreachable', async () => {
        const h = harness({
            version: () => Promise.reject({ statusCode: 400, json: { message: 'client version 1.99 is too new. Maximum supported API version is 1.41' } }),
        });
        const state = await h.engine.connect();
        assert.equal(state.state, 'unreachable');
        assert.equal(state.error?.kind, 'apiVersion');
    });

    it('badConfig from resolveEndpoint → unreachable; connect() never throws; no client is made', async () => {
        const h = harness({
            resolve: () => {
                throw new DockerError('badConfig', '"foo://x" is not a Docker host we can use');
            },
        });
        const state = await h.engine.connect();
        assert.equal(state.state, 'unreachable');
        assert.equal(state.error?.kind, 'badConfig');
        assert.equal(state.endpoint, undefined);
        assert.equal(h.counts.factoryLoads, 0, 'dockerode is not loaded for a bad endpoint');
        assert.equal(h.counts.clientsMade, 0);
        assert.deepEqual(h.seen, ['unreachable']);
    });

    it('connect(versionLater): connected after the ping alone; the version fills in; an API-version error still counts', async () => {
        let answer!: (v: EngineVersion) => void;
        const h = harness({ version: () => new Promise<EngineVersion>((r) => (answer = r)) });
        const state = await h.engine.connect(undefined, { versionLater: true });
        assert.equal(state.state, 'connected');
        assert.equal(state.version, undefined, 'not waited for');
        answer(VERSION);
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(h.engine.state.version, VERSION);

        const failing = harness({ version: () => Promise.reject({ statusCode: 400, json: { message: 'client version 1.99 is too new. Maximum supported API version is 1.41' } }) });
        await failing.engine.connect(undefined, { versionLater: true });
        await new Promise((r) => setImmediate(r));
        assert.equal(failing.engine.state.state, 'unreachable');
        assert.equal(failing.engine.state.error?.kind, 'apiVersion');
    });

    it('a client that cannot be built is shown as unreachable and logged, not left "connecting"', async () => {
        const h = harness();
        const engine = new Engine({
            resolveEndpoint: () => ENDPOINT,
            clientFactory: () => () => {
                throw new Error('DOCKER_HOST env variable should be something like tcp://localhost:1234');
            },
            timeoutMs: () => 1000,
            log: (m) => h.logs.push(m),
        });
        const state = await engine.connect();
        assert.equal(state.state, 'unreachable');
        assert.match(state.error?.message ?? '', /DOCKER_HOST env variable/);
        assert.ok(h.logs.some((l) => l.includes('could not be created')), h.logs.join('\n'));
    });

    it('client() rethrows the badConfig DockerError', () => {
        const h = harness({
            resolve: () => {
                throw new DockerError('badConfig', 'nope');
            },
        });
        assert.throws(() => h.engine.client(), (e: unknown) => e instanceof DockerError && e.kind === 'badConfig');
        assert.equal(h.engine.state.state, 'unreachable');
    });

    it('unreachable → connected once the daemon answers', async () => {
        let fail = true;
        const h = harness({ ping: () => (fail ? Promise.reject(enoent()) : Promise.resolve()) });
        await h.engine.connect();
        fail = false;
        const state = await h.engine.connect();
        assert.equal(state.state, 'connected');
        assert.equal(state.error, undefined);
        assert.deepEqual(h.seen, ['connecting', 'unreachable', 'connecting', 'connected']);
    });

    it('reset() → idle, disposes the client, and the next client() asks the factory again', async () => {
        const h = harness();
        await h.engine.connect();
        h.engine.reset();
        assert.equal(h.engine.state.state, 'idle');
        assert.equal(h.clients[0].disposed, true);
        assert.equal(h.seen.at(-1), 'idle');
        await h.engine.connect();
        assert.equal(h.counts.resolve, 2);
        assert.equal(h.counts.factoryLoads, 2);
        assert.equal(h.counts.clientsMade, 2);
        assert.notEqual(h.clients[1], h.clients[0]);
        assert.equal(h.engine.state.state, 'connected');
    });

    it('reset() re-resolves: a setting change reaches the new client', async () => {
        let endpoint = ENDPOINT;
        const h = harness({ resolve: () => endpoint });
        await h.engine.connect();
        endpoint = { kind: 'tcp', host: '10.0.0.1', port: 2375, source: 'setting', display: 'tcp://10.0.0.1:2375' };
        h.engine.reset();
        const state = await h.engine.connect();
        assert.equal(state.endpoint, endpoint);
        assert.equal(h.engine.client().endpoint, endpoint);
    });

    it('markFailure: a 404 does not make a connected Engine unreachable', async () => {
        const h = harness();
        await h.engine.connect();
        const err = h.engine.markFailure({ statusCode: 404, json: { message: 'No such container: x' } });
        assert.equal(err.kind, 'notFound');
        assert.equal(h.engine.state.state, 'connected');
    });

    it('markFailure: ECONNREFUSED makes it unreachable, keeping the endpoint', async () => {
        const h = harness();
        await h.engine.connect();
        const err = h.engine.markFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
        assert.equal(err.kind, 'refused');
        assert.equal(h.engine.state.state, 'unreachable');
        assert.equal(h.engine.state.endpoint, ENDPOINT);
    });

    it('listeners: dispose stops notifications; the same state is not re-announced', async () => {
        const h = harness({ ping: () => Promise.reject(enoent()) });
        const extra: EngineStateName[] = [];
        const sub = h.engine.onDidChangeState((s) => extra.push(s.state));
        await h.engine.connect();
        sub.dispose();
        h.engine.reset();
        assert.deepEqual(extra, ['connecting', 'unreachable']);
        assert.deepEqual(h.seen, ['connecting', 'unreachable', 'idle']);
    });

    it('dispose() disposes the client', async () => {
        const h = harness();
        await h.engine.connect();
        h.engine.dispose();
        assert.equal(h.clients[0].disposed, true);
    });
});
