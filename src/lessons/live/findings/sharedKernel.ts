/**
 * containers-vs-vms: the kernel inside vs the host's, and whether the host PID the engine reports is
 * really the demo's process here (its /proc/<pid>/cmdline checked against the demo's own command).
 * Pure; no `vscode` import.
 */
import { formatBytes } from '../../../common/format';
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

/** `/proc/<pid>/cmdline` (NUL-separated) as the argv it holds. */
export function parseCmdline(raw: string): string[] {
    return raw.split('\0').filter((s) => s.length > 0);
}

/** Is this argv the demo's own command? Exactly the same arguments, the program by name or by path. */
export function sameCommand(argv: readonly string[], expected: readonly string[]): boolean {
    if (argv.length !== expected.length || !argv.length) {
        return false;
    }
    const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);
    return base(argv[0]) === base(expected[0]) && argv.slice(1).every((a, i) => a === expected[i + 1]);
}

export interface KernelResult {
    readonly hostKernel: string;
    readonly insideKernel: string;
    /** The engine is reached over a local socket and does not run in a VM: its PIDs are this machine's. */
    readonly local: boolean;
    readonly runsInVm: boolean;
    readonly engineOs: string;
    readonly pid: number;
    readonly expected: readonly string[];
    /** What this machine's /proc/<pid>/cmdline holds; undefined when it could not be read. */
    readonly cmdline?: readonly string[];
    readonly listedInTop: boolean;
    /** Podman: its `top` lists the container's processes by their PIDs inside the container, not the host's. */
    readonly topInContainerPids?: boolean;
    readonly startMs: number;
    readonly imageSize: number;
}

type Key = 'kernelSame' | 'kernelDiff' | 'kernelDiffWhy' | 'procOk' | 'procOther' | 'procOtherWhy' | 'procUnread' | 'procUnreadWhy' | 'procVm' | 'procRemote' | 'topOk' | 'topMissing' | 'topMissingWhy' | 'topPodman' | 'start' | 'image';

