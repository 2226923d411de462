#!/usr/bin/env node
/**
 * Checks that package.json and the code agree on commands:
 *
 * 1. every command in `contributes.commands` appears as a string in src/commands/**\/*.ts
 *    (normally as a value of `CommandIds` in src/commands/registry.ts);
 * 2. every `dockerLessons.*` id in `CommandIds` is contributed in package.json, and is used somewhere in
 *    src as `CommandIds.<key>` other than `executeCommand(…)` (otherwise nothing registers a handler);
 * 3. every `command`/`alt` in `contributes.menus` is a contributed command, and every `dockerLessons.*`
 *    command of `contributes.keybindings` is contributed;
 * 4. every `command:dockerLessons.*` link in package.json / package.nls*.json (welcome views) is a
 *    contributed command or a `CommandIds` id;
 * 5. no command is contributed twice.
 *
 * Prints the mismatches and exits 1, or one OK line. `--root DIR` checks another tree.
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
const PREFIX = 'dockerLessons.';

const problems = [];

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

function parse(file) {
    return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function walk(node, fn) {
    fn(node);
    ts.forEachChild(node, (child) => walk(child, fn));
}

const literalText = (node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined);

// --- package.json -------------------------------------------------------------------------------
const pkgFile = path.join(ROOT, 'package.json');
let pkg;
try {
    pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
} catch (e) {
    console.error(`check-commands: cannot read ${rel(pkgFile)}: ${e.message}`);
    process.exit(1);
}
const contributes = pkg.contributes ?? {};
const contributed = new Map();
for (const [i, c] of (contributes.commands ?? []).entries()) {
    const id = c?.command;
    if (typeof id !== 'string' || !id) {
        problems.push(`package.json contributes.commands[${i}] has no "command" id`);
        continue;
    }
    if (contributed.has(id)) {
        problems.push(`package.json contributes.commands: "${id}" is contributed twice`);
    }
    contributed.set(id, c);
    if (!c.title) {
        problems.push(`package.json contributes.commands: "${id}" has no title`);
    }
}

// --- src/commands: string literals, and the CommandIds table -------------------------------------
const commandsDir = path.join(ROOT, 'src', 'commands');
const registryFile = path.join(commandsDir, 'registry.ts');
const literalsInCommands = new Set();
for (const file of tsFiles(commandsDir)) {
    walk(parse(file), (node) => {
        const text = literalText(node);
        if (text !== undefined) {
            literalsInCommands.add(text);
        }
    });
}

/** key → id, from `export const CommandIds = { … } as const`. */
const commandIds = new Map();
let commandIdsFound = false;
if (fs.existsSync(registryFile)) {
    walk(parse(registryFile), (node) => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'CommandIds' && node.initializer) {
            let init = node.initializer;
            while (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init) || ts.isParenthesizedExpression(init)) {
                init = init.expression;
            }
            if (ts.isObjectLiteralExpression(init)) {
                commandIdsFound = true;
                for (const p of init.properties) {
                    if (ts.isPropertyAssignment(p)) {
                        const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText();
                        const value = literalText(p.initializer);
                        if (value !== undefined) {
                            commandIds.set(key, value);
                        }
                    }
                }
            }
        }
    });
}
if (!commandIdsFound) {
    problems.push(`${rel(registryFile)}: no \`export const CommandIds = { … }\` object found`);
}

/** Keys used as `CommandIds.key` anywhere in src, except as the command of `executeCommand(…)`. */
const usedKeys = new Set();
for (const file of tsFiles(path.join(ROOT, 'src'))) {
    walk(parse(file), (node) => {
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'CommandIds') {
            const parent = node.parent;
            const isExecuted =
                parent && ts.isCallExpression(parent) && parent.arguments[0] === node && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'executeCommand';
            if (!isExecuted) {
                usedKeys.add(node.name.text);
            }
        }
    });
}
const commandIdValues = new Set(commandIds.values());

// 1. contributed → in src/commands
for (const id of contributed.keys()) {
    if (!literalsInCommands.has(id)) {
        problems.push(`"${id}" is contributed in package.json but does not appear in src/commands/**/*.ts (add it to CommandIds and register a handler)`);
    }
}

// 2. CommandIds → contributed, and used
for (const [key, id] of commandIds) {
    if (id.startsWith(PREFIX) && !contributed.has(id)) {
        problems.push(`CommandIds.${key} = "${id}" is not contributed in package.json contributes.commands`);
    }
    if (!usedKeys.has(key)) {
        problems.push(`CommandIds.${key} = "${id}" is never used in src (outside executeCommand), so no handler is registered for it`);
    }
}

// 3. menus and keybindings
for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
    if (!Array.isArray(entries)) {
        problems.push(`package.json contributes.menus["${menu}"] is not an array`);
        continue;
    }
    for (const [i, entry] of entries.entries()) {
        for (const field of ['command', 'alt']) {
            const id = entry?.[field];
            if (id !== undefined && !contributed.has(id)) {
                problems.push(`package.json contributes.menus["${menu}"][${i}].${field} = "${id}" is not a contributed command`);
            }
        }
        if (entry?.command === undefined && entry?.submenu === undefined) {
            problems.push(`package.json contributes.menus["${menu}"][${i}] has neither "command" nor "submenu"`);
        }
    }
}
for (const [i, kb] of (contributes.keybindings ?? []).entries()) {
    const id = typeof kb?.command === 'string' ? kb.command.replace(/^-/, '') : undefined;
    if (!id) {
        problems.push(`package.json contributes.keybindings[${i}] has no command`);
    } else if (id.startsWith(PREFIX) && !contributed.has(id)) {
        problems.push(`package.json contributes.keybindings[${i}].command = "${kb.command}" is not a contributed command`);
    }
}

// 4. command: links in the manifest and its nls files
for (const file of [pkgFile, path.join(ROOT, 'package.nls.json'), path.join(ROOT, 'package.nls.ko.json')]) {
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        continue;
    }
    for (const m of text.matchAll(/command:(dockerLessons\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])/g)) {
        if (!contributed.has(m[1]) && !commandIdValues.has(m[1])) {
            problems.push(`${rel(file)}: the link "command:${m[1]}" points to a command that is neither contributed nor in CommandIds`);
        }
    }
}

if (problems.length) {
    console.error(`check-commands: ${problems.length} mismatch(es):`);
    for (const p of problems) {
        console.error(`  - ${p}`);
    }
    process.exit(1);
}
const menuEntries = Object.values(contributes.menus ?? {}).reduce((n, e) => n + (Array.isArray(e) ? e.length : 0), 0);
console.log(
    `check-commands: OK: ${contributed.size} contributed commands, ${commandIds.size} CommandIds, ` +
        `${menuEntries} menu entries and ${(contributes.keybindings ?? []).length} keybindings agree.`,
);
