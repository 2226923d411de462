/**
 * why-docker: what the image itself carries, and what comes from outside it (kernel, CPU
 * architecture, hostname), built from the two runs' own output. Pure; no `vscode` import.
 */
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { check, findingsView, Point } from './points';

/**
 * Prints what the image says about itself (its /etc/os-release, or else its busybox version, how
 * many programs /bin holds and its top-level folders), then what the engine gives it from outside.
 */
export const WHY_COMMAND = [
    'sh',
    '-c',
    'if [ -r /etc/os-release ]; then cat /etc/os-release; else echo NO_OS_RELEASE; fi; ' +
        'echo "BUSYBOX=$(command -v busybox >/dev/null && busybox 2>&1 | head -n 1)"; ' +
        'echo "BIN=$(ls /bin 2>/dev/null | wc -l)"; ' +
        'echo "ROOT=$(ls / | tr "\\n" " ")"; ' +
        'echo "KERNEL=$(uname -r)"; echo "ARCH=$(uname -m)"; echo "HOSTNAME=$(cat /proc/sys/kernel/hostname)"',
];

export interface WhyParsed {
    /** PRETTY_NAME (or NAME) of the image's own /etc/os-release. */
    readonly osName?: string;
    readonly noOsRelease: boolean;
    /** The first line busybox prints about itself, when the image has busybox. */
    readonly busybox?: string;
    readonly binCount?: number;
    readonly rootDirs?: string;
    /** From outside the image: */
    readonly kernel?: string;
    readonly arch?: string;
    readonly hostname?: string;
    /** Everything that comes from the image's files, for comparing two runs. */
    readonly imageSide: string;
}

function field(output: string, key: string): string | undefined {
    const v = new RegExp(`^${key}=(.*)$`, 'm').exec(output)?.[1]?.trim();
    return v ? v : undefined;
}

export function parseWhyOutput(output: string): WhyParsed {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(output)?.[1];
    const name = /^NAME="?([^"\n]*)"?$/m.exec(output)?.[1];
    const bin = Number(field(output, 'BIN'));
    const outside = /^(KERNEL|ARCH|HOSTNAME)=/;
    return {
        osName: pretty || name || undefined,
        noOsRelease: /^NO_OS_RELEASE$/m.test(output),
        busybox: field(output, 'BUSYBOX'),
        binCount: Number.isInteger(bin) && field(output, 'BIN') !== undefined ? bin : undefined,
        rootDirs: field(output, 'ROOT'),
        kernel: field(output, 'KERNEL'),
        arch: field(output, 'ARCH'),
        hostname: field(output, 'HOSTNAME'),
        imageSide: output
            .split('\n')
            .filter((l) => !outside.test(l))
            .join('\n')
            .trim(),
    };
}

export interface WhyResult {
    readonly host: { readonly os: string; readonly kernel: string; readonly arch: string; readonly name: string; readonly runsInVm: boolean };
    readonly runs: readonly { readonly output: string; readonly exitCode: number }[];
}

type Key =
    | 'osOwn'
    | 'osSameName'
    | 'noOs'
    | 'noOsNothing'
    | 'sameFiles'
    | 'diffFiles'
    | 'diffFilesWhy'
    | 'oneRun'
    | 'hostnames'
    | 'hostnameHost'
    | 'hostnameHostWhy'
    | 'kernelSame'
    | 'kernelDiff'
    | 'kernelDiffWhy'
    | 'archSame'
    | 'archDiff'
    | 'archDiffWhy'
    | 'exitBad'
    | 'exitBadWhy'
    | 'vm';

