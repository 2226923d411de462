/**
 * The build context as the docker CLI sends it: a tar of the folder without what the ignore file
 * excludes. The ignore file is `<Dockerfile>.dockerignore` next to the Dockerfile when there is one
 * (as BuildKit's CLI reads it), otherwise `.dockerignore` at the context's root; the Dockerfile and
 * the ignore file are always sent. No `vscode` import.
 *
 * Packed by tar-fs with @balena/dockerignore rules — the packer dockerode's own `{context, src}`
 * build uses — but not through dockerode's `prepareBuildContext`, for reasons checked in its source
 * (dockerode 5, lib/util.js): it reads only `<context>/.dockerignore` (no `<Dockerfile>.dockerignore`),
 * drops the Dockerfile when the ignore file matches it (the daemon then fails the build; the CLI
 * always sends it), hands tar-fs's `ignore` the absolute path (so rules only apply to its top-level
 * `src` list), and gzips the stream (CPU spent on a local socket for nothing).
 */
import ignore from '@balena/dockerignore';
import * as fs from 'fs';
import * as path from 'path';
import { pack as tarPack } from 'tar-fs';
import type { Pack } from 'tar-stream';

export interface ContextSummary {
    /** The entries sent (files, folders, links), relative, with forward slashes. */
    readonly names: string[];
    /** Bytes of file content sent. */
    readonly bytes: number;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** The ignore file that applies, relative to the context (undefined: none). */
export function ignoreFileFor(dir: string, dockerfileRel: string): string | undefined {
    const specific = `${dockerfileRel}.dockerignore`;
    for (const rel of [specific, '.dockerignore']) {
        if (fs.existsSync(path.join(dir, rel))) {
            return posix(rel);
        }
    }
    return undefined;
}

function rulesOf(file: string | undefined, dir: string): string[] {
    if (!file) {
        return [];
    }
    try {
        return fs
            .readFileSync(path.join(dir, file), 'utf8')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'));
    } catch {
        return [];
    }
}

/** What the ignore file keeps out, as tar-fs's `ignore` wants it (absolute paths). */
function skipper(dir: string, dockerfileRel: string): { skip: (abs: string) => boolean; root: string; ignoreFile?: string } {
    const ignoreFile = ignoreFileFor(dir, dockerfileRel);
    const rules = rulesOf(ignoreFile, dir);
    const ig = ignore({ ignorecase: false }).add(rules);
    const always = new Set([posix(dockerfileRel), '.dockerignore', ...(ignoreFile ? [ignoreFile] : [])]);
    // a negated rule may bring back something inside an ignored folder: then folders are walked
    const negations = rules.some((r) => r.startsWith('!'));
    const root = path.resolve(dir);
    const skip = (abs: string): boolean => {
        const rel = posix(path.relative(root, abs));
        if (always.has(rel) || !ig.ignores(rel)) {
            return false;
        }
        if (!negations) {
            return true;
        }
        try {
            return !fs.lstatSync(abs).isDirectory();
        } catch {
            return true;
        }
    };
    return { skip, root, ignoreFile };
}

/** The files and folders the context sends (the same rules as the tar), for figures such as its size. */
export function contextFiles(dir: string, dockerfileRel: string): { name: string; size: number; type: 'file' | 'directory' | 'symlink' }[] {
    const { skip, root } = skipper(dir, dockerfileRel);
    const out: { name: string; size: number; type: 'file' | 'directory' | 'symlink' }[] = [];
    const walk = (abs: string) => {
        let names: string[];
        try {
            names = fs.readdirSync(abs).sort();
        } catch {
            return;
        }
        for (const n of names) {
            const full = path.join(abs, n);
            if (skip(full)) {
                continue;
            }
            const st = fs.lstatSync(full);
            const name = posix(path.relative(root, full));
            if (st.isSymbolicLink()) {
                out.push({ name, size: 0, type: 'symlink' });
            } else if (st.isDirectory()) {
                out.push({ name, size: 0, type: 'directory' });
                walk(full);
            } else if (st.isFile()) {
                out.push({ name, size: st.size, type: 'file' });
            }
        }
    };
    walk(root);
    return out;
}

/**
 * A tar stream of the context; files are read one at a time, so a large context does not fill
 * memory. `summary` resolves with what was sent once the stream has been read to its end.
 */
export function contextTar(dir: string, dockerfileRel: string): { stream: Pack; summary: Promise<ContextSummary>; ignoreFile?: string } {
    const { skip, root, ignoreFile } = skipper(dir, dockerfileRel);
    const names: string[] = [];
    let bytes = 0;
    // the root's own entries, not `.` (which tar-fs would send as a folder entry of its own)
    const entries = fs.readdirSync(root).filter((name) => !skip(path.join(root, name)));
    const stream = tarPack(root, {
        entries,
        sort: true,
        umask: 0,
        ignore: skip,
        map: (header) => {
            names.push(header.name);
            bytes += header.type === 'file' ? (header.size ?? 0) : 0;
            // ownership as the CLI sends it on Linux does not matter to the builder (COPY makes root own it)
            return { ...header, uid: 0, gid: 0 };
        },
    }) as unknown as Pack;
    const summary = new Promise<ContextSummary>((resolve, reject) => {
        stream.on('end', () => resolve({ names, bytes }));
        stream.on('error', reject);
    });
    summary.catch(() => undefined);
    return { stream, summary, ignoreFile };
}
