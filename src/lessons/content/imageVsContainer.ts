/**
 * Lesson "image-vs-container": an image is a read-only template made of layers; a container is an
 * instance of it with a thin writable layer. Live: one image, its layers and its containers.
 * Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const imageVsContainerLesson: Lesson = {
    id: 'image-vs-container',
    blocks: [
        { kind: 'h', text: { en: 'Image vs container', ko: '이미지와 컨테이너' } },
        {
            kind: 'p',
            text: {
                en: 'An image is a template. It holds everything an application needs to run: code, a runtime, system tools, system libraries and settings. An image does nothing by itself; it is a package waiting to be run.',
                ko: '이미지는 틀입니다. 이미지에는 애플리케이션을 실행하는 데 필요한 모든 것, 즉 코드, 런타임, 시스템 도구, 시스템 라이브러리, 설정이 들어 있습니다. 이미지는 그 자체로는 아무 일도 하지 않습니다. 실행되기를 기다리는 패키지입니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'A container is an instance of an image. When the Docker engine creates a container from an image, the image becomes something that can run. You can create many containers from one image, just as you can open many windows of one program.',
                ko: '컨테이너는 이미지의 인스턴스입니다. 도커 엔진이 이미지로 컨테이너를 생성해야 비로소 실행할 수 있습니다. 프로그램 하나로 창을 여러 개 열 수 있듯이, 이미지 하나로 컨테이너를 여러 개 만들 수 있습니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'An image is built from layers. Each layer records what one build step did to the files: the files it added or changed, and the files it deleted (a deletion is stored as a marker called a whiteout). Stacked bottom first, the layers make up the file system a container sees.',
                ko: '이미지는 레이어로 이루어져 있습니다. 레이어 하나에는 빌드 단계 하나가 파일에 한 일이 기록됩니다. 추가하거나 바꾼 파일뿐 아니라 지운 파일도 기록됩니다(삭제는 화이트아웃(whiteout)이라는 표시 파일로 남습니다). 레이어를 아래부터 차례로 쌓으면 컨테이너가 보는 파일 시스템이 됩니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Image layers are read-only. Each container gets one thin writable layer of its own on top of them. Whatever the container changes (new files, edited files, deleted files) goes into that writable layer, never into the image. So many containers can share one image: they share its read-only layers, and each keeps its own changes.',
                ko: '이미지의 레이어는 읽기 전용입니다. 컨테이너마다 그 위에 얇은 쓰기 가능한 레이어가 하나씩 생깁니다. 컨테이너가 바꾸는 것(새 파일, 수정한 파일, 삭제한 파일)은 모두 이 쓰기 가능한 레이어에 기록되고, 이미지에는 절대 기록되지 않습니다. 그래서 여러 컨테이너가 이미지 하나를 공유할 수 있습니다. 읽기 전용 레이어는 함께 쓰고, 각자의 변경 사항은 따로 보관합니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'stack',
                caption: {
                    en: 'Two containers from one image: the same read-only layers below, a writable layer of their own on top.',
                    ko: '이미지 하나로 만든 컨테이너 두 개: 아래의 읽기 전용 레이어는 같고, 위의 쓰기 가능한 레이어는 각자의 것입니다.',
                },
                columns: [
                    {
                        title: { en: 'The image', ko: '이미지' },
                        layers: [
                            { label: { en: 'Base: system tools and libraries (read-only)', ko: '기반: 시스템 도구와 라이브러리 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Runtime (read-only)', ko: '런타임 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Your code (read-only)', ko: '애플리케이션 코드 (읽기 전용)' }, tone: 'layer' },
                        ],
                    },
                    {
                        title: { en: 'Container A', ko: '컨테이너 A' },
                        layers: [
                            { label: { en: 'Base: system tools and libraries (read-only)', ko: '기반: 시스템 도구와 라이브러리 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Runtime (read-only)', ko: '런타임 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Your code (read-only)', ko: '애플리케이션 코드 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Writable layer: A\'s changes', ko: '쓰기 가능한 레이어: A의 변경 사항' }, tone: 'writable' },
                        ],
                    },
                    {
                        title: { en: 'Container B', ko: '컨테이너 B' },
                        layers: [
                            { label: { en: 'Base: system tools and libraries (read-only)', ko: '기반: 시스템 도구와 라이브러리 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Runtime (read-only)', ko: '런타임 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Your code (read-only)', ko: '애플리케이션 코드 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Writable layer: B\'s changes', ko: '쓰기 가능한 레이어: B의 변경 사항' }, tone: 'writable' },
                        ],
                    },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'Now look at a real image on your engine. Its history lists the steps that built it: for each one, the instruction and the size of the file content it stored. `RUN`, `COPY`, `ADD` and `WORKDIR` (which may create its folder) change files; `CMD`, `ENV`, `LABEL` and the other instructions change only the image\'s configuration. A row of 0 B means the step stored no file content, not that it was a setting: a `RUN` that changed nothing is 0 B too.',
                ko: '이제 내 도커 엔진에 있는 실제 이미지를 살펴봅니다. 이미지의 히스토리에는 이미지를 만든 단계마다 명령과 그 단계가 저장한 파일 내용의 크기가 나옵니다. `RUN`, `COPY`, `ADD`, `WORKDIR`(폴더를 새로 만들 수 있음)는 파일을 바꾸고, `CMD`, `ENV`, `LABEL` 같은 나머지 명령은 이미지의 설정만 바꿉니다. 크기가 0 B인 행은 파일 내용을 저장하지 않았다는 뜻일 뿐, 설정 단계라는 뜻은 아닙니다. 아무것도 바꾸지 않은 `RUN`도 0 B입니다.',
            },
        },
        {
            kind: 'live',
            demo: 'ivc.explore',
            title: { en: 'One image, many containers', ko: '이미지 하나, 컨테이너 여러 개' },
            explain: {
                en: 'Pick one of your images to see its history and every container created from it, with each container\'s state (and its writable-layer size, when you click Measure). Then click Create one more container from this image: the demo reads the image before and after, and counts the instances.',
                ko: '내 이미지 중 하나를 고르면 그 이미지의 히스토리와, 그 이미지로 만든 모든 컨테이너의 상태를 볼 수 있습니다(‘측정’을 누르면 쓰기 가능한 레이어의 크기도 보여 줍니다). 그다음 ‘이 이미지로 컨테이너 하나 더 만들기’를 누르면, 데모가 만들기 전과 후에 이미지를 읽고 인스턴스 수를 셉니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'What to look for: when you create one more container, the list of containers should grow by one while the image stays as it was: the same id, the same size, the same history. A new container\'s writable layer should start at 0 B or close to it, because it holds only what that container changes. The demo reads the image before and after and says what really happened.',
                ko: '살펴볼 점: 컨테이너를 하나 더 만들면 컨테이너 목록은 하나 늘지만, 이미지는 ID, 크기, 히스토리까지 그대로여야 합니다. 쓰기 가능한 레이어에는 그 컨테이너가 바꾼 것만 들어가므로, 새 컨테이너는 0 B이거나 그에 가까운 크기에서 시작해야 합니다. 데모는 만들기 전과 후에 이미지를 읽고, 실제로 무슨 일이 있었는지 알려 줍니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'The containers you created stay on your engine until you remove them. You can remove them from the Containers view with Remove Container.',
                ko: '만든 컨테이너는 삭제하기 전까지 도커 엔진에 남아 있습니다. ‘컨테이너’ 뷰에서 ‘컨테이너 삭제’로 지울 수 있습니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'An image is a read-only template, made of layers.', ko: '이미지는 레이어로 이루어진 읽기 전용 틀입니다.' },
                { en: 'A container is an instance of an image, with a thin writable layer of its own.', ko: '컨테이너는 이미지의 인스턴스이며, 자기만의 얇은 쓰기 가능한 레이어를 가집니다.' },
                { en: 'One image can have many containers; each new one adds an instance, not a copy of the image.', ko: '이미지 하나로 여러 컨테이너를 만들 수 있습니다. 새 컨테이너는 이미지의 복사본이 아니라 인스턴스가 하나 더 생기는 것입니다.' },
            ],
        },
    ],
};
