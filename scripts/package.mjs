// Builds the production bundles and packages a .vsix with @vscode/vsce (works offline), then prints sizes.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'package.json'), 'utf8')));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(process.execPath, ['scripts/build.mjs', '--production']);
// --no-dependencies: everything the extension needs is bundled into dist/
run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', out]);
console.log(`VSIX: ${out} — ${(statSync(out).size / 1024).toFixed(1)} KiB`);
for (const f of ['dist/extension.js', 'dist/docker.js', 'dist/docker-ssh.js', 'dist/docker-session.js', 'dist/docker-buildkit.js', 'dist/lessons.js', 'dist/dockerfile.js', 'media/dist/lesson.js', 'media/dist/dockerfile.js']) {
    console.log(`  ${f}: ${(statSync(join(root, f)).size / 1024).toFixed(1)} KiB`);
}
if (process.argv.includes('--json')) {
    // what is inside, for the benchmark: every file must be one the extension needs at run time
    const files = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root }).toString().split('\n').filter(Boolean);
    const expected = ['^dist/[\\w-]+\\.js$', '^media/', '^l10n/', '^package(\\.nls(\\.ko)?)?\\.json$', '^README\\.md$', '^CHANGELOG\\.md$', '^LICENSE(\\.txt)?$', '^docs/screenshots/'];
    console.log(JSON.stringify({ bytes: statSync(out).size, files, expected }));
}
