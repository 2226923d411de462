/**
 * The project's own types for image builds (both builders). Re-exported by types.ts.
 * No `vscode` import.
 */

/** The two builders of the Engine API: BuildKit (`version=2`) and the legacy builder (`version=1`, deprecated since Engine 23). */
export type BuilderKind = 'buildkit' | 'legacy';

/** Why this builder ran. */
export type BuilderReason =
    /** The engine says which builder it uses by default (`Builder-Version` of `GET /_ping`). */
    | 'engine-default'
    /** The engine did not say; it accepted a BuildKit build. */
    | 'supported'
    /** Podman, or an engine on Windows: no BuildKit over the Engine API. */
    | 'no-buildkit'
    /** BuildKit was tried and the engine refused it. */
    | 'refused'
    /** The caller asked for this builder. */
    | 'requested';

/** A step as the builder named it. */
export interface BuildStepRef {
    readonly builder: BuilderKind;
    /**
     * Legacy builder: 1-based over every instruction of the file (`Step 3/5 : RUN …`, ARGs before FROM included).
     * BuildKit: 1-based within the stage, over FROM and the steps that run (`[3/4] RUN …`: RUN, COPY, ADD, WORKDIR).
     */
    readonly step: number;
    readonly total: number;
    /** BuildKit, multi-stage files only: the stage as printed (`build`, `stage-1`). */
    readonly stage?: string;
    /** The instruction as the builder printed it (`RUN exit 3`). */
    readonly text: string;
}

export type BuildEvent =
    /** Which builder runs this build, and why. */
    | { readonly kind: 'builder'; readonly builder: BuilderKind; readonly reason: BuilderReason; readonly networkNone?: boolean }
    /** A step started (BuildKit: or was found in the cache). */
    | ({ readonly kind: 'step'; readonly cached?: boolean } & BuildStepRef)
    /** Build output, as the CLI shows it (`Step 2/4 : …`, or BuildKit's plain progress: `#6 [2/4] RUN …`, `#6 CACHED`). */
    | { readonly kind: 'output'; readonly text: string };

export type BuildResult =
    | { readonly ok: true; readonly imageId: string; readonly steps: number; readonly builder: BuilderKind }
    /** `at`: the step the builder was on when it failed, when known. */
    | { readonly ok: false; readonly message: string; readonly at?: BuildStepRef; readonly builder: BuilderKind };

export interface BuildOptions {
    /** `auto` (default): BuildKit where the engine has it, else the legacy builder. */
    readonly builder?: 'auto' | BuilderKind;
    /** `--target`: build only up to this stage of a multi-stage Dockerfile. */
    readonly target?: string;
}

export interface BuildActions {
    /**
     * `POST /build` with a tar of the context folder (honouring `.dockerignore`): with BuildKit where the
     * engine supports it, the legacy builder otherwise. A failing step resolves `{ok: false}`.
     */
    buildImage(contextDir: string, dockerfileRel: string, tag: string, onEvent: (e: BuildEvent) => void, signal?: AbortSignal, options?: BuildOptions): Promise<BuildResult>;
}
