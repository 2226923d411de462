/**
 * What an open lesson needs and activation does not: the lessons' content, its rendering for the
 * webview, and the live demos. Bundled on its own (dist/lessons.js) and required when the first
 * lesson opens, so ~115 KiB of text and demo code stay off the activation path. No `vscode` import.
 */
import { lessonContent } from './content';
import { BuildCacheDemo } from './live/buildCache';
import { CgroupLimitsDemo, OomDemo } from './live/cgroups';
import { Demo, DemoContext } from './live/demo';
import { HelloFlowDemo } from './live/helloFlow';
import { ImageVsContainerDemo } from './live/imageVsContainer';
import { LifecycleDemo } from './live/lifecycle';
import { NamespacesDemo } from './live/namespaces';
import { NamesDemo } from './live/names';
import { PortsDemo } from './live/ports';
import { VolumesDemo } from './live/volumes';
import { SharedKernelDemo } from './live/sharedKernel';
import { WhyDockerDemo } from './live/whyDocker';
import { DemoId, Lesson } from './model';
import { exerciseFor } from './practice';
import { PRACTICE_BLOCK, PracticeDemo } from './practice/demo';
import { renderLesson } from './render';

const DEMOS: Record<DemoId, (ctx: DemoContext, lessonId: string) => Demo> = {
    'why.sameEverywhere': (ctx) => new WhyDockerDemo(ctx),
    'ivc.explore': (ctx) => new ImageVsContainerDemo(ctx),
    'hello.flow': (ctx) => new HelloFlowDemo(ctx),
    'vm.sharedKernel': (ctx) => new SharedKernelDemo(ctx),
    'cgroups.limits': (ctx) => new CgroupLimitsDemo(ctx),
    'cgroups.oom': (ctx) => new OomDemo(ctx),
    'ns.insideOutside': (ctx) => new NamespacesDemo(ctx),
    'build.cache': (ctx) => new BuildCacheDemo(ctx),
    'ports.publish': (ctx) => new PortsDemo(ctx),
    'volumes.persist': (ctx) => new VolumesDemo(ctx),
    'names.anatomy': (ctx) => new NamesDemo(ctx),
    'lifecycle.states': (ctx) => new LifecycleDemo(ctx),
    practice: (ctx, lessonId) => {
        const exercise = exerciseFor(lessonId);
        if (!exercise) {
            throw new Error(`lesson ${lessonId} has no practice exercise`);
        }
        return new PracticeDemo(ctx, exercise);
    },
};

/** A lesson's content, with its practice block at the end when it has an exercise. */
function withPractice(id: string): Lesson | undefined {
    const lesson = lessonContent(id);
    return lesson && exerciseFor(id) ? { ...lesson, blocks: [...lesson.blocks, PRACTICE_BLOCK] } : lesson;
}

export const lessonRuntime = {
    lessonContent: withPractice,
    renderLesson,
    createDemo: (id: DemoId, ctx: DemoContext, lessonId = ''): Demo => DEMOS[id](ctx, lessonId),
};

export type LessonRuntime = typeof lessonRuntime;
