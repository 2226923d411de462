export interface IDisposable {
    dispose(): void;
}

/** A base class that owns disposables and releases them together (no `vscode` import: the model uses it too). */
export abstract class Disposable implements IDisposable {
    private readonly disposables: IDisposable[] = [];
    private disposed = false;

    protected register<T extends IDisposable>(d: T): T {
        if (this.disposed) {
            d.dispose();
        } else {
            this.disposables.push(d);
        }
        return d;
    }

    protected get isDisposed(): boolean {
        return this.disposed;
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        while (this.disposables.length) {
            try {
                this.disposables.pop()!.dispose();
            } catch {
                // keep releasing the rest
            }
        }
    }
}
