/**
 * Every real lesson, rendered by the built webview bundle (media/dist/lesson.js) in jsdom, checked by
 * axe-core's landmark rules: several landmarks of one role must each have a name of their own
 * (landmark-unique). The e2e suite runs all of axe in Chromium; these rules need no layout, so they
 * run here on every lesson in both languages in a second.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { LESSONS } from '../../src/lessons/catalog';
import { LESSON_CONTENT } from '../../src/lessons/content';
import { renderLesson } from '../../src/lessons/render';
import type { ToWebview } from '../../src/protocol/panelProtocol';
import { PANEL_STRINGS, REPO_ROOT } from './helpers';

const BUNDLE = path.join(REPO_ROOT, 'media', 'dist', 'lesson.js');
const AXE = require.resolve('axe-core/axe.min.js');
const RULES = ['landmark-unique', 'landmark-no-duplicate-main', 'landmark-one-main', 'landmark-complementary-is-top-level', 'region'];

const STRINGS = PANEL_STRINGS;

interface AxeResult {
    violations: { id: string; nodes: { target: unknown[] }[] }[];
    passes: { id: string }[];
}

async function landmarkViolations(lessonId: string, locale: 'en' | 'ko'): Promise<{ violations: AxeResult['violations']; checked: string[]; backgrounds: number }> {
    const virtualConsole = new VirtualConsole();
    const dom = new JSDOM(`<!DOCTYPE html><html lang="${locale}"><head><meta charset="UTF-8"><title>Lesson</title></head><body><main id="root" aria-busy="true"></main></body></html>`, { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole });
    const win = dom.window as unknown as Window & { acquireVsCodeApi(): unknown; eval(code: string): unknown; axe: { run(ctx: Document, opts: object): Promise<AxeResult> } };
    win.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => undefined, setState: () => undefined });
    win.eval(fs.readFileSync(BUNDLE, 'utf8'));
    const lesson = LESSON_CONTENT[lessonId];
    const msg: ToWebview = { type: 'render', lessonId, title: LESSONS.find((l) => l.id === lessonId)?.title[locale] ?? lessonId, lang: locale, blocks: renderLesson(lesson, locale), strings: STRINGS };
    win.dispatchEvent(new dom.window.MessageEvent('message', { data: dom.window.JSON.parse(JSON.stringify(msg)) }));
    win.eval(fs.readFileSync(AXE, 'utf8'));
    const r = await win.axe.run(win.document, { runOnly: { type: 'rule', values: RULES } });
    const backgrounds = win.document.querySelectorAll('.background').length;
    dom.window.close();
    return { violations: r.violations, checked: r.passes.map((p) => p.id), backgrounds };
}

describe('lesson pages: landmarks a screen reader can tell apart (axe-core in jsdom)', function () {
    this.timeout(60_000);

    it('checks something: a page with two same-named complementary landmarks fails landmark-unique', async function () {
        const dom = new JSDOM('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>x</h1><aside aria-label="Background">a</aside><aside aria-label="Background">b</aside></main></body></html>', { runScripts: 'outside-only' });
        const win = dom.window as unknown as { eval(code: string): unknown; axe: { run(ctx: Document, opts: object): Promise<AxeResult> }; document: Document };
        win.eval(fs.readFileSync(AXE, 'utf8'));
        const r = await win.axe.run(win.document, { runOnly: { type: 'rule', values: ['landmark-unique'] } });
        assert.deepEqual(Array.from(r.violations, (v) => v.id), ['landmark-unique']);
    });

    for (const id of Object.keys(LESSON_CONTENT)) {
        it(`${id}: no landmark violation in English or Korean`, async function () {
            for (const locale of ['en', 'ko'] as const) {
                const { violations, backgrounds } = await landmarkViolations(id, locale);
                assert.deepEqual(Array.from(violations, (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`), [], `${id} (${locale}) with ${backgrounds} background notes`);
            }
        });
    }
});
