import * as assert from 'assert/strict';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { MODEM_ENV, withoutModemEnv } from '../../src/docker/modemEnv';
import { DockerEndpoint } from '../../src/docker/types';

/** The real dockerode/docker-modem, built as the extension builds it, with a hostile environment. */
function modemOf(endpoint: DockerEndpoint): { socketPath?: string; host?: string; port?: string | number; protocol?: string; ca?: unknown; timeout?: number } {
    const client = createDockerClient(endpoint);
    return (client as unknown as { docker: { modem: ReturnType<typeof modemOf> } }).docker.modem;
}

describe('the client uses exactly the resolved endpoint, whatever DOCKER_* says', () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => MODEM_ENV.forEach((n) => (saved[n] = process.env[n])));
    afterEach(() =>
        MODEM_ENV.forEach((n) => {
            if (saved[n] === undefined) {
                delete process.env[n];
            } else {
                process.env[n] = saved[n];
            }
        }),
    );

    const unix: DockerEndpoint = { kind: 'unix', socketPath: '/tmp/chosen.sock', source: 'setting', display: 'unix:///tmp/chosen.sock' };

    it('a unix endpoint stays on its socket with DOCKER_HOST=tcp://… in the environment', () => {
        process.env.DOCKER_HOST = 'tcp://127.0.0.1:2375';
        process.env.DOCKER_CLIENT_TIMEOUT = '5';
        const modem = modemOf(unix);
        assert.equal(modem.socketPath, '/tmp/chosen.sock');
        assert.equal(modem.host, undefined, 'no tcp host mixed in');
        assert.equal(modem.timeout, undefined, 'no timeout from the environment');
    });

    it('a DOCKER_HOST that is not a URL does not break a client for another endpoint', () => {
        process.env.DOCKER_HOST = 'not a url at all';
        assert.doesNotThrow(() => modemOf(unix));
    });

    it('DOCKER_TLS_VERIFY and a missing DOCKER_CERT_PATH do not turn a plain tcp endpoint into TLS (or throw)', () => {
        process.env.DOCKER_HOST = 'tcp://127.0.0.1:2376';
        process.env.DOCKER_TLS_VERIFY = '1';
        process.env.DOCKER_CERT_PATH = '/nonexistent/certs';
        const modem = modemOf({ kind: 'tcp', host: '127.0.0.1', port: 2375, source: 'setting', display: 'tcp://127.0.0.1:2375' });
        assert.equal(modem.protocol, 'http');
        assert.equal(modem.ca, undefined);
    });

    it('the environment is put back afterwards, even when building throws', () => {
        process.env.DOCKER_HOST = 'tcp://10.0.0.1:2375';
        assert.throws(() =>
            withoutModemEnv(() => {
                assert.equal(process.env.DOCKER_HOST, undefined, 'hidden while building');
                throw new Error('boom');
            }),
        );
        assert.equal(process.env.DOCKER_HOST, 'tcp://10.0.0.1:2375');
    });
});
