/**
 * Dockerfile analysis (src/dockerfile/analysis): the teaching data per keyword, steps and stages
 * from dockerfile-ast, hover positions, image history → lines, and hostile or odd input.
 */
import * as assert from 'assert/strict';
import { analyze, Analysis, KEYWORDS, keywordInfo, mapHistoryToSteps, Step, stepAt, stepAtKeyword, substitute } from '../../src/dockerfile/analysis';
import { historyStepKind } from '../../src/docker/mapping';
import type { LayerInfo } from '../../src/docker/types';
import { LESSONS } from '../../src/lessons/catalog';

const HANGUL = /[\uac00-\ud7a3]/;

const ALL_KEYWORDS = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'ARG', 'EXPOSE', 'WORKDIR', 'USER', 'VOLUME', 'LABEL', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** Keyword, first line, last line and stage of every step: the shape most tests compare. */
function shape(a: Analysis): [string, number, number, number][] {
    return a.steps.map((s) => [s.keyword, s.range.start.line, s.range.end.line, s.stage]);
}

function only<T>(xs: readonly T[], what: string): T {
    assert.equal(xs.length, 1, `exactly one ${what}`);
    return xs[0];
}

describe('dockerfile analysis: keywordInfo', () => {
    it('KEYWORDS is exactly the 18 Dockerfile instructions', () => {
        assert.deepEqual([...KEYWORDS].sort(), [...ALL_KEYWORDS].sort());
    });

    for (const k of ALL_KEYWORDS) {
        it(`${k}: what/when/tip in en and ko, and a lesson that exists`, () => {
            const info = keywordInfo(k);
            assert.ok(info, `no info for ${k}`);
            for (const field of ['what', 'when', 'tip'] as const) {
                assert.ok(info[field].en.trim().length > 10, `${k}.${field}.en`);
                assert.ok(info[field].ko.trim().length > 5, `${k}.${field}.ko`);
                assert.match(info[field].ko, HANGUL, `${k}.${field}.ko is Korean`);
                assert.notEqual(info[field].ko, info[field].en);
            }
            assert.ok(
                LESSONS.some((l) => l.id === info.lesson),
                `${k} links lesson ${info.lesson}, which is not in the catalog`,
            );
            assert.equal(info.kind, LAYER_KEYWORDS.has(k) ? 'layer' : 'metadata');
        });
    }

    it('is case-insensitive, and unknown words have no info', () => {
        assert.equal(keywordInfo('run'), keywordInfo('RUN'));
        assert.equal(keywordInfo('Copy'), keywordInfo('COPY'));
        assert.equal(keywordInfo('FOO'), undefined);
        assert.equal(keywordInfo(''), undefined);
        // not a prototype property either
        assert.equal(keywordInfo('constructor'), undefined);
        assert.equal(keywordInfo('__proto__'), undefined);
        assert.equal(keywordInfo('toString'), undefined);
    });

    it('CMD and ENTRYPOINT run in the container when it starts, not at build', () => {
        for (const k of ['CMD', 'ENTRYPOINT']) {
            const when = keywordInfo(k)!.when;
            assert.match(when.en, /container/i, k);
            assert.match(when.en, /not at build/i, k);
            assert.match(when.ko, /컨테이너/, k);
            assert.match(when.ko, /빌드 때가 아니라/, k);
        }
    });

    it('RUN runs at build, not when a container starts', () => {
        assert.match(keywordInfo('RUN')!.when.en, /build time/i);
        assert.doesNotMatch(keywordInfo('RUN')!.when.en, /not at build/i);
    });

    it('EXPOSE says it does not publish the port, and what does', () => {
        const info = keywordInfo('EXPOSE')!;
        assert.match(info.when.en, /does not publish/i);
        assert.match(info.when.en, /-p /);
        assert.match(info.when.ko, /공개하지는 않습니다/);
    });
});

