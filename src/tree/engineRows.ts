import vscode = require('vscode');
import { Disposable } from '../common/disposable';

/** A row that runs one of our commands (Retry, Show Logs, Settings) while the engine is unreachable. */
export class EngineActionRow {
    readonly kind = 'engineAction' as const;
    constructor(
        readonly id: string,
        readonly label: string,
        readonly icon: string,
        readonly command?: vscode.Command,
    ) {}
}

/**
 * The view's own rows around a provider's: while the engine is unreachable, the reason stays in the
 * view's message and these rows (its actions) sit under it. VS Code hides `viewsWelcome` content
 * whenever a `TreeView.message` is set, so welcome buttons could never show beside the reason.
 */
export class WithEngineRows<T extends object> extends Disposable implements vscode.TreeDataProvider<T | EngineActionRow> {
    private readonly changed = this.register(new vscode.EventEmitter<T | EngineActionRow | (T | EngineActionRow)[] | undefined>());
    readonly onDidChangeTreeData = this.changed.event;
    private rowsValue: readonly EngineActionRow[] = [];

    constructor(private readonly inner: vscode.TreeDataProvider<T>) {
        super();
        if (inner.onDidChangeTreeData) {
            this.register(inner.onDidChangeTreeData((e) => this.changed.fire(e ?? undefined)));
        }
    }

    get rows(): readonly EngineActionRow[] {
        return this.rowsValue;
    }

    setRows(rows: readonly EngineActionRow[]): void {
        const same = rows.length === this.rowsValue.length && rows.every((r, i) => r.id === this.rowsValue[i].id && r.label === this.rowsValue[i].label);
        if (!same) {
            this.rowsValue = rows;
            this.changed.fire(undefined);
        }
    }

    async getChildren(element?: T | EngineActionRow): Promise<(T | EngineActionRow)[]> {
        if (element instanceof EngineActionRow) {
            return [];
        }
        const inner = (await this.inner.getChildren(element)) ?? [];
        return element ? inner : [...this.rowsValue, ...inner];
    }

    getTreeItem(element: T | EngineActionRow): vscode.TreeItem | Thenable<vscode.TreeItem> {
        if (element instanceof EngineActionRow) {
            const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
            item.id = `engineAction:${element.id}`;
            item.iconPath = new vscode.ThemeIcon(element.icon);
            item.command = element.command;
            item.contextValue = 'engineAction';
            return item;
        }
        return this.inner.getTreeItem(element);
    }

    getParent(element: T | EngineActionRow): vscode.ProviderResult<T | EngineActionRow> {
        return element instanceof EngineActionRow ? undefined : this.inner.getParent?.(element);
    }

    resolveTreeItem(item: vscode.TreeItem, element: T | EngineActionRow, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
        if (element instanceof EngineActionRow || !this.inner.resolveTreeItem) {
            return item;
        }
        return this.inner.resolveTreeItem(item, element, token);
    }
}
