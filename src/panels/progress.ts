import vscode = require('vscode');
import { lessonDoneKey, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';
import { Logger } from '../common/logger';
import { LESSONS } from '../lessons/catalog';
import { lessonCompletedBy } from '../lessons/evidence';
import { RefreshManager } from '../model/refreshManager';

const STORE_KEY = 'dockerLessons.completedLessons';

/**
 * Which lessons are done, from real evidence only: the daemon's events (see lessons/evidence.ts).
 * Kept in globalState; mirrored into context keys that tick the walkthrough steps.
 */
export class LessonProgress extends Disposable {
    private readonly done: Set<string>;
    private readonly changed = this.register(new vscode.EventEmitter<string>());
    readonly onDidChange = this.changed.event;

    constructor(
        private readonly state: vscode.Memento,
        refresh: RefreshManager,
        helloImage: () => string,
        private readonly log: Logger,
    ) {
        super();
        const stored = state.get<string[]>(STORE_KEY, []);
        this.done = new Set(stored.filter((id) => LESSONS.some((l) => l.id === id)));
        for (const id of this.done) {
            void setContext(lessonDoneKey(id), true);
        }
        this.register(
            refresh.onDidReceiveEvent((event) => {
                const lesson = lessonCompletedBy(event, helloImage());
                if (lesson) {
                    this.complete(lesson, `${event.type} ${event.action} ${event.id.slice(0, 12)}`).catch((e: unknown) => this.log.error(`saving lesson progress: ${String(e)}`));
                }
            }),
        );
    }

    isDone(lessonId: string): boolean {
        return this.done.has(lessonId);
    }

    get completed(): readonly string[] {
        return [...this.done];
    }

    private async complete(lessonId: string, evidence: string): Promise<void> {
        if (this.done.has(lessonId)) {
            return;
        }
        this.done.add(lessonId);
        this.log.info(`lesson "${lessonId}" done: the daemon reported ${evidence}`);
        await this.state.update(STORE_KEY, [...this.done]);
        await setContext(lessonDoneKey(lessonId), true);
        this.changed.fire(lessonId);
    }

    /** Start over (a command): clears the ticks. */
    async reset(): Promise<void> {
        for (const id of this.done) {
            await setContext(lessonDoneKey(id), false);
        }
        this.done.clear();
        await this.state.update(STORE_KEY, []);
        this.changed.fire('');
    }
}
