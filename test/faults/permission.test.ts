/**
 * A user who may not use the socket: the product's own Engine, run as `nobody` (runuser) against a
 * socket owned by root:root with mode 0660, must say "permission denied", name the group that owns
 * the socket, and give the advice for that group — not "start the daemon".
 */
import * as assert from 'assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FakeEngine, startFakeEngine } from '../common/fakeEngine';
import { socketDir } from './helpers';

const OUT = path.join(__dirname, '..', '..');

/** Runs the real Engine + client from out/ as another user and prints its state as JSON. */
const PROBE = `
const { Engine } = require(${JSON.stringify(path.join(OUT, 'src/docker/engine.js'))});
const { createDockerClient } = require(${JSON.stringify(path.join(OUT, 'src/docker/dockerodeClient.js'))});
const { socketGroup } = require(${JSON.stringify(path.join(OUT, 'src/docker/socketGroup.js'))});
const { describeErrorIn } = require(${JSON.stringify(path.join(OUT, 'src/common/errorWords.js'))});
const sock = process.argv[1];
const engine = new Engine({ resolveEndpoint: () => ({ kind: 'unix', socketPath: sock, source: 'setting', display: 'unix://' + sock }), clientFactory: () => createDockerClient, timeoutMs: () => 2000, log: () => undefined, socketGroup });
engine.connect().then((s) => {
    const l10n = { t: (m, ...a) => m.replace(/\\{(\\d+)\\}/g, (_x, i) => String(a[Number(i)])) };
    const words = s.error ? describeErrorIn(l10n, s.error, s.endpoint && s.endpoint.display) : undefined;
    process.stdout.write(JSON.stringify({ uid: process.getuid(), state: s.state, kind: s.error && s.error.kind, reason: s.error && s.error.reason, words }));
    process.exit(0);
});
`;

describe('faults: a user who may not use the socket (runuser -u nobody)', function () {
    let fake: FakeEngine | undefined;
    let dir: string;

    before(function () {
        const can = process.getuid?.() === 0 && spawnSync('runuser', ['--version']).status === 0;
        if (!can) {
            const reason = 'needs root and runuser to act as another user';
            if (process.env.CI === 'true') {
                throw new Error(reason);
            }
            console.log(`      skipped: ${reason}`);
            this.skip();
        }
    });

    afterEach(async () => {
        await fake?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('EACCES on a root:root 0660 socket: permission denied, the owning group named, its own advice', async function () {
        this.timeout(20_000);
        dir = socketDir();
        fs.chmodSync(dir, 0o755);
        fake = await startFakeEngine(path.join(dir, 'docker.sock'));
        fs.chownSync(fake.socket, 0, 0);
        fs.chmodSync(fake.socket, 0o660);
        // out/ must be readable by nobody (it is: 644 files, 755 folders)
        const raw = execFileSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', PROBE, fake.socket], { cwd: '/', timeout: 15_000 }).toString();
        const r = JSON.parse(raw) as { uid: number; state: string; kind: string; reason?: { id: string; group?: string }; words?: { message: string; next: string } };
        assert.notEqual(r.uid, 0, 'the probe ran as another user');
        assert.equal(r.state, 'unreachable');
        assert.equal(r.kind, 'permission');
        assert.equal(r.reason?.id, 'socketGroup');
        assert.equal(r.reason?.group, 'root');
        assert.match(r.words?.message ?? '', /Permission denied.*belongs to the group "root"/);
        assert.doesNotMatch(r.words?.next ?? '', /start the (Docker )?daemon/i);
        assert.match(r.words?.next ?? '', /Only root may use this socket/, 'no advice to join the root group');
        assert.equal(fake.requests.length, 0, 'the engine never saw a request');
        console.log(`      as uid ${r.uid}: ${r.words?.message} — ${r.words?.next}`);
    });
});
