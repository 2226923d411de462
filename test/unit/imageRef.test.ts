/** The one image-reference parser (src/docker/imageRef.ts). */
import * as assert from 'assert/strict';
import { familiarRepository, normalizeRef, parseImageRef, pullParams, sameRef } from '../../src/docker/imageRef';

describe('image references', () => {
    it('parses registry, path, tag and digest as the CLI does', () => {
        assert.deepEqual(parseImageRef('hello-world'), { registry: 'docker.io', path: 'library/hello-world', tag: undefined, digest: undefined });
        assert.deepEqual(parseImageRef('busybox:1.36'), { registry: 'docker.io', path: 'library/busybox', tag: '1.36', digest: undefined });
        assert.deepEqual(parseImageRef('team/app:dev'), { registry: 'docker.io', path: 'team/app', tag: 'dev', digest: undefined });
        assert.deepEqual(parseImageRef('127.0.0.1:5000/library/hello-world'), { registry: '127.0.0.1:5000', path: 'library/hello-world', tag: undefined, digest: undefined });
        assert.deepEqual(parseImageRef('localhost/x:1'), { registry: 'localhost', path: 'x', tag: '1', digest: undefined });
        assert.deepEqual(parseImageRef('ghcr.io/o/r:v1@sha256:abc'), { registry: 'ghcr.io', path: 'o/r', tag: 'v1', digest: 'sha256:abc' });
        assert.deepEqual(parseImageRef('repo@sha256:abc'), { registry: 'docker.io', path: 'library/repo', tag: undefined, digest: 'sha256:abc' });
    });

    it('a port is not a tag; a tag is a colon after the last slash', () => {
        assert.equal(parseImageRef('registry.local:5000/app').tag, undefined);
        assert.equal(parseImageRef('registry.local:5000/app:2').tag, '2');
    });

    it('familiar names drop docker.io and library/ only where the CLI does', () => {
        assert.equal(familiarRepository(parseImageRef('docker.io/library/hello-world')), 'hello-world');
        assert.equal(familiarRepository(parseImageRef('index.docker.io/team/app')), 'team/app');
        assert.equal(familiarRepository(parseImageRef('docker.io/library/a/b')), 'library/a/b');
        assert.equal(familiarRepository(parseImageRef('quay.io/x/y')), 'quay.io/x/y');
    });

    it('pull parameters: latest when no tag, the digest when pinned', () => {
        assert.deepEqual(pullParams('hello-world'), { fromImage: 'hello-world', tag: 'latest' });
        assert.deepEqual(pullParams('127.0.0.1:5000/busybox:1'), { fromImage: '127.0.0.1:5000/busybox', tag: '1' });
        assert.deepEqual(pullParams('busybox@sha256:abc'), { fromImage: 'busybox', tag: 'sha256:abc' });
    });

    it('one spelling for comparing', () => {
        assert.equal(normalizeRef('hello-world'), 'hello-world:latest');
        assert.ok(sameRef('hello-world', 'docker.io/library/hello-world:latest'));
        assert.ok(sameRef('team/app', 'team/app:latest'));
        assert.ok(!sameRef('hello-world', 'hello-world-2'), 'a longer name is another image (not a prefix match)');
        assert.ok(!sameRef('busybox:1', 'busybox:latest'));
        assert.ok(!sameRef('busybox@sha256:a', 'busybox'));
        assert.equal(normalizeRef('x:1@sha256:a'), 'x:1@sha256:a');
    });
});
