import * as assert from 'assert/strict';
import { createHash } from 'crypto';
import * as path from 'path';
import {
    cliHostFlag,
    contextEndpoint,
    discoverEndpoints,
    currentContextName,
    DEFAULT_NPIPE,
    DEFAULT_UNIX_SOCKET,
    defaultEndpoint,
    EndpointInputs,
    parseDockerHost,
    resolveEndpoint,
} from '../../src/docker/endpoint';
import { DockerError } from '../../src/docker/errors';
import { DockerEndpoint } from '../../src/docker/types';

const HOME = path.join(path.sep, 'home', 'learner');
const DOT_DOCKER = path.join(HOME, '.docker');

/** A fake file system: path → text. Every read is recorded. */
function inputs(opts: {
    setting?: string;
    env?: Record<string, string | undefined>;
    platform?: NodeJS.Platform;
    files?: Record<string, string>;
    reads?: string[];
}): EndpointInputs {
    const files = new Map(Object.entries(opts.files ?? {}));
    return {
        setting: opts.setting,
        env: opts.env ?? {},
        platform: opts.platform ?? 'linux',
        homedir: HOME,
        readFile: (file: string) => {
            opts.reads?.push(file);
            return files.get(file);
        },
    };
}

function hash(name: string): string {
    return createHash('sha256').update(name).digest('hex');
}

function metaPath(name: string, configDir = DOT_DOCKER): string {
    return path.join(configDir, 'contexts', 'meta', hash(name), 'meta.json');
}

function tlsDir(name: string, configDir = DOT_DOCKER): string {
    return path.join(configDir, 'contexts', 'tls', hash(name), 'docker');
}

function meta(name: string, host: string, skipTLSVerify?: boolean): string {
    return JSON.stringify({
        Name: name,
        Metadata: { Description: 'test context' },
        Endpoints: { docker: { Host: host, SkipTLSVerify: skipTLSVerify ?? false } },
    });
}

/** Runs `fn`, which must throw a `DockerError` of kind badConfig; returns it. */
function badConfig(fn: () => unknown): DockerError {
    let thrown: unknown;
    try {
        fn();
    } catch (e) {
        thrown = e;
    }
    assert.ok(thrown instanceof DockerError, `expected a DockerError, got ${String(thrown)}`);
    assert.equal(thrown.kind, 'badConfig');
    return thrown;
}

