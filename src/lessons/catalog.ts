/**
 * The lessons, in the order a learner meets them. Text in English and Korean; no `vscode` import.
 * Korean follows the seed notes' terms (이미지, 컨테이너, 데몬, 네임스페이스).
 */
export type Locale = 'en' | 'ko';

export interface LessonInfo {
    readonly id: string;
    readonly title: Readonly<Record<Locale, string>>;
    readonly summary: Readonly<Record<Locale, string>>;
}

export const LESSONS: readonly LessonInfo[] = [
    {
        id: 'why-docker',
        title: { en: 'Why Docker', ko: '도커를 사용하는 이유' },
        summary: { en: 'Install pain, and the promise of "the same everywhere".', ko: '설치의 어려움과 "어디서나 똑같이"라는 약속.' },
    },
    {
        id: 'image-vs-container',
        title: { en: 'Image vs container', ko: '이미지와 컨테이너' },
        summary: { en: 'An image is a template; a container is an instance of it.', ko: '이미지는 틀이고, 컨테이너는 이미지의 인스턴스입니다.' },
    },
    {
        id: 'hello-world',
        title: { en: 'What docker run hello-world does', ko: 'docker run hello-world의 흐름' },
        summary: { en: 'Client → daemon → registry → container, step by step.', ko: '클라이언트 → 데몬 → 레지스트리 → 컨테이너, 한 단계씩.' },
    },
    {
        id: 'containers-vs-vms',
        title: { en: 'Containers vs virtual machines', ko: '컨테이너와 가상 머신의 차이' },
        summary: { en: 'No hypervisor, no guest OS: one shared kernel.', ko: '하이퍼바이저도 게스트 OS도 없이, 커널 하나를 공유합니다.' },
    },
    {
        id: 'cgroups',
        title: { en: 'cgroups: resource limits', ko: 'Cgroup: 리소스 제한' },
        summary: { en: 'Limit CPU, memory and processes, and watch the limits hold.', ko: 'CPU, 메모리, 프로세스 수를 제한하고 실제로 지켜지는지 봅니다.' },
    },
    {
        id: 'namespaces',
        title: { en: 'Namespaces: isolation', ko: '네임스페이스: 격리' },
        summary: { en: 'What a container can see of the host, and what it cannot.', ko: '컨테이너가 호스트에서 볼 수 있는 것과 볼 수 없는 것.' },
    },
    {
        id: 'build-cache',
        title: { en: 'Building an image: layers and the build cache', ko: '이미지 빌드: 레이어와 빌드 캐시' },
        summary: { en: 'Which steps are cached, which are rebuilt after a change, and why.', ko: '어떤 단계가 캐시에서 나오고, 변경 뒤에 무엇이 왜 다시 빌드되는지.' },
    },
    {
        id: 'ports',
        title: { en: 'Ports: reaching a program inside a container', ko: '포트: 컨테이너 안의 프로그램에 접속하기' },
        summary: { en: 'Without -p nothing reaches it; -p publishes, EXPOSE only documents.', ko: '-p가 없으면 닿지 않습니다. -p는 게시하고, EXPOSE는 문서로 남길 뿐입니다.' },
    },
    {
        id: 'volumes',
        title: { en: 'Data that outlives a container', ko: '컨테이너보다 오래 남는 데이터' },
        summary: { en: 'The writable layer goes with docker rm; volumes and bind mounts stay.', ko: '쓰기 가능한 레이어는 docker rm과 함께 사라지고, 볼륨과 바인드 마운트는 남습니다.' },
    },
    {
        id: 'image-names',
        title: { en: 'Image names, tags, digests and registries', ko: '이미지 이름, 태그, 다이제스트, 레지스트리' },
        summary: { en: 'registry/namespace/repo:tag@digest, and what latest really means.', ko: 'registry/namespace/repo:tag@digest, 그리고 latest의 진짜 뜻.' },
    },
    {
        id: 'container-lifecycle',
        title: { en: 'The container lifecycle', ko: '컨테이너 라이프사이클' },
        summary: { en: 'Created, running, paused, exited, removed; stop vs kill, --rm, restart policies.', ko: '생성, 실행, 일시 정지, 종료, 삭제. stop과 kill, --rm, 재시작 정책.' },
    },
];

export function localeOf(language: string): Locale {
    return language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
