import { Disposable, IDisposable } from '../common/disposable';
import { DockerSnapshot, EMPTY, RefreshLog, RefreshOptions, VisibleView } from './refreshTypes';
import { Engine } from '../docker/engine';
import { Disposable as DockerDisposable, EngineEvent } from '../docker/types';
import { EngineModel, ModelChange } from './engineModel';
import { Emitter } from './emitter';
import { ExpectedEvents } from './expectedEvents';
import { SocketWatcher } from './socketWatch';

export type { DockerSnapshot, RefreshLog, RefreshOptions, VisibleView } from './refreshTypes';

/**
 * The one owner of refresh. Nothing runs until a view is visible. Then: follow Docker's events
 * stream, list once, and let the engine model apply each event to the one container or image it
 * names (no full list per event). A full list happens on (re)connect, after the stream broke, and on
 * a manual Refresh. No timer polling while the Engine is reachable; when it is not, reconnect with
 * backoff for as long as a view stays visible.
 */
export class RefreshManager extends Disposable {
    /** Built on first read after a change (views that apply change sets never need it). */
    private snapshotValue: DockerSnapshot | undefined = EMPTY;
    private readonly changed = this.register(new Emitter<ModelChange>());
    /** What changed: ids per kind, or `full` when everything was read again (or emptied). */
    readonly onDidChange = this.changed.event;
    private readonly eventReceived = this.register(new Emitter<EngineEvent>());
    /** Every container/image event from the stream (for lessons that wait on the real thing). */
    readonly onDidReceiveEvent = this.eventReceived.event;

    private readonly visibleViews = new Set<string>();
    private events: DockerDisposable | undefined;
    private reconnectTimer: NodeJS.Timeout | undefined;
    private backoffMs: number;
    private lastFailureAt = 0;
    private lastQuickCheck = 0;
    private inFlight: Promise<void> | undefined;
    private again = false;
    private readonly debounceMs: number;
    private readonly backoffStartMs: number;
    private readonly backoffMaxMs: number;
    private readonly eventWaitMs: number;
    private readonly expected: ExpectedEvents;
    private readonly socketWatch = new SocketWatcher();
    readonly model: EngineModel; // images and containers, kept current per event

    constructor(
        private readonly engine: Engine,
        private readonly log: RefreshLog,
        options: RefreshOptions = {},
    ) {
        super();
        this.debounceMs = options.debounceMs ?? 30;
        this.backoffStartMs = options.backoffStartMs ?? 1000;
        this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
        this.backoffMs = this.backoffStartMs;
        this.eventWaitMs = options.eventWaitMs ?? 3000;
        this.expected = new ExpectedEvents(this.eventWaitMs, (id) => this.eventMissing(id));
        // an unreachable engine shows no rows, whatever noticed it (a list, the version, an event batch)
        this.register(
            engine.onDidChangeState((st) => {
                if (st.state === 'unreachable' && this.model.at) {
                    this.model.clear();
                    this.stopEvents();
                    this.scheduleReconnect();
                }
            }),
        );
        this.register(engine.onDidAct((id, phase) => this.expected.action(id, phase, !!this.events && this.active)));
        this.model = new EngineModel(() => this.engine.client(), {
            batchMs: this.debounceMs,
            onBatchError: (e) => {
                const err = this.engine.markFailure(e);
                this.log.warn(`applying events failed: ${err.kind}: ${err.message}`);
                // the model may have missed a change: read everything again, with backoff
                this.scheduleReconnect();
            },
        });
        this.register(this.model.onDidChange((change) => this.publish(change)));
        this.register({ dispose: () => (this.stop(), this.model.dispose()) });
    }

    get snapshot(): DockerSnapshot {
        this.snapshotValue ??= this.model.at ? { images: [...this.model.images.values()], containers: [...this.model.containers.values()], at: this.model.at } : EMPTY;
        return this.snapshotValue;
    }

    get active(): boolean {
        return this.visibleViews.size > 0;
    }

    /** Follow a view's visibility: the first visible view starts everything, the last hidden stops it. */
    attach(view: VisibleView, id: string): void {
        this.register(view.onDidChangeVisibility((e) => this.setVisible(id, e.visible)));
        if (view.visible) {
            this.setVisible(id, true);
        }
    }

