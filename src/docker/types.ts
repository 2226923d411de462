/**
 * The project's own view of the Docker Engine. Nothing outside `src/docker/`
 * sees dockerode's types; everything talks in these.
 * No `vscode` import here: this folder is unit-testable on plain Node.
 */

/** Where the endpoint came from, in the order we look. */
export type EndpointSource = 'setting' | 'env' | 'context' | 'default';

export interface DockerEndpoint {
    /** Transport. */
    readonly kind: 'unix' | 'npipe' | 'tcp' | 'ssh';
    /** Socket or pipe path for `unix`/`npipe`. */
    readonly socketPath?: string;
    /** Host name for `tcp`/`ssh`. */
    readonly host?: string;
    readonly port?: number;
    /** `ssh` user name. */
    readonly username?: string;
    /** TLS for `tcp`: the folder with ca.pem/cert.pem/key.pem, and whether to verify. */
    readonly tls?: { readonly certPath?: string; readonly verify: boolean };
    readonly source: EndpointSource;
    /** The docker context name when `source === 'context'`. */
    readonly contextName?: string;
    /** A short human label such as `unix:///var/run/docker.sock`. */
    readonly display: string;
}

export interface PortSummary {
    readonly privatePort: number;
    readonly publicPort?: number;
    readonly ip?: string;
    readonly type: string;
}

export interface ImageSummary {
    /** Full id, `sha256:…`. */
    readonly id: string;
    /** 12 hex characters, like the CLI. */
    readonly shortId: string;
    /** `repo:tag` names; empty for a dangling image. */
    readonly repoTags: readonly string[];
    readonly repoDigests: readonly string[];
    /** Seconds since the epoch. */
    readonly created: number;
    /** Bytes (cheap: part of the list without `size=true`). */
    readonly size: number;
    readonly dangling: boolean;
    readonly labels: Readonly<Record<string, string>>;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
    readonly id: string;
    readonly shortId: string;
    /** Name without the leading slash. */
    readonly name: string;
    /** The image as the user named it (`hello-world`, `busybox:latest`, or an id). */
    readonly image: string;
    readonly imageId: string;
    readonly command: string;
    /** Seconds since the epoch. */
    readonly created: number;
    readonly state: ContainerState;
    /** The daemon's own words: `Up 3 minutes`, `Exited (0) 2 seconds ago`. */
    readonly status: string;
    readonly ports: readonly PortSummary[];
    readonly labels: Readonly<Record<string, string>>;
}

export interface EngineVersion {
    readonly version: string;
    readonly apiVersion: string;
    readonly minApiVersion?: string;
    readonly os: string;
    readonly arch: string;
    readonly kernelVersion: string;
}

/** A subset of `GET /events` that the refresh owner needs. */
export interface EngineEvent {
    readonly type: string;
    readonly action: string;
    readonly id: string;
    readonly time: number;
    readonly attributes: Readonly<Record<string, string>>;
}

export interface Disposable {
    dispose(): void;
}

export interface EventStreamHandlers {
    onEvent(event: EngineEvent): void;
    /** The stream ended or failed; `error` is classified. */
    onClose(error?: Error): void;
}

/**
 * Everything the extension asks of the Engine goes through here.
 * The one implementation is `DockerodeClient` (loaded lazily).
 */
export interface DockerClient {
    readonly endpoint: DockerEndpoint;
    /** `GET /_ping`. */
    ping(signal?: AbortSignal): Promise<void>;
    /** `GET /version`. */
    version(signal?: AbortSignal): Promise<EngineVersion>;
    /** `GET /images/json` (never with sizes of shared layers). */
    listImages(signal?: AbortSignal): Promise<ImageSummary[]>;
    /** `GET /containers/json?all=1&size=0`. */
    listContainers(signal?: AbortSignal): Promise<ContainerSummary[]>;
    /** `GET /events` filtered to container and image events. */
    streamEvents(handlers: EventStreamHandlers): Disposable;
    dispose(): void;
}
