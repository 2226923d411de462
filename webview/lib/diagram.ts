/**
 * Diagrams as real text in the page (no images, no HTML strings): a flow diagram is a row of boxes
 * with one numbered, labelled arrow per edge below it, drawn on a CSS grid (one row per arrow, so any
 * edge can point left, right or fan out); a stack diagram is columns of layers, bottom first.
 * Screen readers get the same content as a list of boxes and an ordered list of "from → to" arrows.
 */
import type { PanelStrings, RenderedDiagram } from '../../src/protocol/panelProtocol';
import { h, icon, token, uid } from './dom';

type Flow = Extract<RenderedDiagram, { kind: 'flow' }>;
type Stack = Extract<RenderedDiagram, { kind: 'stack' }>;

/** An arrow that lights when its step really happened in a live demo. */
export interface EdgeHandle {
    readonly step: number;
    readonly el: HTMLElement;
    readonly label: HTMLElement;
    mark?: HTMLElement;
}

const TONES = ['hardware', 'os', 'hypervisor', 'guest', 'engine', 'app', 'layer', 'writable'] as const;

function flow(d: Flow, edges: EdgeHandle[]): HTMLElement {
    const n = d.nodes.length;
    const index = new Map(d.nodes.map((node, i) => [node.id, i]));
    const captionId = uid('cap');
    const figure = h('figure', { class: 'diagram flow', 'aria-labelledby': captionId });
    // Two grid tracks per box, so an arrow can start and end at a box's centre line.
    figure.style.setProperty('--flow-cols', `repeat(${2 * n}, minmax(0, 1fr))`);

    const nodes = h('ul', { class: 'flow-nodes', role: 'list' });
    d.nodes.forEach((node, i) => {
        const li = h('li', { class: 'flow-node' }, h('span', { class: 'flow-node-label' }, node.label), node.sub ? h('span', { class: 'flow-node-sub' }, node.sub) : null);
        li.style.gridColumn = `${2 * i + 1} / span 2`;
        nodes.append(li);
    });

    const arrows = h('ol', { class: 'flow-edges', role: 'list' });
    // Arrows are numbered by their live step; in a diagram without steps, by their position. (An
    // arrow without a step in a diagram that has steps gets no number rather than a clashing one.)
    const stepped = d.edges.some((e) => e.step !== undefined);
    d.edges.forEach((e, i) => {
        const from = index.get(e.from) ?? 0;
        const to = index.get(e.to) ?? 0;
        const number = e.step ?? (stepped ? undefined : i + 1);
        const li = h('li', { class: 'flow-edge' });
        if (number !== undefined) {
            li.value = number;
        }
        if (e.step !== undefined) {
            li.dataset.step = String(e.step);
        }
        for (let k = 0; k < n; k++) {
            const lane = h('span', { class: 'flow-lane', 'aria-hidden': 'true' });
            lane.style.gridColumn = `${2 * k + 1} / span 2`;
            li.append(lane);
        }
        const dir = from < to ? 'to-right' : from > to ? 'to-left' : 'to-self';
        const label = h(
            'span',
            { class: 'flow-edge-label' },
            number !== undefined ? h('span', { class: 'flow-edge-n' }, String(number)) : null,
            number !== undefined ? ' ' : null,
            h('span', { class: 'visually-hidden flow-edge-ends' }, `${d.nodes[from].label} → ${d.nodes[to].label}: `),
            h('span', { class: 'flow-edge-text' }, e.label),
        );
        const arrow = h('div', { class: `flow-arrow ${dir}` }, label, dir === 'to-self' ? icon('↻', 'flow-self') : h('span', { class: 'flow-shaft', 'aria-hidden': 'true' }));
        arrow.style.gridColumn = from === to ? `${2 * from + 1} / span 2` : `${2 * Math.min(from, to) + 2} / ${2 * Math.max(from, to) + 2}`;
        li.append(arrow);
        arrows.append(li);
        if (e.step !== undefined) {
            edges.push({ step: e.step, el: li, label });
        }
    });

    figure.append(h('figcaption', { id: captionId }, d.caption), nodes, arrows);
    return figure;
}

function stack(d: Stack): HTMLElement {
    const captionId = uid('cap');
    const cols = h('div', { class: 'stack-cols' });
    for (const col of d.columns) {
        const titleId = uid('col');
        const layers = h('ol', { class: 'stack-layers', role: 'list', 'aria-labelledby': titleId });
        // Bottom first in the data and in reading order; CSS draws the first one at the bottom.
        for (const layer of col.layers) {
            const tone = `tone-${token(layer.tone, TONES, 'layer')}`;
            if (layer.beside) {
                // two boxes on one level: side by side, neither under the other
                const other = `tone-${token(layer.beside.tone, TONES, 'layer')}`;
                layers.append(h('li', { class: 'stack-row' }, h('span', { class: `stack-layer ${tone}` }, layer.label), h('span', { class: `stack-layer stack-beside ${other}` }, layer.beside.label)));
            } else {
                layers.append(h('li', { class: `stack-layer ${tone}` }, layer.label));
            }
        }
        cols.append(h('div', { class: 'stack-col' }, h('p', { class: 'stack-title', id: titleId }, col.title), layers));
    }
    return h('figure', { class: 'diagram stack', 'aria-labelledby': captionId }, h('figcaption', { id: captionId }, d.caption), cols);
}

export function renderDiagram(d: RenderedDiagram, edges: EdgeHandle[]): HTMLElement {
    return d.kind === 'flow' ? flow(d, edges) : stack(d);
}

/** Lights the arrows whose step is in `lit`: a class for the colour and a visible "✓ Done" marker. */
export function lightEdges(edges: readonly EdgeHandle[], lit: ReadonlySet<number>, strings: PanelStrings): void {
    for (const e of edges) {
        const on = lit.has(e.step);
        e.el.classList.toggle('lit', on);
        if (on && !e.mark) {
            e.mark = h('span', { class: 'flow-lit-mark' }, icon('✓'), ' ', strings.stateWords.done);
            e.label.append(e.mark);
        } else if (!on && e.mark) {
            e.mark.remove();
            e.mark = undefined;
        }
    }
}
