/**
 * Which steps change files, from image histories captured on a real engine with each builder
 * (fixtures/history-*-legacy.json, history-*-buildkit.json; see fixtures/README.md): rows are classified
 * by their instruction, not their size, and the Images view's words (English and the Korean bundle)
 * say so. Also the corrected teaching text of the Dockerfile hovers.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { historyStepKind, instructionOf, mapHistory } from '../../src/docker/mapping';
import type { LayerInfo } from '../../src/docker/types';
import { analyze, keywordInfo, mapHistoryToSteps } from '../../src/dockerfile/analysis';
import { L10n, layerKindWord, layerRowText, layersExplanation } from '../../src/tree/layerText';
import { fixture, REPO_ROOT } from './helpers';

const KO: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8'));
const format = (msg: string, args: (string | number)[]) => msg.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
const en: L10n = { t: (msg, ...args) => format(msg, args) };
const ko: L10n = {
    t: (msg, ...args) => {
        assert.ok(msg in KO, `no Korean for "${msg}"`);
        return format(KO[msg], args);
    },
};

const dockerfile = (dir: string) => fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'dockerfiles', dir, 'Dockerfile'), 'utf8');

/** The rows of the fixture's own instructions (after busybox's three), by keyword. */
function own(name: string): LayerInfo[] {
    return mapHistory(fixture(name)).slice(3);
}

describe('layers: history rows classified by instruction (real histories, both builders)', () => {
    for (const builder of ['legacy', 'buildkit']) {
        it(`${builder}: layers/ — WORKDIR and RUN true are 0 B filesystem steps; ARG, ENV, USER, CMD change only the config`, () => {
            const rows = own(`history-layers-${builder}.json`);
            assert.deepEqual(
                rows.map((r) => [instructionOf(r.createdBy).split(' ')[0], r.size, r.changes]),
                [
                    ['ARG', 0, 'config'],
                    ['WORKDIR', 0, 'files'],
                    ['ENV', 0, 'config'],
                    ['RUN', 0, 'files'],
                    ['COPY', 30, 'files'],
                    ['USER', 0, 'config'],
                    ['CMD', 0, 'config'],
                ],
            );
            // the size alone would have called WORKDIR and RUN true "metadata only"
            assert.ok(rows.filter((r) => r.changes === 'files').some((r) => r.empty));
        });

        it(`${builder}: ok/ — the history still maps to every line of the file, keywords checked`, () => {
            const text = dockerfile('ok');
            const a = analyze(text);
            const mapped = mapHistoryToSteps(a, mapHistory(fixture(`history-ok-${builder}.json`)));
            const lines = text.split('\n');
            assert.deepEqual(
                mapped.map((m) => lines[m.step.range.start.line].split(' ')[0]),
                ['ARG', 'ENV', 'WORKDIR', 'COPY', 'RUN', 'RUN', 'COPY', 'EXPOSE', 'LABEL', 'CMD'],
            );
            const dd = mapped.find((m) => m.step.args.startsWith('dd '))!;
            assert.equal(dd.layer.size, 102400);
            assert.equal(dd.layer.changes, 'files');
        });
    }

    it('instructionOf reads both builders the same way', () => {
        assert.equal(instructionOf('RUN |1 NOTE=layers /bin/sh -c true # buildkit'), 'RUN true');
        assert.equal(instructionOf('|1 NOTE=layers /bin/sh -c true'), 'RUN true');
        assert.equal(instructionOf('RUN /bin/sh -c echo hi # buildkit'), 'RUN echo hi');
        assert.equal(instructionOf('|1 GREETING=hello world /bin/sh -c echo "$GREETING"'), 'RUN echo "$GREETING"');
        assert.equal(instructionOf('/bin/sh -c #(nop) WORKDIR /app'), 'WORKDIR /app');
        assert.equal(instructionOf('WORKDIR /app'), 'WORKDIR /app');
        assert.equal(instructionOf('COPY hello.txt . # buildkit'), 'COPY hello.txt .');
    });

    it('historyStepKind: RUN, COPY, ADD, WORKDIR → files; the others → config; nothing recorded → unknown', () => {
        for (const c of ['RUN x', '/bin/sh -c x', 'COPY a b # buildkit', '/bin/sh -c #(nop) ADD file:abc in /', 'WORKDIR /w', '/bin/busybox --install -s /bin']) {
            assert.equal(historyStepKind(c), 'files', c);
        }
        for (const c of ['ENV A=b', '/bin/sh -c #(nop)  CMD ["sh"]', 'EXPOSE map[8080/tcp:{}]', 'LABEL a=b', 'USER 1000', 'VOLUME [/data]', 'ARG X=1']) {
            assert.equal(historyStepKind(c), 'config', c);
        }
        assert.equal(historyStepKind(''), 'unknown');
    });
});

