/**
 * The live lesson demos (src/lessons/live/) against the real private engine, through a real
 * `DemoContext`: the same client the extension uses, lists kept current by `refresh()`, every
 * emitted view recorded, and a confirm dialog whose answer each test chooses.
 */
import * as assert from 'assert';
import * as os from 'os';
import Dockerode from 'dockerode';
import { formatBytes } from '../../src/common/format';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { ContainerSummary, DockerClient, EngineEvent, ImageSummary } from '../../src/docker/types';
import type { Locale } from '../../src/lessons/catalog';
import { LESSON_LABEL, lessonCompletedBy } from '../../src/lessons/evidence';
import { DemoSettings } from '../../src/lessons/live/demo';
import { HelloFlowDemo } from '../../src/lessons/live/helloFlow';
import { ImageVsContainerDemo } from '../../src/lessons/live/imageVsContainer';
import { WhyDockerDemo } from '../../src/lessons/live/whyDocker';
import type { FactView, LiveView, StepState, StepView } from '../../src/protocol/panelProtocol';
import { HELLO, SHELL, TestContext } from './demoContext';
import { buildImage, Cleanup, followProgress, getJson, rawDocker, requireEngine, waitFor } from './helpers';



function states(view: LiveView): StepState[] {
    return (view.steps ?? []).map((s) => s.state);
}

function step(view: LiveView, n: number): StepView {
    const s = view.steps?.find((x) => x.n === n);
    assert.ok(s, `step ${n} in ${JSON.stringify(view.steps)}`);
    return s;
}

function fact(view: LiveView, label: string): FactView {
    const f = view.facts?.find((x) => x.label === label);
    assert.ok(f, `fact "${label}" in ${JSON.stringify(view.facts?.map((x) => x.label))}`);
    return f;
}

/**
 * From a sequence of emitted views of one run: step n is finished (done or skipped) in an earlier
 * view than the first one where step n+1 has left 'pending', and no view ever shows a later step
 * started while an earlier one is not finished.
 */
function assertInOrder(views: readonly LiveView[], count: number): void {
    const finished = (s: StepState) => s === 'done' || s === 'skipped';
    for (const [i, v] of views.entries()) {
        for (let n = 2; n <= count; n++) {
            if (step(v, n).state !== 'pending') {
                assert.ok(finished(step(v, n - 1).state), `view ${i}: step ${n} is ${step(v, n).state} while step ${n - 1} is ${step(v, n - 1).state}`);
            }
        }
    }
    for (let n = 1; n < count; n++) {
        const doneAt = views.findIndex((v) => finished(step(v, n).state));
        const nextAt = views.findIndex((v) => step(v, n + 1).state !== 'pending');
        assert.ok(doneAt >= 0 && nextAt >= 0, `step ${n} finished at view ${doneAt}, step ${n + 1} started at view ${nextAt}`);
        assert.ok(doneAt < nextAt, `step ${n} finished at view ${doneAt}, but step ${n + 1} started at view ${nextAt}`);
    }
}

/** The views of one run: from its first 'running' view on (earlier ones are re-emits of the last run). */
function runViews(views: readonly LiveView[]): LiveView[] {
    const first = views.findIndex((v) => v.state === 'running');
    assert.ok(first >= 0, 'the run emitted a running view');
    return views.slice(first);
}


