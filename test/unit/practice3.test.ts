/**
 * The exercises of lessons 8–10 (ports, volumes, image names), checked against evidence captured from
 * the private engine (test/unit/fixtures/practice, see the README there): done, and each way of not
 * being done yet, said in English and Korean.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { EXERCISES } from '../../src/lessons/practice';
import { secondTag } from '../../src/lessons/practice/imageNames';
import { publish8081 } from '../../src/lessons/practice/ports';
import type { Exercise, PracticeEvidence, PracticeVerdict } from '../../src/lessons/practice/types';
import { keepData } from '../../src/lessons/practice/volumes';
import { LESSONS } from '../../src/lessons/catalog';
import { FIXTURES_DIR } from './helpers';

const HANGUL = /[\uac00-\ud7a3]/;
const EMPTY: PracticeEvidence = { containers: [], images: [], volumes: [], events: [] };

function evidence(name: string): PracticeEvidence {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'practice', `${name}.json`), 'utf8')) as PracticeEvidence;
}

function texts(v: PracticeVerdict, locale: 'en' | 'ko' = 'en'): string[] {
    return v.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.text[locale]}`);
}

function assertWellFormed(v: PracticeVerdict): void {
    assert.ok(v.checks.length > 0, 'a verdict on relevant evidence says something');
    for (const c of v.checks) {
        assert.ok(c.text.en.trim() && c.text.ko.trim());
        assert.match(c.text.ko, HANGUL);
        assert.notEqual(c.text.en, c.text.ko);
    }
    assert.equal(v.done, v.checks.every((c) => c.ok), 'done exactly when every check holds');
}

describe('practice: the exercises of lessons 8–10', () => {
    it('one exercise per lesson, with unique ids, task, hint and solution in both languages', () => {
        const mine: Exercise[] = [publish8081, keepData, secondTag];
        assert.deepEqual(EXERCISES.filter((e) => mine.includes(e)), mine);
        assert.deepEqual(mine.map((e) => e.lessonId), ['ports', 'volumes', 'image-names']);
        for (const e of mine) {
            assert.ok(LESSONS.some((l) => l.id === e.lessonId), e.lessonId);
            for (const t of [e.task, e.hint]) {
                assert.ok(t.en && t.ko && HANGUL.test(t.ko), e.id);
            }
            assert.match(e.solution, /^docker /);
        }
        assert.equal(new Set(EXERCISES.map((e) => e.id)).size, EXERCISES.length);
    });

    it('nothing seen yet: not done, and nothing to say', () => {
        for (const e of [publish8081, keepData, secondTag]) {
            assert.deepEqual(e.check(EMPTY), { done: false, checks: [] }, e.id);
        }
    });

    describe('ports.publish8081', () => {
        it('done: web runs with 127.0.0.1:8081 → 80/tcp, published by the engine', () => {
            const v = publish8081.check(evidence('ports-done'));
            assertWellFormed(v);
            assert.equal(v.done, true, texts(v).join('\n'));
            assert.ok(texts(v).includes('✓ The port is published on 127.0.0.1 only: other computers cannot connect.'), texts(v).join('\n'));
        });

        it('-p 8081:80: "published on 0.0.0.0, not 127.0.0.1"', () => {
            const v = publish8081.check(evidence('ports-all-addresses'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.deepEqual(v.checks.filter((c) => !c.ok).map((c) => c.text.en), ['The port is published on 0.0.0.0 (every address), not 127.0.0.1: write the address in -p, as in -p 127.0.0.1:8081:80.']);
            assert.ok(texts(v, 'ko').some((t) => t.includes('0.0.0.0(모든 주소)')), texts(v, 'ko').join('\n'));
        });

        it('-p 127.0.0.1:8082:80: no container on 8081, and the one on 8082 is named', () => {
            const v = publish8081.check(evidence('ports-other-port'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.deepEqual(texts(v), ['✗ No container publishes host port 8081 yet.', '✗ web publishes port 80 on host port 8082, not 8081.']);
        });

        it('stopped: everything right but it does not run', () => {
            const v = publish8081.check(evidence('ports-stopped'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.deepEqual(v.checks.filter((c) => !c.ok).map((c) => c.text.en), ['web is not running (exited): start it with docker start web.']);
        });
    });

    describe('volumes.keepData', () => {
        it('done: the writer used lesson-data, ended cleanly and was removed; a later reader ended cleanly', () => {
            const v = keepData.check(evidence('volumes-done'));
            assertWellFormed(v);
            assert.equal(v.done, true, texts(v).join('\n'));
            assert.deepEqual(texts(v), [
                '✓ writer used lesson-data at /data, ended cleanly, and was removed.',
                '✓ reader, created after that, used lesson-data at /data and ended cleanly: the data was still there.',
            ]);
        });

        it('not removed yet: says to docker rm the writer', () => {
            const v = keepData.check(evidence('volumes-not-removed'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.deepEqual(texts(v), ['✗ writer used lesson-data at /data; now remove it with docker rm writer.']);
        });

        it('a bind mount at /data is not the named volume', () => {
            const v = keepData.check(evidence('volumes-bind'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.equal(v.checks[0].text.en, 'No container has used the volume lesson-data at /data yet.');
            assert.match(v.checks[1].text.en, /^binder mounts a folder of the host \(\/tmp\/i13net-bind\) at \/data: a bind mount, not the named volume lesson-data\.$/);
        });

        it('the volume removed with the writer (its destroy event) is not done even with a reader', () => {
            const ev = evidence('volumes-done');
            const gone = { Type: 'volume', Action: 'destroy', Actor: { ID: 'lesson-data', Attributes: { driver: 'local' } }, time: 1 };
            const v = keepData.check({ ...ev, events: [...ev.events, gone] });
            assert.equal(v.done, false);
            assert.ok(texts(v).includes('✗ The volume lesson-data itself was removed (docker rm -v or docker volume rm): the data went with it.'), texts(v).join('\n'));
        });
    });

    describe('names.secondTag', () => {
        it('done: lesson/web:1.0 and busybox:latest are one image', () => {
            const v = secondTag.check(evidence('names-done'));
            assertWellFormed(v);
            assert.equal(v.done, true, texts(v).join('\n'));
            assert.match(v.checks[1].text.en, /^busybox:latest is the same image [0-9a-f]{12}: two names, one image id, nothing copied\.$/);
        });

        it('lesson/web without a tag: "a name without a tag gets latest"', () => {
            const v = secondTag.check(evidence('names-latest'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.deepEqual(texts(v), ['✗ You made lesson/web:latest: a name without a tag gets latest. The task asks for the tag 1.0 (lesson/web:1.0).']);
        });

        it('lesson/web:1.0 on hello-world: the wrong image is named', () => {
            const v = secondTag.check(evidence('names-other-image'));
            assertWellFormed(v);
            assert.equal(v.done, false);
            assert.equal(v.checks[1].text.en, 'lesson/web:1.0 points at the image of hello-world:latest, not at busybox\'s image.');
        });
    });
});
