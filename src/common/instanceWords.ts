/**
 * How many containers an image has, in a sentence: singular and plural in English (Korean needs no
 * plural, so its bundle words each case naturally). No `vscode` import; callers pass `vscode.l10n`.
 */
import { L10n } from './l10n';

/** The Images view's tooltip line about an image's instances. */
export function instancesSentence(l10n: L10n, n: number): string {
    if (n === 1) {
        return l10n.t('1 container was created from this image: it is an instance of it.');
    }
    return n ? l10n.t('{0} containers were created from this image. Each is an instance of it.', n) : l10n.t('No container has been created from this image yet.');
}

/** A Dockerfile hover on FROM: the base image is on the engine, and how many containers use it. */
export function onEngineSentence(l10n: L10n, image: string, id: string, size: string, created: string, instances: number | undefined): string {
    if (instances === undefined) {
        return l10n.t('{0} is on your engine: id {1}, {2}, created {3}.', image, id, size, created);
    }
    if (instances === 0) {
        return l10n.t('{0} is on your engine: id {1}, {2}, created {3}; no container uses it.', image, id, size, created);
    }
    if (instances === 1) {
        return l10n.t('{0} is on your engine: id {1}, {2}, created {3}; 1 container uses it.', image, id, size, created);
    }
    return l10n.t('{0} is on your engine: id {1}, {2}, created {3}; {4} containers use it.', image, id, size, created, instances);
}
