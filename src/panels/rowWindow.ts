/**
 * The arithmetic of the Explain panel's virtual list: which rows are in view, which row holds a line,
 * where to scroll so a row shows. Pure (no DOM, no `vscode`): the webview bundle imports it and the
 * unit tests check it. Rows have one fixed height (measured in the page, with a default for pages
 * that have no layout).
 */

export interface RowWindow {
    /** First row rendered (0-based). */
    readonly start: number;
    /** One past the last row rendered. */
    readonly end: number;
}

/** Rows in view plus `margin` rows each side; never more than the rows there are. */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, margin = 20): RowWindow {
    if (count <= 0) {
        return { start: 0, end: 0 };
    }
    const h = rowHeight > 0 ? rowHeight : 1;
    const first = Math.floor(Math.max(0, scrollTop) / h);
    const visible = Math.ceil(Math.max(0, viewport) / h) + 1;
    const start = Math.max(0, Math.min(count - 1, first) - margin);
    const end = Math.min(count, first + visible + margin);
    return { start, end: Math.max(end, start + 1) };
}

/**
 * The row whose lines hold `line`, by binary search over the rows' first lines (sorted, as
 * instructions are); -1 when the line is between instructions (a comment, a blank line).
 */
export function rowAtLine(starts: ArrayLike<number>, ends: ArrayLike<number>, line: number): number {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid] <= line) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found >= 0 && line <= ends[found] ? found : -1;
}

/** The scrollTop that shows row `index` whole, moving as little as possible (`block: 'nearest'`). */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
    const top = index * rowHeight;
    const bottom = top + rowHeight;
    if (top < scrollTop) {
        return top;
    }
    if (bottom > scrollTop + viewport) {
        return Math.max(0, bottom - viewport);
    }
    return scrollTop;
}

/** The row keyboard navigation moves to from `index` (arrows, Page Up/Down, Home/End); undefined for other keys. */
export function rowAfterKey(key: string, index: number, count: number, pageRows: number): number | undefined {
    const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
    switch (key) {
        case 'ArrowDown':
            return clamp(index + 1);
        case 'ArrowUp':
            return clamp(index - 1);
        case 'PageDown':
            return clamp(index + Math.max(1, pageRows));
        case 'PageUp':
            return clamp(index - Math.max(1, pageRows));
        case 'Home':
            return 0;
        case 'End':
            return clamp(count - 1);
        default:
            return undefined;
    }
}
