/**
 * Build step → Dockerfile line, for both builders. Pure: no `vscode` import.
 *
 * - Legacy builder: `Step n/N` counts every instruction of the file in order (ARGs before FROM too).
 * - BuildKit: `[stage n/N]` counts, within one stage, FROM and the instructions that run on the
 *   filesystem (RUN, COPY, ADD, WORKDIR); ENV, LABEL, CMD… are not numbered. The stage is omitted for
 *   single-stage files and is `stage-K` for an unnamed stage K.
 */
import type { BuildStepRef } from '../../docker/types';
import type { Analysis, Step } from './analyze';

/** The instructions BuildKit numbers in `[n/N]`. */
export const BUILDKIT_NUMBERED: ReadonlySet<string> = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

const keywordOf = (text: string) => /^\S+/.exec(text.trim())?.[0]?.toUpperCase() ?? '';
const norm = (text: string) => text.trim().replace(/\s+/g, ' ');

function stageIndex(a: Analysis, stage: string | undefined): number | undefined {
    if (stage === undefined) {
        return a.stages.length === 1 ? 0 : undefined;
    }
    const named = a.stages.findIndex((s) => s.name?.toLowerCase() === stage.toLowerCase());
    if (named >= 0) {
        return named;
    }
    const m = /^stage-(\d+)$/.exec(stage);
    return m && Number(m[1]) < a.stages.length ? Number(m[1]) : undefined;
}

/** The step of the file that a builder's step names, or undefined when the file does not match it. */
export function stepOfBuild(a: Analysis, ref: BuildStepRef): Step | undefined {
    const keyword = keywordOf(ref.text);
    let candidates: readonly Step[];
    let byIndex: Step | undefined;
    if (ref.builder === 'legacy') {
        candidates = a.steps;
        byIndex = a.steps[ref.step - 1];
    } else {
        const stage = stageIndex(a, ref.stage);
        candidates = stage === undefined ? a.steps : a.steps.filter((s) => s.stage === stage);
        byIndex = stage === undefined ? undefined : candidates.filter((s) => BUILDKIT_NUMBERED.has(s.keyword))[ref.step - 1];
    }
    if (byIndex && byIndex.keyword === keyword) {
        return byIndex;
    }
    // the file changed since, or an engine counted differently: the same instruction text, if it is unique
    const same = candidates.filter((s) => s.keyword === keyword && norm(`${s.keyword} ${s.args}`) === norm(ref.text));
    return same.length === 1 ? same[0] : undefined;
}

/** `dockerfile parse error line 5: unknown instruction: FOO` (both builders) → 0-based line 4. */
export function parseErrorLine(message: string): number | undefined {
    const m = /dockerfile parse error (?:on )?line (\d+)/i.exec(message);
    return m ? Number(m[1]) - 1 : undefined;
}
