/**
 * Lesson "volumes" live: one file written into a container's writable layer, a named volume and a
 * bind-mounted folder; each writer removed; the file looked for again each time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { classifyError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { HostRead, ReadBack, volumesFindings } from './findings/volumes';
import { PROOF_LABEL } from '../evidence';
import { DemoContext, ensureImage, LESSON_LABEL, since, updateStep, RunButtonDemo } from './demo';
import { runKept, runRemoved, token } from './labKit';
import { VolumesKey, VOLUMES_WORDS } from './volumesWords';

const FILE = '/data/note.txt';

function readHost(file: string): HostRead {
    try {
        return { text: fs.readFileSync(file, 'utf8') };
    } catch (e) {
        return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
    }
}

/** A fresh folder for the bind mount: in the workspace when there is one, else in the temp folder. */
function bindFolder(workspace: string | undefined, mark: string): string {
    if (workspace) {
        const dir = path.join(workspace, '.docker-lessons', `bind-${mark}`);
        fs.mkdirSync(dir, { recursive: true });
        return dir;
    }
    return fs.mkdtempSync(path.join(os.tmpdir(), 'docker-lessons-bind-'));
}

export class VolumesDemo extends RunButtonDemo<VolumesKey> {
    readonly id = 'volumes.persist' as const;

    constructor(ctx: DemoContext) {
        super(ctx, VOLUMES_WORDS, { intro: 'intro', run: 'run', again: 'runAgain' });
    }

