/**
 * volumes: where the file each container wrote was found again (or not) after its container was
 * removed: the writable layer, a named volume, a bind-mounted folder. Pure; no `vscode` import.
 */
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

export interface ReadBack {
    readonly exitCode: number;
    readonly output: string;
}

/** What this editor's own process read at a path on the engine's host (only when the engine runs here). */
export type HostRead = { readonly text: string } | { readonly error: string } | undefined;

export interface VolumesResult {
    readonly token: string;
    /** The file inside the containers, e.g. `/data/note.txt`. */
    readonly file: string;
    /** `docker diff` of the writer listed the file as added. */
    readonly inDiff: boolean;
    /** `cat` of the file in a new container after `docker rm` of the writer. */
    readonly layerAfterRm: ReadBack;
    readonly volume: { readonly name: string; readonly mountpoint: string; readonly readBack: ReadBack; readonly host: HostRead };
    /** Undefined when the bind step was skipped (the engine runs elsewhere). */
    readonly bind?: { readonly hostDir: string; readonly readBack: ReadBack; readonly host: HostRead };
}

type Key =
    | 'diffOk'
    | 'diffMissing'
    | 'diffMissingWhy'
    | 'layerGone'
    | 'layerStill'
    | 'layerStillWhy'
    | 'volKept'
    | 'volLost'
    | 'volLostWhy'
    | 'volHostSame'
    | 'volHostError'
    | 'volRemote'
    | 'bindKept'
    | 'bindHostMissing'
    | 'bindHostMissingWhy'
    | 'bindSkipped';

const W: Words<Key> = {
    en: {
        diffOk: '`docker diff` listed {0} as added: the file was in the container\'s own writable layer.',
        diffMissing: '`docker diff` did not list {0}.',
        diffMissingWhy: 'Likely reason: the write failed inside the container (its output shows why).',
        layerGone: 'After `docker rm`, a new container from the same image has no {0} ({1}): the writable layer was deleted with its container.',
        layerStill: 'After `docker rm`, a new container still found {0} with this run\'s text.',
        layerStillWhy: 'Likely reason: the image itself contains the path as a volume (a VOLUME instruction), so the file went to an anonymous volume, not the writable layer.',
        volKept: 'The writer of volume {0} was removed, and a new container with the same volume read {1} back with this run\'s text: the data outlived its container.',
        volLost: 'A new container with volume {0} did not find this run\'s text in {1} ({2}).',
        volLostWhy: 'Likely reason: the volume was removed and created again in between, or the write failed.',
        volHostSame: 'The volume\'s files live at {0} on the engine\'s host; this editor read the same text there.',
        volHostError: 'The volume\'s files live at {0} on the engine\'s host; this editor could not read them ({1}): that folder belongs to the engine (root).',
        volRemote: 'The volume\'s files live at {0} on the engine\'s host, which is not this machine, so this editor did not look there.',
        bindKept: 'The bind-mounted folder {0} holds note.txt with this run\'s text: this editor read it from your disk after the container was removed, and a new container read it too.',
        bindHostMissing: 'The container wrote {1} into the bind mount, but this editor did not find this run\'s text in {0} ({2}).',
        bindHostMissingWhy: 'Likely reason: the engine runs in a VM or on another machine, so the folder it mounted is that machine\'s {0}, not this one\'s.',
        bindSkipped: 'The bind mount was not tried: the engine runs on another machine, so a folder of this machine cannot be mounted.',
    },
    ko: {
        diffOk: '`docker diff`에 {0}이(가) 추가된 파일로 나옵니다. 이 파일은 컨테이너 자신의 쓰기 가능한 레이어에 있었습니다.',
        diffMissing: '`docker diff`에 {0}이(가) 나오지 않았습니다.',
        diffMissingWhy: '가능한 이유: 컨테이너 안에서 쓰기가 실패했습니다(출력에 이유가 나옵니다).',
        layerGone: '`docker rm` 뒤에 같은 이미지로 만든 새 컨테이너에는 {0}이(가) 없습니다({1}). 쓰기 가능한 레이어는 컨테이너와 함께 지워졌습니다.',
        layerStill: '`docker rm` 뒤에도 새 컨테이너에서 이번 실행의 내용이 담긴 {0}이(가) 보였습니다.',
        layerStillWhy: '가능한 이유: 이미지 자체가 그 경로를 볼륨으로 지정해서(VOLUME 명령) 파일이 쓰기 가능한 레이어가 아니라 익명 볼륨에 저장되었습니다.',
        volKept: '볼륨 {0}에 쓴 컨테이너를 지운 뒤에도, 같은 볼륨을 연결한 새 컨테이너가 {1}에서 이번 실행의 내용을 읽었습니다. 데이터가 컨테이너보다 오래 남았습니다.',
        volLost: '볼륨 {0}을(를) 연결한 새 컨테이너가 {1}에서 이번 실행의 내용을 찾지 못했습니다({2}).',
        volLostWhy: '가능한 이유: 그 사이에 볼륨이 지워졌다가 다시 만들어졌거나, 쓰기가 실패했습니다.',
        volHostSame: '볼륨의 파일은 엔진 호스트의 {0}에 있습니다. 이 편집기도 그곳에서 같은 내용을 읽었습니다.',
        volHostError: '볼륨의 파일은 엔진 호스트의 {0}에 있습니다. 이 편집기는 그 파일을 읽지 못했습니다({1}). 그 폴더는 엔진(root)의 것입니다.',
        volRemote: '볼륨의 파일은 엔진 호스트의 {0}에 있습니다. 그 호스트는 이 머신이 아니므로 이 편집기에서는 확인하지 않았습니다.',
        bindKept: '바인드 마운트한 폴더 {0}에 이번 실행의 내용이 담긴 note.txt가 있습니다. 컨테이너를 지운 뒤 이 편집기가 디스크에서 직접 읽었고, 새 컨테이너도 읽었습니다.',
        bindHostMissing: '컨테이너는 바인드 마운트에 {1}을(를) 썼지만, 이 편집기는 {0}에서 이번 실행의 내용을 찾지 못했습니다({2}).',
        bindHostMissingWhy: '가능한 이유: 엔진이 가상 머신이나 다른 머신에서 실행되어, 엔진이 마운트한 폴더는 이 머신이 아니라 그 머신의 {0}입니다.',
        bindSkipped: '엔진이 다른 머신에서 실행되므로 이 머신의 폴더를 마운트할 수 없어, 바인드 마운트는 시도하지 않았습니다.',
    },
};

