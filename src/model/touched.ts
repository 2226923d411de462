/**
 * A Docker client that notes which containers its caller acts on, so the refresh owner can read
 * exactly those again afterwards (`RefreshManager.settle(ids)`) instead of listing everything or
 * waiting for events that may still be on the way. No `vscode` import.
 */
import type { DockerClient } from '../docker/types';

/** Methods whose first argument is a container id and that change that container. */
const ACTS_ON_CONTAINER = new Set(['startContainer', 'stopContainer', 'restartContainer', 'pauseContainer', 'unpauseContainer', 'killContainer', 'removeContainer', 'attachAndStart', 'waitContainer']);

export function noteTouched(client: DockerClient, touched: Set<string>): DockerClient {
    return new Proxy(client, {
        get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (typeof value !== 'function') {
                return value;
            }
            const name = String(prop);
            return (...args: unknown[]) => {
                if (ACTS_ON_CONTAINER.has(name) && typeof args[0] === 'string') {
                    touched.add(args[0]);
                }
                const result = (value as (...a: unknown[]) => unknown).apply(target, args);
                if (name === 'createContainer' && result instanceof Promise) {
                    return result.then((id: unknown) => {
                        if (typeof id === 'string') {
                            touched.add(id);
                        }
                        return id;
                    });
                }
                return result;
            };
        },
    });
}