const W: Words<Key> = {
    en: {
        kernelSame: 'The kernel release inside the container, {0}, is exactly the host\'s: one kernel, shared.',
        kernelDiff: 'The kernel inside ({0}) is not the one the engine reports for its host ({1}).',
        kernelDiffWhy: 'Likely reason: the container runs under a sandboxed runtime with a kernel of its own (for example gVisor or Kata Containers), which is closer to a virtual machine.',
        procOk: 'On this machine, /proc/{0}/cmdline reads `{1}`: the demo\'s own command. The container\'s process is an ordinary host process, PID {0}.',
        procOther: 'On this machine, /proc/{0}/cmdline reads `{1}`, not the demo\'s `{2}`: PID {0} here is another process.',
        procOtherWhy: 'Likely reason: this editor and the engine see different PID namespaces (the editor runs in a container or a VM, or Docker is rootless), so the engine\'s PID numbers are not this machine\'s.',
        procUnread: 'Could not read /proc/{0}/cmdline on this machine, so PID {0} was not checked here.',
        procUnreadWhy: 'Likely reason: the editor runs in another PID namespace than the engine (a container, a VM, rootless Docker), or has no permission to read it.',
        procVm: 'The engine runs in a virtual machine ({0}), so PID {1} is a PID inside that VM: this machine\'s /proc was not checked.',
        procRemote: 'The engine is not on this machine, so PID {0} belongs to the engine\'s host: this machine\'s /proc was not checked.',
        topOk: '`docker top` lists PID {0} as well: the daemon found the container\'s process in its host\'s process table.',
        topMissing: '`docker top` did not list PID {0}.',
        topMissingWhy: 'Likely reason: the process ended before the list was read.',
        topPodman: 'This engine is Podman: its top lists the container\'s processes by the PIDs they have inside the container (the demo\'s command is PID 1 there), not by host PIDs, so the host PID {0} cannot be looked up in it. The host PID comes from the engine\'s inspect (State.Pid).',
        start: 'Creating and starting the container took {0} ms.',
        image: 'Its image is {0}: it carries no kernel.',
    },
    ko: {
        kernelSame: '컨테이너 안의 커널 릴리스 {0}은(는) 호스트의 것과 정확히 같습니다. 커널은 하나이고, 함께 씁니다.',
        kernelDiff: '컨테이너 안의 커널({0})이 엔진이 알려 준 호스트의 커널({1})과 다릅니다.',
        kernelDiffWhy: '가능한 이유: 자체 커널을 가진 샌드박스 런타임(예: gVisor, Kata Containers)에서 컨테이너가 실행됩니다. 이 경우는 가상 머신에 더 가깝습니다.',
        procOk: '이 머신의 /proc/{0}/cmdline 내용: `{1}`. 데모가 실행한 바로 그 명령입니다. 컨테이너의 프로세스는 호스트의 평범한 프로세스(PID {0})입니다.',
        procOther: '이 머신의 /proc/{0}/cmdline 내용: `{1}`. 데모의 명령(`{2}`)과 다르므로, 여기서 PID {0}은(는) 다른 프로세스입니다.',
        procOtherWhy: '가능한 이유: 이 편집기와 엔진이 서로 다른 PID 네임스페이스를 봅니다(편집기가 컨테이너나 가상 머신에서 실행되거나, 도커가 rootless 모드). 그래서 엔진의 PID 번호가 이 머신의 번호와 다릅니다.',
        procUnread: '이 머신에서 /proc/{0}/cmdline을 읽지 못해 PID {0}을(를) 여기서 확인하지 못했습니다.',
        procUnreadWhy: '가능한 이유: 편집기가 엔진과 다른 PID 네임스페이스(컨테이너, 가상 머신, rootless 도커)에서 실행되거나, 읽을 권한이 없습니다.',
        procVm: '엔진이 가상 머신({0}) 안에서 실행되므로 PID {1}은(는) 그 가상 머신 안의 PID입니다. 이 머신의 /proc은 확인하지 않았습니다.',
        procRemote: '엔진이 이 머신에 있지 않으므로 PID {0}은(는) 엔진이 실행되는 호스트의 PID입니다. 이 머신의 /proc은 확인하지 않았습니다.',
        topOk: '`docker top`에도 PID {0}이(가) 나옵니다. 데몬이 호스트의 프로세스 목록에서 컨테이너의 프로세스를 찾았습니다.',
        topMissing: '`docker top`에 PID {0}이(가) 나오지 않았습니다.',
        topMissingWhy: '가능한 이유: 목록을 읽기 전에 프로세스가 끝났습니다.',
        topPodman: '이 엔진은 Podman입니다. Podman의 top은 컨테이너의 프로세스를 호스트 PID가 아니라 컨테이너 안의 PID로 보여 줍니다(데모의 명령은 거기서 PID 1입니다). 그래서 호스트 PID {0}은(는) 그 목록에서 찾을 수 없습니다. 호스트 PID는 엔진의 inspect(State.Pid)에서 가져옵니다.',
        start: '컨테이너를 만들고 시작하는 데 {0} ms 걸렸습니다.',
        image: '이미지 크기: {0}. 이미지에 커널은 들어 있지 않습니다.',
    },
};

export function kernelFindings(r: KernelResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    points.push(r.insideKernel === r.hostKernel ? { state: 'held', text: w('kernelSame', r.insideKernel) } : { state: 'surprise', text: w('kernelDiff', r.insideKernel, r.hostKernel), why: w('kernelDiffWhy') });
    const expected = r.expected.join(' ');
    if (r.runsInVm) {
        points.push({ state: 'note', text: w('procVm', r.engineOs, r.pid) });
    } else if (!r.local) {
        points.push({ state: 'note', text: w('procRemote', r.pid) });
    } else if (!r.cmdline) {
        points.push({ state: 'surprise', text: w('procUnread', r.pid), why: w('procUnreadWhy') });
    } else if (sameCommand(r.cmdline, r.expected)) {
        points.push({ state: 'held', text: w('procOk', r.pid, r.cmdline.join(' ')) });
    } else {
        points.push({ state: 'surprise', text: w('procOther', r.pid, r.cmdline.join(' ') || '—', expected), why: w('procOtherWhy') });
    }
    if (r.topInContainerPids && !r.listedInTop) {
        points.push({ state: 'note', text: w('topPodman', r.pid) });
    } else {
        points.push(r.listedInTop ? { state: 'held', text: w('topOk', r.pid) } : { state: 'surprise', text: w('topMissing', r.pid), why: w('topMissingWhy') });
    }
    points.push({ state: 'note', text: w('start', r.startMs) }, { state: 'note', text: w('image', formatBytes(r.imageSize)) });
    return findingsView(points, locale);
}
