/**
 * The panel HTML shell (src/panels/html.ts): a strict CSP with a fresh nonce, one nonce'd script,
 * and every option escaped. Parsed with jsdom (no scripts run) so attributes are checked as a
 * browser sees them, not by string search.
 */
import * as assert from 'assert/strict';
import { JSDOM } from 'jsdom';
import { contentSecurityPolicy, newNonce, panelHtml, ShellOptions } from '../../src/panels/html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

const OPTIONS: ShellOptions = {
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/lesson.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/lesson.css',
    lang: 'en',
    title: 'Docker Lessons',
    loading: 'Loading the lesson…',
};

/** Text that would inject markup or break out of an attribute if it were not escaped. */
const HOSTILE = {
    title: '</title><script>alert(1)</script><img src=x onerror=alert(2)>',
    lang: '"><script>alert(3)</script><html lang="',
    loading: '<img src=x onerror=alert(4)>&amp;',
    scriptUri: 'x.js"></script><script>alert(5)</script><script src="y.js',
    styleUri: `x.css" onload="alert(6)' onerror='alert(7)`,
    cspSource: `https://a "; script-src 'unsafe-inline' *; x="`,
};

function parse(html: string): Document {
    return new JSDOM(html).window.document;
}

function cspOf(doc: Document): string {
    const metas = [...doc.querySelectorAll('meta')].filter((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
    assert.equal(metas.length, 1, 'exactly one CSP meta');
    return metas[0].getAttribute('content') ?? '';
}

/** `script-src 'nonce-abc'` → Map { 'script-src' → ["'nonce-abc'"] }. */
function directives(csp: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const part of csp.split(';')) {
        const [name, ...values] = part.trim().split(/\s+/);
        if (name) {
            assert.equal(out.has(name), false, `directive ${name} appears twice`);
            out.set(name, values);
        }
    }
    return out;
}

function allAttributes(doc: Document): { element: string; name: string; value: string }[] {
    return [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => ({ element: el.tagName.toLowerCase(), name: a.name, value: a.value })));
}

describe('panel html: CSP and nonce', () => {
    it('the CSP meta has default-src none, and script-src is the script tag nonce', () => {
        const doc = parse(panelHtml(OPTIONS));
        const d = directives(cspOf(doc));
        assert.deepEqual(d.get('default-src'), ["'none'"]);
        const scripts = doc.querySelectorAll('script');
        assert.equal(scripts.length, 1);
        const nonce = scripts[0].getAttribute('nonce');
        assert.ok(nonce);
        assert.deepEqual(d.get('script-src'), [`'nonce-${nonce}'`]);
    });

    it('style-src, font-src and img-src are the cspSource only (no unsafe-inline, no wildcards)', () => {
        const d = directives(cspOf(parse(panelHtml(OPTIONS))));
        assert.deepEqual(d.get('style-src'), [CSP_SOURCE]);
        assert.deepEqual(d.get('font-src'), [CSP_SOURCE]);
        assert.deepEqual(d.get('img-src'), [CSP_SOURCE, 'data:']);
        for (const [name, values] of d) {
            for (const v of values) {
                assert.ok(!/unsafe-(inline|eval)|^\*$|^https?:$/.test(v), `${name} allows ${v}`);
            }
        }
        assert.equal(d.has('connect-src'), false, 'no network from the page');
    });

    it('the nonce given is the one used', () => {
        const doc = parse(panelHtml(OPTIONS, 'abcDEF0123456789xyz'));
        assert.equal(doc.querySelector('script')?.getAttribute('nonce'), 'abcDEF0123456789xyz');
        assert.deepEqual(directives(cspOf(doc)).get('script-src'), ["'nonce-abcDEF0123456789xyz'"]);
    });

    it('a fresh nonce each call: 100 calls → 100 distinct, ≥ 16 base64 characters', () => {
        // string matching, not jsdom: 100 parses would be slow
        const nonces = Array.from({ length: 100 }, () => {
            const html = panelHtml(OPTIONS);
            const tag = /<script nonce="([^"]*)"/.exec(html)?.[1] ?? '';
            // the CSP is an attribute value, so its quotes are written as &#39;
            const csp = /script-src (?:'|&#39;)nonce-([A-Za-z0-9+/=]*)(?:'|&#39;)/.exec(html)?.[1];
            assert.equal(csp, tag, 'the CSP nonce is the script tag nonce');
            return tag;
        });
        assert.equal(new Set(nonces).size, 100);
        for (const n of nonces) {
            assert.match(n, /^[A-Za-z0-9]{16,}$/);
        }
    });

    it('newNonce: 1000 distinct alphanumeric values of at least 16 characters', () => {
        const seen = new Set<string>();
        for (let i = 0; i < 1000; i++) {
            const n = newNonce();
            assert.match(n, /^[A-Za-z0-9]{16,}$/);
            seen.add(n);
        }
        assert.equal(seen.size, 1000);
    });

    it('contentSecurityPolicy is built from its two inputs only', () => {
        assert.equal(contentSecurityPolicy('vscode-resource:', 'N0nce'), "default-src 'none'; img-src vscode-resource: data:; style-src vscode-resource:; font-src vscode-resource:; script-src 'nonce-N0nce'");
    });
});

