import * as assert from 'assert/strict';
import { LESSONS, Locale, localeOf } from '../../src/lessons/catalog';

const LOCALES: Locale[] = ['en', 'ko'];
const HANGUL = /[\uac00-\ud7a3]/;

describe('lessons catalog', () => {
    it('has lessons', () => {
        assert.ok(LESSONS.length >= 1);
    });

    it('lesson ids are unique, lower-case kebab', () => {
        const ids = LESSONS.map((l) => l.id);
        assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${ids.join(', ')}`);
        for (const id of ids) {
            assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
    });

    for (const lesson of LESSONS) {
        it(`${lesson.id}: title and summary in en and ko`, () => {
            for (const locale of LOCALES) {
                assert.equal(typeof lesson.title[locale], 'string');
                assert.ok(lesson.title[locale].trim().length > 0, `${lesson.id} title.${locale}`);
                assert.ok(lesson.summary[locale].trim().length > 0, `${lesson.id} summary.${locale}`);
            }
            assert.match(lesson.title.ko, HANGUL, `${lesson.id}: the Korean title is Korean`);
            assert.match(lesson.summary.ko, HANGUL, `${lesson.id}: the Korean summary is Korean`);
            assert.notEqual(lesson.summary.ko, lesson.summary.en);
        });
    }

    it('the lessons the seed asks for are there, in order', () => {
        const ids = LESSONS.map((l) => l.id);
        const order = ['image-vs-container', 'hello-world', 'cgroups', 'namespaces'].map((id) => ids.indexOf(id));
        assert.ok(order.every((i) => i >= 0), `missing one of them in ${ids.join(', ')}`);
        assert.deepEqual([...order].sort((a, b) => a - b), order);
    });
});

describe('localeOf', () => {
    it('ko and ko-KR → ko', () => {
        assert.equal(localeOf('ko'), 'ko');
        assert.equal(localeOf('ko-KR'), 'ko');
        assert.equal(localeOf('KO-kr'), 'ko');
    });

    it('en, en-US and anything else → en', () => {
        assert.equal(localeOf('en'), 'en');
        assert.equal(localeOf('en-US'), 'en');
        assert.equal(localeOf('ja'), 'en');
        assert.equal(localeOf(''), 'en');
    });
});
