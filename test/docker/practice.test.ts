/**
 * Practice, checked by the engine: each exercise against the private engine, driven as a learner
 * would, from a terminal (Debian's docker CLI, /usr/bin/docker, with the same DOCKER_HOST). The runner
 * gets the daemon's events from one stream opened here as the refresh owner would, inspects what they
 * name, and judges: first a near miss (recognised as not yet done, with the missing part said), then
 * the solution (recognised as done). With PRACTICE_CAPTURE=<folder> each evidence is written as JSON
 * (the unit tests' fixtures come from such a run).
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import type { DockerClient } from '../../src/docker/types';
import { EXERCISES } from '../../src/lessons/practice';
import { BUILD_PRACTICE_TAG } from '../../src/lessons/practice/exercises/build';
import { PracticeRunner } from '../../src/lessons/practice/runner';
import type { PracticeEvidence, PracticeVerdict } from '../../src/lessons/practice/types';
import { rawDocker, requireEngine, sleep } from './helpers';

const CLI = '/usr/bin/docker';
const LABEL = 'dl-test=practice';

/** A learner's command in a terminal: another process, so this one keeps reading events meanwhile. */
function sh(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<string> {
    return new Promise((resolve, reject) =>
        execFile(CLI, args, { env: { ...process.env, ...env }, cwd, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout))),
    );
}

interface Scenario {
    readonly exercise: string;
    /** A near miss: what a learner might do first. */
    readonly miss: (name: string, dir: string) => Promise<unknown>;
    /** The part the miss lacks, said by one of the checks (English). */
    readonly missing: RegExp;
    readonly solve: (name: string, dir: string) => Promise<unknown>;
}

const SCENARIOS: Scenario[] = [
    {
        exercise: 'why.runAndRemove',
        miss: () => sh(['run', '--label', LABEL, 'busybox', 'echo', 'it works']),
        missing: /still there/,
        solve: () => sh(['run', '--rm', '--label', LABEL, 'busybox', 'echo', 'it works']),
    },
    {
        exercise: 'ivc.twoInstances',
        miss: (n) => sh(['create', '--label', LABEL, '--name', `${n}-a`, 'busybox']),
        missing: /One container from busybox so far/,
        solve: (n) => sh(['create', '--label', LABEL, '--name', `${n}-b`, 'busybox']),
    },
    {
        exercise: 'hello.runYourself',
        miss: () => sh(['create', '--label', LABEL, 'hello-world']),
        missing: /created but not started/,
        solve: () => sh(['run', '--label', LABEL, 'hello-world']),
    },
    {
        exercise: 'vm.kernelInside',
        miss: () => sh(['run', '--rm', '--label', LABEL, 'busybox', 'true']),
        missing: /ran true, not uname/,
        solve: () => sh(['run', '--rm', '--label', LABEL, 'busybox', 'uname', '-r']),
    },
    {
        exercise: 'cgroups.memory64',
        miss: () => sh(['run', '-d', '--label', LABEL, '--memory', '32m', 'busybox', 'sleep', '120']),
        missing: /memory limit is 32 MiB .*not 64 MiB/,
        solve: () => sh(['run', '-d', '--label', LABEL, '--memory', '64m', 'busybox', 'sleep', '120']),
    },
    {
        exercise: 'ns.pidHost',
        miss: () => sh(['run', '--rm', '--label', LABEL, 'busybox', 'ps']),
        missing: /own PID namespace/,
        solve: () => sh(['run', '--rm', '--label', LABEL, '--pid=host', 'busybox', 'ps']),
    },
    {
        exercise: 'build.tagAndLabel',
        miss: (_n, dir) => sh(['build', '-q', '-t', BUILD_PRACTICE_TAG, '.'], { DOCKER_BUILDKIT: '1' }, dir),
        missing: /no label lesson/,
        solve: (_n, dir) => sh(['build', '-q', '-t', BUILD_PRACTICE_TAG, '--label', 'lesson=7', '.'], { DOCKER_BUILDKIT: '1' }, dir),
    },
    {
        exercise: 'lifecycle.unlessStopped',
        miss: (n) => sh(['run', '-d', '--label', LABEL, '--name', n, '--restart', 'unless-stopped', 'busybox', 'sleep', '120']),
        missing: /still running/,
        solve: (n) => sh(['stop', '-t', '1', n]),
    },
];

