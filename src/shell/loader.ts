import vscode = require('vscode');
import type { Logger } from '../common/logger';
import type { Main } from '../main';

/**
 * dist/main.js, required and started once, on first use. A failure is said once (a notification,
 * the log), remembered and never retried: a second start would leave a second engine connection.
 */
export class MainLoader {
    private loaded: Main | undefined;
    private error: Error | undefined;

    constructor(
        private readonly file: string,
        private readonly log: Logger,
        private readonly start: (m: typeof import('../main')) => Main,
        private readonly onFailure: (message: string) => void,
    ) {}

    get isLoaded(): boolean {
        return this.loaded !== undefined;
    }
    get failure(): Error | undefined {
        return this.error;
    }

    /** `quiet`: the caller says the failure itself (a command reports its own error). */
    get(why: string, quiet = false): Main {
        if (this.loaded) {
            return this.loaded;
        }
        if (this.error) {
            throw this.error;
        }
        const t0 = performance.now();
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            this.loaded = this.start(require(this.file) as typeof import('../main'));
        } catch (e) {
            this.error = e instanceof Error ? e : new Error(String(e));
            this.log.error(this.error);
            this.onFailure(loadFailed(this.error));
            if (!quiet) {
                void vscode.window.showErrorMessage(loadFailed(this.error));
            }
            throw this.error;
        }
        this.log.info(`dist/main.js loaded and started in ${Math.round((performance.now() - t0) * 10) / 10} ms (first use: ${why})`);
        return this.loaded;
    }

    /** Like get(), for work nobody asked for directly: a failure was already said. */
    tryGet(why: string): Main | undefined {
        try {
            return this.get(why);
        } catch {
            return undefined;
        }
    }
}

export function loadFailed(e: Error): string {
    return vscode.l10n.t('Docker Lessons could not load its extension code ({0}). Reinstalling the extension may help; details are in its log.', e.message);
}
