/**
 * ports: what the fetches from the extension host, the container's port table and the fetches inside
 * the container showed. Pure; no `vscode` import.
 */
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

export interface FetchOutcome {
    readonly ok: boolean;
    readonly status?: number;
    readonly error?: string;
    /** The answer carried the page this run's container wrote (its token). */
    readonly ours?: boolean;
}

export interface PortsResult {
    readonly hostPort: number;
    readonly containerPort: number;
    /** `Config.ExposedPorts` keys of the unpublished container (`80/tcp`). */
    readonly exposed: readonly string[];
    /** Host bindings of the unpublished container's port (`NetworkSettings.Ports`): none expected. */
    readonly unpublishedBindings: readonly string[];
    readonly withoutP: FetchOutcome;
    /** `HostIp:HostPort` bindings of the published container's port. */
    readonly publishedBindings: readonly string[];
    readonly withP: FetchOutcome;
    readonly network: string;
    readonly ip?: string;
    readonly subnet?: string;
    readonly byIp?: FetchOutcome;
    /** Inside the published container: localhost:CONTAINERPORT and localhost:HOSTPORT. */
    readonly insideOwn?: FetchOutcome;
    readonly insideHostPort?: FetchOutcome;
    /** The engine runs on this machine (a local socket, not a VM). */
    readonly local: boolean;
}

/** `NetworkSettings.Ports[key]` as `HostIp:HostPort` strings. */
export function bindingsOf(ports: unknown, key: string): string[] {
    const list = ports && typeof ports === 'object' ? (ports as Record<string, unknown>)[key] : undefined;
    return Array.isArray(list) ? list.map((b: { HostIp?: string; HostPort?: string }) => `${b?.HostIp || '0.0.0.0'}:${b?.HostPort ?? ''}`) : [];
}

type Key =
    | 'exposeOnly'
    | 'exposeMissing'
    | 'noPRefused'
    | 'noPAnswered'
    | 'noPAnsweredWhy'
    | 'pOk'
    | 'pOther'
    | 'pOtherWhy'
    | 'pFail'
    | 'pFailLocalWhy'
    | 'pFailRemoteWhy'
    | 'bindLoopback'
    | 'bindOther'
    | 'bindOtherWhy'
    | 'ipOk'
    | 'ipFail'
    | 'insideOk'
    | 'insideOwnFail'
    | 'insideOwnFailWhy'
    | 'insideHostAnswered'
    | 'insideHostAnsweredWhy';

