/**
 * Teaching findings: best-practice notes on a Dockerfile, each tied to a lesson, with a mechanical fix
 * where there is one. Pure (dockerfile-ast only, no `vscode`); lines and characters are 0-based.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { Arg, Env, From, Instruction, JSONInstruction, Run } from 'dockerfile-ast';
import type { Range } from './analyze';
import { FIX_TITLES, TeachingRule, Texts } from './teachingTexts';

export interface TextEdit {
    readonly range: Range;
    readonly newText: string;
}

export interface TeachingFix {
    readonly title: Texts;
    readonly edits: readonly TextEdit[];
}

export interface TeachingFinding {
    readonly rule: TeachingRule;
    readonly range: Range;
    readonly fix?: TeachingFix;
}

const r = (x: Range): Range => ({ start: { line: x.start.line, character: x.start.character }, end: { line: x.end.line, character: x.end.character } });

const APT_UPDATE = /\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/;
const APT_INSTALL = /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b/;
/** Commands that install a project's dependencies from its manifest. */
const DEP_INSTALL =
    /\b(?:npm\s+(?:ci|install|i)\b|yarn(?:\s+install)?\s*(?:$|&&|;|\|)|pnpm\s+(?:install|i)\b|pip3?\s+install\b|python3?\s+-m\s+pip\s+install\b|poetry\s+install\b|bundle\s+install\b|composer\s+install\b|go\s+mod\s+download\b|cargo\s+fetch\b|mvn\b.*\bdependency:|dotnet\s+restore\b)/;
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst)$|\.tar\.(?:gz|bz2|xz|zst)$/i;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Name tokens that say "this is a secret" (GPG_KEY and friends are public keys: KEY alone is not). */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIALS?|APIKEY)(?:_|$)|(?:^|_)(?:API|PRIVATE|ACCESS|SECRET|CLIENT_SECRET)_?KEY(?:_|$)/;
/** A word that means the same unquoted in sh and as a JSON string: no expansion, quoting or operators. */
const PLAIN_WORD = /^[A-Za-z0-9_./:,@%+=-]+$/;

/** The instruction's command as the shell gets it: continuations joined, comment lines dropped. */
export function commandText(ins: Instruction, escape: string): string {
    const raw = ins.getRawArgumentsContent() ?? '';
    const e = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    return raw.replace(new RegExp(`${e}[ \\t]*\\r?\\n(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*`, 'g'), '').trim();
}

/** ARG/ENV names as upper snake case: `apiToken` → `API_TOKEN`. */
function snake(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.]/g, '_').toUpperCase();
}

function isExecForm(text: string): boolean {
    try {
        const v: unknown = JSON.parse(text);
        return Array.isArray(v) && v.every((x) => typeof x === 'string');
    } catch {
        return false;
    }
}