function has(r: ReadBack, token: string): boolean {
    return r.exitCode === 0 && r.output.includes(token);
}

function said(r: ReadBack): string {
    const line = r.output.trim().split('\n').pop()?.trim();
    return line ? line.slice(0, 120) : `exit ${r.exitCode}`;
}

export function volumesFindings(r: VolumesResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    points.push(r.inDiff ? { state: 'held', text: w('diffOk', r.file) } : { state: 'surprise', text: w('diffMissing', r.file), why: w('diffMissingWhy') });
    points.push(has(r.layerAfterRm, r.token) ? { state: 'surprise', text: w('layerStill', r.file), why: w('layerStillWhy') } : { state: 'held', text: w('layerGone', r.file, said(r.layerAfterRm)) });
    const v = r.volume;
    points.push(has(v.readBack, r.token) ? { state: 'held', text: w('volKept', v.name, r.file) } : { state: 'surprise', text: w('volLost', v.name, r.file, said(v.readBack)), why: w('volLostWhy') });
    if (!v.host) {
        points.push({ state: 'note', text: w('volRemote', v.mountpoint) });
    } else if ('text' in v.host && v.host.text.includes(r.token)) {
        points.push({ state: 'note', text: w('volHostSame', v.mountpoint) });
    } else {
        points.push({ state: 'note', text: w('volHostError', v.mountpoint, 'error' in v.host ? v.host.error : '—') });
    }
    if (!r.bind) {
        points.push({ state: 'note', text: w('bindSkipped') });
    } else if (r.bind.host && 'text' in r.bind.host && r.bind.host.text.includes(r.token) && has(r.bind.readBack, r.token)) {
        points.push({ state: 'held', text: w('bindKept', r.bind.hostDir) });
    } else {
        const why = r.bind.host && 'error' in r.bind.host ? r.bind.host.error : said(r.bind.readBack);
        points.push({ state: 'surprise', text: w('bindHostMissing', r.bind.hostDir, r.file, why), why: w('bindHostMissingWhy', r.bind.hostDir) });
    }
    return findingsView(points, locale);
}