describe('layers: what the Images view says (English and Korean)', () => {
    const rows = own('history-layers-buildkit.json');
    const by = (kw: string) => rows.find((r) => instructionOf(r.createdBy).startsWith(kw))!;

    it('WORKDIR at 0 B is a layer with no file content, never "metadata only"', () => {
        const w = layerRowText(by('WORKDIR'), en);
        assert.equal(w.label, 'WORKDIR /app');
        assert.equal(w.description, 'layer, 0 B (no file content)');
        assert.equal(w.icon, 'layers-active');
        assert.match(w.tooltip, /not "metadata only"/);
        assert.match(w.tooltip, /whiteout/);
        const k = layerRowText(by('WORKDIR'), ko);
        assert.equal(k.description, '레이어, 0 B (파일 내용 없음)');
        assert.match(k.tooltip, /WORKDIR이 빈 폴더를 만들었거나/);
    });

    it('ENV is config only; COPY is a layer with its size', () => {
        assert.equal(layerRowText(by('ENV'), en).description, 'config only, 0 B');
        assert.equal(layerRowText(by('ENV'), en).icon, 'tag');
        assert.equal(layerRowText(by('ENV'), ko).description, '설정만, 0 B');
        assert.equal(layerRowText(by('COPY'), en).description, 'layer, 30 B');
        assert.equal(layerRowText(by('COPY'), ko).tooltip, '이 단계는 파일 시스템을 바꿨습니다. 추가, 수정, 삭제된 파일을 담은 30 B 크기의 레이어입니다.');
        assert.equal(layerKindWord(by('RUN'), en), 'layer');
        assert.equal(layerKindWord(by('USER'), ko), '설정');
    });

    it('no row of either builder is called metadata-only; the Layers explanation names WORKDIR and whiteouts', () => {
        for (const builder of ['legacy', 'buildkit']) {
            for (const r of own(`history-layers-${builder}.json`)) {
                const t = layerRowText(r, en);
                assert.doesNotMatch(t.description, /metadata/, t.label);
            }
        }
        const text = layersExplanation(en);
        assert.match(text, /RUN, COPY, ADD and WORKDIR/);
        assert.match(text, /whiteouts/);
        assert.match(text, /only the image config/);
        assert.match(layersExplanation(ko), /WORKDIR은 파일 시스템을 바꾸며/);
    });
});

describe('hover teaching text: the corrections of issue #9', () => {
    const info = (k: string) => keywordInfo(k)!;

    it('WORKDIR changes files (it creates its folder); the rest of the config instructions do not', () => {
        assert.equal(info('WORKDIR').kind, 'layer');
        assert.match(info('WORKDIR').what.en, /creates the folder/);
        assert.match(info('WORKDIR').what.ko, /폴더가 없으면 만듭니다/);
        for (const k of ['ENV', 'CMD', 'LABEL', 'USER', 'EXPOSE', 'ARG', 'VOLUME']) {
            assert.equal(info(k).kind, 'metadata', k);
        }
    });

    it('FROM: only a digest pins an image; a tag can move', () => {
        const tip = info('FROM').tip;
        assert.match(tip.en, /@sha256:/);
        assert.match(tip.en, /only a digest/);
        assert.match(tip.en, /tag .* can be moved/);
        assert.doesNotMatch(tip.en, /Pin a tag/);
        assert.match(tip.ko, /다이제스트\(`busybox@sha256:…`\)만/);
    });

    it('ENTRYPOINT/CMD: --entrypoint overrides; CMD is the arguments only with the exec form; the shell form ignores CMD and run arguments', () => {
        const e = info('ENTRYPOINT');
        assert.match(e.when.en, /--entrypoint/);
        assert.match(e.what.en, /exec form .* gets CMD as its arguments, or the arguments of `docker run IMAGE …`, which replace CMD/);
        assert.match(e.what.en, /shell form .* ignores both/);
        assert.doesNotMatch(e.what.en, /always runs; CMD becomes its default arguments/);
        assert.match(e.what.ko, /셸 형식.*둘 다 무시됩니다/);
        assert.match(info('CMD').what.en, /exec-form ENTRYPOINT/);
        assert.match(info('CMD').what.en, /shell-form ENTRYPOINT ignores it/);
    });

    it('ARG and ENV: never for secrets; ARG values used by RUN show in docker history; build secrets instead', () => {
        assert.match(info('ARG').when.en, /docker history/);
        assert.match(info('ARG').tip.en, /Never use ARG .* for secrets/);
        assert.match(info('ARG').tip.en, /--mount=type=secret/);
        assert.match(info('ENV').tip.en, /--mount=type=secret/);
        assert.match(info('ARG').when.ko, /docker history/);
        assert.match(info('ARG').tip.ko, /빌드 시크릿/);
    });

    it('VOLUME: later RUN changes are thrown away only by the legacy builder; BuildKit keeps them', () => {
        const tip = info('VOLUME').tip;
        assert.match(tip.en, /With the legacy builder, changes a later RUN makes in that folder are thrown away/);
        assert.match(tip.en, /BuildKit .* keeps them/);
        assert.match(tip.ko, /레거시 빌더에서는/);
        assert.match(tip.ko, /BuildKit.*그대로 남깁니다/);
    });

    it('layers record deletions too (whiteouts), where the hovers say what a layer holds', () => {
        assert.match(info('RUN').what.en, /deleted files/);
        assert.match(info('RUN').tip.en, /whiteout/);
        assert.match(info('RUN').tip.ko, /whiteout/);
    });

    it('the Korean of the corrected hovers uses the issue\'s words', () => {
        assert.match(info('EXPOSE').what.ko, /수신 대기\(listen\)하는 포트/);
        assert.match(info('HEALTHCHECK').what.ko, /정상\(healthy\)인지/);
        assert.match(info('ONBUILD').tip.ko, /예상치 못한 동작을 일으키기 쉬우니/);
        for (const k of ['EXPOSE', 'HEALTHCHECK', 'ONBUILD', 'ENTRYPOINT']) {
            for (const f of ['what', 'when', 'tip'] as const) {
                assert.doesNotMatch(info(k)[f].ko, /기다리는|건강한지|놀라움을|닿도록/, `${k}.${f}`);
            }
        }
    });
});
