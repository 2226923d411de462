/**
 * Instruction arguments read as Docker reads them: the fixture reading/ (a comment line inside a RUN
 * continuation, indented continuation lines, COPY --from/--chown and HEALTHCHECK flags in a two-stage
 * file) built on the private engine with each builder, through the extension's own `buildImage()`;
 * `analyze()`'s `KEYWORD args` must equal the builder's own step text and, for RUN, the image history.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Dockerode from 'dockerode';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseDockerHost } from '../../src/docker/endpoint';
import { instructionOf } from '../../src/docker/mapping';
import { BuildEvent, BuilderKind, DockerClient } from '../../src/docker/types';
import { analyze, mapHistoryToSteps, stepOfBuild } from '../../src/dockerfile/analysis';
import { Cleanup, rawDocker, requireEngine, uniqueName } from './helpers';

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'dockerfiles', 'reading');

describe('docker: instruction arguments as the builder reads them (fixture reading/)', function () {
    this.timeout(120_000);
    let docker: Dockerode;
    let client: DockerClient;
    let cleanup: Cleanup;
    let preexisting: string[];
    const text = fs.readFileSync(path.join(DIR, 'Dockerfile'), 'utf8');
    const a = analyze(text);

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(parseDockerHost(process.env.DOCKER_HOST!, 'env'), { timeoutMs: 10_000 });
        preexisting = (await docker.listImages({ all: true })).map((i) => i.Id);
    });

    after(async function () {
        if (!docker) {
            return;
        }
        client?.dispose();
        await cleanup.run();
    });

    for (const builder of ['legacy', 'buildkit'] as BuilderKind[]) {
        it(`${builder}: every step the builder names is analyze()'s text, flags and whitespace included; RUN history too`, async function () {
            const events: BuildEvent[] = [];
            const result = await client.buildImage(
                DIR,
                'Dockerfile',
                uniqueName(`reading-${builder}`),
                (e) => {
                    events.push(e);
                    for (const m of e.kind === 'output' ? e.text.matchAll(/^ ---> ([0-9a-f]{12})\s*$/gm) : []) {
                        if (!preexisting.some((id) => id.replace(/^sha256:/, '').startsWith(m[1]))) {
                            cleanup.image(m[1]);
                        }
                    }
                },
                undefined,
                { builder },
            );
            assert.ok(result.ok, JSON.stringify(result));
            cleanup.image(result.imageId);
            assert.strictEqual(result.builder, builder);
            const steps = events.filter((e): e is Extract<BuildEvent, { kind: 'step' }> => e.kind === 'step');
            assert.ok(steps.length >= 5, `${steps.length} steps`);
            const seen = new Set<string>();
            for (const s of steps) {
                const step = stepOfBuild(a, s);
                assert.ok(step, `no line for the builder's step "${s.text}"`);
                if (builder === 'buildkit' && step.keyword === 'FROM') {
                    // BuildKit names a FROM by the image it resolved (`FROM docker.io/library/busybox`)
                    continue;
                }
                // exact, not whitespace-normalised: the builder's own text
                assert.strictEqual(`${step.keyword} ${step.args}`, s.text);
                seen.add(step.keyword);
            }
            assert.ok(seen.has('COPY') && seen.has('RUN'), [...seen].join(' '));
            if (builder === 'legacy') {
                assert.ok(seen.has('HEALTHCHECK'), 'the legacy builder names every instruction');
            }
            const mapped = mapHistoryToSteps(a, await client.imageHistory(result.imageId));
            const runs = mapped.filter((m) => m.step.keyword === 'RUN');
            assert.strictEqual(runs.length, 1);
            assert.strictEqual(instructionOf(runs[0].layer.createdBy), `RUN ${runs[0].step.args}`);
        });
    }
});
