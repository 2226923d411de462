/**
 * What the lessons on ports, data and image names ask of the Engine beyond the explorer's calls:
 * networks, volumes, the files a container changed, tags and the engine's registry settings.
 * Re-exported by types.ts. No `vscode` import.
 */

/** `-p HOSTIP:HOSTPORT:CONTAINERPORT` (`HostConfig.PortBindings`). */
export interface PortPublish {
    readonly containerPort: number;
    readonly hostPort: number;
    /** Omitted: every address of the host (0.0.0.0), as `-p 8080:80` does. */
    readonly hostIp?: string;
}

/** The create options these lessons add to `RunOptions`. */
export interface LabRunOptions {
    /** `--network NAME`. */
    readonly network?: string;
    /** `--expose PORT` (what `EXPOSE` in a Dockerfile records): documentation, not publishing. */
    readonly expose?: readonly number[];
    readonly publish?: readonly PortPublish[];
    /** `-v SOURCE:DEST` (`HostConfig.Binds`): a volume name or an absolute host path as the source. */
    readonly binds?: readonly string[];
}

export interface NetworkInfo {
    readonly id: string;
    readonly name: string;
    readonly driver: string;
    /** The first IPAM subnet, e.g. `172.18.0.0/16`. */
    readonly subnet?: string;
    readonly gateway?: string;
}

export interface VolumeInfo {
    readonly name: string;
    readonly driver: string;
    /** Where the engine's host keeps the volume's files (`/var/lib/docker/volumes/NAME/_data`). */
    readonly mountpoint: string;
    readonly raw: unknown;
}

/** One line of `docker diff` (`GET /containers/{id}/changes`). */
export interface FileChange {
    readonly path: string;
    readonly kind: 'changed' | 'added' | 'deleted';
}

/** `RegistryConfig` of `GET /info`: where a pull of a Docker Hub name really goes. */
export interface RegistrySettings {
    /** `--registry-mirror` URLs, tried first for Docker Hub names. */
    readonly mirrors: readonly string[];
    /** Registries reached over plain HTTP (`--insecure-registry`), CIDRs included. */
    readonly insecure: readonly string[];
    /** The engine's default registry (`IndexServerAddress`), normally `https://index.docker.io/v1/`. */
    readonly indexServer: string;
}

export interface LabActions {
    /** `POST /networks/create` (driver `bridge`), then `GET /networks/{id}`. */
    createNetwork(name: string, labels?: Readonly<Record<string, string>>): Promise<NetworkInfo>;
    /** `DELETE /networks/{id}`. */
    removeNetwork(idOrName: string): Promise<void>;
    /** `POST /volumes/create`. */
    createVolume(name: string, labels?: Readonly<Record<string, string>>): Promise<VolumeInfo>;
    /** `GET /volumes/{name}`. */
    inspectVolume(name: string): Promise<VolumeInfo>;
    /** `DELETE /volumes/{name}` (never forced). */
    removeVolume(name: string): Promise<void>;
    /** `GET /containers/{id}/changes`: what the container's writable layer holds. */
    containerChanges(id: string): Promise<FileChange[]>;
    /** `POST /images/{ref}/tag?repo=REPO&tag=TAG`. */
    tagImage(ref: string, repo: string, tag: string): Promise<void>;
    /** `GET /info` → `RegistryConfig`. */
    registrySettings(signal?: AbortSignal): Promise<RegistrySettings>;
}
