/**
 * Small readers over the Engine API JSON a checker gets (PracticeEvidence), and the verdict's frame.
 * Pure; no `vscode` import. Every sentence a checker says is built here or next to it from the evidence.
 */
import type { Text } from '../model';
import type { PracticeCheck, PracticeEvidence, PracticeVerdict } from './types';

export type Raw = Readonly<Record<string, unknown>>;

/** A nested field of daemon JSON, or undefined. */
export function field(o: unknown, ...path: string[]): unknown {
    let v: unknown = o;
    for (const k of path) {
        if (!v || typeof v !== 'object' || Array.isArray(v)) {
            return undefined;
        }
        v = (v as Record<string, unknown>)[k];
    }
    return v;
}

export function str(o: unknown, ...path: string[]): string {
    const v = field(o, ...path);
    return typeof v === 'string' ? v : '';
}

export function num(o: unknown, ...path: string[]): number | undefined {
    const v = field(o, ...path);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A container's argv as the daemon runs it (`Path` + `Args`). */
export function argv(c: unknown): string[] {
    const args = field(c, 'Args');
    return [str(c, 'Path'), ...(Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [])].filter(Boolean);
}

/** The daemon writes `0001-01-01T00:00:00Z` for a time that never happened. */
export function happened(time: string): boolean {
    return !!time && !time.startsWith('0001-');
}

/** The container was started at least once. */
export function wasStarted(c: unknown): boolean {
    return happened(str(c, 'State', 'StartedAt'));
}

export function shortId(id: string): string {
    return id.replace(/^sha256:/, '').slice(0, 12);
}

/** The container's name without the leading slash. */
export function nameOf(c: unknown): string {
    return str(c, 'Name').replace(/^\//, '');
}

/** Actions of the events about one container or image (by full id), oldest first. */
export function actionsOf(evidence: PracticeEvidence, id: string): string[] {
    return evidence.events.filter((e) => str(e, 'Actor', 'ID') === id).map((e) => str(e, 'Action'));
}

export function tx(en: string, ko: string): Text {
    return { en, ko };
}

export function ok(yes: boolean, text: Text): PracticeCheck {
    return { ok: yes, text };
}

/** Done when there is at least one check and every check is met. */
export function verdictOf(checks: readonly PracticeCheck[]): PracticeVerdict {
    return { done: checks.length > 0 && checks.every((c) => c.ok), checks };
}

/**
 * The candidate closest to done (most checks met; on a tie the latest one), judged by `checksOf`.
 * No candidates: nothing relevant seen yet (empty checks).
 */
export function bestOf<T>(candidates: readonly T[], checksOf: (c: T) => PracticeCheck[]): PracticeVerdict {
    let best: PracticeCheck[] | undefined;
    let bestScore = -1;
    for (const c of candidates) {
        const checks = checksOf(c);
        const score = checks.filter((x) => x.ok).length;
        if (score >= bestScore) {
            best = checks;
            bestScore = score;
        }
    }
    return verdictOf(best ?? []);
}

/** Exit code in words, for a container that ran. */
export function exitCheck(c: unknown): PracticeCheck {
    const running = field(c, 'State', 'Running') === true;
    const code = num(c, 'State', 'ExitCode') ?? -1;
    if (running) {
        return ok(false, tx('It is still running; its program has not ended yet.', '아직 실행 중입니다. 프로그램이 아직 끝나지 않았습니다.'));
    }
    return code === 0
        ? ok(true, tx('Its program ended with exit code 0 (success).', '프로그램이 종료 코드 0(성공)으로 끝났습니다.'))
        : ok(false, tx(`Its program ended with exit code ${code}, not 0.`, `프로그램이 종료 코드 0이 아닌 ${code}(으)로 끝났습니다.`));
}
