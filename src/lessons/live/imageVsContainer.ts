/**
 * Lesson 2 live: one image (read-only layers) and every container made from it (each with its own
 * writable layer). "Create one more" makes another instance, and the count grows.
 */
import { sameRef } from '../../docker/imageRef';
import { formatBytes } from '../../common/format';
import { imageLabel, instructionOf } from '../../docker/mapping';
import { classifyError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, TableView } from '../../protocol/panelProtocol';
import { changesFiles, ImageReading, ivcFindings } from './findings/imageVsContainer';
import { Demo, DemoContext, LESSON_LABEL, Words, wordsFor } from './demo';
import { ImageSummary, LayerInfo } from '../../docker/types';

type ContainerStateWord = 'st_created' | 'st_running' | 'st_paused' | 'st_restarting' | 'st_removing' | 'st_exited' | 'st_dead';

type Key =
    | 'intro'
    | 'noImages'
    | 'noImagesNext'
    | 'pick'
    | 'layers'
    | 'step'
    | 'instruction'
    | 'size'
    | 'kind'
    | 'layer'
    | 'metadata'
    | 'instances'
    | 'name'
    | 'state'
    | 'status'
    | 'writable'
    | 'ask'
    | 'measure'
    | 'create'
    | 'count'
    | 'countNote'
    | 'grew'
    | 'imageSize'
    | 'imageSizeNote'
    | 'noInstances'
    | ContainerStateWord;

const WORDS: Words<Key> = {
    en: {
        intro: 'Choose one of your images. You will see its read-only layers and every container made from it.',
        noImages: 'Your engine has no images yet.',
        noImagesNext: 'Pull one (Images view → Pull Image…, or `docker pull hello-world`), then come back.',
        pick: 'Image',
        layers: 'History of {0} (oldest first) — its read-only layers are shared by every container below',
        step: '#',
        instruction: 'Instruction',
        size: 'Size',
        kind: 'Kind',
        layer: 'changes files',
        metadata: 'configuration only',
        instances: 'Containers made from {0} — each an instance with its own writable layer',
        name: 'Container',
        state: 'State',
        status: 'Status',
        writable: 'Writable layer',
        ask: 'not measured',
        measure: 'Measure',
        create: 'Create one more container from this image',
        count: 'Instances of this image',
        countNote: 'One image, many containers: each `docker create` makes one more instance.',
        grew: 'was {0}, now {1}',
        imageSize: 'Image size',
        imageSizeNote: 'Stored once, however many containers use it.',
        noInstances: 'No container has been made from this image yet.',
        st_created: 'created',
        st_running: 'running',
        st_paused: 'paused',
        st_restarting: 'restarting',
        st_removing: 'removing',
        st_exited: 'exited',
        st_dead: 'dead',
    },
    ko: {
        intro: '이미지를 하나 고르세요. 읽기 전용 레이어와, 그 이미지로 만든 모든 컨테이너를 보여 줍니다.',
        noImages: '엔진에 아직 이미지가 없습니다.',
        noImagesNext: '이미지를 하나 가져온 뒤(‘이미지’ 뷰 → ‘이미지 가져오기’, 또는 `docker pull hello-world`) 다시 열어 주세요.',
        pick: '이미지',
        layers: '{0}의 히스토리 (오래된 것부터) — 읽기 전용 레이어는 아래의 모든 컨테이너가 공유',
        step: '#',
        instruction: '명령어',
        size: '크기',
        kind: '종류',
        layer: '파일 변경',
        metadata: '설정만 변경',
        instances: '{0} 이미지로 만든 컨테이너 — 각자 쓰기 가능한 레이어를 가진 인스턴스',
        name: '컨테이너',
        state: '상태',
        status: '상태 설명',
        writable: '쓰기 가능한 레이어',
        ask: '측정 안 함',
        measure: '측정',
        create: '이 이미지로 컨테이너 하나 더 만들기',
        count: '이 이미지의 인스턴스 수',
        countNote: '이미지 하나로 컨테이너를 여러 개 만들 수 있습니다. `docker create`를 할 때마다 인스턴스가 하나 늘어납니다.',
        grew: '{0}개에서 {1}개로',
        imageSize: '이미지 크기',
        imageSizeNote: '컨테이너가 몇 개든 한 번만 저장됩니다.',
        noInstances: '아직 이 이미지로 만든 컨테이너가 없습니다.',
        st_created: '생성됨',
        st_running: '실행 중',
        st_paused: '일시 정지됨',
        st_restarting: '다시 시작 중',
        st_removing: '삭제 중',
        st_exited: '종료됨',
        st_dead: 'dead',
    },
};

