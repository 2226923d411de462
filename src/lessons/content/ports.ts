/**
 * Lesson "ports": a program in a container listens inside the container's own network namespace;
 * `-p` publishes a host port to it, `EXPOSE` only documents it. Live: httpd without and with -p,
 * fetched from the editor. Pure data; no `vscode` import.
 */
import type { Lesson } from '../model';

export const portsLesson: Lesson = {
    id: 'ports',
    blocks: [
        { kind: 'h', text: { en: 'Ports: reaching a program inside a container', ko: '포트: 컨테이너 안의 프로그램에 접속하기' } },
        {
            kind: 'p',
            text: {
                en: 'A web server in a container listens on a port, say 80, but inside the container\'s own network namespace: its own interfaces, its own localhost, an address on a Docker network. Your computer\'s port 80 is a different port. Nothing reaches the server from outside until you publish a port with `-p`.',
                ko: '컨테이너 안의 웹 서버는 80 같은 포트에서 기다리지만, 그 포트는 컨테이너 자신의 네트워크 네임스페이스에 있습니다. 자기만의 인터페이스, 자기만의 localhost, 도커 네트워크의 주소가 있습니다. 내 컴퓨터의 80번 포트와는 다른 포트입니다. `-p`로 포트를 게시하기 전에는 밖에서 서버에 닿을 수 없습니다.',
            },
        },
        {
            kind: 'p',
            text: {
                en: '`docker run -p 127.0.0.1:8080:80 IMAGE` asks the engine to listen on the host\'s 127.0.0.1, port 8080, and pass every connection to port 80 of the container. Leave out the address (`-p 8080:80`) and the engine listens on 0.0.0.0, every address of the machine, so other computers on your network can connect too.',
                ko: '`docker run -p 127.0.0.1:8080:80 IMAGE`는 엔진에게 호스트의 127.0.0.1, 8080번 포트에서 기다리다가 들어오는 연결을 컨테이너의 80번 포트로 넘기라고 요청합니다. 주소를 빼면(`-p 8080:80`) 엔진은 머신의 모든 주소인 0.0.0.0에서 기다리므로, 같은 네트워크의 다른 컴퓨터도 접속할 수 있습니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: '`EXPOSE 80` in a Dockerfile (or `--expose 80`) only records in the image that the program uses port 80. It opens nothing. It is documentation for people and tools; `docker run -P` (capital P) reads it to publish every exposed port on a random host port.',
                ko: 'Dockerfile의 `EXPOSE 80`(또는 `--expose 80`)은 프로그램이 80번 포트를 쓴다는 사실을 이미지에 기록할 뿐, 아무것도 열지 않습니다. 사람과 도구를 위한 문서입니다. `docker run -P`(대문자 P)는 이 기록을 읽어 노출된 포트를 모두 임의의 호스트 포트에 게시합니다.',
            },
        },
        {
            kind: 'diagram',
            diagram: {
                kind: 'flow',
                caption: {
                    en: 'With -p 127.0.0.1:8080:80: the engine listens on the host and forwards each connection into the container.',
                    ko: '-p 127.0.0.1:8080:80일 때: 엔진이 호스트에서 기다리다가 연결을 컨테이너 안으로 넘깁니다.',
                },
                nodes: [
                    { id: 'editor', label: { en: 'This editor (curl)', ko: '이 편집기 (curl)' }, sub: { en: 'on the host', ko: '호스트에서' } },
                    { id: 'proxy', label: { en: 'Host port 127.0.0.1:8080', ko: '호스트 포트 127.0.0.1:8080' }, sub: { en: 'docker-proxy or iptables', ko: 'docker-proxy 또는 iptables' } },
                    { id: 'ctr', label: { en: 'Container port 80', ko: '컨테이너 포트 80' }, sub: { en: 'its own IP, its own localhost', ko: '자기 IP, 자기 localhost' } },
                ],
                edges: [
                    { from: 'editor', to: 'proxy', label: { en: 'connect', ko: '접속' } },
                    { from: 'proxy', to: 'ctr', label: { en: 'forward', ko: '전달' } },
                ],
            },
        },
        {
            kind: 'live',
            demo: 'ports.publish',
            title: { en: 'Without -p, then with -p', ko: '-p 없이, 그리고 -p와 함께' },
            explain: {
                en: 'The demo runs busybox httpd on a network of its own, first only exposed and then published on 127.0.0.1, and this editor fetches the page itself each time. It also reads the container\'s own address and asks localhost from inside the container.',
                ko: '데모는 레슨 전용 네트워크에서 busybox httpd를 처음에는 노출만 해서, 다음에는 127.0.0.1에 게시해서 실행하고, 그때마다 이 편집기가 직접 페이지를 요청합니다. 컨테이너 자신의 주소도 읽고, 컨테이너 안에서 localhost에 요청해 봅니다.',
            },
        },
        {
            kind: 'background',
            text: {
                en: 'Inside a container, localhost (127.0.0.1) is the container itself, not your computer. A program in a container that tries to reach a database on the host at localhost finds nothing there; it needs the host\'s address on the Docker network, or the database in another container on the same network, reached by that container\'s name.',
                ko: '컨테이너 안에서 localhost(127.0.0.1)는 내 컴퓨터가 아니라 컨테이너 자신입니다. 컨테이너 안의 프로그램이 localhost로 호스트의 데이터베이스에 접속하려 하면 아무것도 없습니다. 도커 네트워크에서의 호스트 주소를 쓰거나, 같은 네트워크의 다른 컨테이너에 데이터베이스를 두고 그 컨테이너의 이름으로 접속해야 합니다.',
            },
        },
        {
            kind: 'list',
            items: [
                { en: 'A container has its own network: its ports are not the host\'s ports.', ko: '컨테이너에는 자기만의 네트워크가 있습니다. 컨테이너의 포트는 호스트의 포트가 아닙니다.' },
                { en: '`-p HOSTIP:HOSTPORT:CONTAINERPORT` publishes; `EXPOSE` only documents.', ko: '`-p HOSTIP:HOSTPORT:CONTAINERPORT`는 게시하고, `EXPOSE`는 문서로 남길 뿐입니다.' },
                { en: 'Publish on 127.0.0.1 unless other machines must connect: `-p 8080:80` listens on every address.', ko: '다른 머신이 접속해야 하는 경우가 아니라면 127.0.0.1에 게시하세요. `-p 8080:80`은 모든 주소에서 기다립니다.' },
                { en: 'localhost inside a container is the container itself.', ko: '컨테이너 안의 localhost는 컨테이너 자신입니다.' },
            ],
        },
    ],
};
