/**
 * The Dockerfile companion as a person meets it: open sample-workspace/Dockerfile with Quick Open,
 * hover an instruction for its teaching hover, then "Explain this Dockerfile" from the CodeLens opens
 * the explain panel beside the editor.
 */
import * as assert from 'assert';
import { afterFailedTest, closeWorkbench, openWorkbench, session, skipOrFail, waitUntil, Workbench } from './harness';

suite('Dockerfile companion (e2e)', () => {
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

    test('hovering RUN explains that it adds a filesystem layer', async () => {
        await wb.openViewContainer('Explorer');
        await wb.quickOpen('Dockerfile');
        const tab = wb.page.locator('.part.editor .tab').filter({ hasText: /^Dockerfile/ });
        await tab.first().waitFor({ state: 'visible', timeout: 15_000 });
        const runLine = line('RUN mkdir');
        await runLine.waitFor({ state: 'visible', timeout: 15_000 });
        // the extension's providers are registered once its CodeLens shows
        await wb.page.locator('.part.editor .codelens-decoration a').filter({ hasText: 'Explain this Dockerfile' }).first().waitFor({ state: 'visible', timeout: 20_000 });
        // the token RUN: the first span of the line's text
        const token = runLine.locator('span > span').filter({ hasText: /^RUN$/ }).first();
        // the token's box, else the line's (a line of an editor hidden behind another has none: wait for the shown one)
        let box: { x: number; y: number; width: number; height: number } | null = null;
        await waitUntil(
            'a box for RUN on the shown editor',
            async () => (box = ((await token.count()) ? await token.boundingBox() : null) ?? (await runLine.last().boundingBox())) !== null,
            10_000,
            250,
        );
        assert.ok(box, 'the RUN line has no box');
        const at = box as { x: number; y: number; width: number; height: number };
        const hover = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'adds a filesystem layer' });
        // a hover appears after the pointer rests on the word; if none came (e.g. asked too early),
        // leave the word and come back, as a person would
        await waitUntil(
            async () => `a hover saying "adds a filesystem layer"; hovers shown: ${JSON.stringify(await wb.page.locator('.monaco-hover').allInnerTexts())}`,
            async () => {
                await wb.page.mouse.move(at.x + 4, at.y + at.height * 4, { steps: 3 });
                await wb.page.waitForTimeout(200);
                await wb.page.mouse.move(at.x + Math.min(10, at.width / 2), at.y + at.height / 2, { steps: 5 });
                return hover
                    .first()
                    .waitFor({ state: 'visible', timeout: 2_500 })
                    .then(() => true)
                    .catch(() => false);
            },
            20_000,
            0,
        );
        await wb.page.waitForTimeout(300); // let the hover finish growing (layer sizes are added when known)
        await wb.screenshot('hover');
        await wb.mouseAway();
    });

    test('"Explain this Dockerfile" from the CodeLens opens the explanation beside the editor', async () => {
        // room for both: hide the side bar, as one does to read side by side
        // the Dockerfile the test before opened; opened here if that test failed before it could
        if (!(await wb.page.locator('.part.editor .tab').filter({ hasText: /^Dockerfile/ }).count())) {
            await wb.quickOpen('Dockerfile');
        }
        await wb.closePrimarySideBar();
        const lens = wb.page.locator('.part.editor .monaco-editor .codelens-decoration a').filter({ hasText: 'Explain this Dockerfile' });
        await lens.first().waitFor({ state: 'visible', timeout: 15_000 });
        await lens.first().click();
        const frame = await wb.webview(/Dockerfile/);
        await frame.locator('table.steps tr.row').first().waitFor({ state: 'visible', timeout: 15_000 });
        const rows = await frame.locator('table.steps tr.row').allInnerTexts();
        assert.ok(rows.some((r) => /^\s*5\s+RUN\b/.test(r)), `the RUN instruction of line 5 is listed: ${JSON.stringify(rows)}`);
        // two editor groups: the Dockerfile on the left, the explanation on the right
        const groups = wb.page.locator('.part.editor .editor-group-container');
        await waitUntil(async () => `two editor groups, there are ${await groups.count()}`, async () => (await groups.count()) === 2, 10_000);
        const [left, right] = await Promise.all([groups.nth(0).boundingBox(), groups.nth(1).boundingBox()]);
        assert.ok(left && right && left.x < right.x && left.width > 200 && right.width > 200, `side by side: ${JSON.stringify({ left, right })}`);
        assert.ok(await groups.nth(0).locator('.tab', { hasText: /^Dockerfile/ }).count(), 'the Dockerfile stays in the left group');
        // click the RUN line in the editor: the panel marks that row as current
        await line('RUN mkdir').click({ position: { x: 12, y: 8 } });
        await waitUntil('the RUN row to be marked current', async () => /RUN/.test(await frame.locator('tr.row.current').innerText().catch(() => '')), 10_000);
        await wb.mouseAway();
        await wb.screenshot('explain-beside');
        await wb.openViewContainer('Explorer');
    });
});
