/**
 * The command bodies are bundled on their own (dist/commands.js, src/commands/lazyTable.ts), so every
 * module they share with dist/extension.js exists twice at run time. Such a module must not keep
 * state of its own at the top level (a second copy would not see the first's): state that must be one
 * goes through src/common/shared.ts. esbuild tells which modules both bundles hold.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');

async function inputs(entry: string): Promise<Set<string>> {
    const r = await esbuild.build({ entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, logLevel: 'silent', absWorkingDir: root });
    return new Set(Object.keys(r.metafile.inputs).filter((f) => f.startsWith('src/')));
}

/** Top-level declarations that hold mutable state: `let`, or a const Map, WeakMap or (not readonly) array literal. */
export function topLevelState(source: string): string[] {
    return source
        .split('\n')
        .filter((line) => /^(export )?let /.test(line) || (/^(export )?const \w+(: [^=]+)? = (new (Map|WeakMap)\b|\[)/.test(line) && !/^(export )?const \w+: readonly /.test(line) && !/\] as const;$/.test(line)))
        .map((line) => line.trim());
}

/** Caches whose second copy only costs memory, never correctness. */
const ALLOWED = new Set(['src/common/format.ts']);

describe('Modules in both bundles keep no state of their own', () => {
    it('the check sees a top-level let, Map and array, and not a shared() value or a constant Set', () => {
        assert.deepEqual(topLevelState('let a = 1;\nconst b = new Map();\nconst c: string[] = [];\nconst d = shared("x", () => []);\nconst e = new Set([1]);\n  let f = 2;\nconst g: readonly string[] = [];'), ['let a = 1;', 'const b = new Map();', 'const c: string[] = [];']);
    });

    it('dist/extension.js and dist/commands.js share modules, and none of them holds state outside shared()', async function () {
        this.timeout(20_000);
        const [main, bodies] = await Promise.all([inputs('src/extension.ts'), inputs('src/commands/bodies.ts')]);
        const both = [...bodies].filter((f) => main.has(f));
        assert.ok(both.includes('src/common/notices.ts') && both.includes('src/common/trust.ts'), `expected the shared modules among ${both.length}`);
        const offenders = both.filter((f) => !ALLOWED.has(f)).flatMap((f) => topLevelState(fs.readFileSync(path.join(root, f), 'utf8')).map((l) => `${f}: ${l}`));
        assert.deepEqual(offenders, []);
    });
});
