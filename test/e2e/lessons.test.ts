/**
 * The lessons as a learner meets them: open one from the Lessons view or the command palette, press
 * its button inside the panel (a webview: `iframe.webview` → `#active-frame`), and watch the real
 * engine answer. Also the panel in a light and a dark theme, and the whole thing in Korean.
 */
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { LESSON_LABEL } from '../../src/lessons/evidence';
import { LESSONS } from '../../src/lessons/catalog';
import { closeWorkbench, currentWorkbench, docker, E2EServer, openWorkbench, session, skipOrFail, waitUntil, Workbench } from './harness';

const title = (id: string, locale: 'en' | 'ko' = 'en') => {
    const l = LESSONS.find((x) => x.id === id);
    if (!l) {
        throw new Error(`no lesson ${id}`);
    }
    return l.title[locale];
};
const numbered = (id: string, locale: 'en' | 'ko' = 'en') => `${LESSONS.findIndex((l) => l.id === id) + 1}. ${title(id, locale)}`;

/** The text of a demo's area in the lesson page. */
async function areaText(frame: Frame, demo: string): Promise<string> {
    return frame.locator(`[data-demo="${demo}"]`).innerText({ timeout: 2_000 });
}

/** The state words of a demo's steps, in order. */
async function stepStates(frame: Frame, demo: string): Promise<string[]> {
    return frame.locator(`[data-demo="${demo}"] .steps .step .step-head .state-word`).allInnerTexts();
}

/** Presses a demo's button (by its label) inside the lesson page. */
async function press(frame: Frame, demo: string, label: string | RegExp): Promise<void> {
    const button = frame.locator(`[data-demo="${demo}"] button`).filter({ hasText: label }).first();
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await waitUntil(`the button ${String(label)} of ${demo} to be enabled`, () => button.isEnabled(), 20_000);
    await button.click();
}

/** Waits until the demo's steps are all finished (each "done" or "skipped"); fails on "failed". */
async function waitForSteps(frame: Frame, demo: string, finished: readonly string[], count: number | undefined, timeoutMs: number): Promise<string[]> {
    return waitUntil(
        async () => `${demo} should finish its steps; it shows ${JSON.stringify((await areaText(frame, demo).catch(() => '')).slice(0, 1200))}`,
        async () => {
            const states = await stepStates(frame, demo);
            if (states.some((s) => s === 'failed' || s === '실패')) {
                throw new Error(`a step failed: ${await areaText(frame, demo)}`);
            }
            return states.length > 0 && (count === undefined || states.length === count) && states.every((s) => finished.includes(s)) ? states : undefined;
        },
        timeoutMs,
    );
}

async function removeLessonContainers(): Promise<void> {
    const list = await docker().listContainers({ all: true, filters: { label: [LESSON_LABEL] } });
    for (const c of list) {
        await docker()
            .getContainer(c.Id)
            .remove({ force: true })
            .catch(() => undefined);
    }
}

