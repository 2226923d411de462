/**
 * Lesson 4 live: a container is a process on the host's kernel, not a machine of its own.
 * Kernel release inside = the host's; its PID 1 has a host PID the host can see; it starts in
 * milliseconds; the image is megabytes.
 */
import * as fs from 'fs';
import { formatBytes } from '../../common/format';
import { classifyError } from '../../docker/errors';
import { engineKind } from '../../docker/engineKind';
import type { ConclusionView, FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { kernelFindings, parseCmdline, sameCommand } from './findings/sharedKernel';
import { DemoContext, ensureImage, LESSON_LABEL, since, updateStep, Words, removeThrowaway, RunButtonDemo } from './demo';

type Key =
    | 'intro'
    | 'run'
    | 'runAgain'
    | 's1'
    | 's2'
    | 's3'
    | 's4'
    | 's5'
    | 's6'
    | 'kernelHost'
    | 'kernelInside'
    | 'kernelSame'
    | 'kernelNote'
    | 'hostPid'
    | 'hostPidNote'
    | 'inTop'
    | 'inTopNote'
    | 'inTopPodman'
    | 'procSeen'
    | 'procNote'
    | 'procRemote'
    | 'startMs'
    | 'startNote'
    | 'imageSize'
    | 'imageNote'
    | 'vm'
    | 'cleanup';

const WORDS: Words<Key> = {
    en: {
        intro: 'Starts a small container, looks at it from inside and from the host, then removes it.',
        run: 'Start the demo',
        runAgain: 'Run it again',
        s1: 'Ask the daemon for the host kernel',
        s2: 'Create and start a container (timed)',
        s3: 'Ask the container for its kernel',
        s4: 'Find its main process on the host',
        s5: 'List its processes as the host sees them',
        s6: 'Stop and remove the demo container',
        kernelHost: 'Host kernel',
        kernelInside: 'Kernel inside the container',
        kernelSame: 'Same kernel',
        kernelNote: 'Compares `uname -r` inside with the kernel the engine reports.',
        hostPid: 'Host PID of the container\'s main process',
        hostPidNote: 'State.Pid from the engine: the number the engine\'s host knows this process by.',
        inTop: 'Listed by the host (docker top)',
        inTopNote: 'The daemon reads the host\'s process table; the container\'s process shows up there if the host can see it.',
        inTopPodman: 'Podman\'s top shows PIDs inside the container, not host PIDs: this check does not apply to Podman.',
        procSeen: 'This machine\'s /proc/{0}/cmdline',
        procNote: 'Checked against the demo\'s own command, `{0}`.',
        procRemote: 'The engine runs on another machine (or in a VM), so /proc is not checked from here.',
        startMs: 'Create + start took',
        startNote: 'From the create request to the start request\'s answer.',
        imageSize: 'Image size',
        imageNote: 'From GET /images/{name}/json.',
        vm: 'Your engine runs inside a virtual machine ({0}). The "host" in this demo is that Linux VM, not your computer\'s own OS.',
        cleanup: 'removed (docker run --rm)',
    },
    ko: {
        intro: '작은 컨테이너를 시작해서 안과 호스트 양쪽에서 살펴본 뒤 지웁니다.',
        run: '데모 시작',
        runAgain: '다시 실행하기',
        s1: '데몬에게 호스트 커널 묻기',
        s2: '컨테이너 만들고 시작하기 (시간 측정)',
        s3: '컨테이너에게 커널 묻기',
        s4: '호스트에서 메인 프로세스 찾기',
        s5: '호스트가 보는 프로세스 목록',
        s6: '데모 컨테이너 중지하고 지우기',
        kernelHost: '호스트 커널',
        kernelInside: '컨테이너 안의 커널',
        kernelSame: '같은 커널',
        kernelNote: '컨테이너 안의 `uname -r`과 엔진이 알려 준 커널을 비교합니다.',
        hostPid: '컨테이너 메인 프로세스의 호스트 PID',
        hostPidNote: '엔진이 알려 준 State.Pid: 엔진이 실행되는 호스트에서 이 프로세스의 번호입니다.',
        inTop: '호스트의 프로세스 목록 (docker top)',
        inTopNote: '데몬이 호스트의 프로세스 목록을 읽습니다. 컨테이너의 프로세스가 있으면 여기에 나옵니다.',
        inTopPodman: 'Podman의 top은 호스트 PID가 아니라 컨테이너 안의 PID를 보여 줍니다. 그래서 Podman에서는 이 확인을 하지 않습니다.',
        procSeen: '이 머신의 /proc/{0}/cmdline',
        procNote: '데모가 실행한 명령 `{0}`과(와) 비교했습니다.',
        procRemote: '엔진이 다른 머신(또는 가상 머신)에서 실행되므로 여기서 /proc은 확인하지 않습니다.',
        startMs: '만들고 시작하는 데 걸린 시간',
        startNote: 'create 요청부터 start 요청의 응답까지 걸린 시간입니다.',
        imageSize: '이미지 크기',
        imageNote: 'GET /images/{name}/json에서 읽은 값입니다.',
        vm: '엔진이 가상 머신({0}) 안에서 실행됩니다. 이 데모의 "호스트"는 내 컴퓨터의 OS가 아니라 그 리눅스 가상 머신입니다.',
        cleanup: '삭제함 (docker run --rm처럼)',
    },
};

/** The engine is on this machine when we talk to it over a local unix socket. */
function engineIsLocal(ctx: DemoContext): boolean {
    try {
        return ctx.client().endpoint.kind === 'unix';
    } catch {
        return false;
    }
}

const STEP_REMOVE = 6;
/** The demo container's command: what its host PID's cmdline must show. */
const SLEEP = ['sleep', '120'];

export class SharedKernelDemo extends RunButtonDemo<Key> {
    readonly id = 'vm.sharedKernel' as const;

    constructor(ctx: DemoContext) {
        super(ctx, WORDS, { intro: 'intro', run: 'run', again: 'runAgain' });
    }

    /** Public for tests: returns the final view. */
    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const steps: StepView[] = [
            { n: 1, title: this.w('s1'), call: 'GET /info', cli: 'docker info --format {{.KernelVersion}}', state: 'pending' },
            { n: 2, title: this.w('s2'), call: 'POST /containers/create, POST /containers/{id}/start', cli: `docker run -d ${image} sleep 120`, state: 'pending' },
            { n: 3, title: this.w('s3'), call: 'POST /containers/{id}/exec, POST /exec/{id}/start', cli: 'docker exec <id> uname -r', state: 'pending' },
            { n: 4, title: this.w('s4'), call: 'GET /containers/{id}/json', cli: "docker inspect --format '{{.State.Pid}}' <id>", state: 'pending' },
            { n: 5, title: this.w('s5'), call: 'GET /containers/{id}/top', cli: 'docker top <id>', state: 'pending' },
            { n: 6, title: this.w('s6'), call: 'POST /containers/{id}/kill, DELETE /containers/{id}', cli: 'docker rm -f <id>', state: 'pending' },
        ];
        const facts: FactView[] = [];
        let message = this.w('intro');
        let output = '';
        let findings: ConclusionView | undefined;
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}) => this.frame(state, { message, steps, facts, output, findings }, extra);
        let current = 1;
        let id: string | undefined;
        try {
            const client = this.ctx.client();
            let t = performance.now();
            updateStep(steps, 1, { state: 'active' });
            this.ctx.emit(view('running'));
            const info = await client.info(this.ctx.signal);
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: info.kernelVersion });
            facts.push({ label: this.w('kernelHost'), value: info.kernelVersion });
            if (info.runsInVm) {
                message = `${this.w('intro')} ${this.w('vm', info.operatingSystem)}`;
            }
            await ensureImage(client, image, this.ctx.signal);

            current = 2;
            updateStep(steps, 2, { state: 'active' });
            this.ctx.emit(view('running'));
            t = performance.now();
            const cid = await client.createContainer({ image, cmd: SLEEP, labels: { [LESSON_LABEL]: 'containers-vs-vms' } });
            id = cid;
            await client.startContainer(cid);
            const startMs = since(t);
            updateStep(steps, 2, { state: 'done', ms: startMs, detail: cid.slice(0, 12) });
            facts.push({ label: this.w('startMs'), value: `${startMs} ms`, note: this.w('startNote') });
            this.ctx.emit(view('running'));

            current = 3;
            t = performance.now();
            updateStep(steps, 3, { state: 'active' });
            const inside = (await client.execCapture(cid, ['uname', '-r'])).output.trim();
            updateStep(steps, 3, { state: 'done', ms: since(t), detail: inside });
            facts.push({ label: this.w('kernelInside'), value: inside });
            facts.push({ label: this.w('kernelSame'), value: inside === info.kernelVersion ? inside : `${inside} ≠ ${info.kernelVersion}`, ok: inside === info.kernelVersion, note: this.w('kernelNote') });
            this.ctx.emit(view('running'));

            current = 4;
            t = performance.now();
            updateStep(steps, 4, { state: 'active' });
            const details = await client.inspectContainer(cid);
            const pid = details.state.pid;
            updateStep(steps, 4, { state: 'done', ms: since(t), detail: `PID ${pid}` });
            facts.push({ label: this.w('hostPid'), value: String(pid), ok: pid > 1, note: this.w('hostPidNote') });
            const local = engineIsLocal(this.ctx) && !info.runsInVm;
            let cmdline: string[] | undefined;
            if (local) {
                try {
                    cmdline = parseCmdline(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
                } catch {
                    cmdline = undefined;
                }
                facts.push({ label: this.w('procSeen', pid), value: cmdline ? cmdline.join(' ') || '—' : '—', ok: !!cmdline && sameCommand(cmdline, SLEEP), note: this.w('procNote', SLEEP.join(' ')) });
            } else {
                facts.push({ label: this.w('procSeen', pid), value: '—', note: this.w('procRemote') });
            }
            this.ctx.emit(view('running'));

            current = 5;
            t = performance.now();
            updateStep(steps, 5, { state: 'active' });
            const top = await client.top(cid);
            const pidCol = top.titles.findIndex((x) => x.toUpperCase() === 'PID');
            const listed = top.processes.some((p) => Number(p[pidCol]) === pid);
            const podman = engineKind(client.endpoint, await client.version(this.ctx.signal)).product === 'podman';
            output = [top.titles.join('\t'), ...top.processes.map((p) => p.join('\t'))].join('\n');
            updateStep(steps, 5, { state: 'done', ms: since(t) });
            facts.push(
                podman && !listed
                    ? { label: this.w('inTop'), value: '—', note: this.w('inTopPodman') }
                    : { label: this.w('inTop'), value: listed ? `PID ${pid}` : '—', ok: listed, note: this.w('inTopNote') },
            );
            const img = await client.inspectImage(image);
            facts.push({ label: this.w('imageSize'), value: formatBytes(img.size), note: this.w('imageNote') });
            findings = kernelFindings(
                { hostKernel: info.kernelVersion, insideKernel: inside, local, runsInVm: info.runsInVm, engineOs: info.operatingSystem, pid, expected: SLEEP, cmdline, listedInTop: listed, topInContainerPids: podman, startMs, imageSize: img.size },
                this.ctx.locale,
            );
            this.ctx.emit(view('running'));
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            message = d.message;
            if (id) {
                await removeThrowaway(this.ctx, id, steps, STEP_REMOVE, this.w('cleanup'));
            }
            const final = view('error', { next: d.next });
            if (!this.ctx.signal.aborted) {
                this.ctx.emit(final);
            }
            return final;
        }
        await removeThrowaway(this.ctx, id!, steps, STEP_REMOVE, this.w('cleanup'));
        const final = view('done');
        this.ctx.emit(final);
        return final;
    }

}
