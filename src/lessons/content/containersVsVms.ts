/**
 * Lesson "containers-vs-vms": the seed notes' three eras (one server per purpose, hypervisor and
 * guest OS, containers on a shared kernel). Live: a container's kernel is the host's, and the host
 * sees its process. Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const containersVsVmsLesson: Lesson = {
    id: 'containers-vs-vms',
    blocks: [
        { kind: 'h', text: { en: 'Containers vs virtual machines', ko: '컨테이너와 가상 머신의 차이' } },
        {
            kind: 'background',
            text: {
                en: 'Before virtualization, one server was used for one purpose. Whatever capacity that one job did not need sat idle and was wasted.',
                ko: '가상화 이전에는 서버 한 대를 한 가지 용도로만 사용했습니다. 그 일에 쓰고 남은 서버 자원은 그대로 방치되어 낭비되었습니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Hypervisor-based virtualization split one server into several virtual machines, each an independent virtual environment. The hypervisor virtualizes the hardware and watches over every virtual machine. A type 1 (bare-metal) hypervisor runs directly on the hardware; a type 2 (hosted) hypervisor runs as a program on a host OS. Either way, each virtual machine boots its own guest OS. This solved the waste of one server per purpose, at a cost: a whole guest OS for every workload adds a lot of overhead.',
                ko: '하이퍼바이저 기반의 가상화 기술은 서버 한 대를 여러 가상 머신으로 나누었습니다. 가상 머신은 각각 독립된 가상 환경입니다. 하이퍼바이저는 하드웨어를 가상화하고 각 가상 머신을 모니터링하는 중간 관리자입니다. 1형(베어메탈) 하이퍼바이저는 하드웨어 위에서 바로 실행되고, 2형(호스트형) 하이퍼바이저는 호스트 OS 위에서 프로그램으로 실행됩니다. 어느 쪽이든 가상 머신마다 자기 게스트 OS를 부팅합니다. 이 방식으로 서버 한 대를 한 용도로만 쓰던 비효율은 해결했지만, 작업마다 게스트 OS 전체가 필요하므로 오버헤드가 큽니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'Containers take a third way: no hypervisor and no guest OS. A container\'s processes run directly on the host\'s kernel, which every container on that host shares. The Docker engine is not a layer in between: it sets the containers up (with the runtime, runc) and then stands beside them.',
                ko: '컨테이너는 세 번째 방법을 택합니다. 하이퍼바이저도, 게스트 OS도 없습니다. 컨테이너의 프로세스는 호스트의 커널 위에서 바로 실행되고, 같은 호스트의 모든 컨테이너가 그 커널을 공유합니다. 도커 엔진은 그 사이에 끼는 계층이 아닙니다. 엔진은 런타임(runc)으로 컨테이너를 준비해 실행시킨 뒤, 컨테이너 옆에서 관리합니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'stack',
                caption: {
                    en: 'Three ways to run applications on one server, with both kinds of hypervisor. Only the virtual machines need a hypervisor and a guest OS; the containers\' processes run on the host\'s kernel, and the engine stands beside them.',
                    ko: '서버 한 대에서 애플리케이션을 실행하는 세 가지 방식(하이퍼바이저는 두 종류 모두). 하이퍼바이저와 게스트 OS가 필요한 것은 가상 머신뿐이고, 컨테이너의 프로세스는 호스트의 커널 위에서 실행되며 엔진은 그 옆에 있습니다.',
                },
                columns: [
                    {
                        title: { en: 'One server, one purpose', ko: '서버 한 대, 용도 하나' },
                        layers: [
                            { label: { en: 'Hardware', ko: '하드웨어' }, tone: 'hardware' },
                            { label: { en: 'Operating system', ko: '운영체제' }, tone: 'os' },
                            { label: { en: 'App A (the rest of the server sits idle)', ko: '앱 A (나머지 서버 자원은 놀고 있음)' }, tone: 'app' },
                        ],
                    },
                    {
                        title: { en: 'Virtual machines, type 1 (bare-metal)', ko: '가상 머신, 1형 (베어메탈)' },
                        layers: [
                            { label: { en: 'Hardware', ko: '하드웨어' }, tone: 'hardware' },
                            { label: { en: 'Hypervisor, directly on the hardware', ko: '하이퍼바이저 (하드웨어 위에서 바로 실행)' }, tone: 'hypervisor' },
                            { label: { en: 'Guest OS, one per virtual machine (each with its own kernel)', ko: '가상 머신마다 게스트 OS (각자의 커널 포함)' }, tone: 'guest' },
                            { label: { en: 'App A · App B', ko: '앱 A · 앱 B' }, tone: 'app' },
                        ],
                    },
                    {
                        title: { en: 'Virtual machines, type 2 (hosted)', ko: '가상 머신, 2형 (호스트형)' },
                        layers: [
                            { label: { en: 'Hardware', ko: '하드웨어' }, tone: 'hardware' },
                            { label: { en: 'Host OS', ko: '호스트 OS' }, tone: 'os' },
                            { label: { en: 'Hypervisor, a program on the host OS', ko: '하이퍼바이저 (호스트 OS 위의 프로그램)' }, tone: 'hypervisor' },
                            { label: { en: 'Guest OS, one per virtual machine (each with its own kernel)', ko: '가상 머신마다 게스트 OS (각자의 커널 포함)' }, tone: 'guest' },
                            { label: { en: 'App A · App B', ko: '앱 A · 앱 B' }, tone: 'app' },
                        ],
                    },
                    {
                        title: { en: 'Containers', ko: '컨테이너' },
                        layers: [
                            { label: { en: 'Hardware', ko: '하드웨어' }, tone: 'hardware' },
                            { label: { en: 'Host OS and its kernel, shared', ko: '호스트 OS와 커널 (공유)' }, tone: 'os' },
                            {
                                label: { en: 'Container A · Container B: processes straight on the host kernel (no guest OS)', ko: '컨테이너 A · 컨테이너 B: 호스트 커널 위에서 바로 실행되는 프로세스 (게스트 OS 없음)' },
                                tone: 'app',
                                beside: { label: { en: 'Docker engine, beside them: sets them up (runc), not under them', ko: '도커 엔진: 컨테이너 아래가 아니라 옆에서 준비하고 관리 (runc)' }, tone: 'engine' },
                            },
                        ],
                    },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'What containers and virtual machines have in common: both put applications in isolated environments on the same hardware. The difference is how much is isolated. A container does not bring its own kernel, so it is lighter. You can check that on your own engine.',
                ko: '컨테이너와 가상 머신의 공통점: 둘 다 같은 하드웨어 위에서 애플리케이션을 격리된 환경에 배치하는 방법입니다. 차이점은 얼마나 격리하느냐입니다. 컨테이너는 자기 커널을 가져오지 않으므로 더 가볍습니다. 이것을 내 도커 엔진에서 직접 확인할 수 있습니다.',
            },
        },
        {
            kind: 'live',
            demo: 'vm.sharedKernel',
            title: { en: 'One kernel, shared', ko: '커널 하나를 공유' },
            explain: {
                en: 'Start the demo: a small container reports its kernel release (`uname -r`) next to the host\'s, and the extension looks up the container\'s host PID and checks which command it runs. You also see how many milliseconds the container took to start and how big its image is.',
                ko: '데모를 시작하면 작은 컨테이너가 알려 준 커널 릴리스(`uname -r`)를 호스트의 것과 나란히 보여 주고, 확장 프로그램이 그 컨테이너의 호스트 PID를 찾아 어떤 명령을 실행하는지 확인합니다. 컨테이너가 시작하는 데 걸린 시간(밀리초)과 이미지 크기도 함께 보여 줍니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'What to look for: the kernel release inside the container should be exactly the host\'s, because there is only one kernel. The host PID the engine reports should be an ordinary process on the host, running the demo\'s own command; the demo checks that against /proc where it can. Starting should take milliseconds, and the image should be megabytes, because no guest OS is in it. The findings under the demo say what this run showed.',
                ko: '살펴볼 점: 커널은 하나뿐이므로 컨테이너 안의 커널 릴리스는 호스트의 것과 정확히 같아야 합니다. 엔진이 알려 준 호스트 PID는 데모가 실행한 명령을 돌리는 호스트의 평범한 프로세스여야 하고, 데모는 가능한 경우 /proc에서 이것을 확인합니다. 게스트 OS가 없으므로 시작은 밀리초 단위, 이미지는 메가바이트 단위여야 합니다. 이번 실행에서 확인한 내용은 데모 아래에 나옵니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'A virtual machine, by contrast, boots a whole guest OS, which usually takes seconds or more, and its disk image holds that OS, often several gigabytes. Everything inside it is independent of the host OS, which is the stronger isolation you pay that overhead for.',
                ko: '반면 가상 머신은 게스트 OS 전체를 부팅하므로 보통 몇 초 이상 걸리고, 디스크 이미지에 그 OS가 통째로 들어 있어 몇 기가바이트가 되는 경우가 많습니다. 가상 머신 안의 모든 것은 호스트 OS와 독립되어 있습니다. 그 오버헤드를 감수하고 얻는 것이 바로 이 더 강한 격리입니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'On Docker Desktop (macOS and Windows), the host in this demo is a small Linux virtual machine that Docker Desktop runs for you, because Linux containers need a Linux kernel. The kernel the containers share is that virtual machine\'s, and the host PID is a PID inside it, not on your Mac or PC.',
                ko: 'Docker Desktop(macOS, Windows)에서는 이 데모의 호스트가 Docker Desktop이 대신 실행하는 작은 리눅스 가상 머신입니다. 리눅스 컨테이너에는 리눅스 커널이 필요하기 때문입니다. 컨테이너들이 공유하는 커널은 그 가상 머신의 커널이고, 호스트 PID도 Mac이나 PC가 아니라 그 가상 머신 안의 PID입니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'A virtual machine runs its own guest OS on a hypervisor, bare-metal (type 1) or hosted (type 2).', ko: '가상 머신은 베어메탈(1형)이나 호스트형(2형) 하이퍼바이저 위에서 자기 게스트 OS를 실행합니다.' },
                { en: 'A container brings no kernel: it shares the host\'s.', ko: '컨테이너는 커널을 가져오지 않고 호스트의 커널을 공유합니다.' },
                { en: 'So containers start fast, their images are small, and the host can see their processes.', ko: '그래서 컨테이너는 빨리 시작하고, 이미지가 작으며, 호스트에서 컨테이너의 프로세스를 볼 수 있습니다.' },
            ],
        },
    ],
};
