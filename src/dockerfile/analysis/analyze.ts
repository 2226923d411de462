/**
 * Dockerfile analysis on dockerfile-ast (the parser behind the Dockerfile language server).
 * Pure: no `vscode` import. Lines and characters are 0-based, as in VS Code.
 */
import { DockerfileParser, From } from 'dockerfile-ast';
import { instructionOf } from '../../docker/mapping';
import type { LayerInfo } from '../../docker/types';
import { KEYWORDS, keywordInfo } from './keywords';

export interface Position {
    readonly line: number;
    readonly character: number;
}
export interface Range {
    readonly start: Position;
    readonly end: Position;
}

export type StepKind = 'layer' | 'metadata' | 'stage';

export interface Step {
    /** Upper-case keyword (`RUN`); unknown keywords keep their text. */
    readonly keyword: string;
    readonly known: boolean;
    readonly kind: StepKind;
    /** The keyword's own range (hover target). */
    readonly keywordRange: Range;
    /** The whole instruction, continuation lines included. */
    readonly range: Range;
    /** Arguments as written, one line. */
    readonly args: string;
    /** Index of the build stage (FROM … starts stage n). -1 before the first FROM (ARGs). */
    readonly stage: number;
}

export interface Stage {
    readonly index: number;
    readonly name?: string;
    /** The image as written (`${BASE}:1.0`). */
    readonly written: string;
    /** ARGs substituted: `busybox:1.0`; undefined when a variable has no default. */
    readonly resolved?: string;
    /** FROM names an earlier stage, not an image. */
    readonly fromStage?: number;
    readonly scratch: boolean;
    readonly line: number;
    readonly imageRange?: Range;
}

export interface Analysis {
    readonly steps: readonly Step[];
    readonly stages: readonly Stage[];
    /** The `# escape=` directive, when set. */
    readonly escape: string;
}

const r = (x: { start: Position; end: Position }): Range => ({ start: { line: x.start.line, character: x.start.character }, end: { line: x.end.line, character: x.end.character } });

/** `${VAR}`, `$VAR`, `${VAR:-x}`, `${VAR:+y}` (and without the colon), nested, with the values known; undefined when a used one is unknown. */
export function substitute(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
    const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
    let unknown = false;
    /** Expands from `i` to the end, or (nested) to the `}` that closes the enclosing `${…}`. */
    const expand = (i: number, nested: boolean): [string, number] => {
        let out = '';
        while (i < text.length) {
            const c = text[i];
            if (nested && c === '}') {
                return [out, i];
            }
            if (c === '\\' && text[i + 1] === '$') {
                out += '$';
                i += 2;
                continue;
            }
            const name = c === '$' ? NAME.exec(text.slice(i + (text[i + 1] === '{' ? 2 : 1)))?.[0] : undefined;
            if (!name) {
                out += c;
                i++;
                continue;
            }
            const value = vars.get(name);
            if (text[i + 1] !== '{') {
                // $NAME
                if (value === undefined) {
                    unknown = true;
                } else {
                    out += value;
                }
                i += 1 + name.length;
                continue;
            }
            let j = i + 2 + name.length;
            const op = /^:?[-+]/.exec(text.slice(j))?.[0];
            if (op) {
                const before = unknown;
                const [word, end] = expand(j + op.length, true);
                j = end;
                const set = op.startsWith(':') ? !!value : value !== undefined;
                const useWord = op.endsWith('-') ? !set : set;
                if (!useWord) {
                    unknown = before; // an unused word's unknowns do not matter
                }
                out += useWord ? word : op.endsWith('-') ? (value ?? '') : '';
            } else if (value === undefined) {
                unknown = true;
            } else {
                out += value;
            }
            i = text[j] === '}' ? j + 1 : j;
        }
        return [out, i];
    };
    const [out] = expand(0, false);
    return unknown ? undefined : out;
}

