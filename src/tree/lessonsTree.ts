import vscode = require('vscode');
import { Disposable } from '../common/disposable';
import { LessonInfo, LESSONS, Locale } from '../lessons/catalog';

export class LessonNode {
    readonly kind = 'lesson';
    constructor(
        readonly lesson: LessonInfo,
        readonly index: number,
    ) {}
}

export interface LessonDoneSource {
    isDone(lessonId: string): boolean;
    readonly onDidChange: vscode.Event<string>;
}

/** The list of lessons; a click opens one; a lesson is marked done only from real evidence. */
export class LessonsTreeProvider extends Disposable implements vscode.TreeDataProvider<LessonNode> {
    private readonly nodes = LESSONS.map((l, i) => new LessonNode(l, i));
    private readonly changed = this.register(new vscode.EventEmitter<LessonNode | undefined>());
    readonly onDidChangeTreeData = this.changed.event;

    constructor(
        private readonly locale: Locale,
        private readonly progress: LessonDoneSource,
        private readonly openCommand: string,
    ) {
        super();
        this.register(progress.onDidChange(() => this.changed.fire(undefined)));
    }

    getChildren(element?: LessonNode): LessonNode[] {
        return element ? [] : this.nodes;
    }

    getTreeItem(node: LessonNode): vscode.TreeItem {
        const done = this.progress.isDone(node.lesson.id);
        const title = node.lesson.title[this.locale];
        const item = new vscode.TreeItem(`${node.index + 1}. ${title}`);
        item.id = `lesson:${node.lesson.id}`;
        item.description = done ? vscode.l10n.t('done') : node.lesson.summary[this.locale];
        item.tooltip = `${node.lesson.summary[this.locale]}${done ? `\n\n${vscode.l10n.t('Done: your engine showed it for real.')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(done ? 'pass-filled' : 'book', done ? new vscode.ThemeColor('testing.iconPassed') : undefined);
        item.contextValue = done ? 'lesson done' : 'lesson';
        item.command = { command: this.openCommand, title: vscode.l10n.t('Open Lesson'), arguments: [node.lesson.id] };
        item.accessibilityInformation = { label: `${title}, ${done ? vscode.l10n.t('done') : vscode.l10n.t('not done yet')}` };
        return item;
    }
}
