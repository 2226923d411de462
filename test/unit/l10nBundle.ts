/**
 * `vscode.l10n` as the unit tests see it: the real l10n/bundle.l10n.ko.json (or English, the keys
 * themselves), with VS Code's `{0}` substitution. Keys missing from the bundle are recorded, so a test
 * can assert that every sentence it produced has Korean words.
 */
import * as fs from 'fs';
import * as path from 'path';
import { L10n } from '../../src/common/l10n';
import { REPO_ROOT } from './helpers';

export interface TestL10n extends L10n {
    /** Keys asked for that the bundle does not have (English would show in VS Code). */
    readonly missing: string[];
    /** Every key asked for. */
    readonly used: Set<string>;
}

let koBundle: Record<string, string> | undefined;

export function koreanBundle(): Record<string, string> {
    koBundle ??= JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    return koBundle;
}

function format(template: string, args: ReadonlyArray<string | number | boolean>): string {
    return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

export function testL10n(language: 'en' | 'ko'): TestL10n {
    const bundle = language === 'ko' ? koreanBundle() : undefined;
    const missing: string[] = [];
    const used = new Set<string>();
    return {
        missing,
        used,
        t(message: string, ...args: Array<string | number | boolean>): string {
            used.add(message);
            if (bundle && typeof bundle[message] !== 'string') {
                missing.push(message);
            }
            return format(bundle?.[message] ?? message, args);
        },
    };
}

/** Hangul syllables. */
export const HANGUL = /[\uac00-\ud7a3]/;
