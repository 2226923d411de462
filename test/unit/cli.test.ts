/**
 * What each button "really does" (src/docker/cli.ts: the docker CLI line and the Engine API call)
 * and the display formats (src/common/format.ts).
 */
import * as assert from 'assert/strict';
import { ContainerAction, containerCall, ImageAction, imageCall, LIST_CONTAINERS_CALL, LIST_IMAGES_CALL, parseMemory, PRUNE_CALL, runCall, shellQuote, splitCommand } from '../../src/docker/cli';
import { formatAge, formatBytes, formatMemory, formatPorts, healthFromStatus } from '../../src/common/format';
import { SPLIT_CASES } from '../common/splitCases';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('cli: shellQuote', () => {
    it('leaves safe words alone', () => {
        for (const w of ['busybox', 'busybox:1.36', 'docker.io/library/hello-world', 'sha256:abc', 'a_b-c', '-rf', 'x=y', '64m', '/tmp/a,b', 'user@host', '100%']) {
            assert.equal(shellQuote(w), w);
        }
    });

    it('single-quotes anything else, so the shell sees one literal word', () => {
        assert.equal(shellQuote('my box'), `'my box'`);
        assert.equal(shellQuote(''), `''`);
        assert.equal(shellQuote('$HOME'), `'$HOME'`);
        assert.equal(shellQuote('a;rm -rf /'), `'a;rm -rf /'`);
        assert.equal(shellQuote('`id`'), "'`id`'");
        assert.equal(shellQuote('$(id)'), `'$(id)'`);
        assert.equal(shellQuote('a\nb'), `'a\nb'`);
        assert.equal(shellQuote('ü'), `'ü'`);
    });

    it("a single quote is closed, escaped and reopened ('\\'')", () => {
        assert.equal(shellQuote("it's"), `'it'\\''s'`);
        assert.equal(shellQuote("'"), `''\\'''`);
    });

    it('splitCommand undoes shellQuote for words without single quotes', () => {
        const words = ['echo', 'hello world', '$HOME', 'a;b', '', 'x=y'];
        assert.deepEqual(splitCommand(words.map(shellQuote).join(' ')), words);
    });
});

describe('cli: containerCall', () => {
    const expected: Record<ContainerAction, [string, string]> = {
        start: ['docker start web', 'POST /containers/{id}/start'],
        stop: ['docker stop web', 'POST /containers/{id}/stop'],
        restart: ['docker restart web', 'POST /containers/{id}/restart'],
        pause: ['docker pause web', 'POST /containers/{id}/pause'],
        unpause: ['docker unpause web', 'POST /containers/{id}/unpause'],
        remove: ['docker rm web', 'DELETE /containers/{id}'],
        logs: ['docker logs --follow --tail 1000 web', 'GET /containers/{id}/logs?follow=1&stdout=1&stderr=1&tail=1000'],
        inspect: ['docker container inspect web', 'GET /containers/{id}/json'],
        exec: ['docker exec -it web sh', 'POST /containers/{id}/exec, POST /exec/{id}/start'],
        top: ['docker top web', 'GET /containers/{id}/top'],
    };

    for (const [action, [cli, api]] of Object.entries(expected) as [ContainerAction, [string, string]][]) {
        it(`${action}: ${cli} / ${api}`, () => {
            assert.deepEqual(containerCall(action, 'web'), { cli, api, subject: 'web' });
        });
    }

    it('every API path is one of the Engine endpoints, with {id} not the name', () => {
        for (const action of Object.keys(expected) as ContainerAction[]) {
            const { api } = containerCall(action, 'evil name');
            assert.match(api, /^(GET|POST|DELETE) \/containers\/\{id\}/);
            assert.ok(!api.includes('evil'));
        }
    });

    it('a hostile name is quoted in the CLI line', () => {
        assert.equal(containerCall('stop', 'a; rm -rf /').cli, `docker stop 'a; rm -rf /'`);
        assert.equal(containerCall('remove', "x'y").cli, `docker rm 'x'\\''y'`);
    });
});

