/**
 * Watches a local unix socket's folder while the engine is away, so a daemon that comes back (and
 * creates its socket again) is picked up at once instead of after the backoff (up to 30 s).
 * One inotify watch on the folder, only while reconnecting; none while the engine answers.
 * No `vscode` import.
 */
import fs = require('fs');
import path = require('path');

export interface SocketWatch {
    readonly socketPath: string;
    dispose(): void;
}

/** Calls `onChange` when the socket file is created, replaced or removed; `undefined` when the folder cannot be watched. */
export function watchSocket(socketPath: string, onChange: () => void): SocketWatch | undefined {
    const name = path.basename(socketPath);
    let watcher: fs.FSWatcher;
    try {
        watcher = fs.watch(path.dirname(socketPath), { persistent: false }, (_event, file) => {
            if (!file || file.toString() === name) {
                onChange();
            }
        });
    } catch {
        return undefined;
    }
    watcher.on('error', () => watcher.close());
    return { socketPath, dispose: () => watcher.close() };
}

/** At most one watch, on the socket asked for last; `watch(undefined)` or `dispose()` ends it. */
export class SocketWatcher {
    private current: SocketWatch | undefined;

    watch(socketPath: string | undefined, onChange: () => void): void {
        if (socketPath && this.current?.socketPath === socketPath) {
            return;
        }
        this.dispose();
        this.current = socketPath ? watchSocket(socketPath, onChange) : undefined;
    }

    dispose(): void {
        this.current?.dispose();
        this.current = undefined;
    }
}
