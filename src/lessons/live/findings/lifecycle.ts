/**
 * Lesson 11: what the lifecycle run showed, from its own results: the states read back after each
 * step, the measured stop and kill times against the stop timeout, the restart count, and --rm.
 * Pure; no `vscode` import.
 */
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

export interface LifecycleResult {
    /** The state the engine reported after each step, in order (`removed` when inspect said 404). */
    readonly states: readonly { readonly step: string; readonly expected: string; readonly seen: string }[];
    /** `docker stop` of a PID 1 that ignores SIGTERM: the stop timeout, what it took, the exit code. */
    readonly stopIgnoring?: { readonly timeoutS: number; readonly ms: number; readonly exitCode: number };
    /** `docker stop` of a program that handles SIGTERM. */
    readonly stopHandling?: { readonly ms: number; readonly exitCode: number };
    /** `docker kill`. */
    readonly kill?: { readonly ms: number; readonly exitCode: number };
    /** on-failure:N with a program that always fails: restarts counted by the engine. */
    readonly restarts?: { readonly max: number; readonly count: number; readonly exitCode: number };
    /** --rm: whether the engine removed the container on its own after it ended. */
    readonly autoRemoved?: boolean;
}

type Key = 'states' | 'stateOff' | 'stateOffWhy' | 'stopHeld' | 'stopOff' | 'stopOffWhy' | 'termHeld' | 'termOff' | 'termOffWhy' | 'killHeld' | 'killOff' | 'restartHeld' | 'restartOff' | 'restartOffWhy' | 'rmHeld' | 'rmOff';

const W: Words<Key> = {
    en: {
        states: 'The engine reported each state as it happened: {0}.',
        stateOff: 'After "{0}" the engine reported {1}, not {2}.',
        stateOffWhy: 'Likely reason: something else acted on the container at the same time (another tool, a restart policy), or the step failed.',
        stopHeld: 'docker stop of a program that ignores SIGTERM took {0} ms: the engine sent SIGTERM, waited the stop timeout ({1} s), then sent SIGKILL (exit code {2} = 128 + 9).',
        stopOff: 'docker stop of a program that ignores SIGTERM took {0} ms with exit code {1}; the stop timeout was {2} s.',
        stopOffWhy: 'Likely reason: the program did end on SIGTERM after all (a shell with a handler), or the engine was too busy to keep the timing.',
        termHeld: 'docker stop of a program that handles SIGTERM took only {0} ms (exit code {1}): it ended itself, so no SIGKILL was needed.',
        termOff: 'docker stop of a program that handles SIGTERM took {0} ms (exit code {1}), as long as the timeout.',
        termOffWhy: 'Likely reason: its SIGTERM handler did not run in time, so the engine sent SIGKILL.',
        killHeld: 'docker kill ended it in {0} ms with exit code {1}: SIGKILL at once, no waiting, no chance to clean up.',
        killOff: 'docker kill took {0} ms, exit code {1}.',
        restartHeld: 'Restart policy on-failure:{0}: the program failed (exit code {1}) and the engine restarted it {2} times, then left it exited.',
        restartOff: 'Restart policy on-failure:{0}: the engine counted {1} restarts (exit code {2}).',
        restartOffWhy: 'Likely reason: the engine was still between restarts when the lesson read it back (it waits longer after each failure).',
        rmHeld: 'With --rm the engine removed the container itself when its program ended: inspect then answered 404.',
        rmOff: 'With --rm the container was still there after it ended.',
    },
    ko: {
        states: '엔진이 각 상태를 일어난 그대로 알려 주었습니다: {0}.',
        stateOff: '"{0}" 뒤에 엔진이 알려 준 상태는 {2}이(가) 아니라 {1}입니다.',
        stateOffWhy: '가능한 이유: 같은 때에 다른 것(다른 도구, 재시작 정책)이 컨테이너를 건드렸거나, 그 단계가 실패했습니다.',
        stopHeld: 'SIGTERM을 무시하는 프로그램의 docker stop에 {0} ms가 걸렸습니다. 엔진이 SIGTERM을 보내고 중지 타임아웃({1}초)만큼 기다린 뒤 SIGKILL을 보냈습니다(종료 코드 {2} = 128 + 9).',
        stopOff: 'SIGTERM을 무시하는 프로그램의 docker stop에 {0} ms가 걸렸고 종료 코드는 {1}입니다. 중지 타임아웃은 {2}초였습니다.',
        stopOffWhy: '가능한 이유: 프로그램이 결국 SIGTERM으로 끝났거나(핸들러가 있는 셸), 엔진이 너무 바빠 시간을 맞추지 못했습니다.',
        termHeld: 'SIGTERM을 처리하는 프로그램의 docker stop은 {0} ms만 걸렸습니다(종료 코드 {1}). 프로그램이 스스로 끝났으므로 SIGKILL이 필요 없었습니다.',
        termOff: 'SIGTERM을 처리하는 프로그램의 docker stop에 타임아웃만큼 긴 {0} ms가 걸렸습니다(종료 코드 {1}).',
        termOffWhy: '가능한 이유: SIGTERM 핸들러가 제때 실행되지 않아서 엔진이 SIGKILL을 보냈습니다.',
        killHeld: 'docker kill은 {0} ms 만에 종료 코드 {1}(으)로 끝냈습니다. 기다리지 않고 바로 SIGKILL을 보내므로, 정리할 기회가 없습니다.',
        killOff: 'docker kill에 {0} ms가 걸렸고, 종료 코드는 {1}입니다.',
        restartHeld: '재시작 정책 on-failure:{0}: 프로그램이 실패했고(종료 코드 {1}), 엔진이 {2}번 다시 시작한 뒤 종료된 채로 두었습니다.',
        restartOff: '재시작 정책 on-failure:{0}: 엔진이 센 재시작 횟수는 {1}번입니다(종료 코드 {2}).',
        restartOffWhy: '가능한 이유: 레슨이 상태를 읽을 때 엔진이 아직 다음 재시작을 기다리고 있었습니다(실패할 때마다 더 오래 기다립니다).',
        rmHeld: '--rm을 주면 프로그램이 끝날 때 엔진이 컨테이너를 직접 삭제합니다. 그 뒤 inspect는 404로 답했습니다.',
        rmOff: '--rm을 주었는데도 컨테이너가 끝난 뒤에 남아 있었습니다.',
    },
};