suite('Docker Lessons lessons (e2e)', () => {
    let wb: Workbench;

    suiteSetup(async function () {
        if (!session().dockerHost) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to show.');
            return;
        }
        wb = await openWorkbench();
        // editors (and lesson panels) come back from earlier tabs on this workspace: start clean
        await wb.closeAllEditors();
        await wb.openViewContainer('Docker Lessons');
        // the lesson titles readable, most of the width for the lesson
        await wb.setSidebarWidth(420);
    });

    suiteTeardown(async () => {
        await wb?.close();
        await closeWorkbench();
        if (session().dockerHost) {
            await removeLessonContainers();
        }
    });

    teardown(async function () {
        if (this.currentTest?.state === 'failed') {
            await currentWorkbench()
                ?.screenshot(`failed-${this.currentTest.title}`)
                .catch(() => undefined);
        }
    });

    test('lesson 3 from the Lessons view: "Run it" lights four steps and prints the greeting', async function () {
        this.timeout(120_000);
        const row = await wb.waitForRow('Lessons', numbered('hello-world'));
        await row.click();
        const frame = await wb.webview(title('hello-world'));
        await frame.locator('[data-demo="hello.flow"] .steps').waitFor({ state: 'visible', timeout: 20_000 });
        await press(frame, 'hello.flow', /^Run it$/);
        await waitUntil(
            async () => `the greeting in the output; the area shows ${JSON.stringify((await areaText(frame, 'hello.flow').catch(() => '')).slice(0, 1200))}`,
            async () => (await areaText(frame, 'hello.flow')).includes('Hello from Docker!'),
            60_000,
        );
        const states = await waitForSteps(frame, 'hello.flow', ['done', 'skipped'], 4, 30_000);
        assert.deepStrictEqual(states.length, 4);
        // the image is already on the engine, so step 2 (the pull) is skipped, as the CLI does
        assert.strictEqual(states[1], 'skipped');
        await wb.expectNoErrorToast(500);
        await wb.mouseAway();
        await wb.screenshot('lesson-hello-world');
    });

    test('the lesson panel follows the color theme (light and dark)', async function () {
        this.timeout(90_000);
        const wasDark = await wb.page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') ?? false);
        // lesson 3 is still open from the test before; open it again if it is not
        await wb.pick('Docker Lessons: Open Lesson…', numbered('hello-world'));
        let frame = await wb.webview(title('hello-world'));
        const background = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const luminance = (rgb: string) => {
            const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };

        await wb.pick('Preferences: Color Theme', 'Light Modern');
        await waitUntil('the workbench to turn light', () => wb.page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs') ?? false));
        frame = await wb.webview(title('hello-world'));
        await waitUntil(async () => `a light page background, got ${await background()}`, async () => luminance(await background()) > 180, 10_000);
        await wb.mouseAway();
        await wb.screenshot('lesson-hello-world-light');

        await wb.pick('Preferences: Color Theme', 'Dark Modern');
        await waitUntil('the workbench to turn dark', () => wb.page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') ?? false));
        frame = await wb.webview(title('hello-world'));
        await waitUntil(async () => `a dark page background, got ${await background()}`, async () => luminance(await background()) < 80, 10_000);
        await wb.mouseAway();
        await wb.screenshot('lesson-hello-world-dark');

        // leave the theme as it was for the tests after this one
        if (!wasDark) {
            await wb.pick('Preferences: Color Theme', 'Light Modern');
        }
    });

    // Each other lesson from the command palette; some press their demo's button first.
    const demos: Record<string, { demo: string; button: RegExp; wait: (frame: Frame) => Promise<unknown> } | undefined> = {
        'why-docker': {
            demo: 'why.sameEverywhere',
            button: /^Run it$/,
            wait: (frame) => waitForSteps(frame, 'why.sameEverywhere', ['done', 'skipped'], undefined, 60_000),
        },
        'containers-vs-vms': {
            demo: 'vm.sharedKernel',
            button: /^Start the demo$/,
            wait: (frame) => waitForSteps(frame, 'vm.sharedKernel', ['done', 'skipped'], undefined, 60_000),
        },
        cgroups: {
            demo: 'cgroups.oom',
            button: /^Run the OOM demo$/,
            wait: async (frame) => {
                await waitForSteps(frame, 'cgroups.oom', ['done', 'skipped'], undefined, 90_000);
                await waitUntil(
                    async () => `exit code 137 in the OOM demo; it shows ${JSON.stringify((await areaText(frame, 'cgroups.oom')).slice(0, 1200))}`,
                    async () => /\b137\b/.test(await areaText(frame, 'cgroups.oom')),
                    10_000,
                );
            },
        },
        namespaces: {
            demo: 'ns.insideOutside',
            button: /^Start the demo$/,
            wait: (frame) => waitForSteps(frame, 'ns.insideOutside', ['done', 'skipped'], undefined, 60_000),
        },
    };
    for (const lesson of LESSONS.filter((l) => l.id !== 'hello-world')) {
        test(`"${lesson.title.en}" opens from "Docker Lessons: Open Lesson…"`, async function () {
            this.timeout(150_000);
            await wb.closeAllEditors();
            await wb.pick('Docker Lessons: Open Lesson…', numbered(lesson.id));
            const frame = await wb.webview(lesson.title.en);
            await frame.locator('.live-view').first().waitFor({ state: 'visible', timeout: 20_000 });
            const d = demos[lesson.id];
            if (d) {
                await press(frame, d.demo, d.button);
                await d.wait(frame);
                // the finished page from its top, where the demo is
                await frame.locator(`[data-demo="${d.demo}"]`).scrollIntoViewIfNeeded();
            } else {
                // image vs container: its live view lists the engine's images
                await waitUntil(
                    async () => `the live view to list an image; the page shows ${JSON.stringify((await frame.locator('body').innerText()).slice(0, 800))}`,
                    async () => /busybox|hello-world/.test(await frame.locator('.live-view').first().innerText()),
                    20_000,
                );
                await frame.locator('[data-demo]').first().scrollIntoViewIfNeeded();
            }
            await wb.expectNoErrorToast(500);
            await wb.mouseAway();
            await wb.screenshot(`lesson-${lesson.id}`);
        });
    }

    suite('in Korean', () => {
        let server: E2EServer | undefined;
        let ko: Workbench;

        suiteSetup(async function () {
            this.timeout(120_000);
            server = await session().startServer({ locale: 'ko' });
            ko = await openWorkbench({ server });
            await ko.openViewContainer('Docker Lessons');
            await ko.setSidebarWidth(420);
        });

        suiteTeardown(async () => {
            await ko?.close();
            await server?.stop();
        });

        test('the views and a lesson speak Korean', async function () {
            this.timeout(120_000);
            // view names come from package.nls.ko.json, rows from the extension's l10n
            await ko.waitForRow('이미지', 'hello-world:latest');
            await ko.waitForRow('레슨', numbered('why-docker', 'ko'));
            const lessonRow = await ko.waitForRow('레슨', numbered('hello-world', 'ko'));
            await ko.mouseAway();
            await ko.screenshot('sidebar-ko');

            await lessonRow.click();
            const frame = await ko.webview(title('hello-world', 'ko'));
            await press(frame, 'hello.flow', /^실행하기$/);
            await waitUntil(
                async () => `the greeting; the area shows ${JSON.stringify((await areaText(frame, 'hello.flow').catch(() => '')).slice(0, 1200))}`,
                async () => (await areaText(frame, 'hello.flow')).includes('Hello from Docker!'),
                60_000,
            );
            const states = await waitForSteps(frame, 'hello.flow', ['완료', '건너뜀'], 4, 30_000);
            assert.strictEqual(states.length, 4);
            assert.strictEqual(await frame.evaluate(() => document.documentElement.lang), 'ko');
            await ko.mouseAway();
            await ko.screenshot('lesson-hello-world-ko');
        });
    });
});
