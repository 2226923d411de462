/**
 * renderLesson (src/lessons/render.ts): every lesson, in English and Korean, keeps its structure
 * (blocks, demo ids, diagram ids, edges and steps) and only its words change.
 */
import * as assert from 'assert/strict';
import type { Locale } from '../../src/lessons/catalog';
import { LESSON_CONTENT } from '../../src/lessons/content';
import type { Block, Lesson } from '../../src/lessons/model';
import { renderLesson } from '../../src/lessons/render';
import type { RenderedBlock } from '../../src/protocol/panelProtocol';

const HANGUL = /[\uac00-\ud7a3]/;
const LOCALES: Locale[] = ['en', 'ko'];
const LESSONS: Lesson[] = Object.values(LESSON_CONTENT);

/** Every string a rendered block shows, for "is it all text, is it all there" checks. */
function shownTexts(b: RenderedBlock): string[] {
    const out: string[] = [];
    if (b.text !== undefined) {
        out.push(b.text);
    }
    out.push(...(b.items ?? []));
    if (b.title !== undefined) {
        out.push(b.title);
    }
    if (b.explain !== undefined) {
        out.push(b.explain);
    }
    const d = b.diagram;
    if (d) {
        out.push(d.caption);
        if (d.kind === 'flow') {
            d.nodes.forEach((n) => out.push(n.label, ...(n.sub !== undefined ? [n.sub] : [])));
            d.edges.forEach((e) => out.push(e.label));
        } else {
            d.columns.forEach((c) => out.push(c.title, ...c.layers.map((l) => l.label)));
        }
    }
    return out;
}

/** Strings, finite numbers, arrays and plain objects only (undefined optional fields allowed). */
function assertPlain(v: unknown, at: string): void {
    if (v === undefined || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) {
        return;
    }
    assert.equal(typeof v, 'object', `${at}: ${typeof v}`);
    assert.notEqual(v, null, at);
    if (Array.isArray(v)) {
        v.forEach((x, i) => assertPlain(x, `${at}[${i}]`));
        return;
    }
    assert.equal(Object.getPrototypeOf(v), Object.prototype, `${at}: not a plain object`);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        assertPlain(x, `${at}.${k}`);
    }
}

