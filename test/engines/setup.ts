/**
 * The engines layer's environment (scripts/engines-tests.mjs starts the engines and passes DL_ENGINES)
 * and the capability record the README table is rendered from (test-results/engines-capabilities.json).
 * The code under test is src/docker, reached exactly as the extension reaches it: the endpoint
 * setting resolved by resolveEndpoint, then createDockerClient.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { ClientOptions } from '../../src/docker/dockerodeClient';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { DockerClient, DockerEndpoint } from '../../src/docker/types';

export interface EngineUnderTest {
    readonly name: 'docker-unix' | 'docker-tls' | 'docker-ssh' | 'podman';
    readonly label: string;
    readonly host: string;
    readonly certPath?: string;
}

export interface EnginesConfig {
    readonly engines: EngineUnderTest[];
    readonly tls: { port: number; expiredPort: number; wrongNamePort: number; client: string; wrongCa: string; noCert: string; strangerCert: string };
    readonly ssh: { url: string; port: number; agent: string; strangerAgent: string; knownHosts: string; knownHostsChanged: string; knownHostsEmpty: string; log: string };
    readonly dockerSocket: string;
    readonly podmanSocket: string;
}

export function enginesConfig(): EnginesConfig {
    const raw = process.env.DL_ENGINES;
    if (!raw) {
        throw new Error('DL_ENGINES is not set: run this layer with `node scripts/engines-tests.mjs` (it starts dockerd with TLS, sshd and Podman).');
    }
    return JSON.parse(raw) as EnginesConfig;
}

const readFile = (file: string) => {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
};

/** The endpoint the extension resolves when the `dockerLessons.dockerHost` setting is `host` (TLS files from the environment, as the docker CLI takes them). */
export function endpointFor(host: string, certPath?: string): DockerEndpoint {
    const env: Record<string, string> = certPath ? { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath } : {};
    return resolveEndpoint({ setting: host, env, platform: process.platform, homedir: os.homedir(), readFile });
}

export function clientFor(e: Pick<EngineUnderTest, 'host' | 'certPath'>, options: ClientOptions = {}): DockerClient {
    // 60 s: on a loaded 2-core CI machine a first Podman request (its storage set up) measured over 20 s
    return createDockerClient(endpointFor(e.host, e.certPath), { timeoutMs: 60_000, ...options });
}

export type Support = 'yes' | 'no' | 'partial';
interface Cell {
    support: Support;
    note: string;
}
const table: Record<string, Record<string, Cell>> = {};
const features: string[] = [];
const counts: Record<string, { passed: number; failed: number }> = {};

/** One cell of the capability table, as a test found it. */
export function record(engine: string, feature: string, support: Support, note = ''): void {
    if (!features.includes(feature)) {
        features.push(feature);
    }
    (table[feature] ??= {})[engine] = { support, note };
}

export function countTest(engine: string, passed: boolean): void {
    const c = (counts[engine] ??= { passed: 0, failed: 0 });
    if (passed) {
        c.passed++;
    } else {
        c.failed++;
    }
}

after(function () {
    const out = path.join(__dirname, '..', '..', '..', 'test-results', 'engines-capabilities.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const cfg = process.env.DL_ENGINES ? enginesConfig() : undefined;
    fs.writeFileSync(out, JSON.stringify({ engines: cfg?.engines.map((e) => ({ name: e.name, label: e.label })) ?? [], features: features.map((f) => ({ feature: f, cells: table[f] })), tests: counts }, null, 2));
});
