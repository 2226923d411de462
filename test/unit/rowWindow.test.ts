/** The Explain panel's virtual list arithmetic (src/panels/rowWindow.ts). */
import * as assert from 'assert/strict';
import { rowAfterKey, rowAtLine, rowWindow, scrollToShow } from '../../src/panels/rowWindow';

describe('rowWindow: which rows the Explain panel puts in the page', () => {
    it('the rows in view plus the margin each side, clamped to the list', () => {
        // 26 px rows, 260 px viewport: rows 100..110 visible (plus one partly), 5 rows of margin
        assert.deepEqual(rowWindow(2600, 260, 26, 10_000, 5), { start: 95, end: 116 });
        assert.deepEqual(rowWindow(0, 260, 26, 10_000, 5), { start: 0, end: 16 });
        assert.deepEqual(rowWindow(26 * 9_995, 260, 26, 10_000, 5), { start: 9_990, end: 10_000 });
    });

    it('as many rows whatever the length of the list (the cost of a screenful)', () => {
        const sizes = [1_000, 4_000, 100_000].map((n) => {
            const w = rowWindow(26 * (n / 2), 600, 26, n, 8);
            return w.end - w.start;
        });
        assert.equal(new Set(sizes).size, 1, `window sizes ${sizes.join(', ')}`);
        assert.ok(sizes[0] < 50);
    });

    it('short lists, empty lists, scrolled past the end, no layout', () => {
        assert.deepEqual(rowWindow(0, 600, 26, 3, 8), { start: 0, end: 3 });
        assert.deepEqual(rowWindow(0, 600, 26, 0, 8), { start: 0, end: 0 });
        assert.deepEqual(rowWindow(1e9, 600, 26, 50, 8), { start: 41, end: 50 });
        // a row height of 0 (nothing measured) must not divide by zero
        const w = rowWindow(100, 600, 0, 50, 8);
        assert.ok(w.start >= 0 && w.end <= 50 && w.end > w.start);
    });
});

describe('rowAtLine: the row that holds the cursor, by binary search', () => {
    // instructions on lines 2, 3–5 (continuation), 8, 9, 20–22
    const starts = [2, 3, 8, 9, 20];
    const ends = [2, 5, 8, 9, 22];

    it('finds the instruction a line belongs to, continuation lines included', () => {
        assert.equal(rowAtLine(starts, ends, 2), 0);
        assert.equal(rowAtLine(starts, ends, 4), 1);
        assert.equal(rowAtLine(starts, ends, 5), 1);
        assert.equal(rowAtLine(starts, ends, 9), 3);
        assert.equal(rowAtLine(starts, ends, 22), 4);
    });

    it('-1 between instructions, before the first and after the last', () => {
        for (const line of [0, 1, 6, 7, 10, 19, 23, 1000]) {
            assert.equal(rowAtLine(starts, ends, line), -1, `line ${line}`);
        }
        assert.equal(rowAtLine([], [], 0), -1);
    });

    it('agrees with a scan on a long generated file', () => {
        const s: number[] = [];
        const e: number[] = [];
        let line = 0;
        for (let i = 0; i < 5000; i++) {
            line += 1 + (i % 3); // gaps of 0–2 lines
            s.push(line);
            line += i % 4 === 0 ? 2 : 0; // some continuation lines
            e.push(line);
        }
        for (let l = 0; l <= line + 2; l += 7) {
            const scan = s.findIndex((x, i) => l >= x && l <= e[i]);
            assert.equal(rowAtLine(Int32Array.from(s), Int32Array.from(e), l), scan, `line ${l}`);
        }
    });
});

describe('scrollToShow and rowAfterKey: moving through the list', () => {
    it('scrolls as little as possible to show a row whole', () => {
        assert.equal(scrollToShow(5, 0, 260, 26), 0, 'already in view');
        assert.equal(scrollToShow(10, 0, 260, 26), 26, 'just below: one row down');
        assert.equal(scrollToShow(2, 260, 260, 26), 52, 'above: to its top');
        assert.equal(scrollToShow(1000, 0, 260, 26), 26 * 1001 - 260);
    });

    it('arrows, Page Up/Down, Home/End, clamped; other keys are not ours', () => {
        assert.equal(rowAfterKey('ArrowDown', 3, 10, 4), 4);
        assert.equal(rowAfterKey('ArrowDown', 9, 10, 4), 9);
        assert.equal(rowAfterKey('ArrowUp', 0, 10, 4), 0);
        assert.equal(rowAfterKey('PageDown', 3, 10, 4), 7);
        assert.equal(rowAfterKey('PageDown', 8, 10, 4), 9);
        assert.equal(rowAfterKey('PageUp', 3, 10, 4), 0);
        assert.equal(rowAfterKey('Home', 5, 10, 4), 0);
        assert.equal(rowAfterKey('End', 5, 10, 4), 9);
        assert.equal(rowAfterKey('a', 5, 10, 4), undefined);
        assert.equal(rowAfterKey('Tab', 5, 10, 4), undefined);
    });
});