export class ImageVsContainerDemo implements Demo {
    readonly id = 'ivc.explore' as const;
    private readonly w: (key: Key, ...args: (string | number)[]) => string;
    private selected: string | undefined;
    private layers: LayerInfo[] = [];
    private readonly sizes = new Map<string, number>();
    private before: number | undefined;
    private busy = false;
    /** What the last "create one more" showed, built from its two readings. */
    private findings: ConclusionView | undefined;
    private error: { message: string; next: string } | undefined;

    constructor(private readonly ctx: DemoContext) {
        this.w = wordsFor(WORDS, ctx.locale);
    }

    private image(): ImageSummary | undefined {
        const images = this.ctx.snapshot().images;
        return images.find((i) => i.id === this.selected) ?? images.find((i) => i.repoTags.includes(this.selected ?? '')) ?? undefined;
    }

    private instances(img: ImageSummary) {
        return this.ctx.snapshot().containers.filter((c) => c.imageId === img.id);
    }

    /** Public for tests: the view as it would be sent. */
    view(): LiveView {
        const images = this.ctx.snapshot().images;
        if (this.error) {
            return { demo: this.id, state: 'unavailable', message: this.error.message, next: this.error.next };
        }
        if (!images.length) {
            return { demo: this.id, state: 'unavailable', message: this.w('noImages'), next: this.w('noImagesNext') };
        }
        const img = this.image();
        const choice = {
            action: 'select',
            label: this.w('pick'),
            options: images.map((i) => ({ value: i.id, label: `${imageLabel(i)} (${i.shortId})` })),
            selected: img?.id,
        };
        if (!img) {
            return { demo: this.id, state: 'idle', message: this.w('intro'), choice };
        }
        const name = imageLabel(img);
        const instances = this.instances(img);
        const tables: TableView[] = [
            {
                caption: this.w('layers', name),
                columns: [this.w('step'), this.w('instruction'), this.w('size'), this.w('kind')],
                rows: this.layers.map((l, i) => {
                    const instruction = instructionOf(l.createdBy);
                    return [String(i + 1), instruction, formatBytes(l.size), changesFiles(instruction) ? this.w('layer') : this.w('metadata')];
                }),
            },
            {
                caption: this.w('instances', name),
                columns: [this.w('name'), this.w('state'), this.w('status'), this.w('writable')],
                rows: instances.map((c) => [c.name, this.w(`st_${c.state}`), c.status, this.sizes.has(c.id) ? formatBytes(this.sizes.get(c.id)!) : this.w('ask')]),
                rowActions: [{ action: 'size', label: this.w('measure'), args: instances.map((c) => c.id) }],
            },
        ];
        const facts: FactView[] = [
            {
                label: this.w('count'),
                value: this.before !== undefined && this.before !== instances.length ? `${instances.length} (${this.w('grew', this.before, instances.length)})` : String(instances.length),
                note: instances.length ? this.w('countNote') : this.w('noInstances'),
                ok: this.before !== undefined ? instances.length > this.before : undefined,
            },
            { label: this.w('imageSize'), value: formatBytes(img.size), note: this.w('imageSizeNote') },
        ];
        return {
            demo: this.id,
            state: this.busy ? 'running' : 'done',
            message: this.w('intro'),
            choice,
            tables,
            facts,
            buttons: [{ action: 'create', label: this.w('create'), primary: true, disabled: this.busy }],
            ...(this.findings ? { conclusion: this.findings } : {}),
        };
    }

    private emit(): void {
        this.ctx.emit(this.view());
    }

