/**
 * Which Docker Engine do we talk to?
 * Order: the `dockerLessons.dockerHost` setting → `DOCKER_HOST` → the current docker context
 * (`DOCKER_CONTEXT`, then `currentContext` in `~/.docker/config.json`) → the platform default.
 * Pure: the file system and environment come in as arguments, so every branch is unit-tested.
 */
import { createHash } from 'crypto';
import path = require('path');
import { DockerEndpoint, EndpointSource } from './types';
import { DockerError, DockerReason } from './errors';

export interface EndpointInputs {
    /** The `dockerLessons.dockerHost` setting ('' when unset). */
    readonly setting?: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly platform: NodeJS.Platform;
    readonly homedir: string;
    /** Reads a UTF-8 file; returns undefined when it does not exist. */
    readonly readFile: (file: string) => string | undefined;
    /** Does this path exist? Enables the rootless / Podman fallbacks when the default socket is missing. */
    readonly exists?: (file: string) => boolean;
    /** Lists a folder's entries ([] when missing). Needed only to discover contexts. */
    readonly listDir?: (dir: string) => string[];
}

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NPIPE = '//./pipe/docker_engine';

/** `HOST:PORT`, `[v6]:PORT` or a bare host name: the docker CLI reads these as tcp://. */
const BARE_TCP = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(:\d+)?$/i;

/**
 * Parse a `DOCKER_HOST`-style URL. Throws a `DockerError` of kind `badConfig` when it is not usable.
 * Without a scheme, `HOST[:PORT]` is tcp, as the docker CLI reads it. With `platform`, a named pipe
 * anywhere but Windows is refused with that reason.
 */