describe('endpoint: parseDockerHost', () => {
    it('unix:///x.sock → the absolute socket path', () => {
        const e = parseDockerHost('unix:///x.sock', 'env');
        assert.equal(e.kind, 'unix');
        assert.equal(e.socketPath, '/x.sock');
        assert.equal(e.display, 'unix:///x.sock');
        assert.equal(e.source, 'env');
    });

    it('trims surrounding white space', () => {
        const e = parseDockerHost('  unix:///var/run/docker.sock \n', 'setting');
        assert.equal(e.socketPath, '/var/run/docker.sock');
        assert.equal(e.source, 'setting');
    });

    it('accepts an upper-case scheme', () => {
        assert.equal(parseDockerHost('TCP://1.2.3.4:2375', 'env').kind, 'tcp');
    });

    it('tcp://1.2.3.4:2375 → host and port, no TLS', () => {
        const e = parseDockerHost('tcp://1.2.3.4:2375', 'env');
        assert.equal(e.kind, 'tcp');
        assert.equal(e.host, '1.2.3.4');
        assert.equal(e.port, 2375);
        assert.equal(e.tls, undefined);
        assert.equal(e.display, 'tcp://1.2.3.4:2375');
    });

    it('tcp://host without a port → 2375', () => {
        const e = parseDockerHost('tcp://docker.example', 'env');
        assert.equal(e.host, 'docker.example');
        assert.equal(e.port, 2375);
        assert.equal(e.display, 'tcp://docker.example:2375');
    });

    it('tcp://host without a port but with TLS → 2376, TLS kept', () => {
        const e = parseDockerHost('tcp://docker.example', 'env', { tls: { verify: true, certPath: '/certs' } });
        assert.equal(e.port, 2376);
        assert.deepEqual(e.tls, { verify: true, certPath: '/certs' });
    });

    it('an explicit port wins over the TLS default', () => {
        const e = parseDockerHost('tcp://docker.example:4243', 'env', { tls: { verify: true } });
        assert.equal(e.port, 4243);
    });

    it('tcp://[::1]:2375 → IPv6 host without brackets, display with them', () => {
        const e = parseDockerHost('tcp://[::1]:2375', 'env');
        assert.equal(e.kind, 'tcp');
        assert.equal(e.host, '::1');
        assert.equal(e.port, 2375);
        assert.equal(e.display, 'tcp://[::1]:2375');
    });

    it('https://host → tcp with TLS verify and port 2376', () => {
        const e = parseDockerHost('https://docker.example', 'env');
        assert.equal(e.kind, 'tcp');
        assert.equal(e.port, 2376);
        assert.deepEqual(e.tls, { verify: true });
    });

    it('ssh://me@host:2222 → ssh with user and port', () => {
        const e = parseDockerHost('ssh://me@host:2222', 'env');
        assert.equal(e.kind, 'ssh');
        assert.equal(e.host, 'host');
        assert.equal(e.port, 2222);
        assert.equal(e.username, 'me');
        assert.equal(e.display, 'ssh://me@host:2222');
    });

    it('ssh://host → port 22, no user', () => {
        const e = parseDockerHost('ssh://host', 'env');
        assert.equal(e.port, 22);
        assert.equal(e.username, undefined);
        assert.equal(e.display, 'ssh://host');
    });

    it('npipe:////./pipe/docker_engine → the Windows pipe path', () => {
        const e = parseDockerHost('npipe:////./pipe/docker_engine', 'env');
        assert.equal(e.kind, 'npipe');
        assert.equal(e.socketPath, '//./pipe/docker_engine');
        assert.equal(e.display, 'npipe:////./pipe/docker_engine');
    });

    it('keeps the extra fields (context name, TLS) on the result', () => {
        const e = parseDockerHost('unix:///x.sock', 'context', { contextName: 'c1' });
        assert.equal(e.contextName, 'c1');
        assert.equal(e.source, 'context');
    });

    const bad: Array<[string, RegExp]> = [
        ['', /expected a URL/],
        ['local host:2375', /expected a URL/],
        ['host:port', /expected a URL/],
        ['/var/run/docker.sock', /expected a URL/],
        ['unix://relative', /absolute path/],
        ['unix://', /absolute path/],
        ['tcp://', /not valid|missing/],
        ['tcp://host:99999', /not valid|port/],
        ['tcp://host:0', /port/],
        ['fd://', /fd:\/\//],
        ['foo://x', /scheme "foo" is not supported/],
        ['npipe://', /named pipe/],
    ];
    for (const [value, why] of bad) {
        it(`rejects ${JSON.stringify(value)} as badConfig`, () => {
            const err = badConfig(() => parseDockerHost(value, 'env'));
            assert.match(err.message, why);
            assert.ok(err.message.includes(`"${value.trim()}"`), `the message names the value: ${err.message}`);
            assert.equal(err.detail, 'env');
        });
    }
});

describe('endpoint: resolveEndpoint order', () => {
    it('the setting wins over DOCKER_HOST and contexts', () => {
        const reads: string[] = [];
        const e = resolveEndpoint(
            inputs({
                setting: 'tcp://from-setting:2375',
                env: { DOCKER_HOST: 'unix:///from-env.sock', DOCKER_CONTEXT: 'remote' },
                files: { [metaPath('remote')]: meta('remote', 'ssh://ctx') },
                reads,
            }),
        );
        assert.equal(e.source, 'setting');
        assert.equal(e.host, 'from-setting');
        assert.deepEqual(reads, [], 'no file is read when the setting decides');
    });

    it('a blank setting (white space) falls through to DOCKER_HOST', () => {
        const e = resolveEndpoint(inputs({ setting: '   ', env: { DOCKER_HOST: 'unix:///from-env.sock' } }));
        assert.equal(e.source, 'env');
        assert.equal(e.socketPath, '/from-env.sock');
    });

    it('DOCKER_HOST wins over DOCKER_CONTEXT and config.json', () => {
        const e = resolveEndpoint(
            inputs({
                env: { DOCKER_HOST: 'unix:///from-env.sock', DOCKER_CONTEXT: 'remote' },
                files: {
                    [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'remote' }),
                    [metaPath('remote')]: meta('remote', 'ssh://ctx'),
                },
            }),
        );
        assert.equal(e.source, 'env');
        assert.equal(e.kind, 'unix');
    });

    it('an empty DOCKER_HOST falls through (to the platform default here)', () => {
        const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: '' } }));
        assert.equal(e.source, 'default');
        assert.equal(e.socketPath, DEFAULT_UNIX_SOCKET);
    });

    it('a bad setting is badConfig, not silently skipped', () => {
        const err = badConfig(() => resolveEndpoint(inputs({ setting: 'local host:2375', env: { DOCKER_HOST: 'unix:///ok.sock' } })));
        assert.equal(err.detail, 'setting');
    });

    it('a bad DOCKER_HOST is badConfig naming the source', () => {
        const err = badConfig(() => resolveEndpoint(inputs({ env: { DOCKER_HOST: 'foo://x' } })));
        assert.equal(err.detail, 'env');
    });

    it('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH → tls {verify: true, certPath} and port 2376', () => {
        const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'tcp://secure.example', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' } }));
        assert.deepEqual(e.tls, { verify: true, certPath: '/certs' });
        assert.equal(e.port, 2376);
    });

    it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH → ~/.docker', () => {
        const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'tcp://secure.example:2376', DOCKER_TLS_VERIFY: '1' } }));
        assert.deepEqual(e.tls, { verify: true, certPath: DOT_DOCKER });
    });

    it('DOCKER_TLS=1 → TLS without verification', () => {
        const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'tcp://secure.example', DOCKER_TLS: '1', DOCKER_CERT_PATH: '/c' } }));
        assert.deepEqual(e.tls, { verify: false, certPath: '/c' });
        assert.equal(e.port, 2376);
    });

    it('DOCKER_TLS_VERIFY=0 means no TLS', () => {
        const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'tcp://plain.example', DOCKER_TLS_VERIFY: '0' } }));
        assert.equal(e.tls, undefined);
        assert.equal(e.port, 2375);
    });

    it('TLS variables also apply to the setting', () => {
        const e = resolveEndpoint(inputs({ setting: 'tcp://s.example', env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' } }));
        assert.deepEqual(e.tls, { verify: true, certPath: '/c' });
    });

    it('DOCKER_CONTEXT beats currentContext in config.json', () => {
        const e = resolveEndpoint(
            inputs({
                env: { DOCKER_CONTEXT: 'remote' },
                files: {
                    [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'my-ctx' }),
                    [metaPath('remote')]: meta('remote', 'ssh://me@remote.example'),
                    [metaPath('my-ctx')]: meta('my-ctx', 'unix:///my-ctx.sock'),
                },
            }),
        );
        assert.equal(e.source, 'context');
        assert.equal(e.contextName, 'remote');
        assert.equal(e.kind, 'ssh');
        assert.equal(e.host, 'remote.example');
    });

    it('currentContext from config.json is used without DOCKER_CONTEXT', () => {
        const e = resolveEndpoint(
            inputs({
                files: {
                    [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ auths: {}, currentContext: 'my-ctx' }),
                    [metaPath('my-ctx')]: meta('my-ctx', 'unix:///my-ctx.sock'),
                },
            }),
        );
        assert.equal(e.source, 'context');
        assert.equal(e.contextName, 'my-ctx');
        assert.equal(e.socketPath, '/my-ctx.sock');
    });

    it('DOCKER_CONFIG moves config.json and the contexts folder', () => {
        const cfg = path.join(path.sep, 'etc', 'dockercfg');
        const e = resolveEndpoint(
            inputs({
                env: { DOCKER_CONFIG: cfg },
                files: {
                    [path.join(cfg, 'config.json')]: JSON.stringify({ currentContext: 'remote' }),
                    [metaPath('remote', cfg)]: meta('remote', 'tcp://10.0.0.5:2375'),
                    // the same names under ~/.docker must be ignored
                    [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'nope' }),
                },
            }),
        );
        assert.equal(e.contextName, 'remote');
        assert.equal(e.host, '10.0.0.5');
    });

    it("DOCKER_CONTEXT=default means the platform default, whatever config.json says", () => {
        const reads: string[] = [];
        const e = resolveEndpoint(
            inputs({
                env: { DOCKER_CONTEXT: 'default' },
                files: { [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'remote' }) },
                reads,
            }),
        );
        assert.equal(e.source, 'default');
        assert.equal(e.socketPath, DEFAULT_UNIX_SOCKET);
        assert.deepEqual(reads, []);
    });

    it("currentContext 'default' in config.json means the platform default", () => {
        const e = resolveEndpoint(inputs({ platform: 'win32', files: { [path.join(DOT_DOCKER, 'config.json')]: '{"currentContext":"default"}' } }));
        assert.equal(e.source, 'default');
        assert.equal(e.kind, 'npipe');
    });

    it('a missing context is badConfig naming the context', () => {
        const err = badConfig(() => resolveEndpoint(inputs({ env: { DOCKER_CONTEXT: 'ghost' } })));
        assert.match(err.message, /"ghost"/);
        assert.match(err.message, /does not exist/);
    });

    it('an invalid config.json is badConfig', () => {
        const err = badConfig(() => resolveEndpoint(inputs({ files: { [path.join(DOT_DOCKER, 'config.json')]: '{ not json' } })));
        assert.match(err.message, /config\.json is not valid JSON/);
    });

    it('an invalid config.json does not matter when DOCKER_HOST decides', () => {
        const e = resolveEndpoint(inputs({ env: { DOCKER_HOST: 'unix:///a.sock' }, files: { [path.join(DOT_DOCKER, 'config.json')]: '{' } }));
        assert.equal(e.socketPath, '/a.sock');
    });

    it('no config.json at all → platform default (linux)', () => {
        const e = resolveEndpoint(inputs({ platform: 'linux' }));
        assert.deepEqual(e, defaultEndpoint('linux'));
        assert.equal(e.display, 'unix:///var/run/docker.sock');
    });

    it('platform default on darwin is the unix socket', () => {
        const e = resolveEndpoint(inputs({ platform: 'darwin' }));
        assert.equal(e.kind, 'unix');
        assert.equal(e.socketPath, '/var/run/docker.sock');
    });

    it('platform default on win32 is the named pipe', () => {
        const e = resolveEndpoint(inputs({ platform: 'win32' }));
        assert.equal(e.kind, 'npipe');
        assert.equal(e.socketPath, DEFAULT_NPIPE);
        assert.equal(e.socketPath, '//./pipe/docker_engine');
        assert.equal(e.display, 'npipe:////./pipe/docker_engine');
        assert.equal(e.source, 'default');
    });
});

