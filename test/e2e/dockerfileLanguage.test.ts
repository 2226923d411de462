/**
 * Dockerfile editing as a person meets it: the sample Dockerfile's `FROM busybox` carries a teaching
 * diagnostic (no tag) whose hover explains it and links to the lesson; typing a new line offers
 * completion from the language service. Screenshots: teaching-diagnostic, completion.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { afterFailedTest, closeWorkbench, openWorkbench, session, skipOrFail, waitUntil, Workbench } from './harness';

suite('Dockerfile language service (e2e)', () => {
    let wb: Workbench;

    suiteSetup(async function () {
        if (!session().dockerHost) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to show.');
            return;
        }
        wb = await openWorkbench();
    });

    suiteTeardown(async () => {
        await closeWorkbench();
    });

    teardown(async function () {
        await afterFailedTest(this);
    });

    const line = (prefix: string) => wb.editorLine(prefix);

    test('FROM busybox: a teaching diagnostic whose hover explains it and links to the lesson', async () => {
        await wb.openViewContainer('Explorer');
        await wb.quickOpen('Dockerfile');
        const from = line('FROM busybox');
        await from.waitFor({ state: 'visible', timeout: 15_000 });
        // the squiggle under the image name
        const squiggle = wb.page.locator('.part.editor .monaco-editor .squiggly-info, .part.editor .monaco-editor .squiggly-warning').first();
        await squiggle.waitFor({ state: 'attached', timeout: 20_000 });
        const box = await from.boundingBox();
        assert.ok(box, 'the FROM line has no box');
        const hover = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Without a tag' });
        await waitUntil(
            async () => `a hover saying "Without a tag"; hovers shown: ${JSON.stringify(await wb.page.locator('.monaco-hover').allInnerTexts())}`,
            async () => {
                await wb.page.mouse.move(box.x + 4, box.y + box.height * 4, { steps: 3 });
                await wb.page.waitForTimeout(200);
                // `busybox` starts after `FROM ` (5 characters of about 7–8 px)
                await wb.page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 5 });
                return hover
                    .first()
                    .waitFor({ state: 'visible', timeout: 2_500 })
                    .then(() => true)
                    .catch(() => false);
            },
            20_000,
            0,
        );
        const text = await hover.first().innerText();
        assert.match(text, /Docker Lessons/);
        assert.match(text, /unpinned-image/);
        await wb.page.waitForTimeout(300);
        await wb.screenshot('teaching-diagnostic');
        await wb.mouseAway();
    });

    test('typing a new instruction offers completion from the language service', async () => {
        // the workbench may save as we type: the sample file is put back as it was, whatever happens
        const file = path.join(session().root, 'sample-workspace', 'Dockerfile');
        const original = fs.readFileSync(file, 'utf8');
        try {
            await typeAndComplete();
        } finally {
            await wb.page.keyboard.press('Escape');
            await wb.runCommand('File: Revert File').catch(() => undefined);
            if (fs.readFileSync(file, 'utf8') !== original) {
                fs.writeFileSync(file, original);
            }
        }
        assert.strictEqual(fs.readFileSync(file, 'utf8'), original);
    });

    async function typeAndComplete(): Promise<void> {
        const cmd = line('CMD ["httpd"');
        await cmd.waitFor({ state: 'visible', timeout: 15_000 });
        await cmd.click();
        await wb.page.keyboard.press('End');
        await wb.page.keyboard.press('Enter');
        await wb.page.keyboard.type('WO', { delay: 80 });
        const suggest = wb.page.locator('.editor-widget.suggest-widget.visible');
        await waitUntil(
            'the suggest widget with WORKDIR',
            async () => {
                if (!(await suggest.isVisible())) {
                    await wb.page.keyboard.press('Control+Space');
                    await wb.page.waitForTimeout(500);
                }
                return /WORKDIR/.test(await suggest.innerText().catch(() => ''));
            },
            20_000,
            500,
        );
        await wb.page.waitForTimeout(300);
        await wb.screenshot('completion');
    }
});
