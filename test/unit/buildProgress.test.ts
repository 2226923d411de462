/**
 * Build progress from both builders, replayed from streams captured on a real engine (Docker Engine
 * 20.10.24, `POST /build`; see fixtures/README.md): BuildKit's protobuf status messages decoded by our
 * own reader, the legacy builder's `Step n/N`, and builder step → Dockerfile line for both.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { builderFromPing, isBuildkitRefusal } from '../../src/docker/build';
import { decodeStatusResponse } from '../../src/docker/buildkitStatus';
import { BuildStreamReader, parseBuildkitStep } from '../../src/docker/buildProgress';
import type { BuilderKind, BuildEvent } from '../../src/docker/types';
import { analyze, parseErrorLine, stepOfBuild } from '../../src/dockerfile/analysis';
import { FIXTURES_DIR, REPO_ROOT } from './helpers';

function messages(name: string): unknown[] {
    return fs
        .readFileSync(path.join(FIXTURES_DIR, name), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
}

function replay(name: string, builder: BuilderKind): { reader: BuildStreamReader; events: BuildEvent[]; output: string } {
    const events: BuildEvent[] = [];
    const reader = new BuildStreamReader(builder, (e) => events.push(e));
    for (const m of messages(name)) {
        reader.push(m);
    }
    const output = events.map((e) => (e.kind === 'output' ? e.text : '')).join('');
    return { reader, events, output };
}

const steps = (events: BuildEvent[]) => events.filter((e): e is Extract<BuildEvent, { kind: 'step' }> => e.kind === 'step');
const dockerfile = (dir: string) => fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'dockerfiles', dir, 'Dockerfile'), 'utf8');

describe('buildkit status: decodeStatusResponse (our protobuf reader)', () => {
    it('decodes vertexes, logs and statuses of a real build', () => {
        const all = messages('build-buildkit-fresh.ndjson')
            .filter((m) => (m as { id?: string }).id === 'moby.buildkit.trace')
            .map((m) => decodeStatusResponse((m as { aux: string }).aux));
        const vertexes = all.flatMap((s) => s.vertexes);
        const names = [...new Set(vertexes.map((v) => v.name))];
        assert.ok(names.includes('[2/4] WORKDIR /work'), names.join('\n'));
        assert.ok(names.includes('[3/4] RUN echo out-line && echo err-line >&2'));
        assert.ok(vertexes.every((v) => /^sha256:[0-9a-f]{64}$/.test(v.digest)));
        const run = vertexes.find((v) => v.name.startsWith('[3/4]') && v.completed !== undefined)!;
        assert.ok(run.started! > 1.7e12 && run.completed! >= run.started!, `${run.started} → ${run.completed}`);
        assert.equal(run.cached, false);
        assert.equal(run.inputs.length, 1);
        const logs = all.flatMap((s) => s.logs);
        assert.deepEqual(
            logs.map((l) => [l.stream, l.msg]),
            [
                [1, 'out-line\n'],
                [2, 'err-line\n'],
            ],
        );
        assert.equal(logs[0].vertex, run.digest);
        const statuses = all.flatMap((s) => s.statuses);
        assert.ok(statuses.some((s) => s.id.startsWith('writing image sha256:') && s.completed !== undefined));
    });

    it('the failing vertex carries the error text; the FROM of a cached build is marked cached', () => {
        const vs = messages('build-buildkit-fail.ndjson')
            .filter((m) => (m as { id?: string }).id === 'moby.buildkit.trace')
            .flatMap((m) => decodeStatusResponse((m as { aux: string }).aux).vertexes);
        assert.equal(vs.find((v) => v.error)?.error, 'executor failed running [/bin/sh -c exit 3]: exit code: 3');
        assert.ok(vs.some((v) => v.name === '[1/3] FROM docker.io/library/busybox' && v.cached));
    });

    it('empty, unknown-field and broken input', () => {
        assert.deepEqual(decodeStatusResponse(''), { vertexes: [], statuses: [], logs: [], warnings: [] });
        // field 9 (unknown, varint 1) is skipped; field 1 holds a vertex with name "x"
        const bytes = Uint8Array.from([0x48, 0x01, 0x0a, 0x03, 0x1a, 0x01, 0x78]);
        assert.equal(decodeStatusResponse(bytes).vertexes[0].name, 'x');
        assert.throws(() => decodeStatusResponse(Uint8Array.from([0x0a, 0x05, 0x1a])), /truncated/);
    });
});

describe('buildkit progress: BuildStreamReader on real streams', () => {
    it('a fresh build: steps in order, output like `docker build --progress=plain`, the image id', () => {
        const { reader, events, output } = replay('build-buildkit-fresh.ndjson', 'buildkit');
        assert.deepEqual(
            steps(events).map((s) => [s.step, s.total, s.text, !!s.cached]),
            [
                [1, 4, 'FROM docker.io/library/busybox', true],
                [2, 4, 'WORKDIR /work', false],
                [3, 4, 'RUN echo out-line && echo err-line >&2', false],
                [4, 4, 'COPY x.txt .', false],
            ],
        );
        assert.match(output, /^#\d+ \[3\/4\] RUN echo out-line && echo err-line >&2\n#\d+ \d+\.\d{3} out-line\n#\d+ \d+\.\d{3} err-line\n#\d+ DONE \d+\.\ds\n/m);
        assert.match(output, /^#\d+ writing image sha256:[0-9a-f]{64} done$/m);
        assert.match(output, /^Successfully tagged cap-fresh:latest$/m);
        assert.equal(reader.failure, undefined);
        assert.equal(reader.imageId, 'sha256:04860c73ec7c8cf637c0537e48abb3e723c7b2da23284d277e6a6ccbacafa935');
        assert.equal(reader.steps, 4);
    });

    it('a cached rebuild: every step reported CACHED', () => {
        const { events, output } = replay('build-buildkit-cached.ndjson', 'buildkit');
        const s = steps(events);
        assert.deepEqual(
            s.map((x) => x.text),
            ['FROM docker.io/library/busybox', 'WORKDIR /app', 'RUN true', 'COPY hello.txt .'],
        );
        assert.ok(s.slice(1).every((x) => x.cached), JSON.stringify(s));
        for (const text of ['WORKDIR /app', 'RUN true', 'COPY hello.txt .']) {
            const m = new RegExp(`^#(\\d+) \\[\\d/4\\] ${text.replace(/[.*]/g, '\\$&')}\\n#\\1 CACHED$`, 'm').exec(output);
            assert.ok(m, `${text} then CACHED in:\n${output}`);
            // a cached step did not run, so it has no DONE time
            assert.doesNotMatch(output, new RegExp(`^#${m[1]} DONE`, 'm'));
        }
    });

    it('a failing RUN: the failed step, the daemon message, ERROR in the output; the line is the RUN exit 3', () => {
        const { reader, output } = replay('build-buildkit-fail.ndjson', 'buildkit');
        assert.deepEqual(reader.failedAt, { builder: 'buildkit', step: 3, total: 3, stage: undefined, text: 'RUN exit 3' });
        assert.equal(reader.failure, 'executor failed running [/bin/sh -c exit 3]: exit code: 3');
        assert.match(output, /^#\d+ ERROR: executor failed running \[\/bin\/sh -c exit 3\]: exit code: 3$/m);
        assert.equal(reader.imageId, '');
        const text = dockerfile('fail');
        const step = stepOfBuild(analyze(text), reader.failedAt!)!;
        assert.equal(step.range.start.line, text.split('\n').indexOf('RUN exit 3'));
        // BuildKit's [3/3] is not the file's third instruction: the index counts FROM/RUN/COPY/ADD/WORKDIR only
        assert.notEqual(analyze(text).steps[2], step);
    });

    it('a multi-stage build: stages by name (`build`) and by number (`stage-1`)', () => {
        const { events } = replay('build-buildkit-multi.ndjson', 'buildkit');
        const s = steps(events);
        assert.ok(s.some((x) => x.stage === 'build' && x.step === 3 && x.text.startsWith('RUN dd ')));
        const copy = s.find((x) => x.stage === 'stage-1' && x.step === 2)!;
        assert.equal(copy.text, 'COPY --from=build /out.txt /out.txt');
        const text = dockerfile('multi');
        const a = analyze(text);
        const lines = text.split('\n');
        assert.equal(stepOfBuild(a, copy)!.range.start.line, lines.indexOf('COPY --from=build /out.txt /out.txt'));
        const dd = s.find((x) => x.stage === 'build' && x.step === 3)!;
        assert.equal(stepOfBuild(a, dd)!.range.start.line, lines.findIndex((l) => l.startsWith('RUN dd ')));
    });

    it('the legacy builder: Step n/N events and lines, the failed step, the daemon message', () => {
        const { reader, events, output } = replay('build-legacy-fail.ndjson', 'legacy');
        assert.deepEqual(
            steps(events).map((s) => [s.step, s.total, s.text]),
            [
                [1, 4, 'FROM busybox'],
                [2, 4, 'RUN echo ok'],
                [3, 4, 'RUN exit 3'],
            ],
        );
        assert.match(output, /^Step 2\/4 : RUN echo ok\n ---> Running in [0-9a-f]{12}\nok\n/m);
        assert.deepEqual(reader.failedAt, { builder: 'legacy', step: 3, total: 4, text: 'RUN exit 3' });
        assert.equal(reader.failure, "The command '/bin/sh -c exit 3' returned a non-zero code: 3");
        const text = dockerfile('fail');
        assert.equal(stepOfBuild(analyze(text), reader.failedAt!)!.range.start.line, text.split('\n').indexOf('RUN exit 3'));
    });
});

describe('podman: the legacy path on a real Podman 4.3 stream', () => {
    it('STEP n/N: steps, the failed step on its line, Podman\'s own output kept', () => {
        const { reader, events, output } = replay('build-podman-fail.ndjson', 'legacy');
        assert.deepEqual(
            steps(events).map((s) => `${s.step}/${s.total} ${s.text}`),
            ['1/4 FROM busybox', '2/4 RUN echo ok', '3/4 RUN exit 3'],
        );
        assert.match(output, /^STEP 2\/4: RUN echo ok\n--> Using cache [0-9a-f]{64}\n/m);
        assert.deepEqual(reader.failedAt, { builder: 'legacy', step: 3, total: 4, text: 'RUN exit 3' });
        assert.match(reader.failure!, /exit status 3/);
        const text = dockerfile('fail');
        assert.equal(stepOfBuild(analyze(text), reader.failedAt!)!.range.start.line, text.split('\n').indexOf('RUN exit 3'));
    });

    it('its ping (headers as Podman 4.3.1 sent them) picks the legacy builder', () => {
        const ping = { 'api-version': '1.41', 'builder-version': '', 'buildkit-version': '', 'libpod-api-version': '4.3.1', server: 'Libpod/4.3.1 (linux)' };
        assert.deepEqual(builderFromPing(ping), { builder: 'legacy', reason: 'no-buildkit' });
    });
});

describe('build steps: parseBuildkitStep, stepOfBuild, parseErrorLine', () => {
    it('parses BuildKit vertex names; internal vertexes are not steps', () => {
        assert.deepEqual(parseBuildkitStep('[2/4] RUN echo hi'), { builder: 'buildkit', step: 2, total: 4, stage: undefined, text: 'RUN echo hi' });
        assert.deepEqual(parseBuildkitStep('[stage-1  2/10] COPY a b'), { builder: 'buildkit', step: 2, total: 10, stage: 'stage-1', text: 'COPY a b' });
        assert.equal(parseBuildkitStep('[linux/amd64 build 3/3] RUN x')?.stage, 'build');
        assert.equal(parseBuildkitStep('[linux/amd64 3/3] RUN x')?.stage, undefined);
        assert.equal(parseBuildkitStep('[internal] load build definition from Dockerfile'), undefined);
        assert.equal(parseBuildkitStep('exporting to image'), undefined);
    });

    it('ENV, LABEL and CMD are not numbered by BuildKit; WORKDIR is', () => {
        const a = analyze('FROM busybox\nENV A=1\nWORKDIR /app\nLABEL x=y\nRUN exit 1\nCMD ["sh"]\n');
        assert.equal(stepOfBuild(a, { builder: 'buildkit', step: 3, total: 3, text: 'RUN exit 1' })?.range.start.line, 4);
        assert.equal(stepOfBuild(a, { builder: 'buildkit', step: 2, total: 3, text: 'WORKDIR /app' })?.range.start.line, 2);
        // the legacy builder counts every instruction
        assert.equal(stepOfBuild(a, { builder: 'legacy', step: 5, total: 6, text: 'RUN exit 1' })?.range.start.line, 4);
    });

    it('a file that changed since the build: the keyword check refuses a wrong line; a unique same text is found', () => {
        const a = analyze('FROM busybox\nRUN echo a\nRUN exit 1\n');
        assert.equal(stepOfBuild(a, { builder: 'buildkit', step: 2, total: 3, text: 'COPY x .' }), undefined);
        assert.equal(stepOfBuild(a, { builder: 'buildkit', step: 9, total: 9, text: 'RUN exit 1' })?.range.start.line, 2);
        assert.equal(stepOfBuild(a, { builder: 'buildkit', step: 2, total: 2, stage: 'nope', text: 'RUN echo a' })?.range.start.line, 1);
    });

    it('parse errors name their line (both builders say "dockerfile parse error line N")', () => {
        assert.equal(parseErrorLine('failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 5: unknown instruction: FOO'), 4);
        assert.equal(parseErrorLine('executor failed running [/bin/sh -c exit 3]: exit code: 3'), undefined);
    });
});

describe('builder choice: builderFromPing, isBuildkitRefusal', () => {
    it('Builder-Version 2 → BuildKit, 1 → legacy (the engine is set to it), none → try BuildKit', () => {
        assert.deepEqual(builderFromPing({ 'builder-version': '2', 'api-version': '1.47' }), { builder: 'buildkit', reason: 'engine-default' });
        assert.deepEqual(builderFromPing({ 'builder-version': '1' }), { builder: 'legacy', reason: 'engine-default' });
        // Engine 20.10 as measured on the private engine: no Builder-Version header
        assert.equal(builderFromPing({ 'api-version': '1.41', ostype: 'linux', server: 'Docker/20.10.24+dfsg1 (linux)' }), undefined);
    });

    it('Podman and Windows engines get the legacy builder', () => {
        assert.deepEqual(builderFromPing({ 'libpod-api-version': '4.3.1', 'builder-version': '' }), { builder: 'legacy', reason: 'no-buildkit' });
        assert.deepEqual(builderFromPing({ server: 'Libpod/4.3.1 (linux)' }), { builder: 'legacy', reason: 'no-buildkit' });
        assert.deepEqual(builderFromPing({ ostype: 'windows' }), { builder: 'legacy', reason: 'no-buildkit' });
    });

    it('a refusal is recognised by its text; other failures are not', () => {
        assert.ok(isBuildkitRefusal(new Error('(HTTP code 500) server error - buildkit not supported by daemon')));
        assert.ok(isBuildkitRefusal(new Error('(HTTP code 400) bad parameter - unsupported builder version "2"')));
        assert.ok(!isBuildkitRefusal(new Error('connect ENOENT /var/run/docker.sock')));
        assert.ok(!isBuildkitRefusal(new Error('executor failed running [/bin/sh -c exit 3]: exit code: 3')));
    });
});
