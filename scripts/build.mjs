// One small esbuild script: the extension (node/cjs), the lazily loaded Docker client bundle, and the
// browser bundle for webviews. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
};

const nodeBuild = {
    ...common,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ssh2's optional native modules: it falls back to JavaScript when they are absent
    external: ['vscode', 'cpu-features', '*.node'],
};

const webviewEntries = existsSync(join(root, 'webview'))
    ? readdirSync(join(root, 'webview'))
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && statSync(join(root, 'webview', f)).isFile())
          .map((f) => join('webview', f))
    : [];

const builds = [
    { ...nodeBuild, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
    // dockerode (~65 ms to load) lives in its own file, required on first use
    { ...nodeBuild, entryPoints: { docker: 'src/docker/dockerodeClient.ts' }, outdir: 'dist' },
    // dockerfile-ast, loaded on the first Dockerfile hover or explain
    { ...nodeBuild, entryPoints: { dockerfile: 'src/dockerfile/analysis/index.ts' }, outdir: 'dist' },
];
if (webviewEntries.length) {
    builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: webviewEntries, outdir: 'media/dist' });
}

function report(result) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
        if (!file.endsWith('.map')) {
            console.log(`  ${file.padEnd(28)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KiB`);
        }
    }
}

if (watch) {
    for (const b of builds) {
        const ctx = await esbuild.context({ ...b, plugins: [{ name: 'log', setup: (build) => build.onEnd((r) => r.errors.length || console.log(`[watch] built ${Object.keys(b.entryPoints).join(', ')}`)) }] });
        await ctx.watch();
    }
    console.log('[watch] watching for changes');
} else {
    const started = Date.now();
    const results = await Promise.all(builds.map((b) => esbuild.build(b)));
    console.log(`esbuild (${production ? 'production' : 'development'}) in ${Date.now() - started} ms:`);
    results.forEach(report);
}