    async start(): Promise<void> {
        try {
            await this.ctx.client().ping(this.ctx.signal);
            await this.ctx.refresh();
            this.error = undefined;
        } catch (e) {
            this.error = this.ctx.describe(classifyError(e));
            this.emit();
            return;
        }
        const images = this.ctx.snapshot().images;
        if (!this.selected) {
            const preferred = images.find((i) => i.repoTags.some((t) => sameRef(t, this.ctx.settings.helloImage))) ?? images.find((i) => !i.dangling) ?? images[0];
            this.selected = preferred?.id;
        }
        await this.loadLayers();
    }

    async select(ref: string): Promise<void> {
        const images = this.ctx.snapshot().images;
        const found = images.find((i) => i.id === ref || i.repoTags.some((t) => sameRef(t, ref)) || i.shortId === ref);
        if (found) {
            this.selected = found.id;
            this.before = undefined;
            this.findings = undefined;
            await this.loadLayers();
        }
    }

    private async loadLayers(): Promise<void> {
        const img = this.image();
        this.layers = [];
        if (img) {
            try {
                this.ctx.log(`docker image history ${imageLabel(img)}    → GET /images/{name}/history`);
                this.layers = await this.ctx.client().imageHistory(img.id);
            } catch (e) {
                this.ctx.log(`history failed: ${classifyError(e).message}`);
            }
        }
        this.emit();
    }

    onSnapshot(): void {
        if (!this.busy) {
            this.emit();
        }
    }

    async act(action: string, arg?: string): Promise<void> {
        const img = this.image();
        if (action === 'select' && arg) {
            await this.select(arg);
        } else if (action === 'size' && arg && img) {
            const c = this.instances(img).find((x) => x.id === arg);
            if (c) {
                this.ctx.log(`docker ps -a --size --filter id=${c.shortId}    → GET /containers/{id}/json?size=1`);
                try {
                    const d = await this.ctx.client().inspectContainer(c.id, { size: true });
                    this.sizes.set(c.id, d.sizeRw ?? 0);
                    this.emit();
                } catch (e) {
                    const d = this.ctx.describe(classifyError(e));
                    this.ctx.emit({ ...this.view(), state: 'error', message: d.message, next: d.next });
                }
            }
        } else if (action === 'create' && img) {
            this.busy = true;
            this.before = this.instances(img).length;
            this.findings = undefined;
            this.emit();
            try {
                const client = this.ctx.client();
                const ref = img.repoTags[0] ?? img.id;
                // two real readings of the image, one before and one after the create
                const read = async (): Promise<ImageReading> => {
                    await this.ctx.refresh();
                    const [details, history] = await Promise.all([client.inspectImage(ref), client.imageHistory(ref)]);
                    const found = this.ctx.snapshot().images.find((i) => i.id === details.id);
                    return { id: details.id, size: details.size, layers: history.length, containers: found ? this.instances(found).length : 0 };
                };
                this.ctx.log(`docker image inspect --format '{{.Size}}' ${ref}    → GET /images/{name}/json, GET /images/{name}/history`);
                const before = await read();
                this.before = before.containers;
                this.ctx.log(`docker create ${ref}    → POST /containers/create`);
                const id = await client.createContainer({ image: ref, labels: { [LESSON_LABEL]: 'image-vs-container' } });
                this.ctx.log(`docker ps -a --size --filter id=${id.slice(0, 12)}    → GET /containers/{id}/json?size=1`);
                const created = await client.inspectContainer(id, { size: true });
                this.sizes.set(id, created.sizeRw ?? 0);
                this.ctx.log(`docker image inspect --format '{{.Size}}' ${ref}    → GET /images/{name}/json, GET /images/{name}/history`);
                const after = await read();
                this.findings = ivcFindings({ image: ref, before, after, created: { name: created.name.replace(/^\//, ''), sizeRw: created.sizeRw } }, this.ctx.locale);
            } catch (e) {
                const d = this.ctx.describe(classifyError(e));
                this.busy = false;
                this.ctx.emit({ ...this.view(), state: 'error', message: d.message, next: d.next });
                return;
            }
            this.busy = false;
            this.emit();
        }
    }
}
