/**
 * namespaces: one process seen from inside its container and from the host, every number read from
 * the run (ps inside; /proc/<pid>/status and /proc/1/comm on the host when the engine is local).
 * Pure; no `vscode` import.
 */
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

/** The `NSpid:` line of /proc/<pid>/status: the process's PID in each PID namespace, outermost first. */
export function parseNsPid(status: string): number[] | undefined {
    const line = /^NSpid:\s*(.*)$/m.exec(status)?.[1];
    if (!line) {
        return undefined;
    }
    const pids = line.trim().split(/\s+/).map(Number);
    return pids.length && pids.every((n) => Number.isInteger(n) && n > 0) ? pids : undefined;
}

/** The PID of the first process named `name` in `ps -o pid,comm` output. */
export function psPidOf(ps: string, name: string): number | undefined {
    for (const line of ps.split('\n')) {
        const [pid, ...rest] = line.trim().split(/\s+/);
        if (/^\d+$/.test(pid) && rest.join(' ').split('/').pop() === name) {
            return Number(pid);
        }
    }
    return undefined;
}

/**
 * The PID that `docker top` gives the first process named `name`. Docker answers one column per
 * title (PID, CMD…); Podman 4.3 answers one title string ("PID   USER     COMMAND") and one string
 * per process, split here by whitespace (the command last).
 */
export function topPidOf(top: { readonly titles: readonly string[]; readonly processes: readonly (readonly string[])[] }, name: string): number | undefined {
    const oneString = top.titles.length === 1 && /\s/.test(top.titles[0].trim());
    const titles = oneString ? top.titles[0].trim().split(/\s+/) : top.titles.map((t) => t.trim());
    const pidCol = titles.findIndex((t) => t.toUpperCase() === 'PID');
    const cmdCol = titles.findIndex((t) => /^(CMD|COMMAND)$/i.test(t));
    if (pidCol < 0) {
        return undefined;
    }
    for (const p of top.processes) {
        const cols = oneString ? (p[0] ?? '').trim().split(/\s+/) : [...p];
        const cmd = cmdCol >= 0 ? cols.slice(cmdCol).join(' ') : cols.join(' ');
        if (cmd.split(/\s+/)[0]?.split('/').pop() === name && /^\d+$/.test(cols[pidCol] ?? '')) {
            return Number(cols[pidCol]);
        }
    }
    return undefined;
}

export interface NsResult {
    /** The engine is on this machine (local socket, no VM): its PIDs and /proc are this machine's. */
    readonly local: boolean;
    readonly hostPid: number;
    /** This machine's /proc/1/comm. */
    readonly hostInit?: string;
    /** The demo's program: `sleep`. */
    readonly expected: string;
    /** PID 1 inside, as `ps` inside shows it. */
    readonly insidePid1: string;
    /** NSpid from this machine's /proc/<hostPid>/status. */
    readonly nsPid?: readonly number[];
    readonly hostname: { readonly outside: string; readonly inside: string };
    readonly ifaces: { readonly outside?: readonly string[]; readonly inside: readonly string[] };
    readonly ns: readonly { readonly kind: string; readonly outside?: string; readonly inside?: string }[];
    /** A remote engine's own evidence: the PID its process list (GET /containers/{id}/top) gives the demo's process, and the one `ps` inside gives it. */
    readonly top?: { readonly pid?: number; readonly insidePid?: number };
}

type Key =
    | 'pid1Ok'
    | 'pid1Other'
    | 'pid1OtherWhy'
    | 'nsPidOk'
    | 'nsPidOdd'
    | 'nsPidOddWhy'
    | 'nsPidUnread'
    | 'nsPidUnreadWhy'
    | 'remote'
    | 'topHeld'
    | 'topInside'
    | 'topMissing'
    | 'topOther'
    | 'ifacesRemote'
    | 'nsRemote'
    | 'hostnameOk'
    | 'hostnameSame'
    | 'hostnameSameWhy'
    | 'ifacesOk'
    | 'ifacesMore'
    | 'ifacesMoreWhy'
    | 'nsOk'
    | 'nsSame'
    | 'nsSameWhy'
    | 'nsUnread';