describe('docker: practice exercises checked by the engine (done and not yet done)', function () {
    this.timeout(90_000);
    let docker: Dockerode;
    let client: DockerClient;
    let stream: { dispose(): void } | undefined;
    let runner: PracticeRunner | undefined;
    let dir: string;
    const capture = process.env.PRACTICE_CAPTURE;

    before(async function () {
        requireEngine(this);
        assert.ok(fs.existsSync(CLI), `${CLI} (Debian's docker.io) is the learner's terminal here`);
        docker = rawDocker();
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-practice-'));
        fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n');
        fs.writeFileSync(path.join(dir, 'hello.txt'), 'built in practice\n');
        let opened!: () => void;
        const open = new Promise<void>((r) => (opened = r));
        // one events stream, as the refresh owner keeps it; the runner only listens
        stream = client.streamEvents({ onEvent: (e) => runner?.onEvent(e), onClose: () => undefined, onOpen: () => opened() });
        await open;
    });

    after(async () => {
        stream?.dispose();
        for (const c of await docker.listContainers({ all: true, filters: { label: [LABEL] } })) {
            await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
        }
        await docker.getImage(BUILD_PRACTICE_TAG).remove({ force: true }).catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
        client?.dispose();
    });

    afterEach(() => runner?.stop());

    it('every exercise has a scenario here (or in practice3.test.ts, lessons 8–10), and every lesson with an exercise has exactly one', () => {
        const elsewhere = fs.readFileSync(path.join(__dirname, 'practice3.test.js'), 'utf8');
        const here = new Set(SCENARIOS.map((s) => s.exercise));
        const missing = EXERCISES.map((e) => e.id).filter((id) => !here.has(id) && !elsewhere.includes(`it('${id}:`));
        assert.deepEqual(missing, []);
        assert.ok(SCENARIOS.every((s) => EXERCISES.some((e) => e.id === s.exercise)));
        const lessons = EXERCISES.map((e) => e.lessonId);
        assert.equal(new Set(lessons).size, lessons.length);
    });

    for (const s of SCENARIOS) {
        it(`${s.exercise}: a near miss is not yet done (the missing part is said), the solution is done`, async () => {
            const exercise = EXERCISES.find((e) => e.id === s.exercise);
            assert.ok(exercise);
            const verdicts: PracticeVerdict[] = [];
            let evidence: PracticeEvidence | undefined;
            runner = new PracticeRunner(exercise, { client: () => client, onVerdict: (v, e) => (verdicts.push(v), (evidence = e)), batchMs: 50 });
            runner.start();
            assert.deepEqual(verdicts[0], { done: false, checks: [] }, 'nothing seen yet: no checks');
            const name = `dl-test-practice-${Math.random().toString(36).slice(2, 8)}`;
            const settle = async (want: (v: PracticeVerdict) => boolean, what: string) => {
                const t0 = Date.now();
                while (Date.now() - t0 < 15_000) {
                    await sleep(150);
                    await runner!.flush();
                    if (want(runner!.verdict)) {
                        return runner!.verdict;
                    }
                }
                assert.fail(`${what}: last verdict ${JSON.stringify(runner!.verdict)}`);
            };
            await s.miss(name, dir);
            const miss = await settle((v) => !v.done && v.checks.some((c) => !c.ok && s.missing.test(c.text.en)), 'near miss recognised');
            assert.ok(miss.checks.every((c) => c.text.ko && c.text.ko !== c.text.en), 'each check is said in Korean too');
            if (capture) {
                fs.writeFileSync(path.join(capture, `${s.exercise}.notyet.json`), JSON.stringify(evidence, null, 1));
            }
            await s.solve(name, dir);
            const done = await settle((v) => v.done, 'solution recognised');
            assert.ok(done.checks.length >= 2 && done.checks.every((c) => c.ok));
            if (capture) {
                fs.writeFileSync(path.join(capture, `${s.exercise}.done.json`), JSON.stringify(evidence, null, 1));
            }
        });
    }
});
