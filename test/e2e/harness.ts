/**
 * End-to-end helpers: drive the real VS Code workbench (code-server) in Chromium like a person does.
 *
 * scripts/e2e.mjs starts code-server and the browser once, puts the session on `globalThis.__dlE2E`
 * and runs the `*.test.js` files here with mocha (tdd ui) on plain Node. A test then does:
 *
 *     const wb = await openWorkbench();           // a fresh tab with the extension loaded
 *     await wb.openViewContainer('Docker Lessons');
 *     await wb.waitForRow('Images', 'hello-world');
 *     await runCommand('Docker Lessons: Refresh'); // F1, type, Enter
 *     await screenshot('sidebar');                 // test-results/screenshots/sidebar.png
 *
 * Selectors follow VS Code 1.100's DOM: `.monaco-workbench`, activity-bar tabs, `.pane` with a
 * `.pane-header`, tree rows `.monaco-list-row`, `.quick-input-widget`, `.notification-toast`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** What scripts/e2e.mjs provides. */
export interface E2ESession {
    /** http://127.0.0.1:PORT */
    readonly url: string;
    readonly port: number;
    /** The repository (loaded as the development extension). */
    readonly root: string;
    /** The folder the workbench opens. */
    readonly workspace: string;
    readonly context: BrowserContext;
    readonly screenshotsDir: string;
    /** Whether the extension host has a Docker engine (DOCKER_HOST). */
    readonly dockerHost?: string;
    /** URL of the workbench with `extensionPath` loaded as a development extension. */
    workbenchUrl(opts: { workspace?: string; extensionPath?: string }): string;
    log(line: string): void;
    /** Why tests were skipped (the runner reports them as skipReason). */
    readonly skipReasons: string[];
}

