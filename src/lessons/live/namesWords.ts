/** The image-names demo's words, English and Korean. */
import type { Words } from './demo';

export type NamesKey =
    | 'intro'
    | 'run'
    | 'runAgain'
    | 's1'
    | 's2'
    | 's3'
    | 's4'
    | 's5'
    | 's6'
    | 's7'
    | 'hostCall'
    | 'caption'
    | 'cName'
    | 'cRegistry'
    | 'cNamespace'
    | 'cRepo'
    | 'cTag'
    | 'cDigest'
    | 'cId'
    | 'implied'
    | 'more'
    | 'fSecond'
    | 'fLatest'
    | 'fMirrors'
    | 'fMirrorsNone'
    | 'fDigest'
    | 'fMirrorDigest'
    | 'fPinned'
    | 'fPush'
    | 'pushValue'
    | 'cleaned';

export const NAMES_WORDS: Words<NamesKey> = {
    en: {
        intro: 'Takes apart the names of your images, gives one image a second name, moves a `latest` tag, pulls through your engine\'s registry settings, resolves a digest, and shows what a push would send (without pushing). The lesson\'s own tags are removed at the end; no image is deleted.',
        run: 'Start the demo',
        runAgain: 'Run it again',
        s1: 'List your images and take their names apart',
        s2: 'Give {0} a second name',
        s3: 'Point {0} at another image, then move it',
        s4: 'Pull {0} and ask where it came from',
        s5: 'Resolve the image by its digest',
        s6: 'Tag it for another registry: what would a push send?',
        s7: 'Remove the lesson\'s tags (the images stay)',
        hostCall: 'HTTP GET of the manifest from the extension host (registry API, not the Engine API)',
        caption: 'Your images\' names, part by part (parts in parentheses are filled in by the engine)',
        cName: 'Name as stored',
        cRegistry: 'Registry',
        cNamespace: 'Namespace',
        cRepo: 'Repository',
        cTag: 'Tag',
        cDigest: 'Digest',
        cId: 'Image id',
        implied: '({0})',
        more: '… and {0} more names',
        fSecond: '{0} → id',
        fLatest: '{0} → id',
        fMirrors: 'Registry mirrors of your engine',
        fMirrorsNone: 'none (Docker Hub names go to Docker Hub)',
        fDigest: 'Digest the engine recorded for {0}',
        fMirrorDigest: 'Digest the mirror answers',
        fPinned: '{0} → id',
        fPush: 'docker push {0} would send',
        pushValue: 'layers: {0}, {1} in all, to {2}',
        cleaned: 'untagged',
    },
    ko: {
        intro: '내 이미지의 이름을 부분별로 나누고, 이미지 하나에 두 번째 이름을 붙이고, `latest` 태그를 옮기고, 엔진의 레지스트리 설정으로 pull하고, 다이제스트로 이미지를 찾고, push하면 무엇이 올라가는지 보여 줍니다(push는 하지 않습니다). 끝나면 레슨이 붙인 태그만 지우고, 이미지는 지우지 않습니다.',
        run: '데모 시작',
        runAgain: '다시 실행하기',
        s1: '내 이미지 목록을 읽고 이름을 부분별로 나누기',
        s2: '{0}에 두 번째 이름 붙이기',
        s3: '{0}을(를) 다른 이미지에 붙였다가 옮기기',
        s4: '{0}을(를) pull하고 어디서 왔는지 묻기',
        s5: '다이제스트로 이미지 찾기',
        s6: '다른 레지스트리용 태그 붙이기: push하면 무엇이 올라갈까?',
        s7: '레슨이 붙인 태그 지우기 (이미지는 그대로)',
        hostCall: '확장 호스트에서 매니페스트를 HTTP GET으로 요청 (Engine API가 아닌 레지스트리 API)',
        caption: '내 이미지의 이름, 부분별로 (괄호 안은 엔진이 채워 넣은 부분)',
        cName: '저장된 이름',
        cRegistry: '레지스트리',
        cNamespace: '네임스페이스',
        cRepo: '저장소',
        cTag: '태그',
        cDigest: '다이제스트',
        cId: '이미지 ID',
        implied: '({0})',
        more: '… 이름 {0}개 더 있음',
        fSecond: '{0} → ID',
        fLatest: '{0} → ID',
        fMirrors: '엔진의 레지스트리 미러',
        fMirrorsNone: '없음 (도커 허브 이름은 도커 허브로 갑니다)',
        fDigest: '엔진이 기록한 {0}의 다이제스트',
        fMirrorDigest: '미러가 알려 준 다이제스트',
        fPinned: '{0} → ID',
        fPush: 'docker push {0}이(가) 올릴 것',
        pushValue: '레이어 {0}개, 모두 {1}, 대상 {2}',
        cleaned: '태그 지움',
    },
};