/** The exec form of a shell-form command, when it can be written without changing what runs. */
function execFormOf(text: string): string | undefined {
    if (text.startsWith('[')) {
        // `['node', 'app.js']`: single quotes are not JSON, so Docker runs it as a shell command
        const fixed = text.replace(/'/g, '"');
        return isExecForm(fixed) ? JSON.stringify(JSON.parse(fixed) as string[]).replace(/","/g, '", "') : undefined;
    }
    const words = text.split(/\s+/).filter(Boolean);
    if (!words.length || !words.every((w) => PLAIN_WORD.test(w)) || words[0].includes('=')) {
        return undefined;
    }
    return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

function fromFinding(from: From, stageNames: ReadonlySet<string>, args: ReadonlyMap<string, string | undefined>): TeachingFinding | undefined {
    const image = from.getImage();
    const range = from.getImageRange();
    if (!image || !range || image.includes('$') || from.getImageDigest()) {
        // a variable: known only at build time (its default is checked where it is declared)
        return image && image.includes('$') && !from.getImageDigest() ? unpinnedVariable(image, range, args) : undefined;
    }
    if (image.toLowerCase() === 'scratch' || stageNames.has(image.toLowerCase()) || image.includes('@')) {
        return undefined;
    }
    const tag = from.getImageTag();
    return !tag || tag === 'latest' ? { rule: 'unpinned-image', range: r(range) } : undefined;
}

/** `FROM ${BASE}` with `ARG BASE=node`: the default names no tag. */
function unpinnedVariable(image: string, range: Range | null, args: ReadonlyMap<string, string | undefined>): TeachingFinding | undefined {
    const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(image);
    const value = m ? args.get(m[1]) : undefined;
    if (!range || value === undefined || value.includes('$') || value.includes('@')) {
        return undefined;
    }
    const name = value.slice(value.lastIndexOf('/') + 1);
    const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : '';
    return value.toLowerCase() !== 'scratch' && (!tag || tag === 'latest') ? { rule: 'unpinned-image', range: r(range) } : undefined;
}

function aptFinding(ins: Run, next: Instruction | undefined, escape: string): TeachingFinding | undefined {
    const text = commandText(ins, escape);
    if (ins.getHeredocs().length || !APT_UPDATE.test(text) || APT_INSTALL.test(text)) {
        return undefined;
    }
    const range = r({ start: ins.getRange().start, end: ins.getArgumentsRange()?.end ?? ins.getRange().end });
    const nextText = next && next.getKeyword().toUpperCase() === 'RUN' ? commandText(next, escape) : '';
    const nextArgs = next?.getArgumentsRange();
    const plain = (i: Instruction) => !(i as Run).getFlags().length && !(i as Run).getHeredocs().length && !(i.getRawArgumentsContent() ?? '').trimStart().startsWith('[');
    if (!next || !nextArgs || !APT_INSTALL.test(nextText) || !plain(ins) || !plain(next)) {
        return { rule: 'apt-update-alone', range };
    }
    // RUN apt-get update ⏎ RUN apt-get install -y x  →  RUN apt-get update && apt-get install -y x
    const edit = { range: r({ start: ins.getRange().start, end: nextArgs.start }), newText: `${next.getInstruction()} ${text} && ` };
    return { rule: 'apt-update-alone', range, fix: { title: FIX_TITLES.mergeAptUpdate, edits: [edit] } };
}

function addFinding(ins: JSONInstruction): TeachingFinding | undefined {
    const flags = ins.getFlags().map((f) => f.getName().toLowerCase());
    if (flags.some((f) => f === 'checksum' || f === 'keep-git-dir' || f === 'unpack')) {
        return undefined;
    }
    const json = ins.getJSONStrings();
    const args = json.length ? json.map((a) => a.getJSONValue()) : ins.getArguments().map((a) => a.getValue());
    const sources = args.slice(0, -1);
    if (!sources.length || sources.some((s) => s.startsWith('<<') || REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) {
        return undefined;
    }
    const kw = ins.getInstructionRange();
    const copy = ins.getInstruction() === ins.getInstruction().toLowerCase() ? 'copy' : 'COPY';
    return { rule: 'add-for-copy', range: r(kw), fix: { title: FIX_TITLES.addToCopy, edits: [{ range: r(kw), newText: copy }] } };
}

function shellFormFinding(ins: Instruction, escape: string): TeachingFinding | undefined {
    const text = commandText(ins, escape);
    const args = ins.getArgumentsRange();
    if (!text || !args || isExecForm(text) || ins.getRange().start.line !== ins.getRange().end.line) {
        return text && args && !isExecForm(text) ? { rule: 'shell-form', range: r(args) } : undefined;
    }
    const exec = execFormOf(text);
    return { rule: 'shell-form', range: r(args), fix: exec ? { title: FIX_TITLES.toExecForm, edits: [{ range: r(args), newText: exec }] } : undefined };
}

function secretFindings(ins: Arg | Env): TeachingFinding[] {
    return ins
        .getProperties()
        .filter((p) => SECRET_NAME.test(snake(p.getName())))
        .map((p) => ({ rule: 'secret-in-arg-env' as const, range: r(p.getNameRange()) }));
}

/** The teaching findings of a Dockerfile, in file order. Never throws. */
export function teach(text: string): TeachingFinding[] {
    let dockerfile;
    try {
        dockerfile = DockerfileParser.parse(text.replace(/^\uFEFF/, ''));
    } catch {
        return [];
    }
    const escape = dockerfile.getEscapeCharacter();
    const args = new Map<string, string | undefined>(dockerfile.getInitialARGs().flatMap((a) => a.getProperties().map((p) => [p.getName(), p.getValue() ?? undefined] as const)));
    const out: TeachingFinding[] = [];
    const stageNames = new Set<string>();
    const instructions = dockerfile.getInstructions();
    /** `COPY . .` seen in this stage, waiting for a dependency install after it. */
    let copyAll: Instruction | undefined;
    instructions.forEach((ins, i) => {
        const keyword = ins.getKeyword().toUpperCase();
        switch (keyword) {
            case 'FROM': {
                const f = fromFinding(ins as From, stageNames, args);
                if (f) {out.push(f);}
                const name = (ins as From).getBuildStage();
                if (name) {stageNames.add(name.toLowerCase());}
                copyAll = undefined;
                break;
            }
            case 'RUN': {
                const f = aptFinding(ins as Run, instructions[i + 1], escape);
                if (f) {out.push(f);}
                if (copyAll && DEP_INSTALL.test(commandText(ins, escape))) {
                    out.push({ rule: 'copy-all-before-install', range: r(copyAll.getRange()) });
                    copyAll = undefined;
                }
                break;
            }
            case 'COPY': {
                const c = ins as JSONInstruction;
                const sources = c.getArguments().slice(0, -1).map((a) => a.getValue().replace(/\/+$/, ''));
                if (!c.getFlags().some((f) => f.getName().toLowerCase() === 'from') && sources.some((s) => s === '.' || s === '')) {
                    copyAll = ins;
                }
                break;
            }
            case 'ADD': {
                const f = addFinding(ins as JSONInstruction);
                if (f) {out.push(f);}
                break;
            }
            case 'CMD':
            case 'ENTRYPOINT': {
                const f = shellFormFinding(ins, escape);
                if (f) {out.push(f);}
                break;
            }
            case 'ARG':
            case 'ENV':
                out.push(...secretFindings(ins as Arg | Env));
                break;
        }
    });
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
