/**
 * splitCommand (src/docker/cli.ts) agrees with a real `sh` on the engine: every shared case
 * (test/common/splitCases.ts) is handed to busybox `sh` in one container, which prints the words it
 * made of the line; they must equal what splitCommand makes of it, and what the case says.
 */
import * as assert from 'assert/strict';
import { splitCommand } from '../../src/docker/cli';
import { SPLIT_CASES } from '../common/splitCases';
import { Cleanup, demux, rawDocker, requireEngine } from './helpers';

/** Between the words of one case, and between cases: bytes no case contains. */
const WORD = '\x1e';
const CASE = '\x1d';

describe('splitCommand agrees with sh on the engine', function () {
    const docker = rawDocker();
    const cleanup = new Cleanup(docker);

    before(function () {
        requireEngine(this);
    });
    after(() => cleanup.run());

    it(`${SPLIT_CASES.length} quoted and escaped command lines split as sh splits them`, async () => {
        assert.ok(SPLIT_CASES.length >= 30);
        // `printf '%s\036' _ LINE` prints each word sh made of LINE after a word separator (the `_`
        // keeps an all-empty case visible); one script, one container, for every case
        const script = SPLIT_CASES.map((c) => `printf '%s${WORD}' _ ${c.line}\nprintf '${CASE}'`).join('\n');
        const container = await docker.createContainer({ Image: 'busybox', Cmd: ['sh', '-c', script], Tty: false, NetworkDisabled: true });
        cleanup.container(container.id);
        await container.start();
        const { StatusCode } = (await container.wait()) as { StatusCode: number };
        const { stdout, stderr } = demux((await container.logs({ stdout: true, stderr: true })) as unknown as Buffer);
        assert.equal(StatusCode, 0, stderr);
        const fromSh = stdout.split(CASE).slice(0, -1).map((words) => words.split(WORD).slice(1, -1));
        assert.equal(fromSh.length, SPLIT_CASES.length, stdout);
        SPLIT_CASES.forEach((c, i) => {
            assert.deepEqual(fromSh[i], [...c.argv], `sh on ${JSON.stringify(c.line)}`);
            assert.deepEqual(splitCommand(c.line), fromSh[i], `splitCommand on ${JSON.stringify(c.line)}`);
        });
    });
});