describe('endpoint: currentContextName', () => {
    it('trims DOCKER_CONTEXT', () => {
        assert.equal(currentContextName(inputs({ env: { DOCKER_CONTEXT: '  remote ' } })), 'remote');
    });

    it('blank DOCKER_CONTEXT falls back to config.json', () => {
        assert.equal(
            currentContextName(inputs({ env: { DOCKER_CONTEXT: ' ' }, files: { [path.join(DOT_DOCKER, 'config.json')]: '{"currentContext":"my-ctx"}' } })),
            'my-ctx',
        );
    });

    it('undefined without config.json, with an empty one, and with a non-string currentContext', () => {
        assert.equal(currentContextName(inputs({})), undefined);
        assert.equal(currentContextName(inputs({ files: { [path.join(DOT_DOCKER, 'config.json')]: '' } })), undefined);
        assert.equal(currentContextName(inputs({ files: { [path.join(DOT_DOCKER, 'config.json')]: '{"currentContext":42}' } })), undefined);
        assert.equal(currentContextName(inputs({ files: { [path.join(DOT_DOCKER, 'config.json')]: 'null' } })), undefined);
        assert.equal(currentContextName(inputs({ files: { [path.join(DOT_DOCKER, 'config.json')]: '{"currentContext":""}' } })), undefined);
    });
});

