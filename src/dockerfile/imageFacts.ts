/**
 * What the engine knows about one image, for hovers and the explain panel, without ever listing the
 * engine: the live model when a view or lesson keeps it current; otherwise exactly the image asked
 * for (`GET /images/{ref}/json`), with a short timeout and a short-lived cache.
 */
import { Disposable } from '../common/disposable';
import { Engine } from '../docker/engine';
import { normalizeRef } from '../docker/imageRef';
import { ImageSummary } from '../docker/types';
import { RefreshManager } from '../model/refreshManager';

export type ImageFact =
    /** On the engine; `instances` is known only while the model is live. */
    | { readonly state: 'present'; readonly image: ImageSummary; readonly instances?: number }
    | { readonly state: 'absent' }
    /** The engine did not answer in time, or is not reachable. */
    | { readonly state: 'unknown' };

/** `hello-world` ↔ `hello-world:latest`, `docker.io/library/x` ↔ `x` (the one parser: docker/imageRef.ts). */
export { normalizeRef };

/** An image in a list by reference or id. */
export function findImage(images: Iterable<ImageSummary>, ref: string): ImageSummary | undefined {
    const want = normalizeRef(ref);
    for (const i of images) {
        if (i.id === ref || i.repoTags.some((t) => normalizeRef(t) === want)) {
            return i;
        }
    }
    return undefined;
}

export interface ImageFactsOptions {
    /** How long a hover may wait for the engine. */
    readonly timeoutMs?: number;
    /** How long an answer is reused. */
    readonly ttlMs?: number;
}

export class ImageFacts extends Disposable {
    private readonly cache = new Map<string, { at: number; fact: Promise<ImageFact> }>();
    private readonly timeoutMs: number;
    private readonly ttlMs: number;

    constructor(
        private readonly engine: Engine,
        private readonly refresh: RefreshManager,
        options: ImageFactsOptions = {},
    ) {
        super();
        this.timeoutMs = options.timeoutMs ?? 300;
        this.ttlMs = options.ttlMs ?? 10_000;
        this.register(refresh.onDidChange(() => this.cache.clear()));
    }

    /** True when the answer comes from the live model (no request at all). */
    get live(): boolean {
        return this.refresh.active && this.refresh.model.at > 0;
    }

    async lookup(ref: string): Promise<ImageFact> {
        if (this.live) {
            const image = findImage(this.refresh.model.images.values(), ref);
            return image ? { state: 'present', image, instances: this.refresh.model.instancesOf(image.id).length } : { state: 'absent' };
        }
        if (this.engine.state.state === 'unreachable') {
            return { state: 'unknown' };
        }
        const key = normalizeRef(ref);
        const hit = this.cache.get(key);
        if (hit && Date.now() - hit.at < this.ttlMs) {
            return hit.fact;
        }
        const fact = this.ask(ref);
        this.cache.set(key, { at: Date.now(), fact });
        return fact;
    }

    private async ask(ref: string): Promise<ImageFact> {
        const signal = AbortSignal.timeout(this.timeoutMs);
        try {
            const image = await this.engine.client().findImage(ref, signal);
            return image ? { state: 'present', image } : { state: 'absent' };
        } catch {
            // not reachable, or not in time: the hover says so instead of waiting
            this.cache.delete(normalizeRef(ref));
            return { state: 'unknown' };
        }
    }
}
