/** Lesson 6 live: the same facts seen from inside one container and from the host. */
import * as fs from 'fs';
import * as os from 'os';
import { classifyError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, StepView, TableView } from '../../protocol/panelProtocol';
import { nsFindings, parseNsPid, psPidOf, topPidOf } from './findings/namespaces';
import { DemoContext, ensureImage, LESSON_LABEL, since, updateStep, Words, removeThrowaway, RunButtonDemo } from './demo';

type Key =
    | 'intro'
    | 'run'
    | 'runAgain'
    | 's1'
    | 's2'
    | 's3'
    | 's4'
    | 'caption'
    | 'what'
    | 'outside'
    | 'inside'
    | 'differs'
    | 'hostname'
    | 'pid1'
    | 'pidNumber'
    | 'ifaces'
    | 'ns'
    | 'yes'
    | 'no'
    | 'unknown'
    | 'remote'
    | 'psNote'
    | 'cleanup';

const WORDS: Words<Key> = {
    en: {
        intro: 'Starts one container and asks the same questions inside it and on the host, then removes it.',
        run: 'Start the demo',
        runAgain: 'Run it again',
        s1: 'Start a container',
        s2: 'Ask inside: hostname, processes, network interfaces, namespace ids',
        s3: 'Ask outside: the host\'s view of the same things',
        s4: 'Stop and remove the demo container',
        caption: 'Inside vs outside (each row names the namespace it tests; the PID namespace has two rows)',
        what: 'Question',
        outside: 'Outside (host)',
        inside: 'Inside the container',
        differs: 'Different?',
        hostname: 'Host name (UTS namespace)',
        pid1: 'PID 1 is… (PID namespace)',
        pidNumber: 'The demo\'s process, by number (PID namespace)',
        ifaces: 'Network interfaces (network namespace)',
        ns: '{0} namespace id',
        yes: 'yes',
        no: 'no',
        unknown: 'not readable from here',
        remote: 'The engine runs on another machine or in a VM, so the host side is what the daemon reports.',
        psNote: 'From `ps` inside the container.',
        cleanup: 'removed (docker run --rm)',
    },
    ko: {
        intro: '컨테이너 하나를 시작하고, 같은 질문을 안과 호스트에서 해 본 뒤 지웁니다.',
        run: '데모 시작',
        runAgain: '다시 실행하기',
        s1: '컨테이너 시작',
        s2: '안에서 묻기: 호스트 이름, 프로세스, 네트워크 인터페이스, 네임스페이스 ID',
        s3: '밖에서 묻기: 같은 것을 호스트에서 본 모습',
        s4: '데모 컨테이너 중지하고 지우기',
        caption: '안과 밖 (각 줄에 확인하는 네임스페이스가 적혀 있음. PID 네임스페이스는 두 줄)',
        what: '질문',
        outside: '밖 (호스트)',
        inside: '컨테이너 안',
        differs: '다른가요?',
        hostname: '호스트 이름 (UTS 네임스페이스)',
        pid1: 'PID 1은… (PID 네임스페이스)',
        pidNumber: '데모 프로세스의 번호 (PID 네임스페이스)',
        ifaces: '네트워크 인터페이스 (네트워크 네임스페이스)',
        ns: '{0} 네임스페이스 ID',
        yes: '예',
        no: '아니요',
        unknown: '여기서 읽을 수 없음',
        remote: '엔진이 다른 머신이나 가상 머신에서 실행되므로, 호스트 쪽은 데몬이 알려 준 값입니다.',
        psNote: '컨테이너 안의 `ps`에서 읽었습니다.',
        cleanup: '삭제함 (docker run --rm처럼)',
    },
};

/** Everything we ask inside, in one exec: markers make the output easy to split. */
export const INSIDE_CMD = [
    'sh',
    '-c',
    'echo "@hostname"; hostname; echo "@ps"; ps -o pid,comm 2>/dev/null || ps; echo "@ifaces"; tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " "; echo "@ns"; for n in pid uts mnt net; do echo "$n $(readlink /proc/1/ns/$n)"; done',
];