export function parseDockerHost(value: string, source: EndpointSource, extra: Partial<DockerEndpoint> = {}, platform?: NodeJS.Platform): DockerEndpoint {
    const raw = value.trim();
    const bad = (why: string, reason: DockerReason): never => {
        throw new DockerError('badConfig', `"${raw}" is not a Docker host we can use: ${why}`, { detail: source, reason });
    };
    const m = /^([a-z]+):\/\/(.*)$/i.exec(raw) ?? (BARE_TCP.test(raw) ? ['', 'tcp', raw] : null);
    if (!m) {
        bad('expected a URL such as unix:///var/run/docker.sock or tcp://127.0.0.1:2375', { id: 'hostNotUrl', host: raw });
    }
    const scheme = m![1].toLowerCase();
    const rest = m![2];
    switch (scheme) {
        case 'unix': {
            if (!rest.startsWith('/')) {
                bad('a unix socket needs an absolute path, e.g. unix:///var/run/docker.sock', { id: 'unixNotAbsolute', host: raw });
            }
            return { kind: 'unix', socketPath: rest, source, display: `unix://${rest}`, ...extra };
        }
        case 'npipe': {
            if (platform && platform !== 'win32') {
                bad('named pipes are Windows-only', { id: 'npipeNotWindows', host: raw });
            }
            // npipe:////./pipe/docker_engine → //./pipe/docker_engine
            const pipe = rest.replace(/^\/*/, '//').replace(/\//g, '/');
            if (!/^\/\/[^/]+\/pipe\/.+/.test(pipe)) {
                bad('a named pipe looks like npipe:////./pipe/docker_engine', { id: 'npipeForm', host: raw });
            }
            return { kind: 'npipe', socketPath: pipe, source, display: `npipe://${pipe}`, ...extra };
        }
        case 'tcp':
        case 'http':
        case 'https': {
            let url: URL;
            try {
                // not http://: the URL parser would drop ":80" as http's default port
                url = new URL(`tcp://${rest}`);
            } catch {
                return bad('the host or port is not valid', { id: 'hostPortInvalid', host: raw });
            }
            if (!url.hostname) {
                bad('the host name is missing', { id: 'hostNameMissing', host: raw });
            }
            const tlsWanted = scheme === 'https' || extra.tls !== undefined;
            const port = url.port ? Number(url.port) : tlsWanted ? 2376 : 2375;
            if (!Number.isInteger(port) || port < 1 || port > 65535) {
                bad('the port must be between 1 and 65535', { id: 'portRange', host: raw });
            }
            const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
            return {
                kind: 'tcp',
                host,
                port,
                source,
                display: `tcp://${url.hostname}:${port}`,
                ...extra,
                tls: extra.tls ?? (scheme === 'https' ? { verify: true } : undefined),
            };
        }
        case 'ssh': {
            let url: URL;
            try {
                url = new URL(`ssh://${rest}`);
            } catch {
                return bad('expected ssh://user@host[:port]', { id: 'sshForm', host: raw });
            }
            if (!url.hostname) {
                bad('the host name is missing', { id: 'hostNameMissing', host: raw });
            }
            const port = url.port ? Number(url.port) : 22;
            const username = url.username ? decodeURIComponent(url.username) : undefined;
            return {
                kind: 'ssh',
                host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
                port,
                username,
                source,
                display: `ssh://${username ? username + '@' : ''}${url.hostname}${url.port ? ':' + url.port : ''}`,
                ...extra,
            };
        }
        case 'fd':
            return bad('fd:// sockets are only for the daemon itself', { id: 'fdScheme', host: raw });
        default:
            return bad(`the scheme "${scheme}" is not supported (use unix, npipe, tcp or ssh)`, { id: 'schemeUnsupported', host: raw, scheme });
    }
}

/** TLS settings from `DOCKER_TLS_VERIFY` / `DOCKER_CERT_PATH` / `DOCKER_TLS`. */
function tlsFromEnv(inputs: EndpointInputs): DockerEndpoint['tls'] {
    const { env } = inputs;
    const verify = !!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
    const tls = verify || (!!env.DOCKER_TLS && env.DOCKER_TLS !== '0');
    if (!tls) {
        return undefined;
    }
    return { verify, certPath: env.DOCKER_CERT_PATH || path.join(inputs.homedir, '.docker') };
}

function dockerConfigDir(inputs: EndpointInputs): string {
    return inputs.env.DOCKER_CONFIG || path.join(inputs.homedir, '.docker');
}

interface ContextMeta {
    Name?: string;
    Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** The name of the current docker context, or undefined for `default`. */
export function currentContextName(inputs: EndpointInputs): string | undefined {
    const fromEnv = inputs.env.DOCKER_CONTEXT?.trim();
    if (fromEnv) {
        return fromEnv === 'default' ? undefined : fromEnv;
    }
    const text = inputs.readFile(path.join(dockerConfigDir(inputs), 'config.json'));
    if (!text) {
        return undefined;
    }
    let config: unknown;
    try {
        config = JSON.parse(text);
    } catch {
        const file = path.join(dockerConfigDir(inputs), 'config.json');
        throw new DockerError('badConfig', `${file} is not valid JSON`, { reason: { id: 'fileNotJson', file } });
    }
    const name = (config as { currentContext?: unknown } | null)?.currentContext;
    return typeof name === 'string' && name && name !== 'default' ? name : undefined;
}

/** The endpoint of a named docker context, read from `contexts/meta/<sha256(name)>/meta.json`. */
export function contextEndpoint(name: string, inputs: EndpointInputs): DockerEndpoint {
    const dir = path.join(dockerConfigDir(inputs), 'contexts');
    const hash = createHash('sha256').update(name).digest('hex');
    const metaFile = path.join(dir, 'meta', hash, 'meta.json');
    const text = inputs.readFile(metaFile);
    if (!text) {
        throw new DockerError('badConfig', `The docker context "${name}" does not exist (no ${metaFile}).`, { reason: { id: 'contextMissing', context: name, file: metaFile } });
    }
    let meta: ContextMeta;
    try {
        meta = JSON.parse(text) as ContextMeta;
    } catch {
        throw new DockerError('badConfig', `${metaFile} is not valid JSON`, { reason: { id: 'fileNotJson', file: metaFile } });
    }
    const host = meta.Endpoints?.docker?.Host;
    if (!host) {
        throw new DockerError('badConfig', `The docker context "${name}" has no Docker endpoint.`, { reason: { id: 'contextNoEndpoint', context: name } });
    }
    const tlsDir = path.join(dir, 'tls', hash, 'docker');
    const hasTls = !!inputs.readFile(path.join(tlsDir, 'ca.pem')) || !!inputs.readFile(path.join(tlsDir, 'cert.pem'));
    const tls = hasTls ? { verify: !meta.Endpoints?.docker?.SkipTLSVerify, certPath: tlsDir } : undefined;
    return parseDockerHost(host, 'context', { contextName: name, ...(tls ? { tls } : {}) }, inputs.platform);
}

export function defaultEndpoint(platform: NodeJS.Platform): DockerEndpoint {
    if (platform === 'win32') {
        return { kind: 'npipe', socketPath: DEFAULT_NPIPE, source: 'default', display: `npipe://${DEFAULT_NPIPE}` };
    }
    return { kind: 'unix', socketPath: DEFAULT_UNIX_SOCKET, source: 'default', display: `unix://${DEFAULT_UNIX_SOCKET}` };
}

/** Resolve the endpoint in the documented order. Throws `DockerError('badConfig')` with a reason. */
export function resolveEndpoint(inputs: EndpointInputs): DockerEndpoint {
    const setting = inputs.setting?.trim();
    if (setting) {
        // `context://NAME` follows a docker context (its host and its TLS files), not a fixed URL
        const ctxName = /^context:\/\/(.+)$/.exec(setting)?.[1];
        if (ctxName) {
            return contextEndpoint(decodeURIComponent(ctxName), inputs);
        }
        return parseDockerHost(setting, 'setting', { tls: tlsFromEnv(inputs) }, inputs.platform);
    }
    const envHost = inputs.env.DOCKER_HOST?.trim();
    if (envHost) {
        return parseDockerHost(envHost, 'env', { tls: tlsFromEnv(inputs) }, inputs.platform);
    }
    const context = currentContextName(inputs);
    if (context) {
        return contextEndpoint(context, inputs);
    }
    const fallback = defaultEndpoint(inputs.platform);
    if (inputs.exists && fallback.kind === 'unix' && !inputs.exists(fallback.socketPath!)) {
        // no system daemon: a rootless Docker, Docker Desktop's user socket, or Podman's, if present
        for (const candidate of socketCandidates(inputs).slice(1)) {
            if (inputs.exists(candidate.path)) {
                return { kind: 'unix', socketPath: candidate.path, source: 'default', display: `unix://${candidate.path}` };
            }
        }
    }
    return fallback;
}

export interface SocketCandidate {
    readonly path: string;
    readonly what: 'docker' | 'rootless' | 'desktop' | 'podman' | 'podman-rootless';
}

/** Well-known sockets, the system one first. */
export function socketCandidates(inputs: EndpointInputs): SocketCandidate[] {
    if (inputs.platform === 'win32') {
        return [];
    }
    const out: SocketCandidate[] = [{ path: DEFAULT_UNIX_SOCKET, what: 'docker' }];
    const runtime = inputs.env.XDG_RUNTIME_DIR;
    if (runtime) {
        out.push({ path: path.posix.join(runtime, 'docker.sock'), what: 'rootless' });
    }
    out.push({ path: path.posix.join(inputs.homedir, '.docker', 'run', 'docker.sock'), what: 'desktop' });
    out.push({ path: path.posix.join(inputs.homedir, '.docker', 'desktop', 'docker.sock'), what: 'desktop' });
    out.push({ path: '/run/podman/podman.sock', what: 'podman' });
    if (runtime) {
        out.push({ path: path.posix.join(runtime, 'podman', 'podman.sock'), what: 'podman-rootless' });
    }
    return out;
}

export interface DiscoveredEndpoint {
    /** A DOCKER_HOST-style URL that `parseDockerHost` accepts. */
    readonly url: string;
    readonly kind: 'context' | 'socket' | 'env';
    readonly name: string;
    readonly current: boolean;
    /** How it is reached, for the chooser: TLS (verified or not), SSH, plain TCP; undefined for sockets. */
    readonly security?: 'tls' | 'tls-noverify' | 'ssh' | 'tcp';
}

function securityOf(e: DockerEndpoint): DiscoveredEndpoint['security'] {
    if (e.kind === 'ssh') {
        return 'ssh';
    }
    if (e.kind === 'tcp') {
        return e.tls ? (e.tls.verify ? 'tls' : 'tls-noverify') : 'tcp';
    }
    return undefined;
}

/** Every endpoint we can offer in "Choose Docker endpoint": contexts, DOCKER_HOST, sockets that exist. */
export function discoverEndpoints(inputs: EndpointInputs): DiscoveredEndpoint[] {
    const out: DiscoveredEndpoint[] = [];
    let currentUrl: string | undefined;
    let currentContext: string | undefined;
    try {
        const e = resolveEndpoint(inputs);
        currentUrl = e.kind === 'npipe' ? `npipe://${e.socketPath}` : e.display;
        currentContext = e.source === 'context' ? e.contextName : undefined;
    } catch {
        currentUrl = undefined;
    }
    const envHost = inputs.env.DOCKER_HOST?.trim();
    if (envHost) {
        let security: DiscoveredEndpoint['security'];
        try {
            security = securityOf(parseDockerHost(envHost, 'env', { tls: tlsFromEnv(inputs) }));
        } catch {
            security = undefined;
        }
        out.push({ url: envHost, kind: 'env', name: 'DOCKER_HOST', current: false, security });
    }
    const metaDir = path.join(dockerConfigDir(inputs), 'contexts', 'meta');
    for (const hash of inputs.listDir?.(metaDir) ?? []) {
        const text = inputs.readFile(path.join(metaDir, hash, 'meta.json'));
        try {
            const meta = text ? (JSON.parse(text) as ContextMeta) : undefined;
            const host = meta?.Endpoints?.docker?.Host;
            if (meta?.Name && host) {
                // its TLS files decide how it is reached (contextEndpoint reads them)
                let security: DiscoveredEndpoint['security'];
                try {
                    security = securityOf(contextEndpoint(meta.Name, inputs));
                } catch {
                    security = undefined;
                }
                out.push({ url: host, kind: 'context', name: meta.Name, current: false, security });
            }
        } catch {
            // a broken context is skipped here; resolving it says why
        }
    }
    for (const c of socketCandidates(inputs)) {
        if (inputs.exists?.(c.path)) {
            out.push({ url: `unix://${c.path}`, kind: 'socket', name: c.what, current: false });
        }
    }
    // a context is itself by name: two contexts may reach one engine in different ways (TLS verified or not)
    const key = (d: DiscoveredEndpoint) => (d.kind === 'context' ? `context:${d.name}` : `${d.kind}:${d.url}`);
    const seen = new Set<string>();
    return out
        .filter((d) => (seen.has(key(d)) ? false : (seen.add(key(d)), true)))
        .map((d) => ({ ...d, current: currentContext !== undefined ? d.kind === 'context' && d.name === currentContext : d.url === currentUrl }));
}

/** The equivalent CLI flag for teaching output: `docker -H …` or `docker --context …`. */
export function cliHostFlag(endpoint: DockerEndpoint): string {
    if (endpoint.source === 'context' && endpoint.contextName) {
        return `--context ${endpoint.contextName}`;
    }
    if (endpoint.source === 'default') {
        return '';
    }
    return `-H ${endpoint.display}`;
}
