/**
 * The side bar as a person uses it: open Docker Lessons, see hello-world in Images, refresh from the
 * command palette without an error notification, and keep a screenshot.
 */
import { afterFailedTest, closeWorkbench, openWorkbench, runCommand, screenshot, session, skipOrFail, Workbench } from './harness';

suite('Docker Lessons side bar (e2e)', () => {
    let wb: Workbench;

    suiteSetup(async function () {
        if (!session().dockerHost) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to show.');
            return;
        }
        wb = await openWorkbench();
        // editors (and lesson panels) come back from earlier tabs on this workspace: start clean
        await wb.closeAllEditors();
    });

    suiteTeardown(async () => {
        await closeWorkbench();
    });

    teardown(async function () {
        await afterFailedTest(this);
    });

    test('the Images view lists hello-world', async () => {
        await wb.openViewContainer('Docker Lessons');
        await wb.waitForRow('Images', 'hello-world');
    });

    test('"Docker Lessons: Refresh" from the command palette shows no error', async () => {
        await wb.openViewContainer('Docker Lessons');
        await runCommand('Docker Lessons: Refresh');
        await wb.expectNoErrorToast(3_000);
        await wb.setSidebarWidth(560);
        await wb.mouseAway();
        await screenshot('sidebar');
    });
});
