/**
 * The build context as the docker CLI sends it: a tar of the folder, without what `.dockerignore`
 * excludes (the Dockerfile and `.dockerignore` themselves are always sent). No `vscode` import.
 */
import ignore from '@balena/dockerignore';
import * as fs from 'fs';
import * as path from 'path';
import { pack, Pack } from 'tar-stream';

export interface ContextFile {
    /** Relative, with forward slashes. */
    readonly name: string;
    readonly abs: string;
    readonly mode: number;
    readonly size: number;
    readonly mtime: Date;
    readonly type: 'file' | 'directory' | 'symlink';
    readonly linkname?: string;
}

/** Files of the context folder that `.dockerignore` lets through, in a stable order. */
export function contextFiles(dir: string, dockerfileRel: string): ContextFile[] {
    let rules: string[] = [];
    try {
        rules = fs
            .readFileSync(path.join(dir, '.dockerignore'), 'utf8')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'));
    } catch {
        // no .dockerignore: everything goes
    }
    const ig = ignore({ ignorecase: false }).add(rules);
    const always = new Set([dockerfileRel.split(path.sep).join('/'), '.dockerignore']);
    const out: ContextFile[] = [];
    const walk = (rel: string) => {
        const abs = path.join(dir, rel);
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(abs, { withFileTypes: true });
        } catch {
            return;
        }
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const e of entries) {
            const name = rel ? `${rel}/${e.name}` : e.name;
            const full = path.join(dir, name);
            if (!always.has(name) && ig.ignores(name)) {
                // a negated rule may bring back something inside an ignored folder, so look inside
                if (!e.isDirectory() || !rules.some((r) => r.startsWith('!'))) {
                    continue;
                }
            }
            const st = fs.lstatSync(full);
            if (e.isSymbolicLink()) {
                out.push({ name, abs: full, mode: st.mode & 0o7777, size: 0, mtime: st.mtime, type: 'symlink', linkname: fs.readlinkSync(full) });
            } else if (e.isDirectory()) {
                if (!ig.ignores(name)) {
                    out.push({ name, abs: full, mode: st.mode & 0o7777, size: 0, mtime: st.mtime, type: 'directory' });
                }
                walk(name);
            } else if (e.isFile()) {
                out.push({ name, abs: full, mode: st.mode & 0o7777, size: st.size, mtime: st.mtime, type: 'file' });
            }
        }
    };
    walk('');
    return out;
}

/** A tar stream of the context (files are read one at a time, so large contexts do not fill memory). */
export function contextTar(dir: string, dockerfileRel: string): { stream: Pack; files: number; bytes: number } {
    const files = contextFiles(dir, dockerfileRel);
    const p = pack();
    let bytes = 0;
    for (const f of files) {
        bytes += f.size;
    }
    (async () => {
        for (const f of files) {
            await new Promise<void>((resolve, reject) => {
                const header = { name: f.name, mode: f.mode, mtime: f.mtime, size: f.size, type: f.type, linkname: f.linkname };
                if (f.type !== 'file') {
                    p.entry(header, (err) => (err ? reject(err) : resolve()));
                    return;
                }
                const entry = p.entry(header, (err) => (err ? reject(err) : resolve()));
                fs.createReadStream(f.abs)
                    .on('error', reject)
                    .pipe(entry as unknown as NodeJS.WritableStream);
            });
        }
        p.finalize();
    })().catch((e: unknown) => p.destroy(e instanceof Error ? e : new Error(String(e))));
    return { stream: p, files: files.length, bytes };
}
