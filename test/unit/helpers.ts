/**
 * Shared helpers for the unit tests. Fixtures are read from the source tree (test/unit/fixtures),
 * not from `out/`, so they are never stale copies. See test/unit/fixtures/README.md for how they
 * were captured from a real Docker daemon.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root, from `out/test/unit/helpers.js`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'unit', 'fixtures');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}