describe('panel html: structure', () => {
    const html = panelHtml(OPTIONS);
    const doc = parse(html);

    it('only one <script>, with the nonce and the script URI as src, and no inline code', () => {
        const scripts = doc.querySelectorAll('script');
        assert.equal(scripts.length, 1);
        assert.equal(scripts[0].getAttribute('src'), OPTIONS.scriptUri);
        assert.equal(scripts[0].textContent, '');
        assert.equal((html.match(/<script\b/gi) ?? []).length, 1);
    });

    it('no inline event handlers and no javascript: URLs anywhere', () => {
        for (const a of allAttributes(doc)) {
            assert.ok(!/^on/i.test(a.name), `${a.element} has ${a.name}`);
            assert.ok(!/^\s*javascript:/i.test(a.value), `${a.element} ${a.name}=${a.value}`);
        }
        assert.equal(doc.querySelectorAll('style').length, 0, 'no inline <style>');
        assert.equal(doc.querySelectorAll('[style]').length, 0, 'no style attributes');
    });

    it('lang, title, stylesheet and the loading text are where they belong', () => {
        assert.equal(doc.documentElement.getAttribute('lang'), 'en');
        assert.equal(doc.title, 'Docker Lessons');
        const links = doc.querySelectorAll('link[rel="stylesheet"]');
        assert.equal(links.length, 1);
        assert.equal(links[0].getAttribute('href'), OPTIONS.styleUri);
        assert.equal(doc.querySelector('#root .loading')?.textContent, 'Loading the lesson…');
        assert.equal(doc.querySelector('meta[charset]')?.getAttribute('charset'), 'UTF-8');
    });

    it('the shared stylesheet (media/terminal.css) comes before the panel\'s own, so the panel can refine it', () => {
        const shared = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/terminal.css';
        const links = [...parse(panelHtml({ ...OPTIONS, sharedStyleUri: shared })).querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href'));
        assert.deepEqual(links, [shared, OPTIONS.styleUri]);
    });
});

describe('panel html: hostile options are escaped', () => {
    const html = panelHtml({ ...OPTIONS, ...HOSTILE }, 'fixedNonce1234567890');
    const doc = parse(html);

    it('no injected elements: one script, one link, one img-free body', () => {
        assert.equal(doc.querySelectorAll('script').length, 1);
        assert.equal(doc.querySelectorAll('img').length, 0);
        assert.equal(doc.querySelectorAll('link').length, 1);
        assert.equal(doc.querySelectorAll('html').length, 1);
        assert.equal(doc.querySelector('script')?.getAttribute('nonce'), 'fixedNonce1234567890');
    });

    it('each hostile value comes back exactly, as text or as one attribute value', () => {
        assert.equal(doc.title, HOSTILE.title);
        assert.equal(doc.documentElement.getAttribute('lang'), HOSTILE.lang);
        assert.equal(doc.querySelector('#root .loading')?.textContent, HOSTILE.loading);
        assert.equal(doc.querySelector('script')?.getAttribute('src'), HOSTILE.scriptUri);
        assert.equal(doc.querySelector('link')?.getAttribute('href'), HOSTILE.styleUri);
    });

    it('no attribute break-out: no event handlers, every element keeps its own attributes only', () => {
        for (const a of allAttributes(doc)) {
            assert.ok(!/^on/i.test(a.name), `${a.element} got ${a.name}`);
        }
        assert.deepEqual([...doc.querySelector('script')!.attributes].map((a) => a.name).sort(), ['nonce', 'src']);
        assert.deepEqual([...doc.querySelector('link')!.attributes].map((a) => a.name).sort(), ['href', 'rel']);
        assert.deepEqual([...doc.documentElement.attributes].map((a) => a.name), ['lang']);
    });

    it('a hostile cspSource cannot break out of the CSP content attribute', () => {
        // (cspSource comes from VS Code, not from Docker or files: this checks the HTML escaping,
        // not that a cspSource with `;` keeps the policy intact)
        const csp = cspOf(doc);
        assert.ok(csp.startsWith("default-src 'none'; "));
        assert.ok(csp.endsWith("script-src 'nonce-fixedNonce1234567890'"));
        assert.equal(doc.querySelectorAll('meta').length, 3);
    });

    it('the raw HTML has no unescaped hostile markup', () => {
        assert.equal((html.match(/<script\b/gi) ?? []).length, 1);
        assert.ok(!html.includes('<img'));
        assert.ok(!html.includes('alert(1)</script>'));
        assert.ok(!/["']\s*>\s*<(script|img|html)/i.test(html), 'no quote-and-close break-out');
    });
});
