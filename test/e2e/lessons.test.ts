/**
 * The lessons as a learner meets them: with the sample Dockerfile open, each lesson opens from the
 * command palette beside it (a second editor group), its demo is pressed inside the panel (a
 * webview: `iframe.webview` → `#active-frame`) and the real engine answers. Every lesson panel is
 * kept in a light theme, in a dark theme and in Korean (test-results/screenshots/lesson-<id>-{light,
 * dark,ko}.png). The cgroups lesson shows a limited container's live usage moving and the kernel's
 * OOM kill.
 */
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { LESSON_LABEL } from '../../src/lessons/evidence';
import { LESSONS } from '../../src/lessons/catalog';
import { afterFailedTest, closeWorkbench, docker, E2EServer, openWorkbench, session, skipOrFail, waitUntil, Workbench } from './harness';

type Locale = 'en' | 'ko';

const title = (id: string, locale: Locale = 'en') => {
    const l = LESSONS.find((x) => x.id === id);
    if (!l) {
        throw new Error(`no lesson ${id}`);
    }
    return l.title[locale];
};
const numbered = (id: string, locale: Locale = 'en') => `${LESSONS.findIndex((l) => l.id === id) + 1}. ${title(id, locale)}`;
const exactly = (s: string) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

const DONE = { en: ['done', 'skipped'], ko: ['완료', '건너뜀'] } as const;

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

/** The rows of a demo's tables, each as its cells' texts (header cell first). */
async function tableRows(frame: Frame, demo: string, caption?: RegExp): Promise<string[][]> {
    return frame.locator(`[data-demo="${demo}"] table.data`).evaluateAll(
        (tables, c) =>
            tables
                .filter((t) => !c || new RegExp(c).test(t.querySelector('caption')?.textContent ?? ''))
                .flatMap((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim()))),
        caption?.source,
    );
}

/**
 * Scrolls the page to a demo: its section at the top, unless that would cut `target` (a part of
 * the section, e.g. its facts) off at the bottom; then as far down as shows all of `target`.
 */
async function showDemo(frame: Frame, demo: string, target?: string): Promise<void> {
    await frame.locator(`[data-demo="${demo}"]`).evaluate((section, t) => {
        const margin = 12;
        const top = section.getBoundingClientRect().top + window.scrollY - margin;
        const part = t ? [...section.querySelectorAll(t)].pop() : undefined;
        const bottom = part ? part.getBoundingClientRect().bottom + window.scrollY + margin : top;
        window.scrollTo(0, Math.max(top, bottom - window.innerHeight));
    }, target);
    // (a section shorter than the window keeps its top at the top)
}

/**
 * Leaves nothing hovered for a screenshot. The pointer passes over the Dockerfile editor and out to
 * the title bar, so the editor sees it leave and fades its scrollbars (it keeps them shown when the
 * editor opened under a resting pointer that then only moved over a webview), then rests in a corner.
 */
async function quiet(wb: Workbench): Promise<void> {
    const shown = wb.page.locator('.part.editor .monaco-editor .scrollbar.visible');
    const size = wb.page.viewportSize();
    let faded = false;
    for (let i = 0; i < 3 && (await shown.count()); i++) {
        const editor = await wb.editorGroups().first().locator('.monaco-editor').first().boundingBox();
        if (!editor) {
            break;
        }
        await wb.page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2, { steps: 3 });
        await wb.page.waitForTimeout(100);
        await wb.page.mouse.move((size?.width ?? 1400) * 0.8, 16, { steps: 3 });
        await waitUntil('the scrollbars to fade', async () => (await shown.count()) === 0, 2_000, 100).catch(() => undefined);
        faded = true;
    }
    await wb.mouseAway();
    if (faded) {
        await wb.page.waitForTimeout(900); // the fade is an 800 ms transition
    }
}