const W: Words<Key> = {
    en: {
        exposeOnly: 'The first container records {0} as exposed (what EXPOSE or --expose does), yet its port table has no host binding: exposing documents a port, it does not open one.',
        exposeMissing: 'The first container\'s exposed ports read back as {0}, and its host bindings as {1}.',
        noPRefused: 'Without -p, http://127.0.0.1:{0}/ from this editor got no answer ({1}): the server was running inside, but nothing on this machine forwarded that port to it.',
        noPAnswered: 'Without -p, http://127.0.0.1:{0}/ from this editor still answered (HTTP {1}).',
        noPAnsweredWhy: 'Likely reason: another program began to listen on port {0} between the lesson\'s check and the fetch; the answer did not carry this run\'s page.',
        pOk: 'With -p 127.0.0.1:{0}:{1}, the same fetch answered HTTP {2} with the page this run\'s container wrote.',
        pOther: 'With -p 127.0.0.1:{0}:{1}, the fetch answered HTTP {2}, but not with the page this run\'s container wrote.',
        pOtherWhy: 'Likely reason: a proxy setting of this editor sent the request elsewhere, or another program holds port {0}.',
        pFail: 'With -p 127.0.0.1:{0}:{1}, the fetch from this editor still got no answer ({2}).',
        pFailLocalWhy: 'Likely reason: the engine does not run docker-proxy (userland-proxy off) and, with iptables off, nothing forwards the port.',
        pFailRemoteWhy: 'Likely reason: the engine runs on another machine or in a VM, so 127.0.0.1:{0} is bound there, not on the machine this editor runs on.',
        bindLoopback: 'The engine bound {0}: only programs on the engine\'s own machine can connect. `-p {1}:{2}` without an address would have bound 0.0.0.0, every address of the machine.',
        bindOther: 'The published port reads back as {0}, not 127.0.0.1:{1}.',
        bindOtherWhy: 'Likely reason: the engine rewrote the address (some rootless or VM setups publish on every address).',
        ipOk: 'The container\'s own address on network {0} is {1}; from this editor http://{1}:{2}/ answered too, because the engine runs here and this machine has a route to that bridge. Other machines have none, and the address changes when the container is created again: publish a port instead.',
        ipFail: 'The container\'s own address on network {0} is {1}; from this editor http://{1}:{2}/ got no answer ({3}). That address lives on the engine\'s bridge, which this machine cannot reach.',
        insideOk: 'Inside the container, localhost:{0} answered (its own server) and localhost:{1} did not ({2}): localhost in a container is the container itself, not the host.',
        insideOwnFail: 'Inside the container, localhost:{0} did not answer ({1}).',
        insideOwnFailWhy: 'Likely reason: the server had not started yet, or the image has no `nc`.',
        insideHostAnswered: 'Inside the container, localhost:{0} answered, although that port is published on the host.',
        insideHostAnsweredWhy: 'Likely reason: the container shares the host\'s network namespace (--network host), so its localhost is the host\'s.',
    },
    ko: {
        exposeOnly: '첫 번째 컨테이너에는 {0}이(가) 노출된 포트로 기록되어 있지만(EXPOSE나 --expose가 하는 일), 포트 표에 호스트 바인딩은 없습니다. 노출은 포트를 문서로 남길 뿐, 열지는 않습니다.',
        exposeMissing: '첫 번째 컨테이너의 노출된 포트: {0}, 호스트 바인딩: {1}.',
        noPRefused: '-p 없이 이 편집기에서 http://127.0.0.1:{0}/ 요청은 응답을 받지 못했습니다({1}). 서버는 컨테이너 안에서 실행 중이었지만, 이 머신에서 그 포트를 컨테이너로 전달하는 것이 없었습니다.',
        noPAnswered: '-p 없이도 이 편집기에서 http://127.0.0.1:{0}/ 요청에 응답이 왔습니다(HTTP {1}).',
        noPAnsweredWhy: '가능한 이유: 레슨이 포트를 확인한 뒤 요청하기 전 사이에 다른 프로그램이 {0}번 포트를 쓰기 시작했습니다. 응답에 이번 실행의 페이지가 들어 있지 않았습니다.',
        pOk: '-p 127.0.0.1:{0}:{1} 옵션으로 실행하자 같은 요청에 HTTP {2} 응답이 왔고, 이번 실행의 컨테이너가 쓴 페이지가 들어 있었습니다.',
        pOther: '-p 127.0.0.1:{0}:{1} 옵션으로 실행하자 HTTP {2} 응답이 왔지만, 이번 실행의 컨테이너가 쓴 페이지가 아니었습니다.',
        pOtherWhy: '가능한 이유: 이 편집기의 프록시 설정이 요청을 다른 곳으로 보냈거나, 다른 프로그램이 {0}번 포트를 쓰고 있습니다.',
        pFail: '-p 127.0.0.1:{0}:{1} 옵션으로 실행했는데도 이 편집기의 요청이 응답을 받지 못했습니다({2}).',
        pFailLocalWhy: '가능한 이유: 엔진이 docker-proxy를 쓰지 않고(userland-proxy 꺼짐) iptables도 꺼져 있어, 포트를 전달하는 것이 없습니다.',
        pFailRemoteWhy: '가능한 이유: 엔진이 다른 머신이나 가상 머신에서 실행되므로, 127.0.0.1:{0}은(는) 이 편집기가 실행되는 머신이 아니라 그쪽에 바인딩되었습니다.',
        bindLoopback: '엔진이 {0}에 바인딩했습니다. 엔진이 실행되는 머신의 프로그램만 접속할 수 있습니다. 주소 없이 `-p {1}:{2}` 옵션을 썼다면 머신의 모든 주소인 0.0.0.0에 바인딩되었을 것입니다.',
        bindOther: '게시된 포트가 127.0.0.1:{1}이(가) 아니라 {0}(으)로 읽힙니다.',
        bindOtherWhy: '가능한 이유: 엔진이 주소를 바꿨습니다(일부 rootless 설정이나 가상 머신 설정은 모든 주소에 게시합니다).',
        ipOk: '네트워크 {0}에서 컨테이너 자신의 주소는 {1}입니다. 엔진이 이 머신에서 실행되고 이 머신에 그 브리지로 가는 경로가 있으므로, 이 편집기에서 http://{1}:{2}/ 요청에도 응답이 왔습니다. 다른 머신에는 그런 경로가 없고, 컨테이너를 다시 만들면 주소도 바뀝니다. 그러니 포트를 게시하세요.',
        ipFail: '네트워크 {0}에서 컨테이너 자신의 주소는 {1}입니다. 이 편집기에서 http://{1}:{2}/ 요청은 응답을 받지 못했습니다({3}). 이 주소는 엔진의 브리지에 있고, 이 머신에서는 닿지 않습니다.',
        insideOk: '컨테이너 안에서 localhost:{0}은(는) 응답했고(컨테이너 자신의 서버), localhost:{1}은(는) 응답하지 않았습니다({2}). 컨테이너 안의 localhost는 호스트가 아니라 컨테이너 자신입니다.',
        insideOwnFail: '컨테이너 안에서 localhost:{0}이(가) 응답하지 않았습니다({1}).',
        insideOwnFailWhy: '가능한 이유: 서버가 아직 시작되지 않았거나, 이미지에 `nc`가 없습니다.',
        insideHostAnswered: '호스트에 게시한 포트인데도 컨테이너 안에서 localhost:{0}이(가) 응답했습니다.',
        insideHostAnsweredWhy: '가능한 이유: 컨테이너가 호스트의 네트워크 네임스페이스를 함께 씁니다(--network host). 그래서 컨테이너의 localhost가 곧 호스트의 localhost입니다.',
    },
};

