/** The words of the cgroup limits demo (cgroups.ts), in English and Korean. Pure data; no `vscode` import. */
import type { Words } from './demo';

export type LimitKey =
    | 'intro'
    | 'pick'
    | 'startOne'
    | 'stopOne'
    | 'noneRunning'
    | 'cgroup'
    | 'cgroupNote'
    | 'what'
    | 'limit'
    | 'usage'
    | 'cpu'
    | 'memory'
    | 'pids'
    | 'unlimited'
    | 'caption'
    | 'kernelSays'
    | 'kernelNote'
    | 'confirmStop'
    | 'confirmStopDetail'
    | 'stopRemove'
    | 'busyNote'
    | 'notRunning'
    | 'captionEvery'
    | 'pidsNotInStats';

export const LIMIT_WORDS: Words<LimitKey> = {
    en: {
        intro: 'Choose a running container, or start one with limits: 64 MiB of memory, half a CPU, 20 processes. It runs an endless loop on purpose.',
        pick: 'Container',
        startOne: 'Start a limited container',
        stopOne: 'Stop and remove the demo container',
        noneRunning: 'No container is running. Start the limited one to watch its limits hold.',
        cgroup: 'cgroup version and driver',
        cgroupNote: 'From the daemon (GET /info): how the kernel groups the container\'s processes.',
        what: 'Resource',
        limit: 'Limit (HostConfig)',
        usage: 'Live usage (stats)',
        cpu: 'CPU',
        memory: 'Memory',
        pids: 'Processes',
        unlimited: 'no limit',
        caption: 'Limits set when the container was created, next to what it uses now (updated every second)',
        kernelSays: 'The kernel\'s own memory limit',
        kernelNote: 'Read inside the container from {0}: the cgroup file the kernel enforces.',
        confirmStop: 'Stop and remove the demo container {0}?',
        confirmStopDetail: 'It was started by this lesson; nothing else uses it.',
        stopRemove: 'Stop and Remove',
        busyNote: 'It runs an endless loop that would take a whole CPU; with its limit, expect about 50 % of one CPU. The table shows what it really uses.',
        notRunning: 'This container is not running, so there is no live usage.',
        captionEvery: 'Limits set when the container was created, next to what it uses now (this engine sends a sample every {0} s)',
        pidsNotInStats: 'This engine\'s stats do not report the processes limit, so the usage column shows only the count; the limit column is the one set when the container was created (HostConfig.PidsLimit).',
    },
    ko: {
        intro: '실행 중인 컨테이너를 고르거나, 제한을 건 컨테이너를 시작하세요. 메모리 64 MiB, CPU 절반, 프로세스 20개로 제한하고, 일부러 무한 루프를 돌립니다.',
        pick: '컨테이너',
        startOne: '제한을 건 컨테이너 시작',
        stopOne: '데모 컨테이너 중지하고 삭제',
        noneRunning: '실행 중인 컨테이너가 없습니다. 제한을 건 컨테이너를 시작해서 제한이 지켜지는지 확인해 보세요.',
        cgroup: 'Cgroup 버전과 드라이버',
        cgroupNote: '데몬(GET /info)이 알려 준, 커널이 컨테이너의 프로세스를 묶는 방식입니다.',
        what: '리소스',
        limit: '제한 (HostConfig)',
        usage: '현재 사용량 (stats)',
        cpu: 'CPU',
        memory: '메모리',
        pids: '프로세스',
        unlimited: '제한 없음',
        caption: '컨테이너를 만들 때 건 제한과 지금 쓰는 양 (1초마다 갱신)',
        kernelSays: '커널에 설정된 메모리 제한',
        kernelNote: '컨테이너 안에서 {0}을(를) 읽었습니다. 커널이 제한을 적용할 때 쓰는 Cgroup 파일입니다.',
        confirmStop: '데모 컨테이너 {0}을(를) 중지하고 삭제할까요?',
        confirmStopDetail: '이 레슨이 시작한 컨테이너이고, 다른 곳에서 쓰지 않습니다.',
        stopRemove: '중지하고 삭제',
        busyNote: 'CPU 하나를 통째로 쓰려는 무한 루프를 돌립니다. 제한이 있으므로 CPU 하나의 약 50 %가 예상됩니다. 실제 사용량은 표에 나옵니다.',
        notRunning: '이 컨테이너는 실행 중이 아니어서 현재 사용량이 없습니다.',
        captionEvery: '컨테이너를 만들 때 건 제한과 지금 쓰는 양 (이 엔진은 {0}초마다 측정값을 보냄)',
        pidsNotInStats: '이 엔진의 stats는 프로세스 제한을 알려 주지 않으므로, 사용량 열에는 개수만 나옵니다. 제한 열은 컨테이너를 만들 때 설정한 값(HostConfig.PidsLimit)입니다.',
    },
};
