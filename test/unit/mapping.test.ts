import * as assert from 'assert/strict';
import { imageLabel, mapContainer, mapContainers, mapEvent, mapImages, mapState, mapVersion, shortId } from '../../src/docker/mapping';
import { parseContainerStatus } from '../../src/docker/containerStatus';
import { ContainerSummary, ImageSummary } from '../../src/docker/types';
import { fixture } from './helpers';

/** Captured from Docker Engine 20.10.24 (API 1.41); see fixtures/README.md. */
const rawImages = fixture('images.json');
const rawContainers = fixture('containers.json');
const rawVersion = fixture('version.json');
const rawEvents = fixture('events.json');

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';

function byTag(images: ImageSummary[], tag: string): ImageSummary {
    const found = images.find((i) => i.repoTags.includes(tag));
    assert.ok(found, `an image tagged ${tag}`);
    return found;
}

function byName(containers: ContainerSummary[], name: string): ContainerSummary {
    const found = containers.find((c) => c.name === name);
    assert.ok(found, `a container named ${name}`);
    return found;
}

describe('mapping: shortId', () => {
    it('drops sha256: and keeps 12 hex characters, like the CLI', () => {
        assert.equal(shortId('sha256:de03db19471b54e78b21c0ca86f2510e6b91f7118c00db7d74ac45cfe5224600'), 'de03db19471b');
        assert.equal(shortId('22da0f51eb96427d67751d6e8d15bf2ff07e9d3f23a92bab00de016f944ca291'), '22da0f51eb96');
    });

    it('short input stays as it is', () => {
        assert.equal(shortId('abc'), 'abc');
        assert.equal(shortId(''), '');
    });
});

describe('mapping: mapImages (real GET /images/json)', () => {
    const images = mapImages(rawImages);

    it('maps every image in the daemon order', () => {
        assert.equal(images.length, rawImages.length);
        assert.equal(images.length, 4);
        assert.deepEqual(
            images.map((i) => i.id),
            rawImages.map((r: { Id: string }) => r.Id),
        );
    });

    it('ids: full sha256 id and the 12-character short id', () => {
        const busybox = byTag(images, 'busybox:latest');
        assert.equal(busybox.id, 'sha256:de03db19471b54e78b21c0ca86f2510e6b91f7118c00db7d74ac45cfe5224600');
        assert.equal(busybox.shortId, 'de03db19471b');
    });

    it('an image with two tags keeps both, in order', () => {
        const busybox = byTag(images, 'busybox:latest');
        assert.deepEqual(busybox.repoTags, ['busybox:latest', 'my/busybox:v1']);
        assert.equal(busybox.dangling, false);
        assert.equal(imageLabel(busybox), 'busybox:latest');
    });

    it('RepoDigests null → [], a pulled image keeps its digest', () => {
        assert.deepEqual(byTag(images, 'busybox:latest').repoDigests, []);
        const hello = byTag(images, 'hello-world:latest');
        assert.equal(hello.repoDigests.length, 1);
        assert.match(hello.repoDigests[0], /^hello-world@sha256:[0-9a-f]{64}$/);
    });

    it('<none>:<none> and <none>@<none> are filtered; the image is dangling and labelled <none>', () => {
        const dangling = images.find((i) => i.shortId === 'b1d09540116e');
        assert.ok(dangling);
        // the raw daemon answer really has the placeholder strings
        const raw = rawImages.find((r: { Id: string }) => r.Id === dangling.id);
        assert.deepEqual(raw.RepoTags, ['<none>:<none>']);
        assert.deepEqual(raw.RepoDigests, ['<none>@<none>']);
        assert.deepEqual(dangling.repoTags, []);
        assert.deepEqual(dangling.repoDigests, []);
        assert.equal(dangling.dangling, true);
        assert.equal(imageLabel(dangling), '<none>');
    });

    it('exactly one image is dangling', () => {
        assert.equal(images.filter((i) => i.dangling).length, 1);
    });

    it('created (seconds) and size (bytes) are numbers from the daemon', () => {
        const hello = byTag(images, 'hello-world:latest');
        assert.equal(hello.created, 1795834809);
        assert.equal(hello.size, 682696);
    });

    it('labels: null → {}, values kept', () => {
        assert.deepEqual(byTag(images, 'hello-world:latest').labels, {});
        assert.deepEqual(byTag(images, 'dangling-demo:latest').labels, { stage: 'two' });
    });

    it('an image pulled by digest only (RepoTags null) is dangling, exactly as the daemon filter says', () => {
        // images-digest-only.json: `docker pull hello-world@sha256:…` after untagging; the daemon's own
        // `filters={"dangling":["true"]}` answer is images-dangling-filter.json.
        const all = mapImages(fixture('images-digest-only.json'));
        const daemonDangling = (fixture('images-dangling-filter.json') as Array<{ Id: string }>).map((r) => r.Id);
        assert.equal(daemonDangling.length, 1);
        assert.deepEqual(
            all.filter((i) => i.dangling).map((i) => i.id),
            daemonDangling,
        );
        const byDigest = all.find((i) => i.id === daemonDangling[0]);
        assert.ok(byDigest);
        assert.deepEqual(byDigest.repoTags, []);
        assert.match(byDigest.repoDigests[0], /^hello-world@sha256:/);
        assert.equal(imageLabel(byDigest), '<none>');
    });

    it('not an array → []', () => {
        assert.deepEqual(mapImages(null), []);
        assert.deepEqual(mapImages({ message: 'oops' }), []);
    });

    it('junk inside RepoTags/Labels is dropped, not crashed on', () => {
        const [img] = mapImages([{ Id: 'sha256:0123456789abcdef', RepoTags: ['a:1', 7, null], Labels: { ok: 'yes', n: 3 }, Created: 'x' }]);
        assert.deepEqual(img.repoTags, ['a:1']);
        assert.deepEqual(img.labels, { ok: 'yes' });
        assert.equal(img.created, 0);
        assert.equal(img.size, 0);
    });
});

