/**
 * Each lesson's findings are a pure function of its run's results. For each lesson: a run that went
 * as expected states its measured values, and a run that contradicts the expectation says so ("Not
 * as expected", with a likely reason), and keeps none of the success sentences.
 */
import * as assert from 'assert/strict';
import type { ConclusionView } from '../../src/protocol/panelProtocol';
import { whyFindings, parseWhyOutput, WhyResult } from '../../src/lessons/live/findings/whyDocker';
import { changesFiles, ivcFindings, IvcResult } from '../../src/lessons/live/findings/imageVsContainer';
import { countPulledLayers, helloFindings, HelloResult } from '../../src/lessons/live/findings/helloWorld';
import { kernelFindings, KernelResult, parseCmdline, sameCommand } from '../../src/lessons/live/findings/sharedKernel';
import { limitsFindings, oomFindings, OomResult, parseMemAvailable } from '../../src/lessons/live/findings/cgroups';
import { nsFindings, NsResult, parseNsPid, psPidOf, topPidOf } from '../../src/lessons/live/findings/namespaces';

const all = (c: ConclusionView) => c.points.map((p) => `${p.stateWord}: ${p.text}${p.why ? ` (${p.why})` : ''}`).join('\n');
const surprises = (c: ConclusionView) => c.points.filter((p) => p.state === 'surprise');

/** The run went against the expectation, and the view says so in words (not colour alone). */
function saysSurprise(c: ConclusionView, pattern: RegExp): void {
    assert.equal(c.state, 'surprise', all(c));
    assert.equal(c.stateWord, 'something differed from the expectation');
    const hit = surprises(c).find((p) => pattern.test(p.text));
    assert.ok(hit, `no surprise matching ${pattern}:\n${all(c)}`);
    assert.equal(hit.stateWord, 'Not as expected');
    assert.match(hit.why ?? '', /^Likely reason: /, 'a surprise gives its likely reason');
}

/** No sentence of the expected run survives in the contradicting one. */
function noSuccessText(good: ConclusionView, bad: ConclusionView): void {
    const heldTexts = good.points.filter((p) => p.state === 'held').map((p) => p.text);
    for (const p of bad.points) {
        assert.ok(!heldTexts.includes(p.text) || p.state === 'held', `success text kept in a surprising run: ${p.text}`);
    }
}

const BUSYBOX_OUT = (hostname: string) =>
    ['NO_OS_RELEASE', 'BUSYBOX=BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.', 'BIN=402', 'ROOT=bin dev etc proc sys ', 'KERNEL=6.1.0-18-amd64', 'ARCH=x86_64', `HOSTNAME=${hostname}`].join('\n');
const HOST = { os: 'Debian GNU/Linux 12 (bookworm)', kernel: '6.1.0-18-amd64', arch: 'x86_64', name: 'builder', runsInVm: false };