export function parseInside(output: string): { hostname: string; ps: string; pid1: string; ifaces: string[]; ns: Record<string, string> } {
    const sections: Record<string, string[]> = {};
    let cur = '';
    for (const line of output.split('\n')) {
        const m = /^@(\w+)$/.exec(line.trim());
        if (m) {
            cur = m[1];
            sections[cur] = [];
        } else if (cur && line.trim()) {
            sections[cur].push(line.trimEnd());
        }
    }
    const ps = sections.ps ?? [];
    const pid1 = ps.map((l) => l.trim().split(/\s+/)).find((cols) => cols[0] === '1');
    const ns: Record<string, string> = {};
    for (const l of sections.ns ?? []) {
        const [k, v] = l.trim().split(/\s+/, 2);
        if (k && v) {
            ns[k] = v;
        }
    }
    return { hostname: (sections.hostname ?? [''])[0].trim(), ps: ps.join('\n'), pid1: pid1 ? pid1.slice(1).join(' ') : '', ifaces: (sections.ifaces ?? []).map((s) => s.trim()).filter(Boolean), ns };
}

const STEP_REMOVE = 4;

export class NamespacesDemo extends RunButtonDemo<Key> {
    readonly id = 'ns.insideOutside' as const;

    constructor(ctx: DemoContext) {
        super(ctx, WORDS, { intro: 'intro', run: 'run', again: 'runAgain' });
    }

