/**
 * Which kind of engine is connected: Docker or Podman (its Docker-compatible API), on this machine or
 * another. "Remote" is decided by the transport, as the lessons decide it: over tcp:// or ssh:// the
 * extension cannot read the engine host's /proc, even when that host is this machine.
 * No `vscode` import.
 */
import { DockerEndpoint, EngineVersion } from './types';

export interface EngineKind {
    readonly product: 'docker' | 'podman';
    readonly remote: boolean;
    /** How we reach it: `unix`, `npipe`, `tls`, `tcp` (plain), `ssh`. */
    readonly transport: 'unix' | 'npipe' | 'tls' | 'tcp' | 'ssh';
}

export function engineKind(endpoint: DockerEndpoint, version: Pick<EngineVersion, 'engineName'> | undefined): EngineKind {
    const product = /podman/i.test(version?.engineName ?? '') ? 'podman' : 'docker';
    const transport = endpoint.kind === 'tcp' ? (endpoint.tls ? 'tls' : 'tcp') : endpoint.kind;
    return { product, remote: endpoint.kind === 'tcp' || endpoint.kind === 'ssh', transport };
}
