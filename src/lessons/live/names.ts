/**
 * Lesson "image-names" live: the user's image names taken apart, two tags on one image, `latest`
 * moved, a pull through the engine's registry settings checked against the mirror, a digest resolved,
 * and what a push would send. Only the lesson's own tags are added and removed.
 */
import { formatBytes } from '../../common/format';
import { classifyError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, StepView, TableView } from '../../protocol/panelProtocol';
import { namesFindings, NamesResult } from './findings/names';
import { NAMES_REPO } from '../evidence';
import { DemoContext, ensureImage, since, updateStep, RunButtonDemo, appendBounded } from './demo';
import { digestFor, ImageRef, parseImageRef, repoPath } from './imageRef';
import { fetchFromHost } from './labKit';
import { NamesKey, NAMES_WORDS } from './namesWords';

const PUSH_REPO = 'registry.example.com/docker-lessons/hello';
const PUSH_TAG = '1.0';
const MAX_ROWS = 40;
const MANIFEST_TYPES = [
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
].join(', ');

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export class NamesDemo extends RunButtonDemo<NamesKey> {
    readonly id = 'names.anatomy' as const;

    constructor(ctx: DemoContext) {
        super(ctx, NAMES_WORDS, { intro: 'intro', run: 'run', again: 'runAgain' });
    }

    private part(value: string | undefined, implied: boolean): string {
        return value ? (implied ? this.w('implied', value) : value) : '—';
    }

    /** One row per name an image is known by. */
    private table(images: readonly { id: string; repoTags: readonly string[]; repoDigests: readonly string[] }[]): TableView {
        const rows: string[][] = [];
        let more = 0;
        for (const img of images) {
            for (const name of [...img.repoTags, ...img.repoDigests]) {
                if (rows.length >= MAX_ROWS) {
                    more++;
                    continue;
                }
                const r: ImageRef = parseImageRef(name);
                rows.push([r.digest ? `${name.slice(0, name.indexOf('@') + 20)}…` : name, this.part(r.registry, r.implied.registry), this.part(r.namespace, r.implied.namespace), r.repository, this.part(r.tag, r.implied.tag), r.digest ? `${r.digest.slice(0, 19)}…` : '—', short(img.id)]);
            }
        }
        if (more) {
            rows.push([this.w('more', more), '', '', '', '', '', '']);
        }
        return { caption: this.w('caption'), columns: [this.w('cName'), this.w('cRegistry'), this.w('cNamespace'), this.w('cRepo'), this.w('cTag'), this.w('cDigest'), this.w('cId')], rows };
    }

    /** Public for tests: returns the final view. */
    async run(): Promise<LiveView> {
        const shellName = this.ctx.settings.shellImage;
        const helloName = this.ctx.settings.helloImage;
        const second = `${NAMES_REPO}:v1`;
        const pushName = `${PUSH_REPO}:${PUSH_TAG}`;
        const steps: StepView[] = [
            { n: 1, title: this.w('s1'), call: 'GET /images/json', cli: 'docker image ls --digests', state: 'pending' },
            { n: 2, title: this.w('s2', shellName), call: 'POST /images/{name}/tag, GET /images/{name}/json', cli: `docker tag ${shellName} ${second}; docker image inspect -f '{{.Id}}' ${shellName} ${second}`, state: 'pending' },
            { n: 3, title: this.w('s3', `${NAMES_REPO}:latest`), call: 'POST /images/{name}/tag, GET /images/{name}/json', cli: `docker tag ${helloName} ${NAMES_REPO}:latest; docker image inspect -f '{{.Id}}' ${NAMES_REPO}; docker tag ${shellName} ${NAMES_REPO}:latest; docker image inspect -f '{{.Id}}' ${NAMES_REPO}`, state: 'pending' },
            { n: 4, title: this.w('s4', helloName), call: `GET /info, POST /images/create?fromImage=…, GET /images/{name}/json; ${this.w('hostCall')}`, cli: `docker info -f '{{.RegistryConfig.Mirrors}}'; docker pull ${helloName}; docker image inspect -f '{{.RepoDigests}}' ${helloName}`, state: 'pending' },
            { n: 5, title: this.w('s5'), call: 'GET /images/{name@digest}/json', cli: `docker image inspect -f '{{.Id}}' ${helloName.replace(/:[^/:@]*$/, '')}@sha256:…`, state: 'pending' },
            { n: 6, title: this.w('s6'), call: 'POST /images/{name}/tag, GET /images/{name}/json', cli: `docker tag ${helloName} ${pushName}; docker image inspect -f '{{len .RootFS.Layers}}' ${pushName}`, state: 'pending' },
            { n: 7, title: this.w('s7'), call: 'DELETE /images/{name} (untag)', cli: `docker rmi ${second} ${NAMES_REPO}:latest ${pushName}`, state: 'pending' },
        ];
        const facts: FactView[] = [];
        const tables: TableView[] = [];
        let findings: ConclusionView | undefined;
        let message = this.w('intro');
        let output = '';
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}) => this.frame(state, { message, steps, facts, tables, output, findings }, extra);
        let current = 1;
        const added: string[] = [];
        const begin = (n: number) => {
            current = n;
            updateStep(steps, n, { state: 'active' });
            this.ctx.emit(view('running'));
            return performance.now();
        };
        try {
            const client = this.ctx.client();
            await ensureImage(client, shellName, this.ctx.signal);
            await ensureImage(client, helloName, this.ctx.signal);
            const idOf = async (ref: string) => (await client.inspectImage(ref)).id;

            let t = begin(1);
            const before = await client.listImages(this.ctx.signal);
            tables.push(this.table(before));
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: String(before.length) });

            t = begin(2);
            const shellId = await idOf(shellName);
            await client.tagImage(shellName, NAMES_REPO, 'v1');
            added.push(second);
            const secondId = await idOf(second);
            const after = await client.listImages(this.ctx.signal);
            updateStep(steps, 2, { state: 'done', ms: since(t), detail: `${short(shellId)} = ${short(secondId)}` });
            facts.push({ label: this.w('fSecond', `${shellName}, ${second}`), value: `${short(shellId)}, ${short(secondId)}`, ok: shellId === secondId });

            t = begin(3);
            const helloId = await idOf(helloName);
            await client.tagImage(helloName, NAMES_REPO, 'latest');
            added.push(`${NAMES_REPO}:latest`);
            const first = await idOf(NAMES_REPO);
            await client.tagImage(shellName, NAMES_REPO, 'latest');
            const moved = await idOf(NAMES_REPO);
            updateStep(steps, 3, { state: 'done', ms: since(t), detail: `${short(first)} → ${short(moved)}` });
            facts.push({ label: this.w('fLatest', NAMES_REPO), value: `${short(first)} → ${short(moved)}`, ok: first === helloId && moved === shellId });

            t = begin(4);
            const settings = await client.registrySettings(this.ctx.signal);
            facts.push({ label: this.w('fMirrors'), value: settings.mirrors.join(', ') || this.w('fMirrorsNone') });
            const ref = parseImageRef(helloName);
            let pullError: string | undefined;
            try {
                const seen = new Set<string>();
                await client.pullImage(
                    helloName,
                    (p) => {
                        const line = `${p.id ? `${p.id}: ` : ''}${p.status}`;
                        if (!seen.has(line)) {
                            seen.add(line);
                            output = appendBounded(output, `${line}\n`);
                        }
                    },
                    this.ctx.signal,
                );
            } catch (e) {
                pullError = classifyError(e).message;
            }
            const helloRaw = (await client.inspectImage(helloName)).raw as { RepoDigests?: string[]; RootFS?: { Layers?: string[] }; Size?: number };
            const digest = digestFor(helloRaw.RepoDigests ?? [], ref);
            let mirrorDigest: string | undefined;
            let mirrorError: string | undefined;
            if (ref.registry === 'docker.io' && settings.mirrors.length && !pullError) {
                const url = `${settings.mirrors[0].replace(/\/+$/, '')}/v2/${repoPath(ref)}/manifests/${ref.tag ?? ref.digest}`;
                this.ctx.log(`curl -H 'Accept: …manifest…' ${url}    → ${this.w('hostCall')}`);
                const m = await fetchFromHost(url, 3000, { Accept: MANIFEST_TYPES });
                mirrorDigest = m.ok ? m.contentDigest : undefined;
                mirrorError = m.ok ? (m.contentDigest ? undefined : 'no Docker-Content-Digest') : m.error ?? `HTTP ${m.status}`;
            }
            updateStep(steps, 4, { state: pullError ? 'error' : 'done', ms: since(t), detail: pullError ?? (digest ? `${digest.slice(0, 19)}…` : '—') });
            facts.push({ label: this.w('fDigest', helloName), value: digest ?? '—' });
            if (mirrorDigest || mirrorError) {
                facts.push({ label: this.w('fMirrorDigest'), value: mirrorDigest ?? mirrorError ?? '—', ok: mirrorDigest ? mirrorDigest === digest : undefined });
            }

            t = begin(5);
            let pinned: NamesResult['pinned'];
            if (digest) {
                const pinnedRef = `${helloName.replace(/@.*$/, '').replace(/:[^/:]*$/, '')}@${digest}`;
                pinned = { ref: pinnedRef, id: await idOf(pinnedRef) };
                updateStep(steps, 5, { state: 'done', ms: since(t), detail: short(pinned.id) });
                facts.push({ label: this.w('fPinned', `…@${digest.slice(0, 19)}…`), value: short(pinned.id), ok: pinned.id === helloId });
            } else {
                updateStep(steps, 5, { state: 'skipped', detail: '—' });
            }

            t = begin(6);
            await client.tagImage(helloName, PUSH_REPO, PUSH_TAG);
            added.push(pushName);
            const pushRaw = (await client.inspectImage(pushName)).raw as { RootFS?: { Layers?: string[] }; Size?: number };
            const layers = pushRaw.RootFS?.Layers?.length ?? 0;
            const bytes = Number(pushRaw.Size) || 0;
            const pushRef = parseImageRef(pushName);
            updateStep(steps, 6, { state: 'done', ms: since(t), detail: `${layers}` });
            findings = namesFindings(
                {
                    shell: { name: shellName, id: shellId },
                    hello: { name: helloName, id: helloId },
                    second: { name: second, id: secondId },
                    imageCount: { before: before.length, after: after.length },
                    latest: { name: NAMES_REPO, first, moved },
                    pull: { name: helloName, registry: ref.registry, mirrors: settings.mirrors, error: pullError, digest, mirrorDigest, mirrorError },
                    pinned,
                    push: { name: pushName, registry: pushRef.registry, repository: repoPath(pushRef), tag: PUSH_TAG, layers, bytes },
                },
                this.ctx.locale,
            );
            
            facts.push({ label: this.w('fPush', pushName), value: this.w('pushValue', layers, formatBytes(bytes), pushRef.registry) });
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            message = d.message;
            await this.untag(added, steps);
            const final = view('error', { next: d.next });
            if (!this.ctx.signal.aborted) {
                this.ctx.emit(final);
            }
            return final;
        }
        await this.untag(added, steps);
        const final = view('done');
        this.ctx.emit(final);
        return final;
    }

    /** Removes only the lesson's own names, and only where the image keeps another name (never deletes an image). */
    private async untag(names: readonly string[], steps: StepView[]): Promise<void> {
        const t = performance.now();
        updateStep(steps, 7, { state: 'active' });
        try {
            const client = this.ctx.client();
            for (const name of names) {
                const img = await client.inspectImage(name).catch(() => undefined);
                if (img && img.repoTags.length > 1) {
                    await client.removeImage(name);
                }
            }
            updateStep(steps, 7, { state: 'done', ms: since(t), detail: this.w('cleaned') });
        } catch (e) {
            updateStep(steps, 7, { state: 'error', detail: classifyError(e).message });
        }
    }
}
