/**
 * dockerfile-utils' validation messages in Korean (src/dockerfile/analysis/validationWords.ts). The
 * English table is read from the installed package at test time, so a message a newer dockerfile-utils
 * adds or rewords fails here; real Dockerfiles go through the real language service.
 */
import * as assert from 'assert/strict';
import { languageRequest } from '../../src/dockerfile/analysis/language';
import { koreanValidationMessage, matchValidationMessage, placeholdersOf, validationMessage, VALIDATION_EN, VALIDATION_KO } from '../../src/dockerfile/analysis/validationWords';
import { particleHits } from './koreanParticles.test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const installed = (require('dockerfile-utils/lib/dockerValidator') as { Validator: { dockerProblems: Record<string, string>; formatMessage(text: string, ...values: string[]): string } }).Validator;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function problemsIn(text: string, locale: 'en' | 'ko' = 'ko'): Promise<Array<[number, string]>> {
    const d = await languageRequest(text, 'file:///Dockerfile', { op: 'diagnostics' });
    return d.problems.map((p) => [p.range.start.line, validationMessage(p.message, locale)]);
}

describe('dockerfile-utils validation messages in Korean', () => {
    it("the English templates are the installed dockerfile-utils' own, key for key", () => {
        assert.ok(Object.keys(installed.dockerProblems).length >= 50, 'the package table was read');
        assert.deepEqual(VALIDATION_EN, installed.dockerProblems);
    });

    it("every key of the installed package's table has a Korean template with the same placeholders", () => {
        for (const [key, en] of Object.entries(installed.dockerProblems)) {
            const ko = VALIDATION_KO[key];
            assert.ok(ko, `no Korean template for ${key}`);
            assert.deepEqual(sorted(placeholdersOf(ko)), sorted(placeholdersOf(en)), `${key}: ${ko}`);
            assert.match(ko, /[가-힣]/, `${key} is Korean`);
        }
        assert.deepEqual(Object.keys(VALIDATION_KO).sort(), Object.keys(installed.dockerProblems).sort());
    });

    it('no Korean template has a bare particle right after a placeholder', () => {
        const hits = Object.entries(VALIDATION_KO).flatMap(([key, ko]) => particleHits(key, ko));
        assert.deepEqual(hits, []);
        // the scanner itself catches one
        assert.equal(particleHits('sample', '${0}를 지웁니다').length, 1);
    });

    it('each template, filled by the package, reads back as its own key with the values in place', () => {
        for (const [key, en] of Object.entries(installed.dockerProblems)) {
            const values = ['v-zero', 'v-one'].slice(0, placeholdersOf(en).length);
            const message = installed.formatMessage(en, ...values);
            const found = matchValidationMessage(message);
            assert.ok(found, `matched: ${message}`);
            // two templates may print the same sentence ("SHELL requires at least one argument"): the same Korean then
            const ko = koreanValidationMessage(message);
            assert.equal(ko, VALIDATION_KO[found.key].replace(/\$\{(\d+)\}/g, (_, n: string) => values[Number(n)]));
            values.forEach((v) => assert.ok(ko.includes(v), `${key}: ${v} in ${ko}`));
            assert.doesNotMatch(ko, /\$\{\d+\}/, `${key}: every placeholder filled`);
        }
        assert.equal(matchValidationMessage('SHELL requires at least one argument')?.key, 'shellRequiresOne');
        assert.equal(matchValidationMessage('CMD requires at least one argument')?.key, 'instructionRequiresAtLeastOneArgument');
    });

    it('an unknown message stays English, unchanged; English locale is never translated', () => {
        for (const m of ['Something new from a future dockerfile-utils', 'Unknown instructions: FORM', ' Unknown instruction: FORM', '']) {
            assert.equal(koreanValidationMessage(m), m);
        }
        assert.equal(validationMessage('Unknown instruction: FORM', 'en'), 'Unknown instruction: FORM');
        assert.equal(validationMessage('Unknown instruction: FORM', 'ko'), '알 수 없는 명령어: FORM');
    });

    it('values that look like regex or placeholders are put back as written', () => {
        assert.equal(koreanValidationMessage('Unknown flag: $1.*${1}'), '알 수 없는 플래그: $1.*${1}');
        assert.equal(koreanValidationMessage('duplicate name a\nb'), '빌드 스테이지 이름이 중복되었습니다: a\nb');
    });

    describe('real Dockerfiles through the language service', () => {
        it('an unknown instruction, a bad EXPOSE', async () => {
            assert.deepEqual(await problemsIn('FROM alpine:3.20\nFORM x\nEXPOSE 80/xyz abc\n'), [
                [1, '알 수 없는 명령어: FORM'],
                [2, '잘못된 프로토콜: xyz'],
                [2, '잘못된 컨테이너 포트: abc'],
            ]);
        });

        it('HEALTHCHECK flags: two values in one message, an unknown flag, a duration without a unit', async () => {
            assert.deepEqual(await problemsIn('FROM alpine:3.20\nHEALTHCHECK --interval=5 --retries=0 --bogus=1 CMD true\n'), [
                [1, '--retries은(는) 1 이상이어야 합니다(지금 값: 0)'],
                [1, '알 수 없는 플래그: bogus'],
                [1, '시간 값 5에 단위가 없습니다'],
            ]);
            assert.deepEqual(await problemsIn('FROM alpine:3.20\nHEALTHCHECK --timeout=3x CMD true\n'), [[1, '시간 값 3x에 알 수 없는 단위 x이(가) 있습니다']]);
        });

        it('build stage names, COPY of two files to a file, ONBUILD ONBUILD', async () => {
            assert.deepEqual(await problemsIn('FROM alpine:3.20 AS 1st\nFROM alpine AS b\nFROM alpine AS b\n'), [
                [1, '빌드 스테이지 이름이 중복되었습니다: b'],
                [2, '빌드 스테이지 이름이 중복되었습니다: b'],
                [0, '빌드 스테이지 이름으로 쓸 수 없습니다: "1st". 이름은 숫자로 시작하거나 기호를 포함할 수 없습니다'],
            ]);
            assert.deepEqual(await problemsIn('FROM alpine:3.20\nCOPY a b c\nONBUILD ONBUILD RUN x\n'), [
                [1, 'COPY에 원본 파일을 여러 개 지정할 때는 대상이 디렉터리여야 하며 / 또는 \\ 로 끝나야 합니다'],
                [2, '`ONBUILD ONBUILD`처럼 ONBUILD를 이어 쓸 수 없습니다'],
            ]);
        });

        it("dockerfile-utils' default warnings stay on (MAINTAINER, WORKDIR, casing, a repeated CMD); single-quoted JSON is left to our teaching", async () => {
            const text = "FROM alpine:3.20\nMAINTAINER me\nWORKDIR app\nrun echo hi\nCMD ['a']\nCMD [\"b\"]\n";
            const d = await languageRequest(text, 'file:///Dockerfile', { op: 'diagnostics' });
            assert.deepEqual(
                d.problems.map((p) => [p.range.start.line, p.severity, validationMessage(p.message, 'ko')]),
                [
                    [4, 2, 'CMD 명령어는 Dockerfile이나 빌드 스테이지마다 하나만 쓸 수 있습니다. 마지막 것만 적용됩니다.'],
                    [1, 2, 'MAINTAINER는 더 이상 쓰지 않는(deprecated) 명령어입니다'],
                    [2, 2, 'WORKDIR 경로는 절대 경로여야 합니다'],
                    [3, 2, '명령어는 대문자로 써야 합니다'],
                ],
            );
            assert.ok(d.teaching.some((f) => f.rule === 'shell-form' && f.range.start.line === 4), 'the single-quoted CMD is our shell-form finding');
        });

        it('ENV, ARG, duplicate flags and SHELL; the English locale keeps the English text', async () => {
            const text = 'FROM alpine:3.20\nENV =x\nARG\nCOPY --chown=a --chown=b x /y\nSHELL echo\n';
            assert.deepEqual(await problemsIn(text), [
                [1, 'ENV의 이름은 비워 둘 수 없습니다'],
                [2, '명령어에 인자가 없습니다'],
                [3, '플래그가 중복 지정되었습니다: chown'],
                [3, '플래그가 중복 지정되었습니다: chown'],
                [4, 'SHELL의 인자는 JSON 형식으로 써야 합니다'],
            ]);
            const english = await problemsIn(text, 'en');
            assert.deepEqual(english[0], [1, 'ENV names cannot be blank']);
            assert.ok(english.every(([, m]) => !/[가-힣]/.test(m)));
        });
    });
});
