/**
 * Lesson "image-names": what a full image name says (registry/namespace/repo:tag@digest), tags as
 * movable names, digests as content hashes, registries and mirrors, tag and push. Live: the user's
 * own images taken apart, two tags on one id, a pull checked against the mirror. Pure data.
 */
import type { Lesson } from '../model';

export const imageNamesLesson: Lesson = {
    id: 'image-names',
    blocks: [
        { kind: 'h', text: { en: 'Image names, tags, digests and registries', ko: '이미지 이름, 태그, 다이제스트, 레지스트리' } },
        {
            kind: 'p',
            text: {
                en: 'A full image name has up to five parts: `registry/namespace/repository:tag@digest`, for example `docker.io/library/hello-world:latest`. Most are usually left out, and the engine fills them in: no registry means Docker Hub (`docker.io`), no namespace on Docker Hub means `library` (the official images), and no tag means `latest`.',
                ko: '이미지의 전체 이름은 최대 다섯 부분으로 되어 있습니다: `registry/namespace/repository:tag@digest`. 예를 들면 `docker.io/library/hello-world:latest`입니다. 대부분은 생략하고, 엔진이 채워 넣습니다. 레지스트리가 없으면 도커 허브(`docker.io`), 도커 허브에서 네임스페이스가 없으면 `library`(공식 이미지), 태그가 없으면 `latest`입니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'A tag is a movable name for an image id. One image can have many tags, and `docker tag` only adds a name: nothing is copied. `latest` is an ordinary tag, the default one; it means "the image last given this tag", not "the newest". A digest (`@sha256:…`) is the hash of the image\'s content as a registry stores it, so it always names exactly the same content.',
                ko: '태그는 이미지 ID에 붙이는, 옮길 수 있는 이름입니다. 이미지 하나에 태그를 여러 개 붙일 수 있고, `docker tag`는 이름을 더할 뿐 아무것도 복사하지 않습니다. `latest`도 평범한 태그로, 기본값일 뿐입니다. "가장 새 이미지"가 아니라 "마지막으로 이 태그를 받은 이미지"라는 뜻입니다. 다이제스트(`@sha256:…`)는 레지스트리에 저장된 이미지 내용의 해시라서, 언제나 정확히 같은 내용을 가리킵니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'flow',
                caption: {
                    en: 'The parts of a name, left to right: where to get it, whose it is, what it is, which version, which exact content.',
                    ko: '이름의 부분, 왼쪽부터: 어디서 받는지, 누구의 것인지, 무엇인지, 어느 버전인지, 정확히 어떤 내용인지.',
                },
                nodes: [
                    { id: 'registry', label: { en: 'Registry', ko: '레지스트리' }, sub: { en: 'docker.io (default)', ko: 'docker.io (기본값)' } },
                    { id: 'namespace', label: { en: 'Namespace', ko: '네임스페이스' }, sub: { en: 'library (official)', ko: 'library (공식)' } },
                    { id: 'repo', label: { en: 'Repository', ko: '저장소' }, sub: { en: 'e.g. hello-world', ko: '예: hello-world' } },
                    { id: 'tag', label: { en: 'Tag', ko: '태그' }, sub: { en: 'latest (default, movable)', ko: 'latest (기본값, 옮길 수 있음)' } },
                    { id: 'digest', label: { en: 'Digest', ko: '다이제스트' }, sub: { en: 'sha256:… (fixed)', ko: 'sha256:… (고정)' } },
                ],
                edges: [
                    { from: 'registry', to: 'namespace', label: { en: 'slash /', ko: '슬래시 /' } },
                    { from: 'namespace', to: 'repo', label: { en: 'slash /', ko: '슬래시 /' } },
                    { from: 'repo', to: 'tag', label: { en: 'colon :', ko: '콜론 :' } },
                    { from: 'tag', to: 'digest', label: { en: 'at sign @', ko: '골뱅이 @' } },
                ],
            },
        },
        {
            kind: 'background',
            text: {
                en: 'A registry stores images by repository. `docker pull` asks the registry in the name; for Docker Hub names an engine may be set up with a registry mirror, which it asks first. `docker push` sends to the registry in the name, so to publish an image elsewhere you first `docker tag` it with that registry\'s name; the push then uploads the layers the registry does not have yet, the image config and a manifest.',
                ko: '레지스트리는 이미지를 저장소별로 보관합니다. `docker pull`은 이름에 있는 레지스트리에 요청합니다. 도커 허브 이름이라면 엔진에 레지스트리 미러가 설정되어 있을 수 있고, 그러면 미러에 먼저 요청합니다. `docker push`는 이름에 있는 레지스트리로 보내므로, 다른 곳에 올리려면 먼저 `docker tag`로 그 레지스트리의 이름을 붙입니다. push는 레지스트리에 아직 없는 레이어와 이미지 설정, 매니페스트를 올립니다.',
            },
        },
        {
            kind: 'live',
            demo: 'names.anatomy',
            title: { en: 'Your images\' names, taken apart and tried', ko: '내 이미지의 이름, 나누고 확인하기' },
            explain: {
                en: 'The demo takes apart the names of your images, tags one image twice, moves a `latest` tag, pulls through your engine\'s registry settings and asks the mirror for the same digest. It then resolves the digest and shows what a push would send, without pushing.',
                ko: '데모는 내 이미지의 이름을 부분별로 나누고, 이미지 하나에 태그를 두 번 붙이고, `latest` 태그를 옮기고, 엔진의 레지스트리 설정으로 pull한 뒤 미러에 같은 다이제스트를 묻습니다. 그다음 다이제스트로 이미지를 찾고, push하면 무엇이 올라가는지 push 없이 보여 줍니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'Left-out parts are filled in: docker.io, library, latest.', ko: '생략한 부분은 채워집니다: docker.io, library, latest.' },
                { en: 'A tag is a name that can move; many tags can name one image id.', ko: '태그는 옮길 수 있는 이름이고, 태그 여러 개가 이미지 ID 하나를 가리킬 수 있습니다.' },
                { en: '`latest` is just the default tag, not a promise of the newest version.', ko: '`latest`는 기본 태그일 뿐, 가장 새 버전이라는 약속이 아닙니다.' },
                { en: 'Pin a digest (`name@sha256:…`) when you need exactly the same content every time.', ko: '매번 정확히 같은 내용이 필요하면 다이제스트(`name@sha256:…`)로 고정하세요.' },
            ],
        },
    ],
};
