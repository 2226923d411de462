/**
 * The fault suite drives the extension's own code on Node: the real Engine, RefreshManager and
 * dockerode client against a fake engine, a delaying proxy or a private dockerd. Figures measured
 * here are collected and printed in the layer's summary (and written to test-results/faults-figures.json).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createDockerClient } from '../../src/docker/dockerodeClient';
import { Engine } from '../../src/docker/engine';
import { DockerEndpoint } from '../../src/docker/types';
import { RefreshManager, RefreshOptions, VisibleView } from '../../src/model/refreshManager';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A short folder for sockets (unix socket paths are limited to ~100 bytes). */
export function socketDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'dlf.'));
}

export function unixEndpoint(socketPath: string): DockerEndpoint {
    return { kind: 'unix', socketPath, source: 'setting', display: `unix://${socketPath}` };
}

/** The Engine + RefreshManager the extension builds, with a view that is visible; logs kept. */
export function productOn(endpoint: DockerEndpoint, options: RefreshOptions & { timeoutMs?: number } = {}) {
    const logs: string[] = [];
    const t0 = performance.now();
    const engine = new Engine({ resolveEndpoint: () => endpoint, clientFactory: () => createDockerClient, timeoutMs: () => options.timeoutMs ?? 5000, log: (m) => logs.push(m) });
    engine.onDidChangeState((st) => logs.push(`state ${st.state}${st.error ? `: ${st.error.kind}: ${st.error.message}` : ''}`));
    const refresh = new RefreshManager(engine, { debug: (m) => logs.push(`${Math.round(performance.now() - t0)} ${m}`), warn: (m) => logs.push(`${Math.round(performance.now() - t0)} WARN ${m}`) }, { debounceMs: 10, ...options });
    let listener: ((e: { visible: boolean }) => void) | undefined;
    const view: VisibleView = { visible: true, onDidChangeVisibility: (l) => ((listener = l), { dispose: () => (listener = undefined) }) };
    return {
        engine,
        refresh,
        logs,
        show: () => refresh.attach(view, 'faults-view'),
        hide: () => listener?.({ visible: false }),
        dispose: () => {
            refresh.dispose();
            engine.dispose();
        },
    };
}

/** Waits until `test` holds, polling every 10 ms; throws with `what` after `ms`. */
export async function until(test: () => boolean, ms: number, what: string): Promise<number> {
    const t = performance.now();
    while (!test()) {
        if (performance.now() - t > ms) {
            throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        }
        await sleep(10);
    }
    return performance.now() - t;
}

const figures: Record<string, string> = {};

/** A figure for the layer's summary. */
export function figure(name: string, value: string): void {
    figures[name] = value;
}

after(() => {
    if (!Object.keys(figures).length) {
        return;
    }
    console.log('\n  fault suite figures:');
    for (const [k, v] of Object.entries(figures)) {
        console.log(`    ${k}: ${v}`);
    }
    const dir = path.resolve(__dirname, '..', '..', '..', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'faults-figures.json'), JSON.stringify(figures, null, 2));
});
