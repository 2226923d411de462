/**
 * What an open lesson needs and activation does not: the lessons' content, its rendering for the
 * webview, and the live demos. Bundled on its own (dist/lessons.js) and required when the first
 * lesson opens, so ~115 KiB of text and demo code stay off the activation path. No `vscode` import.
 */
import { lessonContent } from './content';
import { CgroupLimitsDemo, OomDemo } from './live/cgroups';
import { Demo, DemoContext } from './live/demo';
import { HelloFlowDemo } from './live/helloFlow';
import { ImageVsContainerDemo } from './live/imageVsContainer';
import { NamespacesDemo } from './live/namespaces';
import { NamesDemo } from './live/names';
import { PortsDemo } from './live/ports';
import { VolumesDemo } from './live/volumes';
import { SharedKernelDemo } from './live/sharedKernel';
import { WhyDockerDemo } from './live/whyDocker';
import { DemoId } from './model';
import { renderLesson } from './render';

const DEMOS: Record<DemoId, (ctx: DemoContext) => Demo> = {
    'why.sameEverywhere': (ctx) => new WhyDockerDemo(ctx),
    'ivc.explore': (ctx) => new ImageVsContainerDemo(ctx),
    'hello.flow': (ctx) => new HelloFlowDemo(ctx),
    'vm.sharedKernel': (ctx) => new SharedKernelDemo(ctx),
    'cgroups.limits': (ctx) => new CgroupLimitsDemo(ctx),
    'cgroups.oom': (ctx) => new OomDemo(ctx),
    'ns.insideOutside': (ctx) => new NamespacesDemo(ctx),
    'ports.publish': (ctx) => new PortsDemo(ctx),
    'volumes.persist': (ctx) => new VolumesDemo(ctx),
    'names.anatomy': (ctx) => new NamesDemo(ctx),
};

export const lessonRuntime = {
    lessonContent,
    renderLesson,
    createDemo: (id: DemoId, ctx: DemoContext): Demo => DEMOS[id](ctx),
};

export type LessonRuntime = typeof lessonRuntime;
