/**
 * Small helpers for dockerodeClient.ts: a GET that honours the abort signal, and the check that a
 * list answer is a list. No `vscode` import.
 */
import Dockerode from 'dockerode';
import { DockerError } from './errors';
import { DockerEndpoint } from './types';

/**
 * A plain GET with the abort signal passed to the request itself: dockerode's image inspect and
 * history drop it, so their connections stayed open after our timeout until the engine answered.
 */
export function dialGet(docker: Dockerode, path: string, abortSignal: AbortSignal, notFound: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
        docker.modem.dial({ path, method: 'GET', abortSignal, statusCodes: { 200: true, 404: notFound, 500: 'server error' } } as Parameters<Dockerode['modem']['dial']>[0], (err: unknown, data: unknown) =>
            err ? reject(err) : resolve(data),
        );
    });
}

/**
 * A list answer must be a JSON array: anything else (not JSON, an object, megabytes of garbage) is
 * the engine failing, never an empty engine. docker-modem hands over the raw bytes when the body is
 * not JSON.
 */
export function requireList(endpoint: DockerEndpoint, request: string, raw: unknown): unknown[] {
    if (Array.isArray(raw)) {
        return raw;
    }
    const sample = replySample(raw);
    throw new DockerError('http', `Docker at ${endpoint.display} answered ${request} with something that is not a list: ${sample}`, {
        detail: 'notAList',
        reason: { id: 'notAList', endpoint: endpoint.display, request, sample },
    });
}

/** The start of a reply, bounded, with control and direction characters made visible, for a message. */
export function replySample(raw: unknown, max = 80): string {
    let text: string;
    if (Buffer.isBuffer(raw)) {
        text = raw.subarray(0, max * 4).toString('utf8');
    } else if (typeof raw === 'string') {
        text = raw.slice(0, max * 4);
    } else {
        text = JSON.stringify(raw) ?? String(raw);
    }
    // eslint-disable-next-line no-control-regex
    text = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
    if (!text.trim()) {
        return '(empty)';
    }
    return text.length > max ? `"${text.slice(0, max)}…"` : `"${text}"`;
}