const W: Words<Key> = {
    en: {
        osOwn: 'The OS name came from the image\'s own /etc/os-release: {0}. The engine reports the host as {1}.',
        osSameName: 'The image\'s own /etc/os-release names {0}, and the host is {1} too: here the names match, so this run alone cannot show the difference. An image of another distribution would name itself.',
        noOs: 'This image has no /etc/os-release, so it names no distribution. What it does carry: {0}, {1} programs in /bin, and the top-level folders {2}.',
        noOsNothing: 'This image has no /etc/os-release and no busybox; its top-level folders are {0}.',
        sameFiles: 'Both runs used the same image with the same settings on this engine, and read exactly the same image files.',
        diffFiles: 'The two runs read different image files.',
        diffFilesWhy: 'Likely reason: the image changed between the runs (it was pulled or rebuilt under the same tag).',
        oneRun: 'Only one run finished, so the two runs could not be compared.',
        hostnames: 'The hostname is not in the image: the engine gave each container its own ({0}, then {1}), and the host is called {2}.',
        hostnameHost: 'The container\'s hostname, {0}, is the host\'s own name.',
        hostnameHostWhy: 'Likely reason: the engine runs containers in the host\'s UTS namespace (as with --uts host).',
        kernelSame: 'The kernel release {0} is the host\'s: the image brings no kernel, the host provides it.',
        kernelDiff: 'The kernel inside ({0}) is not the one the engine reports for its host ({1}).',
        kernelDiffWhy: 'Likely reason: the container runs under a sandboxed runtime with a kernel of its own (for example gVisor or Kata Containers).',
        archSame: 'The CPU architecture {0} is the host\'s: an image has to be built for it.',
        archDiff: 'The container reports the CPU architecture {0}, the host {1}.',
        archDiffWhy: 'Likely reason: the image was built for another architecture and runs under emulation (QEMU through binfmt_misc).',
        exitBad: 'Run {0} ended with exit code {1}, so its output may be incomplete.',
        exitBadWhy: 'Likely reason: the image lacks `sh` or one of the tools the command uses (cat, uname, ls).',
        vm: 'The host here is the engine\'s own machine, {0}: a virtual machine, not your computer\'s own OS.',
    },
    ko: {
        osOwn: '운영체제 이름은 이미지 안의 /etc/os-release에서 나왔습니다: {0}. 엔진이 알려 준 호스트는 {1}입니다.',
        osSameName: '이미지 안의 /etc/os-release에 적힌 이름: {0}. 호스트도 {1}입니다. 이름이 같아서 이번 실행만으로는 차이를 보여 줄 수 없습니다. 다른 배포판의 이미지라면 자기 이름을 알려 줍니다.',
        noOs: '이 이미지에는 /etc/os-release가 없어서 배포판 이름이 없습니다. 대신 이미지에 들어 있는 것은 {0}, /bin의 프로그램 {1}개, 최상위 폴더 {2}입니다.',
        noOsNothing: '이 이미지에는 /etc/os-release도 busybox도 없습니다. 최상위 폴더: {0}',
        sameFiles: '두 번 모두 이 엔진에서 같은 이미지, 같은 설정으로 실행했고, 이미지의 파일을 똑같이 읽었습니다.',
        diffFiles: '두 번의 실행이 서로 다른 이미지 파일을 읽었습니다.',
        diffFilesWhy: '가능한 이유: 두 실행 사이에 이미지가 바뀌었습니다(같은 태그로 다시 받았거나 다시 빌드함).',
        oneRun: '한 번만 끝까지 실행되어 두 실행을 비교하지 못했습니다.',
        hostnames: '호스트 이름은 이미지에 없습니다. 엔진이 컨테이너마다 따로 정해 주었고(처음에는 {0}, 다음에는 {1}), 호스트의 이름은 {2}입니다.',
        hostnameHost: '컨테이너의 호스트 이름 {0}이(가) 호스트의 이름과 같습니다.',
        hostnameHostWhy: '가능한 이유: 엔진이 컨테이너를 호스트의 UTS 네임스페이스에서 실행합니다(--uts host처럼).',
        kernelSame: '커널 릴리스 {0}은(는) 호스트의 것입니다. 이미지는 커널을 가져오지 않고, 커널은 호스트가 제공합니다.',
        kernelDiff: '컨테이너 안의 커널({0})이 엔진이 알려 준 호스트의 커널({1})과 다릅니다.',
        kernelDiffWhy: '가능한 이유: 자체 커널을 가진 샌드박스 런타임(예: gVisor, Kata Containers)에서 컨테이너가 실행됩니다.',
        archSame: 'CPU 아키텍처 {0}은(는) 호스트의 것입니다. 이미지는 이 아키텍처용으로 빌드되어 있어야 합니다.',
        archDiff: '컨테이너가 알려 준 CPU 아키텍처는 {0}, 호스트는 {1}입니다.',
        archDiffWhy: '가능한 이유: 이미지가 다른 아키텍처용으로 빌드되어 에뮬레이션(binfmt_misc를 통한 QEMU)으로 실행됩니다.',
        exitBad: '{0}번째 실행이 종료 코드 {1}(으)로 끝나서 출력이 완전하지 않을 수 있습니다.',
        exitBadWhy: '가능한 이유: 이미지에 `sh`가 없거나, 명령이 쓰는 도구(cat, uname, ls) 중 하나가 없습니다.',
        vm: '여기서 호스트는 엔진이 실행되는 머신인 {0}입니다. 내 컴퓨터의 OS가 아니라 가상 머신입니다.',
    },
};