const W: Words<Key> = {
    en: {
        pid1Ok: 'Inside, PID 1 is `{0}`, the demo\'s own command, and `ps` lists only the container\'s processes.',
        pid1Other: 'Inside, PID 1 is `{0}`, not the demo\'s `{1}`.',
        pid1OtherWhy: 'Likely reason: the engine starts an init process first (docker run --init, or "init": true in the daemon\'s settings).',
        nsPidOk: 'On the host the same process is PID {0}: its /proc/{0}/status lists NSpid {1}, one number per PID namespace. This machine\'s own PID 1 is `{2}`.',
        nsPidOdd: 'This machine\'s /proc/{0}/status lists NSpid {1}: not the host PID followed by the container\'s own number.',
        nsPidOddWhy: 'Likely reason: this editor runs in another PID namespace than the engine (inside a container, or with rootless Docker), so PID {0} here is another process.',
        nsPidUnread: 'Could not read /proc/{0}/status on this machine, so the two numbers of this process were not compared here.',
        nsPidUnreadWhy: 'Likely reason: the process had ended, or this editor runs in another PID namespace than the engine.',
        remote: 'The engine reports host PID {0}. It does not run on this machine (or runs in a VM), so its host\'s /proc and PID 1 were not read from here.',
        topHeld: 'The engine\'s own process list (docker top) shows the demo\'s `{0}` as PID {1} on its host, the same number as State.Pid; inside the container `ps` shows it as PID {2}: one process, one number in each PID namespace.',
        topInside: 'This engine\'s process list (top) shows the demo\'s `{0}` as PID {1}, its number inside the container, not on the host (Podman does this), so State.Pid ({2}) is the only host number here.',
        topMissing: 'The engine\'s process list (top) did not list the demo\'s `{0}`, so the host\'s number for it is State.Pid ({1}) alone.',
        topOther: 'The engine\'s process list (top) shows the demo\'s `{0}` as PID {1}; State.Pid says {2} and `ps` inside says {3}.',
        ifacesRemote: 'Inside, the only network interface is {0}: the container has a network namespace of its own with no network attached. The engine\'s host and its interfaces are not on this machine, so they were not read from here.',
        nsRemote: 'The engine\'s host is not this machine, so its namespace ids cannot be read here to compare. Inside, the container\'s are {0}.',
        hostnameOk: 'Hostname inside: {0}; the engine\'s host: {1}. Each has its own UTS namespace.',
        hostnameSame: 'The hostname inside, {0}, is the host\'s.',
        hostnameSameWhy: 'Likely reason: the container shares the host\'s UTS namespace (--uts host).',
        ifacesOk: 'Inside, the only network interface is {0}: the container has a network namespace of its own with no network attached. This machine has {1}.',
        ifacesMore: 'Inside, the network interfaces are {0}.',
        ifacesMoreWhy: 'Likely reason: the engine attached a network although the demo asked for none.',
        nsOk: 'Every namespace id that could be read differs between inside and this editor: {0}.',
        nsSame: 'The same namespace id inside and outside: {0}.',
        nsSameWhy: 'Likely reason: the container shares that namespace with the host (--pid host, --network host, --uts host), or this editor itself runs in the container\'s namespaces.',
        nsUnread: 'No namespace id could be read here, so the ids were not compared.',
    },
    ko: {
        pid1Ok: '안에서 PID 1: `{0}`. 데모가 실행한 명령이며, `ps`에는 컨테이너의 프로세스만 나옵니다.',
        pid1Other: '안에서 PID 1: `{0}`. 데모의 명령(`{1}`)이 아닙니다.',
        pid1OtherWhy: '가능한 이유: 엔진이 init 프로세스를 먼저 실행합니다(docker run --init, 또는 데몬 설정의 "init": true).',
        nsPidOk: '호스트에서 같은 프로세스는 PID {0}입니다. /proc/{0}/status의 NSpid: {1}. PID 네임스페이스마다 번호가 하나씩 있습니다. 이 머신의 PID 1: `{2}`',
        nsPidOdd: '이 머신의 /proc/{0}/status에 나온 NSpid는 {1}입니다. 호스트 PID 다음에 컨테이너 안의 번호가 오는 모양이 아닙니다.',
        nsPidOddWhy: '가능한 이유: 이 편집기가 엔진과 다른 PID 네임스페이스(컨테이너 안, 또는 rootless 도커)에서 실행되어, 여기서 PID {0}은(는) 다른 프로세스입니다.',
        nsPidUnread: '이 머신에서 /proc/{0}/status를 읽지 못해 이 프로세스의 두 번호를 여기서 비교하지 못했습니다.',
        nsPidUnreadWhy: '가능한 이유: 프로세스가 이미 끝났거나, 이 편집기가 엔진과 다른 PID 네임스페이스에서 실행됩니다.',
        remote: '엔진이 알려 준 호스트 PID는 {0}입니다. 엔진이 이 머신에서 실행되지 않으므로(또는 가상 머신 안에서 실행되므로) 그 호스트의 /proc과 PID 1은 여기서 읽지 않았습니다.',
        topHeld: '엔진의 프로세스 목록(docker top)에 나온 데모의 `{0}`: 호스트 PID {1}, State.Pid와 같은 번호입니다. 컨테이너 안의 `ps`에서는 PID {2}입니다. 프로세스 하나가 PID 네임스페이스마다 번호를 하나씩 가집니다.',
        topInside: '이 엔진의 프로세스 목록(top)에 나온 데모의 `{0}`: PID {1}. 호스트가 아니라 컨테이너 안의 번호입니다(Podman의 방식). 그래서 여기서 호스트 번호는 State.Pid({2})뿐입니다.',
        topMissing: '엔진의 프로세스 목록(top)에 데모의 `{0}`이(가) 없어서, 호스트에서의 번호는 State.Pid({1})만 있습니다.',
        topOther: '엔진의 프로세스 목록(top)에 나온 데모의 `{0}`: PID {1}. State.Pid는 {2}, 컨테이너 안의 `ps`는 {3}입니다.',
        ifacesRemote: '안의 네트워크 인터페이스는 {0} 하나뿐입니다. 컨테이너가 자기 네트워크 네임스페이스를 가지며, 연결된 네트워크가 없습니다. 엔진이 실행되는 호스트는 이 머신이 아니므로, 그 인터페이스는 여기서 읽지 않았습니다.',
        nsRemote: '엔진이 실행되는 호스트가 이 머신이 아니므로, 그 네임스페이스 ID는 여기서 읽어 비교할 수 없습니다. 컨테이너 안의 ID: {0}',
        hostnameOk: '안의 호스트 이름: {0}, 엔진이 실행되는 호스트의 이름: {1}. 각자 UTS 네임스페이스를 따로 가집니다.',
        hostnameSame: '안의 호스트 이름 {0}이(가) 호스트의 이름과 같습니다.',
        hostnameSameWhy: '가능한 이유: 컨테이너가 호스트의 UTS 네임스페이스를 함께 씁니다(--uts host).',
        ifacesOk: '안의 네트워크 인터페이스는 {0} 하나뿐입니다. 컨테이너가 자기 네트워크 네임스페이스를 가지며, 연결된 네트워크가 없습니다. 이 머신의 인터페이스: {1}',
        ifacesMore: '안의 네트워크 인터페이스: {0}',
        ifacesMoreWhy: '가능한 이유: 데모가 네트워크 없이 실행하도록 요청했는데도 엔진이 네트워크를 연결했습니다.',
        nsOk: '읽을 수 있었던 네임스페이스 ID는 모두 안과 이 편집기에서 서로 다릅니다: {0}',
        nsSame: '안과 밖의 네임스페이스 ID가 같습니다: {0}',
        nsSameWhy: '가능한 이유: 컨테이너가 그 네임스페이스를 호스트와 함께 쓰거나(--pid host, --network host, --uts host), 이 편집기 자체가 그 컨테이너의 네임스페이스 안에서 실행됩니다.',
        nsUnread: '여기서는 네임스페이스 ID를 읽을 수 없어 비교하지 못했습니다.',
    },
};

