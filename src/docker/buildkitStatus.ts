/**
 * BuildKit's build progress as the Engine API sends it: JSON lines `{"id":"moby.buildkit.trace","aux":"<base64>"}`
 * whose `aux` is a protobuf `moby.buildkit.v1.StatusResponse` (buildkit api/services/control/control.proto).
 * A small reader of just the fields we show; unknown fields are skipped, so newer engines still decode.
 * No `vscode` import, no dependency.
 */

export interface BkVertex {
    readonly digest: string;
    readonly inputs: readonly string[];
    /** `[2/5] RUN echo hi`, `[build 1/3] FROM …`, `[internal] load build definition from Dockerfile`. */
    readonly name: string;
    readonly cached: boolean;
    /** Milliseconds since the epoch. */
    readonly started?: number;
    readonly completed?: number;
    readonly error: string;
}

export interface BkStatus {
    readonly id: string;
    readonly vertex: string;
    readonly name: string;
    readonly current: number;
    readonly total: number;
    readonly completed?: number;
}

export interface BkLog {
    readonly vertex: string;
    /** 1 stdout, 2 stderr. */
    readonly stream: number;
    readonly msg: string;
    readonly timestamp?: number;
}

export interface BkWarning {
    readonly vertex: string;
    readonly short: string;
    /** 1-based Dockerfile line of the first range, when the engine sends one. */
    readonly line?: number;
}

export interface BkStatusResponse {
    readonly vertexes: BkVertex[];
    readonly statuses: BkStatus[];
    readonly logs: BkLog[];
    readonly warnings: BkWarning[];
}

/** A protobuf wire-format reader over one message's bytes. */
class Reader {
    pos = 0;
    constructor(
        private readonly buf: Uint8Array,
        private readonly end = buf.length,
    ) {}

    get done(): boolean {
        return this.pos >= this.end;
    }

    varint(): number {
        let result = 0;
        let shift = 0;
        for (;;) {
            if (this.pos >= this.end) {
                throw new Error('truncated varint');
            }
            const b = this.buf[this.pos++];
            // beyond 2^53 precision is lost; sizes and timestamps stay far below
            result += (b & 0x7f) * 2 ** shift;
            if (b < 0x80) {
                return result;
            }
            shift += 7;
            if (shift > 63) {
                throw new Error('varint too long');
            }
        }
    }

    bytes(): Uint8Array {
        const len = this.varint();
        if (this.pos + len > this.end) {
            throw new Error('truncated field');
        }
        const out = this.buf.subarray(this.pos, this.pos + len);
        this.pos += len;
        return out;
    }

    string(): string {
        return new TextDecoder().decode(this.bytes());
    }

    skip(wireType: number): void {
        switch (wireType) {
            case 0:
                this.varint();
                return;
            case 1:
                this.pos += 8;
                return;
            case 2:
                this.bytes();
                return;
            case 5:
                this.pos += 4;
                return;
            default:
                throw new Error(`unsupported wire type ${wireType}`);
        }
    }

    /** Calls `field` for each (number, wire type); `field` returns false to have the value skipped. */
    fields(field: (no: number, wire: number) => boolean): void {
        while (!this.done) {
            const key = this.varint();
            const no = Math.floor(key / 8);
            const wire = key & 7;
            if (!field(no, wire)) {
                this.skip(wire);
            }
        }
        if (this.pos > this.end) {
            throw new Error('truncated message');
        }
    }
}

function sub(bytes: Uint8Array): Reader {
    return new Reader(bytes);
}

/** google.protobuf.Timestamp → ms since the epoch. */
function timestamp(bytes: Uint8Array): number {
    let seconds = 0;
    let nanos = 0;
    const r = sub(bytes);
    r.fields((no, wire) => {
        if (no === 1 && wire === 0) {
            seconds = r.varint();
        } else if (no === 2 && wire === 0) {
            nanos = r.varint();
        } else {
            return false;
        }
        return true;
    });
    return seconds * 1000 + Math.floor(nanos / 1e6);
}