/** The findings of the two runs, from their output and the host the engine reported. */
export function whyFindings(r: WhyResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const runs = r.runs.map((x) => parseWhyOutput(x.output));
    const first = runs[0];
    const points: Point[] = [];
    r.runs.forEach((x, i) => {
        if (x.exitCode !== 0) {
            points.push({ state: 'surprise', text: w('exitBad', i + 1, x.exitCode), why: w('exitBadWhy') });
        }
    });
    if (first) {
        if (first.osName) {
            const sameName = first.osName === r.host.os;
            points.push({ state: sameName ? 'note' : 'held', text: sameName ? w('osSameName', first.osName, r.host.os) : w('osOwn', first.osName, r.host.os) });
        } else if (first.busybox || first.binCount !== undefined) {
            points.push({ state: 'note', text: w('noOs', (first.busybox ?? 'busybox').replace(/\.$/, ''), first.binCount ?? 0, first.rootDirs ?? '—') });
        } else {
            points.push({ state: 'note', text: w('noOsNothing', first.rootDirs ?? '—') });
        }
    }
    if (runs.length >= 2) {
        const same = runs[0].imageSide === runs[1].imageSide;
        points.push(same ? { state: 'held', text: w('sameFiles') } : { state: 'surprise', text: w('diffFiles'), why: w('diffFilesWhy') });
    } else {
        points.push({ state: 'surprise', text: w('oneRun') });
    }
    const names = runs.map((x) => x.hostname).filter((x): x is string => !!x);
    if (names.length && names.some((n) => n === r.host.name)) {
        points.push({ state: 'surprise', text: w('hostnameHost', r.host.name), why: w('hostnameHostWhy') });
    } else if (names.length >= 2) {
        points.push({ state: 'held', text: w('hostnames', names[0], names[1], r.host.name) });
    }
    if (first?.kernel) {
        const ok = first.kernel === r.host.kernel;
        points.push(ok ? { state: 'held', text: w('kernelSame', first.kernel) } : { state: check(false), text: w('kernelDiff', first.kernel, r.host.kernel), why: w('kernelDiffWhy') });
    }
    if (first?.arch) {
        const ok = first.arch === r.host.arch;
        points.push(ok ? { state: 'held', text: w('archSame', first.arch) } : { state: 'surprise', text: w('archDiff', first.arch, r.host.arch), why: w('archDiffWhy') });
    }
    if (r.host.runsInVm) {
        points.push({ state: 'note', text: w('vm', r.host.os) });
    }
    return findingsView(points, locale);
}
