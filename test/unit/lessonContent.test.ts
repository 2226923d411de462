import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LESSONS } from '../../src/lessons/catalog';
import type { Block, DemoId, Lesson, Text } from '../../src/lessons/model';
import { LESSON_CONTENT, lessonContent } from '../../src/lessons/content';
import { REPO_ROOT } from './helpers';

const HANGUL = /[\uac00-\ud7a3]/;
/** An HTML tag: `<` followed by a letter or `/`. */
const TAG = /<[A-Za-z/]/;

/**
 * Which lesson each demo belongs to. A `Record` over `DemoId`: a new demo id fails to compile until listed here.
 * `practice` is no lesson's own block: the runtime adds it to every lesson that has an exercise.
 */
const DEMO_LESSON: Readonly<Record<Exclude<DemoId, 'practice'>, string>> = {
    'why.sameEverywhere': 'why-docker',
    'ivc.explore': 'image-vs-container',
    'hello.flow': 'hello-world',
    'vm.sharedKernel': 'containers-vs-vms',
    'cgroups.limits': 'cgroups',
    'cgroups.oom': 'cgroups',
    'ns.insideOutside': 'namespaces',
    'build.cache': 'build-cache',
    'lifecycle.states': 'container-lifecycle',
    'ports.publish': 'ports',
    'volumes.persist': 'volumes',
    'names.anatomy': 'image-names',
};
const DEMO_IDS = Object.keys(DEMO_LESSON) as DemoId[];

/** Variants of the seed notes' Korean terms that the lessons must not use. */
const NOT_SEED_TERMS = ['콘테이너', '이메지', '데먼', '가상머신', '하이퍼 바이저', '네임 스페이스', '씨그룹', 'C그룹', '도커허브', '레지스트리리', '게스트OS', '호스트OS', '인스턴트'];

interface Found {
    readonly where: string;
    readonly text: Text;
}

/** Every localized text of a lesson, with where it is (for messages). */
function texts(lesson: Lesson): Found[] {
    const out: Found[] = [];
    lesson.blocks.forEach((b, i) => {
        const at = `${lesson.id}[${i}] ${b.kind}`;
        switch (b.kind) {
            case 'h':
            case 'p':
            case 'background':
                out.push({ where: at, text: b.text });
                break;
            case 'list':
                b.items.forEach((item, j) => out.push({ where: `${at} item ${j}`, text: item }));
                break;
            case 'live':
                out.push({ where: `${at} title`, text: b.title }, { where: `${at} explain`, text: b.explain });
                break;
            case 'diagram': {
                const d = b.diagram;
                out.push({ where: `${at} caption`, text: d.caption });
                if (d.kind === 'flow') {
                    for (const n of d.nodes) {
                        out.push({ where: `${at} node ${n.id}`, text: n.label });
                        if (n.sub) {
                            out.push({ where: `${at} node ${n.id} sub`, text: n.sub });
                        }
                    }
                    for (const e of d.edges) {
                        out.push({ where: `${at} edge ${e.from}→${e.to}`, text: e.label });
                    }
                } else {
                    for (const c of d.columns) {
                        out.push({ where: `${at} column`, text: c.title });
                        for (const l of c.layers) {
                            out.push({ where: `${at} layer`, text: l.label });
                            if (l.beside) {
                                out.push({ where: `${at} layer beside`, text: l.beside.label });
                            }
                        }
                    }
                }
                break;
            }
            case 'code':
                break;
        }
    });
    return out;
}

function blocksOf<K extends Block['kind']>(lesson: Lesson, kind: K): Extract<Block, { kind: K }>[] {
    return lesson.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}

/** Sentences end with `.`, `!` or `?` followed by a space or the end (so `/etc/os-release` is one word). */
function sentences(s: string): number {
    return (s.trim().match(/[.!?](?=\s|$)/g) ?? []).length;
}

const CONTENT: Lesson[] = LESSONS.map((info) => lessonContent(info.id)).filter((l): l is Lesson => l !== undefined);

