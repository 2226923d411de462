/**
 * Lesson 7: what the three builds showed, from their own step rows: the first build's work, the
 * second build's cache hits, which steps a one-file change invalidated and why, the build context
 * and what .dockerignore kept out, and the final image against the build stage. Pure.
 */
import { formatBytes } from '../../../common/format';
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import type { StepRow } from '../buildSteps';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

export interface BuildCacheResult {
    readonly first: readonly StepRow[];
    readonly second: readonly StepRow[];
    /** After changing `changedFile`. */
    readonly third: readonly StepRow[];
    readonly changedFile: string;
    readonly context: { readonly files: number; readonly bytes: number; readonly ignoredFiles: number; readonly ignoredBytes: number };
    readonly finalSize?: number;
    readonly buildStageSize?: number;
}

type Key = 'yoursFirst' | 'wholeContext' | 'noWholeContext' | 'firstBuilt' | 'secondCached' | 'secondNot' | 'secondNotWhy' | 'thirdHeld' | 'thirdNone' | 'thirdOff' | 'thirdOffWhy' | 'order' | 'context' | 'ignored' | 'noIgnored' | 'stages' | 'stagesOff';

const W: Words<Key> = {
    en: {
        yoursFirst: 'Your Dockerfile, first build: {0} of {1} steps came from the cache, {2} were rebuilt ({3} s of builder time).',
        wholeContext: 'Line {0} copies the whole build context ({1}): a change to any file not kept out by .dockerignore rebuilds that step and every step after it{2}.',
        noWholeContext: 'No step copies the whole build context, so a change to one file invalidates only the steps from the COPY or ADD that copies it.',
        firstBuilt: 'First build: {0} of {1} steps were rebuilt, in {2} s of builder time.',
        secondCached: 'Second build with nothing changed: all {0} steps came from the build cache (CACHED).',
        secondNot: 'Second build with nothing changed: {0} of {1} steps were rebuilt anyway: {2}.',
        secondNotWhy: 'Likely reason: the build cache was pruned between the builds, or a step depends on something that changes (a time, a network download).',
        thirdHeld: 'After changing {0}: {1} steps before it came from the cache; the first rebuilt step is "{2}", because a file it copies changed, and every step after it in that stage was rebuilt too ({3}).',
        thirdNone: 'After changing {0}, no step was rebuilt.',
        thirdOff: 'After changing {0}: the first rebuilt step is "{1}", not a COPY of that file.',
        thirdOffWhy: 'Likely reason: a step before it depends on the whole build context (COPY . .), so any change invalidates it.',
        order: 'The slow dependency step ran before the source was copied, so it stayed cached: {0} s of the first build\'s work was not repeated. Had the whole context been copied first, it would have run again.',
        context: 'Build context sent to the engine: {0} files, {1}.',
        ignored: '.dockerignore kept out {0} files ({1}): they never left this machine, and no COPY can see them.',
        noIgnored: '.dockerignore kept nothing out.',
        stages: 'Multi-stage: the final image is {0}; the build stage, with its build tools, is {1}. Only what COPY --from takes reaches the final image.',
        stagesOff: 'Multi-stage: the final image ({0}) is not smaller than the build stage ({1}).',
    },
    ko: {
        yoursFirst: '내 Dockerfile의 첫 번째 빌드: 단계 {1}개 중 {0}개는 캐시에서 나왔고, {2}개는 새로 빌드했습니다(빌더 작업 {3}초).',
        wholeContext: '{0}번째 줄이 빌드 컨텍스트 전체를 복사합니다({1}). .dockerignore로 제외하지 않은 파일이 하나라도 바뀌면 그 단계와 그 뒤의 모든 단계를 새로 빌드합니다{2}.',
        noWholeContext: '빌드 컨텍스트 전체를 복사하는 단계가 없습니다. 파일 하나가 바뀌면 그 파일을 복사하는 COPY나 ADD부터만 무효가 됩니다.',
        firstBuilt: '첫 번째 빌드: 단계 {1}개 중 {0}개를 새로 빌드했고, 빌더가 {2}초 동안 일했습니다.',
        secondCached: '아무것도 바꾸지 않은 두 번째 빌드: 단계 {0}개가 모두 빌드 캐시에서 나왔습니다(CACHED).',
        secondNot: '아무것도 바꾸지 않은 두 번째 빌드인데도 단계 {1}개 중 {0}개를 새로 빌드했습니다: {2}.',
        secondNotWhy: '가능한 이유: 두 빌드 사이에 빌드 캐시가 정리되었거나, 바뀌는 것(시각, 네트워크 다운로드)에 의존하는 단계가 있습니다.',
        thirdHeld: '{0} 파일을 바꾼 뒤: 그 앞의 단계 {1}개는 캐시에서 나왔습니다. 처음으로 새로 빌드한 단계는 "{2}"입니다. 복사하는 파일이 바뀌었기 때문이고, 같은 스테이지에서 그 뒤의 단계도 모두 새로 빌드했습니다({3}).',
        thirdNone: '{0} 파일을 바꾼 뒤에도 새로 빌드한 단계가 없습니다.',
        thirdOff: '{0} 파일을 바꾼 뒤 처음으로 새로 빌드한 단계는 "{1}"입니다. 그 파일을 복사하는 COPY가 아닙니다.',
        thirdOffWhy: '가능한 이유: 그 앞의 단계가 빌드 컨텍스트 전체에 의존합니다(COPY . .). 그러면 어떤 파일이 바뀌어도 캐시가 무효가 됩니다.',
        order: '오래 걸리는 의존성 단계가 소스를 복사하기 전에 실행되므로 캐시에 남았습니다. 첫 빌드에서 한 {0}초의 작업을 다시 하지 않았습니다. 컨텍스트 전체를 먼저 복사했다면 다시 실행되었을 것입니다.',
        context: '엔진에 보낸 빌드 컨텍스트: 파일 {0}개, {1}.',
        ignored: '.dockerignore가 파일 {0}개({1})를 제외했습니다. 이 파일들은 이 머신을 떠나지 않았고, 어떤 COPY도 볼 수 없습니다.',
        noIgnored: '.dockerignore가 제외한 파일이 없습니다.',
        stages: '멀티 스테이지: 최종 이미지는 {0}, 빌드 도구가 든 빌드 스테이지는 {1}입니다. COPY --from으로 가져온 것만 최종 이미지에 들어갑니다.',
        stagesOff: '멀티 스테이지: 최종 이미지({0})가 빌드 스테이지({1})보다 작지 않습니다.',
    },
};

