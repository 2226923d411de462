/**
 * Dockerfile builds against the private engine, through the extension's own `buildImage()` with the
 * legacy builder asked for (`builder: 'legacy'`, the fallback for engines without BuildKit; BuildKit
 * builds are in buildkit.test.ts), context tar from `src/docker/buildContext.ts`, and the image history
 * mapped back to the Dockerfile's lines by `mapHistoryToSteps()`. Contexts: test/fixtures/dockerfiles/.
 *
 * Every image a build makes (final and intermediate, read from the build's ` ---> <id>` lines) is
 * removed by id afterwards; images that existed before the suite (busybox, hello-world) never are.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Dockerode from 'dockerode';
import tar from 'tar-stream';
import { contextTar } from '../../src/docker/buildContext';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { DockerError } from '../../src/docker/errors';
import { BuildEvent, BuildResult, DockerClient, LayerInfo } from '../../src/docker/types';
import { analyze, mapHistoryToSteps, stepOfBuild } from '../../src/dockerfile/analysis';
import { instructionOf } from '../../src/docker/mapping';
import { Cleanup, demux, rawDocker, requireEngine, sleep, uniqueName, waitFor } from './helpers';

/** From out/test/docker/ back to the source tree: fixtures are never copied to out/. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'dockerfiles');
const DD_BYTES = 100 * 1024;

const lineOf = (text: string, re: RegExp): number => {
    const i = text.split('\n').findIndex((l) => re.test(l));
    assert.ok(i >= 0, `a line matching ${re}`);
    return i;
};

/** Every entry of a tar stream: name → content (folders and links: ''). */
function tarEntries(stream: tar.Pack): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
        const out: Record<string, string> = {};
        const extract = tar.extract();
        extract.on('entry', (header, body, next) => {
            const chunks: Buffer[] = [];
            body.on('data', (c: unknown) => chunks.push(c as Buffer));
            body.on('end', () => {
                out[header.name] = Buffer.concat(chunks).toString('utf8');
                next();
            });
        });
        extract.on('finish', () => resolve(out));
        extract.on('error', reject);
        stream.pipe(extract as unknown as NodeJS.WritableStream);
    });
}

