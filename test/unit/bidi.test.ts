import * as assert from 'assert/strict';
import { hasBidiControls, visibleControls, visibleControlsDeep } from '../../src/common/bidi';

describe('bidi controls from daemon or file text are shown, never applied', () => {
    it('a RIGHT-TO-LEFT OVERRIDE in a label becomes a visible marker and the text after it keeps its order', () => {
        const label = 'metadata only, 0 B\u202Eevil';
        const shown = visibleControls(label);
        assert.equal(shown, 'metadata only, 0 B‹U+202E›evil');
        assert.equal(hasBidiControls(shown), false);
    });

    it('every embedding, override, isolate and mark is caught', () => {
        const all = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
        assert.equal(hasBidiControls(all), true);
        assert.equal(visibleControls(all), '‹U+061C›‹U+200E›‹U+200F›‹U+202A›‹U+202B›‹U+202C›‹U+202D›‹U+202E›‹U+2066›‹U+2067›‹U+2068›‹U+2069›');
    });

    it('ordinary text, Korean and Arabic letters are unchanged', () => {
        for (const s of ['nginx:1.25 · 3 minutes ago', '컨테이너 시작됨', 'مرحبا hello', '']) {
            assert.equal(visibleControls(s), s);
            assert.equal(hasBidiControls(s), false);
        }
    });

    it('a panel message has every string cleaned, numbers and keys kept, the original untouched', () => {
        const msg = { type: 'live', view: { rows: [{ name: 'a\u2067b', size: 3 }], ok: true, none: null } };
        const out = visibleControlsDeep(msg);
        assert.deepEqual(out, { type: 'live', view: { rows: [{ name: 'a‹U+2067›b', size: 3 }], ok: true, none: null } });
        assert.equal(msg.view.rows[0].name, 'a\u2067b');
    });
});