function vertex(bytes: Uint8Array): BkVertex {
    const v = { digest: '', inputs: [] as string[], name: '', cached: false, started: undefined as number | undefined, completed: undefined as number | undefined, error: '' };
    const r = sub(bytes);
    r.fields((no, wire) => {
        if (wire === 2 && no === 1) {
            v.digest = r.string();
        } else if (wire === 2 && no === 2) {
            v.inputs.push(r.string());
        } else if (wire === 2 && no === 3) {
            v.name = r.string();
        } else if (wire === 0 && no === 4) {
            v.cached = r.varint() !== 0;
        } else if (wire === 2 && no === 5) {
            v.started = timestamp(r.bytes());
        } else if (wire === 2 && no === 6) {
            v.completed = timestamp(r.bytes());
        } else if (wire === 2 && no === 7) {
            v.error = r.string();
        } else {
            return false;
        }
        return true;
    });
    return v;
}

function status(bytes: Uint8Array): BkStatus {
    const s = { id: '', vertex: '', name: '', current: 0, total: 0, completed: undefined as number | undefined };
    const r = sub(bytes);
    r.fields((no, wire) => {
        if (wire === 2 && no === 1) {
            s.id = r.string();
        } else if (wire === 2 && no === 2) {
            s.vertex = r.string();
        } else if (wire === 2 && no === 3) {
            s.name = r.string();
        } else if (wire === 0 && no === 4) {
            s.current = r.varint();
        } else if (wire === 0 && no === 5) {
            s.total = r.varint();
        } else if (wire === 2 && no === 8) {
            s.completed = timestamp(r.bytes());
        } else {
            return false;
        }
        return true;
    });
    return s;
}

function log(bytes: Uint8Array): BkLog {
    const l = { vertex: '', stream: 0, msg: '', timestamp: undefined as number | undefined };
    const r = sub(bytes);
    r.fields((no, wire) => {
        if (wire === 2 && no === 1) {
            l.vertex = r.string();
        } else if (wire === 2 && no === 2) {
            l.timestamp = timestamp(r.bytes());
        } else if (wire === 0 && no === 3) {
            l.stream = r.varint();
        } else if (wire === 2 && no === 4) {
            l.msg = r.string();
        } else {
            return false;
        }
        return true;
    });
    return l;
}

/** The first line of a warning's first range (Range{start: Position{line}}). */
function firstLine(rangeBytes: Uint8Array): number | undefined {
    let line: number | undefined;
    const r = sub(rangeBytes);
    r.fields((no, wire) => {
        if (no === 1 && wire === 2) {
            const p = sub(r.bytes());
            p.fields((pno, pwire) => {
                if (pno === 1 && pwire === 0) {
                    line = p.varint();
                    return true;
                }
                return false;
            });
            return true;
        }
        return false;
    });
    return line;
}

function warning(bytes: Uint8Array): BkWarning {
    const w = { vertex: '', short: '', line: undefined as number | undefined };
    const r = sub(bytes);
    r.fields((no, wire) => {
        if (wire === 2 && no === 1) {
            w.vertex = r.string();
        } else if (wire === 2 && no === 3) {
            w.short = r.string();
        } else if (wire === 2 && no === 7) {
            const line = firstLine(r.bytes());
            w.line ??= line;
        } else {
            return false;
        }
        return true;
    });
    return w;
}

/** Decodes one `aux` of a `moby.buildkit.trace` message. Throws on bytes that are not a StatusResponse. */
export function decodeStatusResponse(aux: string | Uint8Array): BkStatusResponse {
    const buf = typeof aux === 'string' ? Buffer.from(aux, 'base64') : aux;
    const out: BkStatusResponse = { vertexes: [], statuses: [], logs: [], warnings: [] };
    const r = new Reader(buf);
    r.fields((no, wire) => {
        if (wire !== 2) {
            return false;
        }
        switch (no) {
            case 1:
                out.vertexes.push(vertex(r.bytes()));
                return true;
            case 2:
                out.statuses.push(status(r.bytes()));
                return true;
            case 3:
                out.logs.push(log(r.bytes()));
                return true;
            case 4:
                out.warnings.push(warning(r.bytes()));
                return true;
            default:
                return false;
        }
    });
    return out;
}
