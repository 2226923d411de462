/**
 * Shared helpers for the unit tests. Fixtures are read from the source tree (test/unit/fixtures),
 * not from `out/`, so they are never stale copies. See test/unit/fixtures/README.md for how they
 * were captured from a real Docker daemon.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { PanelStrings } from '../../src/protocol/panelProtocol';

/** The repository root, from `out/test/unit/helpers.js`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'unit', 'fixtures');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

/**
 * errors.json holds the enumerable fields of errors that dockerode 5 / docker-modem really threw
 * against a real daemon (see fixtures/README.md). Rebuild an Error with those fields.
 */
export function capturedError(name: string): Error {
    const shape = (fixture('errors.json') as Record<string, Record<string, unknown>>)[name];
    if (!shape) {
        throw new Error(`fixture errors.json has no ${name}`);
    }
    const err = new Error(String(shape.message)) as Error & Record<string, unknown>;
    for (const [k, v] of Object.entries(shape)) {
        if (k !== 'message' && v !== undefined && v !== null) {
            err[k] = v;
        }
    }
    return err;
}

/** The lesson panel's words, in English, as the extension sends them (for the webview tests). */
export const PANEL_STRINGS: PanelStrings = {
    background: 'Background knowledge',
    live: 'Live on your engine',
    cli: 'CLI',
    api: 'Engine API',
    output: 'Program output',
    stateWords: { pending: 'Waiting', active: 'Working', done: 'Finished', error: 'Failed', skipped: 'Skipped', idle: 'Ready', running: 'Running', unavailable: 'Not available' },
    yes: 'Holds',
    no: 'Does not hold',
    ms: 'milliseconds',
};
