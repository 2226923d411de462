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
    /** The engine's own name for itself (`Components[0].Name`): `Engine`, `Podman Engine`… ('' when absent). */
    readonly engineName?: string;
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
    /** The engine accepted the stream: from now on no change is missed. */
    onOpen?(): void;
}

/**
 * Everything the extension asks of the Engine goes through here.
 * The one implementation is `DockerodeClient` (loaded lazily).
 */
export interface DockerClient extends DockerActions, LessonActions, BuildActions, InspectActions, LabActions {
    readonly endpoint: DockerEndpoint;
    /** `GET /_ping`. */
    ping(signal?: AbortSignal): Promise<void>;
    /** `GET /version`. */
    version(signal?: AbortSignal): Promise<EngineVersion>;
    /** `GET /images/json` (never with sizes of shared layers). */
    listImages(signal?: AbortSignal): Promise<ImageSummary[]>;
    /** `GET /containers/json?all=1&size=0`. */
    /** All containers; with `ids`, only those (`filters={"id":[…]}`). */
    listContainers(signal?: AbortSignal, ids?: readonly string[]): Promise<ContainerSummary[]>;
    /** One image by id or reference (`GET /images/{ref}/json`) as a list row; `undefined` when absent. */
    findImage(ref: string, signal?: AbortSignal): Promise<ImageSummary | undefined>;
    /** `GET /events` filtered to container and image events. */
    streamEvents(handlers: EventStreamHandlers): Disposable;
    dispose(): void;
}

/** What a container's inspect says that the UI and lessons use. `raw` is the daemon's JSON as-is. */
export interface ContainerDetails {
    readonly id: string;
    readonly name: string;
    readonly image: string;
    readonly imageId: string;
    /** Path + Args, as the daemon runs it. */
    readonly command: string;
    readonly created: string;
    readonly state: {
        readonly status: ContainerState;
        readonly running: boolean;
        /** Host PID of the container's main process (0 when not running). */
        readonly pid: number;
        readonly exitCode: number;
        readonly oomKilled: boolean;
        readonly startedAt: string;
        readonly finishedAt: string;
        readonly health?: string;
    };
    readonly limits: {
        /** Bytes; 0 = no limit. */
        readonly memory: number;
        readonly memorySwap: number;
        /** CPUs × 1e9; 0 = no limit. */
        readonly nanoCpus: number;
        readonly cpuQuota: number;
        readonly cpuPeriod: number;
        /** 0 or -1 = no limit. */
        readonly pidsLimit: number;
    };
    readonly tty: boolean;
    /** `HostConfig.Runtime`: the OCI runtime this container was started with (runc, crun…); empty when not reported. */
    readonly runtime: string;
    /** Writable-layer size in bytes, only when asked for (`size=true`). */
    readonly sizeRw?: number;
    readonly raw: unknown;
}

export interface ImageDetails {
    readonly id: string;
    readonly repoTags: readonly string[];
    readonly created: string;
    readonly size: number;
    readonly architecture: string;
    readonly os: string;
    readonly cmd: readonly string[];
    readonly entrypoint: readonly string[];
    /** `RootFS.Layers`: the filesystem layers the image really has (a step can change files and leave none). */
    readonly layerCount: number;
    readonly raw: unknown;
}

/** What a history row's instruction changes: files (RUN, COPY, ADD, WORKDIR), only the image config, or unknown (no record). */
export type LayerChanges = 'files' | 'config' | 'unknown';

/** One line of `docker image history`. */
export interface LayerInfo {
    readonly id: string;
    /** The instruction that made it (`/bin/sh -c #(nop)  CMD ["sh"]`). */
    readonly createdBy: string;
    readonly size: number;
    readonly created: number;
    /** 0 B: no file content. Not "metadata only": a WORKDIR or RUN can change files and still be 0 B (see `changes`). */
    readonly empty: boolean;
    /** Classified by the instruction (`historyStepKind`), not by the size. */
    readonly changes: LayerChanges;
    readonly tags: readonly string[];
}

export interface PullProgress {
    /** Layer id, or '' for messages about the whole pull. */
    readonly id: string;
    readonly status: string;
    readonly current?: number;
    readonly total?: number;
}

export interface RunOptions extends LabRunOptions {
    readonly image: string;
    readonly name?: string;
    /** argv; empty = the image's CMD. */
    readonly cmd?: readonly string[];
    readonly memoryBytes?: number;
    readonly nanoCpus?: number;
    readonly pidsLimit?: number;
    /** `none`: no network at all, only the loopback interface. */
    readonly networkNone?: boolean;
    /** Memory + swap; equal to `memoryBytes` means no swap. */
    readonly memorySwapBytes?: number;
    readonly tty?: boolean;
    readonly labels?: Readonly<Record<string, string>>;
    /** `--restart`: `no`, `always`, `unless-stopped`, `on-failure` (with `maxRetries`). */
    readonly restart?: { readonly name: 'no' | 'always' | 'unless-stopped' | 'on-failure'; readonly maxRetries?: number };
    /** `--rm`: the engine removes the container when it ends. */
    readonly autoRemove?: boolean;
    /** `--stop-timeout`: seconds `docker stop` waits after SIGTERM before SIGKILL. */
    readonly stopTimeout?: number;
}

