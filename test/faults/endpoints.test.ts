import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { Engine } from '../../src/docker/engine';
import { RefreshManager } from '../../src/model/refreshManager';
import { fakeContainer, FakeEngine, startFakeEngine } from '../common/fakeEngine';
import { socketDir, until } from './helpers';

/** Bad endpoints in the setting and in the environment at the same time (the process environment, as docker-modem reads it). */
describe('faults: bad endpoints in the setting and the environment at once', () => {
    let fake: FakeEngine;
    const saved = { ...process.env };
    beforeEach(async () => {
        fake = await startFakeEngine(path.join(socketDir(), 'docker.sock'));
        fake.containers.push(fakeContainer('c'.repeat(64), 'from-the-setting', 'running'));
    });
    afterEach(async () => {
        for (const k of ['DOCKER_HOST', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_CLIENT_TIMEOUT']) {
            if (saved[k] === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = saved[k];
            }
        }
        await fake.stop();
    });

    function product(setting: string) {
        const inputs = { setting, env: process.env, platform: process.platform, homedir: os.homedir(), readFile: (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined) };
        const engine = new Engine({ resolveEndpoint: () => resolveEndpoint(inputs), clientFactory: () => createDockerClient, timeoutMs: () => 2000, log: () => undefined });
        const refresh = new RefreshManager(engine, { debug: () => undefined, warn: () => undefined }, { debounceMs: 10, backoffStartMs: 5000, backoffMaxMs: 5000 });
        refresh.hold('faults');
        return { engine, refresh, dispose: () => (refresh.dispose(), engine.dispose()) };
    }

    it('the setting (a unix socket) is the engine used, whatever DOCKER_HOST (not a URL), DOCKER_CERT_PATH and DOCKER_TLS_VERIFY say', async () => {
        process.env.DOCKER_HOST = 'this is not a url';
        process.env.DOCKER_CERT_PATH = '/nonexistent/certs';
        process.env.DOCKER_TLS_VERIFY = '1';
        const p = product(`unix://${fake.socket}`);
        try {
            await until(() => p.engine.state.state === 'connected' && p.refresh.snapshot.at > 0, 5000, 'connected to the setting');
            assert.equal(p.engine.state.endpoint?.display, `unix://${fake.socket}`);
            assert.deepEqual(p.refresh.snapshot.containers.map((c) => c.name), ['from-the-setting']);
        } finally {
            p.dispose();
        }
    });

    it('a bad setting beside a bad DOCKER_HOST: the setting\'s own error at once, nothing left "connecting"', async () => {
        process.env.DOCKER_HOST = 'tcp://[::1';
        const p = product('tcp://127.0.0.1:99999');
        try {
            await until(() => p.engine.state.state === 'unreachable', 2000, 'unreachable');
            assert.equal(p.engine.state.error?.kind, 'badConfig');
            assert.equal(p.engine.state.error?.reason?.id, 'hostPortInvalid');
            assert.equal(fake.requests.length, 0);
        } finally {
            p.dispose();
        }
    });
});
