/**
 * Entry of `dist/dockerfile-language-worker.js`: the language service on a worker thread, for
 * Dockerfiles too big to handle on the extension host. It keeps the last text of each document, so
 * requests on a version it has need no text: `{ id, key, version, text?, req }` in,
 * `{ id, result }`, `{ id, stale: true }` (send the text) or `{ id, error }` out.
 */
import { parentPort } from 'worker_threads';
import { languageRequest, LanguageRequest } from './language';

export interface LanguageWorkerRequest {
    readonly id: number;
    readonly key: string;
    readonly version: number;
    /** The text in pieces, joined here by line breaks; absent when the worker has this version. */
    readonly chunks?: readonly string[];
    readonly req?: LanguageRequest;
    /** The document closed: forget its text. */
    readonly forget?: boolean;
}

const texts = new Map<string, { version: number; text: string }>();

parentPort?.on('message', (m: LanguageWorkerRequest) => {
    if (m.forget) {
        texts.delete(m.key);
        return;
    }
    if (m.chunks) {
        texts.set(m.key, { version: m.version, text: m.chunks.join('\n') });
    }
    const doc = texts.get(m.key);
    if (!doc || doc.version !== m.version || !m.req) {
        parentPort?.postMessage({ id: m.id, stale: true });
        return;
    }
    languageRequest(doc.text, m.key, m.req).then(
        (result) => parentPort?.postMessage({ id: m.id, result }),
        (e: unknown) => parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
    );
});
