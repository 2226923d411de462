/**
 * Lesson "namespaces": namespaces isolate what a process can see. Live: one container seen from
 * inside and from the host (hostname, processes, network interfaces, namespace ids).
 * Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const namespacesLesson: Lesson = {
    id: 'namespaces',
    blocks: [
        { kind: 'h', text: { en: 'Namespaces: isolation', ko: '네임스페이스: 격리' } },
        {
            kind: 'p',
            text: {
                en: 'cgroups limit how much a container may use. Namespaces limit what it can see. A namespace gives a group of processes its own private view of one part of the system. It is lightweight process isolation: no virtual machine, just a different view.',
                ko: 'Cgroup은 컨테이너가 얼마나 쓸 수 있는지를 제한합니다. 네임스페이스는 컨테이너가 무엇을 볼 수 있는지를 제한합니다. 네임스페이스는 프로세스 그룹마다 시스템의 일부를 따로 보게 해 줍니다. 가상 머신 없이 보이는 범위만 바꾸는 경량 프로세스 격리 기술입니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'Docker gives each container its own set of namespaces. Four of them matter most here:',
                ko: '도커는 컨테이너마다 네임스페이스를 따로 만들어 줍니다. 여기서 중요한 것은 다음 네 가지입니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'PID: the container sees only its own processes, numbered from 1.', ko: 'PID: 컨테이너는 자기 프로세스만 보며, 번호는 1부터 시작합니다.' },
                { en: 'UTS: the container has its own hostname.', ko: 'UTS: 컨테이너는 자기만의 호스트 이름을 가집니다.' },
                { en: 'Mount: the container sees its own file system, built from its image.', ko: '마운트(mount): 컨테이너는 이미지로 만든 자기만의 파일 시스템을 봅니다.' },
                { en: 'Network: the container has its own network interfaces, addresses and ports.', ko: '네트워크: 컨테이너는 자기만의 네트워크 인터페이스, 주소, 포트를 가집니다.' },
            ],
        },
        {
            kind: 'background',
            text: {
                en: 'There are a few more kinds: IPC (shared memory and message queues), user (user and group ids) and cgroup (which part of the cgroup tree a process sees). Rootless Docker always runs containers in a user namespace; a rootful engine uses one only when you turn on userns-remap. This lesson does not show those.',
                ko: '이 밖에도 몇 가지 종류가 더 있습니다. IPC(공유 메모리와 메시지 큐), 사용자(user, 사용자와 그룹 ID), Cgroup(프로세스가 Cgroup 트리의 어느 부분을 보는지)입니다. rootless 도커는 컨테이너를 항상 사용자 네임스페이스 안에서 실행하고, root로 실행되는 엔진은 userns-remap을 켰을 때만 사용합니다. 이 레슨에서는 이것들을 직접 보여 주지 않습니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'stack',
                caption: {
                    en: 'One kernel, two views. The host sees everything, the container\'s process included; the container sees only its own namespaces.',
                    ko: '커널은 하나, 시야는 둘. 호스트는 컨테이너의 프로세스를 포함해 모든 것을 보고, 컨테이너는 자기 네임스페이스 안만 봅니다.',
                },
                columns: [
                    {
                        title: { en: 'Host view', ko: '호스트에서 본 모습' },
                        layers: [
                            { label: { en: 'Kernel (one, shared)', ko: '커널 (하나, 공유)' }, tone: 'os' },
                            { label: { en: 'Hostname: your machine\'s name', ko: '호스트 이름: 내 컴퓨터의 이름' }, tone: 'app' },
                            { label: { en: 'Network: all the host\'s interfaces', ko: '네트워크: 호스트의 모든 인터페이스' }, tone: 'app' },
                            { label: { en: 'Processes: all of them, the container\'s app under an ordinary PID', ko: '프로세스: 전부. 컨테이너의 앱도 평범한 PID로 보임' }, tone: 'app' },
                        ],
                    },
                    {
                        title: { en: 'Container view', ko: '컨테이너에서 본 모습' },
                        layers: [
                            { label: { en: 'Kernel (the same one)', ko: '커널 (같은 커널)' }, tone: 'os' },
                            { label: { en: 'Hostname: its own', ko: '호스트 이름: 자기만의 이름' }, tone: 'app' },
                            { label: { en: 'Network: only its own interfaces', ko: '네트워크: 자기 인터페이스만' }, tone: 'app' },
                            { label: { en: 'Processes: only its own; the app is PID 1', ko: '프로세스: 자기 것만. 앱이 PID 1' }, tone: 'app' },
                        ],
                    },
                ],
            },
        },
        {
            kind: 'live',
            demo: 'ns.insideOutside',
            title: { en: 'Inside and outside one container', ko: '컨테이너 하나의 안과 밖' },
            explain: {
                en: 'Start the demo: it runs one container and puts what the container sees next to what the host sees: hostname, processes, network interfaces and namespace ids. Look for the same process twice, by its number inside and by its PID on the host.',
                ko: '데모를 시작하면 컨테이너 하나를 실행하고, 호스트 이름, 프로세스, 네트워크 인터페이스, 네임스페이스 ID를 컨테이너 안에서 본 것과 호스트에서 본 것으로 나란히 보여 줍니다. 같은 프로세스를 안에서의 번호와 호스트에서의 PID로 두 번 찾아보세요.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'What to look for: one process, two views. Inside, the demo\'s program should be PID 1 and see no other process of the host; the host should know the same process by another PID (its /proc/PID/status lists both numbers). The container should have its own hostname and its own network interfaces, and its namespace ids should differ from the host\'s. The findings under the demo say what this run read.',
                ko: '살펴볼 점: 프로세스는 하나, 시야는 둘입니다. 안에서는 데모의 프로그램이 PID 1이고 호스트의 다른 프로세스는 보이지 않아야 합니다. 호스트는 같은 프로세스를 다른 PID로 알아야 합니다(호스트의 /proc/PID/status에 두 번호가 모두 나옵니다). 컨테이너는 자기만의 호스트 이름과 네트워크 인터페이스를 가지고, 네임스페이스 ID도 호스트와 달라야 합니다. 이번 실행에서 읽은 내용은 데모 아래에 나옵니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Only `lo`, the loopback interface, appears inside because this container is not attached to a network. A container on a network also gets an interface such as `eth0`, still inside its own network namespace.',
                ko: '컨테이너 안에 루프백 인터페이스인 `lo`만 보이는 것은 이 컨테이너가 네트워크에 연결되어 있지 않기 때문입니다. 네트워크에 연결된 컨테이너는 `eth0` 같은 인터페이스도 가지지만, 그 인터페이스 역시 자기 네트워크 네임스페이스 안에 있습니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Namespace ids come from /proc/PID/ns on the host. Reading them for another user\'s process needs permission, and on Docker Desktop the host is a Linux virtual machine whose files the extension cannot read. So on some systems the ids are missing; the other rows still show the two views.',
                ko: '네임스페이스 ID는 호스트의 /proc/PID/ns에서 읽습니다. 다른 사용자의 프로세스는 권한이 있어야 읽을 수 있고, Docker Desktop에서는 호스트가 리눅스 가상 머신이라 확장 프로그램이 그 파일을 읽을 수 없습니다. 그래서 시스템에 따라 ID가 보이지 않을 수 있지만, 나머지 항목만으로도 두 가지 시야를 확인할 수 있습니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'cgroups limit how much a process may use; namespaces limit what it can see.', ko: 'Cgroup은 프로세스가 얼마나 쓸 수 있는지를, 네임스페이스는 무엇을 볼 수 있는지를 제한합니다.' },
                { en: 'Inside, a container sees only its own processes, hostname and network interfaces.', ko: '컨테이너 안에서는 자기 프로세스, 호스트 이름, 네트워크 인터페이스만 보입니다.' },
                { en: 'Its processes are still ordinary host processes, visible from the host.', ko: '그래도 컨테이너의 프로세스는 호스트의 평범한 프로세스이며, 호스트에서 보입니다.' },
            ],
        },
    ],
};
