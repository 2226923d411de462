/**
 * Lesson "container-lifecycle": created → running → paused → exited → removed, with the state read
 * back from the engine after each step; -d vs attached, -it, --rm, exec, stop vs kill, restart policies.
 * Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const lifecycleLesson: Lesson = {
    id: 'container-lifecycle',
    blocks: [
        { kind: 'h', text: { en: 'The container lifecycle', ko: '컨테이너 라이프사이클' } },
        {
            kind: 'p',
            text: {
                en: 'A container is an instance of an image with a life of its own. `docker run` is really two steps, create and start; after that the container can be paused, stopped and started again, and finally removed. The engine keeps its state and reports it in `docker ps -a` and `docker inspect`.',
                ko: '컨테이너는 자기만의 생애를 가진 이미지의 인스턴스입니다. `docker run`은 사실 생성(create)과 시작(start) 두 단계입니다. 그 뒤 컨테이너는 일시 정지, 중지, 다시 시작될 수 있고, 마지막에는 삭제됩니다. 엔진이 그 상태를 기억하고 `docker ps -a`와 `docker inspect`로 알려 줍니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'flow',
                caption: { en: 'The states a container goes through, and the command that moves it on.', ko: '컨테이너가 거치는 상태와, 다음 상태로 옮기는 명령.' },
                nodes: [
                    { id: 'created', label: { en: 'created', ko: 'created (생성됨)' }, sub: { en: 'files ready, no process', ko: '파일은 준비, 프로세스 없음' } },
                    { id: 'running', label: { en: 'running', ko: 'running (실행 중)' }, sub: { en: 'PID 1 runs', ko: 'PID 1 실행 중' } },
                    { id: 'paused', label: { en: 'paused', ko: 'paused (일시 정지)' }, sub: { en: 'processes frozen', ko: '프로세스 동결' } },
                    { id: 'exited', label: { en: 'exited', ko: 'exited (종료됨)' }, sub: { en: 'PID 1 ended, layer kept', ko: 'PID 1 종료, 레이어는 남음' } },
                    { id: 'removed', label: { en: 'removed', ko: '삭제됨' }, sub: { en: 'writable layer gone', ko: '쓰기 가능한 레이어도 삭제' } },
                ],
                edges: [
                    { from: 'created', to: 'running', label: { en: 'docker start', ko: 'docker start로 시작' } },
                    { from: 'running', to: 'paused', label: { en: 'docker pause', ko: 'docker pause로 일시 정지' } },
                    { from: 'paused', to: 'exited', label: { en: 'unpause, then stop or kill', ko: 'unpause 후 stop 또는 kill' } },
                    { from: 'exited', to: 'removed', label: { en: 'docker rm', ko: 'docker rm으로 삭제' } },
                ],
            },
        },
        {
            kind: 'p',
            text: {
                en: '`docker run -d` starts the container in the background and prints its id; without -d your terminal is attached to its output until it ends. `-it` adds an interactive terminal: `docker run -it ubuntu bash` (with this lesson\'s image: `docker run -it --rm busybox sh`) gives you a shell inside. `--rm` asks the engine to remove the container when it ends. `docker exec` runs a second program in a running container.',
                ko: '`docker run -d`는 컨테이너를 백그라운드에서 시작하고 ID를 출력합니다. -d가 없으면 컨테이너가 끝날 때까지 터미널이 출력에 붙어 있습니다. `-it`는 대화형 터미널을 붙입니다. `docker run -it ubuntu bash`(이 레슨의 이미지로는 `docker run -it --rm busybox sh`)를 실행하면 안에서 셸을 쓸 수 있습니다. `--rm`은 컨테이너가 끝나면 엔진이 삭제하게 합니다. `docker exec`는 실행 중인 컨테이너 안에서 두 번째 프로그램을 실행합니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: '`docker stop` sends SIGTERM to PID 1 and waits for the stop timeout (10 s by default, `--stop-timeout` or `stop -t` to change it), then sends SIGKILL. `docker kill` sends SIGKILL at once. A program that handles SIGTERM can save its work and exit cleanly; one that ignores it is killed after the wait.',
                ko: '`docker stop`은 PID 1에 SIGTERM을 보내고 중지 타임아웃(기본 10초, `--stop-timeout`이나 `stop -t`로 바꿈)만큼 기다린 뒤 SIGKILL을 보냅니다. `docker kill`은 바로 SIGKILL을 보냅니다. SIGTERM을 처리하는 프로그램은 작업을 저장하고 깨끗하게 끝날 수 있지만, 무시하는 프로그램은 기다린 뒤 강제로 종료됩니다.',
            },
        },
        {
            kind: 'live',
            demo: 'lifecycle.states',
            title: { en: 'One container, step by step', ko: '컨테이너 하나, 한 단계씩' },
            explain: {
                en: 'The lesson creates, starts, pauses, unpauses, execs into, stops and removes a container, reading its state back from the engine after each step. Then it measures stop against kill and tries a restart policy and --rm.',
                ko: '레슨이 컨테이너를 생성, 시작, 일시 정지, 해제, exec, 중지, 삭제하면서 단계마다 엔진에서 상태를 다시 읽습니다. 그다음 stop과 kill의 시간을 재고, 재시작 정책과 --rm을 실행해 봅니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Restart policies: `--restart no` (the default), `on-failure[:N]` (restart when the exit code is not 0, at most N times), `always`, and `unless-stopped` (like always, but not after you stopped it yourself). The engine waits a little longer after each failed start.',
                ko: '재시작 정책: `--restart no`(기본값), `on-failure[:N]`(종료 코드가 0이 아니면 최대 N번 다시 시작), `always`, `unless-stopped`(always와 같지만 사용자가 직접 중지했으면 다시 시작하지 않음). 엔진은 시작이 실패할 때마다 조금 더 오래 기다립니다.',
            },
        },
        { kind: 'code', text: '$ docker run -d --name web busybox sleep 600\n$ docker pause web; docker unpause web\n$ docker exec -it web sh\n$ docker stop -t 2 web\n$ docker rm web' },
        {
            kind: 'list',
            items: [
                { en: 'docker run = create + start; the state is read back with docker ps -a or docker inspect.', ko: 'docker run = create + start이며, 상태는 docker ps -a나 docker inspect로 확인합니다.' },
                { en: 'stop is polite (SIGTERM, then SIGKILL after the timeout); kill is not.', ko: 'stop은 정중하게(SIGTERM, 타임아웃 후 SIGKILL), kill은 바로 끝냅니다.' },
                { en: 'An exited container keeps its writable layer until docker rm (or --rm) removes it.', ko: '종료된 컨테이너는 docker rm(또는 --rm)으로 삭제할 때까지 쓰기 가능한 레이어를 유지합니다.' },
            ],
        },
    ],
};
