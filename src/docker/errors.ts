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
    | { readonly id: 'notAList'; readonly endpoint: string; readonly request: string; readonly sample: string };

export type DockerReasonId = DockerReason['id'];

/** Every reason id, for tests that check each has words in every language. */
export const REASON_IDS: readonly DockerReasonId[] = ['hostNotUrl', 'unixNotAbsolute', 'npipeForm', 'npipeNotWindows', 'hostPortInvalid', 'hostNameMissing', 'portRange', 'sshForm', 'fdScheme', 'schemeUnsupported', 'fileNotJson', 'contextMissing', 'contextNoEndpoint', 'noAnswer', 'socketGroup', 'notAList'];

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
