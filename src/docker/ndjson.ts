/**
 * Newline-delimited JSON from a byte stream (the Engine's `/events` and `/containers/{id}/stats`).
 * Bytes are decoded with a StringDecoder, so a chunk boundary inside a UTF-8 character never
 * breaks it. No `vscode` import.
 */
import { StringDecoder } from 'node:string_decoder';

export interface NdjsonOptions {
    /** A line longer than this is dropped (and reported) instead of growing without bound. */
    readonly maxLineBytes?: number;
}

export class NdjsonSplitter {
    private readonly decoder = new StringDecoder('utf8');
    private buffered = '';
    private readonly maxLine: number;
    /** Lines that were not JSON, or too long: counted, never thrown. */
    bad = 0;

    constructor(
        private readonly onValue: (value: unknown) => void,
        options: NdjsonOptions = {},
    ) {
        this.maxLine = options.maxLineBytes ?? 1024 * 1024;
    }

    push(chunk: Buffer | string): void {
        this.buffered += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
        let nl: number;
        while ((nl = this.buffered.indexOf('\n')) >= 0) {
            const line = this.buffered.slice(0, nl);
            this.buffered = this.buffered.slice(nl + 1);
            this.line(line);
        }
        if (this.buffered.length > this.maxLine) {
            this.bad++;
            this.buffered = '';
        }
    }

    /** The stream ended: a last line without its newline still counts. */
    end(): void {
        this.buffered += this.decoder.end();
        const rest = this.buffered;
        this.buffered = '';
        this.line(rest);
    }

    private line(raw: string): void {
        const line = raw.trim();
        if (!line) {
            return;
        }
        let value: unknown;
        try {
            value = JSON.parse(line);
        } catch {
            this.bad++;
            return;
        }
        this.onValue(value);
    }
}
