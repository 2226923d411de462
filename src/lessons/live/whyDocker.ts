/**
 * Lesson 1 live: one image run twice. What it reports about itself comes from its own files; the
 * kernel, CPU architecture and hostname come from outside it. The findings are built from the runs.
 */
import { shellQuote } from '../../docker/cli';
import { classifyError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { Demo, DemoContext, ensureImage, runToCompletion, since, updateStep, Words, wordsFor } from './demo';
import { parseWhyOutput, WHY_COMMAND, whyFindings } from './findings/whyDocker';

export { parseWhyOutput, WHY_COMMAND };

const WORDS: Words<
    | 'intro'
    | 'run'
    | 'runAgain'
    | 'stepInfo'
    | 'stepImage'
    | 'stepRun1'
    | 'stepRun2'
    | 'hostOs'
    | 'hostNote'
    | 'insideOs'
    | 'insideNote'
    | 'noOsRelease'
    | 'contents'
    | 'same'
    | 'sameNote'
    | 'kernel'
    | 'kernelNote'
    | 'arch'
    | 'hostname'
    | 'outsideNote'
    | 'local'
    | 'pulled'
    | 'exit'
    | 'identical'
    | 'different'
> = {
    en: {
        intro: 'Runs {0} twice and compares what it reports with what your host reports.',
        run: 'Run it',
        runAgain: 'Run it again',
        stepInfo: 'Ask the daemon about the host',
        stepImage: 'Make sure the image is here',
        stepRun1: 'Run the image (1st time)',
        stepRun2: 'Run the image (2nd time)',
        hostOs: 'The host says',
        hostNote: 'From the daemon (GET /info): the machine Docker runs on.',
        insideOs: 'The image says about itself',
        insideNote: 'Read from the image\'s own files.',
        noOsRelease: 'no /etc/os-release',
        contents: '{0} programs in /bin; top-level folders: {1}',
        same: 'The image\'s files, run 1 vs run 2',
        sameNote: 'Compares what both runs read from the image (not the hostname, kernel or architecture).',
        kernel: 'Kernel inside the container',
        kernelNote: 'From outside the image: containers share the host\'s kernel.',
        arch: 'CPU architecture inside',
        hostname: 'Hostname inside (run 1, run 2)',
        outsideNote: 'From outside the image: the engine sets it.',
        local: 'already on your engine',
        pulled: 'pulled from the registry',
        exit: 'exit code {0}',
        identical: 'identical, byte for byte',
        different: 'different',
    },
    ko: {
        intro: '{0}을(를) 두 번 실행해서, 이미지가 알려 주는 환경과 호스트가 알려 주는 환경을 비교합니다.',
        run: '실행하기',
        runAgain: '다시 실행하기',
        stepInfo: '데몬에게 호스트 정보 묻기',
        stepImage: '이미지가 있는지 확인하기',
        stepRun1: '이미지 실행 (1번째)',
        stepRun2: '이미지 실행 (2번째)',
        hostOs: '호스트 정보',
        hostNote: '데몬(GET /info)이 알려 준, 도커가 실행되는 머신입니다.',
        insideOs: '이미지가 알려 준 자기 정보',
        insideNote: '이미지 안의 파일에서 읽었습니다.',
        noOsRelease: '/etc/os-release 없음',
        contents: '/bin의 프로그램 {0}개, 최상위 폴더: {1}',
        same: '이미지 파일 비교 (1번째와 2번째 실행)',
        sameNote: '두 실행이 이미지에서 읽은 내용을 비교합니다(호스트 이름, 커널, 아키텍처는 제외).',
        kernel: '컨테이너 안의 커널',
        kernelNote: '이미지 밖에서 옵니다. 컨테이너는 호스트의 커널을 공유합니다.',
        arch: '컨테이너 안의 CPU 아키텍처',
        hostname: '컨테이너 안의 호스트 이름 (1번째, 2번째)',
        outsideNote: '이미지 밖에서 옵니다. 엔진이 정해 줍니다.',
        local: '이미 엔진에 있음',
        pulled: '레지스트리에서 가져옴',
        exit: '종료 코드 {0}',
        identical: '한 글자도 다르지 않음',
        different: '다름',
    },
};

export class WhyDockerDemo implements Demo {
    readonly id = 'why.sameEverywhere' as const;
    private readonly w: ReturnType<typeof wordsFor<keyof (typeof WORDS)['en']>>;

    constructor(private readonly ctx: DemoContext) {
        this.w = wordsFor(WORDS, ctx.locale);
    }

    private cli(): string {
        return `docker run --rm ${shellQuote(this.ctx.settings.shellImage)} ${WHY_COMMAND.map(shellQuote).join(' ')}`;
    }

    async start(): Promise<void> {
        this.ctx.emit({ demo: this.id, state: 'idle', message: this.w('intro', this.ctx.settings.shellImage), buttons: [{ action: 'run', label: this.w('run'), primary: true }] });
    }

    private running = false;

    async act(action: string): Promise<void> {
        if (action === 'run' && !this.running) {
            this.running = true;
            try {
                await this.run();
            } finally {
                this.running = false;
            }
        }
    }

    /** Public for tests: returns the final view. */
    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const steps: StepView[] = [
            { n: 1, title: this.w('stepInfo'), call: 'GET /info', cli: 'docker info', state: 'pending' },
            { n: 2, title: this.w('stepImage'), call: 'GET /images/{name}/json, POST /images/create', cli: `docker pull ${image}`, state: 'pending' },
            { n: 3, title: this.w('stepRun1'), call: 'POST /containers/create, POST /containers/{id}/attach, POST /containers/{id}/start, POST /containers/{id}/wait, DELETE /containers/{id}', cli: this.cli(), state: 'pending' },
            { n: 4, title: this.w('stepRun2'), call: 'POST /containers/create, POST /containers/{id}/attach, POST /containers/{id}/start, POST /containers/{id}/wait, DELETE /containers/{id}', cli: this.cli(), state: 'pending' },
        ];
        let output = '';
        const facts: FactView[] = [];
        let findings: ConclusionView | undefined;
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}): LiveView => ({
            demo: this.id,
            state,
            message: this.w('intro', image),
            steps: [...steps],
            facts: [...facts],
            output,
            ...(findings ? { conclusion: findings } : {}),
            buttons: [{ action: 'run', label: this.w(state === 'idle' ? 'run' : 'runAgain'), primary: true, disabled: state === 'running' }],
            ...extra,
        });
        let current = 1;
        try {
            const client = this.ctx.client();
            let t = performance.now();
            updateStep(steps, 1, { state: 'active' });
            this.ctx.emit(view('running'));
            const info = await client.info(this.ctx.signal);
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: `${info.operatingSystem} · ${info.kernelVersion}` });
            facts.push({ label: this.w('hostOs'), value: `${info.operatingSystem} (${info.osType}/${info.architecture}), ${info.name}`, note: this.w('hostNote') });
            this.ctx.emit(view('running'));

            current = 2;
            t = performance.now();
            updateStep(steps, 2, { state: 'active' });
            this.ctx.emit(view('running'));
            const how = await ensureImage(client, image, this.ctx.signal);
            updateStep(steps, 2, { state: how === 'local' ? 'skipped' : 'done', ms: since(t), detail: this.w(how === 'local' ? 'local' : 'pulled') });
            this.ctx.emit(view('running'));

            const runs: { output: string; exitCode: number }[] = [];
            for (const n of [3, 4]) {
                current = n;
                t = performance.now();
                updateStep(steps, n, { state: 'active' });
                this.ctx.emit(view('running'));
                this.ctx.log(`${this.cli()}    → POST /containers/create, attach, start, wait, DELETE`);
                const r = await runToCompletion(client, { image, cmd: WHY_COMMAND, lesson: 'why-docker' });
                runs.push({ output: r.output, exitCode: r.exitCode });
                output += `$ ${this.cli()}   # ${n - 2}\n${r.output}\n`;
                updateStep(steps, n, { state: r.exitCode === 0 ? 'done' : 'error', ms: since(t), detail: this.w('exit', r.exitCode) });
                this.ctx.emit(view('running'));
            }
            const [a, b] = runs.map((r) => parseWhyOutput(r.output));
            const contents = this.w('contents', a.binCount ?? 0, a.rootDirs ?? '—');
            facts.push({ label: this.w('insideOs'), value: a.osName ?? `${a.busybox ?? '—'} (${this.w('noOsRelease')})`, note: `${this.w('insideNote')} ${contents}` });
            facts.push({ label: this.w('same'), value: this.w(a.imageSide === b.imageSide ? 'identical' : 'different'), ok: a.imageSide === b.imageSide, note: this.w('sameNote') });
            if (a.kernel) {
                facts.push({ label: this.w('kernel'), value: a.kernel, ok: a.kernel === info.kernelVersion, note: this.w('kernelNote') });
            }
            if (a.arch) {
                facts.push({ label: this.w('arch'), value: a.arch, ok: a.arch === info.architecture, note: this.w('outsideNote') });
            }
            facts.push({ label: this.w('hostname'), value: `${a.hostname ?? '—'}, ${b.hostname ?? '—'}`, note: this.w('outsideNote') });
            findings = whyFindings({ host: { os: info.operatingSystem, kernel: info.kernelVersion, arch: info.architecture, name: info.name, runsInVm: info.runsInVm }, runs }, this.ctx.locale);
            const final = view(steps.some((s) => s.state === 'error') ? 'error' : 'done');
            this.ctx.emit(final);
            return final;
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            const final = view(this.ctx.signal.aborted ? 'idle' : 'error', { message: d.message, next: d.next });
            if (!(err.kind === 'cancelled' || this.ctx.signal.aborted)) {
                this.ctx.emit(final);
            }
            return final;
        }
    }
}
