/**
 * Practice, checked by the engine: the contract between the exercises (pure checkers, one file per
 * lesson, no `vscode` import) and the runner that gathers evidence from the learner's engine when its
 * events say something changed. Checkers read only this evidence, so unit tests can feed them JSON
 * captured from a real daemon.
 */
import type { Text } from '../model';

/** What the runner gathered from the engine since the exercise started (Engine API JSON, as returned). */
export interface PracticeEvidence {
    /** `GET /containers/{id}/json` of every container created or changed since the exercise started. */
    readonly containers: readonly Record<string, unknown>[];
    /** `GET /images/{id}/json` of every image built, tagged or pulled since the exercise started. */
    readonly images: readonly Record<string, unknown>[];
    /** `GET /volumes/{name}` of volumes created since the exercise started. */
    readonly volumes: readonly Record<string, unknown>[];
    /** The engine's events since the exercise started (`GET /events` objects), oldest first. */
    readonly events: readonly Record<string, unknown>[];
    /** Extra facts the runner measured for an exercise that asked for them (e.g. an HTTP fetch result). */
    readonly extra?: Readonly<Record<string, unknown>>;
}

export interface PracticeCheck {
    /** Whether this part of the task is met, said in `text` too (never by colour alone). */
    readonly ok: boolean;
    /** e.g. "The port is published on 0.0.0.0, not 127.0.0.1." — built from the evidence. */
    readonly text: Text;
}

export interface PracticeVerdict {
    readonly done: boolean;
    /** What is right and what is missing, one point each. Empty only when nothing relevant was seen yet. */
    readonly checks: readonly PracticeCheck[];
}

export interface Exercise {
    /** e.g. `ports.publish8081` */
    readonly id: string;
    /** The lesson it ends (an id of `LESSONS` in ../catalog). */
    readonly lessonId: string;
    /** What to do in your own terminal, one or two sentences. */
    readonly task: Text;
    /** A nudge that does not give the answer away. */
    readonly hint: Text;
    /** One command that solves it, shown only when the learner asks for it. */
    readonly solution: string;
    check(evidence: PracticeEvidence): PracticeVerdict;
}
