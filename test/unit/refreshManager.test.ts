import * as assert from 'assert/strict';
import { Engine } from '../../src/docker/engine';
import { DockerError } from '../../src/docker/errors';
import { mapContainers, mapImages } from '../../src/docker/mapping';
import { ContainerSummary, DockerClient, DockerEndpoint, EngineEvent, EventStreamHandlers, ImageSummary } from '../../src/docker/types';
import { RefreshManager, VisibleView } from '../../src/model/refreshManager';
import { noteTouched } from '../../src/model/touched';
import { fixture } from './helpers';

/** Lists captured from Docker Engine 20.10.24 (fixtures/README.md). */
const IMAGES = mapImages(fixture('images.json'));
const CONTAINERS = mapContainers(fixture('containers.json'));
const ENDPOINT: DockerEndpoint = { kind: 'unix', socketPath: '/tmp/fake.sock', source: 'env', display: 'unix:///tmp/fake.sock' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client that counts what it is asked; `lists` decides how the lists answer. */
function countingClient(opts: { lists?: () => Promise<void>; openStream?: boolean } = {}) {
    const calls = { ping: 0, fullLists: 0, filtered: 0, streams: 0 };
    let handlers: EventStreamHandlers | undefined;
    const client = {
        endpoint: ENDPOINT,
        ping: async () => void calls.ping++,
        version: async () => ({ version: '20.10.24', apiVersion: '1.41', os: 'linux', arch: 'amd64', kernelVersion: '6.1' }),
        listImages: async (): Promise<ImageSummary[]> => {
            await opts.lists?.();
            return IMAGES;
        },
        listContainers: async (_s?: AbortSignal, ids?: readonly string[]): Promise<ContainerSummary[]> => {
            if (ids) {
                calls.filtered++;
                return CONTAINERS.filter((c) => ids.includes(c.id));
            }
            calls.fullLists++;
            await opts.lists?.();
            return CONTAINERS;
        },
        findImage: async (ref: string) => IMAGES.find((i) => i.id === ref),
        streamEvents: (h: EventStreamHandlers) => {
            calls.streams++;
            handlers = h;
            if (opts.openStream !== false) {
                setTimeout(() => h.onOpen?.(), 1);
            }
            return { dispose: () => undefined };
        },
        dispose: () => undefined,
    };
    return { client: client as unknown as DockerClient, calls, emit: (e: EngineEvent) => handlers?.onEvent(e) };
}

function manager(client: DockerClient, options = { debounceMs: 5, backoffStartMs: 50, backoffMaxMs: 400 }) {
    const logs: string[] = [];
    const engine = new Engine({ resolveEndpoint: () => ENDPOINT, clientFactory: () => () => client, timeoutMs: () => 1000, log: () => undefined });
    const refresh = new RefreshManager(engine, { debug: (m) => logs.push(m), warn: (m) => logs.push(m) }, options);
    const view: VisibleView & { show(): void } = {
        visible: false,
        onDidChangeVisibility: (l) => ((view as unknown as { l: typeof l }).l = l) && { dispose: () => undefined },
        show() {
            (this as { visible: boolean }).visible = true;
            (view as unknown as { l: (e: { visible: boolean }) => void }).l({ visible: true });
        },
    };
    refresh.attach(view, 'test-view');
    return { refresh, engine, view, logs };
}

describe('RefreshManager (the one refresh owner, no vscode)', () => {
    it('a visible view lists once; events update one container; settle() after an action lists nothing', async () => {
        const c = countingClient();
        const { refresh, view } = manager(c.client);
        view.show();
        await refresh.whenIdle();
        assert.equal(c.calls.fullLists, 1);
        assert.equal(refresh.snapshot.containers.length, CONTAINERS.length);
        c.emit({ type: 'container', action: 'stop', id: CONTAINERS[0].id, time: Date.now(), attributes: {} });
        await refresh.settle();
        assert.equal(c.calls.fullLists, 1, 'no second full list');
        assert.equal(c.calls.filtered, 1);
        assert.equal(c.calls.ping, 1, 'no ping while connected');
        refresh.dispose();
    });

    it('settle(ids) after our own action reads those containers again, even before their events arrive', async () => {
        let gone = false;
        const c = countingClient();
        const real = c.client.listContainers;
        (c.client as { listContainers: typeof real }).listContainers = async (s, ids) => {
            const all = await real(s, ids);
            return gone ? all.filter((x) => x.id !== CONTAINERS[0].id) : all;
        };
        const { refresh, view } = manager(c.client);
        view.show();
        await refresh.whenIdle();
        // an action through the noting client: remove the first container (no event is ever sent)
        const touched = new Set<string>();
        const noting = noteTouched({ ...c.client, removeContainer: async () => void (gone = true) } as DockerClient, touched);
        await noting.removeContainer(CONTAINERS[0].id);
        assert.deepEqual([...touched], [CONTAINERS[0].id]);
        await refresh.settle([...touched]);
        assert.equal(c.calls.filtered, 1);
        assert.equal(c.calls.fullLists, 1);
        assert.ok(!refresh.snapshot.containers.some((x) => x.id === CONTAINERS[0].id), 'gone from the lists at once');
        refresh.dispose();
    });

    it('ping answers but the lists fail (API version): retries back off instead of every second', async () => {
        const c = countingClient({ lists: () => Promise.reject(new DockerError('apiVersion', 'client version 1.52 is too new. Maximum supported API version is 1.41')) });
        const { refresh, view } = manager(c.client);
        view.show();
        await sleep(1000);
        // 50, 100, 200, 400, 400 ms apart → at most 5 attempts in a second (a reset backoff would give ~20)
        assert.ok(c.calls.fullLists <= 5 && c.calls.fullLists >= 2, `${c.calls.fullLists} list attempts in 1 s`);
        refresh.dispose();
    });

    it('an events stream that never answers does not block the list forever, and it is logged', async function () {
        this.timeout(5000);
        const c = countingClient({ openStream: false });
        const { refresh, view, logs } = manager(c.client);
        view.show();
        await refresh.whenIdle();
        assert.equal(c.calls.fullLists, 1);
        assert.ok(logs.some((l) => l.includes('did not answer within 2 s')), logs.join('\n'));
        refresh.dispose();
    });
});
