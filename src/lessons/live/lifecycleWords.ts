/** Lesson 11 live: its words in English and Korean. */
import type { Words } from './demo';

export type LifecycleKey =
    | 'intro'
    | 'run'
    | 'again'
    | 'sCreate'
    | 'sStart'
    | 'sPause'
    | 'sUnpause'
    | 'sExec'
    | 'sStop'
    | 'sRemove'
    | 'sTerm'
    | 'sKill'
    | 'sRestart'
    | 'sRm'
    | 'readBack'
    | 'execNote'
    | 'restartDetail'
    | 'fStop'
    | 'fStopValue'
    | 'fStopNote'
    | 'fTerm'
    | 'fKill'
    | 'openIt'
    | 'itTitle';

export const LW: Words<LifecycleKey> = {
    en: {
        intro: 'Drives one container through its whole life, step by step, and reads its state back from the engine after each step. Then compares stop with kill, and tries a restart policy and --rm. It takes several seconds: one step waits out the 2 s stop timeout and another waits for a restart policy\'s retries; each step shows its own time.',
        run: 'Run the lifecycle',
        again: 'Run it again',
        sCreate: 'Create (not started yet)',
        sStart: 'Start',
        sPause: 'Pause (processes frozen)',
        sUnpause: 'Unpause',
        sExec: 'Exec a second program inside',
        sStop: 'Stop: SIGTERM, then SIGKILL after the timeout',
        sRemove: 'Remove',
        sTerm: 'Stop a program that handles SIGTERM',
        sKill: 'Kill: SIGKILL at once',
        sRestart: 'Restart policy on-failure',
        sRm: 'Run with --rm',
        readBack: 'The engine says: {0}.',
        execNote: 'ps ran beside the main program, in the same container.',
        restartDetail: 'The engine says: restarted {0} times, last exit code {1}.',
        fStop: 'docker stop of sleep (ignores SIGTERM)',
        fStopValue: '{0} ms, exit code {1}',
        fStopNote: 'The container\'s stop timeout is {0} s (--stop-timeout; 10 s by default).',
        fTerm: 'docker stop of a shell that handles SIGTERM',
        fKill: 'docker kill',
        openIt: 'Try -it in a terminal',
        itTitle: 'docker run -it (lesson)',
    },
    ko: {
        intro: '컨테이너 하나를 처음부터 끝까지 한 단계씩 움직이고, 단계마다 엔진에서 상태를 다시 읽습니다. 그다음 stop과 kill을 비교하고, 재시작 정책과 --rm을 실행해 봅니다. 몇 초가 걸립니다. 한 단계는 2초 중지 타임아웃을 기다리고, 다른 한 단계는 재시작 정책의 재시도를 기다립니다. 단계마다 걸린 시간이 옆에 표시됩니다.',
        run: '라이프사이클 실행',
        again: '다시 실행',
        sCreate: '생성 (아직 시작하지 않음)',
        sStart: '시작',
        sPause: '일시 정지 (프로세스 동결)',
        sUnpause: '일시 정지 해제',
        sExec: '안에서 두 번째 프로그램 실행 (exec)',
        sStop: '중지: SIGTERM, 타임아웃 후 SIGKILL',
        sRemove: '삭제',
        sTerm: 'SIGTERM을 처리하는 프로그램 중지',
        sKill: '강제 종료: 바로 SIGKILL',
        sRestart: '재시작 정책 on-failure',
        sRm: '--rm으로 실행',
        readBack: '엔진이 알려 준 상태: {0}.',
        execNote: '같은 컨테이너 안에서 주 프로그램 옆에 ps가 실행되었습니다.',
        restartDetail: '엔진이 알려 준 값: 재시작 {0}번, 마지막 종료 코드 {1}.',
        fStop: 'sleep(SIGTERM 무시)의 docker stop',
        fStopValue: '{0} ms, 종료 코드 {1}',
        fStopNote: '이 컨테이너의 중지 타임아웃은 {0}초입니다(--stop-timeout, 기본값 10초).',
        fTerm: 'SIGTERM을 처리하는 셸의 docker stop',
        fKill: 'docker kill',
        openIt: 'Try -it in a terminal',
        itTitle: 'docker run -it (lesson)',
    },
};