describe('cli: imageCall and the fixed calls', () => {
    const expected: Record<ImageAction, [string, string]> = {
        remove: ['docker image rm busybox:1.36', 'DELETE /images/{name}'],
        inspect: ['docker image inspect busybox:1.36', 'GET /images/{name}/json'],
        history: ['docker image history busybox:1.36', 'GET /images/{name}/history'],
        pull: ['docker pull busybox:1.36', 'POST /images/create?fromImage={name}&tag={tag}'],
    };

    for (const [action, [cli, api]] of Object.entries(expected) as [ImageAction, [string, string]][]) {
        it(`${action}: ${cli}`, () => {
            assert.deepEqual(imageCall(action, 'busybox:1.36'), { cli, api, subject: 'busybox:1.36' });
        });
    }

    it('a digest reference needs no quotes; a hostile one is quoted', () => {
        const digest = 'busybox@sha256:' + 'a'.repeat(64);
        assert.equal(imageCall('pull', digest).cli, `docker pull ${digest}`);
        assert.equal(imageCall('remove', '$(reboot)').cli, `docker image rm '$(reboot)'`);
    });

    it('prune and list calls', () => {
        assert.deepEqual(PRUNE_CALL, { cli: 'docker image prune', api: 'POST /images/prune?filters={"dangling":["true"]}' });
        assert.equal(LIST_IMAGES_CALL.api, 'GET /images/json');
        assert.equal(LIST_CONTAINERS_CALL.cli, 'docker ps -a');
        assert.equal(LIST_CONTAINERS_CALL.api, 'GET /containers/json?all=1');
    });
});

describe('cli: runCall', () => {
    it('just the image: docker run -d IMAGE', () => {
        assert.deepEqual(runCall({ image: 'hello-world' }), { cli: 'docker run -d hello-world', api: 'POST /containers/create, POST /containers/{id}/start' });
    });

    it('name, limits, image and command, in the CLI order', () => {
        const call = runCall({ image: 'busybox', name: 'my box', memoryBytes: 64 * MiB, nanoCpus: 1.5e9, pidsLimit: 20, cmd: ['sh', '-c', 'echo hi; sleep 1'] });
        assert.equal(call.cli, `docker run -d --name 'my box' --memory 64m --cpus 1.5 --pids-limit 20 busybox sh -c 'echo hi; sleep 1'`);
    });

    it('memory that is not whole MiB is given in bytes', () => {
        assert.equal(runCall({ image: 'busybox', memoryBytes: 1000 }).cli, 'docker run -d --memory 1000b busybox');
        assert.equal(runCall({ image: 'busybox', memoryBytes: GiB }).cli, 'docker run -d --memory 1024m busybox');
    });

    it('fractions of a CPU', () => {
        assert.equal(runCall({ image: 'busybox', nanoCpus: 1e8 }).cli, 'docker run -d --cpus 0.1 busybox');
        assert.equal(runCall({ image: 'busybox', nanoCpus: 2e9 }).cli, 'docker run -d --cpus 2 busybox');
    });

    it('zero or missing limits are left out; an empty cmd adds nothing', () => {
        assert.equal(runCall({ image: 'busybox', memoryBytes: 0, nanoCpus: 0, pidsLimit: 0, cmd: [] }).cli, 'docker run -d busybox');
    });

    it('a hostile image or argument is one quoted word', () => {
        assert.equal(runCall({ image: 'busybox;reboot', cmd: ['$(id)'] }).cli, `docker run -d 'busybox;reboot' '$(id)'`);
    });
});

describe('cli: parseMemory', () => {
    it('units as the CLI reads them (binary)', () => {
        assert.equal(parseMemory('64m'), 64 * MiB);
        assert.equal(parseMemory('64M'), 64 * MiB);
        assert.equal(parseMemory('1g'), GiB);
        assert.equal(parseMemory('512k'), 512 * 1024);
        assert.equal(parseMemory('1048576'), 1048576);
        assert.equal(parseMemory('100b'), 100);
        assert.equal(parseMemory('1.5g'), 1.5 * GiB);
    });

    it('accepts mb, MiB and surrounding spaces', () => {
        assert.equal(parseMemory('64mb'), 64 * MiB);
        assert.equal(parseMemory('64MiB'), 64 * MiB);
        assert.equal(parseMemory('64MB'), 64 * MiB);
        assert.equal(parseMemory('  64m  '), 64 * MiB);
    });

    it('rejects zero, negative, empty and nonsense', () => {
        for (const s of ['0', '0m', '-1', '-64m', '', '   ', 'abc', 'm', '64x', '1t', '64 mega', '1e6', '0x10', '0.0000001k', '1,5g']) {
            assert.equal(parseMemory(s), undefined, JSON.stringify(s));
        }
    });

    it('rounds to whole bytes', () => {
        assert.equal(parseMemory('1.5k'), 1536);
        assert.equal(parseMemory('0.3k'), 307);
        assert.ok(Number.isInteger(parseMemory('0.1m')!));
    });
});

