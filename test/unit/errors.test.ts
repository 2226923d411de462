import * as assert from 'assert/strict';
import { describeErrorIn } from '../../src/common/errorWords';
import { parseDockerHost } from '../../src/docker/endpoint';
import { classifyError, daemonMessage, DockerError, DockerErrorKind, DockerReason, DockerReasonId, isConnectionError, KINDS, REASON_IDS } from '../../src/docker/errors';
import { fixture } from './helpers';
import { HANGUL, testL10n } from './l10nBundle';

/**
 * errors.json holds the enumerable fields of errors that dockerode 5 / docker-modem really threw
 * against a real daemon (see fixtures/README.md). Rebuild an Error with those fields.
 */
const captured = fixture('errors.json') as Record<string, Record<string, unknown>>;

function rebuild(name: string): Error {
    const shape = captured[name];
    assert.ok(shape, `fixture errors.json has ${name}`);
    const err = new Error(String(shape.message)) as Error & Record<string, unknown>;
    for (const [k, v] of Object.entries(shape)) {
        if (k !== 'message' && v !== undefined && v !== null) {
            err[k] = v;
        }
    }
    return err;
}

function nodeError(code: string, message = `connect ${code} /var/run/docker.sock`): Error {
    return Object.assign(new Error(message), { code });
}

describe('errors: classifyError with errors captured from dockerode + a real daemon', () => {
    it('404 container → notFound with the daemon message', () => {
        const err = classifyError(rebuild('notFoundContainer'));
        assert.equal(err.kind, 'notFound');
        assert.equal(err.statusCode, 404);
        assert.equal(err.message, 'No such container: no-such-thing');
    });

    it('404 image → notFound with the daemon message', () => {
        const err = classifyError(rebuild('notFoundImage'));
        assert.equal(err.kind, 'notFound');
        assert.match(err.message, /^no such image: no-such-image:latest/);
    });

    it('409 remove a running container → conflict', () => {
        const err = classifyError(rebuild('conflictRemoveRunning'));
        assert.equal(err.kind, 'conflict');
        assert.equal(err.statusCode, 409);
        assert.match(err.message, /^You cannot remove a running container/);
        assert.doesNotMatch(err.message, /HTTP code/, 'the daemon words, not the modem wrapper');
    });

    it('409 name in use → conflict', () => {
        assert.equal(classifyError(rebuild('conflictName')).kind, 'conflict');
    });

    it('400 client version too new → apiVersion', () => {
        const err = classifyError(rebuild('apiTooNew'));
        assert.equal(err.kind, 'apiVersion');
        assert.equal(err.statusCode, 400);
        assert.equal(err.message, 'client version 1.99 is too new. Maximum supported API version is 1.41');
    });

    it('connect ENOENT on the socket → noSocket', () => {
        const err = classifyError(rebuild('noSocket'));
        assert.equal(err.kind, 'noSocket');
        assert.equal(err.detail, 'ENOENT');
        assert.match(err.message, /ENOENT/);
    });

    it('ECONNREFUSED on tcp → refused', () => {
        assert.equal(classifyError(rebuild('refusedTcp')).kind, 'refused');
    });

    it('ENOTFOUND host → unreachable', () => {
        const err = classifyError(rebuild('notFoundHost'));
        assert.equal(err.kind, 'unreachable');
        assert.equal(err.detail, 'ENOTFOUND');
    });

    it("docker-modem's own timeout surfaces as ECONNRESET 'socket hang up' → unreachable (the client uses its own AbortSignal timeout)", () => {
        assert.equal(classifyError(rebuild('modemTimeoutHangUp')).kind, 'unreachable');
    });

    it('AbortError from an aborted dockerode call → cancelled', () => {
        const original = rebuild('aborted');
        const err = classifyError(original);
        assert.equal(err.kind, 'cancelled');
        assert.equal((err as { cause?: unknown }).cause, original);
    });
});

