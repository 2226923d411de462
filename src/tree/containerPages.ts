/** The rows of a big container group past its newest page (src/tree/containersTree.ts). No `vscode` import. */
import type { ContainerGroupNode } from './containersTree';

/**
 * A group of more than PAGE_FROM rows shows its newest PAGE_SIZE rows, then one collapsed Older node
 * holding pages of PAGE_SIZE: a change in a group re-sends PAGE_SIZE + 1 rows, however big it is.
 */
export const PAGE_SIZE = 100;
export const PAGE_FROM = 150;

/** Older rows come in pages only when there is more than one page of them. */
export function paged(total: number): boolean {
    return total - PAGE_SIZE > PAGE_SIZE;
}

/** Every row past the newest PAGE_SIZE of a big group, collapsed until opened ("Older: 101–2000"). */
export class ContainerOlderNode {
    readonly kind = 'older';
    constructor(readonly parent: ContainerGroupNode) {}
}

/** Rows of the Older node when there are more than PAGE_SIZE of them ("Older: 101–200"). */
export class ContainerPageNode {
    readonly kind = 'page';
    constructor(
        readonly parent: ContainerOlderNode,
        /** 1 for rows 101–200, 2 for 201–300, … */
        readonly index: number,
    ) {}
}

