/**
 * Program output as a terminal shows it: a small screen model fed with raw container output (ANSI
 * escapes included). It keeps lines of cells, each cell a character and a style; SGR colours and
 * attributes become style *classes* (`ansi-fg-1 ansi-bold`), never HTML. Carriage returns, backspaces,
 * cursor moves (CSI A/B/C/D/E/F/G/H/f) and erases (CSI K/J) change cells as a terminal would, so a
 * `\r` progress line ends as its last state. What a panel cannot show (OSC titles and links, private
 * modes, other C0/C1 controls) is dropped.
 *
 * 256-colour and true-colour SGRs are mapped to the nearest of the 16 theme colours, so every colour
 * comes from the theme (`--vscode-terminal-ansi*`) and high-contrast themes stay legible.
 * A code point is one cell (wide CJK characters are not counted as two columns).
 * Our own parser rather than `anser`: anser (6.7 KB minified) maps colours only — it neither applies
 * `\r` nor cursor moves — while this model and its renderer (webview/lib/terminal.ts) are 5.8 KB
 * minified, 2.2 KB gzipped (esbuild --bundle --minify, measured).
 * No DOM and no `vscode` import: the webview renders `lineRuns()`; unit tests read them directly.
 */
import { classes, from256, nearest, Style } from './terminalStyle';

export { from256 };

export interface Run {
    readonly text: string;
    /** Space-separated `ansi-*` classes; '' for the default style. */
    readonly cls: string;
}

/** Longest escape sequence kept waiting for its end across chunks; longer ones are dropped. */
const MAX_PENDING = 256;

export class TerminalScreen {
    private readonly lines: { ch: string[]; cls: string[] }[] = [{ ch: [], cls: [] }];
    private row = 0;
    private col = 0;
    private style: Style = {};
    private cls = '';
    private pending = '';
    private dirty = 0;

