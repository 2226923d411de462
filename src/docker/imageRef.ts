/**
 * The one image-reference parser (`[registry[:port]/]path[:tag][@digest]`), as the docker CLI reads
 * a reference: the first part is a registry only when it has a `.` or a `:` or is `localhost`; a tag
 * is a `:` after the last `/`; a digest follows `@`. Docker Hub's `docker.io` and its `library/`
 * are implied. No `vscode` import (unit-tested).
 */

export interface ImageRef {
    /** `docker.io` when none was written. */
    readonly registry: string;
    /** The repository path in full (`library/hello-world`, `team/app`). */
    readonly path: string;
    /** The tag as written; undefined when none (the engine then means `latest`, unless a digest is given). */
    readonly tag?: string;
    /** `sha256:…` when pinned by digest. */
    readonly digest?: string;
}

const HUB = 'docker.io';

export function parseImageRef(ref: string): ImageRef {
    let rest = ref.trim();
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag: string | undefined;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    const slash = rest.indexOf('/');
    const first = slash < 0 ? '' : rest.slice(0, slash);
    const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const registry = hasRegistry ? (first === 'index.docker.io' ? HUB : first) : HUB;
    let path = hasRegistry ? rest.slice(slash + 1) : rest;
    if (registry === HUB && !path.includes('/')) {
        path = `library/${path}`;
    }
    return { registry, path, tag: tag || undefined, digest: digest || undefined };
}

/** The repository as the CLI shows it (`hello-world`, `team/app`, `127.0.0.1:5000/x`). */
export function familiarRepository(r: ImageRef): string {
    if (r.registry !== HUB) {
        return `${r.registry}/${r.path}`;
    }
    return r.path.startsWith('library/') && r.path.split('/').length === 2 ? r.path.slice('library/'.length) : r.path;
}

/** What `POST /images/create?fromImage=…&tag=…` is given for a reference. */
export function pullParams(ref: string): { fromImage: string; tag: string } {
    const r = parseImageRef(ref);
    return { fromImage: familiarRepository(r), tag: r.digest ?? r.tag ?? 'latest' };
}

/**
 * One spelling per image reference, for comparing: `hello-world` = `hello-world:latest` =
 * `docker.io/library/hello-world:latest` → `hello-world:latest`; a digest reference keeps its digest
 * (and its tag when written: `x:1@sha256:…`).
 */
export function normalizeRef(ref: string): string {
    const r = parseImageRef(ref);
    const repo = familiarRepository(r);
    if (r.digest) {
        return `${repo}${r.tag ? `:${r.tag}` : ''}@${r.digest}`;
    }
    return `${repo}:${r.tag ?? 'latest'}`;
}

/** Do two references name the same image reference (not comparing ids)? */
export function sameRef(a: string, b: string): boolean {
    return normalizeRef(a) === normalizeRef(b);
}
