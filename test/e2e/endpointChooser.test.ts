/**
 * Remote engines, chosen as a person does it (issue #12): "Docker Lessons: Choose Docker Endpoint…"
 * from the command palette lists the docker contexts `e2e-ssh` (ssh://root@127.0.0.1:PORT, an sshd in
 * front of the tests' engine) and `e2e-tls` / `e2e-tls-noverify` (a TLS front), see
 * scripts/e2e-remote.mjs, each with how it is reached. Picking `e2e-ssh` connects with the user's
 * ssh-agent and ~/.ssh/known_hosts: the status bar says "· remote" and the Containers view shows a
 * container made for this run only. `e2e-tls` is remote too, over TLS. "Automatic" then goes back to
 * DOCKER_HOST; the suite's teardown removes the setting even when a test failed, so later suites are
 * unaffected.
 */
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import type { Locator } from 'playwright-core';
import { afterFailedTest, closeWorkbench, docker, E2ERemoteEngines, openWorkbench, runCommand, session, skipOrFail, waitUntil, Workbench } from './harness';

const SETTING = 'dockerLessons.dockerHost';
const CHOOSE = 'Docker Lessons: Choose Docker Endpoint…';
// a name only this run knows
const NAME = `e2e-ssh-${randomBytes(4).toString('hex')}`;

function readSettings(file: string): Record<string, unknown> {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
        return {};
    }
}

/**
 * The endpoint setting as the chooser left it (undefined: automatic). It is machine-overridable, so
 * from code-server's (remote) window VS Code writes it to the Machine settings, not the User ones.
 */
function endpointSetting(): unknown {
    return session()
        .settingsFiles.map(readSettings)
        .find((x) => SETTING in x)?.[SETTING];
}

/** Removes the endpoint setting from the settings files (the workbench follows the files). */
function removeEndpointSetting(): boolean {
    let removed = false;
    for (const file of session().settingsFiles) {
        const settings = readSettings(file);
        if (SETTING in settings) {
            delete settings[SETTING];
            fs.writeFileSync(file, JSON.stringify(settings, null, 4));
            removed = true;
        }
    }
    return removed;
}

async function removeTestContainer(): Promise<void> {
    await docker()
        .getContainer(NAME)
        .remove({ force: true })
        .catch(() => undefined);
}

/** How many logins sshd accepted so far. */
function sshLogins(ssh: E2ERemoteEngines): number {
    return (fs.readFileSync(ssh.log, 'utf8').match(/Accepted publickey for root from 127\.0\.0\.1/g) ?? []).length;
}

