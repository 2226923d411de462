/**
 * Lessons 7 and 11 live against the private engine, through a real DemoContext: the build cache
 * (every step rebuilt on a fresh build, all cached on the second, the changed COPY and every step after
 * it rebuilt on the third; context and .dockerignore; final vs build stage) and the container lifecycle
 * (each state read back, the measured stop timeout against kill, on-failure restarts, --rm).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import type { DockerClient } from '../../src/docker/types';
import { BUILD_TAG, BuildCacheDemo } from '../../src/lessons/live/buildCache';
import { LifecycleDemo, STOP_TIMEOUT_S } from '../../src/lessons/live/lifecycle';
import { LESSON_LABEL } from '../../src/lessons/evidence';
import type { LiveView } from '../../src/protocol/panelProtocol';
import { TestContext } from './demoContext';
import { rawDocker, requireEngine } from './helpers';

const note = (text: string) => console.log(`      ${text}`);

function rowsOf(view: LiveView, caption: RegExp): readonly (readonly string[])[] {
    const t = view.tables?.find((x) => caption.test(x.caption));
    assert.ok(t, `table ${caption} in ${JSON.stringify(view.tables?.map((x) => x.caption))}`);
    return t.rows;
}

describe('docker: lessons 7 (build cache) and 11 (container lifecycle) live against the private engine', function () {
    this.timeout(120_000);
    let docker: Dockerode;
    let client: DockerClient;

    before(function () {
        requireEngine(this);
        docker = rawDocker();
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 30_000 });
    });

    after(async () => {
        for (const tag of ['final', 'build-stage', 'yours']) {
            await docker.getImage(`${BUILD_TAG}:${tag}`).remove({ force: true }).catch(() => undefined);
        }
        client?.dispose();
    });

    it('lesson 7: fresh build rebuilds, the second is all cached, a changed file rebuilds its COPY and every step after it', async () => {
        const dangling = async () => (await docker.listImages({ filters: { dangling: ['true'] } })).map((i) => i.Id);
        const danglingBefore = await dangling();
        const ctx = new TestContext(() => client);
        const demo = new BuildCacheDemo(ctx);
        const view = await demo.run();
        assert.equal(view.state, 'done', `${view.message} ${JSON.stringify(view.steps?.filter((s) => s.state === 'error'))}`);
        // the re-tags of its own images leave no untagged image behind (a second run replaces the first's too)
        assert.deepEqual((await dangling()).filter((id) => !danglingBefore.includes(id)), [], 'images left without a tag by the lesson');
        assert.equal((await new BuildCacheDemo(ctx).run()).state, 'done');
        assert.deepEqual((await dangling()).filter((id) => !danglingBefore.includes(id)), [], 'images left without a tag by a second run');
        const rows = rowsOf(view, /three builds/);
        const row = (re: RegExp) => {
            const r = rows.find((x) => re.test(x[0]));
            assert.ok(r, `a row for ${re} in ${JSON.stringify(rows)}`);
            return r;
        };
        const deps = row(/\[build\] RUN mkdir -p \/opt\/tools/);
        const copySrc = row(/\[build\] COPY app\.sh/);
        const runSrc = row(/\[build\] RUN sh app\.sh/);
        note(`steps: ${rows.map((r) => r.join(' | ')).join(' ; ')}`);
        // build 1: the dependency step really ran (about 1 s: it sleeps 1 s)
        assert.match(deps[1], /^rebuilt, \d/);
        assert.ok(Number(/rebuilt, ([\d.]+) s/.exec(deps[1])?.[1]) >= 0.9, deps[1]);
        // build 2: nothing changed, every step that does work came from the cache
        for (const r of rows.filter((x) => !/FROM /.test(x[0]))) {
            assert.equal(r[2], 'cached', `build 2: ${r[0]}`);
        }
        // build 3: the dependency step stays cached; the changed COPY and the step after it are rebuilt
        assert.equal(deps[3], 'cached');
        assert.match(copySrc[3], /^rebuilt/);
        assert.match(runSrc[3], /^rebuilt/);
        const findings = view.conclusion;
        assert.ok(findings, 'findings');
        assert.equal(findings.state, 'held', JSON.stringify(findings.points));
        assert.ok(findings.points.some((p) => /first rebuilt step is "COPY app\.sh/.test(p.text)));
        assert.ok(findings.points.some((p) => /\.dockerignore kept out 2 files/.test(p.text)));
        const final = await client.inspectImage(`${BUILD_TAG}:final`);
        const stage = await client.inspectImage(`${BUILD_TAG}:build-stage`);
        note(`final ${final.size} B vs build stage ${stage.size} B`);
        assert.ok(final.size + 3 * 1024 * 1024 <= stage.size, 'the 3 MiB toolchain stayed in the build stage');
    });

    it('lesson 7 beside the user\'s Dockerfile: built twice (second all cached), COPY . . found, .dockerignore measured, nothing in the folder changed', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-yours-'));
        try {
            fs.writeFileSync(path.join(dir, 'Dockerfile.dev'), 'FROM busybox\nWORKDIR /app\nCOPY . .\nRUN ls -R /app > /listing.txt\n');
            fs.writeFileSync(path.join(dir, '.dockerignore'), 'secrets.txt\n');
            fs.writeFileSync(path.join(dir, 'main.sh'), 'echo hi\n');
            fs.writeFileSync(path.join(dir, 'secrets.txt'), 'token\n');
            const before = fs.readdirSync(dir).map((f) => `${f}:${fs.readFileSync(path.join(dir, f), 'utf8')}`).sort();
            const ctx = new TestContext(() => client, 'en', { userDockerfile: { contextDir: dir, dockerfile: 'Dockerfile.dev' } });
            const demo = new BuildCacheDemo(ctx);
            await demo.start();
            assert.ok(ctx.last.buttons?.some((b) => b.action === 'yours'), 'the user\'s Dockerfile is offered');
            await demo.act('yours');
            const view = ctx.last;
            assert.equal(view.state, 'done', `${view.message} ${JSON.stringify(view.steps)}`);
            const points = view.conclusion?.points.map((p) => p.text) ?? [];
            assert.ok(points.includes('Second build with nothing changed: all 3 steps came from the build cache (CACHED).'), points.join('\n'));
            assert.ok(points.some((p) => p.startsWith('Line 3 copies the whole build context (COPY . .)') && /including the RUN steps after it/.test(p)), points.join('\n'));
            assert.ok(points.includes('.dockerignore kept out 1 files (6 B): they never left this machine, and no COPY can see them.'), points.join('\n'));
            const after = fs.readdirSync(dir).map((f) => `${f}:${fs.readFileSync(path.join(dir, f), 'utf8')}`).sort();
            assert.deepEqual(after, before, 'nothing in the user\'s folder changed');
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('lesson 11: each state read back, stop waits the stop timeout then SIGKILL, a handled SIGTERM and kill are fast, on-failure restarts, --rm removes', async () => {
        const before = new Set((await docker.listContainers({ all: true, filters: { label: [`${LESSON_LABEL}=container-lifecycle`] } })).map((c) => c.Id));
        const ctx = new TestContext(() => client);
        const view = await new LifecycleDemo(ctx).run();
        assert.equal(view.state, 'done', `${view.message} ${JSON.stringify(view.steps?.filter((s) => s.state === 'error'))}`);
        const details = (view.steps ?? []).map((s) => s.detail ?? '');
        assert.deepEqual(details.slice(0, 4), ['The engine says: created.', 'The engine says: running.', 'The engine says: paused.', 'The engine says: running.']);
        assert.match(details[5], /exited/);
        assert.match(details[6], /removed/);
        const stopMs = view.steps![5].ms!;
        const termMs = view.steps![7].ms!;
        const killMs = view.steps![8].ms!;
        note(`stop (SIGTERM ignored, --stop-timeout ${STOP_TIMEOUT_S}): ${stopMs} ms; stop (SIGTERM handled): ${termMs} ms; kill: ${killMs} ms`);
        assert.ok(stopMs >= STOP_TIMEOUT_S * 1000 - 100 && stopMs < STOP_TIMEOUT_S * 1000 + 3000, `stop took ${stopMs} ms`);
        assert.ok(termMs < 1500, `a handled SIGTERM took ${termMs} ms`);
        assert.ok(killMs < 1500, `kill took ${killMs} ms`);
        const findings = view.conclusion;
        assert.ok(findings);
        assert.equal(findings.state, 'held', JSON.stringify(findings.points));
        assert.ok(findings.points.some((p) => /exit code 137/.test(p.text)));
        assert.ok(findings.points.some((p) => /restarted it 2 times/.test(p.text)));
        assert.ok(findings.points.some((p) => /--rm the engine removed/.test(p.text)));
        const left = (await docker.listContainers({ all: true, filters: { label: [`${LESSON_LABEL}=container-lifecycle`] } })).filter((c) => !before.has(c.Id));
        assert.deepEqual(left, [], 'the lesson removed every container it made');
    });
});
