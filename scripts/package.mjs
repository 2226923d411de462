// Builds the production bundles and packages a .vsix with @vscode/vsce (works offline), then prints sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'package.json'), 'utf8')));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

const buildStarted = Date.now() - 1000;
run(process.execPath, ['scripts/build.mjs', '--production']);
// --no-dependencies: everything the extension needs is bundled into dist/. No flag silences a missing
// repository or relative links: vsce rewrites the README's relative image links to the repository's
// absolute URLs (docs/screenshots/ is packaged too), so they show in the Extensions view and on the Marketplace.
run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', out]);
console.log(`VSIX: ${out} — ${(statSync(out).size / 1024).toFixed(1)} KiB`);
for (const f of ['dist', 'media/dist'].flatMap((d) => readdirSync(join(root, d)).filter((n) => n.endsWith('.js')).map((n) => `${d}/${n}`))) {
    console.log(`  ${f}: ${(statSync(join(root, f)).size / 1024).toFixed(1)} KiB`);
}
if (process.argv.includes('--check')) {
    // What a new user gets: no source map or stale file in the VSIX, and a README whose images show
    // in the Extensions view and on the Marketplace (absolute https links to files in this repository).
    const problems = [];
    const files = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root }).toString().split('\n').filter(Boolean);
    const allowed = [/^dist\/[\w-]+\.js$/, /^media\/(dist\/[\w-]+\.js|[\w-]+\.(css|png|svg)|icons\/[\w-]+\.svg|walkthrough\/[\w.-]+\.md)$/, /^l10n\/bundle\.l10n\.ko\.json$/, /^package(\.nls(\.ko)?)?\.json$/, /^(README|CHANGELOG)\.md$/, /^LICENSE$/];
    for (const f of files) {
        if (f.endsWith('.map')) problems.push(`a source map is packaged: ${f}`);
        else if (!allowed.some((re) => re.test(f))) problems.push(`an unexpected file is packaged: ${f}`);
    }
    // stale: a bundle in dist/ that this build did not write (e.g. an entry point since removed)
    const built = new Set(readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js')).filter((f) => statSync(join(root, 'dist', f)).mtimeMs >= buildStarted));
    for (const f of files.filter((x) => /^dist\/[^/]+\.js$/.test(x))) {
        if (!built.has(f.slice('dist/'.length))) problems.push(`a stale bundle is packaged (not written by this build): ${f}`);
    }
    if (!files.includes('media/icon.png')) problems.push('the icon media/icon.png is not packaged');
    const readme = await readFromZip(out, 'extension/readme.md');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    const repo = String(pkg.repository?.url ?? pkg.repository).replace(/\.git$/, '');
    if (!images.length) problems.push('the packaged README shows no image');
    for (const src of images) {
        const m = src.startsWith(`${repo}/raw/HEAD/`) ? src.slice(`${repo}/raw/HEAD/`.length) : undefined;
        if (!m) problems.push(`a README image is not an absolute link into ${repo}: ${src}`);
        else if (!existsSync(join(root, m))) problems.push(`a README image points at a file this repository does not have: ${m}`);
    }
    console.log(`vsce ls: ${files.length} files (${files.filter((f) => f.startsWith('dist/')).length} in dist/, ${files.filter((f) => f.startsWith('media/')).length} in media/); README images: ${images.length}, all under ${repo}/raw/HEAD/`);
    // the development build again (with source maps), so the work tree is as the tests expect it
    run(process.execPath, ['scripts/build.mjs']);
    if (problems.length) {
        console.error(problems.join('\n'));
        process.exit(1);
    }
}

/** One file of a zip (the VSIX), with yauzl (vsce's own zip reader). */
function readFromZip(zip, name) {
    const yauzl = createRequire(import.meta.url)('yauzl');
    return new Promise((resolve, reject) => {
        yauzl.open(zip, { lazyEntries: true }, (err, file) => {
            if (err) return reject(err);
            file.on('entry', (entry) => {
                if (entry.fileName.toLowerCase() !== name.toLowerCase()) return file.readEntry();
                file.openReadStream(entry, (e, stream) => {
                    if (e) return reject(e);
                    const chunks = [];
                    stream.on('data', (c) => chunks.push(c));
                    stream.on('end', () => {
                        file.close();
                        resolve(Buffer.concat(chunks).toString('utf8'));
                    });
                });
            });
            file.on('end', () => reject(new Error(`${name} is not in ${zip}`)));
            file.readEntry();
        });
    });
}
if (process.argv.includes('--json')) {
    // what is inside, for the benchmark: every file must be one the extension needs at run time
    const files = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root }).toString().split('\n').filter(Boolean);
    const expected = ['^dist/[\\w-]+\\.js$', '^media/', '^l10n/', '^package(\\.nls(\\.ko)?)?\\.json$', '^README\\.md$', '^CHANGELOG\\.md$', '^LICENSE(\\.txt)?$', '^docs/screenshots/'];
    console.log(JSON.stringify({ bytes: statSync(out).size, files, expected }));
}
