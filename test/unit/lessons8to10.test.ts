/**
 * Lessons 8–10, the pure parts: image references taken apart as the engine reads them, the create
 * body for ports and mounts, the mapping of networks, volumes, `docker diff` and registry settings, and
 * the findings each demo builds from its results (held, surprise with its reason, notes).
 */
import * as assert from 'assert/strict';
import { createBody } from '../../src/docker/createOptions';
import { mapChanges, mapRegistrySettings, mapVolume } from '../../src/docker/dockerodeLab';
import { namesFindings, NamesResult } from '../../src/lessons/live/findings/names';
import { bindingsOf, portsFindings, PortsResult } from '../../src/lessons/live/findings/ports';
import { volumesFindings, VolumesResult } from '../../src/lessons/live/findings/volumes';
import { digestFor, parseImageRef, repoPath } from '../../src/lessons/live/imageRef';

describe('lessons 8–10: image references', () => {
    it('fills in docker.io, library and latest, and says which parts it filled', () => {
        const r = parseImageRef('hello-world');
        assert.deepEqual([r.registry, r.namespace, r.repository, r.tag, r.digest], ['docker.io', 'library', 'hello-world', 'latest', undefined]);
        assert.deepEqual(r.implied, { registry: true, namespace: true, tag: true });
        assert.equal(repoPath(r), 'library/hello-world');
    });

    it('a registry is a first part with a dot, a port, or localhost; a namespace stays a namespace', () => {
        assert.deepEqual(
            ['127.0.0.1:5000/library/busybox:1.36', 'localhost/x', 'registry.example.com/team/app:1.0', 'my/busybox:v1', 'ghcr.io/a/b/c:t'].map((t) => {
                const r = parseImageRef(t);
                return [r.registry, r.namespace, r.repository, r.tag];
            }),
            [
                ['127.0.0.1:5000', 'library', 'busybox', '1.36'],
                ['localhost', '', 'x', 'latest'],
                ['registry.example.com', 'team', 'app', '1.0'],
                ['docker.io', 'my', 'busybox', 'v1'],
                ['ghcr.io', 'a/b', 'c', 't'],
            ],
        );
    });

    it('a digest: no latest is implied; the digest of a repository is found among RepoDigests', () => {
        const r = parseImageRef('hello-world@sha256:abc');
        assert.equal(r.tag, undefined);
        assert.equal(r.digest, 'sha256:abc');
        assert.equal(r.implied.tag, false);
        assert.equal(digestFor(['127.0.0.1:5000/library/hello-world@sha256:bbb', 'hello-world@sha256:aaa'], parseImageRef('hello-world:latest')), 'sha256:aaa');
        assert.equal(digestFor(['busybox@sha256:aaa'], parseImageRef('hello-world')), undefined);
    });
});

