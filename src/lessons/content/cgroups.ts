/**
 * Lesson "cgroups": a cgroup limits the resources of a group of processes. Live: a container's
 * configured limits next to its live usage, and a container killed for going over its memory limit.
 * Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const cgroupsLesson: Lesson = {
    id: 'cgroups',
    blocks: [
        { kind: 'h', text: { en: 'cgroups: resource limits', ko: 'Cgroup: 리소스 제한' } },
        {
            kind: 'p',
            text: {
                en: 'Two Linux kernel features build the wall between a container and the other processes on the host: cgroups and namespaces. This lesson is about cgroups; the next one is about namespaces.',
                ko: '컨테이너와 호스트의 다른 프로세스 사이에 벽을 만드는 리눅스 커널 기능이 두 가지 있습니다. 바로 Cgroup과 네임스페이스입니다. 이 레슨에서는 Cgroup을, 다음 레슨에서는 네임스페이스를 다룹니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'A cgroup (control group) is a group of processes that the kernel counts and limits together. Docker puts each container\'s processes into a cgroup of their own. Its limits then apply to the whole group: how much memory it may use, how much CPU time it gets, and how many processes it may start.',
                ko: 'Cgroup(control group)은 커널이 리소스 사용량을 함께 집계하고 제한하는 프로세스 그룹입니다. 도커는 컨테이너마다 그 프로세스들을 별도의 Cgroup에 넣습니다. 그러면 Cgroup의 제한이 그룹 전체에 적용됩니다. 메모리를 얼마나 쓸 수 있는지, CPU 시간을 얼마나 받는지, 프로세스를 몇 개까지 만들 수 있는지가 정해집니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'cgroups can also limit disk I/O. Network bandwidth is different: only cgroup v1 has a network controller (net_cls), which merely tags packets so that the kernel\'s traffic control (tc) can shape them; cgroup v2 has no network controller, and Docker has no flag for bandwidth. When one application uses too much, you can put it in a cgroup and cap it. These lessons show memory, CPU and process limits live, not I/O or network.',
                ko: 'Cgroup은 디스크 I/O도 제한할 수 있습니다. 네트워크 대역폭은 다릅니다. 네트워크 컨트롤러(net_cls)는 Cgroup v1에만 있고, 그것도 패킷에 표시만 붙여 커널의 트래픽 제어(tc)가 속도를 조절하게 할 뿐입니다. Cgroup v2에는 네트워크 컨트롤러가 없고, 도커에도 대역폭을 제한하는 옵션이 없습니다. 어떤 애플리케이션이 리소스를 너무 많이 쓰면 그 애플리케이션을 Cgroup에 넣어 사용량을 제한할 수 있습니다. 이 레슨에서 직접 보여 주는 것은 메모리, CPU, 프로세스 수 제한이고, I/O와 네트워크는 다루지 않습니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'stack',
                caption: {
                    en: 'A cgroup is a box around a container\'s processes. The kernel counts what the box uses and holds it to its limits.',
                    ko: 'Cgroup은 컨테이너의 프로세스들을 둘러싼 상자입니다. 커널은 상자 전체의 사용량을 집계하고 제한을 넘지 않게 합니다.',
                },
                columns: [
                    {
                        title: { en: 'cgroup: memory 64 MiB, CPU 0.5, pids 20', ko: 'Cgroup: 메모리 64 MiB, CPU 0.5, pids 20' },
                        layers: [
                            { label: { en: 'Host kernel: counts usage, enforces the limits', ko: '호스트 커널: 사용량을 집계하고 제한을 적용' }, tone: 'os' },
                            { label: { en: 'Limits: memory 64 MiB · CPU 0.5 · at most 20 processes', ko: '제한: 메모리 64 MiB · CPU 0.5 · 프로세스 최대 20개' }, tone: 'engine' },
                            { label: { en: 'The container\'s first process (the app)', ko: '컨테이너의 첫 프로세스 (애플리케이션)' }, tone: 'app' },
                            { label: { en: 'Every process it starts stays in the same cgroup', ko: '이 프로세스가 만드는 프로세스도 모두 같은 Cgroup 안에' }, tone: 'app' },
                        ],
                    },
                    {
                        title: { en: 'Another container, no limits set', ko: '제한을 두지 않은 다른 컨테이너' },
                        layers: [
                            { label: { en: 'Host kernel: still counts usage', ko: '호스트 커널: 사용량은 여전히 집계' }, tone: 'os' },
                            { label: { en: 'Limits: none, may use whatever the host has free', ko: '제한: 없음, 호스트에 남은 만큼 사용 가능' }, tone: 'engine' },
                            { label: { en: 'Its processes', ko: '이 컨테이너의 프로세스들' }, tone: 'app' },
                        ],
                    },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: 'You set limits when you create a container, for example with `docker run --memory 64m --cpus 0.5 --pids-limit 20`. Docker hands them to the container runtime, runc, which writes them into the container\'s cgroup files; from then on the kernel enforces them.',
                ko: '제한은 컨테이너를 만들 때 정합니다. 예를 들면 `docker run --memory 64m --cpus 0.5 --pids-limit 20`처럼 지정합니다. 도커가 이 값을 컨테이너 런타임인 runc에 넘기면, runc가 컨테이너의 Cgroup 파일에 기록합니다. 그때부터는 커널이 제한을 적용합니다.',
            },
        },
        {
            kind: 'live',
            demo: 'cgroups.limits',
            title: { en: 'Limits and live usage', ko: '제한과 실시간 사용량' },
            explain: {
                en: 'Pick a running container, or start the limited one (64 MiB, half a CPU, 20 processes): you will see its limits next to its live memory, CPU and process count, plus your engine\'s cgroup version and driver. The usage comes from the same cgroup the kernel uses to enforce the limits.',
                ko: '실행 중인 컨테이너를 고르거나 제한을 건 컨테이너(64 MiB, CPU 절반, 프로세스 20개)를 시작하면, 제한과 실시간 메모리, CPU, 프로세스 수를 나란히 보여 주고 엔진의 Cgroup 버전과 드라이버도 보여 줍니다. 사용량은 커널이 제한을 적용할 때 쓰는 바로 그 Cgroup에서 읽어 온 값입니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'The limited container runs an endless loop that would take a whole CPU. If the CPU limit holds, its CPU stays near 50 %; the table and the findings show what it really used. Memory is different: the kernel cannot slow memory down the way it throttles CPU. When reclaim fails, a process is killed. The next demo shows that.',
                ko: '제한을 건 컨테이너는 CPU 하나를 통째로 쓰려는 무한 루프를 돌립니다. CPU 제한이 지켜진다면 CPU 사용량은 50 % 근처에 머뭅니다. 실제로 얼마나 썼는지는 표와 확인 결과에 나옵니다. 메모리는 다릅니다. 커널은 CPU처럼 메모리 사용을 늦출 수 없어서, 메모리를 회수하지 못하면 프로세스를 종료합니다. 다음 데모가 그것을 보여 줍니다.',
            },
        },
        {
            kind: 'live',
            demo: 'cgroups.oom',
            title: { en: 'Out of memory', ko: '메모리 부족' },
            explain: {
                en: 'Start the demo: a container with a small memory limit allocates memory without end. Watch how it ends: its exit code, whether the engine marks it OOMKilled, and how much memory the host had left.',
                ko: '데모를 시작하면 메모리 제한이 작은 컨테이너가 끝없이 메모리를 할당합니다. 컨테이너가 어떻게 끝나는지, 즉 종료 코드와 엔진의 OOMKilled 표시, 그리고 호스트에 남은 메모리를 확인할 수 있습니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'What to look for: a container over its memory limit is expected to end with exit code 137 (128 + 9: SIGKILL) and OOMKilled true. When a cgroup reaches its memory limit, the kernel first tries to reclaim memory inside it; when that fails, its OOM killer kills a process in that cgroup. Here that process is the container\'s PID 1, so the container ends. The rest of the host should keep running; where the engine runs on this machine, the demo measures the host\'s available memory to show it.',
                ko: '살펴볼 점: 메모리 제한을 넘은 컨테이너는 종료 코드 137(128 + 9: SIGKILL), OOMKilled true로 끝나야 합니다. Cgroup이 메모리 제한에 도달하면 커널은 먼저 그 안에서 메모리를 회수하려 하고, 그래도 모자라면 OOM killer가 그 Cgroup의 프로세스 하나를 종료합니다. 여기서는 그 프로세스가 컨테이너의 PID 1이라서 컨테이너가 끝납니다. 호스트의 나머지는 계속 실행되어야 하며, 엔진이 이 머신에서 실행될 때는 데모가 호스트의 사용 가능한 메모리를 측정해 보여 줍니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'A cgroup groups processes so the kernel can count and limit their resources together.', ko: 'Cgroup은 커널이 리소스를 함께 집계하고 제한할 수 있도록 프로세스를 묶습니다.' },
                { en: 'Docker gives every container its own cgroup, with the limits you choose.', ko: '도커는 컨테이너마다 별도의 Cgroup을 주고, 지정한 제한을 적용합니다.' },
                { en: 'At the memory limit, the kernel tries to reclaim memory; when that fails, its OOM killer kills a process in the cgroup (exit code 137, OOMKilled true when that was PID 1).', ko: '메모리 제한에 도달하면 커널은 메모리를 회수하려 하고, 실패하면 OOM killer가 그 Cgroup의 프로세스를 종료합니다(그 프로세스가 PID 1이었다면 종료 코드 137, OOMKilled true).' },
            ],
        },
    ],
};
