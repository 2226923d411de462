/**
 * What each Dockerfile instruction does, in English and Korean, for hovers and the explain panel.
 * Pure data; no `vscode` import.
 */
import type { Locale } from '../../lessons/catalog';

export interface KeywordInfo {
    /**
     * `layer`: changes the image's files, so the step leaves a filesystem layer (RUN, COPY, ADD, and WORKDIR,
     * which creates its folder when missing). `metadata`: changes only the image config (settings), no files.
     */
    readonly kind: 'layer' | 'metadata';
    readonly what: Readonly<Record<Locale, string>>;
    /** When and where it takes effect: at build, or in the running container. */
    readonly when: Readonly<Record<Locale, string>>;
    readonly tip: Readonly<Record<Locale, string>>;
    /** The lesson that explains the idea behind it. */
    readonly lesson: string;
}

const BUILD = { en: 'Runs at build time, while the image is made.', ko: '이미지를 만드는 빌드 때 실행됩니다.' };
const SETTING = { en: 'A setting stored in the image; every container made from it starts with it.', ko: '이미지에 저장되는 설정입니다. 이 이미지로 만든 모든 컨테이너가 이 설정으로 시작합니다.' };

const INFO: Record<string, KeywordInfo> = {
    FROM: {
        kind: 'metadata',
        what: { en: 'Starts a build stage from a base image: its layers become the bottom of yours.', ko: '베이스 이미지에서 빌드 단계를 시작합니다. 그 이미지의 레이어가 내 이미지의 맨 아래가 됩니다.' },
        when: BUILD,
        tip: {
            en: 'A tag (`busybox:1.36`) can be moved to another image at any time; only a digest (`busybox@sha256:…`) pins exactly one image, so every build starts from the same files.',
            ko: '태그(`busybox:1.36`)는 언제든 다른 이미지를 가리키도록 바뀔 수 있습니다. 다이제스트(`busybox@sha256:…`)만 정확히 한 이미지를 고정하므로, 어디서 빌드하든 같은 파일에서 시작합니다.',
        },
        lesson: 'image-vs-container',
    },
    RUN: {
        kind: 'layer',
        what: { en: 'Runs a command and saves what it changed in the files (added, changed and deleted files) as a new layer.', ko: '명령을 실행하고, 파일에 생긴 변경(추가, 수정, 삭제)을 새 레이어로 저장합니다.' },
        when: { en: 'Runs at build time, not when a container starts.', ko: '컨테이너가 시작될 때가 아니라 빌드 때 실행됩니다.' },
        tip: {
            en: 'Join related commands with `&&` and clean up in the same RUN: a later step that deletes a file only records the deletion (a whiteout) in its own layer, and the file still takes space in the layer that added it.',
            ko: '관련 명령은 `&&`로 묶고 같은 RUN 안에서 정리하세요. 나중 단계에서 파일을 지우면 그 단계의 레이어에는 삭제 표시(whiteout)만 기록되고, 파일은 처음 추가된 레이어에서 여전히 용량을 차지합니다.',
        },
        lesson: 'image-vs-container',
    },
    CMD: {
        kind: 'metadata',
        what: {
            en: 'The default command of a container made from this image. With an exec-form ENTRYPOINT it is that program\'s default arguments instead; a shell-form ENTRYPOINT ignores it.',
            ko: '이 이미지로 만든 컨테이너의 기본 명령입니다. ENTRYPOINT가 exec 형식이면 그 프로그램의 기본 인자가 되고, 셸 형식이면 무시됩니다.',
        },
        when: { en: 'Runs in the container when it starts, not at build. `docker run IMAGE other-command` replaces it.', ko: '빌드 때가 아니라 컨테이너가 시작될 때 실행됩니다. `docker run IMAGE 다른-명령`으로 바꿀 수 있습니다.' },
        tip: { en: 'Prefer the exec form `["prog", "arg"]`: the program becomes PID 1 and gets stop signals.', ko: 'exec 형식 `["prog", "arg"]`을 쓰면 프로그램이 PID 1이 되어 종료 신호를 받습니다.' },
        lesson: 'namespaces',
    },
    ENTRYPOINT: {
        kind: 'metadata',
        what: {
            en: 'The program a container of this image runs. In the exec form (`ENTRYPOINT ["prog", "arg"]`) it gets CMD as its arguments, or the arguments of `docker run IMAGE …`, which replace CMD; the shell form (`ENTRYPOINT prog arg`) ignores both.',
            ko: '이 이미지의 컨테이너가 실행하는 프로그램입니다. exec 형식(`ENTRYPOINT ["prog", "arg"]`)이면 CMD가 이 프로그램의 인자로 전달되고, `docker run IMAGE …`에 인자를 주면 그 인자가 CMD를 대신합니다. 셸 형식(`ENTRYPOINT prog arg`)이면 둘 다 무시됩니다.',
        },
        when: {
            en: 'Runs in the container when it starts, not at build. `docker run --entrypoint PROG IMAGE` replaces it.',
            ko: '빌드 때가 아니라 컨테이너가 시작될 때 실행됩니다. `docker run --entrypoint PROG IMAGE`로 바꿀 수 있습니다.',
        },
        tip: { en: 'Use the exec form: stop signals reach your program, and CMD can supply its arguments.', ko: 'exec 형식을 쓰세요. 종료 신호가 프로그램에 바로 전달되고, CMD로 인자를 넘길 수 있습니다.' },
        lesson: 'namespaces',
    },
    COPY: {
        kind: 'layer',
        what: { en: 'Copies files from the build context (or another stage) into the image, as a new layer.', ko: '빌드 컨텍스트(또는 다른 단계)의 파일을 이미지에 복사해 새 레이어로 저장합니다.' },
        when: BUILD,
        tip: { en: 'List big or secret files in `.dockerignore` so they never reach the build.', ko: '크거나 비밀인 파일은 `.dockerignore`에 적어 빌드에 들어가지 않게 하세요.' },
        lesson: 'image-vs-container',
    },
    ADD: {
        kind: 'layer',
        what: { en: 'Like COPY, and also unpacks local tar archives and fetches URLs, as a new layer.', ko: 'COPY와 같지만 로컬 tar 압축을 풀고 URL도 가져옵니다. 새 레이어로 저장됩니다.' },
        when: BUILD,
        tip: { en: 'Use COPY unless you need ADD\'s extras: it says exactly what happens.', ko: 'ADD의 추가 기능이 필요 없으면 COPY를 쓰세요. 무슨 일이 일어나는지 분명합니다.' },
        lesson: 'image-vs-container',
    },
    ENV: {
        kind: 'metadata',
        what: { en: 'Sets environment variables for the rest of the build and for every container.', ko: '나머지 빌드와 모든 컨테이너에 환경 변수를 설정합니다.' },
        when: SETTING,
        tip: {
            en: 'Never put secrets here: anyone with the image can read them (`docker image inspect`). Pass them as build secrets (`RUN --mount=type=secret,id=…`), which leave nothing in the image.',
            ko: '비밀 값은 절대 넣지 마세요. 이미지를 가진 누구나 읽을 수 있습니다(`docker image inspect`). 비밀 값은 이미지에 아무것도 남기지 않는 빌드 시크릿(`RUN --mount=type=secret,id=…`)으로 넘기세요.',
        },
        lesson: 'image-vs-container',
    },
    ARG: {
        kind: 'metadata',
        what: { en: 'A build-time variable (`docker build --build-arg NAME=value`).', ko: '빌드 때만 쓰는 변수입니다(`docker build --build-arg NAME=value`).' },
        when: {
            en: 'Exists only during the build; containers do not see it. But the values a RUN used stay readable in the image\'s history (`docker history`).',
            ko: '빌드 동안에만 있고, 컨테이너는 보지 못합니다. 하지만 RUN이 쓴 값은 이미지 기록(`docker history`)에 그대로 남습니다.',
        },
        tip: {
            en: 'Never use ARG (or ENV) for secrets: use build secrets (`RUN --mount=type=secret,id=…`). An ARG before FROM can choose the base image; declare it again after FROM to use it there.',
            ko: '비밀 값에는 ARG나 ENV를 절대 쓰지 말고 빌드 시크릿(`RUN --mount=type=secret,id=…`)을 쓰세요. FROM 앞의 ARG로 베이스 이미지를 고를 수 있고, FROM 뒤에서 쓰려면 다시 선언하세요.',
        },
        lesson: 'image-vs-container',
    },
    EXPOSE: {
        kind: 'metadata',
        what: { en: 'Documents the port the app listens on.', ko: '앱이 수신 대기(listen)하는 포트를 문서로 남깁니다.' },
        when: { en: 'It does not publish the port: `docker run -p 8080:8080` does.', ko: '포트를 공개하지는 않습니다. 공개는 `docker run -p 8080:8080`이 합니다.' },
        tip: { en: 'Keep it in sync with the port your program really opens.', ko: '프로그램이 실제로 여는 포트와 맞추세요.' },
        lesson: 'namespaces',
    },
    WORKDIR: {
        kind: 'layer',
        what: {
            en: 'Sets the working folder for the next instructions and for the container, and creates the folder when it does not exist: a change to the files (a layer, often 0 B).',
            ko: '다음 명령어들과 컨테이너의 작업 폴더를 정하고, 폴더가 없으면 만듭니다. 파일을 바꾸는 단계라 레이어가 생깁니다(흔히 0 B).',
        },
        when: { en: 'Creates the folder at build time; every container made from the image starts in it.', ko: '폴더는 빌드 때 만들어지고, 이 이미지로 만든 모든 컨테이너가 이 폴더에서 시작합니다.' },
        tip: { en: 'Use an absolute path instead of `RUN cd …`, which lasts only for that RUN.', ko: '`RUN cd …`는 그 RUN에서만 유효하니, 절대 경로의 WORKDIR을 쓰세요.' },
        lesson: 'image-vs-container',
    },
    USER: {
        kind: 'metadata',
        what: { en: 'The user (and group) the next instructions and the container run as.', ko: '다음 명령어들과 컨테이너가 실행될 사용자(와 그룹)입니다.' },
        when: SETTING,
        tip: { en: 'Run as a non-root user when you can: a container shares the host\'s kernel.', ko: '가능하면 root가 아닌 사용자로 실행하세요. 컨테이너는 호스트의 커널을 공유합니다.' },
        lesson: 'containers-vs-vms',
    },
    VOLUME: {
        kind: 'metadata',
        what: { en: 'Marks a folder as a volume: data written there lives outside the container\'s writable layer.', ko: '폴더를 볼륨으로 표시합니다. 거기 쓴 데이터는 컨테이너의 쓰기 가능한 레이어 밖에 남습니다.' },
        when: SETTING,
        tip: {
            en: 'With the legacy builder, changes a later RUN makes in that folder are thrown away; BuildKit (the default builder since Engine 23) keeps them. Put the files in place before VOLUME to get the same image with both.',
            ko: '레거시 빌더에서는 나중의 RUN이 그 폴더에서 바꾼 내용이 버려지고, BuildKit(Engine 23부터 기본 빌더)은 그대로 남깁니다. 두 빌더에서 같은 이미지를 얻으려면 VOLUME 앞에서 파일을 준비하세요.',
        },
        lesson: 'image-vs-container',
    },
    LABEL: {
        kind: 'metadata',
        what: { en: 'Adds key=value labels to the image (author, version, source).', ko: '이미지에 key=value 레이블(작성자, 버전, 소스)을 붙입니다.' },
        when: SETTING,
        tip: { en: '`org.opencontainers.image.*` keys are understood by many tools.', ko: '`org.opencontainers.image.*` 키는 많은 도구가 이해합니다.' },
        lesson: 'image-vs-container',
    },
    HEALTHCHECK: {
        kind: 'metadata',
        what: { en: 'A command Docker runs inside the container at regular intervals to tell healthy from unhealthy.', ko: '도커가 컨테이너 안에서 주기적으로 실행해 정상(healthy)인지 판단하는 명령입니다.' },
        when: { en: 'Runs in the running container, not at build.', ko: '빌드 때가 아니라 실행 중인 컨테이너 안에서 실행됩니다.' },
        tip: { en: 'Keep it fast and cheap; the Containers view shows the health it reports.', ko: '빠르고 가볍게 만드세요. 검사 결과 상태는 컨테이너 뷰에 표시됩니다.' },
        lesson: 'namespaces',
    },
    SHELL: {
        kind: 'metadata',
        what: { en: 'The shell used by the shell form of RUN, CMD and ENTRYPOINT.', ko: 'RUN, CMD, ENTRYPOINT의 셸 형식에 쓰는 셸입니다.' },
        when: SETTING,
        tip: { en: '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes failing pipes fail the build.', ko: '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`를 쓰면 실패한 파이프가 빌드를 멈춥니다.' },
        lesson: 'image-vs-container',
    },
    STOPSIGNAL: {
        kind: 'metadata',
        what: { en: 'The signal `docker stop` sends to the container\'s main process.', ko: '`docker stop`이 컨테이너의 주 프로세스에 보내는 신호입니다.' },
        when: SETTING,
        tip: { en: 'If the process is still running after the stop timeout (10 s by default), Docker sends SIGKILL.', ko: '정지 대기 시간(기본 10초)이 지나도 프로세스가 끝나지 않으면 도커가 SIGKILL을 보냅니다.' },
        lesson: 'namespaces',
    },
    ONBUILD: {
        kind: 'metadata',
        what: { en: 'An instruction saved for later: it runs when another image uses this one in FROM.', ko: '나중을 위해 저장하는 명령어입니다. 다른 이미지가 FROM으로 이 이미지를 쓸 때 실행됩니다.' },
        when: { en: 'Does nothing in this build.', ko: '이 빌드에서는 아무 일도 하지 않습니다.' },
        tip: { en: 'Hidden build steps surprise people; most images avoid ONBUILD.', ko: '보이지 않는 빌드 단계는 예상치 못한 동작을 일으키기 쉬우니, 대부분의 이미지는 ONBUILD를 쓰지 않습니다.' },
        lesson: 'image-vs-container',
    },
    MAINTAINER: {
        kind: 'metadata',
        what: { en: 'Deprecated: the image\'s author.', ko: '더 이상 쓰이지 않는(deprecated) 명령어로, 이미지 작성자를 적습니다.' },
        when: SETTING,
        tip: { en: 'Use `LABEL org.opencontainers.image.authors="…"` instead.', ko: '대신 `LABEL org.opencontainers.image.authors="…"`를 쓰세요.' },
        lesson: 'image-vs-container',
    },
};

export const KEYWORDS: ReadonlySet<string> = new Set(Object.keys(INFO));

export function keywordInfo(keyword: string): KeywordInfo | undefined {
    return INFO[keyword.toUpperCase()];
}
