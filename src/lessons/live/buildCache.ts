/**
 * Lesson 7 live: build a sample three times (fresh, unchanged, one file changed) and show each step
 * as cached or rebuilt with its time, the build context and what .dockerignore kept out, the final
 * image's layers, and the final image against its build stage. Builds go through the extension's own
 * builder (src/docker/build.ts: BuildKit, or the legacy builder where the engine has no BuildKit).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatBytes } from '../../common/format';
import { classifyError } from '../../docker/errors';
import type { BuildEvent, BuildResult } from '../../docker/types';
import type { FactView, LiveView, StepView, TableView } from '../../protocol/panelProtocol';
import { BUILD_STAGE, CHANGED_FILE, changeSource, contextSize, removeSample, writeSample } from './buildSample';
import { StepCollector, stepKey, StepRow } from './buildSteps';
import { DemoContext, ensureImage, RunButtonDemo, since, updateStep } from './demo';
import { BuildCacheResult, buildCacheFindings, wholeContextCopy, YoursResult, yoursFindings } from './findings/buildCache';
import { BW, BuildKey } from './buildCacheWords';

export const BUILD_LESSON = 'build-cache';
/** The tags the lesson gives its images (the progress check knows them). */
export const BUILD_TAG = 'docker-lessons-build-cache';

export class BuildCacheDemo extends RunButtonDemo<BuildKey> {
    readonly id = 'build.cache' as const;

    private busyYours = false;

    constructor(ctx: DemoContext) {
        super(ctx, BW, { intro: 'intro', run: 'run', again: 'again' });
    }

    private get yours() {
        return this.ctx.settings.userDockerfile;
    }

    /** The intro and buttons, with the user's Dockerfile offered when the lesson opened beside one. */
    private extras(state: LiveView['state']): Partial<LiveView> {
        const y = this.yours;
        if (!y) {
            return {};
        }
        const running = state === 'running';
        return {
            message: `${this.w('intro')} ${this.w('yoursIntro', path.join(y.contextDir, y.dockerfile))}`,
            buttons: [
                { action: 'run', label: this.w(state === 'done' ? 'again' : 'run'), primary: true, disabled: running },
                { action: 'yours', label: this.w('runYours'), disabled: running },
            ],
        };
    }

    override async start(): Promise<void> {
        await super.start();
        if (this.yours) {
            this.ctx.emit({ demo: this.id, state: 'idle', message: this.w('intro'), ...this.extras('idle') });
        }
    }

    override async act(action: string): Promise<void> {
        if (action !== 'yours' || !this.yours) {
            return super.act(action);
        }
        if (this.busyYours) {
            return;
        }
        this.busyYours = true;
        try {
            await this.runYours();
        } finally {
            this.busyYours = false;
        }
    }

