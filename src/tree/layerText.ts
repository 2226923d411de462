/**
 * What the Images view (and the history document) say about an image's layers. No `vscode` import:
 * the caller passes `vscode.l10n`, unit tests pass English or the Korean bundle.
 *
 * A row is classified by its instruction (`LayerInfo.changes`), never by its size: WORKDIR creates
 * its folder and RUN may only delete files, so a filesystem step can be 0 B. 0 B means "no file
 * content", not "metadata only".
 */
import { formatBytes } from '../common/format';
import { instructionOf } from '../docker/mapping';
import type { LayerInfo } from '../docker/types';

export interface L10n {
    t(message: string, ...args: (string | number)[]): string;
}

export interface LayerRowText {
    readonly label: string;
    readonly description: string;
    /** Plain text (the tree puts it after a code block of the instruction). */
    readonly tooltip: string;
    /** Codicon: `layers-active` for filesystem steps, `tag` for config-only ones. */
    readonly icon: string;
}

/** The instruction as a short label: content hashes (`COPY file:d813…64 hex… in /`) keep 12 characters. */
export function layerInstruction(l: LayerInfo): string {
    return instructionOf(l.createdBy).replace(/\b(file|dir|multi):([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1:$2…');
}

export function layerRowText(l: LayerInfo, l10n: L10n): LayerRowText {
    const text = layerInstruction(l) || l10n.t('(unknown step)');
    const label = text.length > 80 ? `${text.slice(0, 79)}…` : text;
    const size = formatBytes(l.size);
    if (l.changes === 'config') {
        return {
            label,
            description: l.size > 0 ? l10n.t('config, {0}', size) : l10n.t('config only, 0 B'),
            tooltip: l10n.t("This step changed only the image's config (settings such as ENV, CMD, LABEL); it changed no files."),
            icon: 'tag',
        };
    }
    if (l.changes === 'files') {
        return {
            label,
            description: l.size > 0 ? l10n.t('layer, {0}', size) : l10n.t('layer, 0 B (no file content)'),
            tooltip:
                l.size > 0
                    ? l10n.t('This step changed the filesystem: a layer of {0} (added, changed and deleted files).', size)
                    : l10n.t(
                          'This step can change the filesystem, but it left no file content: 0 B. That is not "metadata only": WORKDIR may have created an empty folder, or a RUN changed nothing or only deleted files (a deletion is recorded as a whiteout, which takes no bytes).',
                      ),
            icon: 'layers-active',
        };
    }
    return {
        label,
        description: size,
        tooltip: l10n.t('The history does not say which instruction made this step ({0}).', size),
        icon: 'question',
    };
}

/** The tooltip of an image's "Layers" node. */
export function layersExplanation(l10n: L10n): string {
    return l10n.t(
        'Each instruction in the Dockerfile made one step. RUN, COPY, ADD and WORKDIR (which creates its folder) change the filesystem: each leaves a layer of added, changed and deleted files (deletions are recorded as whiteouts). The other instructions change only the image config.',
    );
}

/** For the history document: `layer` or `config` before each row's size. */
export function layerKindWord(l: LayerInfo, l10n: L10n): string {
    return l.changes === 'files' ? l10n.t('layer') : l.changes === 'config' ? l10n.t('config') : '?';
}
