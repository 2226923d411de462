/**
 * Practice for the lesson "ports": publish busybox's web server on 127.0.0.1:8081. Checked from the
 * containers' inspect JSON (HostConfig.PortBindings, what was asked; NetworkSettings.Ports, what the
 * engine really published). Pure; no `vscode` import.
 */
import type { Text } from '../model';
import type { Exercise, PracticeCheck, PracticeEvidence, PracticeVerdict } from './types';
import { containerName, createdAt, Json } from './evidenceRead';

const HOST_PORT = '8081';
const WANT_KEY = '80/tcp';

interface Binding {
    readonly key: string;
    readonly hostIp: string;
    readonly hostPort: string;
}

function bindingsIn(ports: Json): Binding[] {
    if (!ports || typeof ports !== 'object') {
        return [];
    }
    return Object.entries(ports as Record<string, Json>).flatMap(([key, list]) =>
        Array.isArray(list) ? list.map((b: Json) => ({ key, hostIp: String(b?.HostIp ?? ''), hostPort: String(b?.HostPort ?? '') })) : [],
    );
}

const ok = (text: Text): PracticeCheck => ({ ok: true, text });
const no = (text: Text): PracticeCheck => ({ ok: false, text });

function everyAddress(ip: string): boolean {
    return ip === '' || ip === '0.0.0.0' || ip === '::';
}

export function checkPublish8081(evidence: PracticeEvidence): PracticeVerdict {
    const containers = [...evidence.containers].sort((a, b) => createdAt(b) - createdAt(a));
    if (!containers.length) {
        return { done: false, checks: [] };
    }
    const asked = (c: Json) => bindingsIn(c?.HostConfig?.PortBindings);
    const c: Json = containers.find((x) => asked(x).some((b) => b.hostPort === HOST_PORT));
    if (!c) {
        const other = containers.map((x) => ({ x, b: asked(x).find((b) => b.key === WANT_KEY) })).find((p) => p.b);
        const checks: PracticeCheck[] = [
            no({ en: `No container publishes host port ${HOST_PORT} yet.`, ko: `호스트 포트 ${HOST_PORT}을(를) 게시한 컨테이너가 아직 없습니다.` }),
        ];
        if (other?.b) {
            const name = containerName(other.x);
            const port = other.b.hostPort || '?';
            checks.push(no({ en: `${name} publishes port 80 on host port ${port}, not ${HOST_PORT}.`, ko: `${name} 컨테이너는 80번 포트를 ${HOST_PORT}번이 아닌 ${port}번 호스트 포트에 게시했습니다.` }));
        }
        return { done: false, checks };
    }
    const name = containerName(c);
    const checks: PracticeCheck[] = [];
    const running = c?.State?.Running === true;
    const status = String(c?.State?.Status ?? '?');
    checks.push(running ? ok({ en: `${name} is running.`, ko: `${name} 컨테이너가 실행 중입니다.` }) : no({ en: `${name} is not running (${status}): start it with docker start ${name}.`, ko: `${name} 컨테이너가 실행 중이 아닙니다(${status}). docker start ${name}(으)로 시작하세요.` }));
    const b = asked(c).find((x) => x.hostPort === HOST_PORT)!;
    checks.push(
        b.key === WANT_KEY
            ? ok({ en: `Host port ${HOST_PORT} goes to container port 80, where httpd listens.`, ko: `호스트 포트 ${HOST_PORT}은(는) httpd가 기다리는 컨테이너 포트 80으로 연결됩니다.` })
            : no({ en: `Host port ${HOST_PORT} goes to container port ${b.key}, but the web server listens on 80.`, ko: `호스트 포트 ${HOST_PORT}이(가) 컨테이너 포트 ${b.key}(으)로 연결되지만, 웹 서버는 80번에서 기다립니다.` }),
    );
    if (b.hostIp === '127.0.0.1') {
        checks.push(ok({ en: 'The port is published on 127.0.0.1 only: other computers cannot connect.', ko: '포트가 127.0.0.1에만 게시되어, 다른 컴퓨터는 접속할 수 없습니다.' }));
    } else if (everyAddress(b.hostIp)) {
        const shown = b.hostIp || '0.0.0.0';
        checks.push(no({ en: `The port is published on ${shown} (every address), not 127.0.0.1: write the address in -p, as in -p 127.0.0.1:${HOST_PORT}:80.`, ko: `포트가 127.0.0.1이 아니라 ${shown}(모든 주소)에 게시되었습니다. -p 127.0.0.1:${HOST_PORT}:80처럼 -p에 주소를 적으세요.` }));
    } else {
        checks.push(no({ en: `The port is published on ${b.hostIp}, not 127.0.0.1.`, ko: `포트가 127.0.0.1이 아니라 ${b.hostIp}에 게시되었습니다.` }));
    }
    // what the engine really did: with --network host or none, -p is ignored
    const mode = String(c?.HostConfig?.NetworkMode ?? '');
    const published = bindingsIn(c?.NetworkSettings?.Ports).some((x) => x.hostPort === HOST_PORT);
    if (running && !published) {
        checks.push(
            no(
                mode === 'host' || mode === 'none'
                    ? { en: `The engine did not publish it: with --network ${mode}, -p is ignored.`, ko: `엔진이 포트를 게시하지 않았습니다. --network ${mode}에서는 -p가 무시됩니다.` }
                    : { en: 'The engine has not published the port (NetworkSettings.Ports has no binding for it).', ko: '엔진이 포트를 게시하지 않았습니다(NetworkSettings.Ports에 바인딩이 없습니다).' },
            ),
        );
    }
    return { done: checks.every((x) => x.ok), checks };
}

export const publish8081: Exercise = {
    id: 'ports.publish8081',
    lessonId: 'ports',
    task: {
        en: 'Run busybox\'s web server (`httpd -f -p 80 -h /`) in a container so that this computer, and only this computer, reaches it at http://127.0.0.1:8081/.',
        ko: '컨테이너에서 busybox의 웹 서버(`httpd -f -p 80 -h /`)를 실행해서, 이 컴퓨터에서만 http://127.0.0.1:8081/로 접속할 수 있게 하세요.',
    },
    hint: {
        en: '`-p` takes HOSTIP:HOSTPORT:CONTAINERPORT. Leave out the address and Docker listens on every address.',
        ko: '`-p`에는 HOSTIP:HOSTPORT:CONTAINERPORT를 씁니다. 주소를 빼면 도커는 모든 주소에서 기다립니다.',
    },
    solution: 'docker run -d --name web -p 127.0.0.1:8081:80 busybox httpd -f -p 80 -h /',
    check: checkPublish8081,
};