describe('dockerfile analysis: analyze() steps', () => {
    const text = [
        '# syntax comment, not a step', // 0
        'ARG BASE=busybox', // 1
        'FROM ${BASE}:1.0 AS base', // 2
        'RUN echo a \\', // 3
        '    && echo b \\', // 4
        '    && echo c', // 5
        '', // 6
        'FROM base', // 7
        'ENV A=1 B=2', // 8
        'COPY --from=base /etc/hostname /x', // 9
        'CMD ["sh"]', // 10
    ].join('\n');
    const a = analyze(text);

    it('one step per instruction, comments and blank lines are not steps', () => {
        assert.deepEqual(shape(a), [
            ['ARG', 1, 1, -1],
            ['FROM', 2, 2, 0],
            ['RUN', 3, 5, 0],
            ['FROM', 7, 7, 1],
            ['ENV', 8, 8, 1],
            ['COPY', 9, 9, 1],
            ['CMD', 10, 10, 1],
        ]);
    });

    it('kinds: FROM is a stage, RUN/COPY are layers, the rest metadata', () => {
        assert.deepEqual(
            a.steps.map((s) => s.kind),
            ['metadata', 'stage', 'layer', 'stage', 'metadata', 'layer', 'metadata'],
        );
        assert.ok(a.steps.every((s) => s.known));
    });

    it('keywordRange covers the keyword only; range covers the continuation lines', () => {
        const run = a.steps[2];
        assert.deepEqual(run.keywordRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
        assert.deepEqual(run.range.start, { line: 3, character: 0 });
        assert.deepEqual(run.range.end, { line: 5, character: '    && echo c'.length });
        const copy = a.steps[5];
        assert.deepEqual(copy.keywordRange, { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } });
    });

    it('args are joined on one line without the continuation backslashes, as Docker joins them (continuation lines keep their indentation)', () => {
        assert.equal(a.steps[2].args, 'echo a     && echo b     && echo c');
        assert.equal(a.steps[1].args, '${BASE}:1.0 AS base');
        assert.equal(a.steps[4].args, 'A=1 B=2');
        assert.equal(a.steps[6].args, '["sh"]');
        assert.ok(a.steps.every((s) => !s.args.includes('\n')));
    });

    it('lower-case keywords are upper-cased and known', () => {
        const b = analyze('from busybox\nrun echo hi\n');
        assert.deepEqual(
            b.steps.map((s) => [s.keyword, s.known, s.kind]),
            [
                ['FROM', true, 'stage'],
                ['RUN', true, 'layer'],
            ],
        );
    });

    it('an unknown instruction is kept, marked unknown, and is not a layer', () => {
        const b = analyze('FROM busybox\nFOO bar baz\n');
        const foo = b.steps[1];
        assert.equal(foo.keyword, 'FOO');
        assert.equal(foo.known, false);
        assert.equal(foo.kind, 'metadata');
        assert.equal(foo.args, 'bar baz');
        assert.equal(foo.stage, 0);
    });

    it('leading indentation: the keyword range starts where the keyword does', () => {
        const b = analyze('FROM busybox\n   RUN echo hi\n');
        assert.deepEqual(b.steps[1].keywordRange, { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } });
    });

    it('the default escape character is a backslash', () => {
        assert.equal(a.escape, '\\');
    });
});

