/**
 * Practice for the lesson "volumes": keep a file in a named volume `lesson-data` across a `docker rm`.
 * Checked from the containers' `Mounts`, their exit codes, and the engine's destroy events. Pure; no
 * `vscode` import.
 */
import type { Text } from '../model';
import type { Exercise, PracticeCheck, PracticeEvidence, PracticeVerdict } from './types';
import { containerName, createdAt, eventFacts, Json } from './evidenceRead';

const VOLUME = 'lesson-data';
const DEST = '/data';

const ok = (text: Text): PracticeCheck => ({ ok: true, text });
const no = (text: Text): PracticeCheck => ({ ok: false, text });

function mountAt(c: Json, dest: string): Json | undefined {
    return (Array.isArray(c?.Mounts) ? c.Mounts : []).find((m: Json) => m?.Destination === dest);
}

function usesVolume(c: Json): boolean {
    return (Array.isArray(c?.Mounts) ? c.Mounts : []).some((m: Json) => m?.Type === 'volume' && m?.Name === VOLUME && m?.Destination === DEST);
}

/** What is wrong with the mounts of a container that does not use lesson-data at /data. */
function mountProblem(c: Json): Text | undefined {
    const name = containerName(c);
    const at = mountAt(c, DEST);
    if (at?.Type === 'bind') {
        return { en: `${name} mounts a folder of the host (${at.Source}) at ${DEST}: a bind mount, not the named volume ${VOLUME}.`, ko: `${name} 컨테이너는 ${DEST}에 호스트의 폴더(${at.Source})를 연결했습니다. 이름 있는 볼륨(${VOLUME})이 아니라 바인드 마운트입니다.` };
    }
    if (at?.Type === 'volume') {
        return { en: `${name} has an anonymous volume (${String(at.Name).slice(0, 12)}…) at ${DEST}: name it with -v ${VOLUME}:${DEST}.`, ko: `${name} 컨테이너의 ${DEST}에는 익명 볼륨(${String(at.Name).slice(0, 12)}…)이 있습니다. -v ${VOLUME}:${DEST}처럼 이름을 붙이세요.` };
    }
    const elsewhere = (Array.isArray(c?.Mounts) ? c.Mounts : []).find((m: Json) => m?.Name === VOLUME);
    if (elsewhere) {
        return { en: `${name} mounts ${VOLUME} at ${elsewhere.Destination}, not ${DEST}.`, ko: `${name} 컨테이너는 ${VOLUME}을(를) ${DEST} 대신 ${elsewhere.Destination}에 연결했습니다.` };
    }
    return undefined;
}

export function checkKeepData(evidence: PracticeEvidence): PracticeVerdict {
    const containers = [...evidence.containers].sort((a, b) => createdAt(a) - createdAt(b));
    if (!containers.length) {
        return { done: false, checks: [] };
    }
    const events = evidence.events.map(eventFacts);
    const destroyed = new Map(events.filter((e) => e.type === 'container' && e.action === 'destroy').map((e) => [e.id, e.time]));
    const volumeGone = events.some((e) => e.type === 'volume' && e.action === 'destroy' && e.id === VOLUME);
    const users: Json[] = containers.filter(usesVolume);
    const checks: PracticeCheck[] = [];
    if (!users.length) {
        checks.push(no({ en: `No container has used the volume ${VOLUME} at ${DEST} yet.`, ko: `볼륨 ${VOLUME}을(를) ${DEST}에 연결한 컨테이너가 아직 없습니다.` }));
        const problem = containers.map(mountProblem).find((p) => p);
        if (problem) {
            checks.push(no(problem));
        }
        return { done: false, checks };
    }
    // the writer: a user of the volume that ended cleanly and was removed
    const writer = users.find((c) => destroyed.has(String(c?.Id)) && Number(c?.State?.ExitCode) === 0);
    if (writer) {
        checks.push(ok({ en: `${containerName(writer)} used ${VOLUME} at ${DEST}, ended cleanly, and was removed.`, ko: `${containerName(writer)} 컨테이너가 ${VOLUME}을(를) ${DEST}에 연결해 쓰고, 정상 종료한 뒤 삭제되었습니다.` }));
    } else {
        const first = users[0];
        const code = Number(first?.State?.ExitCode);
        checks.push(
            destroyed.has(String(first?.Id))
                ? no({ en: `${containerName(first)} used ${VOLUME} but ended with exit code ${code}: did the write fail?`, ko: `${containerName(first)} 컨테이너가 ${VOLUME}을(를) 썼지만 종료 코드 ${code}(으)로 끝났습니다. 쓰기가 실패했나요?` })
                : no({ en: `${containerName(first)} used ${VOLUME} at ${DEST}; now remove it with docker rm ${containerName(first)}.`, ko: `${containerName(first)} 컨테이너가 ${VOLUME}을(를) ${DEST}에 연결했습니다. 이제 docker rm ${containerName(first)}(으)로 지우세요.` }),
        );
    }
    if (volumeGone) {
        checks.push(no({ en: `The volume ${VOLUME} itself was removed (docker rm -v or docker volume rm): the data went with it.`, ko: `볼륨 ${VOLUME} 자체가 지워졌습니다(docker rm -v 또는 docker volume rm). 데이터도 함께 사라졌습니다.` }));
    }
    // the reader: a later user of the volume that ended cleanly
    const after = writer ? destroyed.get(String(writer.Id))! : Infinity;
    const reader = users.find((c) => c !== writer && createdAt(c) >= Math.floor(after) && c?.State?.Running === false && Number(c?.State?.ExitCode) === 0);
    if (reader) {
        checks.push(ok({ en: `${containerName(reader)}, created after that, used ${VOLUME} at ${DEST} and ended cleanly: the data was still there.`, ko: `그 뒤에 만든 ${containerName(reader)} 컨테이너가 ${VOLUME}을(를) ${DEST}에 연결해 정상 종료했습니다. 데이터가 그대로 있었습니다.` }));
    } else if (writer) {
        checks.push(no({ en: `Now read the file back from a new container with -v ${VOLUME}:${DEST}.`, ko: `이제 -v ${VOLUME}:${DEST}을(를) 붙인 새 컨테이너에서 파일을 다시 읽으세요.` }));
    }
    return { done: !!writer && !!reader && !volumeGone, checks };
}

export const keepData: Exercise = {
    id: 'volumes.keepData',
    lessonId: 'volumes',
    task: {
        en: 'In one container, write a file into a named volume called `lesson-data` mounted at /data. Remove that container, then read the file back from a new container.',
        ko: '컨테이너 하나에서 /data에 연결한 이름 있는 볼륨 `lesson-data`에 파일을 쓰세요. 그 컨테이너를 지운 뒤, 새 컨테이너에서 파일을 다시 읽으세요.',
    },
    hint: {
        en: '`-v NAME:/data` mounts a named volume; `docker rm` (without -v) leaves named volumes alone.',
        ko: '`-v NAME:/data`는 이름 있는 볼륨을 연결합니다. `docker rm`(-v 없이)은 이름 있는 볼륨을 건드리지 않습니다.',
    },
    solution: "docker run --name w -v lesson-data:/data busybox sh -c 'echo hi > /data/note.txt' && docker rm w && docker run --rm -v lesson-data:/data busybox cat /data/note.txt",
    check: checkKeepData,
};
