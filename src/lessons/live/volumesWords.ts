/** The volumes demo's words, English and Korean. */
import type { Words } from './demo';

export type VolumesKey =
    | 'intro'
    | 'run'
    | 'runAgain'
    | 's1'
    | 's2'
    | 's3'
    | 's4'
    | 's5'
    | 's6'
    | 's7'
    | 's8'
    | 's9'
    | 'hostRead'
    | 'fDiff'
    | 'fDiffNote'
    | 'fLayer'
    | 'fVolume'
    | 'fMountpoint'
    | 'fMountpointNote'
    | 'fBind'
    | 'fBindNote'
    | 'found'
    | 'notFound'
    | 'skippedRemote'
    | 'cleaned';

export const VOLUMES_WORDS: Words<VolumesKey> = {
    en: {
        intro: 'Writes one small file three ways: into a container\'s writable layer, into a named volume, and into a folder bind-mounted from this machine. Each writer container is removed, then the lesson looks for the file again. Everything it made is removed at the end.',
        run: 'Start the demo',
        runAgain: 'Run it again',
        s1: 'Write {0} in a container (its writable layer)',
        s2: 'See what the container changed',
        s3: 'Remove that container',
        s4: 'Look for the file in a new container',
        s5: 'Create a named volume',
        s6: 'Write the file into the volume, then remove the writer',
        s7: 'Read it back in a new container, and find where the volume lives',
        s8: 'Write the file into a bind-mounted folder, then read it on this machine',
        s9: 'Remove the volume and the folder',
        hostRead: 'read by this editor from disk (not the Engine API)',
        fDiff: '`docker diff` of the writer',
        fDiffNote: 'A = added, C = changed, D = deleted: the writable layer\'s contents.',
        fLayer: 'After docker rm: the file in a new container',
        fVolume: 'After docker rm: the file in volume {0}',
        fMountpoint: 'Where volume {0} lives',
        fMountpointNote: 'Mountpoint from GET /volumes/{name}: a folder on the engine\'s host.',
        fBind: 'After the container ended: {0} on this machine',
        fBindNote: 'A bind mount is your own folder: the container wrote straight into it.',
        found: 'found',
        notFound: 'not found ({0})',
        skippedRemote: 'skipped: the engine runs on another machine',
        cleaned: 'removed',
    },
    ko: {
        intro: '작은 파일 하나를 세 가지 방법으로 씁니다. 컨테이너의 쓰기 가능한 레이어, 이름 있는 볼륨, 이 머신에서 바인드 마운트한 폴더입니다. 쓴 컨테이너를 지운 뒤 파일을 다시 찾아봅니다. 끝나면 레슨이 만든 것을 모두 지웁니다.',
        run: '데모 시작',
        runAgain: '다시 실행하기',
        s1: '컨테이너 안에 {0} 쓰기 (쓰기 가능한 레이어)',
        s2: '컨테이너가 바꾼 것 보기',
        s3: '그 컨테이너 지우기',
        s4: '새 컨테이너에서 파일 찾기',
        s5: '이름 있는 볼륨 만들기',
        s6: '볼륨에 파일을 쓰고, 쓴 컨테이너 지우기',
        s7: '새 컨테이너에서 다시 읽고, 볼륨이 있는 곳 찾기',
        s8: '바인드 마운트한 폴더에 파일을 쓰고, 이 머신에서 읽기',
        s9: '볼륨과 폴더 지우기',
        hostRead: '이 편집기가 디스크에서 직접 읽음 (Engine API 아님)',
        fDiff: '쓴 컨테이너의 `docker diff`',
        fDiffNote: 'A = 추가, C = 변경, D = 삭제: 쓰기 가능한 레이어의 내용입니다.',
        fLayer: 'docker rm 뒤: 새 컨테이너에서 찾은 파일',
        fVolume: 'docker rm 뒤: 볼륨 {0}의 파일',
        fMountpoint: '볼륨 {0}이(가) 있는 곳',
        fMountpointNote: 'GET /volumes/{name}의 Mountpoint: 엔진 호스트의 폴더입니다.',
        fBind: '컨테이너가 끝난 뒤: 이 머신의 {0}',
        fBindNote: '바인드 마운트는 내 폴더 그 자체입니다. 컨테이너가 그 폴더에 바로 썼습니다.',
        found: '찾음',
        notFound: '없음 ({0})',
        skippedRemote: '건너뜀: 엔진이 다른 머신에서 실행됩니다',
        cleaned: '삭제함',
    },
};
