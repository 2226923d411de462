/**
 * The manifest's Dockerfile parts: Containerfiles are Dockerfiles, `.dockerignore` is the `ignore`
 * language, and the commands that need a Dockerfile show in the palette only with one open.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
    contributes: {
        languages: { id: string; filenames?: string[]; filenamePatterns?: string[] }[];
        menus: { commandPalette: { command: string; when?: string }[] };
    };
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as Manifest;

describe('manifest: Dockerfile languages and palette', () => {
    it('Containerfile and *.containerfile are Dockerfiles; .dockerignore is the ignore language', () => {
        const dockerfile = manifest.contributes.languages.find((l) => l.id === 'dockerfile')!;
        assert.ok(dockerfile.filenames?.includes('Containerfile'));
        assert.ok(dockerfile.filenamePatterns?.includes('*.containerfile'));
        const ignore = manifest.contributes.languages.find((l) => l.id === 'ignore')!;
        assert.deepEqual(ignore.filenames, ['.dockerignore']);
    });

    it('the Dockerfile commands appear in the palette only with a Dockerfile open', () => {
        for (const id of ['dockerLessons.dockerfile.explain', 'dockerLessons.dockerfile.build']) {
            const entry = manifest.contributes.menus.commandPalette.find((c) => c.command === id);
            assert.match(entry?.when ?? '', /^editorLangId == dockerfile\b/, id);
        }
    });
});
