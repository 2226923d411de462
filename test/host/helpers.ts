/** Small helpers shared by the extension-host tests. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'docker-lessons.docker-lessons';

/** The API `activate` returns (src/extension.ts `DockerLessonsApi`; kept structural on purpose). */
export interface DockerLessonsApi {
    checkCommandTable(): string;
    readonly activationMs: number;
    engineState(): { state: string; endpoint?: string; error?: { kind: string; message: string } };
    snapshot(): { images: { label: string; id: string }[]; containers: { label: string; id: string; state: string }[] };
    whenIdle(): Promise<void>;
}

/** Logs a line and records it in the results file (see index.ts). */
export function note(line: string): void {
    console.log(`[host-tests] ${line}`);
    (globalThis as { __dlHostNotes?: string[] }).__dlHostNotes?.push(line);
}

export function extension(): vscode.Extension<DockerLessonsApi> {
    const ext = vscode.extensions.getExtension<DockerLessonsApi>(EXTENSION_ID);
    if (!ext) {
        throw new Error(`extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
    }
    return ext;
}

export async function activatedApi(): Promise<DockerLessonsApi> {
    const ext = extension();
    const api = ext.isActive ? ext.exports : await ext.activate();
    if (!api) {
        throw new Error(`${EXTENSION_ID} activated but returned no API`);
    }
    return api;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; then throws `what`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000, everyMs = 100): Promise<NonNullable<T>> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
        try {
            const v = await probe();
            if (v) {
                return v as NonNullable<T>;
            }
        } catch (e) {
            last = e;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
        }
        await new Promise((r) => setTimeout(r, everyMs));
    }
}

/** True when the run has a private Docker engine (DOCKER_HOST reaches the extension host). */
export function hasEngine(): boolean {
    return !!process.env.DOCKER_HOST;
}

/** In CI nothing may be skipped: a missing prerequisite is a failure there. */
export function skipOrFail(ctx: Mocha.Context, reason: string): void {
    if (process.env.CI === 'true') {
        throw new Error(`cannot run in CI: ${reason}`);
    }
    note(`skipped: ${reason}`);
    const reasons = (globalThis as { __dlHostSkipReasons?: string[] }).__dlHostSkipReasons;
    if (reasons && !reasons.includes(reason)) {
        reasons.push(reason);
    }
    ctx.skip();
}

/* ---------- shared by the explorer, Dockerfile and lesson suites ---------- */

/** What a live demo shows (src/protocol/panelProtocol.ts `LiveView`, kept structural). */
export interface LiveViewLike {
    demo: string;
    state: 'idle' | 'running' | 'done' | 'error' | 'unavailable';
    message?: string;
    next?: string;
    steps?: { n: number; title: string; state: string; detail?: string }[];
    facts?: { label: string; value: string; ok?: boolean; note?: string }[];
    tables?: { caption: string; columns: string[]; rows: string[][] }[];
    output?: string;
    choice?: { action: string; selected?: string; options: { value: string; label: string }[] };
    /** What the run showed, built from its results (src/protocol/panelProtocol.ts `ConclusionView`). */
    conclusion?: { heading: string; state: string; stateWord: string; points: { state: string; stateWord: string; text: string; why?: string }[] };
}

/** The explain panel's data (src/protocol/panelProtocol.ts `DockerfileView`, kept structural). */
export interface DockerfileViewLike {
    file: string;
    rows: { line: number; endLine: number; keyword: string; args: string; kind: 'layer' | 'metadata' | 'stage'; size?: string; stage: number }[];
    image?: { tag: string; size: string; id: string };
    build: { state: string; log: string; message?: string; errorLine?: number };
    /** What was left out of a file over the analysis limit, and why. */
    omitted?: string;
}

/** The whole test API (src/extension.ts `DockerLessonsApi`). */
export interface FullApi extends DockerLessonsApi {
    dockerfileView(uri: vscode.Uri): Promise<DockerfileViewLike | undefined>;
    dockerfilePanelColumn(uri: vscode.Uri): vscode.ViewColumn | undefined;
    lessons: {
        open(lessonId: string, select?: string): Promise<void>;
        openLessons(): readonly string[];
        liveViews(lessonId: string): Readonly<Record<string, LiveViewLike>>;
        act(lessonId: string, demo: string, action: string, arg?: string): Promise<void>;
        completed(): readonly string[];
    };
}

export async function fullApi(): Promise<FullApi> {
    return (await activatedApi()) as FullApi;
}

/** The socket path of DOCKER_HOST (`unix:///…/docker.sock`). */
export function dockerSocket(): string {
    const host = process.env.DOCKER_HOST ?? '';
    if (!host.startsWith('unix://')) {
        throw new Error(`these tests talk to the engine over a unix socket; DOCKER_HOST is ${JSON.stringify(host)}`);
    }
    return host.slice('unix://'.length);
}

/** dockerode on the same private engine, to change things outside the extension. */
export function dockerode(): import('dockerode') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Docker = require('dockerode') as typeof import('dockerode');
    return new Docker({ socketPath: dockerSocket() });
}

/** The text of hovers, with the escaping `MarkdownString.appendText` adds (`&nbsp;`, `\(`) undone. */
export function hoverText(h: vscode.Hover): string {
    return h.contents
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n')
        .replace(/&nbsp;/g, ' ')
        .replace(/\\([\\`*_{}[\]()#+\-.!~>:|])/g, '$1');
}

/** Our hovers always end with a link to a lesson (the command may run nothing else). */
export function isOurHover(h: vscode.Hover): boolean {
    return hoverText(h).includes('command:dockerLessons.openLesson');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A file in the workspace folder (the test host opens sample-workspace/). */
export function workspaceUri(...parts: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        throw new Error('no workspace folder is open (the host should open sample-workspace/)');
    }
    return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
    if (!sorted.length) {
        return NaN;
    }
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[i];
}

/** Resolves with the promise's value, or rejects after `ms` saying what did not finish. */
export async function within<T>(what: string, p: Thenable<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
        return await Promise.race([
            Promise.resolve(p),
            new Promise<never>((_r, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms))),
        ]);
    } finally {
        clearTimeout(timer);
    }
}

/**
 * Waits for a command to settle. An error notification is not modal, so a command should not wait
 * for it; when one does, this notes it, closes the notifications and waits again.
 */
export async function settleCommand<T>(what: string, p: Thenable<T>, graceMs = 3_000): Promise<{ value: T; blockedByNotification: boolean }> {
    let settled = false;
    const tracked = Promise.resolve(p).finally(() => (settled = true));
    tracked.catch(() => undefined);
    const t = Date.now();
    while (!settled && Date.now() - t < graceMs) {
        await sleep(50);
    }
    const blocked = !settled;
    if (blocked) {
        note(`BUG: ${what} did not settle within ${graceMs} ms: it waits for its (non-modal) error notification to be closed; closing notifications to go on`);
        for (let i = 0; i < 50 && !settled; i++) {
            await vscode.commands.executeCommand('notifications.clearAll');
            await sleep(200);
        }
    }
    return { value: await within(what, tracked, 10_000), blockedByNotification: blocked };
}
