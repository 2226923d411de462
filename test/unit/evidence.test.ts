/**
 * When a lesson counts as done (src/lessons/evidence.ts): only Engine events that prove the real
 * thing happened. Events are shaped like mapEvent's output for real `GET /events` lines.
 */
import * as assert from 'assert/strict';
import type { EngineEvent } from '../../src/docker/types';
import { LESSONS } from '../../src/lessons/catalog';
import { LESSON_LABEL, lessonCompletedBy, NAMES_REPO, PROOF_LABEL } from '../../src/lessons/evidence';

const HELLO = 'hello-world';

function ev(type: string, action: string, attributes: Record<string, string>): EngineEvent {
    return { type, action, id: 'c0ffee0123456789c0ffee0123456789c0ffee0123456789c0ffee0123456789', time: 1_700_000_000, attributes };
}
const die = (attributes: Record<string, string>) => ev('container', 'die', attributes);
const labelled = (lesson: string, extra: Record<string, string> = {}) => ({ image: 'busybox', name: 'x', [LESSON_LABEL]: lesson, ...extra });

describe('evidence: hello-world', () => {
    for (const image of ['hello-world', 'hello-world:latest', 'docker.io/library/hello-world', 'docker.io/library/hello-world:latest', 'docker.io/hello-world']) {
        it(`die with exit 0 of ${image} → hello-world`, () => {
            assert.equal(lessonCompletedBy(die({ image, name: 'eager_turing', exitCode: '0' }), HELLO), 'hello-world');
        });
    }

    it('the configured image may be written in any of those forms too', () => {
        for (const configured of ['hello-world:latest', 'docker.io/library/hello-world']) {
            assert.equal(lessonCompletedBy(die({ image: 'hello-world', exitCode: '0' }), configured), 'hello-world', configured);
        }
    });

    it('a configured mirror image counts, and the default one then does not', () => {
        const mirror = 'registry.local:5000/hello-world:v1';
        assert.equal(lessonCompletedBy(die({ image: mirror, exitCode: '0' }), mirror), 'hello-world');
        assert.equal(lessonCompletedBy(die({ image: 'hello-world', exitCode: '0' }), mirror), undefined);
    });

    it('die with exit 0 of any image labelled hello-world → hello-world', () => {
        assert.equal(lessonCompletedBy(die(labelled('hello-world', { exitCode: '0' })), HELLO), 'hello-world');
    });

    it('a non-zero exit does not count', () => {
        for (const exitCode of ['1', '125', '137', '']) {
            assert.equal(lessonCompletedBy(die({ image: 'hello-world', exitCode }), HELLO), undefined, `exit ${exitCode}`);
            assert.equal(lessonCompletedBy(die(labelled('hello-world', { exitCode })), HELLO), undefined, `labelled, exit ${exitCode}`);
        }
        assert.equal(lessonCompletedBy(die({ image: 'hello-world' }), HELLO), undefined, 'no exit code');
    });

    it('other images, tags and look-alikes do not count', () => {
        for (const image of ['busybox', 'hello-world:linux', 'myuser/hello-world', 'hello-world-fake', 'evil/hello-world:latest', '']) {
            assert.equal(lessonCompletedBy(die({ image, exitCode: '0' }), HELLO), undefined, image);
        }
    });

    it('other container actions of hello-world do not count', () => {
        for (const action of ['create', 'start', 'attach', 'destroy', 'kill', 'stop']) {
            assert.equal(lessonCompletedBy(ev('container', action, { image: 'hello-world', exitCode: '0' }), HELLO), undefined, action);
        }
    });
});

describe('evidence: labelled demos', () => {
    it('why-docker: die with exit 0, by label', () => {
        assert.equal(lessonCompletedBy(die(labelled('why-docker', { exitCode: '0' })), HELLO), 'why-docker');
        assert.equal(lessonCompletedBy(die(labelled('why-docker', { exitCode: '2' })), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('container', 'start', labelled('why-docker')), HELLO), undefined);
    });

    it('image-vs-container: create, by label', () => {
        assert.equal(lessonCompletedBy(ev('container', 'create', labelled('image-vs-container')), HELLO), 'image-vs-container');
        assert.equal(lessonCompletedBy(ev('container', 'create', { image: 'busybox' }), HELLO), undefined, 'an unlabelled create');
    });

    it('containers-vs-vms and namespaces: start, by label', () => {
        for (const lesson of ['containers-vs-vms', 'namespaces']) {
            assert.equal(lessonCompletedBy(ev('container', 'start', labelled(lesson)), HELLO), lesson);
            assert.equal(lessonCompletedBy(ev('container', 'create', labelled(lesson)), HELLO), undefined, `${lesson} create`);
        }
    });

    it('cgroups: oom, by label; a plain die or an unlabelled oom does not count', () => {
        assert.equal(lessonCompletedBy(ev('container', 'oom', labelled('cgroups')), HELLO), 'cgroups');
        assert.equal(lessonCompletedBy(die(labelled('cgroups', { exitCode: '0' })), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('container', 'start', labelled('cgroups')), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('container', 'oom', { image: 'busybox' }), HELLO), undefined);
    });

    it('an unknown lesson label completes nothing', () => {
        for (const action of ['create', 'start', 'die', 'oom']) {
            assert.equal(lessonCompletedBy(ev('container', action, labelled('not-a-lesson', { exitCode: '0' })), HELLO), undefined, action);
        }
    });

    it('every lesson in the catalog can be completed by some event', () => {
        const events = [
            die({ image: 'hello-world', exitCode: '0' }),
            ...LESSONS.flatMap((l) => ['create', 'start', 'die', 'oom', 'destroy'].map((action) => ev('container', action, labelled(l.id, { exitCode: '0' })))),
            ev('image', 'tag', { name: 'docker-lessons-build-cache:final' }),
            ev('container', 'die', labelled('volumes', { exitCode: '0', [PROOF_LABEL]: 'volume-read' })),
            ev('image', 'tag', { name: `${NAMES_REPO}:v1` }),
        ];
        const done = new Set(events.map((e) => lessonCompletedBy(e, HELLO)).filter((x): x is string => !!x));
        assert.deepEqual([...done].sort(), LESSONS.map((l) => l.id).sort());
    });
});

