/**
 * Lessons 7 and 11, pure parts: build steps as rows (cached/rebuilt, seconds) from BuildKit streams
 * captured on a real engine, and the findings of both lessons built from results, including results
 * that surprise (a second build that rebuilt, a stop that did not wait, a restart count short).
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { BuildStreamReader } from '../../src/docker/buildProgress';
import type { BuildEvent } from '../../src/docker/types';
import { StepCollector, StepRow } from '../../src/lessons/live/buildSteps';
import { buildCacheFindings, BuildCacheResult, wholeContextCopy, yoursFindings } from '../../src/lessons/live/findings/buildCache';
import { lifecycleFindings, LifecycleResult } from '../../src/lessons/live/findings/lifecycle';
import { FIXTURES_DIR } from './helpers';

function collect(name: string): StepRow[] {
    const c = new StepCollector();
    const reader = new BuildStreamReader('buildkit', (e) => c.push(e));
    for (const line of fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8').split('\n').filter((l) => l.trim())) {
        reader.push(JSON.parse(line));
    }
    return c.finish();
}

const row = (text: string, cached: boolean, seconds?: number, stage = 'build'): StepRow => ({ stage, step: 1, total: 5, text, cached, seconds });

describe('lesson 7: build steps as rows (streams from a real engine)', () => {
    it('a fresh build: every step after FROM rebuilt, the RUN with its DONE time', () => {
        const rows = collect('build-buildkit-fresh.ndjson');
        assert.deepEqual(rows.map((r) => [r.text, r.cached]), [
            ['FROM docker.io/library/busybox', true],
            ['WORKDIR /work', false],
            ['RUN echo out-line && echo err-line >&2', false],
            ['COPY x.txt .', false],
        ]);
        const run = rows[2];
        assert.ok(typeof run.seconds === 'number' && run.seconds >= 0, JSON.stringify(run));
    });

    it('a cached rebuild: every step cached and none has a time', () => {
        const rows = collect('build-buildkit-cached.ndjson');
        assert.ok(rows.slice(1).every((r) => r.cached && r.seconds === undefined), JSON.stringify(rows));
    });

    it('the legacy builder: "Using cache" marks a step cached; a step that ran gets the time until the next one', () => {
        let now = 0;
        const c = new StepCollector(() => now);
        const step = (n: number, text: string): BuildEvent => ({ kind: 'step', builder: 'legacy', step: n, total: 3, text });
        c.push(step(1, 'FROM busybox'));
        c.push(step(2, 'COPY a .'));
        c.push({ kind: 'output', text: ' ---> Using cache\n ---> 1234\n' });
        now = 100;
        c.push(step(3, 'RUN sleep 1'));
        now = 1350;
        const rows = c.finish();
        assert.deepEqual(rows.map((r) => [r.text, r.cached, r.seconds]), [
            ['FROM busybox', false, 0],
            ['COPY a .', true, undefined],
            ['RUN sleep 1', false, 1.25],
        ]);
    });
});

const CONTEXT = { files: 4, bytes: 900, ignoredFiles: 2, ignoredBytes: 1_114_112 };
const FIRST = [row('FROM busybox', true), row('COPY deps.txt .', false, 0.1), row('RUN install', false, 1.4), row('COPY app.sh .', false, 0.1), row('RUN sh app.sh', false, 0.3)];
const ALL_CACHED = FIRST.map((r) => ({ ...r, cached: true, seconds: undefined }));
const THIRD = [row('FROM busybox', true), row('COPY deps.txt .', true), row('RUN install', true), row('COPY app.sh .', false, 0.1), row('RUN sh app.sh', false, 0.3)];
const base: BuildCacheResult = { first: FIRST, second: ALL_CACHED, third: THIRD, changedFile: 'app.sh', context: CONTEXT, finalSize: 4_000_000, buildStageSize: 7_200_000 };

describe('lesson 7: findings from the three builds', () => {
    it('as expected: second all cached, the changed COPY first rebuilt, the saved dependency time, .dockerignore, stage sizes', () => {
        const f = buildCacheFindings(base, 'en');
        assert.equal(f.state, 'held');
        const texts = f.points.map((p) => p.text);
        assert.ok(texts.includes('First build: 4 of 4 steps were rebuilt, in 1.9 s of builder time.'), texts.join('\n'));
        assert.ok(texts.includes('Second build with nothing changed: all 4 steps came from the build cache (CACHED).'));
        assert.ok(texts.some((t) => t.startsWith('After changing app.sh: 2 steps before it came from the cache; the first rebuilt step is "COPY app.sh ."')));
        assert.ok(texts.some((t) => /1\.4 s of the first build's work was not repeated/.test(t)));
        assert.ok(texts.some((t) => /^\.dockerignore kept out 2 files/.test(t)));
        assert.ok(texts.some((t) => /^Multi-stage: the final image is/.test(t)));
    });

    it('a surprise is said with its likely reason: the second build rebuilt, COPY . . invalidated early, the final stage not smaller', () => {
        const second = ALL_CACHED.map((r, i) => (i === 2 ? { ...r, cached: false, seconds: 1.3 } : r));
        const third = [row('FROM busybox', true), row('COPY . .', false, 0.1), row('RUN install', false, 1.4)];
        const f = buildCacheFindings({ ...base, second, third, finalSize: 9_000_000 }, 'en');
        assert.equal(f.state, 'surprise');
        const surprises = f.points.filter((p) => p.state === 'surprise');
        assert.equal(surprises.length, 3, JSON.stringify(f.points));
        assert.match(surprises[0].text, /1 of 4 steps were rebuilt anyway: RUN install/);
        assert.ok(surprises[0].why);
        assert.match(surprises[1].text, /first rebuilt step is "COPY \. \."/);
        assert.match(surprises[1].why ?? '', /COPY \. \./);
        assert.match(surprises[2].text, /not smaller/);
    });

    it('Korean findings are Korean and carry the same figures', () => {
        const f = buildCacheFindings(base, 'ko');
        assert.match(f.points[1].text, /단계 4개가 모두 빌드 캐시에서/);
    });
});

const STATES = ['created', 'running', 'paused', 'running', 'running', 'exited', 'removed'].map((s, i) => ({ step: `s${i}`, expected: s, seen: s }));
const okRun: LifecycleResult = { states: STATES, stopIgnoring: { timeoutS: 2, ms: 2150, exitCode: 137 }, stopHandling: { ms: 180, exitCode: 0 }, kill: { ms: 60, exitCode: 137 }, restarts: { max: 2, count: 2, exitCode: 3 }, autoRemoved: true };

describe('lesson 11: findings from the lifecycle run', () => {
    it('as expected: states in order, stop waited the timeout then SIGKILL, a handled SIGTERM and kill were fast, restarts, --rm', () => {
        const f = lifecycleFindings(okRun, 'en');
        assert.equal(f.state, 'held', JSON.stringify(f.points));
        assert.equal(f.points[0].text, 'The engine reported each state as it happened: created → running → paused → running → running → exited → removed.');
        assert.match(f.points[1].text, /took 2150 ms: .*stop timeout \(2 s\), then sent SIGKILL \(exit code 137/);
        assert.match(f.points[2].text, /only 180 ms \(exit code 0\)/);
        assert.match(f.points[4].text, /restarted it 2 times/);
    });

    it('surprises: a stop that returned before the timeout, a state not as expected, a restart count short, --rm that left it', () => {
        const states = STATES.map((s, i) => (i === 2 ? { ...s, seen: 'running' } : s));
        const f = lifecycleFindings({ ...okRun, states, stopIgnoring: { timeoutS: 2, ms: 300, exitCode: 0 }, restarts: { max: 2, count: 1, exitCode: 3 }, autoRemoved: false }, 'en');
        assert.equal(f.state, 'surprise');
        const s = f.points.filter((p) => p.state === 'surprise').map((p) => p.text);
        assert.equal(s.length, 4, JSON.stringify(f.points));
        assert.match(s[0], /After "s2" the engine reported running, not paused/);
        assert.match(s[1], /took 300 ms with exit code 0; the stop timeout was 2 s/);
        assert.match(s[2], /counted 1 restarts/);
        assert.match(s[3], /still there/);
    });
});

describe('lesson 7 beside your Dockerfile: what a change would invalidate', () => {
    it('finds the first COPY/ADD of the whole context, and whether a RUN follows it', () => {
        assert.deepEqual(wholeContextCopy('FROM node\nWORKDIR /app\nCOPY package.json .\nRUN npm ci\nCOPY . .\nCMD ["node","."]\n'), { line: 5, text: 'COPY . .', runAfter: false });
        assert.deepEqual(wholeContextCopy('FROM node\nCOPY --chown=1000 ./ /app\nRUN npm ci\n'), { line: 2, text: 'COPY --chown=1000 ./ /app', runAfter: true });
        assert.equal(wholeContextCopy('FROM a AS b\nFROM c\nCOPY --from=b . /x\nCOPY src/ /src\n'), undefined);
    });

    it('findings: the order advice only when a RUN comes after the whole-context COPY', () => {
        const ctx = { files: 3, bytes: 30, ignoredFiles: 0, ignoredBytes: 0 };
        const withRun = yoursFindings({ first: FIRST, second: ALL_CACHED, context: ctx, wholeContext: { line: 3, text: 'COPY . .', runAfter: true } }, 'en');
        assert.match(withRun.points[2].text, /^Line 3 copies the whole build context \(COPY \. \.\).*including the RUN steps after it/);
        const noRun = yoursFindings({ first: FIRST, second: ALL_CACHED, context: ctx, wholeContext: { line: 3, text: 'COPY . .', runAfter: false } }, 'en');
        assert.doesNotMatch(noRun.points[2].text, /RUN/);
        assert.match(yoursFindings({ first: FIRST, second: ALL_CACHED, context: ctx }, 'ko').points[2].text, /전체를 복사하는 단계가 없습니다/);
    });
});