    /** Keeps the lists and events live while something other than a view needs them (a lesson panel). */
    hold(id: string): IDisposable {
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

    /**
     * Makes the lists reflect what the caller just did: while the events stream is live, waits for
     * the events of that action to be applied and re-reads the containers it names (`touched`) with one
     * filtered list; otherwise lists everything.
     */
    async settle(touched: readonly string[] = []): Promise<void> {
        if (this.events && this.model.at > 0 && this.engine.state.state === 'connected' && !this.inFlight) {
            if (!touched.length) {
                // nothing named: give the action's events a moment to arrive
                await new Promise((r) => setTimeout(r, this.debounceMs * 2));
            }
            // the events of our own actions, or (when one is missing) the new stream and list
            await this.expected.whenMet();
            // the containers the caller acted on are read again, so their state never lags behind
            await this.model.reread(touched);
            await this.whenIdle();
            return;
        }
        await this.refresh();
    }

    /** Resolves when no refresh is running or waiting and the model has applied every event it got. */
    async whenIdle(): Promise<void> {
        while (this.inFlight) {
            await this.inFlight;
        }
        await this.model.whenSettled();
    }

    /** The endpoint changed: drop the stream and data, start again if a view is visible. */
    restart(): void {
        this.stop();
        this.engine.reset();
        this.model.clear();
        if (this.active) {
            void this.refresh();
        }
    }

    private async doRefresh(): Promise<void> {
        const started = Date.now();
        // while connected, the lists themselves tell whether the engine still answers: no ping first
        if (this.engine.state.state !== 'connected') {
            const state = await this.engine.connect(undefined, { versionLater: true });
            if (state.state !== 'connected') {
                this.model.clear();
                this.stopEvents();
                this.scheduleReconnect();
                return;
            }
        }
        try {
            // the stream first (and accepted by the engine), so no change between the list and the
            // stream is missed; events that arrive while the lists are read are applied after them
            if (this.active) {
                await this.startEvents();
            }
            await this.model.load();
            this.engine.listsAnswered();
            clearTimeout(this.reconnectTimer);
            this.reconnectTimer = undefined;
            this.socketWatch.dispose();
            this.log.debug(`listed ${this.model.images.size} images and ${this.model.containers.size} containers in ${Date.now() - started} ms`);
        } catch (e) {
            // a list that fails (a 500, a reply that is not a list) is shown as a failure, not as
            // "connected" beside stale rows or as an empty engine
            const err = this.engine.markListFailure(e);
            this.log.warn(`refresh failed: ${err.kind}: ${err.message}`);
            if (this.engine.state.state !== 'connected') {
                this.model.clear();
                this.stopEvents();
            }
            this.scheduleReconnect();
        }
    }

    /** The model changed: the snapshot is rebuilt when someone reads it; listeners get the change set. */
    private publish(change: ModelChange): void {
        this.snapshotValue = undefined;
        this.changed.fire(change);
    }

    /** Resolves when the engine accepted the stream, when it closed, or after 2 s without an answer. */
    private startEvents(): Promise<void> {
        if (this.events) {
            return Promise.resolve();
        }
        const client = this.engine.client();
        this.log.debug('following GET /events (type=container,image)');
        let opened!: () => void;
        const open = new Promise<void>((resolve) => (opened = resolve));
        const timer = setTimeout(() => {
            this.log.warn('the events stream did not answer within 2 s; listing anyway');
            opened();
        }, 2000);
        const handle = client.streamEvents({
            onOpen: () => {
                clearTimeout(timer);
                opened();
            },
            onEvent: (event) => {
                this.expected.seen(event);
                this.eventReceived.fire(event);
                this.model.queue(event);
            },
            onClose: (error) => {
                clearTimeout(timer);
                opened();
                if (this.events !== handle) {
                    return;
                }
                this.events = undefined;
                if (error && this.active) {
                    this.log.warn(`events stream closed: ${error.message}`);
                    // Events may have been missed: a full list tells whether the Engine went away or
                    // just the stream, and starts it again; at once the first time, else after a backoff
                    if (!this.reconnectTimer && Date.now() - this.lastQuickCheck > this.backoffMaxMs) {
                        this.lastQuickCheck = Date.now();
                        void this.refresh();
                    } else {
                        this.scheduleReconnect();
                    }
                }
            },
        });
        this.events = handle;
        return open;
    }

    /**
     * Tries again later. Failures close together back off (doubling up to the cap); a failure long
     * after the last one starts again from the shortest delay. A success never resets the backoff by
     * itself, so an engine that answers pings but fails lists cannot cause a retry storm.
     */
    private scheduleReconnect(): void {
        if (!this.active || this.reconnectTimer || this.isDisposed) {
            return;
        }
        const now = Date.now();
        if (now - this.lastFailureAt > this.backoffMaxMs * 2) {
            this.backoffMs = this.backoffStartMs;
        }
        this.lastFailureAt = now;
        const delay = this.backoffMs;
        this.backoffMs = Math.min(this.backoffMaxMs, this.backoffMs * 2);
        this.log.debug(`Engine unreachable; trying again in ${delay} ms`);
        this.watchLocalSocket();
        this.reconnectTimer = setTimeout(() => {
            this.reconnectTimer = undefined;
            void this.refresh();
        }, delay);
    }

    private stopEvents(): void {
        const e = this.events;
        this.events = undefined;
        this.expected.clear();
        e?.dispose();
    }

    /** An action of ours produced no event: the stream was accepted but is silent. Replace it and list once. */
    private eventMissing(id: string): void {
        if (!this.events || !this.active || this.isDisposed) {
            return;
        }
        this.log.warn(`no event for ${id.slice(0, 12)} within ${this.eventWaitMs} ms after our action: the events stream looks silent; reconnecting it and listing again`);
        this.stopEvents();
        void this.refresh();
    }

    /** While a local engine is away, a daemon that starts again (and creates its socket) is tried at once. */
    private watchLocalSocket(): void {
        const st = this.engine.state;
        this.socketWatch.watch(st.endpoint?.kind === 'unix' ? st.endpoint.socketPath : undefined, () => {
            if (this.reconnectTimer && this.active && !this.isDisposed) {
                this.log.debug('the socket changed: trying now');
                clearTimeout(this.reconnectTimer);
                this.reconnectTimer = undefined;
                // a socket file that appears may not listen yet: a refusal retries after the shortest delay
                this.backoffMs = this.backoffStartMs;
                void this.refresh();
            }
        });
    }

    private stop(): void {
        this.stopEvents();
        this.socketWatch.dispose();
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        this.backoffMs = this.backoffStartMs;
        this.lastFailureAt = 0;
    }
}