    /** The user's Dockerfile, built twice; nothing in their folder is written. */
    async runYours(): Promise<LiveView> {
        const y = this.yours!;
        const tag = `${BUILD_TAG}:yours`;
        const cli = `docker build -f ${y.dockerfile} -t ${tag} .`;
        const steps: StepView[] = [
            { n: 1, title: this.w('yContext'), call: '—', cli: `cd ${y.contextDir}`, state: 'pending' },
            { n: 2, title: this.w('yFirst'), call: 'POST /build', cli, state: 'pending' },
            { n: 3, title: this.w('ySecond'), call: 'POST /build', cli, state: 'pending' },
        ];
        const facts: FactView[] = [];
        const tables: TableView[] = [];
        let output = '';
        let result: YoursResult | undefined;
        let current = 1;
        const emit = (state: LiveView['state'], extra: Partial<LiveView> = {}) => {
            const v = this.frame(state, { steps, facts, tables, output, findings: result && state === 'done' ? yoursFindings(result, this.ctx.locale) : undefined }, { ...this.extras(state), ...extra });
            this.ctx.emit(v);
            return v;
        };
        try {
            const client = this.ctx.client();
            updateStep(steps, 1, { state: 'active' });
            emit('running');
            const context = contextSize(y.contextDir, y.dockerfile);
            const whole = wholeContextCopy(fs.readFileSync(path.join(y.contextDir, y.dockerfile), 'utf8'));
            updateStep(steps, 1, { state: 'done' });
            facts.push({ label: this.w('fContext'), value: this.w('fContextValue', context.files, formatBytes(context.bytes)), note: this.w('fContextNote') });
            facts.push({ label: this.w('fIgnored'), value: this.w('fContextValue', context.ignoredFiles, formatBytes(context.ignoredBytes)) });
            const rows: StepRow[][] = [];
            for (const n of [2, 3]) {
                current = n;
                const t = performance.now();
                updateStep(steps, n, { state: 'active' });
                emit('running');
                const collector = new StepCollector();
                this.ctx.log(`${cli}    → POST /build (context: ${y.contextDir})`);
                const r = await client.buildImage(y.contextDir, y.dockerfile, tag, (e) => {
                    collector.push(e);
                    output += e.kind === 'output' ? e.text : '';
                }, this.ctx.signal);
                if (!r.ok) {
                    throw new Error(r.message);
                }
                const built = collector.finish();
                rows.push(built);
                const work = built.filter((x) => !/^FROM\s/i.test(x.text));
                updateStep(steps, n, { state: 'done', ms: since(t), detail: this.w('buildDetail', work.filter((x) => x.cached).length, work.filter((x) => !x.cached).length, r.builder) });
            }
            tables.push(this.stepsTable(this.w('yCaption', y.dockerfile), [this.w('cFirst'), this.w('cSecond')], ...rows));
            result = { first: rows[0], second: rows[1], context, wholeContext: whole };
            await this.ctx.refresh();
            return emit('done');
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            return emit(this.ctx.signal.aborted ? 'idle' : 'error', { message: d.message, next: d.next });
        }
    }

    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const tag = `${BUILD_TAG}:final`;
        const stageTag = `${BUILD_TAG}:${BUILD_STAGE}-stage`;
        const steps: StepView[] = [
            { n: 1, title: this.w('sSample'), call: '—', cli: 'cat Dockerfile .dockerignore', state: 'pending' },
            { n: 2, title: this.w('sFirst'), call: 'POST /build', cli: `docker build -t ${tag} .`, state: 'pending' },
            { n: 3, title: this.w('sSecond'), call: 'POST /build', cli: `docker build -t ${tag} .`, state: 'pending' },
            { n: 4, title: this.w('sThird', CHANGED_FILE), call: 'POST /build', cli: `echo 'echo "version 2"' > ${CHANGED_FILE}; docker build -t ${tag} .`, state: 'pending' },
            { n: 5, title: this.w('sStage'), call: 'POST /build?target=build', cli: `docker build --target ${BUILD_STAGE} -t ${stageTag} .`, state: 'pending' },
            { n: 6, title: this.w('sLayers'), call: 'GET /images/{id}/history, GET /images/{id}/json', cli: `docker image history ${tag}`, state: 'pending' },
        ];
        const facts: FactView[] = [];
        const tables: TableView[] = [];
        let output = '';
        let findings: BuildCacheResult | undefined;
        let current = 1;
        const emit = (state: LiveView['state'], extra: Partial<LiveView> = {}) => {
            const v = this.frame(state, { steps, facts, tables, output, findings: findings && state === 'done' ? buildCacheFindings(findings, this.ctx.locale) : undefined }, { ...this.extras(state), ...extra });
            this.ctx.emit(v);
            return v;
        };
        let dir: string | undefined;
        // the lesson's own images that a re-tag leaves without a name: removed at the end (never forced)
        const replaced = new Set<string>();
        const idOf = (ref: string) => this.ctx.client().inspectImage(ref).then((i) => i.id, () => undefined);
        try {
            const client = this.ctx.client();
            updateStep(steps, 1, { state: 'active' });
            emit('running');
            for (const id of await Promise.all([idOf(tag), idOf(stageTag)])) {
                if (id) {
                    replaced.add(id);
                }
            }
            await ensureImage(client, image, this.ctx.signal);
            dir = writeSample(image, Date.now().toString(36));
            const context = contextSize(dir);
            updateStep(steps, 1, { state: 'done', detail: this.w('sampleAt', dir) });
            facts.push({ label: this.w('fContext'), value: this.w('fContextValue', context.files, formatBytes(context.bytes)), note: this.w('fContextNote') });
            facts.push({ label: this.w('fIgnored'), value: this.w('fContextValue', context.ignoredFiles, formatBytes(context.ignoredBytes)), note: this.w('fIgnoredNote') });
            const build = async (n: number, buildTag: string, target?: string): Promise<StepRow[]> => {
                current = n;
                const t = performance.now();
                updateStep(steps, n, { state: 'active' });
                emit('running');
                const collector = new StepCollector();
                this.ctx.log(`${steps[n - 1].cli}    → POST /build`);
                const r: BuildResult = await client.buildImage(dir!, 'Dockerfile', buildTag, (e: BuildEvent) => {
                    collector.push(e);
                    if (e.kind === 'output') {
                        output += e.text;
                    }
                }, this.ctx.signal, target ? { target } : {});
                const rows = collector.finish();
                if (!r.ok) {
                    throw new Error(r.message);
                }
                const work = rows.filter((x) => !/^FROM\s/i.test(x.text));
                updateStep(steps, n, { state: 'done', ms: since(t), detail: this.w('buildDetail', work.filter((x) => x.cached).length, work.filter((x) => !x.cached).length, r.builder) });
                return rows;
            };
            const first = await build(2, tag);
            const firstId = await idOf(tag);
            if (firstId) {
                replaced.add(firstId);
            }
            const second = await build(3, tag);
            changeSource(dir);
            const third = await build(4, tag);
            tables.push(this.stepsTable(this.w('stepsCaption', CHANGED_FILE), [this.w('cFirst'), this.w('cSecond'), this.w('cThird')], first, second, third));
            emit('running');
            await build(5, stageTag, BUILD_STAGE);
            current = 6;
            updateStep(steps, 6, { state: 'active' });
            const t6 = performance.now();
            const [finalImage, stageImage, history] = await Promise.all([client.inspectImage(tag), client.inspectImage(stageTag), client.imageHistory(tag)]);
            tables.push({
                caption: this.w('layersCaption', tag),
                columns: [this.w('cInstruction'), this.w('cSize')],
                rows: history.map((l) => [l.createdBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '').slice(0, 200), formatBytes(l.size)]),
            });
            facts.push({ label: this.w('fSizes'), value: this.w('fSizesValue', formatBytes(finalImage.size), formatBytes(stageImage.size)), note: this.w('fSizesNote') });
            updateStep(steps, 6, { state: 'done', ms: since(t6), detail: this.w('layersDetail', history.length, finalImage.layerCount) });
            findings = { first, second, third, changedFile: CHANGED_FILE, context, finalSize: finalImage.size, buildStageSize: stageImage.size };
            await this.ctx.refresh();
            return emit('done');
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            return emit(this.ctx.signal.aborted ? 'idle' : 'error', { message: d.message, next: d.next });
        } finally {
            if (dir) {
                removeSample(dir);
            }
            await this.removeUnnamed(replaced, [tag, stageTag]);
        }
    }

    /** Removes the lesson's earlier images that no tag names any more (`docker rmi ID`, never forced). */
    private async removeUnnamed(ids: ReadonlySet<string>, keep: readonly string[]): Promise<void> {
        const client = this.ctx.client();
        const kept = new Set(await Promise.all(keep.map((ref) => client.inspectImage(ref).then((i) => i.id, () => undefined))));
        for (const id of ids) {
            if (kept.has(id)) {
                continue;
            }
            try {
                if ((await client.inspectImage(id)).repoTags.length === 0) {
                    await client.removeImage(id);
                    this.ctx.log(`docker rmi ${id.replace(/^sha256:/, '').slice(0, 12)}    → DELETE /images/{id} (this lesson's earlier image, no tag names it now)`);
                }
            } catch (e) {
                // in use by a container, or already gone: leave it
                this.ctx.log(`kept ${id.replace(/^sha256:/, '').slice(0, 12)}: ${classifyError(e).message}`);
            }
        }
    }

    /** One row per step: cached or rebuilt (with its time) in each build. */
    private stepsTable(caption: string, columns: string[], ...builds: StepRow[][]): TableView {
        const cell = (r: StepRow | undefined) => (!r ? '—' : /^FROM\s/i.test(r.text) ? this.w('base') : r.cached ? this.w('cached') : r.seconds !== undefined ? this.w('rebuiltIn', r.seconds.toFixed(1)) : this.w('rebuilt'));
        const keys: StepRow[] = [];
        for (const rows of builds) {
            for (const r of rows) {
                if (!keys.some((k) => stepKey(k) === stepKey(r))) {
                    keys.push(r);
                }
            }
        }
        return {
            caption,
            columns: [this.w('cStep'), ...columns],
            rows: keys.map((k) => [`${k.stage ? `[${k.stage}] ` : ''}${k.text}`, ...builds.map((rows) => cell(rows.find((r) => stepKey(r) === stepKey(k))))]),
        };
    }
}
