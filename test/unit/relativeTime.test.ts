import * as assert from 'assert/strict';
import { formatAge } from '../../src/common/format';
import { relativeWords, RelativeUnit } from '../../src/common/relativeTime';

const UNITS: RelativeUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
const VALUES = [-0, 0, ...Array.from({ length: 61 }, (_, i) => i - 30), -59, -100, -999, -1000, -1001, -12345, -1234567, 999, 1000, 54321];

describe('relative time without Intl (en, ko)', () => {
    for (const language of ['en', 'en-US', 'ko', 'ko-KR']) {
        for (const numeric of ['auto', 'always'] as const) {
            it(`${language}, ${numeric}: the same words as Intl.RelativeTimeFormat for every unit`, () => {
                const rtf = new Intl.RelativeTimeFormat(language, { numeric });
                for (const unit of UNITS) {
                    for (const v of VALUES) {
                        assert.equal(relativeWords(v, unit, language, numeric), rtf.format(v, unit), `${v} ${unit}`);
                    }
                }
            });
        }
    }

    it('leaves other languages and fractions to Intl', () => {
        assert.equal(relativeWords(-3, 'day', 'de', 'always'), undefined);
        assert.equal(relativeWords(-1.5, 'day', 'en', 'always'), undefined);
        assert.equal(formatAge(0, 'de', 3 * 86400 * 1000), 'vor 3 Tagen');
    });

    it('formatAge: an image made three days ago, in both languages', () => {
        const now = Date.UTC(2026, 11, 1);
        assert.equal(formatAge(now / 1000 - 3 * 86400, 'en', now), '3 days ago');
        assert.equal(formatAge(now / 1000 - 3 * 86400, 'ko', now), '3일 전');
        assert.equal(formatAge(now / 1000 - 86400, 'en', now), 'yesterday');
    });
});