describe('endpoint: contextEndpoint', () => {
    it('reads contexts/meta/<sha256(name)>/meta.json (the docker CLI layout)', () => {
        // Known value, so a change in how the name is hashed cannot go unnoticed.
        assert.equal(hash('remote'), 'b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a');
        const reads: string[] = [];
        const e = contextEndpoint(
            'remote',
            inputs({
                files: { [path.join(DOT_DOCKER, 'contexts', 'meta', 'b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a', 'meta.json')]: meta('remote', 'unix:///r.sock') },
                reads,
            }),
        );
        assert.equal(e.socketPath, '/r.sock');
        assert.equal(e.source, 'context');
        assert.equal(e.contextName, 'remote');
        assert.equal(e.tls, undefined);
        assert.equal(reads[0], metaPath('remote'));
    });

    it('a context with TLS files → tls with the context tls folder, verify on', () => {
        const e = contextEndpoint(
            'secure',
            inputs({
                files: {
                    [metaPath('secure')]: meta('secure', 'tcp://secure.example'),
                    [path.join(tlsDir('secure'), 'ca.pem')]: '-----BEGIN CERTIFICATE-----',
                    [path.join(tlsDir('secure'), 'cert.pem')]: '-----BEGIN CERTIFICATE-----',
                    [path.join(tlsDir('secure'), 'key.pem')]: '-----BEGIN PRIVATE KEY-----',
                },
            }),
        );
        assert.deepEqual(e.tls, { verify: true, certPath: tlsDir('secure') });
        assert.equal(e.port, 2376, 'TLS changes the default port');
        assert.equal(e.contextName, 'secure');
    });

    it('SkipTLSVerify in meta.json → verify false', () => {
        const e = contextEndpoint(
            'skip',
            inputs({
                files: {
                    [metaPath('skip')]: meta('skip', 'tcp://h:2376', true),
                    [path.join(tlsDir('skip'), 'ca.pem')]: 'ca',
                },
            }),
        );
        assert.equal(e.tls?.verify, false);
    });

    it('a context without TLS files has no tls (plain tcp, port 2375)', () => {
        const e = contextEndpoint('plain', inputs({ files: { [metaPath('plain')]: meta('plain', 'tcp://h') } }));
        assert.equal(e.tls, undefined);
        assert.equal(e.port, 2375);
    });

    it('missing meta.json → badConfig naming the context and the file', () => {
        const err = badConfig(() => contextEndpoint('ghost', inputs({})));
        assert.match(err.message, /"ghost"/);
        assert.ok(err.message.includes(metaPath('ghost')));
    });

    it('invalid meta.json → badConfig', () => {
        const err = badConfig(() => contextEndpoint('broken', inputs({ files: { [metaPath('broken')]: '{{' } })));
        assert.match(err.message, /not valid JSON/);
    });

    it('meta.json without a docker endpoint → badConfig naming the context', () => {
        const err = badConfig(() =>
            contextEndpoint('k8s-only', inputs({ files: { [metaPath('k8s-only')]: JSON.stringify({ Name: 'k8s-only', Endpoints: { kubernetes: {} } }) } })),
        );
        assert.match(err.message, /"k8s-only" has no Docker endpoint/);
    });

    it('a context whose Host is unusable → badConfig from the parser', () => {
        const err = badConfig(() => contextEndpoint('weird', inputs({ files: { [metaPath('weird')]: meta('weird', 'fd://') } })));
        assert.equal(err.detail, 'context');
    });
});

