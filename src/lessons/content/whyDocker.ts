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
                en: 'Docker answers this with the container. You pack the program together with everything it needs to run: its runtime, its libraries and its settings. That package is called an image. A Docker engine runs the image as a container, and the program finds the same environment every time.',
                ko: '도커는 이 문제를 컨테이너로 해결합니다. 프로그램과 그 프로그램을 실행하는 데 필요한 모든 것, 즉 런타임, 라이브러리, 설정을 하나로 묶습니다. 이 묶음을 이미지라고 합니다. 도커 엔진은 이미지를 컨테이너로 실행하고, 프로그램은 매번 같은 실행환경을 만납니다.',
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
                    en: 'Your app and its whole environment go into one image; any Docker engine runs that image the same way.',
                    ko: '애플리케이션과 실행환경 전체가 이미지 하나에 담기고, 어느 도커 엔진에서든 그 이미지는 똑같이 실행됩니다.',
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
                    { from: 'image', to: 'laptop', label: { en: 'runs the same', ko: '똑같이 실행' } },
                    { from: 'image', to: 'server', label: { en: 'runs the same', ko: '똑같이 실행' } },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'How can you check that the environment really comes from the image? Ask a container which operating system it is in. Most images carry a file, `/etc/os-release`, that names their Linux distribution. A minimal image may not have that file at all, because it carries only what its program needs. Either way, the answer is read from inside the image, not from your host.',
                ko: '실행환경이 정말 이미지에서 오는지 어떻게 확인할 수 있을까요? 컨테이너에게 어떤 운영체제 안에 있는지 물어보면 됩니다. 대부분의 이미지에는 리눅스 배포판 이름이 적힌 `/etc/os-release` 파일이 들어 있습니다. 아주 작은 이미지에는 이 파일이 아예 없을 수도 있습니다. 프로그램에 꼭 필요한 것만 담았기 때문입니다. 어느 쪽이든 답은 호스트가 아니라 이미지 안에서 읽어 온 것입니다.',
            },
        },
        {
            kind: 'live',
            demo: 'why.sameEverywhere',
            title: { en: 'Same image, same answer', ko: '같은 이미지, 같은 답' },
            explain: {
                en: 'Press Run it: the extension runs one small image twice and shows what it reports about its OS and kernel, next to what the engine reports about your host. You will see whether the two runs agree with each other, and which answers differ from the host\'s.',
                ko: '‘실행하기’를 누르면 작은 이미지 하나를 두 번 실행하고, 컨테이너가 알려 준 운영체제와 커널을 도커 엔진이 알려 준 호스트 정보 옆에 보여 줍니다. 두 번의 실행 결과가 서로 같은지, 그리고 어떤 답이 호스트와 다른지 확인할 수 있습니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'What you saw: both runs printed exactly the same thing, and the OS they reported came from files inside the image, not from your host. The kernel release, by contrast, matched your host\'s: the host provides only the kernel, and the image brings the rest. That is the promise of Docker: the environment travels inside the image, so the program meets the same environment wherever the image runs.',
                ko: '확인한 것: 두 번의 실행은 정확히 같은 내용을 출력했고, 컨테이너가 알려 준 운영체제는 호스트가 아니라 이미지 안의 파일에서 나왔습니다. 반면 커널 릴리스는 호스트와 같았습니다. 호스트는 커널만 제공하고, 나머지는 이미지가 가져옵니다. 이것이 도커의 약속입니다. 실행환경이 이미지 안에 담겨 함께 이동하므로, 이미지가 어디서 실행되든 프로그램은 같은 실행환경을 만납니다.',
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
                { en: 'A container runs in the image\'s environment, whatever the host has installed.', ko: '컨테이너는 호스트에 무엇이 설치되어 있든 이미지의 실행환경에서 실행됩니다.' },
                { en: 'The same image gives the same result each time it runs.', ko: '같은 이미지는 실행할 때마다 같은 결과를 냅니다.' },
            ],
        },
    ],
};
