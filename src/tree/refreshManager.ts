import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Logger } from '../common/logger';
import { Engine } from '../docker/engine';
import { ContainerSummary, Disposable as DockerDisposable, EngineEvent, ImageSummary } from '../docker/types';

export interface DockerSnapshot {
    readonly images: readonly ImageSummary[];
    readonly containers: readonly ContainerSummary[];
    /** When the lists were read (ms since epoch); 0 before the first read. */
    readonly at: number;
}

const EMPTY: DockerSnapshot = { images: [], containers: [], at: 0 };

export interface RefreshOptions {
    /** Delay between an event and the refresh it causes. */
    readonly debounceMs?: number;
    readonly backoffStartMs?: number;
    readonly backoffMaxMs?: number;
}

/**
 * The one owner of refresh. Nothing runs until a view is visible. Then: list once, follow Docker's
 * events stream and refresh (debounced) when something changes. No timer polling while the Engine is
 * reachable; when it is not, reconnect with backoff for as long as a view stays visible.
 */
export class RefreshManager extends Disposable {
    private snapshotValue: DockerSnapshot = EMPTY;
    private readonly changed = this.register(new vscode.EventEmitter<DockerSnapshot>());
    readonly onDidChange = this.changed.event;
    private readonly eventReceived = this.register(new vscode.EventEmitter<EngineEvent>());
    /** Every container/image event from the stream (for lessons that wait on the real thing). */
    readonly onDidReceiveEvent = this.eventReceived.event;

    private readonly visibleViews = new Set<string>();
    private events: DockerDisposable | undefined;
    private debounceTimer: NodeJS.Timeout | undefined;
    private reconnectTimer: NodeJS.Timeout | undefined;
    private backoffMs: number;
    private inFlight: Promise<void> | undefined;
    private again = false;
    private readonly debounceMs: number;
    private readonly backoffStartMs: number;
    private readonly backoffMaxMs: number;

    constructor(
        private readonly engine: Engine,
        private readonly log: Logger,
        options: RefreshOptions = {},
    ) {
        super();
        this.debounceMs = options.debounceMs ?? 150;
        this.backoffStartMs = options.backoffStartMs ?? 1000;
        this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
        this.backoffMs = this.backoffStartMs;
        this.register({ dispose: () => this.stop() });
    }

    get snapshot(): DockerSnapshot {
        return this.snapshotValue;
    }

    get active(): boolean {
        return this.visibleViews.size > 0;
    }

    /** Follow a view's visibility: the first visible view starts everything, the last hidden stops it. */
    attach(view: vscode.TreeView<unknown>, id: string): void {
        this.register(view.onDidChangeVisibility((e) => this.setVisible(id, e.visible)));
        if (view.visible) {
            this.setVisible(id, true);
        }
    }

    /** Keeps the lists and events live while something other than a view needs them (a lesson panel). */
    hold(id: string): vscode.Disposable {
        this.setVisible(id, true);
        return { dispose: () => this.setVisible(id, false) };
    }

    private setVisible(id: string, visible: boolean): void {
        const wasActive = this.active;
        if (visible) {
            this.visibleViews.add(id);
        } else {
            this.visibleViews.delete(id);
        }
        if (!wasActive && this.active) {
            this.log.debug(`${id} became visible: starting`);
            void this.refresh();
        } else if (wasActive && !this.active) {
            this.log.debug('nothing visible: pausing the events stream');
            this.stop();
        }
    }

    /** Read everything now (coalesced with a refresh already running). */
    refresh(): Promise<void> {
        clearTimeout(this.debounceTimer);
        this.debounceTimer = undefined;
        if (this.inFlight) {
            this.again = true;
            return this.inFlight;
        }
        this.inFlight = this.doRefresh().finally(() => {
            this.inFlight = undefined;
            if (this.again && !this.isDisposed) {
                this.again = false;
                void this.refresh();
            }
        });
        return this.inFlight;
    }

    /** Resolves when no refresh is running or waiting. */
    async whenIdle(): Promise<void> {
        while (this.inFlight || this.debounceTimer) {
            if (this.inFlight) {
                await this.inFlight;
            } else {
                await new Promise((r) => setTimeout(r, this.debounceMs));
            }
        }
    }

    /** The endpoint changed: drop the stream and data, start again if a view is visible. */
    restart(): void {
        this.stop();
        this.engine.reset();
        this.setSnapshot(EMPTY);
        if (this.active) {
            void this.refresh();
        }
    }

    private async doRefresh(): Promise<void> {
        const started = Date.now();
        const state = await this.engine.connect();
        if (state.state !== 'connected') {
            this.setSnapshot(EMPTY);
            this.stopEvents();
            this.scheduleReconnect();
            return;
        }
        this.backoffMs = this.backoffStartMs;
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        try {
            const client = this.engine.client();
            const [images, containers] = await Promise.all([client.listImages(), client.listContainers()]);
            this.setSnapshot({ images, containers, at: Date.now() });
            this.log.debug(`refreshed ${images.length} images and ${containers.length} containers in ${Date.now() - started} ms`);
            if (this.active) {
                this.startEvents();
            }
        } catch (e) {
            const err = this.engine.markFailure(e);
            this.log.warn(`refresh failed: ${err.kind}: ${err.message}`);
            if (this.engine.state.state !== 'connected') {
                this.setSnapshot(EMPTY);
                this.scheduleReconnect();
            }
        }
    }

    private setSnapshot(s: DockerSnapshot): void {
        this.snapshotValue = s;
        this.changed.fire(s);
    }

    private startEvents(): void {
        if (this.events) {
            return;
        }
        const client = this.engine.client();
        this.log.debug('following GET /events (type=container,image)');
        const handle = client.streamEvents({
            onEvent: (event) => {
                this.eventReceived.fire(event);
                this.scheduleRefresh();
            },
            onClose: (error) => {
                if (this.events !== handle) {
                    return;
                }
                this.events = undefined;
                if (error && this.active) {
                    this.log.warn(`events stream closed: ${error.message}`);
                    // Did the Engine go away, or just the stream? A refresh tells, and reconnects.
                    void this.refresh();
                }
            },
        });
        this.events = handle;
    }

    private scheduleRefresh(): void {
        if (this.debounceTimer) {
            return;
        }
        this.debounceTimer = setTimeout(() => {
            this.debounceTimer = undefined;
            void this.refresh();
        }, this.debounceMs);
    }

    private scheduleReconnect(): void {
        if (!this.active || this.reconnectTimer || this.isDisposed) {
            return;
        }
        const delay = this.backoffMs;
        this.backoffMs = Math.min(this.backoffMaxMs, this.backoffMs * 2);
        this.log.debug(`Engine unreachable; trying again in ${delay} ms`);
        this.reconnectTimer = setTimeout(() => {
            this.reconnectTimer = undefined;
            void this.refresh();
        }, delay);
    }

    private stopEvents(): void {
        const e = this.events;
        this.events = undefined;
        e?.dispose();
    }

    private stop(): void {
        this.stopEvents();
        clearTimeout(this.debounceTimer);
        this.debounceTimer = undefined;
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        this.backoffMs = this.backoffStartMs;
    }
}
