/**
 * The only way the lesson panel builds its page: elements from `createElement`, text from text nodes.
 * No HTML strings anywhere, so a label such as `<img src=x onerror=…>` stays visible text. Attribute
 * names are always literals from this code; `on…` names are refused even so.
 */

export type Child = Node | string | null | undefined | false;

/** Attribute values may be untrusted (they are set as plain attribute values, never parsed). */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

const EVENT_ATTR = /^on/i;

export function setAttrs(node: Element, attrs: Attrs | null | undefined): void {
    if (!attrs) {
        return;
    }
    for (const [name, value] of Object.entries(attrs)) {
        if (value === undefined || value === false || EVENT_ATTR.test(name)) {
            continue;
        }
        node.setAttribute(name, value === true ? '' : String(value));
    }
}

export function append(parent: Node, children: readonly Child[]): void {
    for (const c of children) {
        if (c === null || c === undefined || c === false) {
            continue;
        }
        parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
}

/** `h('p', {class: 'x'}, 'text', child)`: strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
}

/** Text that only screen readers get (the words next to an icon, a hidden "from → to"). */
export function srOnly(text: string): HTMLSpanElement {
    return h('span', { class: 'visually-hidden' }, text);
}

/** A decorative glyph, hidden from assistive technology (the state is always said in words too). */
export function icon(glyph: string, cls = 'icon'): HTMLSpanElement {
    return h('span', { class: cls, 'aria-hidden': 'true' }, glyph);
}

let nextId = 0;
/** A page-unique id (never derived from message text). */
export function uid(prefix: string): string {
    nextId += 1;
    return `dl-${prefix}-${nextId}`;
}

const INLINE_CODE = /`([^`\n]+)`/g;

/**
 * Prose with `backtick` spans shown as <code>: the lesson texts use them for file names and commands.
 * Everything stays text; an unmatched backtick is shown as is.
 */
export function prose(text: string): Child[] {
    const out: Child[] = [];
    let last = 0;
    for (const m of text.matchAll(INLINE_CODE)) {
        const at = m.index ?? 0;
        if (at > last) {
            out.push(text.slice(last, at));
        }
        out.push(h('code', null, m[1]));
        last = at + m[0].length;
    }
    if (last < text.length) {
        out.push(text.slice(last));
    }
    return out;
}

/** Finds the element carrying `data-key === key` without building a selector from untrusted text. */
export function findByKey(root: ParentNode, key: string): HTMLElement | undefined {
    for (const node of Array.from(root.querySelectorAll<HTMLElement>('[data-key]'))) {
        if (node.dataset.key === key) {
            return node;
        }
    }
    return undefined;
}

/** A CSS class suffix from a data value: only known words, so a value cannot inject class names. */
export function token<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
    return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