describe('dockerfile analysis: stages, ARG and FROM', () => {
    it('ARG BASE=busybox + FROM ${BASE}:1.0 AS base → busybox:1.0 named base', () => {
        const a = analyze('ARG BASE=busybox\nFROM ${BASE}:1.0 AS base\nRUN true\n');
        const s = only(a.stages, 'stage');
        assert.equal(s.index, 0);
        assert.equal(s.name, 'base');
        assert.equal(s.written, '${BASE}:1.0');
        assert.equal(s.resolved, 'busybox:1.0');
        assert.equal(s.fromStage, undefined);
        assert.equal(s.scratch, false);
        assert.equal(s.line, 1);
        assert.deepEqual(s.imageRange, { start: { line: 1, character: 5 }, end: { line: 1, character: 16 } });
    });

    it('FROM base names the earlier stage (case-insensitive); an image of the same name later does not', () => {
        const a = analyze('FROM busybox AS base\nRUN true\nFROM base\nFROM BASE\nFROM alpine\n');
        assert.equal(a.stages.length, 4);
        assert.equal(a.stages[1].fromStage, 0);
        assert.equal(a.stages[1].resolved, 'base');
        assert.equal(a.stages[2].fromStage, 0);
        assert.equal(a.stages[3].fromStage, undefined);
        assert.deepEqual(
            a.stages.map((s) => s.index),
            [0, 1, 2, 3],
        );
    });

    it('a stage cannot be named before it exists', () => {
        const a = analyze('FROM later\nFROM busybox AS later\n');
        assert.equal(a.stages[0].fromStage, undefined);
        assert.equal(a.stages[0].resolved, 'later');
    });

    it('FROM scratch is scratch (any case), and nothing else is', () => {
        const a = analyze('FROM scratch\nCOPY x /x\nFROM Scratch\nFROM scratchy\n');
        assert.deepEqual(
            a.stages.map((s) => s.scratch),
            [true, true, false],
        );
    });

    it('ARG without a default → resolved is undefined, written is kept', () => {
        const a = analyze('ARG BASE\nFROM ${BASE}\nFROM $BASE:1\n');
        assert.equal(a.stages[0].written, '${BASE}');
        assert.equal(a.stages[0].resolved, undefined);
        assert.equal(a.stages[1].resolved, undefined);
        assert.equal(a.stages[0].scratch, false);
    });

    it('bare $VAR and several variables in one reference', () => {
        const a = analyze('ARG REG=registry.local:5000\nARG TAG=1.36\nFROM $REG/busybox:${TAG}\n');
        assert.equal(a.stages[0].resolved, 'registry.local:5000/busybox:1.36');
    });

    it('${VAR:-x} and ${VAR:+y} in FROM', () => {
        const a = analyze('ARG SET=on\nARG UNSET\nFROM ${UNSET:-alpine}:${SET:+3.20}\nFROM busybox${UNSET:+-musl}\n');
        assert.equal(a.stages[0].resolved, 'alpine:3.20');
        assert.equal(a.stages[1].resolved, 'busybox');
    });

    it('a nested default: ${REGISTRY:+${REGISTRY}/}busybox, set and unset', () => {
        const set = analyze('ARG REGISTRY=reg.local:5000\nFROM ${REGISTRY:+${REGISTRY}/}busybox:1.36\n');
        assert.equal(set.stages[0].resolved, 'reg.local:5000/busybox:1.36');
        const unset = analyze('ARG REGISTRY\nFROM ${REGISTRY:+${REGISTRY}/}busybox:1.36\n');
        assert.equal(unset.stages[0].resolved, 'busybox:1.36');
    });

    it('an ARG after the first FROM does not reach a later FROM (Docker scoping)', () => {
        const a = analyze('FROM busybox\nARG V=2\nFROM busybox:$V\n');
        assert.equal(a.stages[1].resolved, undefined);
        assert.equal(a.steps[1].stage, 0, 'the ARG belongs to stage 0');
    });

    it('FROM --platform: the image is the reference, not the flag', () => {
        const a = analyze('FROM --platform=$BUILDPLATFORM busybox:1.36 AS build\n');
        assert.equal(a.stages[0].written, 'busybox:1.36');
        assert.equal(a.stages[0].resolved, 'busybox:1.36');
        assert.equal(a.stages[0].name, 'build');
    });

    it('steps before any FROM are stage -1', () => {
        const a = analyze('ARG A=1\nARG B=2\nFROM busybox\n');
        assert.deepEqual(
            a.steps.map((s) => s.stage),
            [-1, -1, 0],
        );
    });
});

describe('dockerfile analysis: substitute()', () => {
    const vars = new Map<string, string | undefined>([
        ['A', 'alpha'],
        ['EMPTY', ''],
        ['NODEFAULT', undefined],
    ]);

    it('${VAR} and $VAR with known values', () => {
        assert.equal(substitute('${A}', vars), 'alpha');
        assert.equal(substitute('$A', vars), 'alpha');
        assert.equal(substitute('x-$A-${A}-y', vars), 'x-alpha-alpha-y');
        assert.equal(substitute('no variables here', vars), 'no variables here');
    });

    it('an unknown variable or one without a value → undefined', () => {
        assert.equal(substitute('${MISSING}', vars), undefined);
        assert.equal(substitute('$MISSING:1', vars), undefined);
        assert.equal(substitute('${NODEFAULT}', vars), undefined);
        assert.equal(substitute('${A}${MISSING}', vars), undefined);
    });

    it('${VAR:-x}: the value when set and not empty, else x', () => {
        assert.equal(substitute('${A:-x}', vars), 'alpha');
        assert.equal(substitute('${MISSING:-x}', vars), 'x');
        assert.equal(substitute('${NODEFAULT:-x}', vars), 'x');
        assert.equal(substitute('${EMPTY:-x}', vars), 'x');
        assert.equal(substitute('${MISSING:-}', vars), '');
    });

    it('${VAR-x} and ${VAR+y} without the colon test "set", not "not empty"', () => {
        assert.equal(substitute('${EMPTY-x}', vars), '');
        assert.equal(substitute('${NODEFAULT-x}', vars), 'x');
        assert.equal(substitute('${EMPTY+y}', vars), 'y');
        assert.equal(substitute('${A-x}', vars), 'alpha');
    });

    it('${VAR:+y}: y when set and not empty, else empty', () => {
        assert.equal(substitute('${A:+y}', vars), 'y');
        assert.equal(substitute('${MISSING:+y}', vars), '');
        assert.equal(substitute('${EMPTY:+y}', vars), '');
        assert.equal(substitute('img${A:+-tag}', vars), 'img-tag');
    });
});

