/**
 * cgroups: what the OOM run and the limited container really showed: how the container ended, the
 * host's available memory measured around it (when the engine is on this machine), and the limits
 * read back from the kernel next to live usage. Pure; no `vscode` import.
 */
import { formatMemory, isNoMemoryLimit } from '../../../common/format';
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

/** MemAvailable from /proc/meminfo, in bytes; undefined when it is not there. */
export function parseMemAvailable(meminfo: string): number | undefined {
    const kb = /^MemAvailable:\s+(\d+)\s*kB/m.exec(meminfo)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
}

export interface OomResult {
    readonly limit: number;
    readonly exitCode: number;
    readonly oomKilled: boolean;
    readonly ranMs: number;
    /** Where the engine runs, which decides whether this machine's memory is the host's. */
    readonly where: 'local' | 'vm' | 'remote';
    readonly engineOs?: string;
    /** Podman's Docker API leaves State.OOMKilled false even when the kernel's OOM killer ended the container. */
    readonly podman?: boolean;
    /** This machine's MemAvailable before the start, at its lowest while waiting, and after (local only). */
    readonly host?: { readonly before: number; readonly lowest: number; readonly after: number };
}

type OomKey = 'oomPodman' | 'oomHeld' | 'oomOtherExit' | 'oomOtherExitWhy' | 'notKilled' | 'notKilledWhy' | 'ran' | 'hostFine' | 'hostLow' | 'hostLowWhy' | 'hostVm' | 'hostRemote' | 'hostUnread';

const OW: Words<OomKey> = {
    en: {
        oomPodman: 'Exit code 137 (128 + 9, SIGKILL) at the {0} limit. This engine is Podman, whose Docker API does not report OOMKilled (it stays false), so the exit code is the evidence here: the kernel\'s OOM killer ended the container\'s PID 1.',
        oomHeld: 'Exit code 137 (128 + 9, SIGKILL) and OOMKilled true: the container\'s cgroup reached its {0} limit, the kernel could not reclaim enough memory in it, and its OOM killer killed a process in that cgroup. That process was the container\'s PID 1, so the container ended.',
        oomOtherExit: 'OOMKilled is true, but the exit code is {0}, not 137.',
        oomOtherExitWhy: 'Likely reason: the OOM killer killed another process in the container\'s cgroup, and PID 1 then ended on its own.',
        notKilled: 'OOMKilled is false and the exit code is {0}: the {1} memory limit did not end this container.',
        notKilledWhy: 'Likely reason: this engine does not enforce memory limits (the cgroup memory controller is off, as on some cgroup v1 kernels without cgroup_enable=memory, or swap let it go on), or the program ended for another reason.',
        ran: 'It ran {0} ms before it ended.',
        hostFine: 'This machine\'s available memory (MemAvailable in /proc/meminfo): {0} before, {1} at the lowest while the container ran, {2} after. The host always had far more free than the {3} the container was allowed: its limit ended it, not a shortage on the host.',
        hostLow: 'This machine\'s available memory fell as low as {0} while the container ran (before: {1}, after: {2}).',
        hostLowWhy: 'Likely reason: other programs on this machine use most of its memory; the host may have been short of memory itself.',
        hostVm: 'The engine runs in a virtual machine ({0}), so the host\'s memory was not measured from here.',
        hostRemote: 'The engine is not on this machine, so the host\'s memory was not measured from here.',
        hostUnread: 'This machine\'s /proc/meminfo could not be read, so the host\'s memory was not measured.',
    },
    ko: {
        oomPodman: '메모리 제한 {0}에서 종료 코드 137(128 + 9, SIGKILL). 이 엔진은 Podman이고, Podman의 Docker API는 OOMKilled를 알려 주지 않습니다(항상 false). 그래서 여기서는 종료 코드가 증거입니다. 커널의 OOM killer가 컨테이너의 PID 1을 종료했습니다.',
        oomHeld: '종료 코드 137(128 + 9, SIGKILL), OOMKilled true: 컨테이너의 Cgroup이 메모리 제한 {0}에 도달했고, 커널이 그 안에서 메모리를 충분히 회수하지 못하자 OOM killer가 그 Cgroup의 프로세스 하나를 종료했습니다. 그 프로세스가 컨테이너의 PID 1이었기 때문에 컨테이너가 끝났습니다.',
        oomOtherExit: 'OOMKilled는 true인데 종료 코드가 137이 아닙니다: {0}',
        oomOtherExitWhy: '가능한 이유: OOM killer가 컨테이너 Cgroup의 다른 프로세스를 종료했고, 그 뒤에 PID 1이 스스로 끝났습니다.',
        notKilled: 'OOMKilled가 false이고 종료 코드는 {0}입니다. 메모리 제한({1})으로 이 컨테이너가 끝나지 않았습니다.',
        notKilledWhy: '가능한 이유: 이 엔진이 메모리 제한을 적용하지 않거나(cgroup_enable=memory 없이 부팅한 일부 Cgroup v1 커널처럼 메모리 컨트롤러가 꺼져 있음, 또는 스왑으로 계속 실행됨), 프로그램이 다른 이유로 끝났습니다.',
        ran: '끝나기까지 {0} ms 동안 실행되었습니다.',
        hostFine: '이 머신의 사용 가능한 메모리(/proc/meminfo의 MemAvailable): 시작 전 {0}, 실행 중 가장 낮을 때 {1}, 끝난 뒤 {2}. 호스트에는 컨테이너에 허용한 {3}보다 훨씬 많은 메모리가 늘 남아 있었습니다. 컨테이너를 끝낸 것은 호스트의 메모리 부족이 아니라 컨테이너의 제한입니다.',
        hostLow: '컨테이너가 실행되는 동안 이 머신의 사용 가능한 메모리가 {0}까지 내려갔습니다(시작 전 {1}, 끝난 뒤 {2}).',
        hostLowWhy: '가능한 이유: 이 머신의 다른 프로그램이 메모리 대부분을 쓰고 있어서, 호스트 자체의 메모리도 모자랐을 수 있습니다.',
        hostVm: '엔진이 가상 머신({0}) 안에서 실행되므로 호스트의 메모리는 여기서 측정하지 않았습니다.',
        hostRemote: '엔진이 이 머신에 있지 않으므로 호스트의 메모리는 여기서 측정하지 않았습니다.',
        hostUnread: '이 머신의 /proc/meminfo를 읽지 못해 호스트의 메모리는 측정하지 않았습니다.',
    },
};

