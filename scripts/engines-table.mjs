#!/usr/bin/env node
/**
 * The README's capability table (feature × engine), rendered from what the engines layer found
 * (test-results/engines-capabilities.json, written by test/engines). Never filled by hand.
 *   node scripts/engines-table.mjs            print the table
 *   node scripts/engines-table.mjs --write    put it into README.md between the markers
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- engines-table:start (scripts/engines-table.mjs) -->';
const END = '<!-- engines-table:end -->';
const MARK = { yes: '✓', partial: '◐', no: '✗' };

export function renderTable(data) {
    const engines = data.engines;
    const cell = (c) => (c ? `${MARK[c.support] ?? '?'}${c.note ? ` ${c.note.replace(/\|/g, '\\|')}` : ''}` : '—');
    const lines = [
        `| feature | ${engines.map((e) => e.label).join(' | ')} |`,
        `|---|${engines.map(() => '---').join('|')}|`,
        ...data.features.map((f) => `| ${f.feature} | ${engines.map((e) => cell(f.cells[e.name])).join(' | ')} |`),
        `| tests passed / run | ${engines.map((e) => { const t = data.tests[e.name] ?? { passed: 0, failed: 0 }; return `${t.passed} / ${t.passed + t.failed}`; }).join(' | ')} |`,
    ];
    return `${lines.join('\n')}\n\n✓ works · ◐ works in part (the note says what is missing) · ✗ the engine cannot; the extension says so in words · — does not apply.`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const file = path.join(root, 'test-results', 'engines-capabilities.json');
    let data;
    try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
        console.error(`engines-table: ${file} is missing: run node scripts/engines-tests.mjs first`);
        process.exit(1);
    }
    const table = renderTable(data);
    if (!process.argv.includes('--write')) {
        console.log(table);
    } else {
        const readme = path.join(root, 'README.md');
        const text = fs.readFileSync(readme, 'utf8');
        const a = text.indexOf(START);
        const b = text.indexOf(END);
        if (a < 0 || b < a) {
            console.error(`engines-table: README.md has no ${START} … ${END} markers`);
            process.exit(1);
        }
        fs.writeFileSync(readme, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
        console.log('engines-table: README.md updated');
    }
}
