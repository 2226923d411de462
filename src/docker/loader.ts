/**
 * Loads the dockerode bundle (`dist/docker.js`) on first use, never during activation.
 * The path is passed in (from the extension's install folder), so esbuild leaves the require alone.
 */
import type { ClientOptions } from './dockerodeClient';
import type { DockerClient, DockerEndpoint } from './types';

export type ClientFactory = (endpoint: DockerEndpoint, options?: ClientOptions) => DockerClient;

/** A module from its own bundle, required on first use only. */
export function lazyModule<T>(modulePath: string): () => T {
    let mod: T | undefined;
    return () => {
        if (!mod) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            mod = require(modulePath) as T;
        }
        return mod;
    };
}

export function lazyClientFactory(modulePath: string): () => ClientFactory {
    const load = lazyModule<{ createDockerClient: ClientFactory }>(modulePath);
    return () => load().createDockerClient;
}
