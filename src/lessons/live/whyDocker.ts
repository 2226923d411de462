/** Lesson 1 live: the same image reports the same environment every time, whatever the host is. */
import { shellQuote } from '../../docker/cli';
import { classifyError } from '../../docker/errors';
import type { FactView, LiveView, StepView } from '../../panels/protocol';
import { Demo, DemoContext, ensureImage, runToCompletion, since, updateStep, Words, wordsFor } from './demo';

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
    | 'same'
    | 'sameNote'
    | 'kernel'
    | 'kernelNote'
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
        insideOs: 'Inside the container',
        insideNote: 'What the image carries with it: its own files, whatever the host is.',
        noOsRelease: '(this minimal image has no /etc/os-release: it carries only what it needs)',
        same: 'Same output both times',
        sameNote: 'The environment travels inside the image, so every run sees the same thing.',
        kernel: 'Kernel inside the container',
        kernelNote: 'This one comes from the host: containers share the host\'s kernel.',
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
        hostOs: '호스트가 알려 준 것',
        hostNote: '데몬(GET /info)이 알려 준, 도커가 실행되는 머신입니다.',
        insideOs: '컨테이너 안',
        insideNote: '이미지가 함께 가져온 것: 호스트가 무엇이든 이미지 자신의 파일입니다.',
        noOsRelease: '(이 최소 이미지에는 /etc/os-release가 없습니다: 꼭 필요한 것만 담았습니다)',
        same: '두 번 모두 같은 출력',
        sameNote: '실행 환경이 이미지 안에 담겨 있어서, 실행할 때마다 같은 것을 봅니다.',
        kernel: '컨테이너 안의 커널',
        kernelNote: '이것만은 호스트에서 옵니다: 컨테이너는 호스트의 커널을 공유합니다.',
        local: '이미 엔진에 있음',
        pulled: '레지스트리에서 가져옴',
        exit: '종료 코드 {0}',
        identical: '한 글자도 다르지 않음',
        different: '다름',
    },
};

/** Prints the image's own OS description (or says there is none) and the kernel release. */
export const WHY_COMMAND = ['sh', '-c', 'if [ -r /etc/os-release ]; then cat /etc/os-release; else echo NO_OS_RELEASE; fi; echo "KERNEL=$(uname -r)"'];

export function parseWhyOutput(output: string): { osName?: string; kernel?: string; noOsRelease: boolean } {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(output)?.[1];
    const name = /^NAME="?([^"\n]*)"?$/m.exec(output)?.[1];
    return { osName: pretty || name, kernel: /^KERNEL=(.*)$/m.exec(output)?.[1]?.trim(), noOsRelease: /^NO_OS_RELEASE$/m.test(output) };
}

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

    private async run(): Promise<void> {
        const image = this.ctx.settings.shellImage;
        const steps: StepView[] = [
            { n: 1, title: this.w('stepInfo'), call: 'GET /info', cli: 'docker info', state: 'pending' },
            { n: 2, title: this.w('stepImage'), call: 'GET /images/{name}/json, POST /images/create', cli: `docker pull ${image}`, state: 'pending' },
            { n: 3, title: this.w('stepRun1'), call: 'POST /containers/create, POST /containers/{id}/attach, POST /containers/{id}/start, POST /containers/{id}/wait, DELETE /containers/{id}', cli: this.cli(), state: 'pending' },
            { n: 4, title: this.w('stepRun2'), call: 'POST /containers/create, POST /containers/{id}/attach, POST /containers/{id}/start, POST /containers/{id}/wait, DELETE /containers/{id}', cli: this.cli(), state: 'pending' },
        ];
        let output = '';
        const facts: FactView[] = [];
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}): LiveView => ({
            demo: this.id,
            state,
            message: this.w('intro', image),
            steps: [...steps],
            facts: [...facts],
            output,
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
            facts.push({ label: this.w('hostOs'), value: `${info.operatingSystem} (${info.osType}/${info.architecture})`, note: this.w('hostNote') });
            this.ctx.emit(view('running'));

            current = 2;
            t = performance.now();
            updateStep(steps, 2, { state: 'active' });
            this.ctx.emit(view('running'));
            const how = await ensureImage(client, image, this.ctx.signal);
            updateStep(steps, 2, { state: how === 'local' ? 'skipped' : 'done', ms: since(t), detail: this.w(how === 'local' ? 'local' : 'pulled') });
            this.ctx.emit(view('running'));

            const outputs: string[] = [];
            for (const n of [3, 4]) {
                current = n;
                t = performance.now();
                updateStep(steps, n, { state: 'active' });
                this.ctx.emit(view('running'));
                this.ctx.log(`${this.cli()}    → POST /containers/create, attach, start, wait, DELETE`);
                const r = await runToCompletion(client, { image, cmd: WHY_COMMAND, lesson: 'why-docker' });
                outputs.push(r.output);
                output += `$ ${this.cli()}   # ${n - 2}\n${r.output}\n`;
                updateStep(steps, n, { state: r.exitCode === 0 ? 'done' : 'error', ms: since(t), detail: this.w('exit', r.exitCode) });
                this.ctx.emit(view('running'));
            }
            const parsed = parseWhyOutput(outputs[0]);
            facts.push({ label: this.w('insideOs'), value: parsed.osName ?? this.w('noOsRelease'), note: this.w('insideNote') });
            const same = outputs[0] === outputs[1];
            facts.push({ label: this.w('same'), value: this.w(same ? 'identical' : 'different'), ok: same, note: this.w('sameNote') });
            if (parsed.kernel) {
                facts.push({ label: this.w('kernel'), value: parsed.kernel, ok: parsed.kernel === info.kernelVersion, note: this.w('kernelNote') });
            }
            this.ctx.emit(view(steps.some((s) => s.state === 'error') ? 'error' : 'done'));
        } catch (e) {
            const err = classifyError(e);
            if (err.kind === 'cancelled' || this.ctx.signal.aborted) {
                return;
            }
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            this.ctx.emit(view('error', { message: d.message, next: d.next }));
        }
    }
}
