// One small esbuild script: the extension (node/cjs), the lazily loaded Docker client bundle, and the
// browser bundle for webviews. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/**
 * dockerode requires ssh2 (for ssh:// endpoints), grpc-js + proto-loader (BuildKit sessions) and
 * protobufjs (BuildKit progress) when it loads, although most users never need them: they were ~40 %
 * of dist/docker.js's load time. They go into bundles of their own, required on first use: the
 * top-level `require`s are turned into functions that require when first called.
 */
const LAZY_PARTS = [
    // docker-modem's own SSH transport (a new SSH connection per request) is never used: dockerodeOptions
    // gives ssh:// endpoints an http agent of ours (src/docker/sshAgent.ts, ssh2 in dist/docker-ssh2.js)
    { file: /docker-modem[\\/]lib[\\/]modem\.js$/, from: "ssh = require('./ssh'),", to: "ssh = function () { throw new Error('docker-modem SSH transport is not bundled: ssh:// goes through src/docker/sshAgent.ts'); },", request: './ssh' },
    { file: /dockerode[\\/]lib[\\/]docker\.js$/, from: "withSession = require('./session'),", to: "withSession = function () { return require('./session').apply(this, arguments); },", request: './session', bundle: 'docker-session', entry: 'node_modules/dockerode/lib/session.js' },
    { file: /dockerode[\\/]lib[\\/]docker\.js$/, from: "var buildkit = require('./buildkit');", to: "var buildkit = require('./buildkit');", request: './buildkit', bundle: 'docker-buildkit', entry: 'node_modules/dockerode/lib/buildkit.js' },
];
const lazyParts = {
    name: 'lazy-docker-parts',
    setup(build) {
        for (const part of LAZY_PARTS.filter((p) => p.bundle)) {
            build.onResolve({ filter: new RegExp(`^${part.request.replace('.', '\\.')}$`) }, (a) => (part.file.test(a.importer) ? { path: `./${part.bundle}.js`, external: true } : undefined));
        }
        build.onLoad({ filter: /(docker-modem[\\/]lib[\\/]modem|dockerode[\\/]lib[\\/]docker)\.js$/ }, (a) => {
            let contents = readFileSync(a.path, 'utf8');
            for (const part of LAZY_PARTS.filter((p) => p.file.test(a.path))) {
                if (!contents.includes(part.from)) {
                    throw new Error(`${a.path} changed: "${part.from}" is gone; update LAZY_PARTS in scripts/build.mjs`);
                }
                contents = contents.replace(part.from, part.to);
            }
            return { contents, loader: 'js' };
        });
    },
};

// readable-stream (2.x for docker-modem, 3.x for bl and tar-fs's tar-stream; 113 KiB, 39 % of docker.js)
// is the userland copy of Node's own streams: its users only take Duplex, Readable, Writable and
// PassThrough from it, which Node 20's `stream` provides, so they get Node's (the docker tests cover
// logs, exec, attach, pull and build through them).
const nodeStreams = {
    name: 'node-streams',
    setup(build) {
        build.onResolve({ filter: /^readable-stream$/ }, () => ({ path: 'stream', external: true }));
    },
};

// ssh2 for our own SSH transport (src/docker/sshAgent.ts requires it on the first ssh:// connection):
// its own bundle, so dist/docker.js stays small for local engines
const lazySsh2 = {
    name: 'lazy-ssh2',
    setup(build) {
        build.onResolve({ filter: /^ssh2$/ }, (a) => (/src[\\/]docker[\\/]sshAgent\.ts$/.test(a.importer) ? { path: './docker-ssh2.js', external: true } : undefined));
    },
};

const builds = [
    // banner and footer mark the start and end of the bundle's evaluation, so activation can log the
    // module load too (VS Code may wait a while between loading the module and calling activate())
    {
        ...nodeBuild,
        entryPoints: { extension: 'src/extension.ts' },
        outdir: 'dist',
        banner: { js: 'var __dlModuleStart = performance.now();' },
        footer: { js: 'var __dlModuleEnd = performance.now();' },
    },
    // everything activation does not run (src/main.ts), required on first use by the shell above
    { ...nodeBuild, entryPoints: { main: 'src/main.ts' }, outdir: 'dist' },
    // dockerode (~65 ms to load) lives in its own file, required on first use; its rarely used
    // parts (ssh, BuildKit session and progress) in files of their own, required when first used
    { ...nodeBuild, entryPoints: { docker: 'src/docker/dockerodeClient.ts' }, outdir: 'dist', plugins: [lazyParts, nodeStreams, lazySsh2] },
    { ...nodeBuild, entryPoints: { 'docker-ssh2': 'node_modules/ssh2/lib/index.js' }, outdir: 'dist', plugins: [nodeStreams] },
    ...LAZY_PARTS.filter((p) => p.bundle).map((p) => ({ ...nodeBuild, entryPoints: { [p.bundle]: p.entry }, outdir: 'dist', plugins: [nodeStreams] })),
    // the command bodies activation does not run (src/commands/lazyTable.ts), loaded on the first of them
    { ...nodeBuild, entryPoints: { commands: 'src/commands/bodies.ts' }, outdir: 'dist' },
    // the lessons' content and live demos, loaded when the first lesson opens
    { ...nodeBuild, entryPoints: { lessons: 'src/lessons/runtime.ts' }, outdir: 'dist' },
    // dockerfile-ast, loaded on the first Dockerfile hover or explain
    { ...nodeBuild, entryPoints: { dockerfile: 'src/dockerfile/analysis/index.ts' }, outdir: 'dist' },
    // the same parser on a worker thread, for Dockerfiles too big to parse on the extension host
    { ...nodeBuild, entryPoints: { 'dockerfile-worker': 'src/dockerfile/analysis/worker.ts' }, outdir: 'dist' },
    // the language service (completion, validation, formatting, outline), loaded on the first request,
    // and on a worker thread for big files
    { ...nodeBuild, entryPoints: { 'dockerfile-language': 'src/dockerfile/analysis/languageEntry.ts' }, outdir: 'dist' },
    { ...nodeBuild, entryPoints: { 'dockerfile-language-worker': 'src/dockerfile/analysis/languageWorker.ts' }, outdir: 'dist' },
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
    // no stale bundle or source map from an earlier build may reach the package
    for (const dir of ['dist', 'media/dist']) {
        rmSync(join(root, dir), { recursive: true, force: true });
    }
    const started = Date.now();
    const results = await Promise.all(builds.map((b) => esbuild.build(b)));
    console.log(`esbuild (${production ? 'production' : 'development'}) in ${Date.now() - started} ms:`);
    results.forEach(report);
}