/** Whole MiB: precise enough to see the host's memory move by a few MiB. */
function mib(bytes: number): string {
    return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

export function oomFindings(r: OomResult, locale: Locale): ConclusionView {
    const w = wordsFor(OW, locale);
    const limit = formatMemory(r.limit);
    const points: Point[] = [];
    if (r.oomKilled && r.exitCode === 137) {
        points.push({ state: 'held', text: w('oomHeld', limit) });
    } else if (!r.oomKilled && r.exitCode === 137 && r.podman) {
        points.push({ state: 'held', text: w('oomPodman', limit) });
    } else if (r.oomKilled) {
        points.push({ state: 'surprise', text: w('oomOtherExit', r.exitCode), why: w('oomOtherExitWhy') });
    } else {
        points.push({ state: 'surprise', text: w('notKilled', r.exitCode, limit), why: w('notKilledWhy') });
    }
    points.push({ state: 'note', text: w('ran', r.ranMs) });
    if (r.where === 'vm') {
        points.push({ state: 'note', text: w('hostVm', r.engineOs ?? '') });
    } else if (r.where === 'remote') {
        points.push({ state: 'note', text: w('hostRemote') });
    } else if (!r.host) {
        points.push({ state: 'note', text: w('hostUnread') });
    } else if (r.host.lowest >= 2 * r.limit) {
        points.push({ state: 'held', text: w('hostFine', mib(r.host.before), mib(r.host.lowest), mib(r.host.after), limit) });
    } else {
        points.push({ state: 'surprise', text: w('hostLow', mib(r.host.lowest), mib(r.host.before), mib(r.host.after)), why: w('hostLowWhy') });
    }
    return findingsView(points, locale);
}

export interface LimitsResult {
    /** CPUs allowed (0.5), 0 for none. */
    readonly cpuLimit: number;
    /** Percent of one CPU, once two samples could be compared. */
    readonly cpuPercent?: number;
    /** Bytes set in HostConfig.Memory (0: none) and what the kernel's cgroup file holds. */
    readonly memorySet: number;
    readonly kernelLimit?: { readonly value: string; readonly file: string };
    readonly pidsLimit: number;
    readonly pids?: number;
    /** The OCI runtime the engine reports (GET /info DefaultRuntime); empty when it does not say. */
    readonly runtime?: string;
}

type LimitKey = 'cpuHeld' | 'cpuNear' | 'cpuOver' | 'cpuOverWhy' | 'memHeld' | 'memHeldAnyRuntime' | 'memDiff' | 'memNone' | 'memDiffWhy' | 'pidsHeld' | 'pidsOver';

const LW: Words<LimitKey> = {
    en: {
        cpuHeld: 'CPU: {0} % of one CPU, within its limit of {1} %. The loop would take a whole CPU without it.',
        cpuNear: 'CPU: {0} % of one CPU, a little over its limit of {1} %, and far below the whole CPU the loop would take without it. The kernel holds the limit per scheduling period (100 ms by default); a sample\'s window does not line up with those periods, so one sample can read slightly over.',
        cpuOver: 'CPU: {0} % of one CPU, above its limit of {1} %.',
        cpuOverWhy: 'Likely reason: this engine does not enforce CPU limits (no cgroup cpu controller), or the sample is from before the limit took effect.',
        memHeld: 'The kernel\'s own memory limit for this cgroup ({0}) is {1} bytes: exactly what the engine was asked for. The runtime ({2}) wrote it there.',
        memHeldAnyRuntime: 'The kernel\'s own memory limit for this cgroup ({0}) is {1} bytes: exactly what the engine was asked for. The container runtime wrote it there.',
        memDiff: 'The kernel\'s memory limit ({0}) is {1}, but {2} bytes were set.',
        memNone: 'The kernel\'s memory file ({0}) says no limit, but {1} bytes were set.',
        memDiffWhy: 'Likely reason: the limit was changed later (docker update), the engine rounds it to whole memory pages, or the file read is not the one this cgroup version uses (v1: memory.limit_in_bytes, v2: memory.max).',
        pidsHeld: 'Processes: {0}, within the limit of {1}.',
        pidsOver: 'Processes: {0}, above the limit of {1}.',
    },
    ko: {
        cpuHeld: 'CPU: CPU 하나의 {0} %로, 제한 {1} % 안에 있습니다. 제한이 없다면 이 루프는 CPU 하나를 통째로 씁니다.',
        cpuNear: 'CPU: CPU 하나의 {0} %로, 제한 {1} %를 조금 넘었지만 제한이 없을 때 이 루프가 쓰는 CPU 하나 전체보다는 훨씬 적습니다. 커널은 스케줄링 주기(기본 100 ms)마다 제한을 적용하는데, 측정 구간이 이 주기와 딱 맞지 않아 한 번의 측정값은 제한보다 조금 높게 나올 수 있습니다.',
        cpuOver: 'CPU: CPU 하나의 {0} %로, 제한 {1} %를 넘었습니다.',
        cpuOverWhy: '가능한 이유: 이 엔진이 CPU 제한을 적용하지 않거나(Cgroup cpu 컨트롤러가 없음), 제한이 적용되기 전의 측정값입니다.',
        memHeld: '이 Cgroup에 대해 커널이 가진 메모리 제한({0})은 {1} 바이트로, 엔진에 요청한 값과 정확히 같습니다. 런타임({2})이 이 값을 기록했습니다.',
        memHeldAnyRuntime: '이 Cgroup에 대해 커널이 가진 메모리 제한({0})은 {1} 바이트로, 엔진에 요청한 값과 정확히 같습니다. 컨테이너 런타임이 이 값을 기록했습니다.',
        memDiff: '커널의 메모리 제한({0})은 {1}인데, 설정한 값은 {2} 바이트입니다.',
        memNone: '커널의 메모리 파일({0})에는 제한이 없는데, 설정한 값은 {1} 바이트입니다.',
        memDiffWhy: '가능한 이유: 나중에 제한을 바꾸었거나(docker update), 엔진이 메모리 페이지 단위로 맞추었거나, 읽은 파일이 이 Cgroup 버전의 파일이 아닙니다(v1: memory.limit_in_bytes, v2: memory.max).',
        pidsHeld: '프로세스: {0}개, 제한 {1}개 안에 있습니다.',
        pidsOver: '프로세스: {0}개로, 제한 {1}개를 넘었습니다.',
    },
};

/** Findings for a container with limits; undefined when nothing can be checked yet. */
export function limitsFindings(r: LimitsResult, locale: Locale): ConclusionView | undefined {
    const w = wordsFor(LW, locale);
    const points: Point[] = [];
    if (r.cpuLimit > 0 && r.cpuPercent !== undefined) {
        const max = r.cpuLimit * 100;
        const pct = r.cpuPercent.toFixed(1);
        // compared as shown: 50.04 % is "50.0 %", within a 50 % limit, not "a little over" it
        const shown = Number(pct);
        // a sample can run a little over: the kernel enforces the quota per period
        points.push(
            shown <= max
                ? { state: 'held', text: w('cpuHeld', pct, Math.round(max)) }
                : shown <= max * 1.15 + 2
                  ? { state: 'held', text: w('cpuNear', pct, Math.round(max)) }
                  : { state: 'surprise', text: w('cpuOver', pct, Math.round(max)), why: w('cpuOverWhy') },
        );
    }
    if (r.memorySet > 0 && r.kernelLimit) {
        points.push(
            r.kernelLimit.value === String(r.memorySet)
                ? { state: 'held', text: r.runtime ? w('memHeld', r.kernelLimit.file, r.kernelLimit.value, r.runtime) : w('memHeldAnyRuntime', r.kernelLimit.file, r.kernelLimit.value) }
                : {
                      state: 'surprise',
                      text: isNoMemoryLimit(r.kernelLimit.value) ? w('memNone', r.kernelLimit.file, r.memorySet) : w('memDiff', r.kernelLimit.file, r.kernelLimit.value, r.memorySet),
                      why: w('memDiffWhy'),
                  },
        );
    }
    if (r.pidsLimit > 0 && r.pids !== undefined) {
        points.push(r.pids <= r.pidsLimit ? { state: 'held', text: w('pidsHeld', r.pids, r.pidsLimit) } : { state: 'surprise', text: w('pidsOver', r.pids, r.pidsLimit) });
    }
    return points.length ? findingsView(points, locale) : undefined;
}
