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
import Dockerode from 'dockerode';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';

/** Another code-server on the same engine (see `E2ESession.startServer`). */
export interface E2EServer {
    readonly url: string;
    readonly port: number;
    workbenchUrl(opts: { workspace?: string; extensionPath?: string }): string;
    stop(): Promise<void>;
}

/**
 * scripts/e2e-remote.mjs: the docker context `context` over SSH at `url`, and two over TLS (`tls`),
 * all in the extension host's HOME, `home`.
 */
export interface E2ERemoteEngines {
    readonly context: string;
    /** ssh://root@127.0.0.1:PORT */
    readonly url: string;
    readonly port: number;
    readonly home: string;
    readonly knownHosts: string;
    /** sshd's log (LogLevel VERBOSE: one "Accepted publickey" line per login). */
    readonly log: string;
    /** A TLS front (tcp://127.0.0.1:PORT) with a context verified by its CA and one with skip-tls-verify. */
    readonly tls: { readonly context: string; readonly noVerifyContext: string; readonly url: string };
}

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
    /** The docker contexts over SSH and TLS (in front of the engine) the extension host can choose, or why there are none. */
    readonly remote: E2ERemoteEngines | { readonly unavailable: string };
    /** The first code-server's settings.json files: User/, then Machine/ (where this remote window writes machine-scoped settings). */
    readonly settingsFiles: readonly string[];
    /** URL of the workbench with `extensionPath` loaded as a development extension. */
    workbenchUrl(opts: { workspace?: string; extensionPath?: string }): string;
    log(line: string): void;
    /** Why tests were skipped (the runner reports them as skipReason). */
    readonly skipReasons: string[];
    /**
     * Starts another code-server on the same engine; `locale` sets the display language (with
     * --locale and a translation-less language pack, so `vscode.env.language` becomes that language).
     */
    startServer(opts?: { locale?: string }): Promise<E2EServer>;
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
    static async open(opts: { workspace?: string; timeoutMs?: number; activityItem?: string; server?: E2EServer } = {}): Promise<Workbench> {
        const s = session();
        const timeout = opts.timeoutMs ?? 60_000;
        const page = await s.context.newPage();
        const wb = new Workbench(page);
        const t = Date.now();
        await page.goto((opts.server ?? s).workbenchUrl({ workspace: opts.workspace, extensionPath: s.root }), { waitUntil: 'domcontentloaded' });
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
        // (a container can be the selected one while the side bar is hidden, e.g. after Ctrl+B)
        const sidebar = this.page.locator('.part.sidebar');
        const shown = await sidebar.isVisible();
        if ((await item.getAttribute('aria-selected')) !== 'true' || !shown) {
            await item.click();
            // Move the pointer off the activity bar so its hover doesn't cover screenshots.
            const size = this.page.viewportSize();
            await this.page.mouse.move((size?.width ?? 800) - 5, (size?.height ?? 600) / 2);
            // a workbench still restoring its layout can switch back to the container it remembers: check, click again
            for (let i = 0; i < 10 && (await item.getAttribute('aria-selected')) !== 'true'; i++) {
                await this.page.waitForTimeout(300);
                if (i === 4) {
                    await item.click();
                }
            }
        }
        // an earlier suite may leave the side bar closed and empty (its state is kept with the user
        // data): a click on the selected item then shows nothing; open the side bar, then the container
        if (!(await sidebar.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) {
            await this.runCommand('View: Toggle Primary Side Bar Visibility');
            if ((await item.getAttribute('aria-selected')) !== 'true') {
                await item.click();
            }
        }
        await sidebar.waitFor({ state: 'visible' });
    }

    /** Hides the primary side bar for room (the command is only offered while it is shown). */
    async closePrimarySideBar(): Promise<void> {
        const sidebar = this.page.locator('.part.sidebar');
        if (await sidebar.isVisible()) {
            await this.runCommand('View: Close Primary Side Bar');
        }
        await sidebar.waitFor({ state: 'hidden', timeout: 5_000 });
    }

    /** The view pane titled `name` (e.g. "Images", shown as "Images (Docker Lessons)") in the side bar. */
    view(name: string): Locator {
        return this.page
            .locator('.part.sidebar .pane')
            .filter({ has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRe(name)}( \\(Docker Lessons\\))?$`, 'i') }) });
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
     * command shows up: an extension's commands appear only once it is loaded. When another command
     * ranks above it (e.g. "Preferences: Browse Color Themes in Marketplace" above "Preferences:
     * Color Theme"), the row whose label is exactly `title` is clicked instead.
     */
    async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
        const widget = this.page.locator('.quick-input-widget');
        const input = widget.locator('input');
        const first = widget.locator('.monaco-list-row.focused').filter({ hasText: title });
        const exact = widget.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }) });
        const deadline = Date.now() + timeoutMs;
        let shown: string[] = [];
        for (;;) {
            await this.page.keyboard.press('F1');
            await input.waitFor({ state: 'visible', timeout: Math.max(1_000, deadline - Date.now()) });
            await this.page.keyboard.type(title);
            const found = await waitUntil(
                'the command in the palette',
                async () => ((await first.isVisible()) ? 'first' : (await exact.first().isVisible()) ? 'exact' : undefined),
                2_000,
                100,
            ).catch(() => undefined);
            if (found === 'first') {
                await this.page.keyboard.press('Enter');
                break;
            }
            if (found === 'exact') {
                await exact.first().click();
                break;
            }
            shown = await widget.locator('.monaco-list-row').allInnerTexts().catch(() => []);
            await this.page.keyboard.press('Escape');
            await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
            if (Date.now() > deadline) {
                throw new Error(`command "${title}" did not show up in the command palette within ${timeoutMs} ms; shown: ${JSON.stringify(shown.slice(0, 5).map((t) => t.split('\n')[0]))}`);
            }
            await this.page.waitForTimeout(500);
        }
        // the palette closes; a command may open its own quick pick right away (no '>' in it)
        await waitUntil(
            `the command palette to close after "${title}"`,
            async () => !(await widget.isVisible()) || !(await input.inputValue().catch(() => '>')).startsWith('>'),
            5_000,
            100,
        );
    }

    /** Opens the row's context menu (right-click) and clicks the item labelled `item`. */
    async contextMenu(row: Locator, item: string, timeoutMs = 10_000): Promise<void> {
        const menuItem = this.page.locator('.context-view .monaco-menu .action-menu-item').filter({ hasText: new RegExp(`^\\s*${escapeRe(item)}`) });
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            await row.click({ button: 'right' });
            try {
                await menuItem.first().waitFor({ state: 'visible', timeout: 3_000 });
                break;
            } catch (e) {
                const shown = await this.page.locator('.context-view .monaco-menu .action-menu-item').allInnerTexts().catch(() => []);
                await this.page.keyboard.press('Escape');
                if (Date.now() > deadline) {
                    throw new Error(`no "${item}" in the context menu; it shows ${JSON.stringify(shown.map((t) => t.trim()))}`, { cause: e });
                }
                await this.page.waitForTimeout(500);
            }
        }
        // Like a hand: glide onto the item, rest, press, release. (Playwright's instant click right
        // after the menu opened is sometimes not taken by VS Code's menu.)
        await this.humanClick(menuItem.first());
        await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: 5_000 });
    }

    /** Clicks the middle of `target` the way a person does: move there, pause, press, release. */
    async humanClick(target: Locator): Promise<void> {
        await target.scrollIntoViewIfNeeded();
        const box = await target.boundingBox();
        if (!box) {
            throw new Error(`cannot click ${String(target)}: it has no box`);
        }
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        await this.page.waitForTimeout(150);
        await this.page.mouse.down();
        await this.page.waitForTimeout(60);
        await this.page.mouse.up();
    }

    /** The modal dialog (message box) shown now. */
    dialog(): Locator {
        return this.page.locator('.monaco-dialog-box');
    }

    /** A button of the modal dialog, by its label. */
    dialogButton(label: string): Locator {
        return this.dialog().locator('.dialog-buttons .monaco-button').filter({ hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) });
    }

    /**
     * The frame of the webview whose page has an `h1` matching `title` (a webview is an
     * `iframe.webview` whose page lives in a nested `#active-frame`). Waits until it is rendered.
     */
    async webview(title: string | RegExp, timeoutMs = 20_000): Promise<Frame> {
        const deadline = Date.now() + timeoutMs;
        const match = (t: string) => (typeof title === 'string' ? t.includes(title) : title.test(t));
        let seen: string[] = [];
        for (;;) {
            seen = [];
            for (const f of this.page.frames()) {
                if (f === this.page.mainFrame()) {
                    continue;
                }
                const h1 = await f
                    .evaluate(() => document.querySelector('h1')?.textContent ?? '')
                    .catch(() => '');
                if (h1) {
                    seen.push(h1);
                }
                if (h1 && match(h1)) {
                    return f;
                }
            }
            if (Date.now() > deadline) {
                throw new Error(`no webview with the title ${String(title)} within ${timeoutMs} ms; webviews show: ${JSON.stringify(seen)}`);
            }
            await this.page.waitForTimeout(250);
        }
    }

    /** Quick Open (Ctrl+P): types `name` and opens the first match. */
    async quickOpen(name: string, timeoutMs = 15_000): Promise<void> {
        const widget = this.page.locator('.quick-input-widget');
        const row = widget.locator('.monaco-list-row').filter({ hasText: name }).first();
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            await this.page.keyboard.press('Control+P');
            if (!(await widget.locator('input').waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) {
                // the key went nowhere (e.g. the workbench was still restoring its layout and had no focus):
                // give the editor area the focus, as a person would click into the window, and press again
                if (Date.now() > deadline) {
                    throw new Error(`Quick Open did not open on Ctrl+P within ${timeoutMs} ms`);
                }
                await this.page.locator('.part.editor').click({ position: { x: 60, y: 60 } }).catch(() => undefined);
                continue;
            }
            await this.page.keyboard.type(name);
            try {
                await row.waitFor({ state: 'visible', timeout: 3_000 });
                break;
            } catch (e) {
                await this.page.keyboard.press('Escape');
                if (Date.now() > deadline) {
                    throw new Error(`Quick Open found no "${name}" within ${timeoutMs} ms`, { cause: e });
                }
                await this.page.waitForTimeout(500);
            }
        }
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: 5_000 });
    }

    /**
     * Runs a command that opens a quick pick (e.g. "Preferences: Color Theme"), types `item` and
     * picks the first row matching it.
     */
    async pick(command: string, item: string | RegExp, timeoutMs = 15_000): Promise<void> {
        await this.runCommand(command, timeoutMs);
        const widget = this.page.locator('.quick-input-widget');
        await widget.locator('input').waitFor({ state: 'visible', timeout: 5_000 });
        if (typeof item === 'string') {
            await this.page.keyboard.type(item);
        }
        const row = widget.locator('.monaco-list-row').filter({ hasText: item }).first();
        try {
            await row.waitFor({ state: 'visible', timeout: 5_000 });
        } catch (e) {
            const shown = await widget.locator('.monaco-list-row').allInnerTexts().catch(() => []);
            await this.page.keyboard.press('Escape');
            throw new Error(`"${command}" offers no "${String(item)}"; it shows ${JSON.stringify(shown.slice(0, 10))}`, { cause: e });
        }
        // by keyboard when it is the highlighted row (no pointer left resting over the tabs)
        if ((await row.getAttribute('class'))?.split(/\s+/).includes('focused')) {
            await this.page.keyboard.press('Enter');
        } else {
            await row.click();
        }
        await widget.waitFor({ state: 'hidden', timeout: 5_000 });
    }

    /** Drags the side bar's edge (its sash) so the side bar is `width` pixels wide. */
    async setSidebarWidth(width: number): Promise<void> {
        await this.dragRightEdge(this.page.locator('.part.sidebar'), 'the side bar', width);
    }

    /** Drags the sash between the first two editor groups so the first is `width` pixels wide. */
    async setFirstEditorGroupWidth(width: number): Promise<void> {
        await this.dragRightEdge(this.editorGroups().first(), 'the first editor group', width);
    }

    /** Drags the vertical sash at the right edge of `part` until `part` is `width` pixels wide. */
    private async dragRightEdge(part: Locator, what: string, width: number): Promise<void> {
        const box = await part.boundingBox();
        if (!box) {
            throw new Error(`${what} is not shown`);
        }
        const edge = box.x + box.width;
        const sashes = this.page.locator('.monaco-sash.vertical');
        let handle: { x: number; y: number } | undefined;
        for (let i = 0; i < (await sashes.count()); i++) {
            const b = await sashes.nth(i).boundingBox();
            if (b && b.height > box.height / 2 && Math.abs(b.x + b.width / 2 - edge) <= 4) {
                handle = { x: b.x + b.width / 2, y: box.y + box.height / 2 };
                break;
            }
        }
        if (!handle) {
            throw new Error(`no sash at the edge of ${what} (x ${edge})`);
        }
        await this.page.mouse.move(handle.x, handle.y);
        await this.page.mouse.down();
        await this.page.mouse.move(box.x + width, handle.y, { steps: 10 });
        await this.page.mouse.up();
        // off the sash, and past its hover highlight
        await this.mouseAway();
        await this.page.waitForTimeout(600);
        await waitUntil(`${what} to take its new width`, async () => Math.abs(((await part.boundingBox())?.width ?? 0) - width) <= 4, 5_000);
    }

    /** The editor groups, left to right (top to bottom) in DOM order. */
    editorGroups(): Locator {
        return this.page.locator('.part.editor .editor-group-container');
    }

    /** The editor tabs whose label starts with `title` (in one group, or in all). */
    editorTab(title: string, group?: Locator): Locator {
        return (group ?? this.page.locator('.part.editor')).locator('.tab').filter({ hasText: new RegExp(`^\\s*${escapeRe(title)}`) });
    }

    /** The kind of color theme the workbench shows now. */
    async themeKind(): Promise<'light' | 'dark' | 'hc-dark' | 'hc-light' | 'other'> {
        return this.page.evaluate(() => {
            const c = document.querySelector('.monaco-workbench')?.classList;
            return c?.contains('hc-black') ? 'hc-dark' : c?.contains('hc-light') ? 'hc-light' : c?.contains('vs-dark') ? 'dark' : c?.contains('vs') ? 'light' : 'other';
        });
    }

    /** Switches the color theme with "Preferences: Color Theme" and waits until the workbench shows it. */
    async setTheme(theme: 'Light Modern' | 'Dark Modern' | 'Dark High Contrast' | 'Light High Contrast', command = 'Preferences: Color Theme'): Promise<void> {
        const kind = ({ 'Light Modern': 'light', 'Dark Modern': 'dark', 'Dark High Contrast': 'hc-dark', 'Light High Contrast': 'hc-light' } as const)[theme];
        await this.pick(command, theme);
        await waitUntil(`the workbench to turn ${kind}`, async () => (await this.themeKind()) === kind, 10_000);
    }

    /** Moves the pointer to a corner so that no hover covers a screenshot. */
    /** The editor's line that starts with `prefix` (the editor renders spaces as no-break spaces). */
    editorLine(prefix: string): Locator {
        return this.page.locator('.part.editor .monaco-editor .view-lines .view-line').filter({ hasText: new RegExp(`^${escapeRe(prefix).replace(/ /g, '\\s')}`) });
    }

    async mouseAway(): Promise<void> {
        const size = this.page.viewportSize();
        await this.page.mouse.move((size?.width ?? 800) - 5, (size?.height ?? 600) - 40);
        await this.page.waitForTimeout(300); // a hover that was showing fades out
    }

    /** Closes every editor (File: Close All Editors). */
    async closeAllEditors(): Promise<void> {
        await this.runCommand('View: Close All Editors');
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
/**
 * For a suite's `teardown`: when the test failed, a screenshot named after it, and (`escape`) an
 * Escape for a dialog, menu or quick pick it may have left open. Returns whether the test failed.
 */
export async function afterFailedTest(ctx: Mocha.Context, escape = false): Promise<boolean> {
    if (ctx.currentTest?.state !== 'failed') {
        return false;
    }
    const wb = currentWorkbench();
    // (a file name: the title's first 60 characters)
    await wb?.screenshot(`failed-${ctx.currentTest.title.slice(0, 60)}`).catch(() => undefined);
    if (escape) {
        await wb?.page.keyboard.press('Escape').catch(() => undefined);
    }
    return true;
}

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

/** Polls `check` until it returns a truthy value (returned) or fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string | (() => string | Promise<string>), check: () => Promise<T | undefined | false | null> | T | undefined | false | null, timeoutMs = 20_000, everyMs = 250): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const v = await check();
            if (v) {
                return v;
            }
        } catch (e) {
            lastError = e;
        }
        if (Date.now() > deadline) {
            const msg = typeof what === 'string' ? what : await what();
            throw new Error(`timed out after ${timeoutMs} ms: ${msg}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
        }
        await new Promise((r) => setTimeout(r, everyMs));
    }
}

let dockerClient: Dockerode | undefined;

/** dockerode on the tests' private engine (for setup, checks and cleanup in the test process). */
export function docker(): Dockerode {
    if (!dockerClient) {
        const host = session().dockerHost;
        if (!host?.startsWith('unix://')) {
            throw new Error(`the e2e tests expect a unix socket in DOCKER_HOST, got ${host}`);
        }
        dockerClient = new Dockerode({ socketPath: host.slice('unix://'.length) });
    }
    return dockerClient;
}
