import * as assert from 'assert/strict';
import { createHmac } from 'crypto';
import { checkHostKey, fingerprint, hostFieldMatches, knownHostsName } from '../../src/docker/remoteTrust';
import { engineKind } from '../../src/docker/engineKind';
import { parseDockerHost } from '../../src/docker/endpoint';

// an ed25519 key blob as sshd sends it (from ssh-keygen -t ed25519)
const KEY = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIHx9rKb2Jr0bNn2yI0V4g8qg7oQp2w0mH3v3xV6sY7dZ', 'base64');
const OTHER = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIFm0o4b0Wm8vVx9w4ZyQ3l1cJ6d3x2Q9n1c8eR7tY5aB', 'base64');

function hashed(name: string): string {
    const salt = Buffer.from('0123456789abcdef0123');
    return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('remoteTrust: SSH host keys against known_hosts, as ssh checks them', () => {
    it('names a host as known_hosts does: bare on port 22, [host]:port otherwise', () => {
        assert.equal(knownHostsName('build', 22), 'build');
        assert.equal(knownHostsName('127.0.0.1', 2222), '[127.0.0.1]:2222');
    });

    it('plain, comma-separated, wildcard, negated and hashed host fields', () => {
        assert.ok(hostFieldMatches('[127.0.0.1]:2222', '[127.0.0.1]:2222'));
        assert.ok(!hostFieldMatches('[127.0.0.1]:2222', '[127.0.0.1]:2223'), 'brackets are literal, not a character class');
        assert.ok(hostFieldMatches('build,10.0.0.5', 'build'));
        assert.ok(hostFieldMatches('*.example.com', 'ci.example.com'));
        assert.ok(!hostFieldMatches('*.example.com,!ci.example.com', 'ci.example.com'));
        assert.ok(hostFieldMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2222'));
        assert.ok(!hostFieldMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:22'));
    });

    it('known, unknown and changed, with the SHA256 fingerprint ssh prints', () => {
        const kh = (text: string) => [{ file: '/home/me/.ssh/known_hosts', text }];
        const line = `[127.0.0.1]:2222 ssh-ed25519 ${KEY.toString('base64')}\n`;
        assert.equal(checkHostKey(kh(line), '127.0.0.1', 2222, KEY).verdict, 'known');
        assert.equal(checkHostKey(kh(`# comment\n${hashed('[127.0.0.1]:2222')} ssh-ed25519 ${KEY.toString('base64')}\n`), '127.0.0.1', 2222, KEY).verdict, 'known');
        const unknown = checkHostKey(kh(line), '127.0.0.1', 2223, KEY);
        assert.equal(unknown.verdict, 'unknown');
        const changed = checkHostKey(kh(line), '127.0.0.1', 2222, OTHER);
        assert.equal(changed.verdict, 'changed');
        assert.equal(changed.file, '/home/me/.ssh/known_hosts');
        assert.equal(changed.fingerprint, fingerprint(OTHER));
        assert.match(changed.fingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
        // a second file that knows the right key wins over a stale entry in the first
        assert.equal(checkHostKey([...kh(`[127.0.0.1]:2222 ssh-ed25519 ${OTHER.toString('base64')}`), { file: '/etc/ssh/ssh_known_hosts', text: line }], '127.0.0.1', 2222, KEY).verdict, 'known');
    });
});

describe('engineKind: Docker or Podman, local or remote', () => {
    it('Podman by its component name; remote by transport', () => {
        assert.deepEqual(engineKind(parseDockerHost('unix:///run/podman/podman.sock', 'setting'), { engineName: 'Podman Engine' }), { product: 'podman', remote: false, transport: 'unix' });
        assert.deepEqual(engineKind(parseDockerHost('ssh://me@build', 'setting'), { engineName: 'Engine' }), { product: 'docker', remote: true, transport: 'ssh' });
        assert.deepEqual(engineKind(parseDockerHost('tcp://build:2376', 'setting', { tls: { verify: true } }), undefined), { product: 'docker', remote: true, transport: 'tls' });
    });
});
