/**
 * Styles of terminal cells (src/common/terminalScreen.ts) as theme classes: SGR attributes and the 16
 * theme colours; 256-colour and RGB values map to the nearest of those 16. No DOM, no `vscode` import.
 */
export interface Style {
    fg?: number | 'bg';
    bg?: number | 'fg';
    bold?: boolean;
    dim?: boolean;
    italic?: boolean;
    underline?: boolean;
    inverse?: boolean;
    strike?: boolean;
}

/** The xterm 16-colour palette, to map 256-colour and RGB values onto the nearest theme colour. */
const BASE16: readonly (readonly [number, number, number])[] = [
    [0, 0, 0], [205, 49, 49], [13, 188, 121], [229, 229, 16], [36, 114, 200], [188, 63, 188], [17, 168, 205], [229, 229, 229],
    [102, 102, 102], [241, 76, 76], [35, 209, 139], [245, 245, 67], [59, 142, 234], [214, 112, 214], [41, 184, 219], [255, 255, 255],
];

export function nearest(r: number, g: number, b: number): number {
    let best = 0;
    let bestD = Infinity;
    BASE16.forEach(([R, G, B], i) => {
        const d = (R - r) ** 2 + (G - g) ** 2 + (B - b) ** 2;
        if (d < bestD) {
            bestD = d;
            best = i;
        }
    });
    return best;
}

/** A 256-colour index as one of the 16 theme colours. */
export function from256(n: number): number {
    if (n < 16) {
        return n;
    }
    if (n < 232) {
        const v = n - 16;
        const c = (x: number) => (x === 0 ? 0 : 55 + x * 40);
        return nearest(c(Math.floor(v / 36)), c(Math.floor(v / 6) % 6), c(v % 6));
    }
    const grey = 8 + (n - 232) * 10;
    return nearest(grey, grey, grey);
}

export function classes(s: Style): string {
    let fg = s.fg;
    let bg: Style['bg'] = s.bg;
    if (s.inverse) {
        fg = bg === undefined ? 'bg' : bg === 'fg' ? undefined : bg;
        bg = s.fg === undefined ? 'fg' : s.fg === 'bg' ? undefined : s.fg;
    }
    const out: string[] = [];
    if (fg !== undefined) {
        out.push(`ansi-fg-${fg}`);
    }
    if (bg !== undefined) {
        out.push(`ansi-bg-${bg}`);
    }
    for (const k of ['bold', 'dim', 'italic', 'underline', 'strike'] as const) {
        if (s[k]) {
            out.push(`ansi-${k}`);
        }
    }
    return out.join(' ');
}