describe('lesson content', () => {
    it('every catalog lesson has content under its own id, and nothing else does', () => {
        for (const info of LESSONS) {
            const lesson = lessonContent(info.id);
            assert.ok(lesson, `no content for ${info.id}`);
            assert.equal(lesson.id, info.id);
        }
        assert.deepEqual(Object.keys(LESSON_CONTENT).sort(), LESSONS.map((l) => l.id).sort());
        assert.equal(lessonContent('no-such-lesson'), undefined);
        assert.equal(lessonContent('toString'), undefined);
    });

    for (const lesson of CONTENT) {
        describe(lesson.id, () => {
            it('has a heading first and roughly 5 to 12 blocks', () => {
                assert.equal(lesson.blocks[0]?.kind, 'h');
                assert.ok(lesson.blocks.length >= 5 && lesson.blocks.length <= 12, `${lesson.blocks.length} blocks`);
            });

            it('every text has English and Korean, and the Korean is Korean', () => {
                for (const { where, text } of texts(lesson)) {
                    assert.equal(typeof text.en, 'string', where);
                    assert.equal(typeof text.ko, 'string', where);
                    assert.ok(text.en.trim().length > 0, `${where}: empty en`);
                    assert.ok(text.ko.trim().length > 0, `${where}: empty ko`);
                    assert.match(text.ko, HANGUL, `${where}: ko has no Hangul`);
                    assert.notEqual(text.ko, text.en, `${where}: ko equals en`);
                }
            });

            it('the Korean uses the seed notes\' terms', () => {
                for (const { where, text } of texts(lesson)) {
                    for (const bad of NOT_SEED_TERMS) {
                        assert.ok(!text.ko.includes(bad), `${where}: "${bad}" in ${text.ko}`);
                    }
                }
            });

            it('no string holds an HTML tag (code blocks excepted)', () => {
                for (const { where, text } of texts(lesson)) {
                    assert.doesNotMatch(text.en, TAG, `${where} en`);
                    assert.doesNotMatch(text.ko, TAG, `${where} ko`);
                }
            });

            it('has at least one diagram and at least one live demo', () => {
                assert.ok(blocksOf(lesson, 'diagram').length >= 1, 'no diagram');
                assert.ok(blocksOf(lesson, 'live').length >= 1, 'no live block');
            });

            it('live demos are valid DemoIds and belong to this lesson', () => {
                for (const live of blocksOf(lesson, 'live')) {
                    assert.ok(DEMO_IDS.includes(live.demo), `unknown demo ${live.demo}`);
                    assert.equal(DEMO_LESSON[live.demo as keyof typeof DEMO_LESSON], lesson.id, `${live.demo} belongs to ${DEMO_LESSON[live.demo as keyof typeof DEMO_LESSON]}`);
                }
            });

            it('live explanations are at most two sentences', () => {
                for (const live of blocksOf(lesson, 'live')) {
                    assert.ok(sentences(live.explain.en) <= 2, `${live.demo} en: ${live.explain.en}`);
                    assert.ok(sentences(live.explain.ko) <= 2, `${live.demo} ko: ${live.explain.ko}`);
                }
            });

            it('background blocks tell, they do not point at a live demo', () => {
                for (const bg of blocksOf(lesson, 'background')) {
                    assert.doesNotMatch(bg.text.en, /\b(click|start the demo)\b/i, bg.text.en);
                    assert.doesNotMatch(bg.text.ko, /데모를 시작|누르면/, bg.text.ko);
                }
            });

            it('paragraphs stay short (under 600 characters in English)', () => {
                for (const p of [...blocksOf(lesson, 'p'), ...blocksOf(lesson, 'background')]) {
                    assert.ok(p.text.en.length <= 600, `${p.text.en.length} characters: ${p.text.en.slice(0, 60)}…`);
                }
            });

            it('flow diagrams: unique node ids, edges between existing nodes, steps unique', () => {
                for (const { diagram } of blocksOf(lesson, 'diagram')) {
                    if (diagram.kind !== 'flow') {
                        assert.ok(diagram.columns.length >= 1 && diagram.columns.every((c) => c.layers.length >= 1));
                        continue;
                    }
                    const ids = diagram.nodes.map((n) => n.id);
                    assert.equal(new Set(ids).size, ids.length, `duplicate node ids: ${ids.join(', ')}`);
                    for (const e of diagram.edges) {
                        assert.ok(ids.includes(e.from), `edge from unknown node ${e.from}`);
                        assert.ok(ids.includes(e.to), `edge to unknown node ${e.to}`);
                    }
                    const steps = diagram.edges.map((e) => e.step).filter((s) => s !== undefined);
                    assert.equal(new Set(steps).size, steps.length, 'two arrows share a step');
                }
            });
        });
    }

    it('each of the demos is used exactly once, by its lesson', () => {
        const used = CONTENT.flatMap((l) => blocksOf(l, 'live').map((b) => b.demo));
        assert.deepEqual([...used].sort(), [...DEMO_IDS].sort());
    });

    it('hello-world: the seed transcript and a four-step flow client → daemon → registry → container', () => {
        const lesson = lessonContent('hello-world');
        assert.ok(lesson);
        const code = blocksOf(lesson, 'code').map((c) => c.text).join('\n');
        assert.match(code, /^\$ docker run hello-world$/m);
        assert.match(code, /Hello from Docker!/);
        for (const step of ['1. The Docker client contacted the Docker daemon.', '2. The Docker daemon pulled the "hello-world" image from the Docker Hub.', '3. The Docker daemon created a new container', '4. The Docker daemon streamed that output to the Docker client']) {
            assert.ok(code.includes(step), step);
        }
        const flow = blocksOf(lesson, 'diagram').map((d) => d.diagram).find((d) => d.kind === 'flow');
        assert.ok(flow && flow.kind === 'flow');
        assert.deepEqual(flow.nodes.map((n) => n.id), ['client', 'daemon', 'registry', 'container']);
        const byStep = [...flow.edges].filter((e) => e.step !== undefined).sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
        assert.deepEqual(byStep.map((e) => [e.step, e.from, e.to]), [
            [1, 'client', 'daemon'],
            [2, 'daemon', 'registry'],
            [3, 'daemon', 'container'],
            [4, 'container', 'client'],
        ]);
        assert.match(flow.nodes[0].label.ko, /도커 클라이언트/);
        assert.match(flow.nodes[1].label.ko, /도커 데몬/);
        assert.match(flow.nodes[2].label.ko, /레지스트리/);
        assert.match(flow.nodes[3].label.ko, /컨테이너/);
    });

    it('image-vs-container: the stack shows read-only image layers under writable container layers', () => {
        const lesson = lessonContent('image-vs-container');
        assert.ok(lesson);
        const stack = blocksOf(lesson, 'diagram').map((d) => d.diagram).find((d) => d.kind === 'stack');
        assert.ok(stack && stack.kind === 'stack');
        const withWritable = stack.columns.filter((c) => c.layers.some((l) => l.tone === 'writable'));
        assert.ok(withWritable.length >= 2, 'two containers');
        for (const c of withWritable) {
            assert.equal(c.layers[c.layers.length - 1].tone, 'writable', 'the writable layer is on top');
            assert.ok(c.layers.slice(0, -1).every((l) => l.tone === 'layer'), 'image layers below');
        }
    });

    it('containers-vs-vms: both hypervisor types; the engine beside the containers, not a layer under them', () => {
        const lesson = lessonContent('containers-vs-vms');
        assert.ok(lesson);
        const stack = blocksOf(lesson, 'diagram').map((d) => d.diagram).find((d) => d.kind === 'stack');
        assert.ok(stack && stack.kind === 'stack');
        assert.equal(stack.columns.length, 4);
        const tones = stack.columns.map((c) => c.layers.map((l) => l.tone));
        assert.deepEqual(tones.map((t) => t.includes('hypervisor') && t.includes('guest')), [false, true, true, false]);
        // type 1 (bare-metal): the hypervisor right on the hardware; type 2 (hosted): on a host OS
        const [, type1, type2, containers] = stack.columns;
        assert.match(type1.title.en, /type 1 \(bare-metal\)/);
        assert.deepEqual(type1.layers.slice(0, 2).map((l) => l.tone), ['hardware', 'hypervisor']);
        assert.match(type2.title.en, /type 2 \(hosted\)/);
        assert.deepEqual(type2.layers.slice(0, 3).map((l) => l.tone), ['hardware', 'os', 'hypervisor']);
        assert.match(type1.title.ko, /1형/);
        assert.match(type2.title.ko, /2형/);
        // no engine layer anywhere in the stack of the containers column: only beside the containers
        assert.ok(!containers.layers.some((l) => l.tone === 'engine'), 'the engine is not a layer under the containers');
        const top = containers.layers[containers.layers.length - 1];
        assert.equal(top.tone, 'app');
        assert.equal(top.beside?.tone, 'engine');
        assert.match(top.beside?.label.en ?? '', /beside/);
        assert.match(top.label.en, /host kernel/);
        const prose = lesson.blocks.map((b) => ('text' in b && typeof b.text === 'object' ? b.text.en : '')).join(' ');
        assert.match(prose, /type 1 \(bare-metal\) hypervisor runs directly on the hardware; a type 2 \(hosted\) hypervisor runs as a program on a host OS/);
        assert.match(prose, /The Docker engine is not a layer in between/);
    });

    /** Every English and Korean text of a lesson, joined (lists and diagram labels included). */
    const allText = (id: string, locale: 'en' | 'ko') => {
        const lesson = lessonContent(id);
        assert.ok(lesson);
        return texts(lesson)
            .map((f) => f.text[locale])
            .join('\n');
    };

    it('no lesson states a result in advance: no "What you saw" text, only expectations marked as such', () => {
        for (const lesson of CONTENT) {
            for (const { where, text } of texts(lesson)) {
                assert.doesNotMatch(text.en, /What you saw/i, where);
                assert.doesNotMatch(text.ko, /^확인한 것:/, where);
            }
            for (const b of blocksOf(lesson, 'background').filter((x) => /^What to look for:/.test(x.text.en))) {
                assert.match(b.text.ko, /^살펴볼 점:/, `${lesson.id}: the Korean expectation is marked too`);
            }
            for (const b of blocksOf(lesson, 'p')) {
                assert.doesNotMatch(b.text.en, /^What to look for/, `${lesson.id}: an expectation is a background block, not a result paragraph`);
            }
        }
    });

    it('why-docker: no claim of "the same result each time"; kernel, architecture and hostname come from outside', () => {
        const en = allText('why-docker', 'en');
        assert.doesNotMatch(en, /same result each time/);
        assert.match(en, /Run with the same settings, the same image brings the same files every time; the kernel, CPU architecture and hostname come from the engine\./);
        assert.match(en, /A minimal image may not have that file at all/);
    });

    it('image-vs-container: layers record deletions (whiteouts); RUN, COPY, ADD and WORKDIR change files; 0 B is "no file content"', () => {
        const en = allText('image-vs-container', 'en');
        assert.match(en, /the files it deleted \(a deletion is stored as a marker called a whiteout\)/);
        assert.match(en, /`RUN`, `COPY`, `ADD` and `WORKDIR` \(which may create its folder\) change files/);
        assert.match(en, /A row of 0 B means the step stored no file content, not that it was a setting/);
        assert.doesNotMatch(en, /usually a setting|metadata only|stayed exactly the same/);
        assert.match(allText('image-vs-container', 'ko'), /화이트아웃\(whiteout\)/);
    });

    it('hello-world: no "four real calls"; the CLI order create → 404 "Unable to find image" → pull → create', () => {
        const en = allText('hello-world', 'en');
        assert.doesNotMatch(en, /four real calls|one Engine API request per step/);
        assert.match(en, /`docker run` first sends `POST \/containers\/create`\. When the image is missing, the daemon answers 404 and the CLI prints "Unable to find image 'hello-world:latest' locally"; it then pulls with `POST \/images\/create` and sends the create again\./);
        assert.match(en, /counts only the layers it really downloaded/);
    });

    it('cgroups: OOM killer after reclaim fails, a process in the cgroup; net_cls + tc on v1 only; runc writes the limits', () => {
        const en = allText('cgroups', 'en');
        assert.match(en, /the kernel first tries to reclaim memory inside it; when that fails, its OOM killer kills a process in that cgroup\. Here that process is the container's PID 1, so the container ends\./);
        assert.match(en, /only cgroup v1 has a network controller \(net_cls\), which merely tags packets so that the kernel's traffic control \(tc\) can shape them; cgroup v2 has no network controller, and Docker has no flag for bandwidth/);
        assert.match(en, /runc, which writes them into the container's cgroup files/);
        assert.doesNotMatch(en, /never short of memory|busy loop/);
        const ko = allText('cgroups', 'ko');
        assert.match(ko, /무한 루프/);
        assert.doesNotMatch(ko, /바쁜 루프/);
    });

    it('namespaces: rootless Docker always uses a user namespace', () => {
        const en = allText('namespaces', 'en');
        assert.match(en, /Rootless Docker always runs containers in a user namespace; a rootful engine uses one only when you turn on userns-remap/);
        assert.doesNotMatch(en, /not used by Docker unless you turn it on/);
    });

    it('lesson sources: no bare Korean particle after a placeholder (을(를), 이(가), (으)로, 은(는), 와(과) or a restructured sentence)', () => {
        const files: string[] = [];
        const walk = (dir: string) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                const p = path.join(dir, e.name);
                if (e.isDirectory()) {
                    walk(p);
                } else if (p.endsWith('.ts')) {
                    files.push(p);
                }
            }
        };
        walk(path.join(REPO_ROOT, 'src', 'lessons'));
        // a particle right after `{0}` (or after a closing backtick or quote around it)
        const bare = /\{\d+\}[`'"”’]?(?:(?:가|를|로|은|는|을|와|과)(?!\()|이(?!\(가\)))/g;
        const found = files.flatMap((f) => (fs.readFileSync(f, 'utf8').match(bare) ?? []).map((m) => `${path.relative(REPO_ROOT, f)}: ${m}`));
        assert.deepEqual(found, []);
    });

    it('src/lessons imports no vscode', () => {
        const dir = path.join(REPO_ROOT, 'src', 'lessons');
        const files: string[] = [];
        const walk = (d: string): void => {
            for (const e of fs.readdirSync(d, { withFileTypes: true })) {
                const p = path.join(d, e.name);
                if (e.isDirectory()) {
                    walk(p);
                } else if (e.name.endsWith('.ts')) {
                    files.push(p);
                }
            }
        };
        walk(dir);
        assert.ok(files.length >= 8);
        for (const f of files) {
            assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /(from\s+|require\()\s*['"]vscode['"]/, f);
        }
    });
});