describe('lessons 8–10: the create body and the mappings', () => {
    it('-p adds the port to ExposedPorts too (as the CLI does: API 1.41 publishes nothing without it)', () => {
        const b = createBody({ image: 'busybox', network: 'n', publish: [{ containerPort: 80, hostPort: 8081, hostIp: '127.0.0.1' }], binds: ['v:/data'], expose: [9000] });
        assert.deepEqual(b.ExposedPorts, { '9000/tcp': {}, '80/tcp': {} });
        assert.deepEqual(b.HostConfig.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8081' }] });
        assert.equal(b.HostConfig.NetworkMode, 'n');
        assert.deepEqual(b.HostConfig.Binds, ['v:/data']);
        const plain = createBody({ image: 'busybox', networkNone: true, network: 'ignored' });
        assert.equal(plain.ExposedPorts, undefined);
        assert.equal(plain.HostConfig.NetworkMode, 'none');
        assert.equal(createBody({ image: 'b', publish: [{ containerPort: 80, hostPort: 8080 }] }).HostConfig.PortBindings['80/tcp'][0].HostIp, '');
    });

    it('docker diff kinds, volume mountpoints, registry settings; NetworkSettings.Ports as bindings', () => {
        assert.deepEqual(mapChanges([{ Path: '/data', Kind: 1 }, { Path: '/etc', Kind: 0 }, { Path: '/x', Kind: 2 }]), [
            { path: '/data', kind: 'added' },
            { path: '/etc', kind: 'changed' },
            { path: '/x', kind: 'deleted' },
        ]);
        assert.equal(mapVolume({ Name: 'v', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/v/_data' }).mountpoint, '/var/lib/docker/volumes/v/_data');
        const s = mapRegistrySettings({ IndexServerAddress: 'https://index.docker.io/v1/', RegistryConfig: { Mirrors: ['http://127.0.0.1:5000/'], InsecureRegistryCIDRs: ['127.0.0.0/8'], IndexConfigs: { '127.0.0.1:5000': { Name: '127.0.0.1:5000', Secure: false }, 'docker.io': { Name: 'docker.io', Secure: true } } } });
        assert.deepEqual(s, { mirrors: ['http://127.0.0.1:5000/'], insecure: ['127.0.0.1:5000', '127.0.0.0/8'], indexServer: 'https://index.docker.io/v1/' });
        assert.deepEqual(mapRegistrySettings({}), { mirrors: [], insecure: [], indexServer: '' });
        assert.deepEqual(bindingsOf({ '80/tcp': [{ HostIp: '', HostPort: '8080' }, { HostIp: '127.0.0.1', HostPort: '1' }] }, '80/tcp'), ['0.0.0.0:8080', '127.0.0.1:1']);
        assert.deepEqual(bindingsOf({ '80/tcp': null }, '80/tcp'), []);
    });
});

const PORTS: PortsResult = {
    hostPort: 41000,
    containerPort: 80,
    exposed: ['80/tcp'],
    unpublishedBindings: [],
    withoutP: { ok: false, error: 'ECONNREFUSED' },
    publishedBindings: ['127.0.0.1:41000'],
    withP: { ok: true, status: 200, ours: true },
    network: 'net',
    ip: '172.18.0.3',
    byIp: { ok: true, status: 200, ours: true },
    insideOwn: { ok: true, status: 200, ours: true },
    insideHostPort: { ok: false, error: 'ECONNREFUSED' },
    local: true,
};

describe('lessons 8–10: findings built from the run', () => {
    it('ports: every expectation held; the container IP is a note', () => {
        const v = portsFindings(PORTS, 'en');
        assert.equal(v.state, 'held');
        assert.deepEqual(v.points.map((p) => p.state), ['held', 'held', 'held', 'held', 'note', 'held']);
        assert.match(v.points[1].text, /Without -p, http:\/\/127\.0\.0\.1:41000\/ from this editor got no answer \(ECONNREFUSED\)/);
    });

    it('ports: a remote engine whose -p cannot be fetched from here is a surprise with that reason; an answer without -p too', () => {
        const v = portsFindings({ ...PORTS, local: false, withP: { ok: false, error: 'ECONNREFUSED' }, withoutP: { ok: true, status: 200, ours: false } }, 'en');
        assert.equal(v.state, 'surprise');
        const withP = v.points.find((p) => p.text.startsWith('With -p 127.0.0.1:41000:80, the fetch from this editor still got no answer'));
        assert.match(withP?.why ?? '', /another machine or in a VM/);
        assert.match(v.points[1].text, /still answered \(HTTP 200\)/);
        const local = portsFindings({ ...PORTS, withP: { ok: false, error: 'ECONNREFUSED' } }, 'ko');
        assert.match(local.points[2].why ?? '', /docker-proxy/);
    });

    it('ports: localhost:HOSTPORT answering inside is --network host', () => {
        const v = portsFindings({ ...PORTS, insideHostPort: { ok: true, status: 200 } }, 'en');
        assert.match(v.points[5].why ?? '', /--network host/);
    });

    const VOL: VolumesResult = {
        token: 'tok',
        file: '/data/note.txt',
        inDiff: true,
        layerAfterRm: { exitCode: 1, output: 'cat: can\'t open \'/data/note.txt\': No such file or directory\n' },
        volume: { name: 'v', mountpoint: '/var/lib/docker/volumes/v/_data', readBack: { exitCode: 0, output: 'docker-lessons tok\n' }, host: { text: 'docker-lessons tok\n' } },
        bind: { hostDir: '/w/.docker-lessons/bind-tok', readBack: { exitCode: 0, output: 'docker-lessons tok\n' }, host: { text: 'docker-lessons tok\n' } },
    };

    it('volumes: gone from the layer, kept in the volume and the bind mount; cat\'s own words are quoted', () => {
        const v = volumesFindings(VOL, 'en');
        assert.equal(v.state, 'held');
        assert.match(v.points[1].text, /No such file or directory/);
        assert.deepEqual(v.points.map((p) => p.state), ['held', 'held', 'held', 'note', 'held']);
    });

    it('volumes: a file still there after rm is a surprise (a VOLUME in the image); an unreadable mountpoint is a note; a remote engine skips the bind', () => {
        const v = volumesFindings({ ...VOL, layerAfterRm: { exitCode: 0, output: 'docker-lessons tok' }, volume: { ...VOL.volume, host: { error: 'EACCES' } }, bind: undefined }, 'en');
        assert.equal(v.points[1].state, 'surprise');
        assert.match(v.points[1].why ?? '', /VOLUME instruction/);
        assert.match(v.points[3].text, /could not read them \(EACCES\)/);
        assert.match(v.points[4].text, /bind mount was not tried/);
    });

    const NAMES: NamesResult = {
        shell: { name: 'busybox', id: 'sha256:bbbbbbbbbbbbbbbb' },
        hello: { name: 'hello-world', id: 'sha256:hhhhhhhhhhhhhhhh' },
        second: { name: 'docker-lessons/names:v1', id: 'sha256:bbbbbbbbbbbbbbbb' },
        imageCount: { before: 2, after: 2 },
        latest: { name: 'docker-lessons/names', first: 'sha256:hhhhhhhhhhhhhhhh', moved: 'sha256:bbbbbbbbbbbbbbbb' },
        pull: { name: 'hello-world', registry: 'docker.io', mirrors: ['http://127.0.0.1:5000/'], digest: 'sha256:dddddddddddddddd', mirrorDigest: 'sha256:dddddddddddddddd' },
        pinned: { ref: 'hello-world@sha256:dddddddddddddddd', id: 'sha256:hhhhhhhhhhhhhhhh' },
        push: { name: 'registry.example.com/docker-lessons/hello:1.0', registry: 'registry.example.com', repository: 'docker-lessons/hello', tag: '1.0', layers: 1, bytes: 790000 },
    };

    it('image names: two tags one id, latest moved, the mirror\'s digest = the recorded one, the digest pins, what push would send', () => {
        const v = namesFindings(NAMES, 'en');
        assert.equal(v.state, 'held');
        assert.deepEqual(v.points.map((p) => p.state), ['held', 'held', 'held', 'held', 'held', 'held', 'note']);
        assert.match(v.points[6].text, /would go to registry\.example\.com, repository docker-lessons\/hello, tag 1\.0, and upload its layers \(1, /);
    });

    it('image names: a different mirror digest, a failed pull, no mirror, an own registry, no digest', () => {
        assert.equal(namesFindings({ ...NAMES, pull: { ...NAMES.pull, mirrorDigest: 'sha256:eeee' } }, 'en').points[4].state, 'surprise');
        const failed = namesFindings({ ...NAMES, pull: { ...NAMES.pull, error: 'connection refused' } }, 'ko').points[4];
        assert.equal(failed.state, 'surprise');
        assert.match(failed.text, /connection refused/);
        assert.match(namesFindings({ ...NAMES, pull: { ...NAMES.pull, mirrors: [] } }, 'en').points[4].text, /no mirror: it was pulled from Docker Hub/);
        assert.match(namesFindings({ ...NAMES, pull: { ...NAMES.pull, registry: 'ghcr.io' } }, 'en').points[4].text, /names its registry, ghcr\.io/);
        assert.match(namesFindings({ ...NAMES, pinned: undefined }, 'en').points[5].text, /has no digest yet/);
        assert.equal(namesFindings({ ...NAMES, latest: { ...NAMES.latest, moved: NAMES.hello.id } }, 'en').state, 'surprise');
    });
});
