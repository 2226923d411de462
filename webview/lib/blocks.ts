/**
 * A lesson's blocks as page elements: `h` → h2, `p` → p, `list` → ul, `code` → pre>code,
 * `background` → a labelled note (role=note), `diagram` → figure, `live` → a marked section with its live area.
 */
import type { PanelStrings, RenderedBlock } from '../../src/protocol/panelProtocol';
import { h, icon, prose, uid } from './dom';
import { EdgeHandle, renderDiagram } from './diagram';
import { LiveArea, LiveContext } from './live';
import type { RenderMessage } from './normalize';

export interface RenderedLesson {
    readonly article: HTMLElement;
    /** The areas of each demo id (a demo may be shown more than once). */
    readonly areas: Map<string, LiveArea[]>;
    readonly edges: EdgeHandle[];
}

/**
 * A note, not a landmark: a lesson has several background blocks, and several complementary landmarks
 * with the same name ("Background knowledge") made each one indistinguishable (axe: landmark-unique).
 */
function background(text: string, strings: PanelStrings): HTMLElement {
    const labelId = uid('bg');
    return h('div', { class: 'background', role: 'note', 'aria-labelledby': labelId }, h('p', { class: 'block-label', id: labelId }, strings.background), h('p', null, ...prose(text)));
}

function live(b: RenderedBlock, demo: string, level: 'h2' | 'h3', ctx: LiveContext, areas: Map<string, LiveArea[]>): HTMLElement {
    const titleId = uid('live');
    const area = new LiveArea(demo, ctx);
    areas.set(demo, [...(areas.get(demo) ?? []), area]);
    return h(
        'section',
        { class: 'live', 'aria-labelledby': titleId, 'data-demo': demo },
        h('p', { class: 'block-label live-label' }, icon('●', 'live-dot'), ' ', ctx.strings.live),
        h(level, { id: titleId, class: 'live-title' }, ...prose(b.title ?? '')),
        b.explain ? h('p', { class: 'live-explain' }, ...prose(b.explain)) : null,
        area.el,
    );
}

export function renderLesson(msg: RenderMessage, ctx: LiveContext): RenderedLesson {
    const areas = new Map<string, LiveArea[]>();
    const edges: EdgeHandle[] = [];
    const titleId = uid('title');
    const article = h('article', { class: 'lesson', 'aria-labelledby': titleId }, h('h1', { id: titleId }, msg.title));
    let sawHeading = false;
    // A lesson that opens with its own title as a heading: that heading is the page's h1, not a copy.
    const first = msg.blocks[0];
    const blocks = first?.kind === 'h' && first.text?.trim() === msg.title.trim() ? msg.blocks.slice(1) : msg.blocks;
    for (const b of blocks) {
        switch (b.kind) {
            case 'h':
                sawHeading = true;
                article.append(h('h2', null, ...prose(b.text ?? '')));
                break;
            case 'p':
                article.append(h('p', null, ...prose(b.text ?? '')));
                break;
            case 'background':
                article.append(background(b.text ?? '', msg.strings));
                break;
            case 'list': {
                const ul = h('ul');
                for (const item of b.items ?? []) {
                    ul.append(h('li', null, ...prose(item)));
                }
                article.append(ul);
                break;
            }
            case 'code':
                article.append(h('pre', { class: 'code-block', tabindex: '0' }, h('code', null, b.text ?? '')));
                break;
            case 'diagram':
                if (b.diagram) {
                    article.append(renderDiagram(b.diagram, edges));
                }
                break;
            case 'live':
                if (b.demo) {
                    article.append(live(b, b.demo, sawHeading ? 'h3' : 'h2', ctx, areas));
                }
                break;
        }
    }
    return { article, areas, edges };
}