const secs = (rows: readonly StepRow[]) => Math.round(rows.reduce((a, r) => a + (r.seconds ?? 0), 0) * 100) / 100;
/** FROM is resolved, not built: it is neither cached nor rebuilt work. */
const work = (rows: readonly StepRow[]) => rows.filter((r) => !/^FROM\s/i.test(r.text));

export function buildCacheFindings(r: BuildCacheResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    const first = work(r.first);
    points.push({ state: 'note', text: w('firstBuilt', first.filter((x) => !x.cached).length, first.length, secs(first)) });
    const second = work(r.second);
    const rebuilt2 = second.filter((x) => !x.cached);
    points.push(rebuilt2.length === 0 && second.length > 0 ? { state: 'held', text: w('secondCached', second.length) } : { state: 'surprise', text: w('secondNot', rebuilt2.length, second.length, rebuilt2.map((x) => x.text).join('; ')), why: w('secondNotWhy') });
    const third = work(r.third);
    const at = third.findIndex((x) => !x.cached);
    if (at < 0) {
        points.push({ state: 'surprise', text: w('thirdNone', r.changedFile) });
    } else {
        const firstRebuilt = third[at];
        const stage = firstRebuilt.stage;
        const after = third.slice(at + 1).filter((x) => x.stage === stage);
        const held = /^COPY\s/i.test(firstRebuilt.text) && firstRebuilt.text.includes(r.changedFile) && after.every((x) => !x.cached);
        points.push(
            held
                ? { state: 'held', text: w('thirdHeld', r.changedFile, at, firstRebuilt.text, [firstRebuilt, ...after].map((x) => x.text).join('; ')) }
                : { state: 'surprise', text: w('thirdOff', r.changedFile, firstRebuilt.text), why: w('thirdOffWhy') },
        );
        // the dependency steps before the change: their first-build time is what the order saved
        const savedRows = third.slice(0, at).filter((x) => /^RUN\s/i.test(x.text));
        const saved = secs(first.filter((f) => savedRows.some((s) => s.text === f.text && s.stage === f.stage)));
        if (held && savedRows.length) {
            points.push({ state: 'note', text: w('order', saved) });
        }
    }
    points.push({ state: 'note', text: w('context', r.context.files, formatBytes(r.context.bytes)) });
    points.push({ state: 'note', text: r.context.ignoredFiles ? w('ignored', r.context.ignoredFiles, formatBytes(r.context.ignoredBytes)) : w('noIgnored') });
    if (r.finalSize !== undefined && r.buildStageSize !== undefined) {
        points.push(
            r.finalSize < r.buildStageSize
                ? { state: 'held', text: w('stages', formatBytes(r.finalSize), formatBytes(r.buildStageSize)) }
                : { state: 'surprise', text: w('stagesOff', formatBytes(r.finalSize), formatBytes(r.buildStageSize)) },
        );
    }
    return findingsView(points, locale);
}

