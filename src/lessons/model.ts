/**
 * The shape of a lesson: prose, background notes, diagrams and live demonstrations, in English and
 * Korean. Pure data; the webview renders it as text (never as HTML). No `vscode` import.
 */
import type { Locale } from './catalog';

export type Text = Readonly<Record<Locale, string>>;

/** A box-and-arrow picture: boxes left to right, numbered arrows between them. */
export interface FlowDiagram {
    readonly kind: 'flow';
    readonly caption: Text;
    readonly nodes: readonly { readonly id: string; readonly label: Text; readonly sub?: Text }[];
    /** `step` links an arrow to a live step, so it lights when that step really happens. */
    readonly edges: readonly { readonly from: string; readonly to: string; readonly label: Text; readonly step?: number }[];
}

export type Tone = 'hardware' | 'os' | 'hypervisor' | 'guest' | 'engine' | 'app' | 'layer' | 'writable';

/** Layers stacked bottom-up in columns: hardware at the bottom, apps on top. */
export interface StackDiagram {
    readonly kind: 'stack';
    readonly caption: Text;
    readonly columns: readonly {
        readonly title: Text;
        /** Bottom first. */
        readonly layers: readonly {
            readonly label: Text;
            readonly tone: Tone;
            /** A box drawn on the same level, beside this one (not under it): e.g. the engine next to its containers. */
            readonly beside?: { readonly label: Text; readonly tone: Tone };
        }[];
    }[];
}

export type Diagram = FlowDiagram | StackDiagram;

export type Block =
    | { readonly kind: 'h'; readonly text: Text }
    | { readonly kind: 'p'; readonly text: Text }
    /** Background knowledge that the lesson does not prove live: marked as such on screen. */
    | { readonly kind: 'background'; readonly text: Text }
    | { readonly kind: 'list'; readonly items: readonly Text[] }
    /** Verbatim text (a terminal transcript), shown as code. */
    | { readonly kind: 'code'; readonly text: string }
    | { readonly kind: 'diagram'; readonly diagram: Diagram }
    /** A live demonstration on the learner's engine; `demo` names the runner. */
    | { readonly kind: 'live'; readonly demo: DemoId; readonly title: Text; readonly explain: Text };

export type DemoId = 'why.sameEverywhere' | 'ivc.explore' | 'hello.flow' | 'vm.sharedKernel' | 'cgroups.limits' | 'cgroups.oom' | 'ns.insideOutside' | 'build.cache' | 'ports.publish' | 'volumes.persist' | 'names.anatomy' | 'lifecycle.states' | 'practice';

export interface Lesson {
    readonly id: string;
    readonly blocks: readonly Block[];
}

export function t(text: Text, locale: Locale): string {
    return text[locale] || text.en;
}
