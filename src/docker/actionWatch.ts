/**
 * Tells when the extension itself changes a container through the client (start, stop, remove…), so
 * the refresh owner can expect that container's event on the events stream. No `vscode` import.
 */
import { DockerClient } from './types';

export type ActionPhase = 'start' | 'done' | 'failed';
export type ActionListener = (id: string, phase: ActionPhase) => void;

const CONTAINER_ACTIONS = new Set<PropertyKey>(['startContainer', 'stopContainer', 'restartContainer', 'pauseContainer', 'unpauseContainer', 'killContainer', 'removeContainer']);

/** The same client, reporting each container action's start and end (the id or name it was given). */
export function watchActions(client: DockerClient, listener: ActionListener): DockerClient {
    return new Proxy(client, {
        get(target, prop) {
            const value = Reflect.get(target, prop, target) as unknown;
            if (typeof value !== 'function') {
                return value;
            }
            const fn = value as (...args: unknown[]) => unknown;
            if (CONTAINER_ACTIONS.has(prop)) {
                return async (id: string, ...rest: unknown[]) => {
                    listener(id, 'start');
                    try {
                        await fn.call(target, id, ...rest);
                    } catch (e) {
                        listener(id, 'failed');
                        throw e;
                    }
                    listener(id, 'done');
                };
            }
            if (prop === 'createContainer') {
                return async (...args: unknown[]) => {
                    const id = (await fn.apply(target, args)) as string;
                    // the create event may already have passed: "start" then "done" finds it among the recent ones
                    listener(id, 'start');
                    listener(id, 'done');
                    return id;
                };
            }
            return fn.bind(target);
        },
    });
}
