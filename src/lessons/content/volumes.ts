/**
 * Lesson "volumes": a container's writable layer goes with the container; a named volume and a bind
 * mount keep data outside it. Live: one file written three ways. Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const volumesLesson: Lesson = {
    id: 'volumes',
    blocks: [
        { kind: 'h', text: { en: 'Data that outlives a container: volumes and bind mounts', ko: '컨테이너보다 오래 남는 데이터: 볼륨과 바인드 마운트' } },
        {
            kind: 'p',
            text: {
                en: 'Everything a container writes goes into its thin writable layer, on top of the image\'s read-only layers. That layer belongs to the container: `docker rm` deletes it, and a new container from the same image starts from the image again. A database that keeps its files there loses them with the container.',
                ko: '컨테이너가 쓰는 모든 것은 이미지의 읽기 전용 레이어 위에 있는 얇은 쓰기 가능한 레이어에 들어갑니다. 이 레이어는 컨테이너의 것이라서 `docker rm`을 하면 함께 지워지고, 같은 이미지로 만든 새 컨테이너는 다시 이미지 상태에서 시작합니다. 데이터베이스가 파일을 여기에 두면 컨테이너와 함께 잃어버립니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: 'A mount puts a folder that lives outside the container at a path inside it. A named volume (`-v mydata:/data`) is a folder the engine creates and manages; it stays until you remove it with `docker volume rm`. A bind mount (`-v /home/me/project:/data`) is a folder of your own: the container reads and writes your files directly.',
                ko: '마운트는 컨테이너 밖에 있는 폴더를 컨테이너 안의 경로에 연결합니다. 이름 있는 볼륨(`-v mydata:/data`)은 엔진이 만들고 관리하는 폴더로, `docker volume rm`으로 지우기 전까지 남아 있습니다. 바인드 마운트(`-v /home/me/project:/data`)는 내 폴더 그 자체라서, 컨테이너가 내 파일을 바로 읽고 씁니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'stack',
                caption: {
                    en: 'Where a file written to /data ends up: in the writable layer (deleted with the container), in a volume, or in your folder.',
                    ko: '/data에 쓴 파일이 가는 곳: 쓰기 가능한 레이어(컨테이너와 함께 지워짐), 볼륨, 또는 내 폴더.',
                },
                columns: [
                    {
                        title: { en: 'No mount', ko: '마운트 없음' },
                        layers: [
                            { label: { en: 'Image layers (read-only)', ko: '이미지 레이어 (읽기 전용)' }, tone: 'layer' },
                            { label: { en: 'Writable layer: /data/note.txt (gone after docker rm)', ko: '쓰기 가능한 레이어: /data/note.txt (docker rm 뒤 사라짐)' }, tone: 'writable' },
                        ],
                    },
                    {
                        title: { en: 'Named volume', ko: '이름 있는 볼륨' },
                        layers: [
                            { label: { en: 'Engine\'s host: /var/lib/docker/volumes/mydata/_data', ko: '엔진 호스트: /var/lib/docker/volumes/mydata/_data' }, tone: 'os' },
                            { label: { en: 'Image layers (read-only)', ko: '이미지 레이어 (읽기 전용)' }, tone: 'layer', beside: { label: { en: '/data → volume mydata', ko: '/data → 볼륨 mydata' }, tone: 'engine' } },
                            { label: { en: 'Writable layer (no /data inside)', ko: '쓰기 가능한 레이어 (/data는 여기 없음)' }, tone: 'writable' },
                        ],
                    },
                    {
                        title: { en: 'Bind mount', ko: '바인드 마운트' },
                        layers: [
                            { label: { en: 'Your folder: /home/me/project', ko: '내 폴더: /home/me/project' }, tone: 'os' },
                            { label: { en: 'Image layers (read-only)', ko: '이미지 레이어 (읽기 전용)' }, tone: 'layer', beside: { label: { en: '/data → your folder', ko: '/data → 내 폴더' }, tone: 'app' } },
                            { label: { en: 'Writable layer (no /data inside)', ko: '쓰기 가능한 레이어 (/data는 여기 없음)' }, tone: 'writable' },
                        ],
                    },
                ],
            },
        },
        {
            kind: 'live',
            demo: 'volumes.persist',
            title: { en: 'Write, remove, look again', ko: '쓰고, 지우고, 다시 찾기' },
            explain: {
                en: 'The demo writes one file into a container\'s writable layer, a named volume and a bind-mounted folder, removes each writer, and looks for the file again. It shows `docker diff`, where the volume lives on the engine\'s host, and reads the bind-mounted file from your disk.',
                ko: '데모는 파일 하나를 컨테이너의 쓰기 가능한 레이어, 이름 있는 볼륨, 바인드 마운트한 폴더에 쓰고, 쓴 컨테이너를 지운 뒤 파일을 다시 찾습니다. `docker diff`와 볼륨이 엔진 호스트의 어디에 있는지 보여 주고, 바인드 마운트한 파일을 디스크에서 직접 읽습니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'On Docker Desktop the engine runs in a virtual machine: a volume\'s folder is inside that VM, not on your disk, and a bind mount goes through file sharing between your computer and the VM, which is slower. `docker rm -v` also removes the anonymous volumes of a container; named volumes stay until `docker volume rm` or `docker volume prune`.',
                ko: 'Docker Desktop에서는 엔진이 가상 머신 안에서 실행되므로, 볼륨의 폴더는 내 디스크가 아니라 그 가상 머신 안에 있습니다. 바인드 마운트는 내 컴퓨터와 가상 머신 사이의 파일 공유를 거치므로 더 느립니다. `docker rm -v`는 컨테이너의 익명 볼륨도 지웁니다. 이름 있는 볼륨은 `docker volume rm`이나 `docker volume prune`을 하기 전까지 남습니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'The writable layer is deleted with its container.', ko: '쓰기 가능한 레이어는 컨테이너와 함께 지워집니다.' },
                { en: 'A named volume is managed by the engine and outlives any container that uses it.', ko: '이름 있는 볼륨은 엔진이 관리하며, 그 볼륨을 쓰는 어떤 컨테이너보다 오래 남습니다.' },
                { en: 'A bind mount is your own folder: what the container writes is on your disk at once.', ko: '바인드 마운트는 내 폴더 그 자체입니다. 컨테이너가 쓴 것이 바로 내 디스크에 생깁니다.' },
            ],
        },
    ],
};
