/**
 * image-names: two tags and one id, what `latest` resolved to before and after it was moved, where a
 * pull came from, what a digest resolves to, and what a push would send. Pure; no `vscode` import.
 */
import { formatBytes } from '../../../common/format';
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

const short = (id: string | undefined) => (id ?? '—').replace(/^sha256:/, '').slice(0, 12);

export interface NamesResult {
    readonly shell: { readonly name: string; readonly id: string };
    readonly hello: { readonly name: string; readonly id: string };
    /** The second name given to the shell image, and the id it resolved to. */
    readonly second: { readonly name: string; readonly id: string };
    /** Image count before and after the tag (a tag copies nothing). */
    readonly imageCount: { readonly before: number; readonly after: number };
    /** `lessons/names` (no tag) resolved: first after `latest` went to hello, then after it was moved to the shell image. */
    readonly latest: { readonly name: string; readonly first: string; readonly moved: string };
    readonly pull: {
        readonly name: string;
        readonly registry: string;
        readonly mirrors: readonly string[];
        readonly error?: string;
        /** The digest the engine recorded for the pulled name. */
        readonly digest?: string;
        /** What the first mirror said for the same manifest (from this editor). */
        readonly mirrorDigest?: string;
        readonly mirrorError?: string;
    };
    /** `NAME@DIGEST` and the id it resolved to. */
    readonly pinned?: { readonly ref: string; readonly id: string };
    readonly push: { readonly name: string; readonly registry: string; readonly repository: string; readonly tag: string; readonly layers: number; readonly bytes: number };
}

type Key =
    | 'twoTags'
    | 'twoTagsDiff'
    | 'twoTagsWhy'
    | 'countSame'
    | 'countDiff'
    | 'countWhy'
    | 'latestFirst'
    | 'latestMoved'
    | 'latestOdd'
    | 'latestWhy'
    | 'pullMirrorSame'
    | 'pullMirrorDiff'
    | 'pullMirrorDiffWhy'
    | 'pullMirrorUnasked'
    | 'pullHub'
    | 'pullDirect'
    | 'pullFailed'
    | 'pullFailedWhy'
    | 'pinned'
    | 'pinnedDiff'
    | 'pinnedWhy'
    | 'noDigest'
    | 'push';