export interface PruneResult {
    readonly deleted: readonly string[];
    readonly spaceReclaimed: number;
}

/** A running exec session (an interactive shell). */
export interface ExecSession {
    write(data: string): void;
    resize(columns: number, rows: number): Promise<void>;
    onData(listener: (text: string) => void): void;
    onExit(listener: (exitCode: number | undefined) => void): void;
    close(): void;
}

/** The actions, inspect and streams the explorer needs. */
export interface DockerActions {
    inspectContainer(id: string, opts?: { size?: boolean; signal?: AbortSignal }): Promise<ContainerDetails>;
    inspectImage(id: string, signal?: AbortSignal): Promise<ImageDetails>;
    imageHistory(id: string, signal?: AbortSignal): Promise<LayerInfo[]>;
    startContainer(id: string): Promise<void>;
    stopContainer(id: string): Promise<void>;
    restartContainer(id: string): Promise<void>;
    pauseContainer(id: string): Promise<void>;
    unpauseContainer(id: string): Promise<void>;
    /** `POST /containers/{id}/kill` (SIGKILL): for the lessons' own throwaway containers. */
    killContainer(id: string): Promise<void>;
    /** Never forced: a running container must be stopped first. */
    removeContainer(id: string): Promise<void>;
    /** Never forced. */
    removeImage(id: string): Promise<void>;
    pruneDanglingImages(): Promise<PruneResult>;
    pullImage(ref: string, onProgress: (p: PullProgress) => void, signal?: AbortSignal): Promise<void>;
    /** `POST /containers/create` (+ `start` when `start`); returns the id. */
    createContainer(opts: RunOptions): Promise<string>;
    /** Follows logs (stdout+stderr, demultiplexed, the last `tail` lines first) until the signal aborts or the container ends. */
    streamLogs(id: string, opts: { tail: number }, onText: (text: string) => void, signal: AbortSignal): Promise<void>;
    /** An interactive `sh` (or the given argv) inside a running container, over the exec API. */
    exec(id: string, cmd: readonly string[], size?: { columns: number; rows: number }): Promise<ExecSession>;
}

/** `GET /info`: what the lessons say about the host the Engine runs on. */
export interface EngineInfo {
    readonly name: string;
    readonly operatingSystem: string;
    readonly osType: string;
    readonly kernelVersion: string;
    readonly architecture: string;
    readonly cpus: number;
    readonly memTotal: number;
    readonly cgroupVersion: string;
    readonly cgroupDriver: string;
    /** `DefaultRuntime`: the OCI runtime that starts containers (runc, crun…); empty when not reported. */
    readonly defaultRuntime: string;
    readonly serverVersion: string;
    /** `Docker Desktop`, a VM, WSL…: the "host" is then that VM. */
    readonly runsInVm: boolean;
    readonly containers: number;
    readonly images: number;
}

export interface LessonActions {
    /** `GET /info`. */
    info(signal?: AbortSignal): Promise<EngineInfo>;
    /** Is the image stored locally? (`GET /images/{name}/json`, 404 → false) */
    hasImage(ref: string): Promise<boolean>;
    /**
     * Attach (`POST /containers/{id}/attach?stream=1`), then start; output is passed on as it comes.
     * Resolves once started, with a promise that settles when the output stream ends.
     */
    attachAndStart(id: string, onOutput: (text: string) => void): Promise<{ readonly outputEnded: Promise<void> }>;
    /** `POST /containers/{id}/wait`: the exit code. */
    waitContainer(id: string): Promise<number>;
    /** `GET /containers/{id}/top`: the processes as the host sees them (PID column is the host PID). */
    top(id: string): Promise<{ titles: string[]; processes: string[][] }>;
}

import type { BuildActions } from './buildTypes';
import type { LabActions, LabRunOptions } from './labTypes';
export type { FileChange, LabActions, LabRunOptions, NetworkInfo, PortPublish, RegistrySettings, VolumeInfo } from './labTypes';
export type { BuilderKind, BuilderReason, BuildStepRef, BuildEvent, BuildResult, BuildOptions, BuildActions } from './buildTypes';

/** One sample of `GET /containers/{id}/stats`, already computed the way `docker stats` does. */
export interface StatsSample {
    /** Percent of one CPU × CPUs (like `docker stats`): 50 = half a CPU. */
    readonly cpuPercent: number;
    readonly memoryUsed: number;
    /** The cgroup's memory limit (the host's memory when unlimited). */
    readonly memoryLimit: number;
    readonly pids: number;
    readonly pidsLimit?: number;
    readonly read: string;
    /** The cgroup's CPU time so far (cpu_stats.cpu_usage.total_usage), in nanoseconds. */
    readonly cpuTotalNs?: number;
}

export interface InspectActions {
    /** Runs a command in a running container (non-interactive) and returns its output and exit code. */
    execCapture(id: string, cmd: readonly string[]): Promise<{ output: string; exitCode: number }>;
    /** Follows `GET /containers/{id}/stats` until the signal aborts or the container stops. */
    streamStats(id: string, onSample: (s: StatsSample) => void, signal: AbortSignal): Promise<void>;
}
