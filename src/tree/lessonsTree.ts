import * as vscode from 'vscode';
import { LessonInfo, LESSONS, Locale } from '../lessons/catalog';

export class LessonNode {
    readonly kind = 'lesson';
    constructor(
        readonly lesson: LessonInfo,
        readonly index: number,
    ) {}
}

/** The list of lessons. (The lessons' panels arrive with the lessons themselves.) */
export class LessonsTreeProvider implements vscode.TreeDataProvider<LessonNode> {
    private readonly nodes = LESSONS.map((l, i) => new LessonNode(l, i));

    constructor(private readonly locale: Locale) {}

    getChildren(element?: LessonNode): LessonNode[] {
        return element ? [] : this.nodes;
    }

    getTreeItem(node: LessonNode): vscode.TreeItem {
        const item = new vscode.TreeItem(`${node.index + 1}. ${node.lesson.title[this.locale]}`);
        item.id = `lesson:${node.lesson.id}`;
        item.tooltip = node.lesson.summary[this.locale];
        item.description = node.lesson.summary[this.locale];
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'lesson';
        return item;
    }
}
