/**
 * Reading the Engine API JSON of `PracticeEvidence` (inspect objects and `GET /events` objects) for the
 * exercises of the lessons on ports, volumes and image names. Pure; no `vscode` import.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface EventFacts {
    readonly type: string;
    readonly action: string;
    readonly id: string;
    /** Seconds since the epoch. */
    readonly time: number;
    readonly attributes: Readonly<Record<string, string>>;
}

/** A `GET /events` object (API 1.22+ fields, with the older `status`/`id` as a fallback). */
export function eventFacts(e: Json): EventFacts {
    return {
        type: String(e?.Type ?? e?.type ?? ''),
        action: String(e?.Action ?? e?.action ?? e?.status ?? ''),
        id: String(e?.Actor?.ID ?? e?.id ?? ''),
        time: Number(e?.time) || Number(e?.timeNano) / 1e9 || 0,
        attributes: (e?.Actor?.Attributes ?? {}) as Record<string, string>,
    };
}

/** The container's name without the leading slash. */
export function containerName(c: Json): string {
    return String(c?.Name ?? '').replace(/^\//, '') || String(c?.Id ?? '').slice(0, 12);
}

/** Seconds since the epoch of an inspect's `Created` (ISO text). */
export function createdAt(c: Json): number {
    return Date.parse(String(c?.Created ?? '')) / 1000 || 0;
}

export function shortId(id: unknown): string {
    return String(id ?? '').replace(/^sha256:/, '').slice(0, 12);
}