describe('cli: splitCommand', () => {
    it('splits on whitespace', () => {
        assert.deepEqual(splitCommand('echo hello   world'), ['echo', 'hello', 'world']);
        assert.deepEqual(splitCommand('  ls\t-la\n/ '), ['ls', '-la', '/']);
    });

    it('double and single quotes group words', () => {
        assert.deepEqual(splitCommand(`sh -c "echo hi; sleep 1"`), ['sh', '-c', 'echo hi; sleep 1']);
        assert.deepEqual(splitCommand(`sh -c 'echo $HOME'`), ['sh', '-c', 'echo $HOME']);
        assert.deepEqual(splitCommand(`echo "" ''`), ['echo', '', '']);
    });

    it('backslash escapes inside double quotes, not inside single quotes', () => {
        assert.deepEqual(splitCommand(`echo "a \\"b\\" c"`), ['echo', 'a "b" c']);
        assert.deepEqual(splitCommand(`echo 'a\\b'`), ['echo', 'a\\b']);
    });

    it('quote removal as sh does it, on every shared case (the docker layer checks them with sh)', () => {
        for (const c of SPLIT_CASES) {
            assert.deepEqual(splitCommand(c.line), c.argv, JSON.stringify(c.line));
        }
    });

    it('expands nothing: $VAR, globs and operators stay words (the command runs without a shell)', () => {
        assert.deepEqual(splitCommand('echo $HOME *.txt ; ls | wc'), ['echo', '$HOME', '*.txt', ';', 'ls', '|', 'wc']);
    });

    it('an unclosed quote runs to the end', () => {
        assert.deepEqual(splitCommand(`echo "a b`), ['echo', 'a b']);
        assert.deepEqual(splitCommand(`echo 'a b`), ['echo', 'a b']);
    });

    it('empty input → no words', () => {
        assert.deepEqual(splitCommand(''), []);
        assert.deepEqual(splitCommand('   \t\n'), []);
    });
});

describe('format: formatBytes (decimal, like docker image ls)', () => {
    it('bytes, kB, MB, GB, TB with 3 significant digits', () => {
        assert.equal(formatBytes(0), '0 B');
        assert.equal(formatBytes(999), '999 B');
        assert.equal(formatBytes(1000), '1.00 kB');
        assert.equal(formatBytes(4_261_550), '4.26 MB');
        assert.equal(formatBytes(12_345_678), '12.3 MB');
        assert.equal(formatBytes(123_456_789), '123 MB');
        assert.equal(formatBytes(1.5e9), '1.50 GB');
        assert.equal(formatBytes(2e12), '2.00 TB');
    });

    it('stops at TB', () => {
        assert.equal(formatBytes(5e15), '5000 TB');
    });

    it('negative, NaN and Infinity → ?', () => {
        assert.equal(formatBytes(-1), '?');
        assert.equal(formatBytes(NaN), '?');
        assert.equal(formatBytes(Infinity), '?');
    });
});

describe('format: formatMemory (binary, for limits)', () => {
    it('KiB, MiB, GiB; whole numbers without decimals', () => {
        assert.equal(formatMemory(1024), '1 KiB');
        assert.equal(formatMemory(64 * MiB), '64 MiB');
        assert.equal(formatMemory(1.5 * GiB), '1.5 GiB');
        assert.equal(formatMemory(1000), '1000 B');
        assert.equal(formatMemory(6 * MiB + 300 * 1024), '6.3 MiB');
    });

    it('zero, negative and non-finite → 0', () => {
        assert.equal(formatMemory(0), '0');
        assert.equal(formatMemory(-5), '0');
        assert.equal(formatMemory(NaN), '0');
        assert.equal(formatMemory(Infinity), '0');
    });
});