describe('docker: Dockerfile builds (legacy builder) and history mapping against the private engine', function () {
    this.timeout(120_000);
    let docker: Dockerode;
    let client: DockerClient;
    let cleanup: Cleanup;
    /** Every image id (all, intermediates too) before the suite: never removed. */
    let preexisting: string[];

    /** Runs buildImage() and records every image id the build printed, for the after hook. */
    async function build(dir: string, signal?: AbortSignal, dockerfile = 'Dockerfile'): Promise<{ result: BuildResult; events: BuildEvent[]; ms: number }> {
        const events: BuildEvent[] = [];
        const t = Date.now();
        const record = (e: BuildEvent) => {
            events.push(e);
            if (e.kind === 'output') {
                for (const m of e.text.matchAll(/(?:^ ---> |Successfully built )([0-9a-f]{12,64})\s*$/gm)) {
                    if (!preexisting.some((id) => id.replace(/^sha256:/, '').startsWith(m[1]))) {
                        cleanup.image(m[1]);
                    }
                }
            }
        };
        try {
            const result = await client.buildImage(path.join(FIXTURES, dir), dockerfile, uniqueName(dir), record, signal, { builder: 'legacy' });
            if (result.ok) {
                cleanup.image(result.imageId);
            }
            return { result, events, ms: Date.now() - t };
        } catch (e) {
            (e as { events?: BuildEvent[] }).events = events;
            throw e;
        }
    }

    /** Runs a command in a throwaway container of the image; returns its output and exit code. */
    async function runIn(image: string, cmd: string[]): Promise<{ out: string; code: number }> {
        const c = await docker.createContainer({ Image: image, Cmd: cmd, Labels: { 'dl-test': 'dockerfile' } });
        cleanup.container(c.id);
        await c.start();
        const { StatusCode } = (await c.wait()) as { StatusCode: number };
        const logs = (await c.logs({ stdout: true, stderr: true })) as unknown as Buffer;
        const { stdout, stderr } = demux(logs);
        await c.remove({ force: true });
        return { out: stdout + stderr, code: StatusCode };
    }

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        preexisting = (await docker.listImages({ all: true })).map((i) => i.Id);
        assert.ok(await client.hasImage('busybox:latest'), 'busybox:latest is seeded on the test engine');
    });

    after(async function () {
        if (!docker) {
            return;
        }
        client?.dispose();
        await cleanup.run();
        // nothing this suite built is left, and the seeded images are untouched
        const now = new Set((await docker.listImages({ all: true })).map((i) => i.Id));
        for (const id of preexisting) {
            assert.ok(now.has(id), `image ${id} that existed before the suite is still there`);
        }
        const left = [...now].filter((id) => !preexisting.includes(id));
        assert.deepStrictEqual(left, [], 'every image the builds made was removed');
    });

    describe('ok/: every kind of step, .dockerignore honoured', function () {
        const dir = path.join(FIXTURES, 'ok');
        const text = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
        let result: BuildResult;
        let events: BuildEvent[];
        let imageId: string;

        before(async function () {
            ({ result, events } = await build('ok'));
            assert.ok(result.ok, JSON.stringify(result));
            imageId = result.imageId;
        });

        it('the context tar leaves out secret.txt and big/; the Dockerfile and .dockerignore are sent', async function () {
            const packed = contextTar(dir, 'Dockerfile');
            assert.strictEqual(packed.ignoreFile, '.dockerignore');
            const sent = await tarEntries(packed.stream);
            assert.deepStrictEqual(Object.keys(sent).sort(), ['.dockerignore', 'Dockerfile', 'app.txt']);
            const summary = await packed.summary;
            assert.deepStrictEqual([...summary.names].sort(), ['.dockerignore', 'Dockerfile', 'app.txt']);
            const sizes = ['.dockerignore', 'Dockerfile', 'app.txt'].map((n) => fs.statSync(path.join(dir, n)).size);
            assert.strictEqual(summary.bytes, sizes.reduce((a, b) => a + b, 0));
            assert.strictEqual(sent['app.txt'], fs.readFileSync(path.join(dir, 'app.txt'), 'utf8'));
            // the fixture really has what is ignored
            assert.ok(fs.existsSync(path.join(dir, 'secret.txt')) && fs.existsSync(path.join(dir, 'big', 'blob.bin')));
        });

        it('buildImage() resolves ok with the image id and step count; each step was reported in order', async function () {
            assert.ok(result.ok);
            assert.strictEqual(result.builder, 'legacy');
            assert.deepStrictEqual(events[0], { kind: 'builder', builder: 'legacy', reason: 'requested', networkNone: undefined });
            assert.match(result.imageId, /^sha256:[0-9a-f]{64}$/);
            const steps = events.filter((e): e is Extract<BuildEvent, { kind: 'step' }> => e.kind === 'step');
            const a = analyze(text);
            assert.strictEqual(result.steps, a.steps.length);
            assert.deepStrictEqual(
                steps.map((s) => s.step),
                a.steps.map((_s, i) => i + 1),
            );
            steps.forEach((s, i) => {
                assert.strictEqual(s.total, a.steps.length);
                assert.strictEqual(s.text.split(/\s/)[0].toUpperCase(), a.steps[i].keyword, s.text);
            });
            const inspected = await client.inspectImage(imageId);
            assert.strictEqual(inspected.id, imageId);
            assert.deepStrictEqual(inspected.cmd, ['cat', '/app/app.txt']);
            assert.strictEqual((inspected.raw as { Config: { Labels: Record<string, string> } }).Config.Labels['org.example.fixture'], 'ok');
            assert.ok((inspected.raw as { Config: { ExposedPorts: Record<string, unknown> } }).Config.ExposedPorts['8080/tcp']);
        });

        it('the image has app.txt but not secret.txt or big/: the daemon never got them', async function () {
            const r = await runIn(imageId, [
                'sh',
                '-c',
                'cat /app/app.txt; ls -A /context; test -e /app/secret.txt && echo LEAK1; test -e /context/secret.txt && echo LEAK2; test -e /context/big && echo LEAK3; echo END',
            ]);
            assert.strictEqual(r.code, 0, r.out);
            const lines = r.out.trim().split('\n');
            assert.strictEqual(lines[0], 'hello from app.txt');
            assert.deepStrictEqual(lines.slice(1, -1).sort(), ['.dockerignore', 'Dockerfile', 'app.txt']);
            assert.strictEqual(lines[lines.length - 1], 'END');
            assert.doesNotMatch(r.out, /LEAK/);
            // and the ARG and RUN steps really ran
            const r2 = await runIn(imageId, ['sh', '-c', 'cat /app/greeting.txt; wc -c < /data; echo "$APP_HOME"; pwd']);
            assert.deepStrictEqual(r2.out.trim().split('\n').map((l) => l.trim()), ['hello', String(DD_BYTES), '/app', '/app']);
        });

        it('history maps back to the lines: each RUN/COPY to its own line, dd ≈ 100 KiB, metadata steps 0 B', async function () {
            const history = await client.imageHistory(imageId);
            const a = analyze(text);
            const own = a.steps.filter((s) => s.stage === 0 && s.keyword !== 'FROM');
            const busybox = await client.imageHistory('busybox:latest');
            assert.strictEqual(history.length, busybox.length + own.length, history.map((h) => h.createdBy).join('\n'));
            const mapped = mapHistoryToSteps(a, history);
            assert.strictEqual(mapped.length, own.length);
            assert.deepStrictEqual(
                mapped.map((m) => m.step),
                own,
            );
            // the history before the mapped entries is busybox's own
            assert.deepStrictEqual(
                history.slice(0, busybox.length).map((h) => h.id),
                busybox.map((h) => h.id),
            );

            const byLine = new Map<number, LayerInfo>();
            for (const m of mapped) {
                assert.ok(!byLine.has(m.step.range.start.line), `line ${m.step.range.start.line} mapped twice`);
                byLine.set(m.step.range.start.line, m.layer);
                assert.strictEqual(instructionOf(m.layer.createdBy).split(/\s/)[0].toUpperCase(), m.step.keyword, m.layer.createdBy);
            }
            const at = (re: RegExp) => byLine.get(lineOf(text, re));
            assert.match(at(/^COPY app\.txt/)!.createdBy, /COPY file:[0-9a-f]+ in \.\s*$/);
            assert.match(at(/^COPY \. /)!.createdBy, /COPY dir:[0-9a-f]+ in \/context\/\s*$/);
            const dd = at(/^RUN dd /)!;
            assert.match(dd.createdBy, /dd if=\/dev\/zero of=\/data bs=1024 count=100/);
            assert.ok(Math.abs(dd.size - DD_BYTES) <= 4096, `dd layer is ${dd.size} B`);
            assert.strictEqual(dd.empty, false);
            assert.match(at(/^RUN echo /)!.createdBy, /echo "\$GREETING" > \/app\/greeting.txt/);
            assert.ok(at(/^RUN echo /)!.size > 0 && at(/^RUN echo /)!.size < 1024);
            assert.ok(at(/^COPY app\.txt/)!.size > 0);
            for (const re of [/^ARG /, /^ENV /, /^EXPOSE /, /^LABEL /, /^CMD /]) {
                const layer = at(re)!;
                assert.strictEqual(layer.size, 0, `${re}: ${layer.createdBy}`);
                assert.strictEqual(layer.empty, true);
            }
            // the LABEL written over two lines maps from its first line and spans both
            const label = mapped.find((m) => m.step.keyword === 'LABEL')!.step;
            assert.strictEqual(label.range.end.line, label.range.start.line + 1);
            // the newest history entry is the image itself
            assert.strictEqual(history[history.length - 1].id, imageId);
        });

        it('a rebuild uses the cache: same image id, no RUN executed again', async function () {
            const again = await build('ok');
            assert.ok(again.result.ok);
            assert.strictEqual(again.result.imageId, imageId);
            const output = again.events.map((e) => (e.kind === 'output' ? e.text : '')).join('');
            const cached = [...output.matchAll(/Using cache/g)].length;
            assert.strictEqual(cached, analyze(text).steps.length - 1, 'every step after FROM came from the cache');
        });
    });

    describe('ignorefile/: <Dockerfile>.dockerignore', function () {
        const dir = path.join(FIXTURES, 'ignorefile');

        it('app.Dockerfile.dockerignore replaces .dockerignore; a negated rule brings a file back; the Dockerfile is sent though ignored', async function () {
            const packed = contextTar(dir, 'app.Dockerfile');
            assert.strictEqual(packed.ignoreFile, 'app.Dockerfile.dockerignore');
            const sent = Object.keys(await tarEntries(packed.stream)).sort();
            assert.deepStrictEqual(sent, ['.dockerignore', 'app.Dockerfile', 'app.Dockerfile.dockerignore', 'notes', 'notes/keep.txt', 'other.txt']);
            // the plain Dockerfile name gets the root .dockerignore
            const plain = Object.keys(await tarEntries(contextTar(dir, 'Dockerfile').stream)).sort();
            assert.ok(!plain.includes('other.txt') && plain.includes('secret.txt'), plain.join());
        });

        it('the engine builds with that context: the RUN that tests for the files succeeds', async function () {
            const { result } = await build('ignorefile', undefined, 'app.Dockerfile');
            assert.ok(result.ok, JSON.stringify(result));
            const { out, code } = await runIn(result.imageId, ['ls', '-A', '/ctx']);
            assert.strictEqual(code, 0);
            assert.deepStrictEqual(out.trim().split(/\s+/).sort(), ['.dockerignore', 'app.Dockerfile', 'app.Dockerfile.dockerignore', 'notes', 'other.txt']);
        });
    });

    describe('fail/: a failing RUN', function () {
        it('resolves {ok:false, at: step 3} with the exit code; stepOfBuild() puts step 3 on the RUN exit 3 line', async function () {
            const text = fs.readFileSync(path.join(FIXTURES, 'fail', 'Dockerfile'), 'utf8');
            const { result, events } = await build('fail');
            assert.strictEqual(result.ok, false, JSON.stringify(result));
            assert.ok(!result.ok);
            assert.deepStrictEqual(result.at, { builder: 'legacy', step: 3, total: 4, text: 'RUN exit 3' });
            assert.match(result.message, /returned a non-zero code: 3/);
            assert.match(result.message, /exit 3/);
            // the diagnostic placement the extension uses (src/commands/dockerfile.ts)
            const failing = stepOfBuild(analyze(text), result.at!)!;
            assert.strictEqual(failing.keyword, 'RUN');
            assert.strictEqual(failing.args, 'exit 3');
            assert.strictEqual(failing.range.start.line, lineOf(text, /^RUN exit 3$/));
            assert.notStrictEqual(failing.range.start.line, result.at!.step - 1, 'the fixture keeps step and line numbers apart');
            // CMD (step 4) never ran
            assert.ok(!events.some((e) => e.kind === 'step' && e.step === 4));
        });

        it('a pre-FROM ARG is a step too: step numbers still index analyze().steps', async function () {
            // the classic builder counts meta ARGs as steps (Step 1/3 : ARG BASE=busybox)
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-test-fail-arg-'));
            try {
                const text = '# the base is an ARG\nARG BASE=busybox\nFROM ${BASE}\n\nRUN exit 4\n';
                fs.writeFileSync(path.join(dir, 'Dockerfile'), text);
                const events: BuildEvent[] = [];
                const result = await client.buildImage(dir, 'Dockerfile', uniqueName('fail-arg'), (e) => events.push(e), undefined, { builder: 'legacy' });
                for (const e of events) {
                    for (const m of e.kind === 'output' ? e.text.matchAll(/^ ---> ([0-9a-f]{12})\s*$/gm) : []) {
                        if (!preexisting.some((id) => id.replace(/^sha256:/, '').startsWith(m[1]))) {
                            cleanup.image(m[1]);
                        }
                    }
                }
                assert.ok(!result.ok, JSON.stringify(result));
                assert.strictEqual(result.at?.step, 3);
                assert.match(result.message, /non-zero code: 4/);
                const failing = stepOfBuild(analyze(text), result.at!)!;
                assert.strictEqual(failing.range.start.line, 4);
                assert.strictEqual(failing.args, 'exit 4');
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    describe('multi/: a multi-stage build', function () {
        it('maps only the final stage; the build stage’s layers are not in the image', async function () {
            const text = fs.readFileSync(path.join(FIXTURES, 'multi', 'Dockerfile'), 'utf8');
            const { result } = await build('multi');
            assert.ok(result.ok, JSON.stringify(result));
            const a = analyze(text);
            assert.strictEqual(a.stages.length, 2);
            const history = await client.imageHistory(result.imageId);
            const busybox = await client.imageHistory('busybox:latest');
            const finalSteps = a.steps.filter((s) => s.stage === 1 && s.keyword !== 'FROM');
            assert.strictEqual(history.length, busybox.length + finalSteps.length);
            const mapped = mapHistoryToSteps(a, history);
            assert.deepStrictEqual(
                mapped.map((m) => m.step),
                finalSteps,
            );
            assert.ok(mapped.every((m) => m.step.stage === 1));
            assert.deepStrictEqual(
                mapped.map((m) => m.step.range.start.line),
                [lineOf(text, /^COPY --from/), lineOf(text, /^RUN cat/), lineOf(text, /^LABEL/), lineOf(text, /^CMD/)],
            );
            assert.match(mapped[0].layer.createdBy, /COPY file:[0-9a-f]+ in \/out\.txt/);
            assert.match(mapped[1].layer.createdBy, /cat \/out\.txt/);
            // the 50 KiB scratch file of the build stage left no layer in the final image
            assert.ok(!history.some((h) => /dd if=/.test(h.createdBy)), history.map((h) => h.createdBy).join('\n'));
            const r = await runIn(result.imageId, []);
            assert.strictEqual(r.out.trim(), 'built');
        });
    });

    describe('cancel/: cancelling a build', function () {
        it('rejects with kind "cancelled" and leaves no build container behind', async function () {
            const containersBefore = new Set((await docker.listContainers({ all: true })).map((c) => c.Id));
            const controller = new AbortController();
            const t = Date.now();
            const pending = build('cancel', controller.signal);
            // abort while step 3 (RUN sleep 30) runs: its build container exists
            const buildContainer = await waitFor(
                'the RUN sleep 30 build container',
                async () => (await docker.listContainers({ all: true })).find((c) => !containersBefore.has(c.Id) && /sleep 30/.test(c.Command)),
                20_000,
                100,
            );
            controller.abort();
            let outcome: unknown;
            try {
                outcome = await pending;
            } catch (e) {
                outcome = e;
            }
            const ms = Date.now() - t;
            // the daemon kills and removes the build container (forcerm) once the client is gone
            await waitFor(
                'the build container to be removed',
                async () => ((await docker.listContainers({ all: true })).some((c) => c.Id === buildContainer.Id) ? undefined : true),
                15_000,
                100,
            );
            assert.ok(ms < 15_000, `settled in ${ms} ms, not after the 30 s sleep`);
            // A cancelled build must not look like a success (the Build command would report an image with id '').
            assert.ok(outcome instanceof DockerError, `rejected with a DockerError, got ${JSON.stringify(outcome)}`);
            assert.strictEqual(outcome.kind, 'cancelled');
            assert.strictEqual(outcome.message, 'The build was cancelled.');
            const left = (await docker.listContainers({ all: true })).filter((c) => !containersBefore.has(c.Id));
            assert.deepStrictEqual(left, [], 'no container is left from the cancelled build');
            // the tag was never created
            await sleep(200);
            assert.ok(!(await docker.listImages()).some((i) => (i.RepoTags ?? []).some((t) => t.startsWith('dl-test-cancel'))));
        });
    });
});