describe('dockerfile analysis: stepAtKeyword / stepAt', () => {
    const text = ['FROM busybox', '', 'RUN echo a \\', '    && echo b', '', '  COPY a /b', 'CMD ["sh"]'].join('\n');
    const a = analyze(text);
    const kw = (line: number, character: number) => stepAtKeyword(a, { line, character })?.keyword;
    const at = (line: number, character: number) => stepAt(a, { line, character })?.keyword;

    it('on the keyword: first character, inside, and just after it', () => {
        assert.equal(kw(0, 0), 'FROM');
        assert.equal(kw(0, 2), 'FROM');
        assert.equal(kw(0, 4), 'FROM');
        assert.equal(kw(2, 1), 'RUN');
        assert.equal(kw(5, 2), 'COPY');
        assert.equal(kw(6, 3), 'CMD');
    });

    it('on the arguments: not a keyword hover, but inside the step', () => {
        assert.equal(kw(0, 8), undefined);
        assert.equal(at(0, 8), 'FROM');
        assert.equal(kw(2, 7), undefined);
        assert.equal(at(2, 7), 'RUN');
    });

    it('on a continuation line: inside the RUN step, not on its keyword', () => {
        assert.equal(kw(3, 0), undefined);
        assert.equal(at(3, 0), 'RUN');
        assert.equal(at(3, 10), 'RUN');
    });

    it('before an indented keyword: nothing', () => {
        assert.equal(kw(5, 0), undefined);
        assert.equal(kw(5, 1), undefined);
        assert.equal(at(5, 0), undefined);
    });

    it('between instructions and past the end: nothing', () => {
        assert.equal(kw(1, 0), undefined);
        assert.equal(at(1, 0), undefined);
        assert.equal(at(4, 0), undefined);
        assert.equal(at(0, 100), undefined);
        assert.equal(at(50, 0), undefined);
        assert.equal(kw(-1, 0), undefined);
    });

    it('returns the step object itself (same identity as in steps)', () => {
        const s = stepAtKeyword(a, { line: 2, character: 0 });
        assert.ok(s);
        assert.equal(s, a.steps.find((x: Step) => x.keyword === 'RUN'));
    });
});

function layer(createdBy: string, size: number, id = '<missing>'): LayerInfo {
    return { id, createdBy, size, created: 1_700_000_000, empty: size === 0, changes: historyStepKind(createdBy), tags: [] };
}

/** busybox:1.36 as `docker history` shows it: an ADD of the root filesystem, then CMD. */
const BUSYBOX_BASE: LayerInfo[] = [layer('/bin/sh -c #(nop) ADD file:7e9002edaafd4e4579b65c8f0aaabde1aeb7fd3f8d95579f7fd3443cef785fd1 in / ', 4_261_550), layer('/bin/sh -c #(nop)  CMD ["sh"]', 0, 'sha256:a416a98b71e224a31ee99cff8e16063554498227d2b696152a9c3e0aa65e5824')];

