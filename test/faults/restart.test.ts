import * as assert from 'assert/strict';
import * as http from 'http';
import * as path from 'path';
import { figure, productOn, sleep, unixEndpoint, until } from './helpers';

interface PrivateEngine {
    socketPath: string;
    stop(): Promise<void>;
    killDockerd(): Promise<void>;
    startDockerd(): Promise<void>;
}

// scripts/engine.mjs is an ES module; the compiled tests are CommonJS
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ startEngine(o: object): Promise<PrivateEngine> }>;

function pings(socketPath: string): Promise<boolean> {
    return new Promise((resolve) => {
        const req = http.get({ socketPath, path: '/_ping', timeout: 500 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on('error', () => resolve(false));
        req.on('timeout', () => (req.destroy(), resolve(false)));
    });
}

/** Defect 9 and the restart cycles: a private dockerd killed with SIGKILL and started again on the same socket. */
describe('faults: dockerd killed (SIGKILL) and started again on the same socket', function () {
    this.timeout(240_000);
    let engine: PrivateEngine;
    before(async () => {
        const { startEngine } = await importEsm(path.resolve(__dirname, '..', '..', '..', 'scripts', 'engine.mjs'));
        engine = await startEngine({ log: (m: string) => process.env.DL_FAULTS_VERBOSE && console.log(m), seedImages: false });
    });
    after(() => engine?.stop());

    it('5 restarts survived with the product\'s own backoff (1 s → 30 s); each picked up within 2 s of the socket answering', async () => {
        const p = productOn(unixEndpoint(engine.socketPath), { timeoutMs: 5000 });
        const recoveries: number[] = [];
        const disconnects: number[] = [];
        try {
            p.show();
            await until(() => p.engine.state.state === 'connected' && p.refresh.snapshot.at > 0, 10_000, 'connected');
            // the first outage lasts long enough for the backoff to reach 8 s; then shorter ones
            for (const outageMs of [8000, 500, 1000, 2000, 4000]) {
                const killedAt = performance.now();
                await engine.killDockerd();
                if (process.env.DL_FAULTS_VERBOSE) {
                    console.log(`killed; outage ${outageMs} ms`);
                }
                disconnects.push(await until(() => p.engine.state.state === 'unreachable', 10_000, 'unreachable shown'));
                assert.equal(p.refresh.snapshot.at, 0, `no rows from the dead engine: ${p.logs.join('\n')}`);
                await sleep(Math.max(0, outageMs - (performance.now() - killedAt)));
                let failed: unknown;
                const starting = engine.startDockerd().catch((e: unknown) => (failed = e));
                let answeredAt = 0;
                const deadline = performance.now() + 60_000;
                while (!answeredAt && !failed && performance.now() < deadline) {
                    if (await pings(engine.socketPath)) {
                        answeredAt = performance.now();
                    } else {
                        await sleep(20);
                    }
                }
                await starting;
                if (failed || !answeredAt) {
                    throw new Error(`dockerd did not come back: ${String(failed ?? 'no answer within 60 s')}`);
                }
                await until(() => p.engine.state.state === 'connected' && p.refresh.snapshot.at > 0, 60_000, 'connected again');
                const r = Math.max(0, Math.round(performance.now() - answeredAt));
                recoveries.push(r);
                assert.ok(r <= 2000, `restart ${recoveries.length} (outage ${outageMs} ms): recovered ${r} ms after the socket answered`);
            }
            figure('restarts survived', `${recoveries.length} of 5`);
            figure('recovery after restart (ms from the socket answering)', recoveries.join(', '));
            figure('disconnected shown after SIGKILL (ms)', disconnects.map(Math.round).join(', '));
        } finally {
            p.dispose();
        }
    });
});
