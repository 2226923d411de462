/**
 * Lessons 7 and 11 in real webview panels, their demos run against the private engine (as if their
 * buttons were pressed), their walkthrough ticks from the daemon's own events; and the practice block:
 * started in the panel, it follows the refresh owner's events and recognises what a learner made
 * outside the extension (a container made here with dockerode, as a terminal would).
 */
import * as assert from 'assert';
import type Dockerode from 'dockerode';
import * as vscode from 'vscode';
import { dockerode, fullApi, FullApi, hasEngine, LiveViewLike, note, skipOrFail, waitFor } from './helpers';

function describeView(v: LiveViewLike | undefined): string {
    return JSON.stringify(v && { state: v.state, message: v.message, steps: v.steps?.map((s) => `${s.n}:${s.state}:${s.detail ?? ''}`), conclusion: v.conclusion?.points.map((p) => `${p.stateWord}: ${p.text}`) });
}

suite('Lessons 7 and 11, and practice checked by the engine', () => {
    let api: FullApi;
    let docker: Dockerode;
    const made: string[] = [];

    suiteSetup(async function () {
        if (!hasEngine()) {
            skipOrFail(this, 'DOCKER_HOST is not set, so the lessons have no engine to run on.');
            return;
        }
        this.timeout(30_000);
        api = await fullApi();
        docker = dockerode();
        await vscode.commands.executeCommand('workbench.view.extension.dockerLessons');
        await api.whenIdle();
    });

    suiteTeardown(async function () {
        this.timeout(60_000);
        for (const id of made) {
            await docker?.getContainer(id).remove({ force: true }).catch(() => undefined);
        }
        for (const t of vscode.window.terminals.filter((x) => x.name === 'docker run -it (lesson)')) {
            t.dispose();
        }
        for (const c of (await docker?.listContainers({ all: true, filters: { label: ['dockerLessons.lesson=container-lifecycle'] } })) ?? []) {
            await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
        }
        for (const tag of ['final', 'build-stage', 'yours']) {
            await docker?.getImage(`docker-lessons-build-cache:${tag}`).remove({ force: true }).catch(() => undefined);
        }
    });

    async function open(id: string, demo: string): Promise<void> {
        await api.lessons.open(id);
        await waitFor(`${id}: the first view of ${demo} (webview ready)`, () => api.lessons.liveViews(id)[demo], 30_000);
    }

    test('container-lifecycle: opens, runs every state read back from the engine, and is ticked by its container\'s removal', async function () {
        this.timeout(120_000);
        await open('container-lifecycle', 'lifecycle.states');
        assert.ok(api.lessons.liveViews('container-lifecycle').practice, 'the practice block is there too');
        const t = Date.now();
        await api.lessons.act('container-lifecycle', 'lifecycle.states', 'run');
        const v = api.lessons.liveViews('container-lifecycle')['lifecycle.states'];
        assert.strictEqual(v?.state, 'done', describeView(v));
        assert.strictEqual(v.conclusion?.state, 'held', describeView(v));
        await waitFor('container-lifecycle in completed() (destroy event)', () => api.lessons.completed().includes('container-lifecycle'), 10_000, 50);
        note(`lifecycle lesson: run + tick in ${Date.now() - t} ms`);
        // -it needs a person at a terminal: the lesson opens one running the docker CLI on the same engine
        await api.lessons.act('container-lifecycle', 'lifecycle.states', 'terminal');
        await waitFor('a terminal "docker run -it (lesson)"', () => vscode.window.terminals.some((x) => x.name === 'docker run -it (lesson)'), 5_000, 50);
        const it = await waitFor(
            'the -it container running, with a TTY and stdin open',
            async () => {
                const [c] = await docker.listContainers({ filters: { label: ['dockerLessons.lesson=container-lifecycle'], status: ['running'] } });
                return c ? docker.getContainer(c.Id).inspect() : undefined;
            },
            20_000,
            200,
        );
        assert.strictEqual(it.Config.Tty, true);
        assert.strictEqual(it.Config.OpenStdin, true);
        assert.strictEqual(it.HostConfig.AutoRemove, true);
    });

    test('build-cache: opens, builds three times (second all cached), and is ticked by its image\'s tag event', async function () {
        this.timeout(180_000);
        await open('build-cache', 'build.cache');
        const t = Date.now();
        await api.lessons.act('build-cache', 'build.cache', 'run');
        const v = api.lessons.liveViews('build-cache')['build.cache'];
        assert.strictEqual(v?.state, 'done', describeView(v));
        assert.ok(v.conclusion?.points.some((p) => p.state === 'held' && /all \d+ steps came from the build cache/.test(p.text)), describeView(v));
        await waitFor('build-cache in completed() (tag event)', () => api.lessons.completed().includes('build-cache'), 10_000, 50);
        note(`build lesson: run + tick in ${Date.now() - t} ms`);
    });

    test('practice (cgroups): started in the panel, a 32 MiB container is not yet done, a 64 MiB one is done', async function () {
        this.timeout(60_000);
        await open('cgroups', 'practice');
        const idle = api.lessons.liveViews('cgroups').practice;
        assert.strictEqual(idle?.state, 'idle');
        assert.ok(idle.facts?.some((f) => /64 MiB/.test(f.value)), 'the task is shown');
        await api.lessons.act('cgroups', 'practice', 'start');
        await api.lessons.act('cgroups', 'practice', 'hint');
        assert.ok(api.lessons.liveViews('cgroups').practice?.facts?.some((f) => f.label === 'Hint'));
        const run = async (memory: number) => {
            const c = await docker.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '120'], HostConfig: { Memory: memory } });
            made.push(c.id);
            await c.start();
        };
        await run(32 * 1024 * 1024);
        const miss = await waitFor('a verdict on the 32 MiB container', () => {
            const p = api.lessons.liveViews('cgroups').practice;
            return p?.conclusion?.points.some((x) => /not 64 MiB/.test(x.text)) ? p : undefined;
        }, 10_000);
        assert.strictEqual(miss.state, 'running', describeView(miss));
        assert.strictEqual(miss.conclusion?.stateWord, 'not done yet');
        await run(64 * 1024 * 1024);
        const done = await waitFor('the 64 MiB container recognised', () => {
            const p = api.lessons.liveViews('cgroups').practice;
            return p?.state === 'done' ? p : undefined;
        }, 10_000);
        assert.ok(done.conclusion?.points.every((x) => x.stateWord === 'Met'), describeView(done));
    });
});