/** Parses and analyses a Dockerfile. Never throws: bad input gives fewer steps, not an error. */
export function analyze(text: string): Analysis {
    let dockerfile;
    try {
        dockerfile = DockerfileParser.parse(text.replace(/^\uFEFF/, ''));
    } catch {
        return { steps: [], stages: [], escape: '\\' };
    }
    const initialArgs = new Map<string, string | undefined>();
    for (const a of dockerfile.getInitialARGs()) {
        const p = a.getProperty();
        if (p?.getName()) {
            initialArgs.set(p.getName(), p.getValue() ?? undefined);
        }
    }
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const escape = dockerfile.getEscapeCharacter();
    const stages: Stage[] = [];
    const steps: Step[] = [];
    let stage = -1;
    for (const ins of dockerfile.getInstructions()) {
        const keyword = ins.getKeyword().toUpperCase();
        const info = keywordInfo(keyword);
        if (keyword === 'FROM') {
            stage++;
            const from = ins as From;
            const written = from.getImage() ?? '';
            const name = from.getBuildStage() ?? undefined;
            const resolved = substitute(written, initialArgs);
            const earlier = stages.findIndex((s) => s.name && resolved !== undefined && s.name.toLowerCase() === resolved.toLowerCase());
            const imgRange = from.getImageRange();
            stages.push({
                index: stage,
                name,
                written,
                resolved,
                fromStage: earlier >= 0 ? earlier : undefined,
                scratch: resolved?.toLowerCase() === 'scratch',
                line: ins.getRange().start.line,
                imageRange: imgRange ? r(imgRange) : undefined,
            });
        }
        steps.push({
            keyword,
            known: !!info,
            kind: keyword === 'FROM' ? 'stage' : (info?.kind ?? 'metadata'),
            keywordRange: r(ins.getInstructionRange()),
            range: r(ins.getRange()),
            args: argumentsAsDockerReads(lines, r(ins.getInstructionRange()), r(ins.getRange()), escape),
            stage,
        });
    }
    return { steps, stages, escape: dockerfile.getEscapeCharacter() };
}

/**
 * An instruction's arguments as Docker's parser reads them (moby/buildkit frontend/dockerfile/parser):
 * a line ending in the escape character continues on the next one, the escape (and blanks after it)
 * removed; comment and empty lines inside a continuation are dropped; continuation lines keep their
 * leading whitespace; the whole is trimmed. Flags (`COPY --from=build`, `HEALTHCHECK --interval=5s`)
 * stay. Heredoc bodies, after the instruction's line, follow on one line with spaces.
 */
export function argumentsAsDockerReads(lines: readonly string[], keyword: Range, whole: Range, escape: string): string {
    const endsInEscape = (l: string) => {
        const t = l.replace(/[ \t]+$/, '');
        return t.endsWith(escape) ? t.slice(0, -escape.length) : undefined;
    };
    let out = '';
    let line = keyword.end.line;
    let text = (lines[line] ?? '').slice(keyword.end.character);
    for (;;) {
        const cut = endsInEscape(text);
        if (cut === undefined || line >= whole.end.line) {
            out += cut ?? text;
            break;
        }
        out += cut;
        // the next line that is neither a comment nor empty continues this one
        do {
            line++;
            text = lines[line] ?? '';
        } while (line < whole.end.line && (/^\s*#/.test(text) || !text.trim()));
    }
    const rest = lines.slice(line + 1, whole.end.line + 1).map((l) => l.trim()).filter(Boolean);
    return [out.trim(), ...rest].join(' ').trim();
}

/** The step whose keyword is at this position (hover), if any. */
export function stepAtKeyword(a: Analysis, pos: Position): Step | undefined {
    return a.steps.find((s) => within(s.keywordRange, pos));
}

/** The step that contains this position. */
export function stepAt(a: Analysis, pos: Position): Step | undefined {
    return a.steps.find((s) => within(s.range, pos));
}

function within(range: Range, pos: Position): boolean {
    const after = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
    const before = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
    return after && before;
}

export interface LineLayer {
    readonly step: Step;
    readonly layer: LayerInfo;
}

/**
 * Maps an image's history (oldest first) back to the final stage's lines. Every instruction after
 * FROM leaves one history entry (a layer or a metadata step), so the newest entries are the final
 * stage's instructions in order. Entries are matched from the end, and checked by keyword.
 */
export function mapHistoryToSteps(a: Analysis, history: readonly LayerInfo[]): LineLayer[] {
    const last = a.stages.length - 1;
    const own = a.steps.filter((s) => s.stage === last && s.stage >= 0 && s.keyword !== 'FROM');
    const out: LineLayer[] = [];
    let h = history.length - 1;
    for (let i = own.length - 1; i >= 0 && h >= 0; i--, h--) {
        const step = own[i];
        const recorded = instructionOf(history[h].createdBy).split(/\s/)[0]?.toUpperCase();
        // a keyword mismatch means the image was not built from this version of the file
        if (recorded && KEYWORDS.has(recorded) && recorded !== step.keyword && !(step.keyword === 'ONBUILD')) {
            break;
        }
        out.unshift({ step, layer: history[h] });
    }
    return out;
}