    /** Public for tests: returns the final view. */
    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const mark = token();
        const text = `docker-lessons ${mark}`;
        const volName = `dl-lesson-data-${mark}`;
        const write = ['sh', '-c', `mkdir -p /data && echo '${text}' > ${FILE}`];
        const writeCli = `${image} sh -c 'mkdir -p /data && echo "${text}" > ${FILE}'`;
        const labels = { [LESSON_LABEL]: 'volumes' };
        const steps: StepView[] = [
            { n: 1, title: this.w('s1', FILE), call: 'POST /containers/create, POST /containers/{id}/start, POST /containers/{id}/wait', cli: `docker run --name writer ${writeCli}`, state: 'pending' },
            { n: 2, title: this.w('s2'), call: 'GET /containers/{id}/changes', cli: 'docker diff writer', state: 'pending' },
            { n: 3, title: this.w('s3'), call: 'DELETE /containers/{id}', cli: 'docker rm writer', state: 'pending' },
            { n: 4, title: this.w('s4'), call: 'POST /containers/create, POST /containers/{id}/start, POST /containers/{id}/wait', cli: `docker run --rm ${image} cat ${FILE}`, state: 'pending' },
            { n: 5, title: this.w('s5'), call: 'POST /volumes/create', cli: `docker volume create ${volName}`, state: 'pending' },
            { n: 6, title: this.w('s6'), call: 'POST /containers/create (HostConfig.Binds), …, DELETE /containers/{id}', cli: `docker run --name writer -v ${volName}:/data ${writeCli}; docker rm writer`, state: 'pending' },
            { n: 7, title: this.w('s7'), call: 'POST /containers/create (HostConfig.Binds), …; GET /volumes/{name}', cli: `docker run --rm -v ${volName}:/data ${image} cat ${FILE}; docker volume inspect ${volName}`, state: 'pending' },
            { n: 8, title: this.w('s8'), call: `POST /containers/create (HostConfig.Binds), …; ${this.w('hostRead')}`, cli: `docker run --rm -v "$PWD/.docker-lessons/bind-${mark}":/data ${writeCli}; cat .docker-lessons/bind-${mark}/note.txt`, state: 'pending' },
            { n: 9, title: this.w('s9'), call: 'DELETE /volumes/{name}', cli: `docker volume rm ${volName}; rm -r .docker-lessons/bind-${mark}`, state: 'pending' },
        ];
        const facts: FactView[] = [];
        let findings: ConclusionView | undefined;
        let message = this.w('intro');
        let output = '';
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}) => this.frame(state, { message, steps, facts, output, findings }, extra);
        let current = 1;
        const owned: { containers: string[]; volume?: string; dir?: string } = { containers: [] };
        const begin = (n: number) => {
            current = n;
            updateStep(steps, n, { state: 'active' });
            this.ctx.emit(view('running'));
            return performance.now();
        };
        const readBack = (r: { output: string; exitCode: number }): ReadBack => ({ exitCode: r.exitCode, output: r.output });
        const shown = (r: ReadBack) => (r.exitCode === 0 && r.output.includes(mark) ? this.w('found') : this.w('notFound', r.output.trim().split('\n').pop() || `exit ${r.exitCode}`));
        try {
            const client = this.ctx.client();
            const info = await client.info(this.ctx.signal);
            const local = client.endpoint.kind === 'unix' && !info.runsInVm;
            await ensureImage(client, image, this.ctx.signal);

            let t = begin(1);
            const writer = await runKept(client, { image, cmd: write, labels });
            owned.containers.push(writer.id);
            output = writer.output;
            updateStep(steps, 1, { state: writer.exitCode === 0 ? 'done' : 'error', ms: since(t), detail: `${writer.id.slice(0, 12)}, exit ${writer.exitCode}` });

            t = begin(2);
            const changes = await client.containerChanges(writer.id);
            const diffText = changes.map((c) => `${c.kind === 'added' ? 'A' : c.kind === 'deleted' ? 'D' : 'C'} ${c.path}`).join('\n');
            const inDiff = changes.some((c) => c.path === FILE && c.kind === 'added');
            updateStep(steps, 2, { state: 'done', ms: since(t), detail: diffText.replace(/\n/g, ', ') });
            facts.push({ label: this.w('fDiff'), value: diffText || '—', ok: inDiff, note: this.w('fDiffNote') });

            t = begin(3);
            await client.removeContainer(writer.id);
            owned.containers = owned.containers.filter((c) => c !== writer.id);
            updateStep(steps, 3, { state: 'done', ms: since(t) });

            t = begin(4);
            const layerAfterRm = readBack(await runRemoved(client, { image, cmd: ['cat', FILE], labels }));
            updateStep(steps, 4, { state: 'done', ms: since(t), detail: shown(layerAfterRm) });
            facts.push({ label: this.w('fLayer'), value: shown(layerAfterRm), ok: !layerAfterRm.output.includes(mark) });

            t = begin(5);
            const volume = await client.createVolume(volName, labels);
            owned.volume = volume.name;
            updateStep(steps, 5, { state: 'done', ms: since(t), detail: volume.name });

            t = begin(6);
            const volWriter = await runKept(client, { image, cmd: write, labels, binds: [`${volName}:/data`] });
            owned.containers.push(volWriter.id);
            await client.removeContainer(volWriter.id);
            owned.containers = owned.containers.filter((c) => c !== volWriter.id);
            updateStep(steps, 6, { state: volWriter.exitCode === 0 ? 'done' : 'error', ms: since(t), detail: `exit ${volWriter.exitCode}` });

            t = begin(7);
            const volRead = readBack(await runRemoved(client, { image, cmd: ['cat', FILE], labels: { ...labels, [PROOF_LABEL]: 'volume-read' }, binds: [`${volName}:/data`] }));
            const where = await client.inspectVolume(volName);
            const volHost = local ? readHost(path.join(where.mountpoint, 'note.txt')) : undefined;
            updateStep(steps, 7, { state: 'done', ms: since(t), detail: `${shown(volRead)}; ${where.mountpoint}` });
            facts.push({ label: this.w('fVolume', volName), value: shown(volRead), ok: volRead.exitCode === 0 && volRead.output.includes(mark) });
            facts.push({ label: this.w('fMountpoint', volName), value: where.mountpoint, note: this.w('fMountpointNote') });

            let bind: { hostDir: string; readBack: ReadBack; host: HostRead } | undefined;
            t = begin(8);
            if (local) {
                const dir = bindFolder(this.ctx.settings.workspaceFolder, mark);
                owned.dir = dir;
                const bindWrite = await runRemoved(client, { image, cmd: write, labels, binds: [`${dir}:/data`] });
                const host = readHost(path.join(dir, 'note.txt'));
                const again = readBack(await runRemoved(client, { image, cmd: ['cat', FILE], labels, binds: [`${dir}:/data:ro`] }));
                bind = { hostDir: dir, readBack: again, host };
                const ok = !!host && 'text' in host && host.text.includes(mark);
                updateStep(steps, 8, { state: bindWrite.exitCode === 0 ? 'done' : 'error', ms: since(t), detail: ok ? this.w('found') : this.w('notFound', host && 'error' in host ? host.error : '—') });
                facts.push({ label: this.w('fBind', path.join(dir, 'note.txt')), value: ok ? this.w('found') : this.w('notFound', host && 'error' in host ? host.error : '—'), ok, note: this.w('fBindNote') });
            } else {
                updateStep(steps, 8, { state: 'skipped', detail: this.w('skippedRemote') });
            }
            findings = volumesFindings({ token: mark, file: FILE, inDiff, layerAfterRm, volume: { name: volName, mountpoint: where.mountpoint, readBack: volRead, host: volHost }, bind }, this.ctx.locale);
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            message = d.message;
            await this.cleanUp(owned, steps);
            const final = view('error', { next: d.next });
            if (!this.ctx.signal.aborted) {
                this.ctx.emit(final);
            }
            return final;
        }
        await this.cleanUp(owned, steps);
        const final = view('done');
        this.ctx.emit(final);
        return final;
    }

    private async cleanUp(owned: { containers: string[]; volume?: string; dir?: string }, steps: StepView[]): Promise<void> {
        const t = performance.now();
        updateStep(steps, 9, { state: 'active' });
        try {
            const client = this.ctx.client();
            for (const id of owned.containers) {
                await client.removeContainer(id).catch(() => undefined);
            }
            if (owned.volume) {
                await client.removeVolume(owned.volume);
            }
            if (owned.dir) {
                fs.rmSync(owned.dir, { recursive: true, force: true });
                const parent = path.dirname(owned.dir);
                if (path.basename(parent) === '.docker-lessons' && !fs.readdirSync(parent).length) {
                    fs.rmdirSync(parent);
                }
            }
            updateStep(steps, 9, { state: 'done', ms: since(t), detail: this.w('cleaned') });
        } catch (e) {
            updateStep(steps, 9, { state: 'error', detail: classifyError(e).message });
        }
    }
}
