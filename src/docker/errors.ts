import { lastAttempt } from './remoteTrust';

/**
 * Every failure talking to the Engine becomes a `DockerError` with a `kind` the UI can explain
 * (and suggest a next step for). No `vscode` import: the wording for users lives in the UI layer.
 */

export type DockerErrorKind =
    | 'noSocket' // ENOENT on a unix socket / named pipe: the daemon is not running or the path is wrong
    | 'permission' // EACCES / EPERM on the socket
    | 'refused' // ECONNREFUSED
    | 'timeout' // no answer in time
    | 'unreachable' // host name unknown, network or host unreachable, connection reset
    | 'apiVersion' // the client and daemon disagree on the API version
    | 'notFound' // HTTP 404
    | 'conflict' // HTTP 409
    | 'http' // any other HTTP status, with the daemon's message
    | 'badConfig' // DOCKER_HOST / setting / context cannot be used
    | 'cancelled' // the user or the extension stopped it
    | 'unknown';

/**
 * Why, as data: the UI words it in the user's language (src/common/errorWords.ts); `message` keeps
 * the English sentence for the log. Set where the extension itself decides (endpoint checks, streams
 * and our own timeout); errors that carry the daemon's message have none (its words are quoted).
 */
export type DockerReason =
    | { readonly id: 'hostNotUrl'; readonly host: string }
    | { readonly id: 'unixNotAbsolute'; readonly host: string }
    | { readonly id: 'npipeForm'; readonly host: string }
    | { readonly id: 'npipeNotWindows'; readonly host: string }
    | { readonly id: 'hostPortInvalid'; readonly host: string }
    | { readonly id: 'hostNameMissing'; readonly host: string }
    | { readonly id: 'portRange'; readonly host: string }
    | { readonly id: 'sshForm'; readonly host: string }
    | { readonly id: 'fdScheme'; readonly host: string }
    | { readonly id: 'schemeUnsupported'; readonly host: string; readonly scheme: string }
    | { readonly id: 'fileNotJson'; readonly file: string }
    | { readonly id: 'contextMissing'; readonly context: string; readonly file: string }
    | { readonly id: 'contextNoEndpoint'; readonly context: string }
    | { readonly id: 'noAnswer'; readonly endpoint: string; readonly seconds: number }
    /** EACCES on a unix socket: the group that owns it (the UI says when it is not `docker`). */
    | { readonly id: 'socketGroup'; readonly socket: string; readonly group: string }
    /** A list call answered with something that is not a JSON list. */
    | { readonly id: 'notAList'; readonly endpoint: string; readonly request: string; readonly sample: string }
    /** SSH: the server's host key is in no known_hosts file. */
    | { readonly id: 'sshHostUnknown'; readonly target: string; readonly name: string; readonly fingerprint: string }
    /** SSH: known_hosts knows the host under another key. */
    | { readonly id: 'sshHostChanged'; readonly name: string; readonly fingerprint: string; readonly file: string }
    /** SSH: no agent (SSH_AUTH_SOCK unset), so no key to offer. */
    | { readonly id: 'sshNoAgent'; readonly target: string }
    /** SSH: the server refused every key the agent offered. */
    | { readonly id: 'sshKeyRefused'; readonly target: string }
    /** TLS: the engine's certificate is not signed by the CA we trust. */
    | { readonly id: 'tlsUntrusted'; readonly target: string; readonly code: string }
    /** TLS: the engine's certificate has expired (or is not valid yet). */
    | { readonly id: 'tlsExpired'; readonly target: string }
    /** TLS: the engine's certificate is for another host name. */
    | { readonly id: 'tlsWrongName'; readonly target: string }
    /** TLS: the engine wants a client certificate and we had none (no cert.pem/key.pem). */
    | { readonly id: 'tlsClientCertMissing'; readonly target: string; readonly certPath: string }
    /** TLS: the engine refused the client certificate we sent. */
    | { readonly id: 'tlsClientCertRefused'; readonly target: string; readonly certPath: string }
    /** TLS: the engine speaks TLS and we spoke plain HTTP. */
    | { readonly id: 'tlsExpected' }
    /** TLS: we spoke TLS and the engine did not. */
    | { readonly id: 'tlsNotOffered'; readonly target: string };

export type DockerReasonId = DockerReason['id'];

/** Every reason id, for tests that check each has words in every language. */
export const REASON_IDS: readonly DockerReasonId[] = ['hostNotUrl', 'unixNotAbsolute', 'npipeForm', 'npipeNotWindows', 'hostPortInvalid', 'hostNameMissing', 'portRange', 'sshForm', 'fdScheme', 'schemeUnsupported', 'fileNotJson', 'contextMissing', 'contextNoEndpoint', 'noAnswer', 'socketGroup', 'notAList', 'sshHostUnknown', 'sshHostChanged', 'sshNoAgent', 'sshKeyRefused', 'tlsUntrusted', 'tlsExpired', 'tlsWrongName', 'tlsClientCertMissing', 'tlsClientCertRefused', 'tlsExpected', 'tlsNotOffered'];

