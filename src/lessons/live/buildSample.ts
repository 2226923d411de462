/**
 * Lesson 7's sample build context, written to a temporary folder: a two-stage Dockerfile whose
 * dependency step comes before the source is copied, a .dockerignore, and files it keeps out.
 * No `vscode` import.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { contextFiles } from '../../docker/buildContext';

export const CHANGED_FILE = 'app.sh';
export const BUILD_STAGE = 'build';

export function sampleDockerfile(image: string): string {
    return [
        `FROM ${image} AS ${BUILD_STAGE}`,
        'WORKDIR /src',
        '# dependencies first: this layer stays cached while only the source changes',
        'COPY deps.txt .',
        'RUN mkdir -p /opt/tools && dd if=/dev/urandom of=/opt/tools/toolchain.bin bs=1024 count=3072 2>/dev/null && sleep 1',
        `COPY ${CHANGED_FILE} .`,
        `RUN sh ${CHANGED_FILE} > /src/built.txt`,
        '',
        `FROM ${image}`,
        `COPY --from=${BUILD_STAGE} /src/built.txt /app/built.txt`,
        'CMD ["cat", "/app/built.txt"]',
        '',
    ].join('\n');
}

/** Writes the sample; `nonce` makes the first build's dependency step new (not cached from an earlier run). */
export function writeSample(image: string, nonce: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-lessons-build-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), sampleDockerfile(image));
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n*.log\n');
    fs.writeFileSync(path.join(dir, 'deps.txt'), `tools 1.0\nrun ${nonce}\n`);
    fs.writeFileSync(path.join(dir, CHANGED_FILE), 'echo "version 1"\n');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'big-dependency.bin'), Buffer.alloc(1024 * 1024, 7));
    fs.writeFileSync(path.join(dir, 'debug.log'), 'x'.repeat(64 * 1024));
    return dir;
}

/** The one-file change of the third build. */
export function changeSource(dir: string): void {
    fs.writeFileSync(path.join(dir, CHANGED_FILE), 'echo "version 2"\n');
}

/** What goes to the engine and what .dockerignore keeps out (files and bytes). */
export function contextSize(dir: string, dockerfile = 'Dockerfile', maxEntries = 200_000): { files: number; bytes: number; ignoredFiles: number; ignoredBytes: number } {
    const sent = contextFiles(dir, dockerfile).filter((f) => f.type === 'file');
    const all: { name: string; size: number }[] = [];
    let seen = 0;
    const walk = (rel: string) => {
        for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
            if (++seen > maxEntries) {
                return;
            }
            const name = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                walk(name);
            } else if (e.isFile()) {
                all.push({ name, size: fs.statSync(path.join(dir, name)).size });
            }
        }
    };
    walk('');
    const sentNames = new Set(sent.map((f) => f.name));
    const ignored = all.filter((f) => !sentNames.has(f.name));
    return { files: sent.length, bytes: sent.reduce((a, f) => a + f.size, 0), ignoredFiles: ignored.length, ignoredBytes: ignored.reduce((a, f) => a + f.size, 0) };
}

export function removeSample(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
}
