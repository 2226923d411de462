import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Logger } from '../common/logger';
import { LESSONS } from '../lessons/catalog';
import { lessonCompletedBy } from '../lessons/evidence';
import { RefreshManager } from '../tree/refreshManager';

const STORE_KEY = 'dockerLessons.completedLessons';

/** `hello-world` → `dockerLessons.lessonDone.helloWorld` (context keys read best without dashes). */
export function doneContextKey(lessonId: string): string {
    return `dockerLessons.lessonDone.${lessonId.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
}

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
            void vscode.commands.executeCommand('setContext', doneContextKey(id), true);
        }
        this.register(
            refresh.onDidReceiveEvent((event) => {
                const lesson = lessonCompletedBy(event, helloImage());
                if (lesson) {
                    void this.complete(lesson, `${event.type} ${event.action} ${event.id.slice(0, 12)}`);
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
        await vscode.commands.executeCommand('setContext', doneContextKey(lessonId), true);
        this.changed.fire(lessonId);
    }

    /** Start over (a command): clears the ticks. */
    async reset(): Promise<void> {
        for (const id of this.done) {
            await vscode.commands.executeCommand('setContext', doneContextKey(id), false);
        }
        this.done.clear();
        await this.state.update(STORE_KEY, []);
        this.changed.fire('');
    }
}
