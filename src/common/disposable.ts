import vscode = require('vscode');

/** A base class that owns disposables and releases them together. */
export abstract class Disposable implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private disposed = false;

    protected register<T extends vscode.Disposable>(d: T): T {
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
