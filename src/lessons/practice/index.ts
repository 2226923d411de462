/**
 * Every practice exercise, one per lesson (checked by the engine; see ./types.ts and ./runner.ts).
 * Pure; no `vscode` import. Add a lesson's exercise here with one line.
 */
import { buildExercise } from './exercises/build';
import { cgroupsExercise } from './exercises/cgroups';
import { containersVsVmsExercise } from './exercises/containersVsVms';
import { helloWorldExercise } from './exercises/helloWorld';
import { imageVsContainerExercise } from './exercises/imageVsContainer';
import { lifecycleExercise } from './exercises/lifecycle';
import { namespacesExercise } from './exercises/namespaces';
import { whyDockerExercise } from './exercises/whyDocker';
import { secondTag } from './imageNames';
import { publish8081 } from './ports';
import { keepData } from './volumes';
import type { Exercise } from './types';

export const EXERCISES: readonly Exercise[] = [
    whyDockerExercise,
    imageVsContainerExercise,
    helloWorldExercise,
    containersVsVmsExercise,
    cgroupsExercise,
    namespacesExercise,
    buildExercise,
    publish8081,
    keepData,
    secondTag,
    lifecycleExercise,
];

/** The exercise that ends a lesson, if it has one. */
export function exerciseFor(lessonId: string): Exercise | undefined {
    return EXERCISES.find((e) => e.lessonId === lessonId);
}
