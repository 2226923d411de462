/**
 * The lesson tables' stylesheet (media/lesson.css) in Chromium: next to a long instruction, the
 * headings and short values ("Size", "683 kB", "changes files") stay on one line at the widths a
 * panel beside the editor has; before, "Size" wrapped to "Siz / e". The page holds the table as the
 * lesson renderer builds it (its cell classes are checked by the unit test "keeps short cells and
 * headings whole"), so this needs no workbench: a page of the session's browser.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { session } from './harness';

const LONG_RUN =
    '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git openssh-client python3 python3-pip ' +
    'build-essential libssl-dev zlib1g-dev && rm -rf /var/lib/apt/lists/* && pip3 install --no-cache-dir requests flask gunicorn && useradd -m app';
const LONG_COPY = '/bin/sh -c #(nop) COPY file:d81394d423f74b3b70ba85eceeccd46ce59b9cbc499d7ee1badde6bf53a74661 in /hello';

suite('Lesson tables keep words whole (e2e, Chromium layout)', () => {
    test('"Size" and the short values stay on one line beside a long instruction, at 450–900 px', async function () {
        this.timeout(60_000);
        const css = fs.readFileSync(path.join(session().root, 'media', 'lesson.css'), 'utf8');
        const page = await session().context.newPage();
        try {
            const lines: string[] = [];
            for (const width of [900, 600, 450]) {
                for (const instruction of [LONG_RUN, LONG_COPY]) {
                    await page.setContent('<!doctype html><html><head><style id="css"></style></head><body><div id="box"></div></body></html>');
                    const measured = await page.evaluate(
                        ({ css, width, instruction }) => {
                            document.getElementById('css')!.textContent = css;
                            const box = document.getElementById('box')!;
                            box.style.width = `${width}px`;
                            const el = (tag: string, text: string, cls?: string) => {
                                const e = document.createElement(tag);
                                e.textContent = text;
                                if (cls) {
                                    e.className = cls;
                                }
                                return e;
                            };
                            const wrap = el('div', '', 'table-wrap');
                            const table = el('table', '', 'data');
                            const head = document.createElement('tr');
                            ['#', 'Instruction', 'Size', 'Kind'].forEach((t) => head.append(el('th', t)));
                            const thead = el('thead', '');
                            const tbody = el('tbody', '');
                            table.append(thead, tbody);
                            thead.append(head);
                            const row = document.createElement('tr');
                            row.append(el('th', '1', 'one-line'), el('td', instruction, 'wrap-anywhere'), el('td', '683 kB', 'one-line'), el('td', 'changes files', 'one-line'));
                            tbody.append(row);
                            wrap.append(table);
                            box.append(wrap);
                            return [...table.querySelectorAll('th, td')].map((c) => {
                                const r = document.createRange();
                                r.selectNodeContents(c);
                                return { text: (c.textContent ?? '').slice(0, 20), lines: new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size };
                            });
                        },
                        { css, width, instruction },
                    );
                    const whole = measured.filter((m) => !m.text.startsWith('/bin/sh'));
                    lines.push(`${width}px: ${measured.map((m) => `${m.text.trim()}=${m.lines}`).join(', ')}`);
                    assert.deepStrictEqual(
                        whole.filter((m) => m.lines !== 1),
                        [],
                        `at ${width}px every heading and short value is on one line: ${JSON.stringify(measured)}`,
                    );
                    if (instruction === LONG_RUN) {
                        assert.ok(measured[5].lines > 1, `the long instruction wraps instead (${measured[5].lines} lines at ${width}px)`);
                    }
                }
            }
            lines.forEach((l) => console.log(`[e2e] table layout ${l}`));
        } finally {
            await page.close();
        }
    });
});
