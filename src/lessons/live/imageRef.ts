/**
 * An image reference taken apart the way the engine reads it: `registry/namespace/repo:tag@digest`,
 * with what the engine fills in when a part is left out. Pure; no `vscode` import.
 */

export interface ImageRef {
    /** As written. */
    readonly text: string;
    /** `docker.io` when none is written. */
    readonly registry: string;
    /** Everything between the registry and the last path part (`library` for official Docker Hub images). */
    readonly namespace: string;
    readonly repository: string;
    /** `latest` when neither a tag nor a digest is written. */
    readonly tag?: string;
    readonly digest?: string;
    /** Which parts the engine filled in. */
    readonly implied: { readonly registry: boolean; readonly namespace: boolean; readonly tag: boolean };
}

export const DEFAULT_REGISTRY = 'docker.io';

/** The first path part names a registry when it has a dot or a port, or is `localhost` (the engine's rule). */
function isRegistry(part: string): boolean {
    return part.includes('.') || part.includes(':') || part === 'localhost';
}

export function parseImageRef(text: string): ImageRef {
    let rest = text.trim();
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    const parts = rest.split('/');
    let registry = DEFAULT_REGISTRY;
    let impliedRegistry = true;
    if (parts.length > 1 && isRegistry(parts[0])) {
        registry = parts.shift()!;
        impliedRegistry = false;
    }
    let last = parts.pop() ?? '';
    let tag: string | undefined;
    const colon = last.lastIndexOf(':');
    if (colon >= 0) {
        tag = last.slice(colon + 1);
        last = last.slice(0, colon);
    }
    let namespace = parts.join('/');
    let impliedNamespace = false;
    if (!namespace && (registry === DEFAULT_REGISTRY || registry === 'index.docker.io')) {
        namespace = 'library';
        impliedNamespace = true;
    }
    const impliedTag = !tag && !digest;
    return { text, registry, namespace, repository: last, tag: tag ?? (digest ? undefined : 'latest'), digest, implied: { registry: impliedRegistry, namespace: impliedNamespace, tag: impliedTag } };
}

/** `namespace/repository` as a registry's HTTP API names it (`library/hello-world`). */
export function repoPath(ref: ImageRef): string {
    return ref.namespace ? `${ref.namespace}/${ref.repository}` : ref.repository;
}

/** The digest of `RepoDigests` that belongs to this repository (`hello-world@sha256:…`), if any. */
export function digestFor(repoDigests: readonly string[], ref: ImageRef): string | undefined {
    const want = `${ref.registry}/${repoPath(ref)}`;
    for (const d of repoDigests) {
        const p = parseImageRef(d);
        if (`${p.registry}/${repoPath(p)}` === want && p.digest) {
            return p.digest;
        }
    }
    return undefined;
}
