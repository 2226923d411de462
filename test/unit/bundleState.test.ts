/**
 * The activation shell (dist/extension.js), the extension (dist/main.js) and the command bodies
 * (dist/commands.js, src/commands/lazyTable.ts) are bundled on their own, so every module two of them
 * share exists twice at run time. Such a module must not keep
 * state of its own at the top level (a second copy would not see the first's): state that must be one
 * goes through src/common/shared.ts. esbuild tells which modules both bundles hold.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');

async function inputs(entry: string): Promise<Set<string>> {
    const r = await esbuild.build({ entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, outdir: path.join(root, 'out', 'bundle-state'), logLevel: 'silent', absWorkingDir: root });
    // the modules that are really in the bundle (esbuild drops what nothing uses)
    const used = Object.values(r.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
    return new Set(used.filter((f) => f.startsWith('src/')));
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

    it('dist/extension.js, dist/main.js and dist/commands.js share modules, and none of them holds state outside shared()', async function () {
        this.timeout(20_000);
        const [shell, main, bodies] = await Promise.all([inputs('src/extension.ts'), inputs('src/main.ts'), inputs('src/commands/bodies.ts')]);
        const shared = (a: Set<string>, b: Set<string>) => [...a].filter((f) => b.has(f));
        const mainBodies = shared(main, bodies);
        assert.ok(mainBodies.includes('src/common/notices.ts') && mainBodies.includes('src/common/trust.ts'), `expected the shared modules among ${mainBodies.length}`);
        assert.ok(shared(shell, main).includes('src/commands/registry.ts'), 'the shell registers the commands of the one table');
        const both = [...new Set([...mainBodies, ...shared(shell, main), ...shared(shell, bodies)])];
        const offenders = both.filter((f) => !ALLOWED.has(f)).flatMap((f) => topLevelState(fs.readFileSync(path.join(root, f), 'utf8')).map((l) => `${f}: ${l}`));
        assert.deepEqual(offenders, []);
    });

    it('the activation shell stays small: no Docker model, views, panels or lesson content in it', async function () {
        this.timeout(20_000);
        const shell = await inputs('src/extension.ts');
        const heavy = [...shell].filter((f) => /^src\/(model|docker|lessons|panels\/(?!viewTypes)|tree\/|protocol)\//.test(f) || f === 'src/main.ts');
        assert.deepEqual(heavy, []);
    });
});
