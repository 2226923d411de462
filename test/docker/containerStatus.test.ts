/**
 * The Containers view's state text against the real engine: containers in every state the list can
 * show (running, healthy / unhealthy / starting, paused, exited with a code, restarting, created),
 * their `Status` parsed by src/docker/mapping.ts and worded in Korean with the real bundle.
 * Prints the status strings the engine wrote (the unit fixture container-statuses.json holds more).
 */
import * as assert from 'assert';
import Dockerode from 'dockerode';
import { containerStatusText } from '../../src/common/containerStatusText';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { parseContainerStatus } from '../../src/docker/containerStatus';
import { ContainerState, ContainerSummary, DockerClient } from '../../src/docker/types';
import { HANGUL, testL10n } from '../unit/l10nBundle';
import { Cleanup, engineEndpoint, rawDocker, requireEngine, uniqueName, waitFor } from './helpers';

describe('docker: container status text from the real list', function () {
    this.timeout(60_000);
    let docker: Dockerode;
    let cleanup: Cleanup;
    let client: DockerClient;
    const ids: Record<string, string> = {};

    async function run(key: string, opts: Dockerode.ContainerCreateOptions, start = true): Promise<void> {
        const c = await docker.createContainer({ Image: 'busybox', name: uniqueName(`st-${key}`), ...opts });
        cleanup.container(c.id);
        ids[key] = c.id;
        if (start) {
            await c.start();
        }
    }

    async function listed(key: string): Promise<ContainerSummary> {
        const c = (await client.listContainers()).find((x) => x.id === ids[key]);
        assert.ok(c, `container ${key} is listed`);
        return c;
    }

    before(async function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
        client = createDockerClient(engineEndpoint(), { timeoutMs: 10_000 });
        const health = (test: string[]) => ({ Healthcheck: { Test: test, Interval: 1e9, Retries: 1 } });
        await run('running', { Cmd: ['sleep', '300'] });
        await run('exit3', { Cmd: ['sh', '-c', 'exit 3'] });
        await run('created', { Cmd: ['true'] }, false);
        await run('paused', { Cmd: ['sleep', '300'] });
        await docker.getContainer(ids.paused).pause();
        await run('healthy', { Cmd: ['sleep', '300'], ...health(['CMD', 'true']) });
        await run('unhealthy', { Cmd: ['sleep', '300'], ...health(['CMD', 'false']) });
        await run('starting', { Cmd: ['sleep', '300'], Healthcheck: { Test: ['CMD', 'true'], Interval: 3600e9, StartPeriod: 3600e9 } });
        await run('restarting', { Cmd: ['sh', '-c', 'exit 1'], HostConfig: { RestartPolicy: { Name: 'always' } } });
        await docker.getContainer(ids.exit3).wait();
    });

    after(async function () {
        if (ids.paused) {
            await docker
                .getContainer(ids.paused)
                .unpause()
                .catch(() => undefined);
        }
        client?.dispose();
        await cleanup?.run();
    });

    const cases: Array<{ key: string; state: ContainerState; status: RegExp; en: RegExp; ko: RegExp }> = [
        { key: 'running', state: 'running', status: /^Up /, en: /^Running · started /, ko: /^실행 중 · .*시작$/ },
        { key: 'exit3', state: 'exited', status: /^Exited \(3\) .* ago$/, en: /^Exited \(code 3\) · /, ko: /^종료됨 \(코드 3\) · / },
        { key: 'created', state: 'created', status: /^Created$/, en: /^Created \(never started\) · /, ko: /^생성됨 \(시작한 적 없음\) · .*전$/ },
        { key: 'paused', state: 'paused', status: /^Up .* \(Paused\)$/, en: /^Paused · started /, ko: /^일시 정지됨 · .*시작$/ },
        { key: 'healthy', state: 'running', status: /^Up .* \(healthy\)$/, en: /^Running \(healthy\) · /, ko: /^실행 중 \(정상\) · / },
        { key: 'unhealthy', state: 'running', status: /^Up .* \(unhealthy\)$/, en: /^Running \(unhealthy\) · /, ko: /^실행 중 \(비정상\) · / },
        { key: 'starting', state: 'running', status: /^Up .* \(health: starting\)$/, en: /^Running \(health check pending\) · /, ko: /^실행 중 \(상태 검사 결과 대기 중\) · / },
        { key: 'restarting', state: 'restarting', status: /^Restarting \(1\) .* ago$/, en: /^Restarting \(last exit code 1\) · ended /, ko: /^다시 시작 중 \(마지막 종료 코드 1\) · .*종료$/ },
    ];

    for (const c of cases) {
        it(`${c.key}: the engine's "${c.status.source}" becomes words in English and Korean`, async function () {
            // health checks and the restart loop take a moment to show in the list
            const seen = await waitFor(
                `${c.key} to be listed as ${c.state} with a status like ${c.status}`,
                async () => {
                    const x = await listed(c.key);
                    return x.state === c.state && c.status.test(x.status) ? x : undefined;
                },
                20_000,
                100,
            );
            console.log(`      ${c.key}: State ${seen.state}, Status "${seen.status}"`);
            const info = parseContainerStatus(seen.status);
            assert.notStrictEqual(info.phase, 'unknown', seen.status);
            const en = containerStatusText(testL10n('en'), 'en', seen).text;
            const ko = testL10n('ko');
            const koText = containerStatusText(ko, 'ko', seen).text;
            console.log(`        en: ${en}\n        ko: ${koText}`);
            assert.deepStrictEqual(ko.missing, []);
            assert.match(en, c.en);
            assert.match(koText, c.ko);
            assert.match(koText, HANGUL);
            assert.doesNotMatch(koText, /\b(Up|Exited|Restarting|Created|Paused|seconds?|minutes?|ago|About|Less|healthy|unhealthy|starting)\b/);
        });
    }
});
