/**
 * What each teaching finding says, in English and Korean: one sentence, and the lesson that shows the
 * idea live. Pure data; no `vscode` import.
 */
import type { Locale } from '../../lessons/catalog';

export type TeachingRule = 'apt-update-alone' | 'copy-all-before-install' | 'unpinned-image' | 'add-for-copy' | 'shell-form' | 'secret-in-arg-env';

export type Texts = Readonly<Record<Locale, string>>;

export interface RuleInfo {
    /** One sentence: what happens, and why it matters. */
    readonly message: Texts;
    /** The lesson that shows the idea on the learner's own engine. */
    readonly lesson: string;
    /** Worth a warning (a real risk), or a note (a habit to learn). */
    readonly severity: 'warning' | 'information';
}

export const RULES: Readonly<Record<TeachingRule, RuleInfo>> = {
    'apt-update-alone': {
        message: {
            en: '`apt-get update` in a RUN of its own is cached as a layer, so a later `apt-get install` can use a stale package list: update and install in the same RUN.',
            ko: '`apt-get update`만 따로 있는 RUN은 레이어로 캐시되므로, 나중의 `apt-get install`이 오래된 패키지 목록을 쓸 수 있습니다. update와 install을 같은 RUN에서 실행하세요.',
        },
        lesson: 'image-vs-container',
        severity: 'information',
    },
    'copy-all-before-install': {
        message: {
            en: '`COPY . .` before the dependency install means any change to any file rebuilds that layer and every later one, install included: copy the dependency manifest first, install, then copy the rest.',
            ko: '의존성 설치 전에 `COPY . .`을 하면 어떤 파일이 바뀌어도 그 레이어와 뒤의 모든 레이어(설치 포함)를 다시 빌드합니다. 의존성 목록 파일만 먼저 복사해 설치한 다음 나머지를 복사하세요.',
        },
        lesson: 'image-vs-container',
        severity: 'information',
    },
    'unpinned-image': {
        message: {
            en: 'Without a tag, or with `latest`, the base image is whatever the registry has on the day of the build, so two builds of this file can start from different files: name a version tag, or a digest to pin exactly one image.',
            ko: '태그가 없거나 `latest`이면 베이스 이미지는 빌드하는 날 레지스트리에 있는 이미지가 되므로, 같은 파일로 빌드해도 서로 다른 파일에서 시작할 수 있습니다. 버전 태그를 적거나, 정확히 한 이미지로 고정하려면 다이제스트를 적으세요.',
        },
        lesson: 'image-vs-container',
        severity: 'information',
    },
    'add-for-copy': {
        message: {
            en: 'ADD also downloads URLs and unpacks archives; for plain local files COPY does the same job and says exactly what happens.',
            ko: 'ADD는 URL을 내려받고 압축 파일을 풀기도 합니다. 로컬 파일을 그대로 넣을 때는 COPY가 같은 일을 하면서 무슨 일이 일어나는지 정확히 드러냅니다.',
        },
        lesson: 'image-vs-container',
        severity: 'information',
    },
    'shell-form': {
        message: {
            en: 'In shell form the command runs under `/bin/sh -c`, so sh is PID 1 and `docker stop` sends SIGTERM to the shell, not to your app: use the exec form `["program", "arg"]`.',
            ko: '셸 형식에서는 명령이 `/bin/sh -c` 아래에서 실행되어 sh가 PID 1이 되고, `docker stop`의 SIGTERM이 앱이 아니라 셸로 갑니다. exec 형식 `["program", "arg"]`을 쓰세요.',
        },
        lesson: 'namespaces',
        severity: 'information',
    },
    'secret-in-arg-env': {
        message: {
            en: 'ARG and ENV values are stored in the image (`docker history`, `docker image inspect`), where anyone who has the image can read them: pass secrets with `RUN --mount=type=secret` instead.',
            ko: 'ARG와 ENV 값은 이미지에 저장되어(`docker history`, `docker image inspect`) 이미지를 가진 누구나 읽을 수 있습니다. 비밀 값은 `RUN --mount=type=secret`으로 넘기세요.',
        },
        lesson: 'image-vs-container',
        severity: 'warning',
    },
};

/** Titles of the quick fixes. */
export const FIX_TITLES = {
    mergeAptUpdate: { en: 'Run apt-get update in the same RUN as the install', ko: 'apt-get update를 install과 같은 RUN에서 실행' },
    addToCopy: { en: 'Use COPY instead of ADD', ko: 'ADD 대신 COPY 사용' },
    toExecForm: { en: 'Use the exec form (JSON array)', ko: 'exec 형식(JSON 배열)으로 바꾸기' },
} as const satisfies Record<string, Texts>;