describe('dockerfile analysis: mapHistoryToSteps (classic builder history)', () => {
    const single = [
        'FROM busybox:1.36', // 0
        'ENV A=1', // 1
        'RUN echo hi > /greeting', // 2
        'COPY hello.txt /x/', // 3
        'WORKDIR /x', // 4
        'CMD ["cat", "/greeting"]', // 5
    ].join('\n');
    const history = [
        ...BUSYBOX_BASE,
        layer('/bin/sh -c #(nop)  ENV A=1', 0),
        layer('/bin/sh -c echo hi > /greeting', 9),
        layer('/bin/sh -c #(nop) COPY file:abc1234567890 in /x/ ', 12),
        layer('/bin/sh -c #(nop) WORKDIR /x', 0),
        layer('/bin/sh -c #(nop)  CMD ["cat" "/greeting"]', 0, 'sha256:ffff'),
    ];

    it('every instruction after FROM maps to its own line, oldest first, sizes kept', () => {
        const mapped = mapHistoryToSteps(analyze(single), history);
        assert.deepEqual(
            mapped.map((m) => [m.step.keyword, m.step.range.start.line, m.layer.size]),
            [
                ['ENV', 1, 0],
                ['RUN', 2, 9],
                ['COPY', 3, 12],
                ['WORKDIR', 4, 0],
                ['CMD', 5, 0],
            ],
        );
    });

    it('the base image layers are not mapped to any line', () => {
        const mapped = mapHistoryToSteps(analyze(single), history);
        assert.ok(mapped.every((m) => !BUSYBOX_BASE.includes(m.layer)));
        assert.equal(mapped[mapped.length - 1].layer.id, 'sha256:ffff');
    });

    it('a RUN with build args (`|1 V=1 /bin/sh -c …`) and an ARG entry map too', () => {
        const text = 'FROM busybox\nARG V=1\nRUN echo $V > /v\n';
        const h = [...BUSYBOX_BASE, layer('/bin/sh -c #(nop)  ARG V=1', 0), layer('|1 V=1 /bin/sh -c echo $V > /v', 2)];
        const mapped = mapHistoryToSteps(analyze(text), h);
        assert.deepEqual(
            mapped.map((m) => [m.step.keyword, m.step.range.start.line, m.layer.size]),
            [
                ['ARG', 1, 0],
                ['RUN', 2, 2],
            ],
        );
    });

    it('an exec-form RUN is recorded as the bare command, even one named like a keyword (env, add-…)', () => {
        // the classic builder records `RUN ["env"]` as `env` (no /bin/sh -c, no #(nop))
        const text = 'FROM busybox\nRUN ["echo", "hi"]\nRUN ["env"]\nRUN ["add-apt-repository", "ppa:x"]\nCMD ["sh"]\n';
        const h = [...BUSYBOX_BASE, layer('echo hi', 0), layer('env', 0), layer('add-apt-repository ppa:x', 7), layer('/bin/sh -c #(nop)  CMD ["sh"]', 0)];
        const mapped = mapHistoryToSteps(analyze(text), h);
        assert.deepEqual(
            mapped.map((m) => [m.step.keyword, m.step.range.start.line, m.layer.size]),
            [
                ['RUN', 1, 0],
                ['RUN', 2, 0],
                ['RUN', 3, 7],
                ['CMD', 4, 0],
            ],
        );
    });

    it('a multi-stage file maps only the final stage', () => {
        const text = [
            'FROM busybox:1.36 AS build', // 0
            'RUN echo built > /out', // 1
            'ENV IGNORED=1', // 2
            'FROM busybox:1.36', // 3
            'COPY --from=build /out /out', // 4
            'CMD ["cat", "/out"]', // 5
        ].join('\n');
        const h = [...BUSYBOX_BASE, layer('/bin/sh -c #(nop) COPY file:0123456789abcdef in /out ', 6), layer('/bin/sh -c #(nop)  CMD ["cat" "/out"]', 0)];
        const mapped = mapHistoryToSteps(analyze(text), h);
        assert.deepEqual(
            mapped.map((m) => [m.step.keyword, m.step.range.start.line, m.step.stage, m.layer.size]),
            [
                ['COPY', 4, 1, 6],
                ['CMD', 5, 1, 0],
            ],
        );
    });

    it('a mismatching keyword stops the mapping (older entries stay unmapped)', () => {
        const text = 'FROM busybox\nENV A=1\nRUN echo hi\nCMD ["sh"]\n';
        // built from an older version of the file: LABEL where the file now has ENV
        const h = [...BUSYBOX_BASE, layer('/bin/sh -c #(nop)  LABEL a=1', 0), layer('/bin/sh -c echo hi', 3), layer('/bin/sh -c #(nop)  CMD ["sh"]', 0)];
        const mapped = mapHistoryToSteps(analyze(text), h);
        assert.deepEqual(
            mapped.map((m) => m.step.keyword),
            ['RUN', 'CMD'],
        );
    });

    it('a mismatch at the newest entry maps nothing', () => {
        const text = 'FROM busybox\nRUN echo hi\nCMD ["sh"]\n';
        const h = [...BUSYBOX_BASE, layer('/bin/sh -c echo hi', 3), layer('/bin/sh -c #(nop)  ENTRYPOINT ["sh"]', 0)];
        assert.deepEqual(mapHistoryToSteps(analyze(text), h), []);
    });

    it('a history shorter than the file maps only the newest steps', () => {
        const text = 'FROM scratch\nCOPY a /a\nCOPY b /b\n';
        const h = [layer('/bin/sh -c #(nop) COPY file:bbb in /b ', 5)];
        const mapped = mapHistoryToSteps(analyze(text), h);
        assert.deepEqual(
            mapped.map((m) => [m.step.range.start.line, m.layer.size]),
            [[2, 5]],
        );
    });

    it('no FROM, empty history, or empty file → nothing', () => {
        assert.deepEqual(mapHistoryToSteps(analyze('ARG A=1\n'), history), []);
        assert.deepEqual(mapHistoryToSteps(analyze(single), []), []);
        assert.deepEqual(mapHistoryToSteps(analyze(''), history), []);
    });
});

