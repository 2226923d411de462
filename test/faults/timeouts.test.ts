import * as assert from 'assert/strict';
import * as path from 'path';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { DockerError } from '../../src/docker/errors';
import { startCountingProxy } from '../common/countingProxy';
import { fakeContainer, startFakeEngine } from '../common/fakeEngine';
import { figure, socketDir, unixEndpoint, until } from './helpers';

/** Defect 6: a request that timed out must close its connection, whatever the call. */
describe('faults: a slow engine (every reply held 20 s)', () => {
    it('30 timed-out requests (image inspect, history, look-up, lists, container inspect) leave 0 open connections', async function () {
        this.timeout(20_000);
        const dir = socketDir();
        const fake = await startFakeEngine(path.join(dir, 'docker.sock'));
        const id = 'c'.repeat(64);
        fake.containers.push(fakeContainer(id, 'web'));
        const proxy = await startCountingProxy(fake.socket, path.join(dir, 'slow.sock'), { delayMs: 20_000 });
        const client = createDockerClient(unixEndpoint(proxy.socket), { timeoutMs: 300 });
        const image = 'sha256:' + 'b'.repeat(64);
        try {
            const calls: (() => Promise<unknown>)[] = [];
            for (let i = 0; i < 6; i++) {
                calls.push(
                    () => client.inspectImage(image),
                    () => client.imageHistory(image),
                    () => client.findImage('busybox:latest'),
                    () => client.listContainers(),
                    () => client.inspectContainer(id),
                );
            }
            const results = await Promise.allSettled(calls.map((c) => c()));
            const kinds = results.map((r) => (r.status === 'rejected' ? (r.reason as DockerError).kind : 'answered'));
            assert.deepEqual([...new Set(kinds)], ['timeout'], kinds.join(','));
            assert.equal(proxy.requests.length, 30);
            // the client closes at the timeout; give the proxy a moment to see the close
            await until(() => proxy.open === 0, 2000, `0 open connections (still ${proxy.open})`).catch(() => undefined);
            figure('open connections after 30 timeouts', String(proxy.open));
            assert.equal(proxy.open, 0, `${proxy.open} connections still open after 30 timeouts`);
        } finally {
            client.dispose();
            await proxy.close();
            await fake.stop();
        }
    });
});
