/**
 * The HTML shell of every panel: no content from Docker or files ever goes in here (that arrives
 * as JSON messages and is rendered as text). A strict CSP with a fresh nonce per render.
 * No `vscode` import, so it is unit-tested as is.
 */
import { randomBytes } from 'crypto';

export interface ShellOptions {
    /** `webview.cspSource`. */
    readonly cspSource: string;
    /** `asWebviewUri` of the script and stylesheet under media/. */
    readonly scriptUri: string;
    readonly styleUri: string;
    /** Styles every panel shares (media/terminal.css), linked before the panel's own. */
    readonly sharedStyleUri?: string;
    /** BCP 47 language tag for `<html lang>`. */
    readonly lang: string;
    readonly title: string;
    /** Shown until the script renders (and when scripts cannot run). */
    readonly loading: string;
}

export function newNonce(): string {
    return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function panelHtml(o: ShellOptions, nonce = newNonce()): string {
    return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.sharedStyleUri ? `<link rel="stylesheet" href="${escapeHtml(o.sharedStyleUri)}">\n` : ''}<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="loading">${escapeHtml(o.loading)}</p></main>
<script nonce="${nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
