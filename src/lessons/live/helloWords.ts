/** The words of the hello-world demo (helloFlow.ts), in English and Korean. Pure data; no `vscode` import. */
import type { Words } from './demo';

export type HelloKey =
    | 'intro'
    | 'introLocal'
    | 'introMissing'
    | 'run'
    | 'runAgain'
    | 'fresh'
    | 'cleanup'
    | 's1'
    | 's2'
    | 's3'
    | 's4'
    | 'pingOk'
    | 'alreadyLocal'
    | 'pulledIn'
    | 'created'
    | 'exited'
    | 'exitCode'
    | 'container'
    | 'containerNote'
    | 'confirmCleanup'
    | 'confirmCleanupDetail'
    | 'remove'
    | 'confirmFresh'
    | 'confirmFreshDetail'
    | 'removeAndRun'
    | 'cleaned'
    | 'pullFailed'
    | 'pullFailedNext'
    | 'finished';

export const HELLO_WORDS: Words<HelloKey> = {
    en: {
        intro: 'Press Run it: each step lights up when its real Engine API call has finished.',
        introLocal: '{0} is already on your engine, so step 2 will be skipped: no pull is needed.',
        introMissing: '{0} is not on your engine yet, so step 2 will pull it from the registry.',
        run: 'Run it',
        runAgain: 'Run it again',
        fresh: 'Remove the image and run again',
        cleanup: 'Remove the finished containers',
        s1: 'The Docker client contacts the Docker daemon',
        s2: 'The daemon pulls the image from the registry',
        s3: 'The daemon creates a new container from the image',
        s4: 'The daemon streams the output to the client',
        pingOk: 'the daemon answered OK',
        alreadyLocal: 'already local: no pull needed',
        pulledIn: '{0} layer(s) downloaded, {1} already on the engine',
        created: 'container {0}',
        exited: 'exited with code {0}',
        exitCode: 'Exit code',
        container: 'The container is still there',
        containerNote: 'Like with the CLI, a finished container stays until you remove it (`docker ps -a` lists it).',
        confirmCleanup: 'Remove {0} finished {1} containers?',
        confirmCleanupDetail: 'They have exited; removing them deletes only their writable layers. The image stays.',
        remove: 'Remove',
        confirmFresh: 'Remove the image {0} and run again?',
        confirmFreshDetail: 'This removes {1} finished {0} container(s) and then the image (never forced), so the next run has to pull it again.',
        removeAndRun: 'Remove and Run',
        cleaned: 'Removed {0} container(s).',
        pullFailed: 'The pull failed at step 2: {0}',
        pullFailedNext: 'Check that the registry (or your mirror) is reachable and that the image name is right; the setting `dockerLessons.helloWorldImage` chooses the image.',
        finished: 'Done: the steps below show each call this run made, and what it returned.',
    },
    ko: {
        intro: '‘실행하기’를 누르세요. 각 단계는 실제 Engine API 호출이 끝나면 불이 켜집니다.',
        introLocal: '{0}이(가) 이미 엔진에 있으므로 2단계는 건너뜁니다. 가져올(pull) 필요가 없습니다.',
        introMissing: '{0}이(가) 아직 엔진에 없으므로 2단계에서 레지스트리로부터 가져옵니다.',
        run: '실행하기',
        runAgain: '다시 실행하기',
        fresh: '이미지를 지우고 다시 실행하기',
        cleanup: '끝난 컨테이너 지우기',
        s1: '도커 클라이언트가 도커 데몬에 연결합니다',
        s2: '데몬이 레지스트리에서 이미지를 가져옵니다(pull)',
        s3: '데몬이 이미지로 새 컨테이너를 만듭니다',
        s4: '데몬이 출력을 클라이언트로 보냅니다(stream)',
        pingOk: '데몬이 OK라고 답했습니다',
        alreadyLocal: '이미 로컬에 있음: 가져올 필요 없음',
        pulledIn: '레이어 {0}개 내려받음, {1}개는 이미 엔진에 있음',
        created: '컨테이너 {0}',
        exited: '종료 코드: {0}',
        exitCode: '종료 코드',
        container: '컨테이너가 아직 남아 있습니다',
        containerNote: 'CLI와 마찬가지로, 끝난 컨테이너는 지우기 전까지 남아 있습니다 (`docker ps -a`에 보입니다).',
        confirmCleanup: '끝난 {1} 컨테이너 {0}개를 지울까요?',
        confirmCleanupDetail: '이미 종료된 컨테이너입니다. 지우면 쓰기 가능한 레이어만 사라지고 이미지는 남습니다.',
        remove: '삭제',
        confirmFresh: '이미지 {0}을(를) 지우고 다시 실행할까요?',
        confirmFreshDetail: '끝난 {0} 컨테이너 {1}개를 지운 뒤 이미지를 지웁니다(강제 삭제 아님). 그래서 다음 실행에서 다시 가져옵니다.',
        removeAndRun: '지우고 실행',
        cleaned: '컨테이너 {0}개를 지웠습니다.',
        pullFailed: '2단계에서 이미지를 가져오지(pull) 못했습니다: {0}',
        pullFailedNext: '레지스트리(또는 미러)에 연결할 수 있는지, 이미지 이름이 맞는지 확인하세요. 이미지는 `dockerLessons.helloWorldImage` 설정으로 고릅니다.',
        finished: '끝났습니다. 아래 단계마다 이번 실행이 보낸 호출과 그 결과가 나옵니다.',
    },
};