export class DockerError extends Error {
    readonly kind: DockerErrorKind;
    /** Why, as data for the UI to word (undefined when `message` is the daemon's or the system's own text). */
    readonly reason?: DockerReason;
    readonly statusCode?: number;
    /** Low-level code (`ENOENT`…) or other detail for the log. */
    readonly detail?: string;

    constructor(kind: DockerErrorKind, message: string, opts: { statusCode?: number; detail?: string; cause?: unknown; reason?: DockerReason } = {}) {
        super(message);
        this.name = 'DockerError';
        this.kind = kind;
        this.reason = opts.reason;
        this.statusCode = opts.statusCode;
        this.detail = opts.detail;
        if (opts.cause !== undefined) {
            (this as { cause?: unknown }).cause = opts.cause;
        }
    }
}

export const KINDS: readonly DockerErrorKind[] = ['noSocket', 'permission', 'refused', 'timeout', 'unreachable', 'apiVersion', 'notFound', 'conflict', 'http', 'badConfig', 'cancelled', 'unknown'];

function isDockerErrorShape(e: unknown): e is DockerError {
    const x = e as { name?: unknown; kind?: unknown; message?: unknown } | null;
    return !!x && typeof x === 'object' && x.name === 'DockerError' && typeof x.message === 'string' && KINDS.includes(x.kind as DockerErrorKind);
}

/** Error kinds that mean "we could not reach an Engine at all" (vs. an Engine that said no). */
export function isConnectionError(kind: DockerErrorKind): boolean {
    return kind === 'noSocket' || kind === 'permission' || kind === 'refused' || kind === 'timeout' || kind === 'unreachable' || kind === 'badConfig';
}

interface ErrorLike {
    code?: unknown;
    errno?: unknown;
    statusCode?: unknown;
    reason?: unknown;
    json?: unknown;
    message?: unknown;
    name?: unknown;
}

/** The daemon's own message from a docker-modem error (`json.message`, or the raw body). */
export function daemonMessage(err: ErrorLike): string | undefined {
    const json = err.json;
    if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
        return ((json as { message: string }).message).trim();
    }
    if (typeof json === 'string' && json.trim()) {
        try {
            const parsed = JSON.parse(json) as { message?: unknown };
            if (typeof parsed.message === 'string') {
                return parsed.message.trim();
            }
        } catch {
            return json.trim();
        }
    }
    if (Buffer.isBuffer(json) && json.length) {
        return daemonMessage({ json: json.toString('utf8') });
    }
    return undefined;
}

const API_VERSION_RE = /client version [\d.]+ is too (new|old)|minimum supported API version|maximum supported API version|is too new\. Maximum supported API version/i;

/** Turn anything thrown by dockerode / docker-modem / node into a `DockerError`. */
export function classifyError(error: unknown): DockerError {
    if (error instanceof DockerError) {
        return error;
    }
    // dist/docker.js bundles its own copy of this class, so recognise it by shape, not by instanceof
    if (isDockerErrorShape(error)) {
        return new DockerError(error.kind, error.message, { statusCode: error.statusCode, detail: error.detail, reason: error.reason, cause: (error as { cause?: unknown }).cause });
    }
    const err = (error && typeof error === 'object' ? error : { message: String(error) }) as ErrorLike;
    const code = typeof err.code === 'string' ? err.code : undefined;
    const message = typeof err.message === 'string' ? err.message : typeof error === 'string' ? error : 'Unknown error';
    const statusCode = typeof err.statusCode === 'number' ? err.statusCode : undefined;

    if (err.name === 'AbortError' || code === 'ABORT_ERR') {
        return new DockerError('cancelled', 'The request was cancelled.', { detail: code, cause: error });
    }
    const remote = classifyRemote(err, code, message, error);
    if (remote) {
        return remote;
    }
    if (statusCode !== undefined) {
        // streaming endpoints: docker-modem leaves json null and puts the daemon's words in the message,
        // "(HTTP code 500) server error - <daemon text>"
        const fromMessage = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(message)?.[1]?.trim();
        const said = daemonMessage(err) ?? (fromMessage || (typeof err.reason === 'string' ? err.reason : message));
        if (API_VERSION_RE.test(said)) {
            return new DockerError('apiVersion', said, { statusCode, cause: error });
        }
        if (statusCode === 404) {
            return new DockerError('notFound', said, { statusCode, cause: error });
        }
        if (statusCode === 409) {
            return new DockerError('conflict', said, { statusCode, cause: error });
        }
        if (statusCode === 401 || statusCode === 403) {
            return new DockerError('http', said, { statusCode, detail: 'denied', cause: error });
        }
        return new DockerError('http', said, { statusCode, cause: error });
    }
    switch (code) {
        case 'ENOENT':
            return new DockerError('noSocket', message, { detail: code, cause: error });
        case 'EACCES':
        case 'EPERM':
            return new DockerError('permission', message, { detail: code, cause: error });
        case 'ECONNREFUSED':
            return new DockerError('refused', message, { detail: code, cause: error });
        case 'ETIMEDOUT':
        case 'ESOCKETTIMEDOUT':
        case 'UND_ERR_CONNECT_TIMEOUT':
            return new DockerError('timeout', message, { detail: code, cause: error });
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'ECONNRESET':
        case 'EPIPE':
            return new DockerError('unreachable', message, { detail: code, cause: error });
        case 'ENOTSOCK':
            return new DockerError('noSocket', message, { detail: code, cause: error });
        default:
            break;
    }
    if (/timeout|timed out/i.test(message)) {
        return new DockerError('timeout', message, { detail: code, cause: error });
    }
    if (API_VERSION_RE.test(message)) {
        return new DockerError('apiVersion', message, { cause: error });
    }
    return new DockerError('unknown', message, { detail: code, cause: error });
}

