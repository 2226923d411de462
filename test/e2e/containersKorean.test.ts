/**
 * The Containers view under the Korean display language (`--locale ko`): each row says its state in
 * Korean words built from the list's fields (running, healthy, restarting, paused, exited with its code,
 * created), never
 * the engine's English status ("Up 3 minutes", "Exited (3) 5 seconds ago"). Screenshot:
 * test-results/screenshots/containers-ko.png.
 */
import * as assert from 'assert';
import { docker, E2EServer, openWorkbench, session, skipOrFail, waitUntil, Workbench } from './harness';

const PREFIX = 'e2e-ko';
const ROWS = [
    { name: `${PREFIX}-running`, says: /^실행 중 · .*시작 · busybox/ },
    { name: `${PREFIX}-healthy`, says: /^실행 중 \(정상\) · .*시작 · busybox/ },
    { name: `${PREFIX}-restarting`, says: /^다시 시작 중 \(마지막 종료 코드 1\) · .*종료 · busybox/ },
    { name: `${PREFIX}-paused`, says: /^일시 정지됨 · .*시작 · busybox/ },
    { name: `${PREFIX}-exited`, says: /^종료됨 \(코드 3\) · .*전 · busybox/ },
    { name: `${PREFIX}-created`, says: /^생성됨 \(시작한 적 없음\) · .*전 · busybox/ },
];
/** The engine's English, which must not reach a Korean row. */
const ENGLISH = /\bExited\b|\bUp |\bPaused\b|\bCreated\b|\bago\b|\bseconds?\b|\bminutes?\b/;

async function removeContainers(): Promise<void> {
    const all = await docker().listContainers({ all: true });
    for (const c of all.filter((x) => x.Names.some((n) => n.startsWith(`/${PREFIX}-`)))) {
        const one = docker().getContainer(c.Id);
        if (c.State === 'paused') {
            await one.unpause().catch(() => undefined);
        }
        await one.remove({ force: true }).catch(() => undefined);
    }
}

suite('Containers view in Korean (e2e)', () => {
    let server: E2EServer | undefined;
    let ko: Workbench | undefined;

    suiteSetup(async function () {
        if (!session().dockerHost) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to show.');
            return;
        }
        this.timeout(150_000);
        await removeContainers();
        const make = (name: string, cmd: string[], more: object = {}) => docker().createContainer({ name, Image: 'busybox:latest', Cmd: cmd, HostConfig: { NetworkMode: 'none' }, ...more });
        await (await make(`${PREFIX}-running`, ['sleep', '600'])).start();
        await (await make(`${PREFIX}-healthy`, ['sleep', '600'], { Healthcheck: { Test: ['CMD', 'true'], Interval: 1e9 } })).start();
        await (await make(`${PREFIX}-restarting`, ['sh', '-c', 'exit 1'], { HostConfig: { NetworkMode: 'none', RestartPolicy: { Name: 'always' } } })).start();
        const paused = await make(`${PREFIX}-paused`, ['sleep', '600']);
        await paused.start();
        await paused.pause();
        const exited = await make(`${PREFIX}-exited`, ['sh', '-c', 'exit 3']);
        await exited.start();
        await exited.wait();
        await make(`${PREFIX}-created`, ['true']);
        server = await session().startServer({ locale: 'ko' });
        ko = await openWorkbench({ server });
        await ko.closeAllEditors();
        await ko.openViewContainer('Docker Lessons');
        await ko.setSidebarWidth(560);
        // room for every container row: fold the other two views
        for (const other of ['이미지', '레슨']) {
            const header = ko.view(other).locator('.pane-header');
            if ((await header.getAttribute('aria-expanded')) === 'true') {
                await header.click();
            }
        }
    });

    suiteTeardown(async function () {
        this.timeout(60_000);
        await ko?.close();
        await server?.stop();
        if (session().dockerHost) {
            await removeContainers();
        }
    });

    test('each row says its state in Korean, with no English from the engine', async function () {
        this.timeout(60_000);
        const wb = ko!;
        for (const r of ROWS) {
            const row = await wb.waitForRow('컨테이너', r.name);
            const description = row.locator('.label-description');
            await waitUntil(
                async () => `${r.name} should say ${r.says}, it says ${JSON.stringify(await description.innerText().catch(() => ''))}`,
                async () => r.says.test(await description.innerText()),
                20_000,
            );
        }
        // the group headers are Korean too
        for (const g of ['실행 중', '일시 정지됨', '중지됨']) {
            await wb.waitForRow('컨테이너', new RegExp(`^${g}`));
        }
        const texts = await wb.rows('컨테이너').allInnerTexts();
        const ours = texts.filter((t) => t.includes(PREFIX));
        assert.strictEqual(ours.length, ROWS.length, `rows: ${JSON.stringify(texts)}`);
        for (const t of texts) {
            assert.doesNotMatch(t, ENGLISH, `a row in English: ${JSON.stringify(t)}`);
        }
        // screen readers get the same words
        const label = await (await wb.waitForRow('컨테이너', `${PREFIX}-exited`)).getAttribute('aria-label');
        assert.match(label ?? '', /^컨테이너 e2e-ko-exited, 종료됨 \(코드 3\) · /, `aria-label: ${label}`);
        await wb.expectNoErrorToast(500);
        await wb.mouseAway();
        await wb.screenshot('containers-ko');
    });
});