/** The page's background luminance (0 black … 255 white). */
async function backgroundLuminance(frame: Frame): Promise<number> {
    const rgb = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
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

/**
 * Makes the sample Dockerfile the active editor (Quick Open the first time, then its tab in the left
 * group), opens the lesson from the command palette, and checks it opened beside the Dockerfile:
 * two editor groups, the Dockerfile on the left, the lesson on the right. Returns the lesson page.
 */
async function openBesideDockerfile(wb: Workbench, id: string, locale: Locale): Promise<Frame> {
    const groups = wb.editorGroups();
    const dockerfileTab = wb.editorTab('Dockerfile', groups.first());
    if (await dockerfileTab.count()) {
        await dockerfileTab.first().click();
    } else {
        await wb.quickOpen('Dockerfile');
    }
    await waitUntil(
        async () => `the Dockerfile to be the active editor; active tabs: ${JSON.stringify(await wb.page.locator('.part.editor .editor-group-container.active .tab.active').allInnerTexts())}`,
        async () => /^\s*Dockerfile/.test(await wb.page.locator('.part.editor .editor-group-container.active .tab.active').innerText({ timeout: 1_000 })),
        10_000,
    );
    await wb.pick(locale === 'ko' ? 'Docker Lessons: 레슨 열기…' : 'Docker Lessons: Open Lesson…', numbered(id, locale));
    const frame = await wb.webview(exactly(title(id, locale)));
    await waitUntil(async () => `two editor groups, there are ${await groups.count()}`, async () => (await groups.count()) === 2, 10_000);
    const [left, right] = await Promise.all([groups.nth(0).boundingBox(), groups.nth(1).boundingBox()]);
    assert.ok(left && right && left.x + left.width <= right.x + 2 && left.width > 200 && right.width > 200, `side by side: ${JSON.stringify({ left, right })}`);
    assert.ok(await wb.editorTab('Dockerfile', groups.nth(0)).count(), 'the Dockerfile is in the left group');
    if (left.width > 560) {
        // most of the width for the lesson; the Dockerfile stays readable beside it
        await wb.setFirstEditorGroupWidth(520);
    }
    await waitUntil(
        async () => `the lesson "${title(id, locale)}" to be the active tab of the right group; it shows ${JSON.stringify(await groups.nth(1).locator('.tab.active').allInnerTexts())}`,
        async () => (await wb.editorTab(title(id, locale), groups.nth(1)).and(wb.page.locator('.tab.active')).count()) === 1,
        10_000,
    );
    assert.strictEqual(await wb.editorTab(title(id, locale), groups.nth(0)).count(), 0, 'the lesson is not in the Dockerfile group');
    return frame;
}

/** Each lesson's demo: how to run it, how to know it finished, and what part to show. */
interface LessonDemo {
    readonly demo: string;
    /** What the screenshot shows: the demo's section, and the part that must not be cut off. */
    readonly show: { readonly demo: string; readonly target?: string };
    readonly button?: { readonly en: RegExp; readonly ko: RegExp };
    finished(frame: Frame, locale: Locale): Promise<unknown>;
}

const DEMOS: Record<string, LessonDemo> = {
    'why-docker': {
        demo: 'why.sameEverywhere',
        show: { demo: 'why.sameEverywhere', target: 'section.conclusion' },
        button: { en: /^Run it$/, ko: /^실행하기$/ },
        finished: (frame, locale) => waitForSteps(frame, 'why.sameEverywhere', DONE[locale], undefined, 60_000),
    },
    'image-vs-container': {
        demo: 'ivc.explore',
        show: { demo: 'ivc.explore', target: '.live-tables' },
        // no button to press: it lists an image's layers as soon as it opens
        finished: (frame) =>
            waitUntil(
                async () => `the layers table; the area shows ${JSON.stringify((await areaText(frame, 'ivc.explore').catch(() => '')).slice(0, 800))}`,
                async () => (await tableRows(frame, 'ivc.explore', /^History of|의 히스토리/)).length > 0,
                20_000,
            ),
    },
    'hello-world': {
        demo: 'hello.flow',
        // the lit steps
        show: { demo: 'hello.flow', target: '.steps' },
        button: { en: /^Run it$/, ko: /^실행하기$/ },
        finished: async (frame, locale) => {
            await waitUntil(
                async () => `the greeting in the output; the area shows ${JSON.stringify((await areaText(frame, 'hello.flow').catch(() => '')).slice(0, 1200))}`,
                async () => (await areaText(frame, 'hello.flow')).includes('Hello from Docker!'),
                60_000,
            );
            const states = await waitForSteps(frame, 'hello.flow', DONE[locale], 4, 30_000);
            // the image is already on the engine, so step 2 (the pull) is skipped, as the CLI does
            assert.strictEqual(states[1], DONE[locale][1]);
        },
    },
    'containers-vs-vms': {
        demo: 'vm.sharedKernel',
        show: { demo: 'vm.sharedKernel', target: 'section.conclusion' },
        button: { en: /^Start the demo$/, ko: /^데모 시작$/ },
        finished: (frame, locale) => waitForSteps(frame, 'vm.sharedKernel', DONE[locale], undefined, 60_000),
    },
    cgroups: {
        demo: 'cgroups.oom',
        // the kernel's verdict (the dark screenshot shows the limits and live usage instead)
        show: { demo: 'cgroups.oom', target: 'section.conclusion' },
        button: { en: /^Run the OOM demo$/, ko: /^OOM 데모 실행$/ },
        finished: async (frame, locale) => {
            await waitForSteps(frame, 'cgroups.oom', DONE[locale], 4, 90_000);
            const facts = await oomFacts(frame);
            assert.strictEqual(facts['Exit code'] ?? facts['종료 코드'], '137', `exit code 137: ${JSON.stringify(facts)}`);
            assert.strictEqual(facts['Killed for memory (OOMKilled)'] ?? facts['메모리 때문에 종료됨 (OOMKilled)'], 'true', `OOMKilled true: ${JSON.stringify(facts)}`);
        },
    },
    namespaces: {
        demo: 'ns.insideOutside',
        // inside and outside, side by side
        show: { demo: 'ns.insideOutside', target: '.live-tables' },
        button: { en: /^Start the demo$/, ko: /^데모 시작$/ },
        finished: (frame, locale) => waitForSteps(frame, 'ns.insideOutside', DONE[locale], undefined, 60_000),
    },
    'build-cache': {
        demo: 'build.cache',
        // each step in the three builds: cached or rebuilt, with its time
        show: { demo: 'build.cache', target: '.live-tables' },
        button: { en: /^Build the sample$/, ko: /^예제 빌드$/ },
        finished: (frame, locale) => waitForSteps(frame, 'build.cache', DONE[locale], undefined, 150_000),
    },
    ports: {
        demo: 'ports.publish',
        // what the fetches without and with -p showed
        show: { demo: 'ports.publish', target: 'section.conclusion' },
        button: { en: /^Start the demo$/, ko: /^데모 시작$/ },
        finished: (frame, locale) => waitForSteps(frame, 'ports.publish', DONE[locale], undefined, 90_000),
    },
    volumes: {
        demo: 'volumes.persist',
        show: { demo: 'volumes.persist', target: 'section.conclusion' },
        button: { en: /^Start the demo$/, ko: /^데모 시작$/ },
        finished: (frame, locale) => waitForSteps(frame, 'volumes.persist', DONE[locale], undefined, 90_000),
    },
    'image-names': {
        demo: 'names.anatomy',
        // the user's own image names, part by part
        show: { demo: 'names.anatomy', target: '.live-tables' },
        button: { en: /^Start the demo$/, ko: /^데모 시작$/ },
        finished: (frame, locale) => waitForSteps(frame, 'names.anatomy', DONE[locale], undefined, 60_000),
    },
    'container-lifecycle': {
        demo: 'lifecycle.states',
        show: { demo: 'lifecycle.states', target: 'section.conclusion' },
        button: { en: /^Run the lifecycle$/, ko: /^라이프사이클 실행$/ },
        finished: (frame, locale) => waitForSteps(frame, 'lifecycle.states', DONE[locale], undefined, 90_000),
    },
};

/** The OOM demo's facts, label → value. */
async function oomFacts(frame: Frame): Promise<Record<string, string>> {
    return frame.locator('[data-demo="cgroups.oom"] dl.facts .fact').evaluateAll((facts) =>
        Object.fromEntries(facts.map((f) => [(f.querySelector('.fact-label')?.textContent ?? '').trim(), (f.querySelector('.fact-value')?.textContent ?? '').trim()])),
    );
}

/** The limits table of the cgroups lesson: the live usage of CPU and memory. */
async function limitsUsage(frame: Frame): Promise<{ cpu: string; memory: string; pids: string }> {
    const rows = await tableRows(frame, 'cgroups.limits');
    const usage = (name: RegExp) => rows.find((r) => name.test(r[0]))?.[2] ?? '';
    return { cpu: usage(/^CPU$/), memory: usage(/^(Memory|메모리)$/), pids: usage(/^(Processes|프로세스)$/) };
}

const percent = (cell: string) => (/^\d+(\.\d+)? %$/.test(cell) ? Number.parseFloat(cell) : NaN);

/** Presses the demo's button (if any), waits for it to finish, and scrolls the page to it. */
async function runDemo(frame: Frame, id: string, locale: Locale): Promise<void> {
    const d = DEMOS[id];
    await frame.locator(`[data-demo="${d.demo}"] .live-view`).waitFor({ state: 'visible', timeout: 20_000 });
    if (d.button) {
        await press(frame, d.demo, d.button[locale]);
    }
    await d.finished(frame, locale);
    if (d.button) {
        // a finished run ends with its findings, the state of each said in words
        const found = frame.locator(`[data-demo="${d.demo}"] section.conclusion`);
        await found.waitFor({ state: 'visible', timeout: 20_000 });
        const heading = await found.locator('.conclusion-heading').innerText();
        assert.match(heading, locale === 'ko' ? /^이번 실행에서 확인한 것/ : /^What this run showed/, heading);
        assert.match(heading, locale === 'ko' ? /모두 예상대로였습니다/ : /every check held/, `${d.demo}: ${await found.innerText()}`);
    }
    await showDemo(frame, d.show.demo, d.show.target);
}

suite('Docker Lessons lessons (e2e)', () => {
    let wb: Workbench;
    /** The lessons whose light screenshot was taken (their panels are open, in the right group). */
    const opened: string[] = [];
    /** The CPU usage the cgroups lesson showed, as read by the test (reported in the log). */
    const cpuReadings: number[] = [];

    suiteSetup(async function () {
        if (!session().dockerHost) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to show.');
            return;
        }
        this.timeout(90_000);
        await removeLessonContainers();
        wb = await openWorkbench();
        // editors (and lesson panels) come back from earlier tabs on this workspace: start clean
        await wb.closeAllEditors();
        await wb.setTheme('Light Modern');
        // room for the Dockerfile and the lesson side by side, as one does to read both
        await wb.closePrimarySideBar();
    });

    suiteTeardown(async function () {
        this.timeout(60_000);
        if (wb) {
            // the next suites expect the light theme, the side bar and no open lesson
            await wb.setTheme('Light Modern').catch((e: unknown) => session().log(`could not restore the light theme: ${String(e)}`));
            await wb.closeAllEditors().catch(() => undefined);
            await wb.openViewContainer('Docker Lessons').catch(() => undefined);
            await wb.close();
        }
        await closeWorkbench();
        if (session().dockerHost) {
            await removeLessonContainers();
        }
        if (cpuReadings.length) {
            session().log(`cgroups lesson: CPU usage read ${cpuReadings.map((v) => `${v} %`).join(', ')}`);
        }
    });

    teardown(async function () {
        // a failed test may leave a dialog or a quick pick open
        await afterFailedTest(this, true);
    });

    for (const lesson of LESSONS) {
        test(`"${lesson.title.en}" opens beside the Dockerfile and its demo runs (light theme)`, async function () {
            this.timeout(150_000);
            const frame = await openBesideDockerfile(wb, lesson.id, 'en');
            opened.push(lesson.id);
            await runDemo(frame, lesson.id, 'en');
            if (lesson.id === 'cgroups') {
                await checkLimitedContainer(frame);
                await showDemo(frame, DEMOS.cgroups.show.demo, DEMOS.cgroups.show.target);
            }
            if (lesson.id === 'image-vs-container') {
                await checkWholeWords(frame, 'ivc.explore');
            }
            assert.ok((await backgroundLuminance(frame)) > 180, 'a light page');
            await wb.expectNoErrorToast(500);
            await quiet(wb);
            await wb.screenshot(`lesson-${lesson.id}-light`);
        });
    }

    /**
     * Beside the Dockerfile (a narrow panel), the history table's headings and short values each sit
     * on one line ("Size", not "Siz / e") although an instruction beside them is long: measured in
     * Chromium as the line boxes of each cell's text.
     */
    async function checkWholeWords(frame: Frame, demo: string): Promise<void> {
        const cells = await frame.locator(`[data-demo="${demo}"] table.data`).evaluateAll((tables) =>
            tables.flatMap((t) =>
                [...t.querySelectorAll('thead th, tbody .one-line, tbody td, tbody th')].map((c) => {
                    const range = document.createRange();
                    range.selectNodeContents(c);
                    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                    return { text: (c.textContent ?? '').trim(), lines: tops.size, head: c.parentElement?.parentElement?.tagName === 'THEAD', short: c.classList.contains('one-line'), width: Math.round(c.getBoundingClientRect().width) };
                }),
            ),
        );
        const longest = Math.max(...cells.map((c) => c.text.length));
        session().log(`image-vs-container tables: ${cells.length} cells, the longest ${longest} characters; headings ${JSON.stringify(cells.filter((c) => c.head).map((c) => `${c.text}:${c.lines} line(s), ${c.width}px`))}`);
        assert.ok(longest > 40, `a long instruction is there to squeeze the other columns (longest cell ${longest} characters)`);
        const broken = cells.filter((c) => (c.head || c.short) && c.lines !== 1);
        assert.deepEqual(broken, [], 'every heading and short value sits on one line');
        const size = cells.find((c) => c.head && c.text === 'Size');
        assert.ok(size, 'the history table has a Size column');
    }

    /**
     * "Start a limited container": the limits table shows its live usage, read twice at least 2 s
     * apart; both readings are numbers, busy but held at the limit of half a CPU, and they move.
     */
    async function checkLimitedContainer(frame: Frame): Promise<void> {
        await press(frame, 'cgroups.limits', /^Start a limited container$/);
        const first = await waitUntil(
            async () => `a CPU usage in the limits table; it shows ${JSON.stringify(await tableRows(frame, 'cgroups.limits').catch(() => []))}`,
            async () => {
                const u = await limitsUsage(frame);
                return percent(u.cpu) > 0 ? { ...u, at: Date.now() } : undefined;
            },
            30_000,
        );
        await frame.waitForTimeout(2_000);
        // a second reading; if it says exactly the same, read again (the stream updates every second)
        const second = await waitUntil(
            async () => `the CPU usage to move from ${first.cpu}; it shows ${JSON.stringify(await limitsUsage(frame).catch(() => undefined))}`,
            async () => {
                const u = await limitsUsage(frame);
                return u.cpu !== first.cpu || u.memory !== first.memory ? { ...u, at: Date.now() } : undefined;
            },
            10_000,
            300,
        );
        const values = [percent(first.cpu), percent(second.cpu)];
        cpuReadings.push(...values);
        session().log(`cgroups lesson: CPU ${first.cpu} then ${second.cpu} (${second.at - first.at} ms apart); memory ${first.memory} then ${second.memory}; processes ${second.pids}`);
        assert.ok(second.at - first.at >= 2_000, 'the readings are at least 2 s apart');
        for (const v of values) {
            assert.ok(Number.isFinite(v), `the CPU usage is a number: ${JSON.stringify([first.cpu, second.cpu])}`);
            // a busy loop held to 0.5 CPU: clearly busy, and not above the limit (plus sampling noise)
            assert.ok(v > 20 && v <= 60, `the CPU usage ${v} % should be busy but held at about 50 %`);
        }
        for (const m of [first.memory, second.memory]) {
            assert.match(m, / \/ 64 MiB$/, 'the memory usage is out of the 64 MiB limit');
        }
    }

    test('every lesson panel in a dark theme', async function () {
        this.timeout(150_000);
        assert.deepStrictEqual(opened, LESSONS.map((l) => l.id), 'the light pass opened every lesson');
        await wb.setTheme('Dark Modern');
        const right = wb.editorGroups().nth(1);
        for (const lesson of LESSONS) {
            // the panel was hidden behind another tab: showing it again reloads its page, and the
            // extension sends back what each demo showed
            await wb.editorTab(lesson.title.en, right).first().click();
            const frame = await wb.webview(exactly(lesson.title.en));
            await waitUntil(async () => `a dark page background, luminance ${await backgroundLuminance(frame)}`, async () => (await backgroundLuminance(frame)) < 80, 10_000);
            const d = DEMOS[lesson.id];
            await d.finished(frame, 'en');
            if (lesson.id === 'cgroups') {
                // the stats stream pauses while the panel is hidden and resumes when it is shown
                const seen: string[] = [];
                await waitUntil(
                    async () => `a busy CPU usage again; it showed ${JSON.stringify(seen)}`,
                    async () => {
                        const u = await limitsUsage(frame);
                        if (seen[seen.length - 1] !== u.cpu) {
                            seen.push(u.cpu);
                        }
                        return percent(u.cpu) > 20;
                    },
                    15_000,
                    100,
                );
                session().log(`cgroups lesson shown again: CPU usage went ${seen.join(' → ')}`);
                // the limits next to the live usage, and the start of the OOM demo below
                await showDemo(frame, 'cgroups.limits', '.live-tables');
            } else {
                await showDemo(frame, d.show.demo, d.show.target);
            }
            await quiet(wb);
            await wb.screenshot(`lesson-${lesson.id}-dark`);
        }
    });

    test('the limited container is stopped and removed from the cgroups lesson, after a question', async function () {
        this.timeout(60_000);
        const ours = await docker().listContainers({ filters: { label: [`${LESSON_LABEL}=cgroups`] } });
        assert.strictEqual(ours.length, 1, `one running container of the cgroups lesson: ${JSON.stringify(ours.map((c) => c.Names))}`);
        const id = ours[0].Id;
        await wb.editorTab(title('cgroups'), wb.editorGroups().nth(1)).first().click();
        const frame = await wb.webview(exactly(title('cgroups')));
        await press(frame, 'cgroups.limits', /^Stop and remove the demo container$/);
        const dialog = wb.dialog();
        await dialog.waitFor({ state: 'visible', timeout: 10_000 });
        const text = await dialog.innerText();
        assert.match(text, /Stop and remove the demo container/, `dialog text: ${JSON.stringify(text)}`);
        await wb.dialogButton('Stop and Remove').click();
        await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
        await waitUntil(
            'the limited container to be gone from the engine',
            async () =>
                docker()
                    .getContainer(id)
                    .inspect()
                    .then(
                        () => false,
                        (e: { statusCode?: number }) => e.statusCode === 404,
                    ),
            20_000,
        );
        // the panel offers to start one again (enabled), and no longer to stop it
        const start = frame.locator('[data-demo="cgroups.limits"] button:not([disabled])').filter({ hasText: /^Start a limited container$/ });
        await start.waitFor({ state: 'visible', timeout: 10_000 });
        assert.strictEqual(await frame.locator('[data-demo="cgroups.limits"] button').filter({ hasText: /^Stop and remove/ }).count(), 0);
        await wb.expectNoErrorToast(500);
    });

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

        test('the views speak Korean', async function () {
            // view names come from package.nls.ko.json, rows from the extension's l10n
            await ko.waitForRow('이미지', 'hello-world:latest');
            for (const l of LESSONS) {
                await ko.waitForRow('레슨', numbered(l.id, 'ko'));
            }
            await ko.mouseAway();
            await ko.screenshot('sidebar-ko');
            await ko.closePrimarySideBar();
        });

        for (const lesson of LESSONS) {
            test(`"${lesson.title.ko}" opens beside the Dockerfile in Korean`, async function () {
                this.timeout(120_000);
                const frame = await openBesideDockerfile(ko, lesson.id, 'ko');
                assert.strictEqual((await frame.locator('h1').innerText()).trim(), lesson.title.ko);
                assert.strictEqual(await frame.evaluate(() => document.documentElement.lang), 'ko');
                if (lesson.id === 'hello-world') {
                    await runDemo(frame, lesson.id, 'ko');
                }
                await ko.expectNoErrorToast(500);
                await quiet(ko);
                await ko.screenshot(`lesson-${lesson.id}-ko`);
            });
        }
    });
});
