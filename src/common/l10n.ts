/**
 * The part of `vscode.l10n` that wording functions need, so they can live without a `vscode` import
 * and be unit-tested with the real Korean bundle. Callers pass `vscode.l10n`. Calls stay written as
 * `l10n.t('…')` so scripts/check-l10n.mjs finds every key.
 */
export interface L10n {
    t(message: string, ...args: Array<string | number | boolean>): string;
}
