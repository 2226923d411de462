/**
 * "Remove Dangling Images…" as a flow with no `vscode` import (unit-tested): one at a time — a second
 * trigger while the first waits for its answer says so instead of asking again — and the list is read
 * again after the confirmation, so nothing is pruned, and no "Removed 0 images" shown, when the
 * images went away meanwhile. Words in the user's language, with singular and plural.
 */
import { formatBytes } from './format';
import { L10n } from './l10n';

export interface DanglingImage {
    readonly id: string;
    readonly shortId: string;
    readonly size: number;
}

export interface PruneIO {
    readonly l10n: L10n;
    /** The dangling images now (the model settled), and how many of them containers use. */
    dangling(): Promise<{ readonly free: readonly DanglingImage[]; readonly blocked: number }>;
    /** A modal question; true when the user chose `action`. */
    confirm(message: string, detail: string, action: string): Promise<boolean>;
    /** A modal warning with no choice. */
    warn(message: string): Promise<void>;
    info(message: string): void;
    /** The prune call; undefined when it failed (already reported). */
    prune(): Promise<{ readonly deleted: readonly string[]; readonly spaceReclaimed: number } | undefined>;
    log(line: string): void;
}

export function removeImagesAction(l10n: L10n, n: number): string {
    return n === 1 ? l10n.t('Remove 1 Image') : l10n.t('Remove {0} Images', n);
}

export function pruneQuestion(l10n: L10n, n: number): string {
    return n === 1 ? l10n.t('Remove 1 dangling image (an image without a tag)?') : l10n.t('Remove {0} dangling images (images without a tag)?', n);
}

export function keptLine(l10n: L10n, n: number): string {
    return n === 1 ? l10n.t('1 dangling image is kept because a container uses it.') : l10n.t('{0} dangling images are kept because containers use them.', n);
}

export function removedLine(l10n: L10n, n: number, bytes: number): string {
    if (n === 0) {
        return l10n.t('No image was removed: the dangling images were already gone or are in use.');
    }
    return n === 1 ? l10n.t('Removed 1 image and reclaimed {0}.', formatBytes(bytes)) : l10n.t('Removed {0} images and reclaimed {1}.', n, formatBytes(bytes));
}

export class PruneDangling {
    private running: Promise<void> | undefined;

    constructor(private readonly io: PruneIO) {}

    /** Runs the flow, or — while one is under way — says so and waits for that one. */
    run(): Promise<void> {
        if (this.running) {
            this.io.log('prune already under way: not asking twice');
            this.io.info(this.io.l10n.t('Remove Dangling Images is already under way: answer its question first.'));
            return this.running;
        }
        this.running = this.flow().finally(() => (this.running = undefined));
        return this.running;
    }

    private async flow(): Promise<void> {
        const { l10n } = this.io;
        const before = await this.io.dangling();
        if (!before.free.length && !before.blocked) {
            this.io.info(l10n.t('There are no dangling images (images without a tag) to remove.'));
            return;
        }
        if (!before.free.length) {
            await this.io.warn(l10n.t('Every dangling image is used by a container, so none can be removed.'));
            return;
        }
        const total = before.free.reduce((a, i) => a + i.size, 0);
        const detail = [
            ...before.free.slice(0, 15).map((i) => `• ${i.shortId}  ${formatBytes(i.size)}`),
            ...(before.free.length > 15 ? [l10n.t('…and {0} more', before.free.length - 15)] : []),
            '',
            l10n.t('Up to {0} can be reclaimed (less if layers are shared).', formatBytes(total)),
            ...(before.blocked ? [keptLine(l10n, before.blocked)] : []),
        ].join('\n');
        const action = removeImagesAction(l10n, before.free.length);
        if (!(await this.io.confirm(pruneQuestion(l10n, before.free.length), detail, action))) {
            this.io.log('prune cancelled');
            return;
        }
        // the answer may come minutes later: read again, and prune only when something is left
        const after = await this.io.dangling();
        if (!after.free.length) {
            this.io.log('prune: the dangling images went away while the question was open; nothing to do');
            this.io.info(l10n.t('The dangling images were removed meanwhile (by something else): there is nothing left to remove.'));
            return;
        }
        const result = await this.io.prune();
        if (result) {
            this.io.info(removedLine(l10n, result.deleted.length, result.spaceReclaimed));
        }
    }
}