describe('renderLesson', () => {
    it('there is content to render', () => {
        assert.ok(LESSONS.length >= 6, `${LESSONS.length} lessons`);
    });

    for (const lesson of LESSONS) {
        describe(lesson.id, () => {
            const rendered = { en: renderLesson(lesson, 'en'), ko: renderLesson(lesson, 'ko') };

            it('block count and kinds are preserved in both languages', () => {
                for (const locale of LOCALES) {
                    assert.equal(rendered[locale].length, lesson.blocks.length, locale);
                    assert.deepEqual(
                        rendered[locale].map((b) => b.kind),
                        lesson.blocks.map((b) => b.kind),
                        locale,
                    );
                }
            });

            it('each block shows its own language’s text, never empty', () => {
                lesson.blocks.forEach((b: Block, i) => {
                    for (const locale of LOCALES) {
                        const r = rendered[locale][i];
                        for (const s of shownTexts(r)) {
                            assert.equal(typeof s, 'string', `${lesson.id}[${i}] ${locale}`);
                            assert.ok(s.trim().length > 0, `${lesson.id}[${i}] ${b.kind} ${locale}: an empty text`);
                        }
                        if (b.kind === 'h' || b.kind === 'p' || b.kind === 'background') {
                            assert.equal(r.text, b.text[locale]);
                        }
                        if (b.kind === 'list') {
                            assert.deepEqual(
                                r.items,
                                b.items.map((t) => t[locale]),
                            );
                        }
                    }
                });
            });

            it('live blocks keep their demo id, and their title and explain are localized', () => {
                const live = lesson.blocks.map((b, i) => [b, i] as const).filter(([b]) => b.kind === 'live');
                for (const [b, i] of live) {
                    assert.equal(b.kind, 'live');
                    for (const locale of LOCALES) {
                        const r = rendered[locale][i];
                        assert.equal(r.demo, b.demo);
                        assert.equal(r.title, b.title[locale]);
                        assert.equal(r.explain, b.explain[locale]);
                    }
                }
            });

            it('diagrams keep node ids, edges and steps; only labels change', () => {
                lesson.blocks.forEach((b, i) => {
                    if (b.kind !== 'diagram') {
                        return;
                    }
                    const en = rendered.en[i].diagram;
                    const ko = rendered.ko[i].diagram;
                    assert.ok(en && ko);
                    assert.equal(en.kind, b.diagram.kind);
                    assert.equal(ko.kind, b.diagram.kind);
                    assert.equal(en.caption, b.diagram.caption.en);
                    assert.equal(ko.caption, b.diagram.caption.ko);
                    if (b.diagram.kind === 'flow' && en.kind === 'flow' && ko.kind === 'flow') {
                        const ids = b.diagram.nodes.map((n) => n.id);
                        assert.deepEqual(
                            en.nodes.map((n) => n.id),
                            ids,
                        );
                        assert.deepEqual(
                            ko.nodes.map((n) => n.id),
                            ids,
                        );
                        const edges = b.diagram.edges.map((e) => [e.from, e.to, e.step]);
                        assert.deepEqual(
                            en.edges.map((e) => [e.from, e.to, e.step]),
                            edges,
                        );
                        assert.deepEqual(
                            ko.edges.map((e) => [e.from, e.to, e.step]),
                            edges,
                        );
                        assert.deepEqual(
                            ko.nodes.map((n) => n.label),
                            b.diagram.nodes.map((n) => n.label.ko),
                        );
                        // every edge joins two nodes of the same diagram
                        for (const e of ko.edges) {
                            assert.ok(ids.includes(e.from) && ids.includes(e.to), `${e.from}→${e.to}`);
                        }
                    } else if (b.diagram.kind === 'stack' && en.kind === 'stack' && ko.kind === 'stack') {
                        const tones = b.diagram.columns.map((c) => c.layers.map((l) => l.tone));
                        assert.deepEqual(
                            en.columns.map((c) => c.layers.map((l) => l.tone)),
                            tones,
                        );
                        assert.deepEqual(
                            ko.columns.map((c) => c.layers.map((l) => l.tone)),
                            tones,
                        );
                        assert.deepEqual(
                            ko.columns.map((c) => c.title),
                            b.diagram.columns.map((c) => c.title.ko),
                        );
                    } else {
                        assert.fail(`${lesson.id}[${i}]: the diagram changed kind`);
                    }
                });
            });

            it('Korean text differs from English and is Korean (code blocks are verbatim in both)', () => {
                lesson.blocks.forEach((b, i) => {
                    const en = rendered.en[i];
                    const ko = rendered.ko[i];
                    if (b.kind === 'code') {
                        assert.equal(en.text, b.text);
                        assert.equal(ko.text, b.text);
                        return;
                    }
                    assert.notDeepEqual(ko, en, `${lesson.id}[${i}] ${b.kind}: ko is the same as en`);
                    const koMain = b.kind === 'diagram' ? ko.diagram!.caption : b.kind === 'list' ? ko.items!.join(' ') : b.kind === 'live' ? ko.explain! : ko.text!;
                    const enMain = b.kind === 'diagram' ? en.diagram!.caption : b.kind === 'list' ? en.items!.join(' ') : b.kind === 'live' ? en.explain! : en.text!;
                    assert.notEqual(koMain, enMain, `${lesson.id}[${i}] ${b.kind}`);
                    assert.match(koMain, HANGUL, `${lesson.id}[${i}] ${b.kind}: no Korean`);
                });
            });

            it('the rendered blocks are plain JSON data (what postMessage carries)', () => {
                for (const locale of LOCALES) {
                    assertPlain(rendered[locale], `${lesson.id}.${locale}`);
                }
            });
        });
    }

    it('rendering does not change the lesson (pure)', () => {
        const before = JSON.stringify(LESSON_CONTENT);
        for (const lesson of LESSONS) {
            renderLesson(lesson, 'ko');
            renderLesson(lesson, 'en');
        }
        assert.equal(JSON.stringify(LESSON_CONTENT), before);
    });

    it('a box beside a layer is rendered with it, in the locale, and only where the lesson has one', () => {
        const lesson: Lesson = {
            id: 'x',
            blocks: [
                {
                    kind: 'diagram',
                    diagram: {
                        kind: 'stack',
                        caption: { en: 'c', ko: '캡션' },
                        columns: [
                            {
                                title: { en: 'Containers', ko: '컨테이너' },
                                layers: [
                                    { label: { en: 'Kernel', ko: '커널' }, tone: 'os' },
                                    { label: { en: 'Apps', ko: '앱' }, tone: 'app', beside: { label: { en: 'Engine', ko: '엔진' }, tone: 'engine' } },
                                ],
                            },
                        ],
                    },
                },
            ],
        };
        const [ko] = renderLesson(lesson, 'ko');
        assert.deepEqual(ko.diagram, {
            kind: 'stack',
            caption: '캡션',
            columns: [{ title: '컨테이너', layers: [{ label: '커널', tone: 'os' }, { label: '앱', tone: 'app', beside: { label: '엔진', tone: 'engine' } }] }],
        });
        const vms = renderLesson(LESSON_CONTENT['containers-vs-vms'], 'ko').find((b) => b.diagram?.kind === 'stack');
        const layers = vms?.diagram?.kind === 'stack' ? vms.diagram.columns.flatMap((c) => c.layers) : [];
        assert.deepEqual(
            layers.filter((l) => l.beside).map((l) => l.beside?.tone),
            ['engine'],
        );
        assert.match(layers.find((l) => l.beside)?.beside?.label ?? '', /^도커 엔진/);
    });

    it('a missing Korean text falls back to English (t())', () => {
        const lesson: Lesson = { id: 'x', blocks: [{ kind: 'p', text: { en: 'Only English', ko: '' } }] };
        assert.deepEqual(renderLesson(lesson, 'ko'), [{ kind: 'p', text: 'Only English' }]);
    });
});
