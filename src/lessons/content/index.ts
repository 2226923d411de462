/**
 * Every lesson's content, keyed by its catalog id (see ../catalog.ts). Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';
import { whyDockerLesson } from './whyDocker';
import { imageVsContainerLesson } from './imageVsContainer';
import { helloWorldLesson } from './helloWorld';
import { containersVsVmsLesson } from './containersVsVms';
import { cgroupsLesson } from './cgroups';
import { namespacesLesson } from './namespaces';
import { buildCacheLesson } from './buildCache';
import { lifecycleLesson } from './lifecycle';
import { portsLesson } from './ports';
import { volumesLesson } from './volumes';
import { imageNamesLesson } from './imageNames';

const ALL: readonly Lesson[] = [whyDockerLesson, imageVsContainerLesson, helloWorldLesson, containersVsVmsLesson, cgroupsLesson, namespacesLesson, buildCacheLesson, portsLesson, volumesLesson, imageNamesLesson, lifecycleLesson];

export const LESSON_CONTENT: Readonly<Record<string, Lesson>> = Object.freeze(Object.fromEntries(ALL.map((lesson) => [lesson.id, lesson])));

/** The content of one lesson, or `undefined` for an unknown id. */
export function lessonContent(id: string): Lesson | undefined {
    return Object.prototype.hasOwnProperty.call(LESSON_CONTENT, id) ? LESSON_CONTENT[id] : undefined;
}