export function nsFindings(r: NsResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    const pid1Name = r.insidePid1.trim().split(/\s+/)[0]?.split('/').pop() ?? '';
    points.push(pid1Name === r.expected ? { state: 'held', text: w('pid1Ok', r.insidePid1) } : { state: 'surprise', text: w('pid1Other', r.insidePid1 || '?', r.expected), why: w('pid1OtherWhy') });
    if (!r.local) {
        points.push({ state: 'note', text: w('remote', r.hostPid) });
        const top = r.top?.pid;
        if (top !== undefined && top === r.hostPid && r.top?.insidePid !== undefined && r.top.insidePid !== top) {
            points.push({ state: 'held', text: w('topHeld', r.expected, top, r.top.insidePid) });
        } else if (top !== undefined && top === r.top?.insidePid && top !== r.hostPid) {
            points.push({ state: 'note', text: w('topInside', r.expected, top, r.hostPid) });
        } else if (top === undefined) {
            points.push({ state: 'note', text: w('topMissing', r.expected, r.hostPid) });
        } else {
            points.push({ state: 'note', text: w('topOther', r.expected, top, r.hostPid, r.top?.insidePid ?? '?') });
        }
    } else if (!r.nsPid) {
        points.push({ state: 'surprise', text: w('nsPidUnread', r.hostPid), why: w('nsPidUnreadWhy') });
    } else if (r.nsPid.length >= 2 && r.nsPid[0] === r.hostPid && r.nsPid[r.nsPid.length - 1] === 1) {
        points.push({ state: 'held', text: w('nsPidOk', r.hostPid, r.nsPid.join(' '), r.hostInit ?? '—') });
    } else {
        points.push({ state: 'surprise', text: w('nsPidOdd', r.hostPid, r.nsPid.join(' ')), why: w('nsPidOddWhy', r.hostPid) });
    }
    points.push(
        r.hostname.inside !== r.hostname.outside
            ? { state: 'held', text: w('hostnameOk', r.hostname.inside, r.hostname.outside) }
            : { state: 'surprise', text: w('hostnameSame', r.hostname.inside), why: w('hostnameSameWhy') },
    );
    const inside = [...r.ifaces.inside].sort();
    if (inside.length === 1 && inside[0] === 'lo') {
        points.push({ state: 'held', text: r.local ? w('ifacesOk', 'lo', r.ifaces.outside?.length ? r.ifaces.outside.join(', ') : '—') : w('ifacesRemote', 'lo') });
    } else {
        points.push({ state: 'surprise', text: w('ifacesMore', inside.join(', ') || '—'), why: w('ifacesMoreWhy') });
    }
    const compared = r.ns.filter((n) => n.outside && n.inside);
    const same = compared.filter((n) => n.outside === n.inside);
    const insideIds = r.ns.filter((n) => n.inside).map((n) => `${n.kind} ${n.inside}`);
    if (!compared.length && !r.local && insideIds.length) {
        points.push({ state: 'note', text: w('nsRemote', insideIds.join(', ')) });
    } else if (!compared.length) {
        points.push({ state: 'note', text: w('nsUnread') });
    } else if (same.length) {
        points.push({ state: 'surprise', text: w('nsSame', same.map((n) => `${n.kind} ${n.inside}`).join(', ')), why: w('nsSameWhy') });
    } else {
        points.push({ state: 'held', text: w('nsOk', compared.map((n) => n.kind).join(', ')) });
    }
    return findingsView(points, locale);
}
