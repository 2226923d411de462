#!/usr/bin/env node
/**
 * Checks that every user-visible string has its Korean translation.
 *
 * 1. Every `vscode.l10n.t('…')` / `l10n.t("…")` / `l10n.t(`…`)` in src/**\/*.ts (first argument, a
 *    string literal; the `{ message, comment }` form too) is a key of l10n/bundle.l10n.ko.json, and
 *    the translation keeps the same `{0}`-style placeholders.
 * 2. Every `%key%` in package.json exists in package.nls.json and in package.nls.ko.json, and the two
 *    nls files have the same keys.
 * 3. No Korean translation has a bare particle after a placeholder (`{0}를`): it must fit any value,
 *    `{0}을(를)`; Korean text in src/**\/*.ts with one is warned about.
 *
 * Uses the TypeScript parser, so quotes, escapes and comments are handled as the compiler sees them.
 * Prints what is missing and exits 1, or prints one OK line. `--root DIR` checks another tree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// require, not import: ESM import of the 9 MB CommonJS typescript.js first scans it for named exports (~1 s).
const ts = createRequire(import.meta.url)('typescript');

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const ROOT = rootArg >= 0 ? path.resolve(args[rootArg + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

const problems = [];
const warnings = [];

function readJson(file, what) {
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        problems.push(`${rel(file)} is missing (${what}).`);
        return undefined;
    }
    try {
        const value = JSON.parse(text.replace(/^\uFEFF/, ''));
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
            problems.push(`${rel(file)} is not a JSON object.`);
            return undefined;
        }
        return value;
    } catch (e) {
        problems.push(`${rel(file)} is not valid JSON: ${e.message}`);
        return undefined;
    }
}

function tsFiles(dir) {
    const out = [];
    let entries;
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
        return out;
    }
    for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
            out.push(...tsFiles(full));
        } else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
            out.push(full);
        }
    }
    return out.sort();
}

/** `l10n.t` or `vscode.l10n.t` (or `anything.l10n.t`). */
function isL10nT(expr) {
    if (!ts.isPropertyAccessExpression(expr) || expr.name.text !== 't') {
        return false;
    }
    const target = expr.expression;
    return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

const literalText = (node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined);

/** The bundle key of an `l10n.t({ message, comment })` call: `message/comment` as VS Code builds it. */
function keyOfOptions(obj) {
    let message;
    let comment = '';
    for (const p of obj.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
            continue;
        }
        if (p.name.text === 'message') {
            message = literalText(p.initializer);
            if (message === undefined) {
                return undefined;
            }
        } else if (p.name.text === 'comment') {
            if (ts.isArrayLiteralExpression(p.initializer)) {
                const parts = p.initializer.elements.map(literalText);
                if (parts.some((x) => x === undefined)) {
                    return undefined;
                }
                comment = parts.join('');
            } else {
                const c = literalText(p.initializer);
                if (c === undefined) {
                    return undefined;
                }
                comment = c;
            }
        }
    }
    return message === undefined ? undefined : comment ? `${message}/${comment}` : message;
}

/** Every l10n.t key in src, with where it is used. */
function collectKeys() {
    const keys = new Map();
    for (const file of tsFiles(path.join(ROOT, 'src'))) {
        const text = fs.readFileSync(file, 'utf8');
        const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
        const visit = (node) => {
            if (ts.isCallExpression(node) && isL10nT(node.expression)) {
                const where = `${rel(file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
                const first = node.arguments[0];
                const key = first === undefined ? undefined : ts.isObjectLiteralExpression(first) ? keyOfOptions(first) : literalText(first);
                if (key === undefined) {
                    problems.push(`${where}: l10n.t() needs a string literal (or { message: '…' }) as its first argument, so the text can be translated: ${node.getText(sf).slice(0, 80)}`);
                } else {
                    if (!keys.has(key)) {
                        keys.set(key, []);
                    }
                    keys.get(key).push(where);
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(sf);
    }
    return keys;
}

const placeholders = (s) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

// 1. l10n.t keys ↔ l10n/bundle.l10n.ko.json
const keys = collectKeys();
const bundleFile = path.join(ROOT, 'l10n', 'bundle.l10n.ko.json');
const bundle = readJson(bundleFile, 'the Korean translations of the l10n.t() strings');
if (bundle) {
    for (const [key, uses] of keys) {
        const value = bundle[key];
        if (typeof value !== 'string' || !value.trim()) {
            problems.push(`missing Korean for ${JSON.stringify(key)} (used at ${uses.join(', ')}) in ${rel(bundleFile)}`);
            continue;
        }
        const want = placeholders(key).join(' ');
        const got = placeholders(value).join(' ');
        if (want !== got) {
            problems.push(`${rel(bundleFile)}: the translation of ${JSON.stringify(key)} has placeholders [${got}], expected [${want}]`);
        }
    }
    for (const key of Object.keys(bundle)) {
        if (!keys.has(key)) {
            warnings.push(`${rel(bundleFile)}: ${JSON.stringify(key)} is not used by any l10n.t() in src (stale?)`);
        }
    }
} else {
    for (const [key, uses] of keys) {
        problems.push(`missing Korean for ${JSON.stringify(key)} (used at ${uses[0]}${uses.length > 1 ? ` +${uses.length - 1}` : ''})`);
    }
}

// 2. package.json %key% ↔ package.nls.json ↔ package.nls.ko.json
const pkgFile = path.join(ROOT, 'package.json');
const pkg = readJson(pkgFile, 'the extension manifest');
const nlsFile = path.join(ROOT, 'package.nls.json');
const nlsKoFile = path.join(ROOT, 'package.nls.ko.json');
const nls = readJson(nlsFile, 'the English strings of package.json');
const nlsKo = readJson(nlsKoFile, 'the Korean strings of package.json');
const nlsKeys = new Map();
(function walk(value, at) {
    if (typeof value === 'string') {
        const m = /^%([^%\s]+)%$/.exec(value);
        if (m) {
            if (!nlsKeys.has(m[1])) {
                nlsKeys.set(m[1], at);
            }
        }
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${at}[${i}]`));
    } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
            walk(v, at ? `${at}.${k}` : k);
        }
    }
})(pkg ?? {}, '');

