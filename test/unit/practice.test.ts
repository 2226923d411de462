/**
 * Practice exercises judged from evidence captured from a real daemon (test/unit/fixtures/practice,
 * written by test/docker/practice.test.ts with PRACTICE_CAPTURE): each near miss is not yet done and
 * says what is missing, each solution is done. Plus the runner's reading of a removed container and
 * the verdict as the panel shows it.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { EXERCISES, exerciseFor } from '../../src/lessons/practice';
import { verdictView } from '../../src/lessons/practice/demo';
import { afterEvents, rawEvent } from '../../src/lessons/practice/runner';
import type { PracticeEvidence } from '../../src/lessons/practice/types';
import { LESSONS } from '../../src/lessons/catalog';
import { REPO_ROOT } from './helpers';

const DIR = path.join(REPO_ROOT, 'test', 'unit', 'fixtures', 'practice');
const load = (name: string): PracticeEvidence => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as PracticeEvidence;
const EMPTY: PracticeEvidence = { containers: [], images: [], volumes: [], events: [] };

describe('practice exercises (evidence captured from a real daemon)', () => {
    it('one exercise per lesson, each for a lesson in the catalog, ids unique', () => {
        const ids = EXERCISES.map((e) => e.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const e of EXERCISES) {
            assert.ok(LESSONS.some((l) => l.id === e.lessonId), `${e.id}: lesson ${e.lessonId}`);
            assert.equal(exerciseFor(e.lessonId), e);
            assert.match(e.task.ko, /[\uac00-\ud7a3]/);
            assert.notEqual(e.task.ko, e.task.en);
            assert.ok(e.hint.en && e.hint.ko && e.solution.startsWith('docker '), e.id);
        }
        for (const lesson of LESSONS.map((l) => l.id)) {
            assert.ok(exerciseFor(lesson), `${lesson} has an exercise`);
        }
    });

    /** Lessons 8–10 captured their evidence under names of their own (fixtures/README.md). */
    const FILES: Readonly<Record<string, readonly [notYet: string, done: string]>> = {
        'ports.publish8081': ['ports-all-addresses.json', 'ports-done.json'],
        'volumes.keepData': ['volumes-not-removed.json', 'volumes-done.json'],
        'names.secondTag': ['names-latest.json', 'names-done.json'],
    };
    for (const e of EXERCISES) {
        const [notYet, done] = FILES[e.id] ?? [`${e.id}.notyet.json`, `${e.id}.done.json`];
        it(`${e.id}: nothing seen → no checks; near miss → not yet, with what is missing; solution → done`, () => {
            assert.deepEqual(e.check(EMPTY), { done: false, checks: [] });
            const miss = e.check(load(notYet));
            assert.equal(miss.done, false);
            assert.ok(miss.checks.some((c) => !c.ok), 'a missing part is named');
            const met = e.check(load(done));
            assert.equal(met.done, true, JSON.stringify(met.checks.map((c) => c.text.en)));
            assert.ok(met.checks.length >= 2 && met.checks.every((c) => c.ok && c.text.en && c.text.ko));
        });
    }

    it('cgroups: the check names the limit it found, from the JSON (32 MiB, not 64 MiB)', () => {
        const v = exerciseFor('cgroups')!.check(load('cgroups.memory64.notyet.json'));
        assert.ok(v.checks.some((c) => !c.ok && /32 MiB \(33554432 bytes\), not 64 MiB/.test(c.text.en)), JSON.stringify(v));
    });

    it('a container removed before it was read: built from its events (start, die with the exit code)', () => {
        const id = 'c'.repeat(64);
        const ev = (action: string, time: number, attributes: Record<string, string> = {}) => rawEvent({ type: 'container', action, id, time, attributes: { image: 'busybox', name: 'x', ...attributes } });
        const c = afterEvents(undefined, id, [ev('create', 10), ev('start', 11), ev('die', 12, { exitCode: '3' }), ev('destroy', 12)]);
        assert.equal((c.State as { Running: boolean }).Running, false);
        assert.equal((c.State as { ExitCode: number }).ExitCode, 3);
        assert.equal((c.Config as { Image: string }).Image, 'busybox');
        assert.equal((c.State as { StartedAt: string }).StartedAt, new Date(11_000).toISOString());
    });

    it('the verdict as the panel shows it: each check with its state in words, in both languages', () => {
        const v = exerciseFor('cgroups')!.check(load('cgroups.memory64.notyet.json'));
        const en = verdictView(v, 'en')!;
        const ko = verdictView(v, 'ko')!;
        assert.equal(en.state, 'surprise');
        assert.equal(en.stateWord, 'not done yet');
        assert.deepEqual(en.points.map((p) => p.stateWord).sort(), ['Met', 'Missing']);
        assert.deepEqual(ko.points.map((p) => p.stateWord).sort(), ['부족', '충족']);
        assert.equal(verdictView({ done: false, checks: [] }, 'en'), undefined);
    });
});