describe('endpoint: cliHostFlag', () => {
    it('nothing for the platform default', () => {
        assert.equal(cliHostFlag(defaultEndpoint('linux')), '');
    });

    it('-H <display> for a setting or DOCKER_HOST', () => {
        assert.equal(cliHostFlag(parseDockerHost('tcp://1.2.3.4', 'setting')), '-H tcp://1.2.3.4:2375');
        assert.equal(cliHostFlag(parseDockerHost('unix:///x.sock', 'env')), '-H unix:///x.sock');
    });

    it('--context <name> for a context', () => {
        const e = contextEndpoint('remote', inputs({ files: { [metaPath('remote')]: meta('remote', 'ssh://me@h') } }));
        assert.equal(cliHostFlag(e), '--context remote');
    });

    it('-H when a context endpoint has lost its name', () => {
        const e: DockerEndpoint = { kind: 'unix', socketPath: '/x', source: 'context', display: 'unix:///x' };
        assert.equal(cliHostFlag(e), '-H unix:///x');
    });
});

describe('endpoint: discoverEndpoints names how each context is reached (TLS, SSH, plain TCP)', () => {
    it('a TLS context (its CA in the context folder), one without verification, an SSH one, a plain one', () => {
        const files: Record<string, string> = {
            [metaPath('secure')]: meta('secure', 'tcp://build:2376'),
            [path.join(tlsDir('secure'), 'ca.pem')]: 'CA',
            [metaPath('lax')]: meta('lax', 'tcp://lab:2376', true),
            [path.join(tlsDir('lax'), 'cert.pem')]: 'CERT',
            [metaPath('over-ssh')]: meta('over-ssh', 'ssh://me@build'),
            [metaPath('plain')]: meta('plain', 'tcp://build:2375'),
        };
        const base = inputs({ files, env: { DOCKER_HOST: 'ssh://me@other:2222' } });
        const found = discoverEndpoints({ ...base, listDir: () => ['secure', 'lax', 'over-ssh', 'plain'].map(hash) });
        const by = (name: string) => found.find((d) => d.name === name);
        assert.equal(by('secure')?.security, 'tls');
        assert.equal(by('lax')?.security, 'tls-noverify');
        assert.equal(by('over-ssh')?.security, 'ssh');
        assert.equal(by('plain')?.security, 'tcp');
        assert.equal(by('DOCKER_HOST')?.security, 'ssh');
    });

    it('two contexts to one engine (TLS verified, TLS not verified) are both listed; only the chosen one is in use', () => {
        const files: Record<string, string> = {
            [metaPath('checked')]: meta('checked', 'tcp://build:2376'),
            [path.join(tlsDir('checked'), 'ca.pem')]: 'CA',
            [metaPath('unchecked')]: meta('unchecked', 'tcp://build:2376', true),
            [path.join(tlsDir('unchecked'), 'ca.pem')]: 'CA',
        };
        const base = inputs({ files, setting: 'context://unchecked' });
        const found = discoverEndpoints({ ...base, listDir: () => ['checked', 'unchecked'].map(hash) });
        assert.deepEqual(
            found.map((d) => [d.name, d.url, d.security, d.current]),
            [
                ['checked', 'tcp://build:2376', 'tls', false],
                ['unchecked', 'tcp://build:2376', 'tls-noverify', true],
            ],
        );
    });
});
