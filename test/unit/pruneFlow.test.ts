/**
 * Issue #11, defect 8: "Remove Dangling Images…" twice showed two confirmations, then "Removed 0
 * images". The flow (src/common/pruneFlow.ts) with a scripted user and engine: one question at a time,
 * the list read again after the answer, singular and plural words in English and Korean.
 */
import * as assert from 'assert/strict';
import { DanglingImage, PruneDangling, PruneIO, removedLine, removeImagesAction, pruneQuestion, keptLine } from '../../src/common/pruneFlow';
import { HANGUL, testL10n } from './l10nBundle';

const img = (n: number): DanglingImage => ({ id: `sha256:${String(n).repeat(64).slice(0, 64)}`, shortId: String(n).repeat(12).slice(0, 12), size: 1000 * n });

class Script implements PruneIO {
    readonly l10n = testL10n('en');
    free: DanglingImage[] = [img(1), img(2)];
    blocked = 0;
    readonly questions: string[] = [];
    readonly infos: string[] = [];
    prunes = 0;
    private answer?: (yes: boolean) => void;
    async dangling() {
        await Promise.resolve();
        return { free: [...this.free], blocked: this.blocked };
    }
    confirm(message: string): Promise<boolean> {
        this.questions.push(message);
        return new Promise((r) => (this.answer = r));
    }
    async warn(message: string) {
        this.questions.push(message);
    }
    info(message: string) {
        this.infos.push(message);
    }
    async prune() {
        this.prunes++;
        const deleted = this.free.map((i) => i.id);
        const spaceReclaimed = this.free.reduce((a, i) => a + i.size, 0);
        this.free = [];
        return { deleted, spaceReclaimed };
    }
    log() {}
    async waitForQuestion() {
        for (let i = 0; i < 50 && !this.answer; i++) {
            await new Promise((r) => setImmediate(r));
        }
        assert.ok(this.answer, 'a question was asked');
    }
    say(yes: boolean) {
        const a = this.answer!;
        this.answer = undefined;
        a(yes);
    }
}

describe('prune dangling images: one at a time, checked again after the answer', () => {
    it('triggered twice: one confirmation, one prune, no "Removed 0 images"', async () => {
        const io = new Script();
        const flow = new PruneDangling(io);
        const first = flow.run();
        await io.waitForQuestion();
        const second = flow.run();
        assert.equal(io.questions.length, 1, 'the second trigger asks nothing');
        assert.match(io.infos[0], /already under way/);
        io.say(true);
        await Promise.all([first, second]);
        assert.equal(io.questions.length, 1);
        assert.equal(io.prunes, 1);
        assert.equal(io.infos.length, 2);
        assert.match(io.infos[1], /^Removed 2 images and reclaimed /);
        assert.ok(!io.infos.some((m) => /Removed 0/.test(m)));
        // once done, a new trigger asks again (nothing left now, so it says so)
        await flow.run();
        assert.match(io.infos.at(-1)!, /no dangling images/);
    });

    it('the images went away while the question was open: no prune call, and it says why', async () => {
        const io = new Script();
        const flow = new PruneDangling(io);
        const run = flow.run();
        await io.waitForQuestion();
        io.free = []; // e.g. `docker image prune` in a terminal meanwhile
        io.say(true);
        await run;
        assert.equal(io.prunes, 0);
        assert.match(io.infos.at(-1)!, /removed meanwhile/);
    });

    it('declined: nothing pruned', async () => {
        const io = new Script();
        const run = new PruneDangling(io).run();
        await io.waitForQuestion();
        io.say(false);
        await run;
        assert.equal(io.prunes, 0);
        assert.deepEqual(io.infos, []);
    });

    it('singular and plural, in English and Korean', () => {
        const en = testL10n('en');
        assert.equal(removeImagesAction(en, 1), 'Remove 1 Image');
        assert.equal(removeImagesAction(en, 3), 'Remove 3 Images');
        assert.match(pruneQuestion(en, 1), /^Remove 1 dangling image \(/);
        assert.match(keptLine(en, 1), /^1 dangling image is kept because a container uses it/);
        assert.match(removedLine(en, 1, 10), /^Removed 1 image and/);
        assert.match(removedLine(en, 0, 0), /^No image was removed/);
        const ko = testL10n('ko');
        for (const s of [removeImagesAction(ko, 1), removeImagesAction(ko, 2), pruneQuestion(ko, 1), keptLine(ko, 1), removedLine(ko, 1, 10), removedLine(ko, 0, 0)]) {
            assert.match(s, HANGUL, s);
        }
        assert.deepEqual(ko.missing, []);
    });
});
