/** What the refresh owner (refreshManager.ts) shows and needs. No `vscode` import. */
import { IDisposable } from '../common/disposable';
import { ContainerSummary, ImageSummary } from '../docker/types';

export interface DockerSnapshot {
    readonly images: readonly ImageSummary[];
    readonly containers: readonly ContainerSummary[];
    /** When the lists were read (ms since epoch); 0 before the first read. */
    readonly at: number;
}

export const EMPTY: DockerSnapshot = { images: [], containers: [], at: 0 };

/** What refresh needs of a view: whether it is visible, and when that changes (a VS Code TreeView fits). */
export interface VisibleView {
    readonly visible: boolean;
    onDidChangeVisibility(listener: (e: { readonly visible: boolean }) => void): IDisposable;
}

/** Where refresh writes what it does (the extension's Logger fits). */
export interface RefreshLog {
    debug(message: string): void;
    warn(message: string): void;
}

export interface RefreshOptions {
    /** Events within this window are applied to the model as one batch. */
    readonly debounceMs?: number;
    readonly backoffStartMs?: number;
    readonly backoffMaxMs?: number;
    /** After a container action of ours, its event must arrive within this time, or the stream is replaced. */
    readonly eventWaitMs?: number;
}
