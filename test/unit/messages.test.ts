/**
 * Issue #11, defect 13: messages that said the wrong thing. Endpoint parsing as the docker CLI reads
 * it, named pipes off Windows, a refused SSH endpoint, EACCES on a socket of another group, a missing
 * container named by its name, in English and Korean (the real bundle).
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { describeErrorIn, shortIds } from '../../src/common/errorWords';
import { parseDockerHost, resolveEndpoint } from '../../src/docker/endpoint';
import { classifyError, DockerError } from '../../src/docker/errors';
import { Engine } from '../../src/docker/engine';
import { groupName, socketGroup } from '../../src/docker/socketGroup';
import { DockerClient } from '../../src/docker/types';
import { HANGUL, testL10n } from './l10nBundle';

const en = testL10n('en');
const ko = testL10n('ko');

function badConfig(fn: () => unknown): DockerError {
    try {
        fn();
    } catch (e) {
        return e as DockerError;
    }
    throw new Error('accepted');
}

describe('messages: endpoints as the docker CLI reads them', () => {
    it('HOST:PORT without a scheme is tcp, like DOCKER_HOST=localhost:2375 for the docker CLI', () => {
        const e = parseDockerHost('localhost:2375', 'env');
        assert.equal(e.kind, 'tcp');
        assert.equal(e.host, 'localhost');
        assert.equal(e.port, 2375);
        assert.equal(e.display, 'tcp://localhost:2375');
        const v6 = parseDockerHost('[::1]:2376', 'setting');
        assert.equal(v6.kind, 'tcp');
        assert.equal(v6.host, '::1');
        assert.equal(parseDockerHost('docker-host', 'env').display, 'tcp://docker-host:2375');
    });

    it('a path without unix:// is still refused, with the unix:// example', () => {
        const err = badConfig(() => parseDockerHost('/var/run/docker.sock', 'env'));
        assert.equal(err.reason?.id, 'hostNotUrl');
    });

    it('a named pipe on Linux says named pipes are Windows-only (not "not a named pipe path")', () => {
        const err = badConfig(() => resolveEndpoint({ setting: 'npipe:////./pipe/docker_engine', env: {}, platform: 'linux', homedir: '/nonexistent', readFile: () => undefined }));
        assert.equal(err.reason?.id, 'npipeNotWindows');
        const m = describeErrorIn(en, err);
        assert.match(m.message, /named pipes are Windows-only/);
        assert.match(describeErrorIn(ko, err).message, /윈도우 전용/);
        assert.match(describeErrorIn(ko, err).message, HANGUL);
        // on Windows the same value is fine
        assert.equal(resolveEndpoint({ setting: 'npipe:////./pipe/docker_engine', env: {}, platform: 'win32', homedir: 'C:\\x', readFile: () => undefined }).kind, 'npipe');
    });
});

describe('messages: what to do next fits the endpoint', () => {
    const refused = classifyError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:22'), { code: 'ECONNREFUSED' }));

    it('a refused ssh:// endpoint talks about SSH access, not starting the daemon', () => {
        for (const l10n of [en, ko]) {
            const m = describeErrorIn(l10n, refused, 'ssh://me@build-box');
            assert.ok(m.message.includes('ssh://me@build-box'), m.message);
            assert.match(`${m.message} ${m.next}`, /SSH|ssh/);
            assert.doesNotMatch(m.next, /daemon|데몬을 시작/i, m.next);
        }
        // a local refused endpoint still says to start the daemon
        assert.match(describeErrorIn(en, refused, 'tcp://127.0.0.1:2375').next, /Start the Docker daemon/);
    });

    it('"does not exist" names the container, and never a 64-hex id', () => {
        const id = 'a'.repeat(64);
        const err = classifyError({ statusCode: 404, json: { message: `No such container: ${id}` } });
        for (const l10n of [en, ko]) {
            const m = describeErrorIn(l10n, err, undefined, 'web-1');
            assert.ok(m.message.includes('web-1'), m.message);
            assert.ok(!m.message.includes(id), m.message);
        }
        assert.equal(shortIds(`No such image: sha256:${'b'.repeat(64)}`), `No such image: ${'b'.repeat(12)}`);
        assert.ok(!describeErrorIn(en, err).message.includes(id));
    });
});

describe('messages: EACCES on a socket says which group owns it', () => {
    it('groupName reads /etc/group, and falls back to the number', () => {
        const file = 'root:x:0:\ndocker:x:998:me\nwheel:x:10:me\n';
        assert.equal(groupName(998, file), 'docker');
        assert.equal(groupName(10, file), 'wheel');
        assert.equal(groupName(4242, file), '4242');
    });

    it('the group of a real socket, then the advice names that group, not docker', async function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-grp-'));
        const sock = path.join(dir, 's.sock');
        const server = net.createServer().listen(sock);
        await new Promise((r) => server.once('listening', r));
        try {
            const gid = fs.statSync(sock).gid;
            const expected = groupName(gid, fs.readFileSync('/etc/group', 'utf8'));
            assert.equal(socketGroup(sock), expected);
            assert.equal(socketGroup(path.join(dir, 'missing.sock')), undefined);

            const endpoint = { kind: 'unix' as const, socketPath: sock, source: 'setting' as const, display: `unix://${sock}` };
            const engine = new Engine({
                resolveEndpoint: () => endpoint,
                clientFactory: () => () => ({ endpoint, dispose: () => undefined }) as unknown as DockerClient,
                timeoutMs: () => 1000,
                log: () => undefined,
                socketGroup: () => 'wheel',
            });
            engine.client();
            const err = engine.markFailure(Object.assign(new Error(`connect EACCES ${sock}`), { code: 'EACCES' }));
            assert.equal(err.kind, 'permission');
            assert.deepEqual(err.reason, { id: 'socketGroup', socket: endpoint.display, group: 'wheel' });
            for (const l10n of [en, ko]) {
                const m = describeErrorIn(l10n, err, endpoint.display);
                assert.ok(m.message.includes('"wheel"'), m.message);
                assert.ok(m.next.includes('usermod -aG wheel'), m.next);
                assert.doesNotMatch(m.next, /-aG docker/);
            }
            // a root-only socket: never advise joining the root group
            const rootOwned = new DockerError('permission', 'x', { reason: { id: 'socketGroup', socket: endpoint.display, group: 'root' } });
            for (const l10n of [en, ko]) {
                const m = describeErrorIn(l10n, rootOwned, endpoint.display);
                assert.ok(m.message.includes('"root"'), m.message);
                assert.doesNotMatch(m.next, /usermod/);
            }
            assert.equal(engine.state.state, 'unreachable');
            // a socket owned by docker keeps the usual advice
            const dockerOwned = new DockerError('permission', 'x', { reason: { id: 'socketGroup', socket: endpoint.display, group: 'docker' } });
            assert.match(describeErrorIn(en, dockerOwned, endpoint.display).next, /-aG docker/);
        } finally {
            server.close();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('every new sentence has Korean', () => {
        assert.deepEqual(ko.missing, []);
    });
});
