/**
 * Reads the JSON messages of `POST /build` from either builder and turns them into the progress the
 * extension shows: step events, and output text as the docker CLI prints it (the legacy builder's
 * `Step 2/4 : …`, BuildKit's plain progress `#6 [2/4] RUN …` / `#6 CACHED` / `#6 DONE 0.1s`).
 * Pure: fed message by message, so unit tests can replay streams captured from a real engine.
 */
import { BkVertex, decodeStatusResponse } from './buildkitStatus';
import { BuilderKind, BuildEvent, BuildStepRef } from './types';

/** `[2/4] RUN …`, `[build 1/3] FROM …`, `[stage-1  2/10] COPY …` (the number is padded to the total's width). */
const BK_STEP = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s(.*)$/s;
/** `Step 3/5 : RUN exit 3` (Docker), `STEP 3/5: RUN exit 3` (Podman). */
const LEGACY_STEP = /^Step (\d+)\/(\d+) ?: (.*)/i;

/** The step a BuildKit vertex stands for, from its name; undefined for `[internal] …`, `exporting to image`… */
export function parseBuildkitStep(name: string): BuildStepRef | undefined {
    const m = BK_STEP.exec(name);
    if (!m) {
        return undefined;
    }
    // a platform may come first (`[linux/amd64 build 2/3]`): the stage is the last word, never a platform
    const last = m[1].trim().split(/\s+/).pop() ?? '';
    return { builder: 'buildkit', step: Number(m[2]), total: Number(m[3]), stage: last && !last.includes('/') ? last : undefined, text: m[4].trim() };
}

interface VertexState {
    readonly n: number;
    name: string;
    announced: boolean;
    cached: boolean;
    done: boolean;
    started?: number;
    /** Statuses already printed as done. */
    readonly statusesDone: Set<string>;
}

export class BuildStreamReader {
    imageId = '';
    /** The daemon's error message, when the build failed. */
    failure: string | undefined;
    /** The step that failed (BuildKit: the vertex with an error; legacy: the last `Step n/N`). */
    failedAt: BuildStepRef | undefined;
    /** Steps reported (legacy: the `N` of `Step n/N`; BuildKit: distinct steps seen). */
    steps = 0;
    /** Set once a BuildKit status message arrived. */
    sawBuildkit = false;
    private current: BuildStepRef | undefined;
    /** The legacy builder sends the `\n` of a `Step n/N` line as a message of its own. */
    private stepLineOpen = false;
    private readonly vertexes = new Map<string, VertexState>();
    private readonly stepDigests = new Set<string>();

    constructor(
        private readonly builder: BuilderKind,
        private readonly emit: (e: BuildEvent) => void,
    ) {}

    /** One parsed JSON message of the build stream. */
    push(msg: unknown): void {
        if (!msg || typeof msg !== 'object') {
            return;
        }
        const m = msg as { id?: unknown; aux?: unknown; stream?: unknown; error?: unknown; errorDetail?: { message?: unknown } };
        if (m.id === 'moby.buildkit.trace' && typeof m.aux === 'string') {
            this.sawBuildkit = true;
            try {
                this.status(m.aux);
            } catch {
                // a status we cannot decode is only progress; the result still comes as JSON
            }
            return;
        }
        const auxId = (m.aux as { ID?: unknown } | undefined)?.ID;
        if (typeof auxId === 'string') {
            this.imageId = auxId;
            return;
        }
        if (typeof m.error === 'string') {
            const detail = m.errorDetail?.message;
            this.failure = typeof detail === 'string' && detail ? detail : m.error;
            this.failedAt ??= this.builder === 'legacy' ? this.current : undefined;
            return;
        }
        if (typeof m.stream !== 'string') {
            return;
        }
        const closesStep = this.stepLineOpen && m.stream === '\n';
        this.stepLineOpen = false;
        if (closesStep) {
            return;
        }
        const step = this.builder === 'legacy' ? LEGACY_STEP.exec(m.stream) : undefined;
        if (step) {
            this.current = { builder: 'legacy', step: Number(step[1]), total: Number(step[2]), text: step[3].trim() };
            this.steps = this.current.total;
            this.emit({ kind: 'step', ...this.current });
            // as the engine wrote it: `Step 2/4 : …` (Docker), `STEP 2/4: …` (Podman)
            this.emit({ kind: 'output', text: m.stream.endsWith('\n') ? m.stream : `${m.stream}\n` });
            this.stepLineOpen = !m.stream.endsWith('\n');
            return;
        }
        // `Successfully built 1a2b3c…` is how the legacy builder (and Podman) name the image
        const built = /^Successfully built ([0-9a-f]{12,64})\s*$/m.exec(m.stream)?.[1];
        if (built && !this.imageId) {
            this.imageId = built;
        }
        this.emit({ kind: 'output', text: m.stream });
    }

    private status(aux: string): void {
        const s = decodeStatusResponse(aux);
        for (const v of s.vertexes) {
            this.vertex(v);
        }
        for (const st of s.statuses) {
            const v = this.vertexes.get(st.vertex);
            if (v && st.completed !== undefined && !v.statusesDone.has(st.id)) {
                v.statusesDone.add(st.id);
                this.emit({ kind: 'output', text: `#${v.n} ${st.id}${st.total ? ` ${st.current}/${st.total}` : ''} done\n` });
            }
        }
        for (const l of s.logs) {
            const v = this.vertexes.get(l.vertex);
            if (!v) {
                continue;
            }
            const at = v.started !== undefined && l.timestamp !== undefined ? `${((l.timestamp - v.started) / 1000).toFixed(3)} ` : '';
            const lines = l.msg.replace(/\r?\n$/, '').split(/\r?\n/);
            this.emit({ kind: 'output', text: lines.map((line) => `#${v.n} ${at}${line}\n`).join('') });
        }
        for (const w of s.warnings) {
            this.emit({ kind: 'output', text: `WARNING: ${w.short}${w.line ? ` (line ${w.line})` : ''}\n` });
        }
    }

    private vertex(v: BkVertex): void {
        let st = this.vertexes.get(v.digest);
        if (!st) {
            st = { n: this.vertexes.size + 1, name: v.name, announced: false, cached: false, done: false, statusesDone: new Set() };
            this.vertexes.set(v.digest, st);
        }
        if (!st.announced && (v.started !== undefined || v.cached)) {
            st.announced = true;
            st.started = v.started;
            this.emit({ kind: 'output', text: `#${st.n} ${v.name}\n` });
            const ref = parseBuildkitStep(v.name);
            if (ref && !this.stepDigests.has(v.digest)) {
                this.stepDigests.add(v.digest);
                this.steps = this.stepDigests.size;
                this.emit({ kind: 'step', ...ref, cached: v.cached || undefined });
            }
        }
        if (v.cached && !st.cached) {
            st.cached = true;
            this.emit({ kind: 'output', text: `#${st.n} CACHED\n` });
        }
        if (v.error && !st.done) {
            st.done = true;
            this.emit({ kind: 'output', text: `#${st.n} ERROR: ${v.error}\n` });
            const ref = parseBuildkitStep(v.name);
            // the first step that failed is the one to show; later ones are cancelled siblings
            if (ref && !this.failedAt) {
                this.failedAt = ref;
            }
            this.failure ??= v.error;
        } else if (v.completed !== undefined && !st.done) {
            st.done = true;
            if (!st.cached) {
                const secs = st.started !== undefined ? (v.completed - st.started) / 1000 : 0;
                this.emit({ kind: 'output', text: `#${st.n} DONE ${secs.toFixed(1)}s\n` });
            }
        }
    }
}
