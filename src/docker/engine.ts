/**
 * The connection to one Engine: resolves the endpoint, creates the client lazily, and knows
 * whether the Engine answered. No `vscode` import; the UI listens through `onDidChangeState`.
 */
import { classifyError, DockerError, isConnectionError } from './errors';
import { ActionListener, watchActions } from './actionWatch';
import type { ClientFactory } from './loader';
import { DockerClient, DockerEndpoint, EngineVersion } from './types';

export type EngineStateName = 'idle' | 'connecting' | 'connected' | 'unreachable';

export interface EngineState {
    readonly state: EngineStateName;
    readonly endpoint?: DockerEndpoint;
    readonly version?: EngineVersion;
    readonly error?: DockerError;
}

type Listener = (state: EngineState) => void;

export interface EngineDeps {
    /** Resolves the endpoint from settings, environment and contexts (throws `badConfig`). */
    readonly resolveEndpoint: () => DockerEndpoint;
    /** Loads dockerode on first use. */
    readonly clientFactory: () => ClientFactory;
    readonly timeoutMs: () => number;
    readonly log: (message: string) => void;
    /** The group that owns a unix socket (for EACCES advice); src/docker/socketGroup.ts. */
    readonly socketGroup?: (socketPath: string) => string | undefined;
}

export class Engine {
    private current: DockerClient | undefined;
    private stateValue: EngineState = { state: 'idle' };
    /** The last list failed although the engine answers pings: shown until a list answers. */
    private listFailed = false;
    private readonly listeners = new Set<Listener>();
    private readonly actionListeners = new Set<ActionListener>();

    constructor(private readonly deps: EngineDeps) {}

    get state(): EngineState {
        return this.stateValue;
    }

    onDidChangeState(listener: Listener): { dispose(): void } {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    }

    /** A container action of ours starts or ends (the refresh owner expects its event). */
    onDidAct(listener: ActionListener): { dispose(): void } {
        this.actionListeners.add(listener);
        return { dispose: () => this.actionListeners.delete(listener) };
    }

    private setState(state: EngineState): void {
        const prev = this.stateValue;
        this.stateValue = state;
        if (prev.state !== state.state || prev.error?.message !== state.error?.message || prev.endpoint?.display !== state.endpoint?.display || prev.version?.version !== state.version?.version) {
            for (const l of [...this.listeners]) {
                l(state);
            }
        }
    }

    /** The client for the current endpoint (created on first use). Throws `DockerError('badConfig')`. */
    client(): DockerClient {
        if (!this.current) {
            let endpoint: DockerEndpoint;
            try {
                endpoint = this.deps.resolveEndpoint();
            } catch (e) {
                const err = classifyError(e);
                this.setState({ state: 'unreachable', error: err });
                throw err;
            }
            const started = Date.now();
            try {
                const factory = this.deps.clientFactory();
                this.deps.log(`Docker client loaded in ${Date.now() - started} ms; endpoint ${endpoint.display} (from ${endpoint.source}${endpoint.contextName ? ` "${endpoint.contextName}"` : ''})`);
                // our own container actions are reported, so a silent events stream can be noticed
                this.current = watchActions(factory(endpoint, { timeoutMs: this.deps.timeoutMs() }), (id, phase) => this.actionListeners.forEach((l) => l(id, phase)));
            } catch (e) {
                // a client that cannot be built (bad TLS files, a broken bundle) is a failure to show, not to swallow
                const err = classifyError(e);
                this.deps.log(`The Docker client for ${endpoint.display} could not be created: ${err.kind}: ${err.message}`);
                this.setState({ state: 'unreachable', endpoint, error: err });
                throw err;
            }
        }
        return this.current;
    }

    /**
     * `GET /_ping` + `GET /version`; updates the state. Never throws. With `versionLater`, the state
     * is `connected` as soon as the ping answers and the version (dockerd takes ~50 ms to answer it,
     * ten times a ping) fills in when it arrives; an API-version error then still marks the failure.
     */
    async connect(signal?: AbortSignal, opts: { versionLater?: boolean } = {}): Promise<EngineState> {
        let client: DockerClient;
        try {
            client = this.client();
        } catch {
            return this.stateValue;
        }
        if (this.stateValue.state !== 'connected' && !this.listFailed) {
            this.setState({ state: 'connecting', endpoint: client.endpoint });
        }
        // reset() may replace the client while we wait: a stale answer must not set the new state
        try {
            await client.ping(signal);
            const version = client.version(signal);
            if (opts.versionLater) {
                if (client === this.current && this.listFailed) {
                    // the ping answers, but the lists failed last time: keep showing why until they answer
                    version.catch(() => undefined);
                    return { state: 'connected', endpoint: client.endpoint };
                }
                if (client === this.current) {
                    this.setState({ state: 'connected', endpoint: client.endpoint, version: this.stateValue.version });
                }
                version.then(
                    (v) => client === this.current && this.stateValue.state === 'connected' && this.setState({ state: 'connected', endpoint: client.endpoint, version: v }),
                    (e: unknown) => client === this.current && this.markFailure(e),
                );
                return this.stateValue;
            }
            const answered = await version;
            if (client === this.current) {
                this.setState({ state: 'connected', endpoint: client.endpoint, version: answered });
            }
        } catch (e) {
            if (client === this.current) {
                this.markFailure(e);
            }
        }
        return this.stateValue;
    }

    /** Record a failure; connection failures make the Engine unreachable. Returns the classified error. */
    markFailure(e: unknown): DockerError {
        const err = this.withSocketGroup(classifyError(e));
        if (isConnectionError(err.kind) || err.kind === 'apiVersion') {
            this.listFailed = false;
            this.setState({ state: 'unreachable', endpoint: this.current?.endpoint, error: err });
        }
        return err;
    }

    /** EACCES on a unix socket: say which group owns it (the advice differs when it is not `docker`). */
    private withSocketGroup(err: DockerError): DockerError {
        const endpoint = this.current?.endpoint;
        if (err.kind !== 'permission' || err.reason || endpoint?.kind !== 'unix' || !endpoint.socketPath || !this.deps.socketGroup) {
            return err;
        }
        const group = this.deps.socketGroup(endpoint.socketPath);
        return group ? new DockerError('permission', err.message, { detail: err.detail, cause: err, reason: { id: 'socketGroup', socket: endpoint.display, group } }) : err;
    }

    /**
     * A full list failed: whatever the kind (a 500, a reply that is not a list), the views cannot show
     * the engine's contents, so the state says why instead of "connected" beside stale or empty rows.
     */
    markListFailure(e: unknown): DockerError {
        const err = this.withSocketGroup(classifyError(e));
        if (err.kind === 'cancelled') {
            return err;
        }
        this.listFailed = !isConnectionError(err.kind);
        this.setState({ state: 'unreachable', endpoint: this.current?.endpoint, error: err });
        return err;
    }

    /** The lists answered: a list failure shown until now is over. */
    listsAnswered(): void {
        if (this.listFailed) {
            this.listFailed = false;
            this.setState({ state: 'connected', endpoint: this.current?.endpoint });
            void this.current?.version().then(
                (v) => this.stateValue.state === 'connected' && this.setState({ state: 'connected', endpoint: this.current?.endpoint, version: v }),
                () => undefined,
            );
        }
    }

    /** Forget the client (settings or contexts changed). */
    reset(): void {
        this.listFailed = false;
        this.current?.dispose();
        this.current = undefined;
        this.setState({ state: 'idle' });
    }

    dispose(): void {
        this.current?.dispose();
        this.current = undefined;
        this.listeners.clear();
        this.actionListeners.clear();
    }
}
