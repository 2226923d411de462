import vscode = require('vscode');

/**
 * Files of more lines are read line by line, this many per turn of the event loop, never with one
 * getText() (which joins every line at once: tens of ms per MB on a busy machine).
 */
export const LINES_PER_TURN = 2000;

/**
 * The document's lines, a slice per turn of the event loop, joined per slice (`chunks` joined by line
 * breaks make the text); undefined when it changed meanwhile or `alive()` turned false. Lines past
 * `maxChars` are counted in `totalChars` (a line break as one character) but not collected.
 */
export async function readLinesInTurns(doc: vscode.TextDocument, alive: () => boolean, maxChars = Infinity): Promise<{ chunks: string[]; totalChars: number } | undefined> {
    const version = doc.version;
    const chunks: string[] = [];
    let chars = 0;
    for (let start = 0; start < doc.lineCount; start += LINES_PER_TURN) {
        if (start > 0) {
            await new Promise((r) => setImmediate(r));
            if (doc.version !== version || !alive()) {
                return undefined;
            }
        }
        const part: string[] = [];
        const collect = chars <= maxChars;
        for (let i = start, end = Math.min(doc.lineCount, start + LINES_PER_TURN); i < end; i++) {
            const line = doc.lineAt(i).text;
            chars += line.length + 1;
            if (collect) {
                part.push(line);
            }
        }
        if (part.length) {
            chunks.push(part.join('\n'));
        }
    }
    return { chunks, totalChars: Math.max(0, chars - 1) };
}
