/**
 * Inspected details for tree tooltips (a container's host PID and limits, an image's platform),
 * without making the first hover wait for an inspect (~1 s on a busy engine): the tooltip shows what
 * the list already knows at once, with the details when they are known or arrive within a short
 * budget; otherwise the inspect goes on, its answer is kept, and the row is refreshed so VS Code
 * resolves it again — the next hover has everything at once. One inspect per row version.
 * No `vscode` import (unit-tested).
 */

interface Entry<T> {
    readonly version: string;
    value?: T;
    failed?: boolean;
    pending?: Promise<void>;
}

export class TooltipDetails<T> {
    private readonly entries = new Map<string, Entry<T>>();

    constructor(
        /** Called with the id when details arrived after the budget (refresh that row). */
        private readonly arrived: (id: string) => void,
        /** How long a hover may wait for the details before showing what the list knows. */
        private readonly budgetMs = 100,
        private readonly maxEntries = 500,
    ) {}

    /**
     * The details of `id` at `version` (e.g. the row's state): at once when known; fetched otherwise,
     * waiting at most the budget. Undefined: not (yet) known, or the fetch failed.
     */
    async get(id: string, version: string, fetch: () => Promise<T>): Promise<T | undefined> {
        let e = this.entries.get(id);
        if (!e || e.version !== version) {
            e = { version };
            this.entries.delete(id);
            this.entries.set(id, e);
            this.trim();
            const entry = e;
            let late = false;
            entry.pending = fetch().then(
                (v) => {
                    entry.value = v;
                    if (late && this.entries.get(id) === entry) {
                        this.arrived(id);
                    }
                },
                () => {
                    entry.failed = true;
                },
            );
            const inTime = await Promise.race([entry.pending.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), this.budgetMs))]);
            late = !inTime;
            return entry.value;
        }
        return e.value;
    }

    /** Is a fetch for `id` still under way? */
    pending(id: string): boolean {
        const e = this.entries.get(id);
        return !!e && e.value === undefined && !e.failed;
    }

    private trim(): void {
        while (this.entries.size > this.maxEntries) {
            const oldest = this.entries.keys().next().value as string;
            this.entries.delete(oldest);
        }
    }
}
