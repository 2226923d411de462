/**
 * Lesson "hello-world": what `docker run hello-world` does, step by step. The transcript is the seed
 * notes' program output, verbatim. Live: the same four steps through the Engine API, each arrow of
 * the flow diagram lit as its real call completes. Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

/** The output of `docker run hello-world`, as printed in the seed notes (program output: English). */
const TRANSCRIPT = [
    '$ docker run hello-world',
    '',
    'Hello from Docker!',
    'This message shows that your installation appears to be working correctly.',
    '',
    'To generate this message, Docker took the following steps:',
    ' 1. The Docker client contacted the Docker daemon.',
    ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
    '    (amd64)',
    ' 3. The Docker daemon created a new container from that image which runs the',
    '    executable that produces the output you are currently reading.',
    ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
    '    to your terminal.',
    '',
    'To try something more ambitious, you can run an Ubuntu container with:',
    ' $ docker run -it ubuntu bash',
    '',
    'Share images, automate workflows, and more with a free Docker ID:',
    ' https://hub.docker.com/',
    '',
    'For more examples and ideas, visit:',
    ' https://docs.docker.com/get-started/',
].join('\n');

export const helloWorldLesson: Lesson = {
    id: 'hello-world',
    blocks: [
        { kind: 'h', text: { en: 'What `docker run hello-world` does', ko: '`docker run hello-world`의 흐름' } },
        {
            kind: 'p',
            text: {
                en: '`docker run hello-world` is the first command most people try. It prints a greeting, and the greeting explains what just happened. Here is the output, as Docker prints it:',
                ko: '`docker run hello-world`는 많은 사람이 가장 먼저 실행해 보는 명령입니다. 이 명령은 인사말을 출력하는데, 그 인사말이 방금 무슨 일이 일어났는지 설명해 줍니다. 도커가 출력하는 내용은 다음과 같습니다(프로그램 출력이라 영어 그대로 둡니다).',
            },
        },
        { kind: 'code', text: TRANSCRIPT },
        {
            kind: 'p',
            text: {
                en: 'Four parts are involved. The Docker client is the `docker` command you type. The Docker daemon is the background service that does the work. A registry stores images; by default that is Docker Hub. And the container is what the daemon creates from the image.',
                ko: '여기에는 네 가지가 등장합니다. 도커 클라이언트는 사용자가 입력하는 `docker` 명령입니다. 도커 데몬은 백그라운드에서 실제 일을 하는 서비스입니다. 레지스트리는 이미지를 저장하는 곳이며, 기본값은 도커 허브입니다. 그리고 컨테이너는 데몬이 이미지로 생성하는 것입니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'flow',
                caption: {
                    en: 'The four steps of `docker run hello-world`. In the live demo below, each arrow lights when its real call completes.',
                    ko: '`docker run hello-world`의 네 단계. 아래 라이브 데모에서는 실제 호출이 끝날 때마다 해당 화살표가 켜집니다.',
                },
                nodes: [
                    {
                        id: 'client',
                        label: { en: 'Docker client', ko: '도커 클라이언트' },
                        sub: { en: 'the `docker` command; here, this extension', ko: '`docker` 명령. 여기서는 이 확장 프로그램' },
                    },
                    {
                        id: 'daemon',
                        label: { en: 'Docker daemon', ko: '도커 데몬' },
                        sub: { en: 'dockerd, the engine', ko: 'dockerd, 도커 엔진' },
                    },
                    {
                        id: 'registry',
                        label: { en: 'Registry', ko: '레지스트리' },
                        sub: { en: 'Docker Hub by default', ko: '기본값은 도커 허브' },
                    },
                    {
                        id: 'container',
                        label: { en: 'Container', ko: '컨테이너' },
                        sub: { en: 'from the hello-world image', ko: 'hello-world 이미지로 생성' },
                    },
                ],
                edges: [
                    { from: 'client', to: 'daemon', label: { en: '1. contacts the daemon', ko: '1. 데몬에 연결' }, step: 1 },
                    { from: 'daemon', to: 'registry', label: { en: '2. pulls the image', ko: '2. 이미지 내려받기' }, step: 2 },
                    { from: 'daemon', to: 'container', label: { en: '3. creates a container', ko: '3. 컨테이너 생성' }, step: 3 },
                    { from: 'container', to: 'client', label: { en: '4. streams the output (via the daemon)', ko: '4. 출력을 전달 (데몬을 거쳐)' }, step: 4 },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'In this lesson the extension plays the client. For each step it sends the daemon one or more Engine API requests:',
                ko: '이 레슨에서는 이 확장 프로그램이 도커 클라이언트 역할을 합니다. 확장 프로그램은 단계마다 도커 데몬에 Engine API 요청을 하나 이상 보냅니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'Step 1, contact the daemon: `GET /_ping`.', ko: '1단계, 데몬에 연결: `GET /_ping`.' },
                {
                    en: 'Step 2, pull the image: first `GET /images/hello-world/json` asks whether it is already on your engine; only if not, `POST /images/create?fromImage=hello-world&tag=latest` pulls it.',
                    ko: '2단계, 이미지 내려받기(pull): 먼저 `GET /images/hello-world/json`으로 이미지가 이미 엔진에 있는지 묻고, 없을 때만 `POST /images/create?fromImage=hello-world&tag=latest`로 가져옵니다.',
                },
                { en: 'Step 3, create the container: `POST /containers/create`.', ko: '3단계, 컨테이너 생성: `POST /containers/create`.' },
                {
                    en: 'Step 4, stream the output: `GET /containers/{id}/json` (does it use a terminal?), `POST /containers/{id}/attach` to its output, `POST /containers/{id}/start`, then `POST /containers/{id}/wait` until it exits.',
                    ko: '4단계, 출력 전달: `GET /containers/{id}/json`(터미널을 쓰는지 확인), `POST /containers/{id}/attach`(출력에 연결), `POST /containers/{id}/start`(시작)를 차례로 보낸 뒤, `POST /containers/{id}/wait`로 종료될 때까지 기다립니다.',
                },
            ],
        },
        {
            kind: 'live',
            demo: 'hello.flow',
            title: { en: 'Run hello-world, one step at a time', ko: 'hello-world를 한 단계씩 실행하기' },
            explain: {
                en: 'Press Run it: each arrow lights when its real API call completes, with how long it took. The greeting at the end is the container\'s own output, streamed back through the daemon.',
                ko: '‘실행하기’를 누르면 실제 API 호출이 끝날 때마다 해당 화살표가 켜지고, 걸린 시간이 표시됩니다. 마지막에 나오는 인사말은 컨테이너가 직접 출력한 것으로, 데몬을 거쳐 전달됩니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'What to look for: the calls follow the greeting\'s order, and the findings under the demo list every request the run really sent and count them. If the image was missing, step 2 pulls it and counts only the layers it really downloaded; layers already on your engine are not downloaded again. Run it a second time: the image is local now, so step 2 is skipped. To watch the pull again, choose Remove the image and run again.',
                ko: '살펴볼 점: 호출 순서는 인사말이 설명하는 순서와 같습니다. 데모 아래의 확인 결과에는 이번 실행이 실제로 보낸 요청이 모두, 개수와 함께 나옵니다. 이미지가 없었다면 2단계에서 이미지를 가져오는데, 실제로 내려받은 레이어만 셉니다. 이미 엔진에 있던 레이어는 다시 내려받지 않습니다. 한 번 더 실행하면 이제 이미지가 로컬에 있으므로 2단계를 건너뜁니다. 가져오는 과정을 다시 보려면 ‘이미지를 지우고 다시 실행하기’를 누르세요.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'The `docker` command is itself a client of the same Engine API, but its order differs: `docker run` first sends `POST /containers/create`. When the image is missing, the daemon answers 404 and the CLI prints "Unable to find image \'hello-world:latest\' locally"; it then pulls with `POST /images/create` and sends the create again. This extension asks first (`GET /images/{name}/json`), so it never gets that 404.',
                ko: '`docker` 명령도 같은 Engine API의 클라이언트이지만 순서가 다릅니다. `docker run`은 먼저 `POST /containers/create`를 보냅니다. 이미지가 없으면 데몬이 404로 답하고, CLI는 "Unable to find image \'hello-world:latest\' locally"를 출력한 뒤 `POST /images/create`로 이미지를 가져오고 create를 다시 보냅니다. 이 확장 프로그램은 먼저 `GET /images/{name}/json`으로 물어보므로 그 404를 받지 않습니다.',
            },
        },
    ],
};