describe('mapping: mapContainers (real GET /containers/json?all=1)', () => {
    const containers = mapContainers(rawContainers);

    it('maps every container', () => {
        assert.equal(containers.length, rawContainers.length);
        assert.deepEqual(containers.map((c) => c.name).sort(), ['exited-hello', 'hostile-cmd', 'paused-box', 'running-box', 'running-ports', 'with-ports']);
    });

    it('names have no leading slash', () => {
        for (const c of containers) {
            assert.ok(!c.name.startsWith('/'), c.name);
        }
        assert.equal(rawContainers[0].Names[0][0], '/', 'the daemon does send the slash');
    });

    it('a running container: state running, the daemon status text', () => {
        const c = byName(containers, 'running-box');
        assert.equal(c.state, 'running');
        assert.equal(c.status, 'Up 10 seconds');
        assert.equal(c.image, 'busybox');
        assert.equal(c.imageId, 'sha256:de03db19471b54e78b21c0ca86f2510e6b91f7118c00db7d74ac45cfe5224600');
        assert.equal(c.command, 'sleep 3600');
        assert.equal(c.shortId, '22da0f51eb96');
        assert.equal(c.id.length, 64);
        assert.equal(c.created, 1795834837);
    });

    it('an exited container: state exited, exit code in the status', () => {
        const c = byName(containers, 'exited-hello');
        assert.equal(c.state, 'exited');
        assert.equal(c.status, 'Exited (0) 10 seconds ago');
        assert.equal(c.image, 'hello-world');
        assert.equal(c.command, '/hello');
    });

    it('created and paused containers', () => {
        assert.equal(byName(containers, 'with-ports').state, 'created');
        const paused = byName(containers, 'paused-box');
        assert.equal(paused.state, 'paused');
        assert.equal(paused.status, 'Up 5 seconds (Paused)');
    });

    it('hostile label values and Cmd are kept verbatim as text (escaping is the UI’s job)', () => {
        const running = byName(containers, 'running-box');
        assert.equal(running.labels['lesson.note'], HOSTILE_IMG);
        assert.equal(running.labels.plain, 'ok');
        const hostile = byName(containers, 'hostile-cmd');
        assert.equal(hostile.command, 'echo </script>');
        assert.deepEqual(hostile.labels, { evil: HOSTILE_IMG, quote: '"&amp;\'' });
    });

    it('ports: the engine (bridge=none) reports none', () => {
        for (const c of containers) {
            assert.deepEqual(c.ports, []);
        }
    });

    it('ports: the API shape maps to PortSummary (published and exposed-only)', () => {
        // The private engine runs without a bridge, so it cannot publish ports; this entry uses the
        // documented Engine API 1.41 Port shape.
        const c = mapContainer({
            ...rawContainers[0],
            Ports: [
                { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
                { PrivatePort: 53, Type: 'udp' },
                { PrivatePort: 9000 },
            ],
        });
        assert.deepEqual(c.ports, [
            { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
            { privatePort: 53, publicPort: undefined, ip: undefined, type: 'udp' },
            { privatePort: 9000, publicPort: undefined, ip: undefined, type: 'tcp' },
        ]);
    });

    it('a container without Names falls back to the short id', () => {
        const c = mapContainer({ Id: '0123456789abcdef0123', State: 'exited' });
        assert.equal(c.name, '0123456789ab');
        assert.equal(c.state, 'exited');
        assert.deepEqual(c.ports, []);
        assert.deepEqual(c.labels, {});
    });

    it('not an array → []', () => {
        assert.deepEqual(mapContainers(undefined), []);
    });
});

describe('mapping: mapState', () => {
    it('known states, case-insensitive', () => {
        for (const s of ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']) {
            assert.equal(mapState(s), s);
            assert.equal(mapState(s.toUpperCase()), s);
        }
    });

    it('unknown or missing → created', () => {
        assert.equal(mapState('zombie'), 'created');
        assert.equal(mapState(undefined), 'created');
    });
});

describe('mapping: mapVersion (real GET /version)', () => {
    it('top-level fields', () => {
        assert.deepEqual(mapVersion(rawVersion), {
            version: '20.10.24+dfsg1',
            apiVersion: '1.41',
            minApiVersion: '1.12',
            os: 'linux',
            arch: 'amd64',
            kernelVersion: rawVersion.KernelVersion,
            // dockerd names its first component `Engine`; Podman's is `Podman Engine` (engineKind)
            engineName: 'Engine',
        });
        assert.ok(rawVersion.KernelVersion.length > 0);
    });

    it('missing fields → empty strings, no minApiVersion', () => {
        const v = mapVersion({});
        assert.equal(v.version, '');
        assert.equal(v.minApiVersion, undefined);
    });
});

describe('mapping: mapEvent (real GET /events lines)', () => {
    const events = rawEvents.map(mapEvent);

    it('container create/start/die of exited-hello', () => {
        const id = '633ac178266a57c4db21ac1ce5c58f29cdf6696b392c7a3ca8bdbbf0e36c61c0';
        const forHello = events.filter((e: { id: string }) => e.id === id);
        assert.deepEqual(
            forHello.map((e: { type: string; action: string }) => `${e.type}/${e.action}`),
            ['container/create', 'container/start', 'container/die'],
        );
        assert.deepEqual(forHello[2].attributes, { exitCode: '0', image: 'hello-world', name: 'exited-hello' });
    });

    it('time is milliseconds from timeNano', () => {
        const first = events[0];
        assert.equal(Math.floor(first.time), 1795834837686);
        assert.equal(Math.floor(first.time / 1000), rawEvents[0].time);
    });

    it('time falls back to seconds × 1000 without timeNano', () => {
        const old = { ...rawEvents[0] };
        delete old.timeNano;
        assert.equal(mapEvent(old).time, rawEvents[0].time * 1000);
    });

    it('pause event', () => {
        const pause = events.find((e: { action: string }) => e.action === 'pause');
        assert.ok(pause);
        assert.equal(pause.type, 'container');
        assert.equal(pause.attributes.name, 'paused-box');
    });

    it('image events: id is the image reference or id', () => {
        const pull = events.find((e: { type: string; action: string }) => e.type === 'image' && e.action === 'pull');
        assert.ok(pull);
        assert.equal(pull.id, 'hello-world:latest');
        const tag = events.find((e: { type: string; action: string }) => e.type === 'image' && e.action === 'tag');
        assert.ok(tag);
        assert.match(tag.id, /^sha256:[0-9a-f]{64}$/);
        assert.equal(tag.attributes.name, 'dangling-demo:latest');
    });

    it('Podman\'s `remove` of a container or an image reads as Docker\'s `destroy` / `delete`', () => {
        // the shape Podman 4.3's compat /events sends (Type, Action, Actor.ID, time, timeNano)
        const podman = { Type: 'container', Action: 'remove', Actor: { ID: 'a'.repeat(64), Attributes: { image: 'docker.io/library/busybox:latest', name: 'x' } }, time: 1795834837, timeNano: 1795834837686000000 };
        assert.equal(mapEvent(podman).action, 'destroy');
        assert.equal(mapEvent({ ...podman, Type: 'image' }).action, 'delete');
        assert.equal(mapEvent({ ...podman, Action: 'die' }).action, 'die');
    });

    it('a network event with status null still has its Action', () => {
        const net = events.find((e: { type: string }) => e.type === 'network');
        assert.ok(net);
        assert.equal(net.action, 'connect');
        assert.equal(net.attributes.type, 'host');
    });

    it('old-style events (status/id/from only) still map', () => {
        const e = mapEvent({ status: 'die', id: 'abc', time: 10 });
        assert.equal(e.action, 'die');
        assert.equal(e.id, 'abc');
        assert.equal(e.time, 10_000);
        assert.deepEqual(e.attributes, {});
    });

    it('garbage → empty strings and 0, never throws', () => {
        const e = mapEvent(null);
        assert.deepEqual(e, { type: '', action: '', id: '', time: 0, attributes: {} });
    });
});

describe('mapping: the status of every container in containers.json parses (real GET /containers/json)', () => {
    // the full parse is tested with many captured statuses in containerStatus.test.ts
    for (const c of mapContainers(rawContainers)) {
        it(`${c.name}: "${c.status}"`, () => {
            const info = parseContainerStatus(c.status);
            assert.notEqual(info.phase, 'unknown');
            assert.equal(info.phase === 'up', c.state === 'running' || c.state === 'paused');
            assert.equal(!!info.paused, c.state === 'paused');
        });
    }
});