for (const [file, table] of [
    [nlsFile, nls],
    [nlsKoFile, nlsKo],
]) {
    if (!table) {
        continue;
    }
    for (const [key, at] of nlsKeys) {
        if (typeof table[key] !== 'string' || !table[key].trim()) {
            problems.push(`${rel(file)}: missing "${key}" (package.json ${at})`);
        }
    }
}
if (nls && nlsKo) {
    for (const key of Object.keys(nls)) {
        if (!(key in nlsKo) && !nlsKeys.has(key)) {
            problems.push(`${rel(nlsKoFile)}: missing "${key}" that ${rel(nlsFile)} has`);
        }
    }
    for (const key of Object.keys(nlsKo)) {
        if (!(key in nls) && !nlsKeys.has(key)) {
            problems.push(`${rel(nlsFile)}: missing "${key}" that ${rel(nlsKoFile)} has`);
        }
    }
    for (const key of Object.keys(nls)) {
        if (typeof nlsKo[key] === 'string' && typeof nls[key] === 'string') {
            const want = placeholders(nls[key]).join(' ');
            const got = placeholders(nlsKo[key]).join(' ');
            if (want !== got) {
                problems.push(`${rel(nlsKoFile)}: "${key}" has placeholders [${got}], ${rel(nlsFile)} has [${want}]`);
            }
        }
    }
}

// 3. Korean particles after a placeholder must fit any value: 을(를)/이(가)/(으)로/은(는)/와(과), never a
//    bare `}를` `}가` `}로` … (test/unit/koreanParticles.test.ts scans the built bundles the same way).
const BARE_PARTICLE = /\}(["'”’`]?)(가|를|로|은|는|이|을|와|과)/g;
const FITS_ANY = ['이(가)', '가(이)', '을(를)', '를(을)', '은(는)', '는(은)', '와(과)', '과(와)'];
function bareParticles(text) {
    const out = [];
    for (const m of text.matchAll(BARE_PARTICLE)) {
        const after = text.slice(m.index + 1 + m[1].length, m.index + 5 + m[1].length);
        if (!FITS_ANY.some((f) => after.startsWith(f))) {
            out.push(text.slice(Math.max(0, m.index - 20), m.index + 8));
        }
    }
    return out;
}
for (const [file, table] of [
    [bundleFile, bundle],
    [nlsKoFile, nlsKo],
]) {
    for (const [key, value] of Object.entries(table ?? {})) {
        for (const hit of typeof value === 'string' ? bareParticles(value) : []) {
            problems.push(`${rel(file)}: ${JSON.stringify(key)}: a bare particle after a placeholder (…${hit}…): write 을(를)/이(가)/(으)로/은(는)/와(과) or restructure`);
        }
    }
}
// Korean texts kept in the sources (the lessons' { en, ko } texts and Words tables): warned here, failed by the unit test
for (const file of tsFiles(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const hit of bareParticles(text)) {
        if (/[\uac00-\ud7a3]/.test(hit)) {
            warnings.push(`${rel(file)}: a bare Korean particle after a placeholder (…${hit.replace(/\n/g, ' ')}…)`);
        }
    }
}

for (const w of warnings) {
    console.warn(`warning: ${w}`);
}
if (problems.length) {
    console.error(`check-l10n: ${problems.length} problem(s):`);
    for (const p of problems) {
        console.error(`  - ${p}`);
    }
    process.exit(1);
}
console.log(
    `check-l10n: OK: ${keys.size} l10n.t() strings translated in l10n/bundle.l10n.ko.json; ` +
        `${nlsKeys.size} package.json %keys% in package.nls.json and package.nls.ko.json (${Object.keys(nls ?? {}).length} keys each).`,
);
