/**
 * The practice block at the end of a lesson: the task, a hint and the solution on request, and the
 * verdict's checks in words, updated as the engine's events arrive (the live area is `aria-live="polite"`).
 * No `vscode` import.
 */
import type { EngineEvent } from '../../docker/types';
import type { ConclusionView, FactView, LiveView } from '../../protocol/panelProtocol';
import { Demo, DemoContext, Words, wordsFor } from '../live/demo';
import { t } from '../model';
import { PracticeRunner } from './runner';
import type { Exercise, PracticeVerdict } from './types';

export const PRACTICE_DEMO = 'practice' as const;

type Key = 'task' | 'start' | 'restart' | 'hint' | 'showHint' | 'solution' | 'showSolution' | 'idle' | 'watching' | 'nothingYet' | 'done' | 'heading' | 'met' | 'missing' | 'allMet' | 'notYet';

const W: Words<Key> = {
    en: {
        task: 'Your task',
        start: 'Start: watch my engine',
        restart: 'Start over',
        hint: 'Hint',
        showHint: 'Show a hint',
        solution: 'Solution',
        showSolution: 'Show the solution',
        idle: 'Press Start, then do it in your own terminal. The lesson watches your engine\'s events and checks what you made.',
        watching: 'Watching your engine\'s events since {0}. Do it in your own terminal.',
        nothingYet: 'Nothing that counts has happened on your engine yet.',
        done: 'Done: your engine shows every part of the task.',
        heading: 'What your engine shows',
        met: 'Met',
        missing: 'Missing',
        allMet: 'done',
        notYet: 'not done yet',
    },
    ko: {
        task: '과제',
        start: '시작: 내 엔진 지켜보기',
        restart: '처음부터 다시',
        hint: '힌트',
        showHint: '힌트 보기',
        solution: '정답',
        showSolution: '정답 보기',
        idle: '시작을 누른 다음, 직접 터미널에서 해 보세요. 레슨이 엔진의 이벤트를 지켜보면서 만든 것을 확인합니다.',
        watching: '{0}부터 엔진의 이벤트를 지켜보고 있습니다. 직접 터미널에서 해 보세요.',
        nothingYet: '아직 엔진에서 과제와 관련된 일이 일어나지 않았습니다.',
        done: '완료: 엔진에서 과제의 모든 부분이 확인되었습니다.',
        heading: '엔진에서 확인한 것',
        met: '충족',
        missing: '부족',
        allMet: '완료',
        notYet: '아직 완료되지 않음',
    },
};

/** The verdict as the panel shows it: every check with its state in words (never colour alone). */
export function verdictView(verdict: PracticeVerdict, locale: DemoContext['locale']): ConclusionView | undefined {
    if (!verdict.checks.length) {
        return undefined;
    }
    const w = wordsFor(W, locale);
    return {
        heading: w('heading'),
        state: verdict.done ? 'held' : 'surprise',
        stateWord: w(verdict.done ? 'allMet' : 'notYet'),
        points: verdict.checks.map((c) => ({ state: c.ok ? 'held' : 'surprise', stateWord: w(c.ok ? 'met' : 'missing'), text: t(c.text, locale) })),
    };
}

export class PracticeDemo implements Demo {
    readonly id = PRACTICE_DEMO;
    private readonly w: (key: Key, ...args: (string | number)[]) => string;
    readonly runner: PracticeRunner;
    private showHint = false;
    private showSolution = false;
    private since = '';

    constructor(
        private readonly ctx: DemoContext,
        readonly exercise: Exercise,
    ) {
        this.w = wordsFor(W, ctx.locale);
        this.runner = new PracticeRunner(exercise, { client: () => ctx.client(), onVerdict: () => this.emit(), log: (l) => ctx.log(l) });
        ctx.signal.addEventListener('abort', () => this.runner.stop());
    }

    /** Public for tests. */
    view(): LiveView {
        const loc = this.ctx.locale;
        const v = this.runner.verdict;
        const facts: FactView[] = [{ label: this.w('task'), value: t(this.exercise.task, loc) }];
        if (this.showHint) {
            facts.push({ label: this.w('hint'), value: t(this.exercise.hint, loc) });
        }
        if (this.showSolution) {
            facts.push({ label: this.w('solution'), value: this.exercise.solution });
        }
        const watching = this.runner.watching;
        const message = !watching ? this.w('idle') : v.done ? this.w('done') : `${this.w('watching', this.since)}${v.checks.length ? '' : ` ${this.w('nothingYet')}`}`;
        const conclusion = verdictView(v, loc);
        return {
            demo: this.id,
            state: !watching ? 'idle' : v.done ? 'done' : 'running',
            message,
            facts,
            ...(conclusion ? { conclusion } : {}),
            buttons: [
                { action: 'start', label: this.w(watching ? 'restart' : 'start'), primary: !watching },
                { action: 'hint', label: this.w('showHint'), disabled: this.showHint },
                { action: 'solution', label: this.w('showSolution'), disabled: this.showSolution },
            ],
        };
    }

    private emit(): void {
        this.ctx.emit(this.view());
    }

    async start(): Promise<void> {
        this.emit();
    }

    async act(action: string): Promise<void> {
        if (action === 'start') {
            this.since = new Date().toLocaleTimeString(this.ctx.locale === 'ko' ? 'ko-KR' : 'en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
            this.ctx.log(`practice ${this.exercise.id}: watching GET /events (the explorer's stream), inspecting what they name`);
            this.runner.start();
        } else if (action === 'hint') {
            this.showHint = true;
            this.emit();
        } else if (action === 'solution') {
            this.showSolution = true;
            this.emit();
        }
    }

    onEvent(event: EngineEvent): void {
        this.runner.onEvent(event);
    }

    dispose(): void {
        this.runner.stop();
    }
}

/** The block the runtime adds at the end of every lesson that has an exercise. */
export const PRACTICE_BLOCK = {
    kind: 'live',
    demo: PRACTICE_DEMO,
    title: { en: 'Practice, checked by your engine', ko: '연습: 엔진이 확인합니다' },
    explain: {
        en: 'Do it yourself in your own terminal. Nothing is run for you: the lesson only reads your engine\'s events and inspects what they name.',
        ko: '직접 터미널에서 해 보세요. 레슨이 대신 실행하는 것은 없습니다. 엔진의 이벤트를 읽고, 이벤트가 가리키는 것을 조회할 뿐입니다.',
    },
} as const;