/** The first COPY/ADD of the whole context (`COPY . .`), 1-based line; and whether a RUN comes after it. */
export function wholeContextCopy(dockerfile: string): { line: number; text: string; runAfter: boolean } | undefined {
    const lines = dockerfile.split(/\r?\n/);
    const at = lines.findIndex((l) => /^\s*(COPY|ADD)\s+(--\S+\s+)*\.\/?\s+\S/i.test(l) && !/--from=/i.test(l));
    if (at < 0) {
        return undefined;
    }
    return { line: at + 1, text: lines[at].trim(), runAfter: lines.slice(at + 1).some((l) => /^\s*RUN\s/i.test(l)) };
}

export interface YoursResult {
    readonly first: readonly StepRow[];
    readonly second: readonly StepRow[];
    readonly context: BuildCacheResult['context'];
    readonly wholeContext?: { readonly line: number; readonly text: string; readonly runAfter: boolean };
}

/** The user's own Dockerfile, built twice (nothing of theirs is changed). */
export function yoursFindings(r: YoursResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const first = work(r.first);
    const second = work(r.second);
    const rebuilt2 = second.filter((x) => !x.cached);
    const runAfter = { en: ', including the RUN steps after it: copy what they need first (e.g. the dependency list), the rest after', ko: '. 그 뒤의 RUN 단계도 포함되므로, RUN에 필요한 것(예: 의존성 목록)을 먼저 복사하고 나머지는 나중에 복사하세요' };
    const points: Point[] = [
        { state: 'note', text: w('yoursFirst', first.filter((x) => x.cached).length, first.length, first.filter((x) => !x.cached).length, secs(first)) },
        rebuilt2.length === 0 && second.length > 0
            ? { state: 'held', text: w('secondCached', second.length) }
            : { state: 'surprise', text: w('secondNot', rebuilt2.length, second.length, rebuilt2.map((x) => x.text).join('; ')), why: w('secondNotWhy') },
        r.wholeContext
            ? { state: 'note', text: w('wholeContext', r.wholeContext.line, r.wholeContext.text, r.wholeContext.runAfter ? runAfter[locale] : '') }
            : { state: 'note', text: w('noWholeContext') },
        { state: 'note', text: w('context', r.context.files, formatBytes(r.context.bytes)) },
        { state: 'note', text: r.context.ignoredFiles ? w('ignored', r.context.ignoredFiles, formatBytes(r.context.ignoredBytes)) : w('noIgnored') },
    ];
    return findingsView(points, locale);
}
