/**
 * A minimal event emitter with VS Code's `Event` shape (`event(listener)` returns a disposable), so
 * the model and its owner need no `vscode` import and VS Code code can subscribe as usual.
 */
export interface IDisposable {
    dispose(): void;
}

export type Listener<T> = (value: T) => void;

export class Emitter<T> implements IDisposable {
    private readonly listeners = new Set<Listener<T>>();

    readonly event = (listener: Listener<T>): IDisposable => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    };

    fire(value: T): void {
        for (const l of [...this.listeners]) {
            try {
                l(value);
            } catch {
                // one listener's failure does not stop the others
            }
        }
    }

    dispose(): void {
        this.listeners.clear();
    }
}
