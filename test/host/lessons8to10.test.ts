/**
 * Lessons 8–10 (ports, volumes, image names) in real webview panels inside VS Code: each opens in
 * one tab, its demo runs against the private engine (as if its button were pressed), the walkthrough
 * tick comes from the daemon's own event, and nothing the demo made is left behind (the volumes
 * demo's bind folder is made inside the opened workspace and removed again).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import type Dockerode from 'dockerode';
import * as vscode from 'vscode';
import { LESSONS } from '../../src/lessons/catalog';
import { dockerode, fullApi, FullApi, hasEngine, LiveViewLike, note, skipOrFail, waitFor, workspaceUri } from './helpers';

const LESSON_LABEL = 'dockerLessons.lesson';
const MINE = [
    { id: 'ports', demo: 'ports.publish', steps: 9 },
    { id: 'volumes', demo: 'volumes.persist', steps: 9 },
    { id: 'image-names', demo: 'names.anatomy', steps: 7 },
];

function title(id: string): string {
    const lang = vscode.env.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
    const l = LESSONS.find((x) => x.id === id);
    assert.ok(l, `no lesson ${id} in the catalog`);
    return l.title[lang];
}

function describeView(v: LiveViewLike | undefined): string {
    return JSON.stringify(v && { state: v.state, message: v.message, steps: v.steps?.map((s) => `${s.n}:${s.state}:${s.detail ?? ''}`) });
}

suite('Lessons 8–10 (ports, volumes, image names) in webview panels', () => {
    let api: FullApi;
    let docker: Dockerode;

    suiteSetup(async function () {
        if (!hasEngine()) {
            skipOrFail(this, 'DOCKER_HOST is not set, so the lessons have no engine to run on.');
            return;
        }
        this.timeout(30_000);
        api = await fullApi();
        docker = dockerode();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('dockerLessons.refresh');
        await api.whenIdle();
    });

    suiteTeardown(async function () {
        if (docker) {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
    });

    for (const { id, demo, steps } of MINE) {
        test(`${id}: opens in one tab, ${demo} runs to the end on the engine, and the daemon's event ticks the lesson`, async function () {
            this.timeout(120_000);
            assert.ok(!api.lessons.completed().includes(id), `precondition: ${id} is not done yet in this fresh profile`);
            await api.lessons.open(id);
            await waitFor(`a tab titled "${title(id)}"`, () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === title(id))), 10_000);
            await waitFor(`${id}: the first view of ${demo} (webview ready)`, () => api.lessons.liveViews(id)[demo], 30_000);
            const t = Date.now();
            await api.lessons.act(id, demo, 'run');
            const v = api.lessons.liveViews(id)[demo];
            assert.strictEqual(v?.state, 'done', describeView(v));
            assert.deepStrictEqual(v?.steps?.map((s) => s.state), Array(steps).fill('done'), describeView(v));
            await waitFor(`${id} in completed() (from the daemon's event)`, () => api.lessons.completed().includes(id), 5_000, 50);
            note(`${id} lesson: run + tick in ${Date.now() - t} ms`);
            const left = await docker.listContainers({ all: true, filters: { label: [`${LESSON_LABEL}=${id}`] } });
            assert.deepStrictEqual(left.map((c) => c.Id), [], `${id} left containers behind`);
        });
    }

    test('nothing the demos made is left: no lesson network, volume, tag, or bind folder in the workspace', async function () {
        this.timeout(30_000);
        assert.deepStrictEqual((await docker.listNetworks({ filters: { label: [`${LESSON_LABEL}=ports`] } })).map((n) => n.Name), []);
        assert.deepStrictEqual(((await docker.listVolumes()).Volumes ?? []).filter((v) => v.Labels?.[LESSON_LABEL] === 'volumes').map((v) => v.Name), []);
        assert.deepStrictEqual((await docker.listImages()).flatMap((i) => i.RepoTags ?? []).filter((tag) => tag.startsWith('docker-lessons/') || tag.startsWith('registry.example.com/')), []);
        assert.ok(!fs.existsSync(workspaceUri('.docker-lessons').fsPath), 'the bind folder was removed from the workspace');
    });
});
