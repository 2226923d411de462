/** Small helpers shared by the extension-host tests. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'docker-lessons.docker-lessons';

/** The API `activate` returns (src/extension.ts `DockerLessonsApi`; kept structural on purpose). */
export interface DockerLessonsApi {
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