    /** Public for tests: the final view. */
    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const steps: StepView[] = [
            { n: 1, title: this.w('s1'), call: 'POST /containers/create, POST /containers/{id}/start', cli: `docker run -d --network none ${image} sleep 120`, state: 'pending' },
            { n: 2, title: this.w('s2'), call: 'POST /containers/{id}/exec, POST /exec/{id}/start', cli: 'docker exec <id> sh -c "hostname; ps; cat /proc/net/dev; readlink /proc/1/ns/*"', state: 'pending' },
            { n: 3, title: this.w('s3'), call: 'GET /info, GET /containers/{id}/json', cli: "hostname; docker inspect --format '{{.State.Pid}}' <id>; readlink /proc/<pid>/ns/*", state: 'pending' },
            { n: 4, title: this.w('s4'), call: 'POST /containers/{id}/kill, DELETE /containers/{id}', cli: 'docker rm -f <id>', state: 'pending' },
        ];
        const facts: FactView[] = [];
        const tables: TableView[] = [];
        let output = '';
        let message = this.w('intro');
        let findings: ConclusionView | undefined;
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}) => this.frame(state, { message, steps, facts, tables, output, findings }, extra);
        let current = 1;
        let id: string | undefined;
        try {
            const client = this.ctx.client();
            await ensureImage(client, image, this.ctx.signal);
            let t = performance.now();
            updateStep(steps, 1, { state: 'active' });
            this.ctx.emit(view('running'));
            const cid = await client.createContainer({ image, cmd: ['sleep', '120'], networkNone: true, labels: { [LESSON_LABEL]: 'namespaces' } });
            id = cid;
            await client.startContainer(cid);
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: cid.slice(0, 12) });

            current = 2;
            t = performance.now();
            updateStep(steps, 2, { state: 'active' });
            this.ctx.emit(view('running'));
            const inside = parseInside((await client.execCapture(cid, INSIDE_CMD)).output);
            output = inside.ps;
            updateStep(steps, 2, { state: 'done', ms: since(t) });

            current = 3;
            t = performance.now();
            updateStep(steps, 3, { state: 'active' });
            this.ctx.emit(view('running'));
            const [info, details] = await Promise.all([client.info(this.ctx.signal), client.inspectContainer(cid)]);
            const pid = details.state.pid;
            const local = client.endpoint.kind === 'unix' && !info.runsInVm;
            // a remote engine's host files are not this machine's: its own process list is the evidence instead
            let top: { pid?: number; insidePid?: number } | undefined;
            if (!local) {
                updateStep(steps, 3, { call: 'GET /info, GET /containers/{id}/json, GET /containers/{id}/top', cli: "docker info --format '{{.Name}}'; docker inspect --format '{{.State.Pid}}' <id>; docker top <id>" });
                // a failing /top leaves only State.Pid (the finding says so), not a failed demo
                const listed = await client.top(cid).catch(() => undefined);
                top = { pid: listed ? topPidOf(listed, 'sleep') : undefined, insidePid: psPidOf(inside.ps, 'sleep') };
            }
            const readNs = (p: string, n: string) => {
                try {
                    return fs.readlinkSync(`/proc/${p}/ns/${n}`);
                } catch {
                    return undefined;
                }
            };
            const readText = (file: string) => {
                try {
                    return fs.readFileSync(file, 'utf8');
                } catch {
                    return undefined;
                }
            };
            // read, not assumed: this machine's PID 1, and the demo process's number in each PID namespace
            const hostInit = local ? readText('/proc/1/comm')?.trim() : undefined;
            const nsPid = local ? parseNsPid(readText(`/proc/${pid}/status`) ?? '') : undefined;
            const insideNumber = nsPid && nsPid.length > 1 ? nsPid[nsPid.length - 1] : psPidOf(inside.ps, 'sleep');
            const outsideIfaces = local ? Object.keys(os.networkInterfaces()) : [];
            const differs = (a: string | undefined, b: string | undefined) => (a && b ? (a !== b ? this.w('yes') : this.w('no')) : '—');
            const rows: string[][] = [
                [this.w('hostname'), info.name, inside.hostname, differs(info.name, inside.hostname)],
                [this.w('pid1'), hostInit ?? (local ? '—' : this.w('unknown')), inside.pid1, differs(hostInit, inside.pid1)],
                [this.w('pidNumber'), String(pid), insideNumber !== undefined ? String(insideNumber) : '—', insideNumber !== undefined ? differs(String(pid), String(insideNumber)) : '—'],
                [this.w('ifaces'), local ? outsideIfaces.join(', ') : this.w('unknown'), inside.ifaces.join(', '), local ? differs([...outsideIfaces].sort().join(), [...inside.ifaces].sort().join()) : '—'],
            ];
            for (const n of ['pid', 'uts', 'mnt', 'net']) {
                // outside: this VS Code process's namespaces (the host's); inside: the container's PID 1
                const out = local ? readNs('self', n) : undefined;
                const inn = inside.ns[n] || (local ? readNs(String(pid), n) : undefined);
                rows.push([this.w('ns', n), out ?? this.w('unknown'), inn ?? this.w('unknown'), differs(out, inn)]);
            }
            tables.push({ caption: this.w('caption'), columns: [this.w('what'), this.w('outside'), this.w('inside'), this.w('differs')], rows });
            facts.push({ label: this.w('pid1'), value: inside.pid1 || '?', note: this.w('psNote') });
            const nsRows = ['pid', 'uts', 'mnt', 'net'].map((kind) => ({ kind, outside: local ? readNs('self', kind) : undefined, inside: inside.ns[kind] || (local ? readNs(String(pid), kind) : undefined) }));
            findings = nsFindings(
                {
                    local,
                    hostPid: pid,
                    hostInit,
                    expected: 'sleep',
                    insidePid1: inside.pid1,
                    nsPid,
                    hostname: { outside: info.name, inside: inside.hostname },
                    ifaces: { outside: local ? outsideIfaces : undefined, inside: inside.ifaces },
                    ns: nsRows,
                    top,
                },
                this.ctx.locale,
            );
            if (!local) {
                message = `${this.w('intro')} ${this.w('remote')}`;
            }
            updateStep(steps, 3, { state: 'done', ms: since(t) });
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
        await removeThrowaway(this.ctx, id, steps, STEP_REMOVE, this.w('cleanup'));
        const final = view('done');
        this.ctx.emit(final);
        return final;
    }

}
