/**
 * What activation registers before the rest of the extension is loaded (src/extension.ts is a shell):
 * a tree view, a webview serializer or a provider whose real implementation comes from `dist/main.js`
 * and is bound when that bundle loads. Each one loads the bundle itself on its first real use.
 */
import vscode = require('vscode');

type Changed<T> = T | T[] | undefined | null | void;

/** A tree view created at activation; its data provider is bound when dist/main.js loads. */
export class DeferredTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
    private target: vscode.TreeDataProvider<T> | undefined;
    private readonly changed = new vscode.EventEmitter<Changed<T>>();
    readonly onDidChangeTreeData = this.changed.event;
    readonly view: vscode.TreeView<T>;
    private readonly subscriptions: vscode.Disposable[] = [this.changed];

    constructor(id: string, options: Omit<vscode.TreeViewOptions<T>, 'treeDataProvider'>, private readonly load: () => void) {
        this.view = vscode.window.createTreeView(id, { ...options, treeDataProvider: this });
        // a view shown before anything asked for its data: the workbench will ask next
        this.subscriptions.push(this.view, this.view.onDidChangeVisibility((e) => e.visible && this.loaded()));
    }

    /** The extension did not load: the view says why (in text) and shows no rows. */
    unbind(message: string): void {
        this.target = undefined;
        this.view.message = message;
        this.changed.fire();
    }

    private loaded(): vscode.TreeDataProvider<T> | undefined {
        try {
            return this.provider;
        } catch {
            return undefined; // the load failure is said by the loader and in view.message
        }
    }

    /** Called once by dist/main.js with the real provider; returns the view the provider fills. */
    bind(provider: vscode.TreeDataProvider<T>): vscode.TreeView<T> {
        this.target = provider;
        const sub = provider.onDidChangeTreeData?.((e) => this.changed.fire(e));
        if (sub) {
            this.subscriptions.push(sub);
        }
        return this.view;
    }

    /** The bound provider (for the benchmark, which reads the tree behind the view). */
    get inner(): vscode.TreeDataProvider<T> | undefined {
        return this.target;
    }

    private get provider(): vscode.TreeDataProvider<T> {
        if (!this.target) {
            this.load();
        }
        if (!this.target) {
            throw new Error(`no data provider was bound to the view ${this.view.title ?? ''}`);
        }
        return this.target;
    }

    getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
        return this.provider.getTreeItem(element);
    }
    getChildren(element?: T): vscode.ProviderResult<T[]> {
        const p = this.loaded();
        return p ? p.getChildren(element) : [];
    }
    getParent(element: T): vscode.ProviderResult<T> {
        return this.loaded()?.getParent?.(element);
    }
    resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
        const p = this.loaded();
        return p?.resolveTreeItem ? p.resolveTreeItem(item, element, token) : item;
    }

    dispose(): void {
        this.subscriptions.forEach((d) => d.dispose());
    }
}

/** A webview serializer registered at activation (VS Code asks for it then); the panels bind theirs later. */
export class DeferredSerializer implements vscode.WebviewPanelSerializer {
    private target: vscode.WebviewPanelSerializer | undefined;

    constructor(private readonly load: () => void) {}

    bind(serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
        this.target = serializer;
        return { dispose: () => (this.target = undefined) };
    }

    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        try {
            if (!this.target) {
                this.load();
            }
        } catch {
            // the load failure is said by the loader
        }
        if (!this.target) {
            panel.dispose(); // nothing can fill it: no blank panel
            return;
        }
        await this.target.deserializeWebviewPanel(panel, state);
    }
}

/** What dist/main.js gets for each deferred registration. */
export interface TreeSlot<T> {
    bind(provider: vscode.TreeDataProvider<T>): vscode.TreeView<T>;
}
export interface SerializerSlot {
    bind(serializer: vscode.WebviewPanelSerializer): vscode.Disposable;
}