describe('evidence: lessons 7 and 11', () => {
    it('build-cache: the tag of the lesson\'s own image completes it; another image\'s tag does not', () => {
        assert.equal(lessonCompletedBy(ev('image', 'tag', { name: 'docker-lessons-build-cache:final' }), HELLO), 'build-cache');
        assert.equal(lessonCompletedBy(ev('image', 'tag', { name: 'myapp:latest' }), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('image', 'untag', { name: 'docker-lessons-build-cache:final' }), HELLO), undefined);
    });

    it('container-lifecycle: the lesson\'s container removed completes it; its create or start does not', () => {
        assert.equal(lessonCompletedBy(ev('container', 'destroy', labelled('container-lifecycle')), HELLO), 'container-lifecycle');
        for (const action of ['create', 'start', 'die']) {
            assert.equal(lessonCompletedBy(ev('container', action, labelled('container-lifecycle', { exitCode: '0' })), HELLO), undefined, action);
        }
        assert.equal(lessonCompletedBy(ev('container', 'destroy', labelled('cgroups')), HELLO), undefined);
    });
});

describe('evidence: lessons 8–10', () => {
    it('ports: the start of a container labelled ports; not its create or die', () => {
        assert.equal(lessonCompletedBy(ev('container', 'start', labelled('ports')), HELLO), 'ports');
        assert.equal(lessonCompletedBy(ev('container', 'create', labelled('ports')), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('container', 'die', labelled('ports', { exitCode: '0' })), HELLO), undefined);
    });

    it('volumes: only the read-back container\'s clean exit (the writer and a failed read do not count)', () => {
        assert.equal(lessonCompletedBy(ev('container', 'die', labelled('volumes', { exitCode: '0', [PROOF_LABEL]: 'volume-read' })), HELLO), 'volumes');
        assert.equal(lessonCompletedBy(ev('container', 'die', labelled('volumes', { exitCode: '1', [PROOF_LABEL]: 'volume-read' })), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('container', 'die', labelled('volumes', { exitCode: '0' })), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('container', 'die', labelled('cgroups', { exitCode: '0', [PROOF_LABEL]: 'volume-read' })), HELLO), undefined);
    });

    it('image-names: a tag event naming the lesson\'s own repository; other tags and untags do not', () => {
        assert.equal(lessonCompletedBy(ev('image', 'tag', { name: `${NAMES_REPO}:v1` }), HELLO), 'image-names');
        assert.equal(lessonCompletedBy(ev('image', 'untag', { name: `${NAMES_REPO}:v1` }), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('image', 'tag', { name: `x${NAMES_REPO}:v1` }), HELLO), undefined);
        assert.equal(lessonCompletedBy(ev('image', 'tag', { name: `${NAMES_REPO}-other:v1` }), HELLO), undefined);
    });
});

describe('evidence: non-container events', () => {
    it('other image events never complete a lesson, even with the image name or a label', () => {
        for (const action of ['pull', 'tag', 'delete', 'untag', 'load']) {
            assert.equal(lessonCompletedBy(ev('image', action, { name: 'hello-world', image: 'hello-world', exitCode: '0' }), HELLO), undefined, action);
            assert.equal(lessonCompletedBy(ev('image', action, labelled('cgroups', { exitCode: '0' })), HELLO), undefined, `${action} labelled`);
        }
    });

    it('network, volume and daemon events → undefined', () => {
        for (const type of ['network', 'volume', 'daemon', 'plugin', '']) {
            assert.equal(lessonCompletedBy(ev(type, 'die', { image: 'hello-world', exitCode: '0', [LESSON_LABEL]: 'hello-world' }), HELLO), undefined, type);
        }
    });
});