suite('Docker Lessons endpoint chooser, SSH and TLS engines (e2e)', () => {
    let wb: Workbench;
    let remote: E2ERemoteEngines;

    /** The engine's status bar item: its text, and its accessible label (the tooltip's words). */
    async function engineStatus(): Promise<{ text: string; label: string }> {
        const item = wb.page.locator('.part.statusbar .statusbar-item').filter({ hasText: /(Docker|Podman) \d/ }).first();
        const text = (await item.innerText({ timeout: 2_000 })).trim();
        const label = await item.evaluate((el) => el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label') || '');
        return { text, label };
    }

    async function waitForStatus(what: string, ok: (s: { text: string; label: string }) => boolean, timeoutMs = 30_000) {
        let last = { text: '', label: '' };
        return waitUntil(
            () => `the status bar to show ${what}; it shows ${JSON.stringify(last)}`,
            async () => {
                last = await engineStatus().catch(() => ({ text: '(no engine item)', label: '' }));
                return ok(last) ? last : undefined;
            },
            timeoutMs,
        );
    }

    /** Opens the chooser from the command palette; returns its rows once the context is among them. */
    async function openChooser(): Promise<Locator> {
        await runCommand(CHOOSE);
        const widget = wb.page.locator('.quick-input-widget');
        await widget.locator('input').waitFor({ state: 'visible', timeout: 5_000 });
        const rows = widget.locator('.monaco-list-row');
        await rows.filter({ hasText: remote.context }).first().waitFor({ state: 'visible', timeout: 10_000 });
        return rows;
    }

    /** Types `label` into the open chooser and takes the row whose label it is (Enter when highlighted). */
    async function choose(label: string): Promise<void> {
        const widget = wb.page.locator('.quick-input-widget');
        await wb.page.keyboard.type(label);
        const row = widget.locator('.monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}`) }) });
        const exact = row.filter({ hasNot: wb.page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\S`) }) }).first();
        await exact.waitFor({ state: 'visible', timeout: 5_000 });
        if ((await exact.getAttribute('class'))?.split(/\s+/).includes('focused')) {
            await wb.page.keyboard.press('Enter');
        } else {
            await wb.humanClick(exact);
        }
        await widget.waitFor({ state: 'hidden', timeout: 5_000 });
    }

    suiteSetup(async function () {
        const s = session();
        if (!s.dockerHost) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to show.');
            return;
        }
        if ('unavailable' in s.remote) {
            skipOrFail(this, s.remote.unavailable);
            return;
        }
        remote = s.remote;
        this.timeout(90_000);
        // a setting an interrupted earlier run left behind
        removeEndpointSetting();
        await removeTestContainer();
        wb = await openWorkbench();
        await wb.closeAllEditors();
        await wb.openViewContainer('Docker Lessons');
        await wb.setSidebarWidth(560);
        // connected to DOCKER_HOST (a unix socket) first
        await waitForStatus('a local engine', (st) => !/remote/.test(st.text));
    });

    suiteTeardown(async () => {
        if (!remote) {
            return;
        }
        // back to DOCKER_HOST even when a test failed before choosing "Automatic"
        if (removeEndpointSetting()) {
            session().log('teardown: removed the endpoint setting the suite left');
            if (wb) {
                await waitForStatus('a local engine', (st) => !/remote/.test(st.text), 15_000).catch(() => undefined);
            }
        }
        await closeWorkbench();
        await removeTestContainer();
    });

    teardown(async function () {
        // a failed test may leave the chooser open
        await afterFailedTest(this, true);
    });

    test('the endpoint chooser lists the docker contexts with their SSH and TLS details, and DOCKER_HOST as the one in use', async () => {
        const rows = await openChooser();
        const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
        const ctx = texts.find((t) => t.includes(remote.context));
        assert.ok(ctx, `no ${remote.context} row in ${JSON.stringify(texts)}`);
        assert.ok(ctx.includes(`docker context · ${remote.url}`), ctx);
        assert.ok(ctx.includes('SSH (your ssh-agent and known_hosts)'), ctx);
        assert.ok(!ctx.includes('in use now'), ctx);
        // the TLS contexts say how they are trusted (the row of e2e-tls is the one that is not -noverify)
        const tlsRow = texts.find((t) => t.includes(remote.tls.context) && !t.includes(remote.tls.noVerifyContext));
        assert.ok(tlsRow?.includes(`docker context · ${remote.tls.url}`) && tlsRow.includes('TLS, verified with its CA'), `the ${remote.tls.context} row: ${JSON.stringify(tlsRow)}`);
        const noVerifyRow = texts.find((t) => t.includes(remote.tls.noVerifyContext));
        assert.ok(noVerifyRow?.includes('TLS without verifying the engine'), `the ${remote.tls.noVerifyContext} row: ${JSON.stringify(noVerifyRow)}`);
        const env = texts.find((t) => t.includes('DOCKER_HOST') && !t.startsWith('Automatic'));
        assert.ok(env?.includes(session().dockerHost!) && env.includes('in use now'), `the DOCKER_HOST row: ${JSON.stringify(env)}`);
        await wb.mouseAway();
        await wb.screenshot('endpoint-chooser');
        await wb.page.keyboard.press('Escape');
    });

    test('choosing e2e-ssh connects over SSH: the status bar says "· remote" and the Containers view shows this run\'s container', async function () {
        this.timeout(90_000);
        const loginsBefore = sshLogins(remote);
        await openChooser();
        await choose(remote.context);
        // the choice is a setting, context://NAME, that follows the docker context by name
        await waitUntil(() => `the endpoint setting to be context://${remote.context}, it is ${endpointSetting()}`, () => endpointSetting() === `context://${remote.context}`, 5_000);
        const st = await waitForStatus('"· remote"', (s) => /^Docker \S+ · remote$/.test(s.text), 45_000);
        assert.ok(st.label.includes(`at ${remote.context} (${remote.url})`), st.label);
        assert.ok(st.label.includes('A remote engine (over SSH)'), st.label);
        // the extension logged in with the agent's key, checked against ~/.ssh/known_hosts
        assert.ok(sshLogins(remote) > loginsBefore, `sshd accepted no new login (${remote.log})`);
        // made now, on the dockerd behind the sshd: the extension, connected over SSH, can learn of it only there
        assert.strictEqual(await wb.rows('Containers').filter({ hasText: NAME }).count(), 0);
        const c = await docker().createContainer({ name: NAME, Image: 'busybox:latest', Cmd: ['sleep', '600'], HostConfig: { NetworkMode: 'none' } });
        await c.start();
        await wb.openViewContainer('Docker Lessons');
        const t = Date.now();
        // no Refresh: the engine's events, over the same SSH connection, bring it
        await wb.waitForRow('Containers', NAME, 30_000);
        session().log(`the container showed up over SSH after ${Date.now() - t} ms`);
        await wb.expectNoErrorToast(1_000);
        await wb.mouseAway();
        await wb.screenshot('endpoint-ssh-containers');
    });

    test('the chooser then marks e2e-ssh as in use; choosing e2e-tls connects over TLS: "· remote", over TLS, the same container', async function () {
        this.timeout(60_000);
        const rows = await openChooser();
        const ctx = (await rows.filter({ hasText: remote.context }).first().innerText()).replace(/\s+/g, ' ');
        assert.ok(ctx.includes('in use now · SSH (your ssh-agent and known_hosts)'), ctx);
        await choose(remote.tls.context);
        await waitUntil(() => `the endpoint setting to be context://${remote.tls.context}, it is ${endpointSetting()}`, () => endpointSetting() === `context://${remote.tls.context}`, 5_000);
        const st = await waitForStatus(`"· remote" at ${remote.tls.context}`, (s) => /^Docker \S+ · remote$/.test(s.text) && s.label.includes(`at ${remote.tls.context} (`), 45_000);
        assert.ok(st.label.includes(`at ${remote.tls.context} (${remote.tls.url})`), st.label);
        assert.ok(st.label.includes('A remote engine (over TLS)'), st.label);
        await wb.waitForRow('Containers', NAME, 20_000);
    });

    test('"Automatic" goes back to DOCKER_HOST and the status bar to a local engine', async function () {
        this.timeout(60_000);
        await openChooser();
        await choose('Automatic');
        await waitUntil(() => `the endpoint setting to be gone, it is ${endpointSetting()}`, () => endpointSetting() === undefined, 5_000);
        const st = await waitForStatus('a local engine', (s) => /^Docker \S+$/.test(s.text));
        assert.ok(st.label.includes(`at ${session().dockerHost}`), st.label);
        assert.ok(!st.label.includes('remote'), st.label);
        await wb.waitForRow('Containers', NAME, 20_000);
    });
});
