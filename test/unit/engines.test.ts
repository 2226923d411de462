/**
 * A first `npm install` prints no EBADENGINE: every package in the lock accepts the oldest Node the
 * README and package.json promise (`engines.node`), so a new user on that Node sees no engine warning.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/** semver, as npm itself reads `engines` (hoisted from npm's and vsce's dependencies; it ships no types). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- no @types for it
const semver = require('semver') as { satisfies(version: string, range: string, opts?: { includePrerelease?: boolean }): boolean; minVersion(range: string): { version: string } | null };

const root = path.join(__dirname, '..', '..', '..');

describe('package-lock.json: no engine warning on the Node the README promises', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
    const oldest = semver.minVersion(pkg.engines.node)!.version;

    it('the check sees a package that wants a newer Node', () => {
        assert.equal(semver.satisfies(oldest, '>=22.12.0'), false);
    });

    it(`every package in the lock accepts Node ${oldest} (package.json engines.node "${pkg.engines.node}")`, () => {
        assert.match(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), new RegExp(`Node ${oldest.split('.').slice(0, 2).join('\\.')}`), 'the README names the same Node');
        const refused = Object.entries(lock.packages)
            .filter(([name, p]) => name && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(oldest, p.engines.node, { includePrerelease: true }))
            .map(([name, p]) => `${name}@${p.version} wants node ${(p.engines as { node: string }).node}`);
        assert.deepEqual(refused, []);
    });
});
