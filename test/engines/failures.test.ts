/**
 * Every TLS and SSH failure, produced for real against the engines layer's servers (dockerd's TLS
 * listener with a throwaway CA, TLS fronts with an expired certificate and with one for another name,
 * sshd with its own host key and authorized key), classified by src/docker/errors.ts and worded in
 * English and Korean with a next step (src/common/remoteErrorWords.ts through describeErrorIn, with
 * the real Korean bundle).
 */
import * as assert from 'assert/strict';
import { describeErrorIn } from '../../src/common/errorWords';
import { DockerError, DockerReasonId } from '../../src/docker/errors';
import { ClientOptions } from '../../src/docker/dockerodeClient';
import { testL10n } from '../unit/l10nBundle';
import { clientFor, countTest, enginesConfig, record } from './setup';

const HANGUL = /[\uac00-\ud7a3]/;
const cfg = process.env.DL_ENGINES ? enginesConfig() : undefined;

async function failure(host: string, certPath: string | undefined, options: ClientOptions = {}): Promise<DockerError> {
    const client = clientFor({ host, certPath }, { timeoutMs: 30_000, ...options });
    try {
        await client.ping();
    } catch (e) {
        return e as DockerError;
    } finally {
        client.dispose();
    }
    throw new Error(`${host} answered; a failure was expected`);
}

function wordsOf(err: DockerError, where: string) {
    const ko = testL10n('ko');
    const en = describeErrorIn(testL10n('en'), err, where);
    const k = describeErrorIn(ko, err, where);
    assert.deepEqual(ko.missing, [], 'every sentence has Korean');
    assert.match(k.message, HANGUL, k.message);
    assert.match(k.next, HANGUL, k.next);
    assert.ok(en.next.length > 20, en.next);
    return { en, ko: k };
}

describe('engines: every TLS and SSH failure has its own message and next step', function () {
    this.timeout(60_000);
    const seen = new Map<DockerReasonId, string>();
    const expectReason = (err: DockerError, id: DockerReasonId, where: string) => {
        assert.equal(err.name, 'DockerError', String(err));
        assert.equal(err.reason?.id, id, `${err.kind}: ${err.message}`);
        const w = wordsOf(err, where);
        // each failure its own words: no two reasons share a message or a next step
        for (const [other, text] of seen) {
            assert.notEqual(w.en.message + w.en.next, text, `${id} is worded like ${other}`);
        }
        seen.set(id, w.en.message + w.en.next);
        const tls = id.startsWith('tls');
        const n = [...seen.keys()].filter((k) => k.startsWith(tls ? 'tls' : 'ssh')).length;
        record(tls ? 'docker-tls' : 'docker-ssh', 'TLS / SSH failures: each its own words and next step', 'yes', `${n} of ${tls ? 7 : 4} modes`);
        return w;
    };
    afterEach(function () {
        countTest(/^SSH/.test(this.currentTest?.title ?? '') ? 'docker-ssh' : 'docker-tls', this.currentTest?.state === 'passed');
    });

    before(function () {
        if (!cfg) {
            throw new Error('DL_ENGINES is not set: run `node scripts/engines-tests.mjs`');
        }
    });

    const tcp = () => `tcp://127.0.0.1:${cfg!.tls.port}`;

    it('TLS, wrong CA: the engine\'s certificate is not signed by the CA in ca.pem', async function () {
        const err = await failure(tcp(), cfg!.tls.wrongCa);
        const w = expectReason(err, 'tlsUntrusted', tcp());
        assert.match(w.en.next, /ca\.pem/);
    });

    it('TLS, client certificate missing: the folder has ca.pem only', async function () {
        const err = await failure(tcp(), cfg!.tls.noCert);
        const w = expectReason(err, 'tlsClientCertMissing', tcp());
        assert.ok(w.en.message.includes(cfg!.tls.noCert), w.en.message);
    });

    it('TLS, client certificate refused: signed by a CA the engine does not trust', async function () {
        expectReason(await failure(tcp(), cfg!.tls.strangerCert), 'tlsClientCertRefused', tcp());
    });

    it('TLS, expired certificate (a TLS front whose certificate ended in 2020)', async function () {
        const host = `tcp://127.0.0.1:${cfg!.tls.expiredPort}`;
        expectReason(await failure(host, cfg!.tls.client), 'tlsExpired', host);
    });

    it('TLS, wrong name: the engine\'s certificate is for engine.example.invalid, and the client dials 127.0.0.1', async function () {
        const host = `tcp://127.0.0.1:${cfg!.tls.wrongNamePort}`;
        const err = await failure(host, cfg!.tls.client);
        // node's own check of the names, before any request: ERR_TLS_CERT_ALTNAME_INVALID
        assert.equal(err.detail, 'ERR_TLS_CERT_ALTNAME_INVALID', `${err.kind}: ${err.message}`);
        const w = expectReason(err, 'tlsWrongName', host);
        assert.equal(w.en.message, `The TLS certificate of ${host} was issued for another host name.`);
        assert.match(w.en.next, /^Use the host name the certificate was issued for in the Docker host setting/);
        assert.ok(w.ko.message.includes(host), w.ko.message);
    });

    it('TLS expected: plain HTTP to dockerd\'s TLS port', async function () {
        expectReason(await failure(tcp(), undefined), 'tlsExpected', tcp());
    });

    it('TLS offered to a plain port (the SSH port speaks no TLS)', async function () {
        const host = `tcp://127.0.0.1:${cfg!.ssh.port}`;
        const err = await failure(host, cfg!.tls.client);
        expectReason(err, 'tlsNotOffered', host);
    });

    it('SSH, unknown host key: no known_hosts entry; the fingerprint is the server\'s', async function () {
        const err = await failure(cfg!.ssh.url, undefined, { remote: { knownHostsFiles: [cfg!.ssh.knownHostsEmpty] } });
        const w = expectReason(err, 'sshHostUnknown', cfg!.ssh.url);
        assert.match(w.en.message, /SHA256:[A-Za-z0-9+/]{43}/);
        assert.ok(w.en.next.includes(`ssh ${cfg!.ssh.url}`), w.en.next);
    });

    it('SSH, changed host key: known_hosts knows the host under another key', async function () {
        const err = await failure(cfg!.ssh.url, undefined, { remote: { knownHostsFiles: [cfg!.ssh.knownHostsChanged] } });
        const w = expectReason(err, 'sshHostChanged', cfg!.ssh.url);
        assert.match(w.en.next, /ssh-keygen -R/);
    });

    it('SSH, no agent: SSH_AUTH_SOCK unset', async function () {
        expectReason(await failure(cfg!.ssh.url, undefined, { remote: { sshAgent: undefined } }), 'sshNoAgent', cfg!.ssh.url);
    });

    it('SSH, key refused: the agent holds a key the server does not authorize', async function () {
        expectReason(await failure(cfg!.ssh.url, undefined, { remote: { sshAgent: cfg!.ssh.strangerAgent } }), 'sshKeyRefused', cfg!.ssh.url);
    });

    it('and the right setup connects (so each failure above is the one thing changed)', async function () {
        for (const [host, certPath] of [[tcp(), cfg!.tls.client], [cfg!.ssh.url, undefined]] as const) {
            const client = clientFor({ host, certPath });
            try {
                await client.ping();
            } finally {
                client.dispose();
            }
        }
        assert.equal(seen.size, 11);
    });
});