describe('errors: classifyError, node error codes', () => {
    const cases: Array<[string, DockerErrorKind]> = [
        ['ENOENT', 'noSocket'],
        ['ENOTSOCK', 'noSocket'],
        ['EACCES', 'permission'],
        ['EPERM', 'permission'],
        ['ECONNREFUSED', 'refused'],
        ['ETIMEDOUT', 'timeout'],
        ['ESOCKETTIMEDOUT', 'timeout'],
        ['ENOTFOUND', 'unreachable'],
        ['EAI_AGAIN', 'unreachable'],
        ['EHOSTUNREACH', 'unreachable'],
        ['ECONNRESET', 'unreachable'],
        ['EPIPE', 'unreachable'],
    ];
    for (const [code, kind] of cases) {
        it(`${code} → ${kind}`, () => {
            const original = nodeError(code);
            const err = classifyError(original);
            assert.ok(err instanceof DockerError);
            assert.equal(err.kind, kind);
            assert.equal(err.detail, code);
            assert.equal(err.message, original.message);
            assert.equal((err as { cause?: unknown }).cause, original);
        });
    }

    it('an unknown code with "timed out" in the message → timeout', () => {
        assert.equal(classifyError(nodeError('EWHATEVER', 'request timed out')).kind, 'timeout');
    });

    it('an unknown code → unknown, code kept as detail', () => {
        const err = classifyError(nodeError('EWHATEVER', 'odd'));
        assert.equal(err.kind, 'unknown');
        assert.equal(err.detail, 'EWHATEVER');
    });

    it('code ABORT_ERR without the AbortError name → cancelled', () => {
        assert.equal(classifyError(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' })).kind, 'cancelled');
    });

    it('a DOMException AbortError (AbortSignal.abort()) → cancelled', () => {
        const signal = AbortSignal.abort();
        assert.equal(classifyError(signal.reason).kind, 'cancelled');
    });
});

describe('errors: classifyError, docker-modem shapes', () => {
    it('{statusCode: 404, json: {message}, reason} → notFound with the daemon message', () => {
        const err = classifyError({ statusCode: 404, json: { message: 'No such container: x' }, reason: 'no such container', message: '(HTTP code 404) no such container - No such container: x ' });
        assert.equal(err.kind, 'notFound');
        assert.equal(err.message, 'No such container: x');
    });

    it('409 → conflict', () => {
        const err = classifyError({ statusCode: 409, json: { message: 'container is running' } });
        assert.equal(err.kind, 'conflict');
        assert.equal(err.message, 'container is running');
    });

    it('500 → http with the status code', () => {
        const err = classifyError({ statusCode: 500, json: { message: 'driver failed' }, reason: 'server error' });
        assert.equal(err.kind, 'http');
        assert.equal(err.statusCode, 500);
        assert.equal(err.message, 'driver failed');
    });

    it('401/403 → http with detail "denied"', () => {
        const err = classifyError({ statusCode: 403, json: { message: 'authorization denied by plugin' } });
        assert.equal(err.kind, 'http');
        assert.equal(err.detail, 'denied');
    });

    it('400 "client version … is too new" → apiVersion', () => {
        const err = classifyError({ statusCode: 400, json: { message: 'client version 1.99 is too new. Maximum supported API version is 1.41' } });
        assert.equal(err.kind, 'apiVersion');
    });

    it('400 "client version … is too old" → apiVersion', () => {
        const err = classifyError({ statusCode: 400, json: { message: 'client version 1.11 is too old. Minimum supported API version is 1.12, please upgrade your client to a newer version' } });
        assert.equal(err.kind, 'apiVersion');
    });

    it('a plain 400 → http, not apiVersion', () => {
        assert.equal(classifyError({ statusCode: 400, json: { message: 'invalid reference format' } }).kind, 'http');
    });

    it('json as a Buffer holding JSON', () => {
        const err = classifyError({ statusCode: 404, json: Buffer.from('{"message":"No such image: ghost:latest"}\n') });
        assert.equal(err.kind, 'notFound');
        assert.equal(err.message, 'No such image: ghost:latest');
    });

    it('json as a JSON string', () => {
        const err = classifyError({ statusCode: 409, json: '{"message":"conflict here"}' });
        assert.equal(err.message, 'conflict here');
    });

    it('json as a plain-text string → the text', () => {
        const err = classifyError({ statusCode: 502, json: '  Bad Gateway\n' });
        assert.equal(err.kind, 'http');
        assert.equal(err.message, 'Bad Gateway');
    });

    it('no json → the reason, then the message', () => {
        assert.equal(classifyError({ statusCode: 404, reason: 'no such container', message: 'm' }).message, 'no such container');
        assert.equal(classifyError({ statusCode: 404, message: '(HTTP code 404) x' }).message, '(HTTP code 404) x');
    });

    it('an apiVersion message without a status code is still apiVersion', () => {
        assert.equal(classifyError(new Error('Error response from daemon: client version 1.99 is too new. Maximum supported API version is 1.41')).kind, 'apiVersion');
    });
});

describe('errors: classifyError, anything else', () => {
    it('a DockerError passes through unchanged (same object)', () => {
        const original = new DockerError('badConfig', 'bad', { detail: 'setting' });
        assert.equal(classifyError(original), original);
    });

    it('a string → unknown with that text', () => {
        const err = classifyError('boom');
        assert.equal(err.kind, 'unknown');
        assert.equal(err.message, 'boom');
    });

    it('undefined and null → unknown, never throws', () => {
        assert.equal(classifyError(undefined).kind, 'unknown');
        assert.equal(classifyError(null).kind, 'unknown');
        assert.equal(classifyError(undefined).message, 'undefined');
    });

    it('a number → unknown', () => {
        assert.equal(classifyError(42).message, '42');
    });

    it('a plain Error → unknown with its message', () => {
        const err = classifyError(new Error('something odd'));
        assert.equal(err.kind, 'unknown');
        assert.equal(err.message, 'something odd');
        assert.ok(err instanceof Error);
        assert.equal(err.name, 'DockerError');
    });
});

describe('errors: daemonMessage', () => {
    it('undefined when there is no body', () => {
        assert.equal(daemonMessage({}), undefined);
        assert.equal(daemonMessage({ json: '' }), undefined);
        assert.equal(daemonMessage({ json: Buffer.alloc(0) }), undefined);
        assert.equal(daemonMessage({ json: { other: 1 } }), undefined);
    });

    it('trims the message', () => {
        assert.equal(daemonMessage({ json: { message: ' x \n' } }), 'x');
    });
});

describe('errors: isConnectionError', () => {
    const connection: DockerErrorKind[] = ['noSocket', 'permission', 'refused', 'timeout', 'unreachable', 'badConfig'];
    const engineAnswered: DockerErrorKind[] = ['apiVersion', 'notFound', 'conflict', 'http', 'cancelled', 'unknown'];
    for (const kind of connection) {
        it(`${kind} is a connection error`, () => assert.equal(isConnectionError(kind), true));
    }
    for (const kind of engineAnswered) {
        it(`${kind} is not a connection error`, () => assert.equal(isConnectionError(kind), false));
    }
});

describe('classifyError across bundles', () => {
    it('a DockerError from another copy of the class keeps its kind', async () => {
        const { classifyError } = await import('../../src/docker/errors');
        // what dist/docker.js throws: same shape, different class identity
        class DockerError extends Error {
            kind = 'noSocket';
            detail = 'ENOENT';
            constructor(m: string) {
                super(m);
                this.name = 'DockerError';
            }
        }
        const e = classifyError(new DockerError('connect ENOENT /x.sock'));
        if (e.kind !== 'noSocket' || e.message !== 'connect ENOENT /x.sock') {
            throw new Error(`got ${e.kind}: ${e.message}`);
        }
    });
});

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
    };
    /** Words allowed in Korean text: product names, protocols, and the settings / commands in backticks. */
    const ALLOWED = /^(Docker|Desktop|Engine|API|SSH|VPN|JSON|URL|docker|context|unix|npipe|tcp|ssh|fd|rootless)$/;

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
            const m = describeErrorIn(ko, new DockerError(id === 'noAnswer' ? 'timeout' : 'badConfig', 'an English log line', { reason: r }), WHERE);
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