    /** Feeds more output (chunks may split an escape sequence anywhere). */
    feed(text: string): void {
        const s = this.pending + text;
        this.pending = '';
        const n = s.length;
        let i = 0;
        while (i < n) {
            const c = s.charCodeAt(i);
            if (c === 0x1b) {
                const used = this.escape(s, i);
                if (used < 0) {
                    // incomplete: wait for the next chunk (unless it is absurdly long)
                    this.pending = n - i <= MAX_PENDING ? s.slice(i) : '';
                    return;
                }
                i += used;
                continue;
            }
            if (c === 0x0a) {
                this.moveTo(this.row + 1, 0);
            } else if (c === 0x0d) {
                this.col = 0;
            } else if (c === 0x08) {
                this.col = Math.max(0, this.col - 1);
            } else if (c === 0x09) {
                const to = (Math.floor(this.col / 8) + 1) * 8;
                while (this.col < to) {
                    this.put(' ');
                }
            } else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) {
                // other controls (BEL, C1 …) cannot be shown: dropped
            } else {
                const cp = s.codePointAt(i) ?? c;
                const ch = String.fromCodePoint(cp);
                this.put(ch);
                i += ch.length;
                continue;
            }
            i += 1;
        }
    }

    /** The number of lines (the last may be empty: output ended with a newline). */
    get lineCount(): number {
        return this.lines.length;
    }

    /** The first line changed since the last call (then everything from there on is clean). */
    takeDirty(): number {
        const d = this.dirty;
        this.dirty = this.lines.length;
        return d;
    }

    /** One line as runs of equally styled text. */
    lineRuns(index: number): Run[] {
        const line = this.lines[index];
        const runs: Run[] = [];
        if (!line) {
            return runs;
        }
        let text = '';
        let cls = line.cls[0] ?? '';
        for (let k = 0; k < line.ch.length; k++) {
            if (line.cls[k] !== cls) {
                runs.push({ text, cls });
                text = '';
                cls = line.cls[k];
            }
            text += line.ch[k];
        }
        if (text) {
            runs.push({ text, cls });
        }
        return runs;
    }

    /** The plain text (what a terminal shows, without styles). */
    text(): string {
        return this.lines.map((l) => l.ch.join('')).join('\n');
    }

    private touch(row: number): void {
        this.dirty = Math.min(this.dirty, row);
    }

    private moveTo(row: number, col: number): void {
        this.row = Math.max(0, row);
        this.col = Math.max(0, col);
        while (this.lines.length <= this.row) {
            this.lines.push({ ch: [], cls: [] });
            this.touch(this.lines.length - 1);
        }
    }

    private put(ch: string): void {
        const line = this.lines[this.row];
        while (line.ch.length < this.col) {
            line.ch.push(' ');
            line.cls.push('');
        }
        line.ch[this.col] = ch;
        line.cls[this.col] = this.cls;
        this.col += 1;
        this.touch(this.row);
    }

    /** Handles the escape at `i`; returns its length, or -1 when the text ends inside it. */
    private escape(s: string, i: number): number {
        const next = s[i + 1];
        if (next === undefined) {
            return -1;
        }
        if (next === '[') {
            let j = i + 2;
            while (j < s.length && (s.charCodeAt(j) < 0x40 || s.charCodeAt(j) > 0x7e)) {
                j += 1;
            }
            if (j >= s.length) {
                return -1;
            }
            this.csi(s.slice(i + 2, j), s[j]);
            return j - i + 1;
        }
        if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') {
            // OSC / DCS / APC / PM / SOS: a string ended by BEL or ESC \ — never shown
            for (let j = i + 2; j < s.length; j++) {
                if (s[j] === '\x07') {
                    return j - i + 1;
                }
                if (s[j] === '\x1b') {
                    return s[j + 1] === undefined ? -1 : j - i + 2;
                }
            }
            return -1;
        }
        if (next === '(' || next === ')' || next === '#' || next === '%') {
            return s[i + 2] === undefined ? -1 : 3;
        }
        return 2; // ESC 7, ESC 8, ESC =, … : dropped
    }

    private csi(params: string, final: string): void {
        if (/^[?>=<]/.test(params)) {
            return; // private modes (cursor visibility, bracketed paste …)
        }
        const nums = params.split(/[;:]/).map((p) => (p === '' ? NaN : Number(p)));
        const n = Number.isFinite(nums[0]) && nums[0] > 0 ? nums[0] : 1;
        switch (final) {
            case 'm':
                this.sgr(nums);
                return;
            case 'A':
                this.moveTo(this.row - n, this.col);
                return;
            case 'B':
                this.moveTo(this.row + n, this.col);
                return;
            case 'C':
                this.col += n;
                return;
            case 'D':
                this.col = Math.max(0, this.col - n);
                return;
            case 'E':
                this.moveTo(this.row + n, 0);
                return;
            case 'F':
                this.moveTo(this.row - n, 0);
                return;
            case 'G':
                this.col = n - 1;
                return;
            case 'H':
            case 'f': {
                // rows count from the start of the output: a panel has no fixed screen height
                const c = Number.isFinite(nums[1]) && nums[1] > 0 ? nums[1] : 1;
                this.moveTo(n - 1, c - 1);
                return;
            }
            case 'K':
                this.eraseLine(Number.isFinite(nums[0]) ? nums[0] : 0);
                return;
            case 'J':
                this.eraseDisplay(Number.isFinite(nums[0]) ? nums[0] : 0);
                return;
            default:
                return; // scroll regions, insert/delete … are not shown
        }
    }

    private eraseLine(mode: number): void {
        const line = this.lines[this.row];
        if (mode === 0) {
            line.ch.length = Math.min(line.ch.length, this.col);
            line.cls.length = line.ch.length;
        } else if (mode === 1) {
            for (let k = 0; k <= this.col && k < line.ch.length; k++) {
                line.ch[k] = ' ';
                line.cls[k] = '';
            }
        } else {
            line.ch.length = 0;
            line.cls.length = 0;
        }
        this.touch(this.row);
    }

    private eraseDisplay(mode: number): void {
        if (mode === 0) {
            this.eraseLine(0);
            this.lines.length = this.row + 1;
        } else if (mode === 1) {
            for (let r = 0; r < this.row; r++) {
                this.lines[r] = { ch: [], cls: [] };
            }
            this.eraseLine(1);
            this.touch(0);
        } else {
            this.lines.length = 0;
            this.lines.push({ ch: [], cls: [] });
            this.row = 0;
            this.col = 0;
            this.touch(0);
        }
    }

    private sgr(nums: number[]): void {
        const p = nums.length ? nums : [0];
        for (let k = 0; k < p.length; k++) {
            const v = Number.isFinite(p[k]) ? p[k] : 0;
            if (v === 0) {
                this.style = {};
            } else if (v === 1) {
                this.style.bold = true;
            } else if (v === 2) {
                this.style.dim = true;
            } else if (v === 3) {
                this.style.italic = true;
            } else if (v === 4) {
                this.style.underline = true;
            } else if (v === 7) {
                this.style.inverse = true;
            } else if (v === 9) {
                this.style.strike = true;
            } else if (v === 22) {
                this.style.bold = this.style.dim = false;
            } else if (v === 23) {
                this.style.italic = false;
            } else if (v === 24) {
                this.style.underline = false;
            } else if (v === 27) {
                this.style.inverse = false;
            } else if (v === 29) {
                this.style.strike = false;
            } else if (v >= 30 && v <= 37) {
                this.style.fg = v - 30;
            } else if (v === 39) {
                this.style.fg = undefined;
            } else if (v >= 40 && v <= 47) {
                this.style.bg = v - 40;
            } else if (v === 49) {
                this.style.bg = undefined;
            } else if (v >= 90 && v <= 97) {
                this.style.fg = v - 90 + 8;
            } else if (v >= 100 && v <= 107) {
                this.style.bg = v - 100 + 8;
            } else if (v === 38 || v === 48) {
                let colour: number | undefined;
                if (p[k + 1] === 5) {
                    colour = Number.isFinite(p[k + 2]) ? from256(Math.min(255, Math.max(0, p[k + 2]))) : undefined;
                    k += 2;
                } else if (p[k + 1] === 2) {
                    const [r, g, b] = [p[k + 2], p[k + 3], p[k + 4]].map((x) => (Number.isFinite(x) ? x : 0));
                    colour = nearest(r, g, b);
                    k += 4;
                }
                if (colour !== undefined) {
                    if (v === 38) {
                        this.style.fg = colour;
                    } else {
                        this.style.bg = colour;
                    }
                }
            }
        }
        this.cls = classes(this.style);
    }
}
