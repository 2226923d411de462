/** A `DemoContext` as the lesson panel builds it, with everything it is asked recorded (docker tests). */
import * as assert from 'assert/strict';
import type { Locale } from '../../src/lessons/catalog';
import type { Demo, DemoContext, DemoSettings } from '../../src/lessons/live/demo';
import type { DockerError } from '../../src/docker/errors';
import type { ContainerSummary, DockerClient, ImageSummary } from '../../src/docker/types';
import type { LiveView } from '../../src/protocol/panelProtocol';

export const HELLO = 'hello-world';
export const SHELL = 'busybox';

/** A `DemoContext` as the lesson panel builds it, with everything it is asked recorded. */
export class TestContext implements DemoContext {
    readonly views: LiveView[] = [];
    readonly logs: string[] = [];
    readonly confirms: { message: string; detail: string; action: string }[] = [];
    /** What the next confirm dialogs answer. */
    answer = false;
    /** The demo whose `onSnapshot` runs after each refresh, like the panel's `refresh.onDidChange`. */
    demo: Demo | undefined;
    readonly controller = new AbortController();
    readonly signal = this.controller.signal;
    readonly settings: DemoSettings;
    private lists: { images: readonly ImageSummary[]; containers: readonly ContainerSummary[] } = { images: [], containers: [] };

    constructor(
        private readonly make: () => DockerClient,
        readonly locale: Locale = 'en',
        settings: Partial<DemoSettings> = {},
    ) {
        this.settings = { helloImage: HELLO, shellImage: SHELL, ...settings };
    }

    client(): DockerClient {
        return this.make();
    }

    emit(view: LiveView): void {
        this.views.push(view);
    }

    snapshot() {
        return this.lists;
    }

    async refresh(): Promise<void> {
        const client = this.make();
        const [images, containers] = await Promise.all([client.listImages(), client.listContainers()]);
        this.lists = { images, containers };
        this.demo?.onSnapshot?.();
    }

    describe(e: DockerError): { message: string; next: string } {
        return { message: `${e.kind}: ${e.message}`, next: 'next' };
    }

    async confirm(message: string, detail: string, action: string): Promise<boolean> {
        this.confirms.push({ message, detail, action });
        return this.answer;
    }

    log(line: string): void {
        this.logs.push(line);
    }

    get last(): LiveView {
        assert.ok(this.views.length, 'no view was emitted');
        return this.views[this.views.length - 1];
    }
}
