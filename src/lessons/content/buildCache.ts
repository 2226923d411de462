/**
 * Lesson "build-cache": an image is built step by step; each step that changes files leaves a layer,
 * and the build cache reuses a step while its instruction and inputs are unchanged. Live: three builds
 * of a sample (fresh, unchanged, one file changed), the context and .dockerignore, multi-stage sizes.
 * Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const buildCacheLesson: Lesson = {
    id: 'build-cache',
    blocks: [
        { kind: 'h', text: { en: 'Building an image: layers and the build cache', ko: '이미지 빌드: 레이어와 빌드 캐시' } },
        {
            kind: 'p',
            text: {
                en: '`docker build` reads a Dockerfile from top to bottom. Each instruction is a step; a step that changes files (RUN, COPY, ADD) leaves a layer, and the image is those layers stacked in order. Steps like CMD, ENV or LABEL only change the image\'s settings.',
                ko: '`docker build`는 Dockerfile을 위에서 아래로 읽습니다. 명령어 하나가 단계 하나이고, 파일을 바꾸는 단계(RUN, COPY, ADD)는 레이어를 하나 남깁니다. 이미지는 이 레이어들을 순서대로 쌓은 것입니다. CMD, ENV, LABEL 같은 단계는 이미지의 설정만 바꿉니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'Before the first step runs, the client sends the build context: the folder you name (often `.`) as one tar file, minus what `.dockerignore` excludes. A big context is slow to send, and every file in it can be copied into the image.',
                ko: '첫 단계가 실행되기 전에 클라이언트가 빌드 컨텍스트를 보냅니다. 지정한 폴더(흔히 `.`)를 tar 파일 하나로 묶어 보내는데, `.dockerignore`에 적은 것은 빠집니다. 컨텍스트가 크면 보내는 데 오래 걸리고, 그 안의 모든 파일이 이미지에 복사될 수 있습니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'flow',
                caption: {
                    en: 'A change invalidates the first step whose input changed, and every step after it. The steps before it come from the cache.',
                    ko: '변경은 입력이 바뀐 첫 단계와 그 뒤의 모든 단계를 무효로 만듭니다. 그 앞의 단계는 캐시에서 나옵니다.',
                },
                nodes: [
                    { id: 'from', label: { en: 'FROM busybox', ko: 'FROM busybox 단계' }, sub: { en: 'base image', ko: '베이스 이미지' } },
                    { id: 'deps', label: { en: 'COPY deps.txt + RUN install', ko: 'COPY deps.txt + RUN 설치' }, sub: { en: 'cached: inputs unchanged', ko: '캐시: 입력이 그대로' } },
                    { id: 'src', label: { en: 'COPY app.sh', ko: 'COPY app.sh 단계' }, sub: { en: 'rebuilt: the file changed', ko: '새로 빌드: 파일이 바뀜' } },
                    { id: 'run', label: { en: 'RUN sh app.sh', ko: 'RUN sh app.sh 단계' }, sub: { en: 'rebuilt: comes after', ko: '새로 빌드: 뒤에 있으므로' } },
                ],
                edges: [
                    { from: 'from', to: 'deps', label: { en: 'layer', ko: '레이어' } },
                    { from: 'deps', to: 'src', label: { en: 'layer', ko: '레이어' } },
                    { from: 'src', to: 'run', label: { en: 'layer', ko: '레이어' } },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'The build cache keys each step by its instruction, the layer below it and, for COPY and ADD, a checksum of the files it copies. When a key matches an earlier build, the step is not run again: the builder prints CACHED. That is why order matters: copy the dependency list and install first, the source last. `COPY . .` before the install means any change to any file reinstalls everything.',
                ko: '빌드 캐시는 단계마다 명령어, 그 아래 레이어, 그리고 COPY와 ADD라면 복사하는 파일의 체크섬으로 키를 만듭니다. 키가 이전 빌드와 같으면 그 단계는 다시 실행되지 않고, 빌더가 CACHED라고 표시합니다. 그래서 순서가 중요합니다. 의존성 목록을 복사해서 설치하는 단계를 먼저, 소스 복사는 나중에 두세요. 설치 전에 `COPY . .`를 하면 어떤 파일이 바뀌어도 전부 다시 설치합니다.',
            },
        },
        {
            kind: 'live',
            demo: 'build.cache',
            title: { en: 'Three builds: fresh, unchanged, one file changed', ko: '세 번의 빌드: 처음, 그대로, 파일 하나 변경' },
            explain: {
                en: 'The lesson writes a sample two-stage Dockerfile with a .dockerignore and builds it three times on your engine. You will see each step as cached or rebuilt with its time, the context size, what .dockerignore kept out, the layers, and the final image against its build stage.',
                ko: '레슨이 .dockerignore가 있는 두 스테이지짜리 예제 Dockerfile을 만들어 엔진에서 세 번 빌드합니다. 단계마다 캐시인지 새로 빌드했는지와 걸린 시간, 컨텍스트 크기, .dockerignore가 제외한 것, 레이어, 그리고 최종 이미지와 빌드 스테이지의 크기를 보여 줍니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Multi-stage builds: a Dockerfile can have several FROM lines. Each starts a stage; the last one is the image you get. Compilers and build tools stay in an earlier stage, and `COPY --from=build` takes only the result, so the final image is smaller and carries fewer tools an attacker could use.',
                ko: '멀티 스테이지 빌드: Dockerfile에는 FROM이 여러 번 나올 수 있습니다. FROM마다 스테이지가 시작되고, 마지막 스테이지가 결과 이미지가 됩니다. 컴파일러와 빌드 도구는 앞 스테이지에 남고 `COPY --from=build`는 결과만 가져오므로, 최종 이미지는 더 작고 공격자가 쓸 만한 도구도 적습니다.',
            },
        },
        { kind: 'code', text: '$ docker build -t myapp .\n$ docker build --target build -t myapp:build .\n$ docker image history myapp' },
        {
            kind: 'list',
            items: [
                { en: 'Each RUN, COPY and ADD leaves a layer; the image is the stack of them.', ko: 'RUN, COPY, ADD는 각각 레이어를 남기고, 이미지는 그 레이어들을 쌓은 것입니다.' },
                { en: 'A step is reused from the cache while its instruction and inputs are unchanged; the first changed step and all after it are rebuilt.', ko: '명령어와 입력이 그대로면 단계는 캐시에서 재사용되고, 처음 바뀐 단계와 그 뒤의 단계는 모두 새로 빌드됩니다.' },
                { en: 'Put what changes least first; keep the context small with .dockerignore.', ko: '가장 덜 바뀌는 것을 앞에 두고, .dockerignore로 컨텍스트를 작게 유지하세요.' },
            ],
        },
    ],
};