function failure(f: FetchOutcome | undefined): string {
    return f?.error ?? (f?.status !== undefined ? `HTTP ${f.status}` : '—');
}

export function portsFindings(r: PortsResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    const key = `${r.containerPort}/tcp`;
    points.push(
        r.exposed.includes(key) && !r.unpublishedBindings.length
            ? { state: 'held', text: w('exposeOnly', key) }
            : { state: 'surprise', text: w('exposeMissing', r.exposed.join(', ') || '—', r.unpublishedBindings.join(', ') || '—'), why: w('bindOtherWhy') },
    );
    if (!r.withoutP.ok && r.withoutP.status === undefined) {
        points.push({ state: 'held', text: w('noPRefused', r.hostPort, failure(r.withoutP)) });
    } else {
        points.push({ state: 'surprise', text: w('noPAnswered', r.hostPort, r.withoutP.status ?? '—'), why: w('noPAnsweredWhy', r.hostPort) });
    }
    if (r.withP.ok && r.withP.ours) {
        points.push({ state: 'held', text: w('pOk', r.hostPort, r.containerPort, r.withP.status ?? '—') });
    } else if (r.withP.status !== undefined) {
        points.push({ state: 'surprise', text: w('pOther', r.hostPort, r.containerPort, r.withP.status), why: w('pOtherWhy', r.hostPort) });
    } else {
        points.push({ state: 'surprise', text: w('pFail', r.hostPort, r.containerPort, failure(r.withP)), why: r.local ? w('pFailLocalWhy') : w('pFailRemoteWhy', r.hostPort) });
    }
    const loopback = `127.0.0.1:${r.hostPort}`;
    points.push(
        r.publishedBindings.length === 1 && r.publishedBindings[0] === loopback
            ? { state: 'held', text: w('bindLoopback', loopback, r.hostPort, r.containerPort) }
            : { state: 'surprise', text: w('bindOther', r.publishedBindings.join(', ') || '—', r.hostPort), why: w('bindOtherWhy') },
    );
    if (r.ip && r.byIp) {
        points.push({ state: 'note', text: r.byIp.ok ? w('ipOk', r.network, r.ip, r.containerPort) : w('ipFail', r.network, r.ip, r.containerPort, failure(r.byIp)) });
    }
    if (r.insideOwn && r.insideHostPort) {
        if (!r.insideOwn.ok) {
            points.push({ state: 'surprise', text: w('insideOwnFail', r.containerPort, failure(r.insideOwn)), why: w('insideOwnFailWhy') });
        } else if (r.insideHostPort.ok) {
            points.push({ state: 'surprise', text: w('insideHostAnswered', r.hostPort), why: w('insideHostAnsweredWhy') });
        } else {
            points.push({ state: 'held', text: w('insideOk', r.containerPort, r.hostPort, failure(r.insideHostPort)) });
        }
    }
    return findingsView(points, locale);
}
