import * as assert from 'assert/strict';
import { classifyError, daemonMessage, DockerError, DockerErrorKind, isConnectionError } from '../../src/docker/errors';
import { capturedError as rebuild } from './helpers';

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
