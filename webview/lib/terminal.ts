/**
 * A `<pre>` that shows program output as a terminal does (src/common/terminalScreen.ts): colours as
 * `ansi-*` classes on spans, text as text nodes (never HTML), `\r` progress lines and cursor moves
 * applied. Output that grows is fed incrementally and only the lines it changed are rebuilt, so a
 * selection in earlier lines survives while the program keeps writing.
 */
import { TerminalScreen } from '../../src/common/terminalScreen';

export class TerminalView {
    private screen = new TerminalScreen();
    private shown = '';
    /** One element per screen line, in order. */
    private readonly rows: HTMLElement[] = [];

    constructor(readonly pre: HTMLElement) {}

    /** Shows the whole output so far (a prefix of the last call's output is fed incrementally). */
    show(output: string): void {
        if (output === this.shown) {
            return;
        }
        if (this.shown && output.startsWith(this.shown)) {
            this.screen.feed(output.slice(this.shown.length));
        } else {
            this.screen = new TerminalScreen();
            this.rows.length = 0;
            this.pre.replaceChildren();
            this.screen.feed(output);
        }
        this.shown = output;
        this.render();
    }

    private render(): void {
        const from = this.screen.takeDirty();
        const count = this.screen.lineCount;
        // the last line carries no newline, so the text copies as the program wrote it
        // when the line count changes, the old last line gains (or loses) its newline: rebuild it too
        const start = count === this.rows.length ? from : Math.min(from, Math.max(0, this.rows.length - 1));
        for (let i = Math.min(start, count, this.rows.length); i < Math.max(count, this.rows.length); i++) {
            if (i >= count) {
                this.rows[i].remove();
                continue;
            }
            const row = this.line(i, i < count - 1);
            if (this.rows[i]) {
                this.rows[i].replaceWith(row);
            } else {
                this.pre.append(row);
            }
            this.rows[i] = row;
        }
        this.rows.length = count;
    }

    private line(index: number, newline: boolean): HTMLElement {
        const row = document.createElement('span');
        row.className = 'term-line';
        for (const run of this.screen.lineRuns(index)) {
            if (run.cls) {
                const span = document.createElement('span');
                span.className = run.cls;
                span.textContent = run.text;
                row.append(span);
            } else {
                row.append(document.createTextNode(run.text));
            }
        }
        if (newline) {
            row.append(document.createTextNode('\n'));
        }
        return row;
    }
}