describe('findings: why-docker', () => {
    const good: WhyResult = { host: HOST, runs: [{ output: BUSYBOX_OUT('a1b2c3'), exitCode: 0 }, { output: BUSYBOX_OUT('d4e5f6'), exitCode: 0 }] };

    it('parses what the image says about itself apart from what comes from outside', () => {
        const p = parseWhyOutput(BUSYBOX_OUT('a1b2c3'));
        assert.equal(p.noOsRelease, true);
        assert.equal(p.osName, undefined);
        assert.equal(p.busybox, 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.');
        assert.equal(p.binCount, 402);
        assert.deepEqual([p.kernel, p.arch, p.hostname], ['6.1.0-18-amd64', 'x86_64', 'a1b2c3']);
        assert.doesNotMatch(p.imageSide, /KERNEL|ARCH|HOSTNAME/, 'the comparison leaves out what comes from outside');
    });

    it('busybox: never claims an OS came from the image; shows what the image carries and what comes from outside', () => {
        const c = whyFindings(good, 'en');
        assert.equal(c.state, 'held', all(c));
        const text = all(c);
        assert.doesNotMatch(text, /OS name came from/);
        assert.match(text, /has no \/etc\/os-release.*BusyBox v1\.35\.0 \(Debian 1:1\.35\.0-4\+b3\) multi-call binary, 402 programs in \/bin/);
        assert.match(text, /same image with the same settings on this engine/);
        assert.doesNotMatch(text, /each time|every time|wherever/i, 'no claim beyond what two runs on one engine show');
        assert.match(text, /engine gave each container its own \(a1b2c3, then d4e5f6\), and the host is called builder/);
        assert.match(text, /kernel release 6\.1\.0-18-amd64 is the host's/);
        assert.match(text, /CPU architecture x86_64 is the host's/);
    });

    it('an image with /etc/os-release: the OS name is the image\'s, next to the host\'s', () => {
        const out = (h: string) => `PRETTY_NAME="Alpine Linux v3.20"\nNAME="Alpine Linux"\n${BUSYBOX_OUT(h).replace('NO_OS_RELEASE\n', '')}`;
        const c = whyFindings({ host: HOST, runs: [{ output: out('x'), exitCode: 0 }, { output: out('y'), exitCode: 0 }] }, 'en');
        assert.match(all(c), /came from the image's own \/etc\/os-release: Alpine Linux v3\.20\. The engine reports the host as Debian GNU\/Linux 12/);
    });

    it('contradicting runs: different files, another kernel, another architecture, a failed run — each said', () => {
        const bad: WhyResult = {
            host: HOST,
            runs: [
                { output: BUSYBOX_OUT('a1').replace('KERNEL=6.1.0-18-amd64', 'KERNEL=4.4.0').replace('ARCH=x86_64', 'ARCH=aarch64'), exitCode: 0 },
                { output: BUSYBOX_OUT('b2').replace('BIN=402', 'BIN=9'), exitCode: 127 },
            ],
        };
        const c = whyFindings(bad, 'en');
        saysSurprise(c, /read different image files/);
        saysSurprise(c, /kernel inside \(4\.4\.0\) is not the one the engine reports for its host \(6\.1\.0-18-amd64\)/);
        saysSurprise(c, /architecture aarch64, the host x86_64/);
        saysSurprise(c, /Run 2 ended with exit code 127/);
        noSuccessText(whyFindings(good, 'en'), c);
    });

    it('a hostname equal to the host\'s is a surprise', () => {
        saysSurprise(whyFindings({ host: HOST, runs: [{ output: BUSYBOX_OUT('builder'), exitCode: 0 }, { output: BUSYBOX_OUT('builder'), exitCode: 0 }] }, 'en'), /hostname, builder, is the host's own name/);
    });

    it('Korean: the same findings, in Korean words', () => {
        const c = whyFindings(good, 'ko');
        assert.equal(c.heading, '이번 실행에서 확인한 것');
        assert.ok(c.points.every((p) => /[\uac00-\ud7a3]/.test(p.text) && /[\uac00-\ud7a3]/.test(p.stateWord)));
    });
});

describe('findings: image-vs-container', () => {
    const reading = { id: 'sha256:aaa111', size: 13256, layers: 3, containers: 2 };
    const good: IvcResult = { image: 'hello-world:latest', before: reading, after: { ...reading, containers: 3 }, created: { name: 'eager_curie', sizeRw: 0 } };

    it('the size is a comparison of two real readings, both shown', () => {
        const c = ivcFindings(good, 'en');
        assert.equal(c.state, 'held', all(c));
        assert.match(all(c), /read before creating the container: 13\.3 kB \(13256 bytes\); read again after: 13\.3 kB \(13256 bytes\)\. Unchanged/);
        assert.match(all(c), /2 before, 3 after/);
        assert.match(all(c), /eager_curie has a writable layer of 0 B/);
    });

    it('a size, id or count that moved is said, with why', () => {
        const bad: IvcResult = { ...good, after: { id: 'sha256:bbb222', size: 20000, layers: 4, containers: 5 } };
        const c = ivcFindings(bad, 'en');
        saysSurprise(c, /13256 bytes; after: 20000 bytes\. It changed/);
        saysSurprise(c, /image id changed between the two readings \(aaa111 → bbb222\)/);
        saysSurprise(c, /count went from 2 to 5/);
        saysSurprise(c, /3 history rows before and 4 after/);
        assert.doesNotMatch(all(c), /Unchanged/);
        noSuccessText(ivcFindings(good, 'en'), c);
    });

    it('layer kinds by instruction, not size: RUN, COPY, ADD and WORKDIR change files; a 0 B row is not "metadata"', () => {
        for (const i of ['RUN apt-get update', 'COPY file:abc in /', 'ADD file:def in /', 'WORKDIR /app', 'run echo']) {
            assert.equal(changesFiles(i), true, i);
        }
        for (const i of ['CMD ["sh"]', 'ENV A=1', 'LABEL x=y', 'EXPOSE 80', 'ENTRYPOINT ["x"]', 'USER app', 'VOLUME /data', 'ARG V', 'HEALTHCHECK NONE', 'STOPSIGNAL TERM', 'SHELL ["sh"]', 'ONBUILD RUN x']) {
            assert.equal(changesFiles(i), false, i);
        }
    });
});

describe('findings: hello-world', () => {
    const calls = ['GET /_ping', 'GET /images/{name}/json', 'POST /images/create', 'POST /containers/create', 'GET /containers/{id}/json', 'POST /containers/{id}/attach', 'POST /containers/{id}/start', 'POST /containers/{id}/wait'];
    const good: HelloResult = { image: 'hello-world', calls, pulled: true, layers: { downloaded: 1, existing: 0 }, exitCode: 0, greeting: true };

    it('counts and lists the calls actually made (not "four")', () => {
        const c = helloFindings(good, 'en');
        assert.match(all(c), /This run made 8 Engine API calls, in this order: GET \/_ping → GET \/images\/\{name\}\/json → POST \/images\/create → POST \/containers\/create → /);
        assert.doesNotMatch(all(c), /four/i);
        const local = helloFindings({ ...good, calls: calls.filter((x) => x !== 'POST /images/create'), pulled: false, layers: undefined }, 'en');
        assert.match(all(local), /made 7 Engine API calls/);
        assert.match(all(local), /already on the engine, so nothing was pulled/);
    });

    it('pulled layers: "Already exists" is not counted as pulled', () => {
        const progress = [
            { id: 'latest', status: 'Pulling from library/hello-world' },
            { id: 'aaa', status: 'Pulling fs layer' },
            { id: 'bbb', status: 'Already exists' },
            { id: 'aaa', status: 'Downloading' },
            { id: 'aaa', status: 'Download complete' },
            { id: 'aaa', status: 'Pull complete' },
            { id: '', status: 'Digest: sha256:123' },
            { id: '', status: 'Status: Downloaded newer image for hello-world:latest' },
        ];
        assert.deepEqual(countPulledLayers(progress), { downloaded: 1, existing: 1 });
        assert.match(all(helloFindings({ ...good, layers: { downloaded: 1, existing: 1 } }, 'en')), /1 layer\(s\) downloaded, 1 already on the engine/);
        assert.match(all(helloFindings({ ...good, layers: { downloaded: 0, existing: 2 } }, 'en')), /none of its 2 layer\(s\) had to be downloaded/);
    });

    it('pulled layers on Podman: "Download complete" ends a blob, and the closing id (the image\'s configuration) is not a layer', () => {
        // Podman 4.3's POST /images/create?fromImage=hello-world, as captured from the engines layer
        const podman = [
            { id: '22369203ac49', status: 'Pulling fs layer' },
            { id: '22369203ac49', status: 'Download complete' },
            { id: '3625188f8d5f', status: 'Pulling fs layer' },
            { id: '3625188f8d5f', status: 'Download complete' },
            { id: '3625188f8d5f', status: 'Download complete' },
        ];
        assert.deepEqual(countPulledLayers(podman), { downloaded: 1, existing: 0 });
        const shared = [{ id: 'aaa', status: 'Already exists' }, { id: 'ccc', status: 'Pulling fs layer' }, { id: 'ccc', status: 'Download complete' }, { id: 'ccc', status: 'Download complete' }];
        assert.deepEqual(countPulledLayers(shared), { downloaded: 0, existing: 1 });
        // Docker: a layer still at "Download complete" (not extracted) is not counted as pulled
        assert.deepEqual(countPulledLayers([{ id: 'a', status: 'Download complete' }, { id: 'b', status: 'Pull complete' }]), { downloaded: 1, existing: 0 });
    });

    it('a non-zero exit and a missing greeting are said, with why', () => {
        const c = helloFindings({ ...good, exitCode: 139, greeting: false }, 'en');
        saysSurprise(c, /exit code 139, not 0/);
        saysSurprise(c, /no "Hello from Docker!" line/);
        noSuccessText(helloFindings(good, 'en'), c);
    });
});

describe('findings: containers-vs-vms', () => {
    const good: KernelResult = {
        hostKernel: '6.1.0-18-amd64',
        insideKernel: '6.1.0-18-amd64',
        local: true,
        runsInVm: false,
        engineOs: 'Debian GNU/Linux 12',
        pid: 4242,
        expected: ['sleep', '120'],
        cmdline: ['sleep', '120'],
        listedInTop: true,
        startMs: 180,
        imageSize: 2_100_000,
    };

    it('cmdline parsing and the check against the demo\'s own command', () => {
        assert.deepEqual(parseCmdline('sleep\u0000120\u0000'), ['sleep', '120']);
        assert.equal(sameCommand(['/bin/sleep', '120'], ['sleep', '120']), true);
        assert.equal(sameCommand(['sleep', '12'], ['sleep', '120']), false);
        assert.equal(sameCommand(['/sbin/init'], ['sleep', '120']), false);
        assert.equal(sameCommand([], ['sleep', '120']), false);
    });

    it('presents the PID as the container\'s process only after /proc/<pid>/cmdline matched', () => {
        const c = kernelFindings(good, 'en');
        assert.equal(c.state, 'held', all(c));
        assert.match(all(c), /\/proc\/4242\/cmdline reads `sleep 120`: the demo's own command/);
    });

    it('another process under that PID, an unreadable /proc, another kernel: each said, never "ordinary host process"', () => {
        const other = kernelFindings({ ...good, cmdline: ['/usr/lib/systemd/systemd-journald'], insideKernel: '4.4.0' }, 'en');
        saysSurprise(other, /reads `\/usr\/lib\/systemd\/systemd-journald`, not the demo's `sleep 120`: PID 4242 here is another process/);
        saysSurprise(other, /kernel inside \(4\.4\.0\) is not/);
        assert.doesNotMatch(all(other), /ordinary host process/);
        noSuccessText(kernelFindings(good, 'en'), other);
        saysSurprise(kernelFindings({ ...good, cmdline: undefined }, 'en'), /Could not read \/proc\/4242\/cmdline/);
    });

    it('a remote engine or a VM: not checked here, and says so', () => {
        assert.match(all(kernelFindings({ ...good, local: false, cmdline: undefined }, 'en')), /not on this machine, so PID 4242 belongs to the engine's host/);
        assert.match(all(kernelFindings({ ...good, local: false, runsInVm: true, engineOs: 'Docker Desktop', cmdline: undefined }, 'en')), /virtual machine \(Docker Desktop\), so PID 4242 is a PID inside that VM/);
    });
});

describe('findings: cgroups', () => {
    const MiB = 1024 * 1024;
    const good: OomResult = { limit: 32 * MiB, exitCode: 137, oomKilled: true, ranMs: 210, where: 'local', host: { before: 3000 * MiB, lowest: 2960 * MiB, after: 2990 * MiB } };

    it('reads MemAvailable in bytes', () => {
        assert.equal(parseMemAvailable('MemTotal:       8000000 kB\nMemFree:  100 kB\nMemAvailable:    4096 kB\n'), 4096 * 1024);
        assert.equal(parseMemAvailable('MemTotal: 1 kB\n'), undefined);
    });

    it('OOM as expected: reclaim, then a process in the cgroup killed; the host\'s memory measured, not assumed', () => {
        const c = oomFindings(good, 'en');
        assert.equal(c.state, 'held', all(c));
        assert.match(all(c), /could not reclaim enough memory in it, and its OOM killer killed a process in that cgroup\. That process was the container's PID 1/);
        assert.match(all(c), /3000 MiB before, 2960 MiB at the lowest while the container ran, 2990 MiB after/);
        assert.doesNotMatch(all(c), /never short of memory/);
    });

    it('not OOMKilled, another exit code, a host low on memory: each said', () => {
        const c = oomFindings({ ...good, exitCode: 0, oomKilled: false, host: { before: 60 * MiB, lowest: 40 * MiB, after: 50 * MiB } }, 'en');
        saysSurprise(c, /OOMKilled is false and the exit code is 0: the 32 MiB memory limit did not end this container/);
        saysSurprise(c, /fell as low as 40 MiB/);
        noSuccessText(oomFindings(good, 'en'), c);
        saysSurprise(oomFindings({ ...good, exitCode: 1 }, 'en'), /OOMKilled is true, but the exit code is 1, not 137/);
    });

    it('a remote engine: the host\'s memory is not measured, and no claim is made about it', () => {
        const c = oomFindings({ ...good, where: 'remote', host: undefined }, 'en');
        assert.match(all(c), /not measured from here/);
        assert.doesNotMatch(all(c), /MemAvailable|far more free/);
    });

    it('limits: usage over the CPU limit and a kernel limit other than the one set are said', () => {
        const ok = limitsFindings({ cpuLimit: 0.5, cpuPercent: 49.8, memorySet: 64 * MiB, kernelLimit: { value: '67108864', file: '/sys/fs/cgroup/memory/memory.limit_in_bytes' }, pidsLimit: 20, pids: 1, runtime: 'runc' }, 'en');
        assert.ok(ok);
        assert.equal(ok.state, 'held', all(ok));
        assert.match(all(ok), /CPU: 49\.8 % of one CPU, within its limit of 50 %/);
        assert.match(all(ok), /is 67108864 bytes: exactly what the engine was asked for\. The runtime \(runc\) wrote it there/);
        // the runtime is the engine's own word (crun on many Podman hosts); none reported: no name made up
        assert.match(all(limitsFindings({ cpuLimit: 0, memorySet: 64 * MiB, kernelLimit: { value: '67108864', file: 'f' }, pidsLimit: 0, runtime: 'crun' }, 'en')!), /The runtime \(crun\) wrote it there/);
        const anyRuntime = all(limitsFindings({ cpuLimit: 0, memorySet: 64 * MiB, kernelLimit: { value: '67108864', file: 'f' }, pidsLimit: 0 }, 'ko')!);
        assert.match(anyRuntime, /엔진에 요청한 값과 정확히 같습니다\. 컨테이너 런타임이 이 값을 기록했습니다/);
        assert.doesNotMatch(anyRuntime, /runc/);
        // a sample a little over the limit is not called "within" it, nor a surprise
        const near = limitsFindings({ cpuLimit: 0.5, cpuPercent: 50.7, memorySet: 0, pidsLimit: 0 }, 'en');
        assert.equal(near?.state, 'held');
        assert.match(all(near!), /CPU: 50\.7 % of one CPU, a little over its limit of 50 %, and far below the whole CPU/);
        assert.doesNotMatch(all(near!), /within/);
        // compared as shown: 50.04 % reads "50.0 %", which is within a 50 % limit
        assert.match(all(limitsFindings({ cpuLimit: 0.5, cpuPercent: 50.04, memorySet: 0, pidsLimit: 0 }, 'en')!), /CPU: 50\.0 % of one CPU, within its limit of 50 %/);
        const bad = limitsFindings({ cpuLimit: 0.5, cpuPercent: 99.5, memorySet: 64 * MiB, kernelLimit: { value: 'max', file: '/sys/fs/cgroup/memory.max' }, pidsLimit: 20, pids: 1 }, 'en');
        assert.ok(bad);
        saysSurprise(bad, /CPU: 99\.5 % of one CPU, above its limit of 50 %/);
        saysSurprise(bad, /memory file \(\/sys\/fs\/cgroup\/memory\.max\) says no limit, but 67108864 bytes were set/);
        // cgroup v1 writes "no limit" as 2^63 - 4096: said in words, not as the number
        const v1 = limitsFindings({ cpuLimit: 0, memorySet: 64 * MiB, kernelLimit: { value: '9223372036854771712', file: '/sys/fs/cgroup/memory/memory.limit_in_bytes' }, pidsLimit: 0 }, 'en');
        assert.ok(v1);
        saysSurprise(v1, /memory\.limit_in_bytes\) says no limit, but 67108864 bytes were set/);
        assert.doesNotMatch(all(v1), /9223372036854771712/);
        const v1ko = limitsFindings({ cpuLimit: 0, memorySet: 64 * MiB, kernelLimit: { value: '9223372036854771712', file: '/sys/fs/cgroup/memory/memory.limit_in_bytes' }, pidsLimit: 0 }, 'ko');
        assert.match(all(v1ko!), /커널의 메모리 파일\(\/sys\/fs\/cgroup\/memory\/memory\.limit_in_bytes\)에는 제한이 없는데, 설정한 값은 67108864 바이트입니다/);
        assert.equal(limitsFindings({ cpuLimit: 0.5, memorySet: 0, pidsLimit: 0 }, 'en'), undefined, 'nothing measured yet: no findings');
    });
});

describe('findings: namespaces', () => {
    const good: NsResult = {
        local: true,
        hostPid: 31337,
        hostInit: 'systemd',
        expected: 'sleep',
        insidePid1: 'sleep',
        nsPid: [31337, 1],
        hostname: { outside: 'builder', inside: '0a1b2c3d4e5f' },
        ifaces: { outside: ['lo', 'eth0'], inside: ['lo'] },
        ns: [
            { kind: 'pid', outside: 'pid:[4026531836]', inside: 'pid:[4026532300]' },
            { kind: 'net', outside: 'net:[4026531840]', inside: 'net:[4026532303]' },
        ],
    };

    it('parses NSpid and ps', () => {
        assert.deepEqual(parseNsPid('Name:\tsleep\nNSpid:\t31337\t1\n'), [31337, 1]);
        assert.equal(parseNsPid('Name:\tsleep\n'), undefined);
        assert.equal(psPidOf('PID   COMMAND\n    1 sleep\n    7 ps\n', 'sleep'), 1);
        assert.equal(psPidOf('PID   COMMAND\n    1 sh\n', 'sleep'), undefined);
    });

    it('every number is the one read: PID 1 inside, the host PID and NSpid, the host\'s own PID 1', () => {
        const c = nsFindings(good, 'en');
        assert.equal(c.state, 'held', all(c));
        assert.match(all(c), /Inside, PID 1 is `sleep`/);
        assert.match(all(c), /PID 31337: its \/proc\/31337\/status lists NSpid 31337 1.*own PID 1 is `systemd`/);
        const other = nsFindings({ ...good, hostInit: 'tini' }, 'en');
        assert.match(all(other), /own PID 1 is `tini`/, 'not a fixed "init system"');
    });

    it('an init as PID 1, an odd NSpid, shared namespaces, extra interfaces: each said', () => {
        const c = nsFindings(
            {
                ...good,
                insidePid1: 'docker-init',
                nsPid: [31337],
                hostname: { outside: 'builder', inside: 'builder' },
                ifaces: { outside: ['lo'], inside: ['lo', 'eth0'] },
                ns: [{ kind: 'net', outside: 'net:[1]', inside: 'net:[1]' }],
            },
            'en',
        );
        saysSurprise(c, /Inside, PID 1 is `docker-init`, not the demo's `sleep`/);
        saysSurprise(c, /NSpid 31337: not the host PID followed by the container's own number/);
        saysSurprise(c, /hostname inside, builder, is the host's/);
        saysSurprise(c, /interfaces are eth0, lo/);
        saysSurprise(c, /same namespace id inside and outside: net net:\[1\]/);
        noSuccessText(nsFindings(good, 'en'), c);
    });

    it('a remote engine: the host side is not read, and says so', () => {
        const c = nsFindings({ ...good, local: false, nsPid: undefined, hostInit: undefined, ifaces: { inside: ['lo'] }, ns: [] }, 'en');
        assert.match(all(c), /reports host PID 31337\. It does not run on this machine/);
        assert.match(all(c), /No namespace id could be read here/);
    });

    it('a remote engine: its own top is the evidence for the two PIDs; no empty "this machine has —"', () => {
        const remote: NsResult = { ...good, local: false, nsPid: undefined, hostInit: undefined, ifaces: { inside: ['lo'] }, ns: [{ kind: 'pid', inside: 'pid:[4026532300]' }, { kind: 'net', inside: 'net:[4026532303]' }], top: { pid: 31337, insidePid: 1 } };
        const c = nsFindings(remote, 'en');
        assert.equal(c.state, 'held', all(c));
        assert.match(all(c), /process list \(docker top\) shows the demo's `sleep` as PID 31337 on its host, the same number as State\.Pid; inside the container `ps` shows it as PID 1/);
        assert.match(all(c), /The engine's host and its interfaces are not on this machine/);
        assert.doesNotMatch(all(c), /This machine has|—/);
        assert.match(all(c), /its namespace ids cannot be read here to compare\. Inside, the container's are pid pid:\[4026532300\], net net:\[4026532303\]\./);
        assert.doesNotMatch(all(c), /No namespace id could be read/);
        // Podman's top gives the number inside: said, not taken for the host PID
        const podman = all(nsFindings({ ...remote, top: { pid: 1, insidePid: 1 } }, 'en'));
        assert.match(podman, /shows the demo's `sleep` as PID 1, its number inside the container, not on the host \(Podman does this\), so State\.Pid \(31337\) is the only host number here/);
        assert.match(all(nsFindings({ ...remote, top: { insidePid: 1 } }, 'ko')), /엔진의 프로세스 목록\(top\)에 데모의 `sleep`이\(가\) 없어서, 호스트에서의 번호는 State\.Pid\(31337\)만 있습니다/);
        // listed, but with a number that is neither: the three numbers said as they are, never "did not list"
        const other = all(nsFindings({ ...remote, top: { pid: 500, insidePid: undefined } }, 'en'));
        assert.match(other, /shows the demo's `sleep` as PID 500; State\.Pid says 31337 and `ps` inside says \?/);
        assert.doesNotMatch(other, /did not list|Podman does this/);
        // one PID namespace for all (--pid host): not taken for Podman's inside numbers
        assert.doesNotMatch(all(nsFindings({ ...remote, top: { pid: 31337, insidePid: 31337 } }, 'en')), /Podman does this|did not list/);
    });

    it('topPidOf reads Docker\'s columns and Podman\'s one-string rows', () => {
        // captured: dockerd 20.10 and Podman 4.3 GET /containers/{id}/top
        const docker = { titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], processes: [['root', '20826', '20805', '0', '14:31', '?', '00:00:00', 'sleep 120']] };
        assert.equal(topPidOf(docker, 'sleep'), 20826);
        assert.equal(topPidOf(docker, 'sh'), undefined);
        const podman = { titles: ['PID   USER     COMMAND'], processes: [['1 0        sleep 120']] };
        assert.equal(topPidOf(podman, 'sleep'), 1);
        assert.equal(topPidOf({ titles: ['USER', 'CMD'], processes: [['root', 'sleep 120']] }, 'sleep'), undefined, 'no PID column');
    });
});