export function session(): E2ESession {
    const s = (globalThis as { __dlE2E?: E2ESession }).__dlE2E;
    if (!s) {
        throw new Error('no e2e session: run these tests with `node scripts/e2e.mjs`');
    }
    return s;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Workbench {
    /** Browser console errors and page errors seen so far (useful in assertion messages). */
    readonly consoleErrors: string[] = [];

    private constructor(readonly page: Page) {
        page.on('console', (m) => {
            if (m.type() === 'error') {
                this.consoleErrors.push(m.text());
            }
        });
        page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
    }

    /** Opens a new tab on the workbench with the extension loaded and waits until it is usable. */
    static async open(opts: { workspace?: string; timeoutMs?: number; activityItem?: string } = {}): Promise<Workbench> {
        const s = session();
        const timeout = opts.timeoutMs ?? 60_000;
        const page = await s.context.newPage();
        const wb = new Workbench(page);
        const t = Date.now();
        await page.goto(s.workbenchUrl({ workspace: opts.workspace, extensionPath: s.root }), { waitUntil: 'domcontentloaded' });
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
        s.log(`workbench visible after ${Date.now() - t} ms`);
        await wb.activityItem(opts.activityItem ?? 'Docker Lessons').waitFor({ state: 'visible', timeout });
        s.log(`activity-bar item visible after ${Date.now() - t} ms`);
        return wb;
    }

    /** The activity-bar tab whose label starts with `title`. */
    activityItem(title: string): Locator {
        return this.page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${escapeRe(title)}`) });
    }

    /** Shows a view container (clicking it only when it is not already shown: a click toggles). */
    async openViewContainer(title: string): Promise<void> {
        const item = this.activityItem(title);
        await item.waitFor({ state: 'visible' });
        if ((await item.getAttribute('aria-selected')) !== 'true') {
            await item.click();
            // Move the pointer off the activity bar so its hover doesn't cover screenshots.
            const size = this.page.viewportSize();
            await this.page.mouse.move((size?.width ?? 800) - 5, (size?.height ?? 600) / 2);
        }
        await this.page.locator('.part.sidebar').waitFor({ state: 'visible' });
    }

    /** The view pane titled `name` (e.g. "Images") in the side bar. */
    view(name: string): Locator {
        return this.page
            .locator('.part.sidebar .pane')
            .filter({ has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRe(name)}$`, 'i') }) });
    }

    /** Tree rows of a view. */
    rows(viewName: string): Locator {
        return this.view(viewName).locator('.monaco-list-row');
    }

    /** Waits for a row containing `text` in the view, and returns it. */
    async waitForRow(viewName: string, text: string | RegExp, timeoutMs = 20_000): Promise<Locator> {
        const row = this.rows(viewName).filter({ hasText: text }).first();
        try {
            await row.waitFor({ state: 'visible', timeout: timeoutMs });
        } catch (e) {
            const seen = await this.rows(viewName).allInnerTexts().catch(() => []);
            const msg = await this.view(viewName).locator('.pane-body').innerText().catch(() => '');
            throw new Error(`no row "${String(text)}" in view ${viewName} after ${timeoutMs} ms; rows: ${JSON.stringify(seen)}; view text: ${JSON.stringify(msg.slice(0, 400))}`, { cause: e });
        }
        return row;
    }

    /**
     * Runs a command from the command palette by its title (F1, type, Enter). Retries until the
     * command is the palette's first match: an extension's commands appear only once it is loaded.
     */
    async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
        const widget = this.page.locator('.quick-input-widget');
        const input = widget.locator('input');
        const first = widget.locator('.monaco-list-row.focused').filter({ hasText: title });
        const deadline = Date.now() + timeoutMs;
        let shown: string[] = [];
        for (;;) {
            await this.page.keyboard.press('F1');
            await input.waitFor({ state: 'visible', timeout: Math.max(1_000, deadline - Date.now()) });
            await this.page.keyboard.type(title);
            try {
                await first.waitFor({ state: 'visible', timeout: 2_000 });
                break;
            } catch {
                shown = await widget.locator('.monaco-list-row').allInnerTexts().catch(() => []);
                await this.page.keyboard.press('Escape');
                await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
            }
            if (Date.now() > deadline) {
                throw new Error(`command "${title}" did not become the first match in the command palette within ${timeoutMs} ms; shown: ${JSON.stringify(shown.slice(0, 5).map((t) => t.split('\n')[0]))}`);
            }
            await this.page.waitForTimeout(500);
        }
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: 5_000 });
    }

    /** Texts of the notification toasts currently shown (`severity` 'error' keeps only errors). */
    async toasts(severity?: 'error' | 'warning' | 'info'): Promise<string[]> {
        let toasts = this.page.locator('.notification-toast');
        if (severity) {
            toasts = toasts.filter({ has: this.page.locator(`.notification-list-item-icon.codicon-${severity}`) });
        }
        return toasts.allInnerTexts();
    }

    /** Fails if an error notification shows up within `forMs`. */
    async expectNoErrorToast(forMs = 3_000): Promise<void> {
        const deadline = Date.now() + forMs;
        for (;;) {
            const errors = await this.toasts('error');
            if (errors.length) {
                throw new Error(`error notification shown: ${errors.map((t) => JSON.stringify(t)).join(', ')}`);
            }
            if (Date.now() >= deadline) {
                return;
            }
            await this.page.waitForTimeout(200);
        }
    }

    /** Saves test-results/screenshots/<name>.png and returns its path. */
    async screenshot(name: string): Promise<string> {
        const s = session();
        fs.mkdirSync(s.screenshotsDir, { recursive: true });
        const file = path.join(s.screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
        await this.page.screenshot({ path: file });
        s.log(`screenshot ${path.relative(s.root, file)}`);
        return file;
    }

    async close(): Promise<void> {
        await this.page.close().catch(() => undefined);
    }
}

let current: Workbench | undefined;

/** Opens a workbench tab and makes it the one `runCommand`/`screenshot` act on. */
export async function openWorkbench(opts?: Parameters<typeof Workbench.open>[0]): Promise<Workbench> {
    current = await Workbench.open(opts);
    return current;
}

function workbench(): Workbench {
    if (!current) {
        throw new Error('no workbench open: call openWorkbench() first');
    }
    return current;
}

export function runCommand(title: string, timeoutMs?: number): Promise<void> {
    return workbench().runCommand(title, timeoutMs);
}

export function screenshot(name: string): Promise<string> {
    return workbench().screenshot(name);
}

/** The workbench `openWorkbench` opened last, if any (e.g. for a screenshot after a failure). */
export function currentWorkbench(): Workbench | undefined {
    return current;
}

export async function closeWorkbench(): Promise<void> {
    await current?.close();
    current = undefined;
}

/** In CI nothing may be skipped: a missing prerequisite is a failure there. */
export function skipOrFail(ctx: Mocha.Context, reason: string): void {
    if (process.env.CI === 'true') {
        throw new Error(`cannot run in CI: ${reason}`);
    }
    const s = session();
    s.log(`skipped: ${reason}`);
    if (!s.skipReasons.includes(reason)) {
        s.skipReasons.push(reason);
    }
    ctx.skip();
}
