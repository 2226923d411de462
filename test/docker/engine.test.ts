/**
 * Facts about the test harness itself (scripts/engine.mjs): the seeded images behave like Docker Hub's,
 * and a plain `hello-world` pull really goes through the registry mirror on loopback.
 */
import * as assert from 'assert';
import * as os from 'os';
import Dockerode from 'dockerode';
import { Cleanup, demux, followProgress, getJson, rawDocker, requireEngine } from './helpers';

/** Runs a container to its end like `docker run --rm`, returns its exit code and output. */
async function run(docker: Dockerode, cleanup: Cleanup, image: string, cmd?: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const container = await docker.createContainer({ Image: image, Cmd: cmd, Tty: false });
    cleanup.container(container.id);
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    const logs = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
    await container.remove({ force: true });
    return { code: StatusCode, ...demux(logs) };
}


describe('docker: the private test engine', function () {
    this.timeout(30_000);
    let docker: Dockerode;
    let cleanup: Cleanup;

    before(function () {
        requireEngine(this);
        docker = rawDocker();
        cleanup = new Cleanup(docker);
    });

    after(async function () {
        if (!docker) {
            return;
        }
        await cleanup.run();
        // Leave hello-world in place for the other suites even if a test below failed half-way.
        const present = await docker.getImage('hello-world:latest').inspect().then(() => true, () => false);
        if (!present) {
            await followProgress(await docker.pull('hello-world:latest'));
        }
    });

    it('runs hello-world like `docker run hello-world`', async function () {
        const { code, stdout, stderr } = await run(docker, cleanup, 'hello-world');
        assert.strictEqual(code, 0, stderr);
        assert.match(stdout, /^\nHello from Docker!\nThis message shows that your installation appears to be working correctly\.\n/);
        assert.match(stdout, / 4\. The Docker daemon streamed that output to the Docker client, which sent it\n {4}to your terminal\.\n/);
        assert.strictEqual(stderr, '');
    });

    it('has a busybox shell image whose kernel is the host kernel', async function () {
        const { code, stdout } = await run(docker, cleanup, 'busybox', ['uname', '-r']);
        assert.strictEqual(code, 0);
        assert.strictEqual(stdout.trim(), os.release());
    });

    it('uses only a registry mirror on loopback', async function () {
        const info = (await docker.info()) as { RegistryConfig?: { Mirrors?: string[] } };
        const mirrors = info.RegistryConfig?.Mirrors ?? [];
        assert.strictEqual(mirrors.length, 1, `mirrors: ${JSON.stringify(mirrors)}`);
        assert.match(mirrors[0], /^http:\/\/127\.0\.0\.1:\d+\/$/);
    });

    it('pulls hello-world by its plain name through the mirror after the local copy is removed', async function () {
        const original = await docker.getImage('hello-world:latest').inspect();
        await docker.getImage('hello-world:latest').remove({ force: true });
        await assert.rejects(docker.getImage(original.Id).inspect(), (e: { statusCode?: number }) => e.statusCode === 404);

        const lines = await followProgress(await docker.pull('hello-world:latest'));
        assert.ok(
            lines.some((l) => /Downloaded newer image for hello-world:latest/.test(String(l.status))),
            `pull output: ${JSON.stringify(lines)}`,
        );
        const pulled = await docker.getImage('hello-world:latest').inspect();
        assert.strictEqual(pulled.Id, original.Id, 'the pulled image is the one the harness pushed');
        assert.deepStrictEqual(pulled.RepoTags, ['hello-world:latest']);

        // The only place that image exists is the loopback registry: it must serve the same config digest.
        const mirror = ((await docker.info()) as { RegistryConfig: { Mirrors: string[] } }).RegistryConfig.Mirrors[0];
        const manifest = await getJson(new URL('v2/library/hello-world/manifests/latest', mirror).href, {
            Accept: 'application/vnd.docker.distribution.manifest.v2+json',
        });
        assert.strictEqual(manifest.status, 200);
        assert.strictEqual((manifest.body as { config: { digest: string } }).config.digest, pulled.Id);
        const digest = String(manifest.headers['docker-content-digest']);
        assert.ok(pulled.RepoDigests?.includes(`hello-world@${digest}`), `RepoDigests ${JSON.stringify(pulled.RepoDigests)} vs ${digest}`);
    });
});
