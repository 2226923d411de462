/**
 * Text from the daemon or from files (labels, names, commands, error messages) may hold Unicode bidi
 * controls — U+202E RIGHT-TO-LEFT OVERRIDE reverses everything after it ("B 0 ,ylno atadatem"). Every
 * place that shows such text passes it through `visibleControls`: each control becomes a visible
 * marker like ‹U+202E›, so nothing is reordered and the user sees that the data holds one.
 * No `vscode` import (unit-tested).
 */

/** LRM, RLM, ALM, the embeddings/overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const marker = (c: string) => `‹U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}›`;

/** The text with every bidi control shown as ‹U+XXXX›; text without one comes back unchanged. */
export function visibleControls(text: string): string {
    return text.replace(BIDI_CONTROLS, marker);
}

/** Does the text hold a bidi control? */
export function hasBidiControls(text: string): boolean {
    BIDI_CONTROLS.lastIndex = 0;
    const found = BIDI_CONTROLS.test(text);
    BIDI_CONTROLS.lastIndex = 0;
    return found;
}

/**
 * `visibleControls` over every string in a plain JSON-like value (a panel message): arrays and
 * plain objects are copied, other values kept. Keys are left alone.
 */
export function visibleControlsDeep<T>(value: T): T {
    if (typeof value === 'string') {
        return visibleControls(value) as T;
    }
    if (Array.isArray(value)) {
        return value.map((v: unknown) => visibleControlsDeep(v)) as T;
    }
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            out[k] = visibleControlsDeep(v);
        }
        return out as T;
    }
    return value;
}
