/**
 * image-vs-container: what creating one more container changed, from two real readings of the image
 * (before and after) and the count of its containers. Pure; no `vscode` import.
 */
import { formatBytes } from '../../../common/format';
import type { ConclusionView } from '../../../protocol/panelProtocol';
import type { Locale } from '../../catalog';
import { Words, wordsFor } from '../demo';
import { findingsView, Point } from './points';

/**
 * Does a history row's instruction change the image's files? RUN, COPY, ADD and WORKDIR (it may
 * create its folder) do; the others change only the configuration. Decided by the instruction, not
 * by the size: a file step can store 0 B, and a row of 0 B is not "metadata" for that.
 */
export function changesFiles(instruction: string): boolean {
    const keyword = /^\s*([A-Za-z]+)/.exec(instruction)?.[1]?.toUpperCase() ?? '';
    if (['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(keyword)) {
        return true;
    }
    const config = ['CMD', 'ENTRYPOINT', 'ENV', 'LABEL', 'MAINTAINER', 'EXPOSE', 'VOLUME', 'USER', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'FROM'];
    // anything else (an imported base layer, `docker commit`) changed files when it stored any
    return !config.includes(keyword);
}

export interface ImageReading {
    readonly id: string;
    readonly size: number;
    readonly layers: number;
    readonly containers: number;
}

export interface IvcResult {
    readonly image: string;
    readonly before: ImageReading;
    readonly after: ImageReading;
    /** The container just created, with its writable layer's size when it could be measured. */
    readonly created?: { readonly name: string; readonly sizeRw?: number };
}

type Key = 'countUp' | 'countOther' | 'countOtherWhy' | 'sizeSame' | 'sizeDiff' | 'idDiff' | 'changedWhy' | 'layersSame' | 'layersDiff' | 'rwZero' | 'rwSome';

const W: Words<Key> = {
    en: {
        countUp: 'Containers made from {0}: {1} before, {2} after. One `docker create` added one instance.',
        countOther: 'Expected one more container of {0}, but the count went from {1} to {2}.',
        countOtherWhy: 'Likely reason: another program created or removed a container of this image at the same time.',
        sizeSame: 'Image size read before creating the container: {0} ({1} bytes); read again after: {2} ({3} bytes). Unchanged: the container did not copy the image.',
        sizeDiff: 'Image size read before creating the container: {0} bytes; after: {1} bytes. It changed.',
        idDiff: 'The image id changed between the two readings ({0} → {1}).',
        changedWhy: 'Likely reason: the tag {0} now points at another image: it was pulled, rebuilt or re-tagged in between. Creating a container does not change an image.',
        layersSame: 'The image still has the same {0} history rows (layers and settings), read-only, before and after.',
        layersDiff: 'The image had {0} history rows before and {1} after.',
        rwZero: 'The new container {0} has a writable layer of 0 B: it has changed nothing yet.',
        rwSome: 'The new container {0} already has {1} in its writable layer: files the engine or the image\'s settings put there at creation.',
    },
    ko: {
        countUp: '{0} 이미지로 만든 컨테이너: 만들기 전 {1}개, 만든 뒤 {2}개. `docker create` 한 번으로 인스턴스가 하나 늘었습니다.',
        countOther: '{0} 이미지의 컨테이너가 하나 늘어야 하는데, 개수가 {1}개에서 {2}개가 되었습니다.',
        countOtherWhy: '가능한 이유: 같은 시각에 다른 프로그램이 이 이미지의 컨테이너를 만들거나 지웠습니다.',
        sizeSame: '컨테이너를 만들기 전에 읽은 이미지 크기: {0} ({1} 바이트). 만든 뒤 다시 읽은 크기: {2} ({3} 바이트). 그대로입니다. 컨테이너는 이미지를 복사하지 않았습니다.',
        sizeDiff: '컨테이너를 만들기 전에 읽은 이미지 크기는 {0} 바이트, 만든 뒤에는 {1} 바이트로 달라졌습니다.',
        idDiff: '두 번 읽는 사이에 이미지 ID가 바뀌었습니다({0} → {1}).',
        changedWhy: '가능한 이유: 그 사이에 이미지를 다시 받았거나, 다시 빌드했거나, 태그를 다시 붙여서 {0} 태그가 다른 이미지를 가리킵니다. 컨테이너를 만드는 것만으로는 이미지가 바뀌지 않습니다.',
        layersSame: '이미지의 히스토리 행(레이어와 설정) {0}개는 만들기 전후로 그대로이고, 읽기 전용입니다.',
        layersDiff: '이미지의 히스토리 행이 만들기 전 {0}개, 만든 뒤 {1}개입니다.',
        rwZero: '새 컨테이너 {0}의 쓰기 가능한 레이어는 0 B입니다. 아직 아무것도 바꾸지 않았습니다.',
        rwSome: '새 컨테이너 {0}의 쓰기 가능한 레이어에는 벌써 {1}이(가) 있습니다. 만들 때 엔진이나 이미지 설정이 넣은 파일입니다.',
    },
};

export function ivcFindings(r: IvcResult, locale: Locale): ConclusionView {
    const w = wordsFor(W, locale);
    const points: Point[] = [];
    const { before: b, after: a } = r;
    points.push(
        a.containers === b.containers + 1
            ? { state: 'held', text: w('countUp', r.image, b.containers, a.containers) }
            : { state: 'surprise', text: w('countOther', r.image, b.containers, a.containers), why: w('countOtherWhy') },
    );
    if (a.id !== b.id) {
        points.push({ state: 'surprise', text: w('idDiff', b.id.replace(/^sha256:/, '').slice(0, 12), a.id.replace(/^sha256:/, '').slice(0, 12)), why: w('changedWhy', r.image) });
    }
    points.push(
        a.size === b.size
            ? { state: 'held', text: w('sizeSame', formatBytes(b.size), b.size, formatBytes(a.size), a.size) }
            : { state: 'surprise', text: w('sizeDiff', b.size, a.size), why: w('changedWhy', r.image) },
    );
    points.push(a.layers === b.layers ? { state: 'held', text: w('layersSame', a.layers) } : { state: 'surprise', text: w('layersDiff', b.layers, a.layers), why: w('changedWhy', r.image) });
    if (r.created?.sizeRw !== undefined) {
        points.push(r.created.sizeRw === 0 ? { state: 'held', text: w('rwZero', r.created.name) } : { state: 'note', text: w('rwSome', r.created.name, formatBytes(r.created.sizeRw)) });
    }
    return findingsView(points, locale);
}