describe('docker: the live lesson demos against the private engine', function () {
    this.timeout(60_000);
    let docker: Dockerode;
    let cleanup: Cleanup;
    let client: DockerClient;
    /** Containers that carried the lesson label before this suite: never touched. */
    let preexisting: Set<string>;

    const ctx = (locale: Locale = 'en', settings: Partial<DemoSettings> = {}) => new TestContext(() => client, locale, settings);

    async function containersOf(lesson: string): Promise<ContainerSummary[]> {
        return (await client.listContainers()).filter((c) => c.labels[LESSON_LABEL] === lesson);
    }

    async function exists(id: string): Promise<boolean> {
        return docker
            .getContainer(id)
            .inspect()
            .then(() => true, () => false);
    }

    /** Finished containers the hello lesson counts as its own (made from the image, or labelled by the lesson). */
    async function finishedHello(): Promise<number> {
        return (await client.listContainers()).filter(
            (x) => (x.image === HELLO || x.labels[LESSON_LABEL] === 'hello-world') && ['exited', 'created', 'dead'].includes(x.state),
        ).length;
    }

    /** The full id of the container a hello run reports in its "still there" fact. */
    async function helloContainer(view: LiveView): Promise<ContainerSummary> {
        const short = view.facts?.find((f) => /^[0-9a-f]{12}$/.test(f.value))?.value;
        assert.ok(short, `a container id fact in ${JSON.stringify(view.facts)}`);
        const c = (await client.listContainers()).find((x) => x.shortId === short);
        assert.ok(c, `container ${short} is listed`);
        cleanup.container(c.id);
        return c;
    }

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        preexisting = new Set((await docker.listContainers({ all: true, filters: { label: [LESSON_LABEL] } })).map((c) => c.Id));
        for (const ref of [`${HELLO}:latest`, `${SHELL}:latest`]) {
            assert.ok(await client.hasImage(ref), `${ref} is seeded on the test engine`);
        }
    });

    after(async function () {
        if (!docker) {
            return;
        }
        client?.dispose();
        await cleanup.run();
        // everything the demos made carries the lesson label
        for (const c of await docker.listContainers({ all: true, filters: { label: [LESSON_LABEL] } })) {
            if (!preexisting.has(c.Id)) {
                await docker
                    .getContainer(c.Id)
                    .remove({ force: true, v: true })
                    .catch(() => undefined);
            }
        }
        // other suites and the host tests rely on both images: re-pull through the mirror if a test removed one
        for (const ref of [`${HELLO}:latest`, `${SHELL}:latest`]) {
            const present = await docker
                .getImage(ref)
                .inspect()
                .then(() => true, () => false);
            if (!present) {
                await followProgress(await docker.pull(ref));
            }
        }
    });

    describe('why.sameEverywhere', function () {
        it('runs busybox twice: the same image files, no /etc/os-release, kernel/arch/hostname from outside, nothing left behind', async function () {
            const c = ctx();
            const demo = new WhyDockerDemo(c);
            c.demo = demo;
            await demo.start();
            assert.strictEqual(c.last.state, 'idle');
            assert.deepStrictEqual(c.last.buttons?.map((b) => b.action), ['run']);

            const t0 = Date.now();
            await demo.act('run');
            const ms = Date.now() - t0;
            const final = c.last;
            assert.strictEqual(final.state, 'done', `${final.message} / ${JSON.stringify(final.steps)}`);
            assert.deepStrictEqual(states(final), ['done', 'skipped', 'done', 'done']);
            assert.strictEqual(step(final, 2).detail, 'already on your engine', 'busybox is local: no pull');
            assertInOrder(runViews(c.views), 4);
            for (const s of final.steps ?? []) {
                assert.ok(typeof s.ms === 'number' && s.ms >= 0 && s.ms <= ms, `step ${s.n} took ${s.ms} ms (run ${ms} ms)`);
            }

            const info = await client.info();
            const host = fact(final, 'The host says');
            assert.strictEqual(host.value, `${info.operatingSystem} (${info.osType}/${info.architecture}), ${info.name}`);
            assert.ok(info.operatingSystem.length > 0, 'the daemon names the host OS');
            assert.strictEqual(step(final, 1).detail, `${info.operatingSystem} · ${info.kernelVersion}`);

            // what the image says about itself: busybox has no /etc/os-release; its version and /bin instead
            const busybox = /^BUSYBOX=(BusyBox v\S+.*)$/m.exec(final.output ?? '')?.[1]?.trim();
            const bin = /^BIN=(\d+)$/m.exec(final.output ?? '')?.[1];
            assert.ok(busybox && bin, final.output);
            const inside = fact(final, 'The image says about itself');
            assert.strictEqual(inside.value, `${busybox} (no /etc/os-release)`);
            assert.match(inside.note ?? '', new RegExp(`${bin} programs in /bin`));
            assert.strictEqual(fact(final, "The image's files, run 1 vs run 2").ok, true);
            assert.strictEqual(fact(final, "The image's files, run 1 vs run 2").value, 'identical, byte for byte');
            const kernel = fact(final, 'Kernel inside the container');
            assert.strictEqual(kernel.value, os.release(), 'containers share the host kernel');
            assert.strictEqual(kernel.ok, true);
            assert.strictEqual(fact(final, 'CPU architecture inside').value, info.architecture);
            const hostnames = [...(final.output ?? '').matchAll(/^HOSTNAME=(\S+)$/gm)].map((m) => m[1]);
            assert.strictEqual(hostnames.length, 2);
            assert.notStrictEqual(hostnames[0], hostnames[1], 'each container gets its own hostname from the engine');

            // the findings state what this run measured, and only that
            const found = final.conclusion;
            assert.ok(found, 'a finished run has findings');
            assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
            const said = found.points.map((p) => p.text).join('\n');
            assert.match(said, new RegExp(`has no /etc/os-release.*${busybox.replace(/\.$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ${bin} programs in /bin`));
            assert.doesNotMatch(said, /came from the image's own \/etc\/os-release/, 'busybox names no OS: no such claim');
            assert.match(said, /Both runs used the same image with the same settings on this engine/);
            assert.ok(said.includes(`(${hostnames[0]}, then ${hostnames[1]}), and the host is called ${info.name}`), said);
            assert.ok(said.includes(`The kernel release ${os.release()} is the host's`), said);
            assert.ok(said.includes(`The CPU architecture ${info.architecture} is the host's`), said);

            // the output is the two real runs, verbatim
            assert.strictEqual(final.output?.match(/^NO_OS_RELEASE$/gm)?.length, 2, final.output);
            assert.strictEqual(final.output?.match(new RegExp(`^KERNEL=${os.release().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'gm'))?.length, 2, final.output);
            assert.strictEqual(c.logs.filter((l) => l.startsWith('docker run --rm busybox')).length, 2, c.logs.join('\n'));

            // `run --rm` semantics: both containers are gone
            assert.deepStrictEqual(await containersOf('why-docker'), []);
        });

        it('speaks Korean with locale ko', async function () {
            const c = ctx('ko');
            const demo = new WhyDockerDemo(c);
            await demo.start();
            assert.match(c.last.message ?? '', /busybox을\(를\) 두 번 실행해서/);
            assert.strictEqual(c.last.buttons?.[0].label, '실행하기');
            await demo.act('run');
            const final = c.last;
            assert.strictEqual(final.state, 'done');
            assert.deepStrictEqual(
                final.steps?.map((s) => s.title),
                ['데몬에게 호스트 정보 묻기', '이미지가 있는지 확인하기', '이미지 실행 (1번째)', '이미지 실행 (2번째)'],
            );
            assert.strictEqual(step(final, 2).detail, '이미 엔진에 있음');
            assert.match(fact(final, '이미지가 알려 준 자기 정보').value, /^BusyBox v\S+ .* \(\/etc\/os-release 없음\)$/);
            assert.strictEqual(fact(final, '이미지 파일 비교 (1번째와 2번째 실행)').ok, true);
            assert.strictEqual(final.conclusion?.heading, '이번 실행에서 확인한 것');
            assert.strictEqual(final.conclusion?.stateWord, '확인한 항목이 모두 예상대로였습니다');
            assert.ok(final.conclusion?.points.some((p) => p.text.includes(`커널 릴리스 ${os.release()}은(는) 호스트의 것입니다`)));
            assert.strictEqual(final.buttons?.[0].label, '다시 실행하기');
            assert.deepStrictEqual(await containersOf('why-docker'), []);
        });
    });

    describe('hello.flow', function () {
        describe('with the image already local', function () {
            let c: TestContext;
            let demo: HelloFlowDemo;
            let container: ContainerSummary;

            before(function () {
                c = ctx();
                demo = new HelloFlowDemo(c);
                c.demo = demo;
            });

            it('start() says step 2 will be skipped', async function () {
                await demo.start();
                assert.strictEqual(c.last.state, 'idle');
                assert.match(c.last.message ?? '', /hello-world is already on your engine, so step 2 will be skipped/);
                assert.deepStrictEqual(states(c.last), ['pending', 'pending', 'pending', 'pending']);
            });

            it('run(): ping, no pull, create, stream — and the finished container stays like with the CLI', async function () {
                const from = c.views.length;
                const final = await demo.run();
                assert.strictEqual(c.last, final, 'the returned view is the last one emitted');
                assert.strictEqual(final.state, 'done', `${final.message} / ${JSON.stringify(final.steps)}`);
                assert.deepStrictEqual(states(final), ['done', 'skipped', 'done', 'done']);
                assert.strictEqual(step(final, 2).detail, 'already local: no pull needed');
                assert.deepStrictEqual([...(final.litSteps ?? [])].sort(), [1, 3, 4]);
                assert.match(final.output ?? '', /Hello from Docker!/);
                assert.doesNotMatch(final.output ?? '', /Pulling|Downloaded/, 'nothing was pulled');
                const exit = fact(final, 'Exit code');
                assert.strictEqual(exit.value, '0');
                assert.strictEqual(exit.ok, true);
                assertInOrder(runViews(c.views.slice(from)), 4);
                // the findings count and list the calls really made: no pull, so seven
                const found = final.conclusion;
                assert.ok(found);
                assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
                assert.strictEqual(
                    found.points[0].text,
                    'This run made 7 Engine API calls, in this order: GET /_ping → GET /images/{name}/json → POST /containers/create → GET /containers/{id}/json → POST /containers/{id}/attach → POST /containers/{id}/start → POST /containers/{id}/wait.',
                );
                assert.ok(found.points.some((p) => p.text === 'hello-world was already on the engine, so nothing was pulled (step 2 skipped).'));
                assert.ok(found.points.some((p) => p.state === 'held' && p.text === "The container's program ended with exit code 0."));

                container = await helloContainer(final);
                assert.strictEqual(container.state, 'exited');
                assert.match(container.status, /^Exited \(0\) /);
                assert.strictEqual(container.labels[LESSON_LABEL], 'hello-world');
                assert.strictEqual(container.image, HELLO);
                assert.strictEqual(step(final, 3).detail, `container ${container.shortId}`);
                assert.strictEqual(step(final, 4).cli, `docker start --attach ${container.shortId}`);
                // the final view already knows the finished container (refresh before the last emit)
                const finished = await finishedHello();
                assert.ok(finished >= 1);
                assert.ok(final.buttons?.some((b) => b.action === 'cleanup' && b.label.endsWith(`(${finished})`)), JSON.stringify(final.buttons));
            });

            it('cleanup asks first: No keeps the container', async function () {
                c.answer = false;
                const count = await finishedHello();
                assert.ok(count >= 1);
                await demo.act('cleanup');
                assert.strictEqual(c.confirms.length, 1);
                assert.deepStrictEqual(c.confirms[0], {
                    message: `Remove ${count} finished hello-world containers?`,
                    detail: 'They have exited; removing them deletes only their writable layers. The image stays.',
                    action: 'Remove',
                });
                assert.ok(await exists(container.id), 'still there after No');
            });

            it('cleanup with Yes removes it (the image stays)', async function () {
                c.answer = true;
                const count = await finishedHello();
                await demo.act('cleanup');
                assert.strictEqual(c.confirms.length, 2);
                assert.ok(!(await exists(container.id)), 'removed after Yes');
                assert.ok(await client.hasImage(HELLO), 'the image stays');
                assert.strictEqual(c.last.message, `Removed ${count} container(s).`);
                assert.strictEqual(await finishedHello(), 0);
                assert.ok(!c.last.buttons?.some((b) => b.action === 'cleanup'), JSON.stringify(c.last.buttons));
                assert.ok(c.logs.some((l) => l.startsWith(`docker rm ${container.name}`)), c.logs.join('\n'));
            });
        });

        describe('fresh: remove the image and pull it again', function () {
            let c: TestContext;
            let demo: HelloFlowDemo;
            let old: ContainerSummary;
            let imageId: string;

            before(async function () {
                c = ctx();
                demo = new HelloFlowDemo(c);
                c.demo = demo;
                imageId = (await client.inspectImage(HELLO)).id;
                await demo.start();
                const first = await demo.run();
                assert.strictEqual(first.state, 'done');
                old = await helloContainer(first);
            });

            it('No removes nothing: the container and the image stay, nothing runs', async function () {
                c.answer = false;
                const count = await finishedHello();
                const from = c.views.length;
                await demo.act('fresh');
                assert.strictEqual(c.confirms.length, 1);
                assert.strictEqual(c.confirms[0].message, 'Remove the image hello-world and run again?');
                assert.match(c.confirms[0].detail, new RegExp(`removes ${count} finished hello-world container\\(s\\)`));
                assert.strictEqual(c.confirms[0].action, 'Remove and Run');
                assert.ok(await exists(old.id));
                assert.ok(await client.hasImage(HELLO));
                assert.ok(!c.views.slice(from).some((v) => v.state === 'running'), 'no run after No');
                assert.ok(!c.logs.some((l) => l.startsWith('docker image rm')), c.logs.join('\n'));
            });

            it('Yes removes the containers and the image, then the run pulls it through the mirror (steps 1→2→3→4)', async function () {
                c.answer = true;
                const from = c.views.length;
                await demo.act('fresh');
                assert.strictEqual(c.confirms.length, 2);
                assert.ok(!(await exists(old.id)), 'the finished container was removed');
                assert.ok(c.logs.some((l) => l.startsWith('docker image rm hello-world')), c.logs.join('\n'));

                const final = c.last;
                assert.strictEqual(final.state, 'done', `${final.message} / ${JSON.stringify(final.steps)}`);
                assert.deepStrictEqual(states(final), ['done', 'done', 'done', 'done']);
                assert.deepStrictEqual([...(final.litSteps ?? [])].sort(), [1, 2, 3, 4]);
                assert.match(step(final, 2).call, /fromImage=hello-world&tag=latest/);
                // layers counted from the pull's own statuses: downloaded ("Pull complete") apart from "Already exists"
                const downloaded = (final.output ?? '').match(/^\w+: Pull complete$/gm)?.length ?? 0;
                const existing = (final.output ?? '').match(/^\w+: Already exists$/gm)?.length ?? 0;
                assert.ok(downloaded >= 1, final.output);
                assert.strictEqual(step(final, 2).detail, `${downloaded} layer(s) downloaded, ${existing} already on the engine`);
                assert.match(final.output ?? '', /Downloaded newer image for hello-world:latest/);
                const found = final.conclusion;
                assert.ok(found);
                assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
                assert.match(found.points[0].text, /^This run made 8 Engine API calls, in this order: GET \/_ping → GET \/images\/\{name\}\/json → POST \/images\/create → POST \/containers\/create → /);
                assert.ok(found.points.some((p) => p.text === `hello-world was not on the engine, so it was pulled: ${downloaded} layer(s) downloaded, ${existing} already on the engine.`), JSON.stringify(found.points));
                assert.match(final.output ?? '', /Hello from Docker!/);
                assertInOrder(runViews(c.views.slice(from)), 4);
                // the pull was seen while it happened: step 2 'active' with a progress line
                assert.ok(
                    c.views.slice(from).some((v) => step(v, 2).state === 'active'),
                    'step 2 was shown active while pulling',
                );

                // the image is back, the very same one, and it came from the loopback mirror
                assert.ok(await client.hasImage(HELLO));
                const pulled = await docker.getImage(`${HELLO}:latest`).inspect();
                assert.strictEqual(pulled.Id, imageId);
                const mirror = ((await docker.info()) as { RegistryConfig: { Mirrors: string[] } }).RegistryConfig.Mirrors[0];
                const manifest = await getJson(new URL('v2/library/hello-world/manifests/latest', mirror).href, {
                    Accept: 'application/vnd.docker.distribution.manifest.v2+json',
                });
                assert.strictEqual(manifest.status, 200);
                assert.ok(pulled.RepoDigests?.includes(`hello-world@${String(manifest.headers['docker-content-digest'])}`), JSON.stringify(pulled.RepoDigests));

                await helloContainer(final); // the new run's container, removed in after
            });
        });

        it('the CLI\'s first call for a missing image: create answers 404 "No such image" (then the CLI pulls and creates again)', async function () {
            await assert.rejects(
                () => client.createContainer({ image: 'nonexistent-lesson-image' }),
                (e: unknown) => {
                    const err = e as { kind?: string; statusCode?: number; message?: string };
                    assert.strictEqual(err.statusCode, 404, JSON.stringify(err));
                    assert.match(err.message ?? '', /No such image: nonexistent-lesson-image/);
                    return true;
                },
            );
        });

        it('a pull that fails stops at step 2 with the pull error; steps 3–4 never start', async function () {
            const c = ctx('en', { helloImage: 'nonexistent-lesson-image' });
            const demo = new HelloFlowDemo(c);
            await demo.start();
            assert.match(c.last.message ?? '', /nonexistent-lesson-image is not on your engine yet, so step 2 will pull it/);
            const final = await demo.run();
            assert.strictEqual(c.last, final);
            assert.strictEqual(final.state, 'error');
            assert.deepStrictEqual(states(final), ['done', 'error', 'pending', 'pending']);
            assert.deepStrictEqual(final.litSteps, [1]);
            assert.match(final.message ?? '', /^\w+: The pull failed at step 2: /);
            assert.match(step(final, 2).detail ?? '', /^The pull failed at step 2: /);
            assert.match(final.next ?? '', /dockerLessons\.helloWorldImage/);
            assert.match(step(final, 2).call, /fromImage=nonexistent-lesson-image&tag=latest/);
            assert.strictEqual(final.conclusion, undefined, 'a failed run states no findings');
            assert.deepStrictEqual(
                (await client.listContainers()).filter((x) => x.image === 'nonexistent-lesson-image'),
                [],
                'no container was created',
            );
        });

        it('with no engine: start() is unavailable (noSocket), run() fails at step 1', async function () {
            const missing = createDockerClient(parseDockerHost(`unix:///tmp/dl-test-no-engine-${process.pid}/docker.sock`, 'env'), { timeoutMs: 2000 });
            try {
                const c = new TestContext(() => missing);
                const demo = new HelloFlowDemo(c);
                await demo.start();
                assert.strictEqual(c.views.length, 1);
                assert.strictEqual(c.last.state, 'unavailable');
                assert.match(c.last.message ?? '', /^noSocket: .*ENOENT/);
                assert.strictEqual(c.last.next, 'next');

                const final = await demo.run();
                assert.strictEqual(final.state, 'error');
                assert.deepStrictEqual(states(final), ['error', 'pending', 'pending', 'pending']);
                assert.match(final.message ?? '', /^noSocket: /);
            } finally {
                missing.dispose();
            }
        });
    });

    describe('ivc.explore', function () {
        let c: TestContext;
        let demo: ImageVsContainerDemo;
        let hello: ImageSummary;
        let busybox: ImageSummary;
        let n: number;
        let created: ContainerSummary;

        before(async function () {
            c = ctx();
            demo = new ImageVsContainerDemo(c);
            c.demo = demo;
            const images = await client.listImages();
            hello = images.find((i) => i.repoTags.includes(`${HELLO}:latest`))!;
            busybox = images.find((i) => i.repoTags.includes(`${SHELL}:latest`))!;
            assert.ok(hello && busybox);
        });

        it('start() selects hello-world and shows its layers as `docker history` does', async function () {
            await demo.start();
            const v = c.last;
            assert.strictEqual(v.state, 'done', JSON.stringify(v));
            assert.strictEqual(v.choice?.selected, hello.id);
            assert.ok(v.choice?.options.some((o) => o.value === busybox.id), 'busybox is a choice');
            const history = await client.imageHistory(hello.id);
            const layers = v.tables?.[0];
            assert.ok(layers);
            assert.match(layers.caption, /^History of hello-world:latest/);
            assert.strictEqual(layers.rows.length, history.length);
            layers.rows.forEach((row, i) => {
                assert.strictEqual(row[0], String(i + 1));
                assert.strictEqual(row[2], formatBytes(history[i].size), `row ${i}`);
            });
            // hello-world: COPY the program (files), then CMD (configuration)
            assert.deepStrictEqual(
                layers.rows.map((r) => [r[1].split(' ')[0], r[3]]),
                [
                    ['COPY', 'changes files'],
                    ['CMD', 'configuration only'],
                ],
            );
            assert.strictEqual(fact(v, 'Image size').value, formatBytes(hello.size));

            n = (await client.listContainers()).filter((x) => x.imageId === hello.id).length;
            assert.strictEqual(v.tables?.[1].rows.length, n);
            const count = fact(v, 'Instances of this image');
            assert.strictEqual(count.value, String(n));
            assert.strictEqual(count.ok, undefined, 'nothing to compare yet');
        });

        it('the Kind column follows the instruction, not the size: WORKDIR and a 0 B RUN change files, ENV/CMD do not', async function () {
            const tag = `dl-test-ivc-kinds:${process.pid}`;
            const id = await buildImage(docker, `FROM busybox\nWORKDIR /work/here\nRUN true\nENV DL_TEST=${Math.random()}\nCMD ["sh"]\n`, tag);
            cleanup.image(id);
            const kc = ctx();
            const kdemo = new ImageVsContainerDemo(kc);
            kc.demo = kdemo;
            await kdemo.start();
            await kdemo.select(tag);
            const rows = kc.last.tables?.[0].rows ?? [];
            const history = await client.imageHistory(id);
            const byInstruction = rows.slice(-4).map((r) => [r[1].split(' ')[0], r[2], r[3]]);
            assert.deepStrictEqual(
                byInstruction.map(([i, , k]) => [i, k]),
                [
                    ['WORKDIR', 'changes files'],
                    ['RUN', 'changes files'],
                    ['ENV', 'configuration only'],
                    ['CMD', 'configuration only'],
                ],
                JSON.stringify(rows),
            );
            // `RUN true` stored no file content: 0 B, and still a step that changes files
            assert.strictEqual(byInstruction[1][1], '0 B');
            assert.strictEqual(history[history.length - 3].size, 0);
        });

        it('create makes one more instance: N → N+1', async function () {
            const from = c.views.length;
            await demo.act('create');
            assert.ok(c.views.slice(from).some((v) => v.state === 'running' && v.buttons?.[0].disabled === true), 'busy while creating');
            const v = c.last;
            assert.strictEqual(v.state, 'done');
            const count = fact(v, 'Instances of this image');
            assert.strictEqual(count.value, `${n + 1} (was ${n}, now ${n + 1})`);
            assert.strictEqual(count.ok, true);
            assert.strictEqual(v.tables?.[1].rows.length, n + 1);

            const mine = (await containersOf('image-vs-container')).filter((x) => !preexisting.has(x.id));
            assert.strictEqual(mine.length, 1, JSON.stringify(mine));
            created = mine[0];
            cleanup.container(created.id);
            assert.strictEqual(created.imageId, hello.id);
            assert.strictEqual(created.state, 'created');
            // the create measured the new container's writable layer at once
            const sizeRw = (await client.inspectContainer(created.id, { size: true })).sizeRw ?? 0;
            assert.ok(v.tables?.[1].rows.some((r) => r[0] === created.name && r[1] === 'created' && r[3] === formatBytes(sizeRw)), JSON.stringify(v.tables?.[1].rows));
            assert.ok(v.tables?.[1].rowActions?.[0].args.includes(created.id));

            // the findings compare two real readings of the image, before and after, and state them
            const found = v.conclusion;
            assert.ok(found);
            assert.strictEqual(found.state, 'held', JSON.stringify(found.points));
            const size = (await client.inspectImage(hello.id)).size;
            const texts = found.points.map((p) => p.text);
            assert.ok(texts.includes(`Containers made from hello-world:latest: ${n} before, ${n + 1} after. One \`docker create\` added one instance.`), JSON.stringify(texts));
            assert.ok(
                texts.includes(`Image size read before creating the container: ${formatBytes(size)} (${size} bytes); read again after: ${formatBytes(size)} (${size} bytes). Unchanged: the container did not copy the image.`),
                JSON.stringify(texts),
            );
            const rows = (await client.imageHistory(hello.id)).length;
            assert.ok(texts.includes(`The image still has the same ${rows} history rows (layers and settings), read-only, before and after.`), JSON.stringify(texts));
            assert.ok(texts.includes(`The new container ${created.name} has a writable layer of 0 B: it has changed nothing yet.`) === (sizeRw === 0), JSON.stringify(texts));
            assert.ok(c.logs.filter((l) => l.startsWith("docker image inspect --format '{{.Size}}' hello-world:latest")).length === 2, c.logs.join('\n'));
        });

        it('size measures the writable layer of one container', async function () {
            await demo.act('size', created.id);
            const row = c.last.tables?.[1].rows.find((r) => r[0] === created.name);
            assert.ok(row);
            const sizeRw = (await client.inspectContainer(created.id, { size: true })).sizeRw;
            assert.strictEqual(typeof sizeRw, 'number');
            assert.strictEqual(row[3], formatBytes(sizeRw!));
            assert.match(row[3], /^\d+(\.\d+)? (B|kB|MB|GB)$/);
        });

        it('select switches both tables to busybox', async function () {
            await demo.act('select', busybox.id);
            const v = c.last;
            assert.strictEqual(v.choice?.selected, busybox.id);
            assert.match(v.tables?.[0].caption ?? '', /^History of busybox:latest/);
            assert.strictEqual(v.conclusion, undefined, 'another image: the last create\'s findings are not shown for it');
            assert.match(v.tables?.[1].caption ?? '', /^Containers made from busybox:latest/);
            const history = await client.imageHistory(busybox.id);
            assert.deepStrictEqual(
                v.tables?.[0].rows.map((r) => r[2]),
                history.map((l) => formatBytes(l.size)),
            );
            assert.ok(!v.tables?.[1].rows.some((r) => r[0] === created.name), 'the hello-world instance is not a busybox instance');
            const count = fact(v, 'Instances of this image');
            assert.strictEqual(count.value, String((await client.listContainers()).filter((x) => x.imageId === busybox.id).length));
            assert.strictEqual(count.ok, undefined, 'a new selection starts a new comparison');
        });
    });

    describe('evidence: the daemon events complete the lessons', function () {
        let events: EngineEvent[];
        let closed: Error | undefined;
        let stream: { dispose(): void } | undefined;

        before(async function () {
            events = [];
            stream = client.streamEvents({ onEvent: (e) => events.push(e), onClose: (e) => (closed = e ?? new Error('closed')) });
            // the stream is live once an image event made after it opened comes through
            const probe = `dl-test-probe-${process.pid}`;
            await waitFor(
                'the events stream',
                async () => {
                    await docker.getImage(`${SHELL}:latest`).tag({ repo: probe, tag: 'latest' });
                    await docker.getImage(`${probe}:latest`).remove();
                    await new Promise((r) => setTimeout(r, 100));
                    return events.some((e) => e.type === 'image' && e.action === 'tag' && /dl-test-probe/.test(e.attributes.name ?? '')) ? true : undefined;
                },
                10_000,
                0,
            );
        });

        after(function () {
            stream?.dispose();
        });

        it('hello.flow: the container’s die event → hello-world', async function () {
            const c = ctx();
            const final = await new HelloFlowDemo(c).run();
            assert.strictEqual(final.state, 'done');
            const { id } = await helloContainer(final);
            const die = await waitFor('the die event', () => events.find((e) => e.type === 'container' && e.action === 'die' && e.id === id));
            assert.strictEqual(die.attributes.exitCode, '0');
            assert.strictEqual(die.attributes[LESSON_LABEL], 'hello-world');
            assert.strictEqual(lessonCompletedBy(die, HELLO), 'hello-world');
            // only the end counts: create and start do not complete it
            for (const e of events.filter((x) => x.id === id && x.action !== 'die')) {
                assert.strictEqual(lessonCompletedBy(e, HELLO), undefined, e.action);
            }
            assert.strictEqual(closed, undefined);
        });

        it('why.sameEverywhere: each run’s die event → why-docker (and each container is destroyed)', async function () {
            const c = ctx();
            const from = events.length;
            await new WhyDockerDemo(c).act('run');
            assert.strictEqual(c.last.state, 'done');
            const dies = await waitFor('two die events', () => {
                const d = events.slice(from).filter((e) => e.action === 'die' && e.attributes[LESSON_LABEL] === 'why-docker');
                return d.length === 2 ? d : undefined;
            });
            for (const die of dies) {
                assert.strictEqual(lessonCompletedBy(die, HELLO), 'why-docker');
                await waitFor('the destroy event', () => events.find((e) => e.action === 'destroy' && e.id === die.id));
            }
        });

        it('ivc.explore: the create event → image-vs-container', async function () {
            const c = ctx();
            const demo = new ImageVsContainerDemo(c);
            c.demo = demo;
            await demo.start();
            const from = events.length;
            await demo.act('create');
            assert.strictEqual(fact(c.last, 'Instances of this image').ok, true);
            const create = await waitFor('the create event', () =>
                events.slice(from).find((e) => e.type === 'container' && e.action === 'create' && e.attributes[LESSON_LABEL] === 'image-vs-container'),
            );
            cleanup.container(create.id);
            assert.strictEqual(lessonCompletedBy(create, HELLO), 'image-vs-container');
        });
    });
});
