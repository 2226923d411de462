import vscode = require('vscode');
import { LESSONS, localeOf } from '../lessons/catalog';
import { LessonPanels } from '../panels/lessonPanels';
import { LessonProgress } from '../panels/progress';
import { ContainerNode } from '../tree/containersTree';
import { ImageNode, InstanceNode } from '../tree/imagesTree';
import { CommandIds, CommandSpec } from './registry';

export function lessonCommands(panels: LessonPanels, progress: LessonProgress): CommandSpec[] {
    return [
        {
            id: CommandIds.openLesson,
            run: async (lessonId?: unknown, select?: unknown) => {
                let id = typeof lessonId === 'string' && LESSONS.some((l) => l.id === lessonId) ? lessonId : undefined;
                if (!id) {
                    const locale = localeOf(vscode.env.language);
                    const picked = await vscode.window.showQuickPick(
                        LESSONS.map((l, i) => ({ label: `${i + 1}. ${l.title[locale]}`, description: progress.isDone(l.id) ? vscode.l10n.t('done') : '', detail: l.summary[locale], id: l.id })),
                        { placeHolder: vscode.l10n.t('Which lesson?') },
                    );
                    id = picked?.id;
                }
                if (id) {
                    await panels.show(id, typeof select === 'string' ? select : undefined);
                }
            },
        },
        {
            // a container is an instance of its image: open that lesson with its image selected
            id: CommandIds.containerExplain,
            run: async (node?: unknown) => {
                const n = node as ContainerNode | InstanceNode | undefined;
                await panels.show('image-vs-container', n?.container?.imageId);
            },
        },
        {
            id: CommandIds.imageExplain,
            run: async (node?: unknown) => {
                const n = node as ImageNode | undefined;
                await panels.show('image-vs-container', n?.kind === 'image' ? n.image.id : undefined);
            },
        },
        {
            id: CommandIds.resetProgress,
            run: async () => {
                const reset = vscode.l10n.t('Start Over');
                const answer = await vscode.window.showWarningMessage(
                    vscode.l10n.t('Clear the done marks of every lesson?'),
                    { modal: true, detail: vscode.l10n.t('Nothing on your Docker engine is changed.') },
                    reset,
                );
                if (answer === reset) {
                    await progress.reset();
                }
            },
        },
    ];
}
