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

/** Which lesson each demo belongs to. A `Record` over `DemoId`: a new demo id fails to compile until listed here. */
const DEMO_LESSON: Readonly<Record<DemoId, string>> = {
    'why.sameEverywhere': 'why-docker',
    'ivc.explore': 'image-vs-container',
    'hello.flow': 'hello-world',
    'vm.sharedKernel': 'containers-vs-vms',
    'cgroups.limits': 'cgroups',
    'cgroups.oom': 'cgroups',
    'ns.insideOutside': 'namespaces',
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
                    assert.equal(DEMO_LESSON[live.demo], lesson.id, `${live.demo} belongs to ${DEMO_LESSON[live.demo]}`);
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

    it('containers-vs-vms: three columns, only the VM one has a hypervisor and a guest OS', () => {
        const lesson = lessonContent('containers-vs-vms');
        assert.ok(lesson);
        const stack = blocksOf(lesson, 'diagram').map((d) => d.diagram).find((d) => d.kind === 'stack');
        assert.ok(stack && stack.kind === 'stack');
        assert.equal(stack.columns.length, 3);
        const tones = stack.columns.map((c) => c.layers.map((l) => l.tone));
        assert.deepEqual(tones.map((t) => t.includes('hypervisor') && t.includes('guest')), [false, true, false]);
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
