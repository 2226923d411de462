/**
 * A DockerError in the user's words (src/common/errorWords.ts) with the real Korean bundle: every kind
 * and every reason has Korean, nothing English leaks in except the engine's own quoted words.
 */
import * as assert from 'assert/strict';
import { describeErrorIn } from '../../src/common/errorWords';
import { parseDockerHost } from '../../src/docker/endpoint';
import { classifyError, DockerError, DockerErrorKind, DockerReason, DockerReasonId, KINDS, REASON_IDS } from '../../src/docker/errors';
import { capturedError as rebuild } from './helpers';
import { HANGUL, testL10n } from './l10nBundle';

function nodeError(code: string, message = `connect ${code} /var/run/docker.sock`): Error {
    return Object.assign(new Error(message), { code });
}

describe('errors: the words, in English and Korean (src/common/errorWords.ts with the real bundle)', () => {
    const WHERE = 'unix:///var/run/docker.sock';
    /** One error per kind, as the client really makes them (daemon text from errors.json). */
    const samples: Record<DockerErrorKind, DockerError> = {
        noSocket: classifyError(rebuild('noSocket')),
        permission: classifyError(nodeError('EACCES')),
        refused: classifyError(rebuild('refusedTcp')),
        timeout: new DockerError('timeout', 'No answer from unix:///var/run/docker.sock within 10 s.', { reason: { id: 'noAnswer', endpoint: WHERE, seconds: 10 } }),
        unreachable: classifyError(rebuild('notFoundHost')),
        apiVersion: classifyError(rebuild('apiTooNew')),
        notFound: classifyError(rebuild('notFoundContainer')),
        conflict: classifyError(rebuild('conflictRemoveRunning')),
        http: classifyError({ statusCode: 500, json: { message: 'driver failed programming external connectivity' } }),
        badConfig: (() => {
            try {
                parseDockerHost('tcp://127.0.0.1:0', 'setting');
            } catch (e) {
                return e as DockerError;
            }
            throw new Error('a port out of range is accepted');
        })(),
        cancelled: classifyError(rebuild('aborted')),
        unknown: classifyError(new Error('write EPROTO something broke')),
    };
    const reasons: Record<DockerReasonId, DockerReason> = {
        hostNotUrl: { id: 'hostNotUrl', host: 'localhost:2375' },
        unixNotAbsolute: { id: 'unixNotAbsolute', host: 'unix://docker.sock' },
        npipeForm: { id: 'npipeForm', host: 'npipe://pipe' },
        npipeNotWindows: { id: 'npipeNotWindows', host: 'npipe:////./pipe/docker_engine' },
        hostPortInvalid: { id: 'hostPortInvalid', host: 'tcp://[::1' },
        hostNameMissing: { id: 'hostNameMissing', host: 'tcp://:2375' },
        portRange: { id: 'portRange', host: 'tcp://127.0.0.1:99999' },
        sshForm: { id: 'sshForm', host: 'ssh://%' },
        fdScheme: { id: 'fdScheme', host: 'fd://' },
        schemeUnsupported: { id: 'schemeUnsupported', host: 'ftp://x', scheme: 'ftp' },
        fileNotJson: { id: 'fileNotJson', file: '/home/me/.docker/config.json' },
        contextMissing: { id: 'contextMissing', context: 'remote', file: '/home/me/.docker/contexts/meta/ab/meta.json' },
        contextNoEndpoint: { id: 'contextNoEndpoint', context: 'remote' },
        noAnswer: { id: 'noAnswer', endpoint: WHERE, seconds: 10 },
        socketGroup: { id: 'socketGroup', socket: WHERE, group: 'root' },
        notAList: { id: 'notAList', endpoint: WHERE, request: 'GET /containers/json', sample: '"<html>garbage…"' },
        sshHostUnknown: { id: 'sshHostUnknown', target: 'ssh://root@build:2222', name: '[build]:2222', fingerprint: 'SHA256:abc' },
        sshHostChanged: { id: 'sshHostChanged', name: '[build]:2222', fingerprint: 'SHA256:abc', file: '/home/me/.ssh/known_hosts' },
        sshNoAgent: { id: 'sshNoAgent', target: 'ssh://root@build:2222' },
        sshKeyRefused: { id: 'sshKeyRefused', target: 'ssh://root@build:2222' },
        tlsUntrusted: { id: 'tlsUntrusted', target: 'tcp://build:2376', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
        tlsExpired: { id: 'tlsExpired', target: 'tcp://build:2376' },
        tlsWrongName: { id: 'tlsWrongName', target: 'tcp://build:2376' },
        tlsClientCertMissing: { id: 'tlsClientCertMissing', target: 'tcp://build:2376', certPath: '/home/me/.docker' },
        tlsClientCertRefused: { id: 'tlsClientCertRefused', target: 'tcp://build:2376', certPath: '/home/me/.docker' },
        tlsExpected: { id: 'tlsExpected' },
        tlsNotOffered: { id: 'tlsNotOffered', target: 'tcp://build:2376' },
    };
    /** Words allowed in Korean text: product names, protocols, and the settings / commands in backticks. */
    const ALLOWED = /^(Docker|Desktop|Engine|API|SSH|VPN|JSON|URL|docker|context|unix|npipe|tcp|ssh|fd|rootless|TLS|CA|HTTP|https|VS|Code)$/;

    /** English words left once the quoted engine text, the values we passed and code spans are taken out. */
    function english(text: string, quoted: string[]): string[] {
        let rest = text;
        for (const q of quoted.filter(Boolean).sort((a, b) => b.length - a.length)) {
            rest = rest.split(q).join(' ');
        }
        rest = rest.replace(/`[^`]*`/g, ' ').replace(/\S*:\/\/\S*/g, ' ');
        return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.test(w));
    }

    it('the samples cover every kind and every reason', () => {
        assert.deepEqual(Object.keys(samples).sort(), [...KINDS].sort());
        assert.deepEqual(Object.keys(reasons).sort(), [...REASON_IDS].sort());
        for (const [kind, err] of Object.entries(samples)) {
            assert.equal(err.kind, kind);
        }
        assert.equal(samples.badConfig.reason?.id, 'portRange', 'the endpoint check says why as data');
    });

    for (const kind of KINDS) {
        it(`${kind}: Korean words, no English reason leaks`, () => {
            const err = samples[kind];
            const ko = testL10n('ko');
            const m = describeErrorIn(ko, err, WHERE);
            assert.deepEqual(ko.missing, [], 'every sentence has Korean in l10n/bundle.l10n.ko.json');
            assert.match(m.message, HANGUL, m.message);
            if (kind !== 'cancelled') {
                assert.match(m.next, HANGUL, m.next);
            }
            // the daemon's (or system's) own text may be quoted as it is; nothing else in English
            assert.deepEqual(english(`${m.message} ${m.next}`, [err.message, WHERE, 'tcp://127.0.0.1:0']), [], `${m.message} ${m.next}`);
            const en = describeErrorIn(testL10n('en'), err, WHERE);
            assert.notEqual(m.message, en.message);
        });
    }

    it('the engine\'s words are quoted as the engine\'s, after our own sentence', () => {
        const m = describeErrorIn(testL10n('ko'), samples.conflict, WHERE);
        assert.ok(m.message.endsWith(`엔진 메시지: ${samples.conflict.message}`), m.message);
        const en = describeErrorIn(testL10n('en'), samples.notFound, WHERE);
        assert.equal(en.message, 'Docker could not find it. The engine says: No such container: no-such-thing');
    });

    for (const id of REASON_IDS) {
        it(`reason ${id}: Korean words, the values kept, no English`, () => {
            const r = reasons[id];
            const ko = testL10n('ko');
            const m = describeErrorIn(ko, new DockerError(id === 'noAnswer' ? 'timeout' : id === 'notAList' ? 'http' : 'badConfig', 'an English log line', { reason: r }), WHERE);
            assert.deepEqual(ko.missing, []);
            assert.match(m.message, HANGUL);
            const values = Object.entries(r)
                .filter(([k]) => k !== 'id')
                .map(([, v]) => String(v));
            for (const v of values) {
                assert.ok(m.message.includes(v), `"${m.message}" names ${v}`);
            }
            assert.doesNotMatch(m.message, /an English log line/);
            assert.deepEqual(english(m.message, values), [], m.message);
        });
    }

    it('reasons survive classifyError of a copy from the other bundle (recognised by shape)', () => {
        const copy = Object.assign(new Error('x'), { name: 'DockerError', kind: 'badConfig', reason: reasons.contextNoEndpoint });
        assert.deepEqual(classifyError(copy).reason, reasons.contextNoEndpoint);
    });
});
