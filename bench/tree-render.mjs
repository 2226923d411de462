// The workbench's side of a tree view, for the benchmarks: what VS Code asks a provider for.

/** Asks a provider for what VS Code re-renders after onDidChangeTreeData(element). */
export async function render(provider, element) {
    const out = { items: 0, bytes: 0 };
    const walk = async (el) => {
        for (const child of (await provider.getChildren(el)) ?? []) {
            const item = await provider.getTreeItem(child);
            out.items++;
            out.bytes += JSON.stringify({ id: item.id, label: item.label, description: item.description, tooltip: typeof item.tooltip === 'string' ? item.tooltip : undefined, contextValue: item.contextValue, icon: item.iconPath?.id }).length;
            if (item.collapsibleState === 2) {
                await walk(child);
            }
        }
    };
    if (element === undefined) {
        await walk(undefined);
    } else {
        const item = await provider.getTreeItem(element);
        out.items++;
        out.bytes += JSON.stringify({ id: item.id, label: item.label, description: item.description }).length;
        if (item.collapsibleState === 2) {
            await walk(element);
        }
    }
    return out;
}