describe('format: formatAge', () => {
    const now = Date.UTC(2024, 5, 1, 12, 0, 0);
    const ago = (sec: number) => now / 1000 - sec;

    it('English', () => {
        assert.equal(formatAge(ago(0), 'en', now), 'now');
        assert.equal(formatAge(ago(30), 'en', now), '30 seconds ago');
        assert.equal(formatAge(ago(120), 'en', now), '2 minutes ago');
        assert.equal(formatAge(ago(3 * 3600), 'en', now), '3 hours ago');
        assert.equal(formatAge(ago(86400), 'en', now), 'yesterday');
        assert.equal(formatAge(ago(5 * 86400), 'en', now), '5 days ago');
        assert.equal(formatAge(ago(90 * 86400), 'en', now), '3 months ago');
        assert.equal(formatAge(ago(3 * 365 * 86400), 'en', now), '3 years ago');
    });

    it('Korean', () => {
        assert.equal(formatAge(ago(0), 'ko', now), '지금');
        assert.equal(formatAge(ago(30), 'ko', now), '30초 전');
        assert.equal(formatAge(ago(120), 'ko', now), '2분 전');
        assert.equal(formatAge(ago(3 * 3600), 'ko', now), '3시간 전');
        assert.equal(formatAge(ago(86400), 'ko', now), '어제');
        assert.equal(formatAge(ago(5 * 86400), 'ko', now), '5일 전');
        assert.equal(formatAge(ago(3 * 365 * 86400), 'ko', now), '3년 전');
    });

    it('unit boundaries: 59 s is seconds, 60 s is a minute, 59 min is minutes, 60 min is an hour', () => {
        assert.equal(formatAge(ago(59), 'en', now), '59 seconds ago');
        assert.equal(formatAge(ago(60), 'en', now), '1 minute ago');
        assert.equal(formatAge(ago(59 * 60), 'en', now), '59 minutes ago');
        assert.equal(formatAge(ago(3600), 'en', now), '1 hour ago');
    });

    it('a time in the future (clock skew) reads as future, not as a negative past', () => {
        assert.equal(formatAge(ago(-120), 'en', now), 'in 2 minutes');
        assert.equal(formatAge(ago(-120), 'ko', now), '2분 후');
    });

    it('a ko-KR language tag is Korean', () => {
        assert.equal(formatAge(ago(120), 'ko-KR', now), '2분 전');
    });
});

describe('format: formatPorts', () => {
    it('published and exposed ports like docker ps', () => {
        assert.equal(
            formatPorts([
                { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
                { privatePort: 443, type: 'tcp' },
                { privatePort: 53, publicPort: 5353, type: 'udp' },
            ]),
            '0.0.0.0:8080->80/tcp, 443/tcp, 5353->53/udp',
        );
    });

    it('identical entries appear once, order kept', () => {
        const p = { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' };
        assert.equal(formatPorts([p, { privatePort: 22, type: 'tcp' }, { ...p }]), '0.0.0.0:8080->80/tcp, 22/tcp');
    });

    it('no ports → empty string', () => {
        assert.equal(formatPorts([]), '');
    });
});

describe('format: healthFromStatus', () => {
    it('reads the health from the status text', () => {
        assert.equal(healthFromStatus('Up 3 minutes (healthy)'), 'healthy');
        assert.equal(healthFromStatus('Up 2 hours (unhealthy)'), 'unhealthy');
        assert.equal(healthFromStatus('Up 1 second (health: starting)'), 'starting');
    });

    it('no health check → undefined', () => {
        assert.equal(healthFromStatus('Up 3 minutes'), undefined);
        assert.equal(healthFromStatus('Exited (0) 3 seconds ago'), undefined);
        assert.equal(healthFromStatus('Created'), undefined);
        assert.equal(healthFromStatus(''), undefined);
    });

    it('"unhealthy" is not read as "healthy"', () => {
        assert.notEqual(healthFromStatus('Up 5 minutes (unhealthy)'), 'healthy');
    });
});
