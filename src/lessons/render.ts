/** A lesson's blocks in one language, as the panel receives them. Pure; no `vscode` import. */
import type { RenderedBlock, RenderedDiagram } from '../protocol/panelProtocol';
import type { Locale } from './catalog';
import { Block, Diagram, Lesson, t } from './model';

function diagram(d: Diagram, locale: Locale): RenderedDiagram {
    if (d.kind === 'flow') {
        return {
            kind: 'flow',
            caption: t(d.caption, locale),
            nodes: d.nodes.map((n) => ({ id: n.id, label: t(n.label, locale), sub: n.sub ? t(n.sub, locale) : undefined })),
            edges: d.edges.map((e) => ({ from: e.from, to: e.to, label: t(e.label, locale), step: e.step })),
        };
    }
    return {
        kind: 'stack',
        caption: t(d.caption, locale),
        columns: d.columns.map((c) => ({
            title: t(c.title, locale),
            layers: c.layers.map((l) => (l.beside ? { label: t(l.label, locale), tone: l.tone, beside: { label: t(l.beside.label, locale), tone: l.beside.tone } } : { label: t(l.label, locale), tone: l.tone })),
        })),
    };
}

function block(b: Block, locale: Locale): RenderedBlock {
    switch (b.kind) {
        case 'h':
        case 'p':
        case 'background':
            return { kind: b.kind, text: t(b.text, locale) };
        case 'list':
            return { kind: 'list', items: b.items.map((i) => t(i, locale)) };
        case 'code':
            return { kind: 'code', text: b.text };
        case 'diagram':
            return { kind: 'diagram', diagram: diagram(b.diagram, locale) };
        case 'live':
            return { kind: 'live', demo: b.demo, title: t(b.title, locale), explain: t(b.explain, locale) };
    }
}

export function renderLesson(lesson: Lesson, locale: Locale): RenderedBlock[] {
    return lesson.blocks.map((b) => block(b, locale));
}