export function lifecycleFindings(r: LifecycleResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    const off = r.states.find((s) => s.seen !== s.expected);
    points.push(off ? { state: 'surprise', text: w('stateOff', off.step, off.seen, off.expected), why: w('stateOffWhy') } : { state: 'held', text: w('states', r.states.map((s) => s.seen).join(' → ')) });
    if (r.stopIgnoring) {
        const s = r.stopIgnoring;
        // SIGKILL comes after the timeout: at least the timeout, and not much more
        const held = s.exitCode === 137 && s.ms >= s.timeoutS * 1000 - 100 && s.ms < s.timeoutS * 1000 + 3000;
        points.push(held ? { state: 'held', text: w('stopHeld', s.ms, s.timeoutS, s.exitCode) } : { state: 'surprise', text: w('stopOff', s.ms, s.exitCode, s.timeoutS), why: w('stopOffWhy') });
    }
    if (r.stopHandling) {
        const s = r.stopHandling;
        const timeoutMs = (r.stopIgnoring?.timeoutS ?? 2) * 1000;
        points.push(s.ms < timeoutMs - 200 ? { state: 'held', text: w('termHeld', s.ms, s.exitCode) } : { state: 'surprise', text: w('termOff', s.ms, s.exitCode), why: w('termOffWhy') });
    }
    if (r.kill) {
        points.push(r.kill.exitCode === 137 ? { state: 'held', text: w('killHeld', r.kill.ms, r.kill.exitCode) } : { state: 'surprise', text: w('killOff', r.kill.ms, r.kill.exitCode) });
    }
    if (r.restarts) {
        const x = r.restarts;
        points.push(x.count === x.max ? { state: 'held', text: w('restartHeld', x.max, x.exitCode, x.count) } : { state: 'surprise', text: w('restartOff', x.max, x.count, x.exitCode), why: w('restartOffWhy') });
    }
    if (r.autoRemoved !== undefined) {
        points.push(r.autoRemoved ? { state: 'held', text: w('rmHeld') } : { state: 'surprise', text: w('rmOff') });
    }
    return findingsView(points, locale);
}
