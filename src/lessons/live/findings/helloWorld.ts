/**
 * hello-world: the Engine API calls this run really made, what the pull really downloaded, and how
 * the container ended. Pure; no `vscode` import.
 */
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

/** The requests `DockerClient.attachAndStart` sends: inspect (is it a TTY?), attach, start. */
export const ATTACH_START_CALLS = ['GET /containers/{id}/json', 'POST /containers/{id}/attach', 'POST /containers/{id}/start'] as const;

/**
 * Layers by their last pull status: "Pull complete" was downloaded now, "Already exists" was on the
 * engine before (shared with another image). Other ids (the tag, the digest line) are not layers.
 * Podman's Docker API never says "Pull complete": a blob it copied ends at "Download complete", and
 * it reports the image's configuration as a blob too, then closes the stream with one more "Download
 * complete" under that same id (the image's id). That closing id is the configuration, not a layer.
 */
export function countPulledLayers(progress: readonly { readonly id: string; readonly status: string }[]): { downloaded: number; existing: number } {
    const last = new Map<string, string>();
    for (const p of progress) {
        if (p.id && /^(pull complete|already exists|pulling fs layer|waiting|downloading|verifying checksum|download complete|extracting)/i.test(p.status)) {
            last.set(p.id, p.status);
        }
    }
    const withId = progress.filter((p) => p.id);
    const closing = withId[withId.length - 1];
    const podmanStyle = !progress.some((p) => /^pull complete/i.test(p.status)) && !!closing && /^download complete/i.test(closing.status);
    if (podmanStyle) {
        last.delete(closing.id);
    }
    let downloaded = 0;
    let existing = 0;
    for (const status of last.values()) {
        if (/^already exists/i.test(status)) {
            existing++;
        } else if (/^pull complete/i.test(status) || (podmanStyle && /^download complete/i.test(status))) {
            downloaded++;
        }
    }
    return { downloaded, existing };
}

export interface HelloResult {
    readonly image: string;
    /** Every Engine API request of the run, in order. */
    readonly calls: readonly string[];
    readonly pulled: boolean;
    readonly layers?: { readonly downloaded: number; readonly existing: number };
    readonly exitCode: number;
    /** The output held the greeting line. */
    readonly greeting: boolean;
}

type Key = 'calls' | 'local' | 'pulled' | 'pulledNone' | 'exitOk' | 'exitBad' | 'exitBadWhy' | 'greeting' | 'noGreeting' | 'noGreetingWhy';

const W: Words<Key> = {
    en: {
        calls: 'This run made {0} Engine API calls, in this order: {1}.',
        local: '{0} was already on the engine, so nothing was pulled (step 2 skipped).',
        pulled: '{0} was not on the engine, so it was pulled: {1} layer(s) downloaded, {2} already on the engine.',
        pulledNone: '{0} was pulled, but none of its {1} layer(s) had to be downloaded: they were already on the engine, shared with another image.',
        exitOk: 'The container\'s program ended with exit code 0.',
        exitBad: 'The container\'s program ended with exit code {0}, not 0.',
        exitBadWhy: 'Likely reason: the configured image is not a hello-world image, or it was built for another CPU architecture.',
        greeting: 'The greeting came from the container\'s own program, streamed back through the daemon.',
        noGreeting: 'The output has no "Hello from Docker!" line.',
        noGreetingWhy: 'Likely reason: the configured image ({0}) prints something else than the usual hello-world.',
    },
    ko: {
        calls: '이번 실행은 Engine API를 {0}번 호출했습니다. 순서: {1}.',
        local: '{0} 이미지가 이미 엔진에 있어서 아무것도 가져오지 않았습니다(2단계 건너뜀).',
        pulled: '{0} 이미지가 엔진에 없어서 가져왔습니다. 내려받은 레이어 {1}개, 이미 엔진에 있던 레이어 {2}개.',
        pulledNone: '{0} 이미지를 가져왔지만, 레이어 {1}개 중 내려받은 것은 없습니다. 다른 이미지와 함께 쓰는 레이어로 이미 엔진에 있었습니다.',
        exitOk: '컨테이너의 프로그램이 종료 코드 0으로 끝났습니다.',
        exitBad: '컨테이너의 프로그램이 0이 아닌 종료 코드로 끝났습니다: {0}',
        exitBadWhy: '가능한 이유: 설정한 이미지가 hello-world 이미지가 아니거나, 다른 CPU 아키텍처용으로 빌드되었습니다.',
        greeting: '인사말은 컨테이너 안의 프로그램이 출력한 것이고, 데몬을 거쳐 전달되었습니다.',
        noGreeting: '출력에 "Hello from Docker!" 줄이 없습니다.',
        noGreetingWhy: '가능한 이유: 설정한 이미지({0})는 보통의 hello-world와 다른 내용을 출력합니다.',
    },
};

export function helloFindings(r: HelloResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [{ state: 'note', text: w('calls', r.calls.length, r.calls.join(' → ')) }];
    if (!r.pulled) {
        points.push({ state: 'held', text: w('local', r.image) });
    } else if (r.layers && r.layers.downloaded === 0 && r.layers.existing > 0) {
        points.push({ state: 'note', text: w('pulledNone', r.image, r.layers.existing) });
    } else {
        points.push({ state: 'held', text: w('pulled', r.image, r.layers?.downloaded ?? 0, r.layers?.existing ?? 0) });
    }
    points.push(r.exitCode === 0 ? { state: 'held', text: w('exitOk') } : { state: 'surprise', text: w('exitBad', r.exitCode), why: w('exitBadWhy') });
    points.push(r.greeting ? { state: 'held', text: w('greeting') } : { state: 'surprise', text: w('noGreeting'), why: w('noGreetingWhy', r.image) });
    return findingsView(points, locale);
}