const W: Words<Key> = {
    en: {
        twoTags: '{0} and {1} are two names for one image: both resolve to id {2}.',
        twoTagsDiff: '{0} resolves to {1}, but {2} to {3}.',
        twoTagsWhy: 'Likely reason: another program moved one of the tags between the tag and the reading.',
        countSame: 'The engine listed {0} images before the tag and {0} after: a tag is a name, it copies nothing.',
        countDiff: 'The engine listed {0} images before the tag and {1} after.',
        countWhy: 'Likely reason: another program pulled, built or removed an image at the same time.',
        latestFirst: '{0} with no tag meant {0}:latest and resolved to {1}, the image of {2}: `latest` is the tag that was given last, not the newest image.',
        latestMoved: 'After `docker tag` gave {0}:latest to {1}, the same name resolved to {2}: a tag can be moved at any time.',
        latestOdd: '{0} resolved to {1} and then to {2}; the lesson expected {3} and then {4}.',
        latestWhy: 'Likely reason: another program tagged {0}:latest at the same time.',
        pullMirrorSame: '{0} is a Docker Hub name ({1}); your engine tries its mirror {2} first. The mirror answers this manifest with digest {3}, the same digest the engine recorded: the content is the mirror\'s.',
        pullMirrorDiff: 'The engine recorded digest {0} for {1}, but the mirror {2} answers {3}.',
        pullMirrorDiffWhy: 'Likely reason: the mirror\'s copy changed after this pull, or the engine fell back to Docker Hub when the mirror failed.',
        pullMirrorUnasked: '{0} is a Docker Hub name; your engine tries its mirror {1} first. This editor could not ask the mirror itself ({2}), so which of the two served it is not proven here.',
        pullHub: '{0} is a Docker Hub name and your engine has no mirror: it was pulled from Docker Hub (registry-1.docker.io).',
        pullDirect: '{0} names its registry, {1}: the engine pulled from there directly; mirrors apply to Docker Hub names only.',
        pullFailed: 'The pull of {0} failed: {1}',
        pullFailedWhy: 'Likely reason: the engine cannot reach its registry or mirror (offline, a proxy, or the name does not exist).',
        pinned: '{0} resolved to id {1}, the same image as the tag. A digest is the hash of the content: unlike a tag it cannot be moved to other content.',
        pinnedDiff: '{0} resolved to {1}, not to the tag\'s {2}.',
        pinnedWhy: 'Likely reason: the tag was moved to other content after the pull; the digest still names the old content.',
        noDigest: '{0} has no digest yet: an image gets one only when it is pulled from or pushed to a registry.',
        push: '`docker push {0}` would go to {1}, repository {2}, tag {3}, and upload its layers ({4}, {5} in all) plus the image config and a manifest; layers the registry already has are skipped. The lesson did not push.',
    },
    ko: {
        twoTags: '{0}와(과) {1}은(는) 한 이미지의 두 이름입니다. 둘 다 ID {2}(으)로 읽힙니다.',
        twoTagsDiff: '{0}은(는) {1}(으)로, {2}은(는) {3}(으)로 읽힙니다.',
        twoTagsWhy: '가능한 이유: 태그를 붙이고 읽는 사이에 다른 프로그램이 태그 하나를 옮겼습니다.',
        countSame: '태그를 붙이기 전에도 뒤에도 엔진의 이미지는 {0}개입니다. 태그는 이름일 뿐, 아무것도 복사하지 않습니다.',
        countDiff: '태그를 붙이기 전 이미지는 {0}개, 뒤에는 {1}개였습니다.',
        countWhy: '가능한 이유: 같은 시각에 다른 프로그램이 이미지를 받거나, 빌드하거나, 지웠습니다.',
        latestFirst: '태그 없는 {0}은(는) {0}:latest를 뜻하고, {2}의 이미지인 {1}(으)로 읽혔습니다. `latest`는 가장 새 이미지가 아니라 마지막으로 그 태그를 받은 이미지입니다.',
        latestMoved: '`docker tag`로 {0}:latest를 {1}에 붙이자, 같은 이름이 {2}(으)로 읽혔습니다. 태그는 언제든 옮길 수 있습니다.',
        latestOdd: '{0}이(가) {1}, 그다음 {2}(으)로 읽혔습니다. 레슨은 {3}, 그다음 {4}을(를) 예상했습니다.',
        latestWhy: '가능한 이유: 같은 시각에 다른 프로그램이 {0}:latest 태그를 붙였습니다.',
        pullMirrorSame: '{0}은(는) 도커 허브 이름({1})이고, 엔진은 미러 {2}을(를) 먼저 찾습니다. 미러가 이 매니페스트에 대해 알려 준 다이제스트 {3}이(가) 엔진이 기록한 다이제스트와 같습니다. 내용은 미러의 것입니다.',
        pullMirrorDiff: '엔진은 {1}의 다이제스트를 {0}(으)로 기록했지만, 미러 {2}은(는) {3}을(를) 알려 줍니다.',
        pullMirrorDiffWhy: '가능한 이유: 이번 pull 뒤에 미러의 사본이 바뀌었거나, 미러가 실패해서 엔진이 도커 허브로 넘어갔습니다.',
        pullMirrorUnasked: '{0}은(는) 도커 허브 이름이고, 엔진은 미러 {1}을(를) 먼저 찾습니다. 이 편집기가 미러에 직접 묻지 못해서({2}) 둘 중 어디서 받았는지는 여기서 증명하지 못했습니다.',
        pullHub: '{0}은(는) 도커 허브 이름이고 엔진에 미러가 없으므로, 도커 허브(registry-1.docker.io)에서 받았습니다.',
        pullDirect: '{0}에는 레지스트리 {1}이(가) 이름에 들어 있어 엔진이 그곳에서 바로 받았습니다. 미러는 도커 허브 이름에만 쓰입니다.',
        pullFailed: '{0} pull에 실패했습니다: {1}',
        pullFailedWhy: '가능한 이유: 엔진이 레지스트리나 미러에 닿지 못합니다(오프라인, 프록시, 또는 없는 이름).',
        pinned: '{0}은(는) 태그와 같은 이미지인 ID {1}(으)로 읽혔습니다. 다이제스트는 내용의 해시이므로, 태그와 달리 다른 내용으로 옮길 수 없습니다.',
        pinnedDiff: '{0}이(가) 태그의 {2}이(가) 아니라 {1}(으)로 읽혔습니다.',
        pinnedWhy: '가능한 이유: pull 뒤에 태그가 다른 내용으로 옮겨졌습니다. 다이제스트는 여전히 예전 내용을 가리킵니다.',
        noDigest: '{0}에는 아직 다이제스트가 없습니다. 이미지는 레지스트리에서 받거나 레지스트리로 올릴 때 다이제스트가 생깁니다.',
        push: '`docker push {0}`을(를) 실행하면 {1}의 저장소 {2}, 태그 {3}(으)로 레이어 {4}개({5})와 이미지 설정, 매니페스트를 올립니다. 레지스트리에 이미 있는 레이어는 건너뜁니다. 레슨은 push하지 않았습니다.',
    },
};