describe('dockerfile analysis: odd and hostile input', () => {
    it('a UTF-8 BOM does not hide the first instruction', () => {
        const a = analyze('\uFEFFFROM busybox\nRUN echo hi\n');
        assert.deepEqual(shape(a), [
            ['FROM', 0, 0, 0],
            ['RUN', 1, 1, 0],
        ]);
        assert.equal(a.steps[0].known, true);
        assert.equal(a.stages[0].resolved, 'busybox');
    });

    it('CRLF line endings: same steps, args without \\r', () => {
        const a = analyze('FROM busybox\r\nRUN echo a \\\r\n  b\r\nCMD ["sh"]\r\n');
        assert.deepEqual(shape(a), [
            ['FROM', 0, 0, 0],
            ['RUN', 1, 2, 0],
            ['CMD', 3, 3, 0],
        ]);
        assert.equal(a.steps[1].args, 'echo a   b');
        assert.equal(a.stages[0].resolved, 'busybox');
        assert.ok(a.steps.every((s) => !s.args.includes('\r')));
    });

    it('# escape=` : backtick continuations join lines', () => {
        const a = analyze('# escape=`\nFROM busybox\nRUN echo a `\n  b\nCMD x\n');
        assert.equal(a.escape, '`');
        assert.deepEqual(shape(a), [
            ['FROM', 1, 1, 0],
            ['RUN', 2, 3, 0],
            ['CMD', 4, 4, 0],
        ]);
    });

    it('# escape=` : the joined args do not keep the backtick', () => {
        // the escape character is a line continuation here, like `\` is by default
        const a = analyze('# escape=`\nFROM busybox\nRUN echo a `\n  b\n');
        assert.equal(a.steps[1].args, 'echo a   b');
    });

    it('a continuation that splits the keyword (R\\ + UN) is still RUN', () => {
        const a = analyze('FROM busybox\nR\\\nUN echo hi\n');
        const run = a.steps[1];
        assert.equal(run.keyword, 'RUN');
        assert.equal(run.known, true);
        assert.equal(run.kind, 'layer');
        assert.equal(run.args, 'echo hi');
        assert.deepEqual(run.keywordRange.start, { line: 1, character: 0 });
        assert.equal(run.keywordRange.end.line, 2);
        assert.equal(stepAtKeyword(a, { line: 2, character: 1 })?.keyword, 'RUN');
    });

    it('heredocs (<<EOF and <<-EOF): the body is part of the RUN, not instructions', () => {
        const text = ['FROM busybox', 'RUN <<EOF', 'echo a', 'FROM not-a-stage', 'EOF', 'RUN <<-EOF', '\techo c', '\tEOF', 'CMD ["sh"]'].join('\n');
        const a = analyze(text);
        assert.deepEqual(shape(a), [
            ['FROM', 0, 0, 0],
            ['RUN', 1, 4, 0],
            ['RUN', 5, 7, 0],
            ['CMD', 8, 8, 0],
        ]);
        assert.equal(a.stages.length, 1, 'a FROM inside a heredoc body is not a stage');
        assert.match(a.steps[1].args, /^<<EOF\b/);
        assert.match(a.steps[1].args, /echo a/);
        assert.match(a.steps[2].args, /^<<-EOF\b/);
        assert.equal(stepAt(a, { line: 3, character: 2 })?.keyword, 'RUN');
        assert.equal(stepAtKeyword(a, { line: 3, character: 2 }), undefined);
    });

    it('a comment line inside a continuation does not end the instruction', () => {
        const a = analyze('FROM busybox\nRUN echo a \\\n# a comment\n  && echo b\nCMD x\n');
        assert.deepEqual(shape(a), [
            ['FROM', 0, 0, 0],
            ['RUN', 1, 3, 0],
            ['CMD', 4, 4, 0],
        ]);
    });

    it('flags stay in the args, as the builder shows the step (COPY --from, HEALTHCHECK --interval)', () => {
        // `Step 5/9 : COPY --from=base /ab.txt /ab.txt` and `Step 7/9 : HEALTHCHECK --interval=30s --timeout=3s   CMD echo ok`
        // from a real legacy build of this file (test/docker/dockerfile.test.ts builds it too)
        const a = analyze('FROM busybox AS base\nFROM busybox\nCOPY --from=base /ab.txt /ab.txt\nHEALTHCHECK --interval=30s --timeout=3s \\\n  CMD echo ok\n');
        assert.equal(a.steps[2].args, '--from=base /ab.txt /ab.txt');
        assert.equal(a.steps[3].args, '--interval=30s --timeout=3s   CMD echo ok');
    });

    it('a comment line inside a continuation is not part of the args (Docker drops it)', () => {
        const a = analyze('FROM busybox\nRUN echo a \\\n# a comment\n  && echo b\n');
        assert.equal(a.steps[1].args, 'echo a   && echo b');
    });

    it('an empty file and a whitespace-only file: no steps, no stages', () => {
        for (const text of ['', '   \n\t\n  ', '\n\n\n', '\uFEFF', '# only a comment\n']) {
            const a = analyze(text);
            assert.deepEqual(a.steps, [], JSON.stringify(text));
            assert.deepEqual(a.stages, [], JSON.stringify(text));
            assert.equal(a.escape, '\\');
            assert.deepEqual(mapHistoryToSteps(a, BUSYBOX_BASE), []);
            assert.equal(stepAt(a, { line: 0, character: 0 }), undefined);
        }
    });

    it('invalid UTF-8 (0xff 0xfe bytes, decoded as replacement characters) parses', () => {
        const bytes = Buffer.concat([Buffer.from('FROM '), Buffer.from([0xff, 0xfe]), Buffer.from('\nRUN echo '), Buffer.from([0xff]), Buffer.from('\n')]);
        const a = analyze(bytes.toString('utf8'));
        assert.deepEqual(shape(a), [
            ['FROM', 0, 0, 0],
            ['RUN', 1, 1, 0],
        ]);
        assert.equal(a.stages[0].written, '\uFFFD\uFFFD');
        assert.ok(a.steps[1].args.includes('\uFFFD'));
    });

    it('NUL bytes and control characters do not throw', () => {
        const a = analyze('FROM busybox\u0000\nRUN echo \u0001\u0007\nCMD x\n');
        assert.ok(a.steps.length >= 2);
        assert.equal(a.steps[0].keyword, 'FROM');
    });

    it('a 10 MB file of many lines parses completely', function () {
        this.timeout(120_000);
        const lines = ['ARG BASE=busybox', 'FROM ${BASE}:1.36 AS build'];
        let size = 0;
        for (let i = 0; size < 10 * 1024 * 1024; i++) {
            const l = i % 3 === 0 ? `RUN echo step ${i} && echo some more words ${i}` : i % 3 === 1 ? `ENV V${i}=value${i}` : `COPY src/${i} /dst/${i}`;
            lines.push(l);
            size += l.length + 1;
        }
        const a = analyze(lines.join('\n'));
        assert.equal(a.steps.length, lines.length);
        const last = a.steps[a.steps.length - 1];
        assert.equal(last.range.start.line, lines.length - 1);
        assert.equal(a.stages[0].resolved, 'busybox:1.36');
        assert.equal(stepAtKeyword(a, { line: lines.length - 1, character: 1 }), last);
    });

    it('a single 1 MB line parses', function () {
        this.timeout(60_000);
        const long = 'x'.repeat(1024 * 1024);
        const a = analyze(`FROM busybox\nRUN echo ${long}\nCMD ["sh"]\n`);
        assert.deepEqual(shape(a), [
            ['FROM', 0, 0, 0],
            ['RUN', 1, 1, 0],
            ['CMD', 2, 2, 0],
        ]);
        assert.equal(a.steps[1].args.length, 'echo '.length + long.length);
    });
});
