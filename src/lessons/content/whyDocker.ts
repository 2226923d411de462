/**
 * Lesson "why-docker": the install pain from the seed notes, the container idea, and a live run
 * that shows the environment travels inside the image. Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const whyDockerLesson: Lesson = {
    id: 'why-docker',
    blocks: [
        { kind: 'h', text: { en: 'Why Docker', ko: '도커를 사용하는 이유' } },
        {
            kind: 'background',
            text: {
                en: 'Installing a program is often harder than it should be. It depends on the server, on the versions of the packages already there, and on the operating system. When any of these differs from what the program expects, you get errors. And the install steps themselves can be long and complicated.',
                ko: '프로그램 하나를 설치하는 일이 생각보다 어려울 때가 많습니다. 설치는 서버, 이미 설치된 패키지의 버전, 운영체제에 따라 달라집니다. 이 중 하나라도 프로그램이 기대하는 것과 다르면 에러가 발생합니다. 설치 과정 자체가 길고 복잡한 경우도 많습니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'Docker answers this with the container. You pack the program together with everything it needs to run: its runtime, its libraries and its settings. That package is called an image. A Docker engine runs the image as a container, and the program finds the same files every time; only the kernel comes from the host.',
                ko: '도커는 이 문제를 컨테이너로 해결합니다. 프로그램과 그 프로그램을 실행하는 데 필요한 모든 것, 즉 런타임, 라이브러리, 설정을 하나로 묶습니다. 이 묶음을 이미지라고 합니다. 도커 엔진은 이미지를 컨테이너로 실행하고, 프로그램은 매번 같은 파일을 만납니다. 커널만은 호스트의 것을 씁니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'The name comes from shipping. A shipping container has one standard shape, so any ship, train or crane can move it without knowing what is inside. Docker does the same for programs: every container is started, stopped and moved the same way, whatever it holds. That one interface is what makes shipping and managing programs simpler.',
                ko: '이름은 화물 운송에서 왔습니다. 운송용 컨테이너는 규격이 하나로 정해져 있어서, 안에 무엇이 들었는지 몰라도 어떤 배나 기차, 크레인이든 옮길 수 있습니다. 도커도 프로그램에 같은 일을 합니다. 안에 무엇이 들었든 모든 컨테이너를 같은 방식으로 시작하고, 멈추고, 옮깁니다. 이렇게 동일한 인터페이스를 제공하기 때문에 프로그램의 배포와 관리가 단순해집니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'flow',
                caption: {
                    en: 'Your app and its files go into one image; any Docker engine runs it with those same files, on its own kernel.',
                    ko: '애플리케이션과 그 파일이 이미지 하나에 담기고, 어느 도커 엔진이든 같은 파일로 실행합니다. 커널은 각 엔진의 것입니다.',
                },
                nodes: [
                    {
                        id: 'parts',
                        label: { en: 'Your app', ko: '애플리케이션' },
                        sub: { en: '+ its runtime, libraries and settings', ko: '+ 런타임, 라이브러리, 설정' },
                    },
                    {
                        id: 'image',
                        label: { en: 'One image', ko: '이미지 하나' },
                        sub: { en: 'everything packed together', ko: '모든 것을 하나로 묶은 것' },
                    },
                    {
                        id: 'laptop',
                        label: { en: 'Your computer', ko: '내 컴퓨터' },
                        sub: { en: 'a Docker engine', ko: '도커 엔진' },
                    },
                    {
                        id: 'server',
                        label: { en: 'A server', ko: '서버' },
                        sub: { en: 'another Docker engine', ko: '다른 도커 엔진' },
                    },
                ],
                edges: [
                    { from: 'parts', to: 'image', label: { en: 'packed into', ko: '하나로 묶음' } },
                    { from: 'image', to: 'laptop', label: { en: 'the same files', ko: '같은 파일로 실행' } },
                    { from: 'image', to: 'server', label: { en: 'the same files', ko: '같은 파일로 실행' } },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'How can you check what really comes from the image? Ask a container about itself. Most images carry a file, `/etc/os-release`, that names their Linux distribution. A minimal image may not have that file at all, because it carries only what its program needs; then its programs and folders are what it carries. Other answers do not come from the image at all: the kernel and the CPU architecture are the host\'s, and the engine sets the hostname.',
                ko: '무엇이 정말 이미지에서 오는지 어떻게 확인할 수 있을까요? 컨테이너에게 자기 자신에 대해 물어보면 됩니다. 대부분의 이미지에는 리눅스 배포판 이름이 적힌 `/etc/os-release` 파일이 들어 있습니다. 아주 작은 이미지에는 프로그램에 꼭 필요한 것만 담기 때문에 이 파일이 아예 없을 수도 있습니다. 그럴 때는 이미지에 든 프로그램과 폴더가 이미지가 가져온 전부입니다. 어떤 답은 이미지에서 오지 않습니다. 커널과 CPU 아키텍처는 호스트의 것이고, 호스트 이름은 엔진이 정합니다.',
            },
        },
        {
            kind: 'live',
            demo: 'why.sameEverywhere',
            title: { en: 'One image, run twice', ko: '이미지 하나, 두 번 실행' },
            explain: {
                en: 'Press Run it: the extension runs one small image twice and shows what it reports about itself, its kernel, CPU architecture and hostname, next to what the engine reports about your host. The findings below the demo are built from what the two runs returned.',
                ko: '‘실행하기’를 누르면 작은 이미지 하나를 두 번 실행하고, 이미지가 알려 준 자기 정보와 커널, CPU 아키텍처, 호스트 이름을 도커 엔진이 알려 준 호스트 정보 옆에 보여 줍니다. 데모 아래의 확인 결과는 두 번의 실행이 실제로 돌려준 값으로 만듭니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'What to look for: the answers that come from the image\'s own files (its /etc/os-release, or, in a minimal image such as busybox, its programs and folders) should be the same in both runs. The kernel release and the CPU architecture are the host\'s, and the hostname is set by the engine for each container: none of these is in the image. The findings under the demo say what this run really showed.',
                ko: '살펴볼 점: 이미지 안의 파일에서 나온 답(/etc/os-release, 또는 busybox 같은 최소 이미지라면 그 안의 프로그램과 폴더)은 두 번 모두 같아야 합니다. 커널 릴리스와 CPU 아키텍처는 호스트의 것이고, 호스트 이름은 엔진이 컨테이너마다 정해 줍니다. 이것들은 이미지에 들어 있지 않습니다. 이번 실행에서 실제로 확인한 내용은 데모 아래에 나옵니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'On Docker Desktop (macOS and Windows), the host the engine reports is not your Mac or PC. It is a small Linux virtual machine that Docker Desktop runs for you, and the kernel is that virtual machine\'s.',
                ko: 'Docker Desktop(macOS, Windows)에서는 엔진이 알려 주는 호스트가 내 Mac이나 PC가 아닙니다. Docker Desktop이 대신 실행하는 작은 리눅스 가상 머신이며, 커널도 그 가상 머신의 커널입니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'An image packs a program with its runtime, libraries and settings.', ko: '이미지는 프로그램을 런타임, 라이브러리, 설정과 함께 하나로 묶습니다.' },
                { en: 'A container sees the image\'s files, whatever the host has installed.', ko: '컨테이너는 호스트에 무엇이 설치되어 있든 이미지의 파일을 봅니다.' },
                { en: 'Run with the same settings, the same image brings the same files every time; the kernel, CPU architecture and hostname come from the engine.', ko: '같은 설정으로 실행하면 같은 이미지는 매번 같은 파일을 가져옵니다. 커널, CPU 아키텍처, 호스트 이름은 엔진에서 옵니다.' },
            ],
        },
    ],
};
