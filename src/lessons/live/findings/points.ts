/**
 * The common frame of a run's findings: points with a state (as expected, not as expected, measured),
 * each said in words. Every lesson builds its points from its own results (see the files next to this).
 * Pure; no `vscode` import.
 */
import type { ConclusionView, PointState } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';

export interface Point {
    readonly state: PointState;
    readonly text: string;
    /** Why the result may differ from the expectation (only for `surprise`). */
    readonly why?: string;
}

type Key = 'heading' | PointState | 'allHeld' | 'someSurprise' | 'onlyNotes';

const W: Words<Key> = {
    en: {
        heading: 'What this run showed',
        held: 'As expected',
        surprise: 'Not as expected',
        note: 'Measured',
        allHeld: 'every check held',
        someSurprise: 'something differed from the expectation',
        onlyNotes: 'measured values, no expectation to check',
    },
    ko: {
        heading: '이번 실행에서 확인한 것',
        held: '예상대로',
        surprise: '예상과 다름',
        note: '측정값',
        allHeld: '확인한 항목이 모두 예상대로였습니다',
        someSurprise: '예상과 다른 결과가 있습니다',
        onlyNotes: '측정한 값만 있고, 확인할 예상은 없습니다',
    },
};

/** The points as a view: the overall state is `surprise` as soon as one point did not hold. */
export function findingsView(points: readonly Point[], locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const state: PointState = points.some((p) => p.state === 'surprise') ? 'surprise' : points.some((p) => p.state === 'held') ? 'held' : 'note';
    return {
        heading: w('heading'),
        state,
        stateWord: w(state === 'surprise' ? 'someSurprise' : state === 'held' ? 'allHeld' : 'onlyNotes'),
        points: points.map((p) => ({ state: p.state, stateWord: w(p.state), text: p.text, ...(p.why ? { why: p.why } : {}) })),
    };
}

/** `held` when the check passed, else `surprise`. */
export function check(ok: boolean): PointState {
    return ok ? 'held' : 'surprise';
}
