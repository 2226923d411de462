/**
 * Loads the dockerode bundle (`dist/docker.js`) on first use, never during activation.
 * The path is passed in (from the extension's install folder), so esbuild leaves the require alone.
 */
import type { ClientOptions } from './dockerodeClient';
import type { DockerClient, DockerEndpoint } from './types';

export type ClientFactory = (endpoint: DockerEndpoint, options?: ClientOptions) => DockerClient;

export function lazyClientFactory(modulePath: string): () => ClientFactory {
    let factory: ClientFactory | undefined;
    return () => {
        if (!factory) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const mod = require(modulePath) as { createDockerClient: ClientFactory };
            factory = mod.createDockerClient;
        }
        return factory;
    };
}