export function namesFindings(r: NamesResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    points.push(
        r.second.id === r.shell.id
            ? { state: 'held', text: w('twoTags', r.shell.name, r.second.name, short(r.shell.id)) }
            : { state: 'surprise', text: w('twoTagsDiff', r.shell.name, short(r.shell.id), r.second.name, short(r.second.id)), why: w('twoTagsWhy') },
    );
    const c = r.imageCount;
    points.push(c.before === c.after ? { state: 'held', text: w('countSame', c.before) } : { state: 'surprise', text: w('countDiff', c.before, c.after), why: w('countWhy') });
    const l = r.latest;
    if (l.first === r.hello.id && l.moved === r.shell.id) {
        points.push({ state: 'held', text: w('latestFirst', l.name, short(l.first), r.hello.name) }, { state: 'held', text: w('latestMoved', l.name, r.shell.name, short(l.moved)) });
    } else {
        points.push({ state: 'surprise', text: w('latestOdd', l.name, short(l.first), short(l.moved), short(r.hello.id), short(r.shell.id)), why: w('latestWhy', l.name) });
    }
    const p = r.pull;
    if (p.error) {
        points.push({ state: 'surprise', text: w('pullFailed', p.name, p.error), why: w('pullFailedWhy') });
    } else if (p.registry !== 'docker.io') {
        points.push({ state: 'note', text: w('pullDirect', p.name, p.registry) });
    } else if (!p.mirrors.length) {
        points.push({ state: 'note', text: w('pullHub', p.name) });
    } else if (p.mirrorDigest && p.digest) {
        points.push(
            p.mirrorDigest === p.digest
                ? { state: 'held', text: w('pullMirrorSame', p.name, `docker.io`, p.mirrors[0], short(p.digest)) }
                : { state: 'surprise', text: w('pullMirrorDiff', short(p.digest), p.name, p.mirrors[0], short(p.mirrorDigest)), why: w('pullMirrorDiffWhy') },
        );
    } else {
        points.push({ state: 'note', text: w('pullMirrorUnasked', p.name, p.mirrors[0], p.mirrorError ?? '—') });
    }
    if (r.pinned) {
        points.push(
            r.pinned.id === r.hello.id
                ? { state: 'held', text: w('pinned', r.pinned.ref, short(r.pinned.id)) }
                : { state: 'surprise', text: w('pinnedDiff', r.pinned.ref, short(r.pinned.id), short(r.hello.id)), why: w('pinnedWhy') },
        );
    } else {
        points.push({ state: 'note', text: w('noDigest', r.hello.name) });
    }
    const s = r.push;
    points.push({ state: 'note', text: w('push', s.name, s.registry, s.repository, s.tag, s.layers, formatBytes(s.bytes)) });
    return findingsView(points, locale);
}