const UNTRUSTED: readonly string[] = ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE'];

/**
 * TLS and SSH failures, each with its own reason. node and ssh2 say "bad certificate" or
 * "authentication failed" whatever the cause: what the attempt had (an agent, a client certificate,
 * the host key's verdict; src/docker/remoteTrust.ts) tells the causes apart.
 */
function classifyRemote(err: ErrorLike, code: string | undefined, message: string, cause: unknown): DockerError | undefined {
    const make = (reason: DockerReason, text: string) => new DockerError('unreachable', text, { detail: code ?? (typeof (err as { level?: unknown }).level === 'string' ? String((err as { level: string }).level) : undefined), reason, cause });
    const tls = lastAttempt('tls');
    const ssh = lastAttempt('ssh');
    const tlsTarget = tls?.target ?? 'the engine';
    if (code && UNTRUSTED.includes(code)) {
        return make({ id: 'tlsUntrusted', target: tlsTarget, code }, `TLS: the certificate of ${tlsTarget} is not signed by the CA we trust (${code}: ${message}).`);
    }
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
        return make({ id: 'tlsExpired', target: tlsTarget }, `TLS: the certificate of ${tlsTarget} is not valid now (${code}).`);
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return make({ id: 'tlsWrongName', target: tlsTarget }, `TLS: the certificate of ${tlsTarget} is for another host name (${message}).`);
    }
    if (code && /^ERR_SSL_.*(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|UNKNOWN_CA|CERTIFICATE_EXPIRED|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)$/.test(code)) {
        const certPath = tls?.certPath ?? '';
        return tls?.clientCert === false
            ? make({ id: 'tlsClientCertMissing', target: tlsTarget, certPath }, `TLS: ${tlsTarget} wants a client certificate and none was sent (no cert.pem/key.pem in ${certPath || 'the certificate folder'}).`)
            : make({ id: 'tlsClientCertRefused', target: tlsTarget, certPath }, `TLS: ${tlsTarget} refused our client certificate (${code}).`);
    }
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
        return make({ id: 'tlsNotOffered', target: tlsTarget }, `TLS: ${tlsTarget} did not answer with TLS (${code}).`);
    }
    if (/Client sent an HTTP request to an HTTPS server/i.test(daemonMessage(err) ?? message)) {
        return make({ id: 'tlsExpected' }, 'The engine speaks TLS (https) and we spoke plain HTTP.');
    }
    if (/^Host denied \(verification failed\)/.test(message)) {
        const hk = ssh?.hostKey;
        const target = ssh?.target ?? 'the SSH host';
        if (hk?.verdict === 'changed') {
            return make({ id: 'sshHostChanged', name: hk.name, fingerprint: hk.fingerprint, file: hk.file ?? '' }, `SSH: ${hk.name} shows the key ${hk.fingerprint}, not the one ${hk.file} knows.`);
        }
        return make({ id: 'sshHostUnknown', target, name: hk?.name ?? target, fingerprint: hk?.fingerprint ?? '' }, `SSH: the host key of ${hk?.name ?? target} (${hk?.fingerprint ?? '?'}) is in no known_hosts file.`);
    }
    if ((err as { level?: unknown }).level === 'client-authentication' || /All configured authentication methods failed/.test(message)) {
        const target = ssh?.target ?? 'the SSH host';
        return ssh?.agent === false
            ? make({ id: 'sshNoAgent', target }, `SSH: no ssh-agent (SSH_AUTH_SOCK is not set), so there was no key to offer ${target}.`)
            : make({ id: 'sshKeyRefused', target }, `SSH: ${target} refused every key the agent offered.`);
    }
    return undefined;
}
