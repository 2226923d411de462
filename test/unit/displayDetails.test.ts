/**
 * Small things a first run shows: a "no limit" memory figure (cgroup v1's 9223372036854771712, v2's
 * `max`) said in words, and singular/plural counts of an image's containers (English; Korean reads
 * naturally without a plural), with the real Korean bundle.
 */
import * as assert from 'assert/strict';
import { isNoMemoryLimit, kernelLimitText } from '../../src/common/format';
import { instancesSentence, onEngineSentence } from '../../src/common/instanceWords';
import { HANGUL, testL10n } from './l10nBundle';

describe('display: memory "no limit"', () => {
    it('recognises cgroup v1 and v2 "no limit" values, and not real limits', () => {
        for (const v of ['9223372036854771712', '9223372036854775807', 'max', ' max\n', '-1', 9223372036854771712, 2 ** 62, -1, Infinity]) {
            assert.equal(isNoMemoryLimit(v), true, `${String(v)} is no limit`);
        }
        for (const v of ['67108864', '0', '', 'abc', 67108864, 64 * 2 ** 30, 0, NaN]) {
            assert.equal(isNoMemoryLimit(v), false, `${String(v)} is not "no limit"`);
        }
    });

    it('the cgroups lesson shows the kernel file as "no limit" (en/ko), a real limit with its size', () => {
        assert.equal(kernelLimitText('9223372036854771712', 'no limit'), 'no limit');
        assert.equal(kernelLimitText('max', '제한 없음'), '제한 없음');
        assert.equal(kernelLimitText('67108864', 'no limit'), '67108864 (64 MiB)');
        assert.equal(kernelLimitText('garbage', 'no limit'), 'garbage');
    });
});

describe('display: singular and plural container counts', () => {
    it('Images view tooltip: 0, 1 and 2 containers in English', () => {
        const en = testL10n('en');
        assert.equal(instancesSentence(en, 0), 'No container has been created from this image yet.');
        assert.equal(instancesSentence(en, 1), '1 container was created from this image: it is an instance of it.');
        assert.equal(instancesSentence(en, 2), '2 containers were created from this image. Each is an instance of it.');
    });

    it('Dockerfile hover: "no container uses it", "1 container uses it", "4 containers use it"', () => {
        const en = testL10n('en');
        const s = (n: number | undefined) => onEngineSentence(en, 'busybox:latest', 'f3fd750c3e7f', '2.1 MB', '2 hours ago', n);
        assert.equal(s(undefined), 'busybox:latest is on your engine: id f3fd750c3e7f, 2.1 MB, created 2 hours ago.');
        assert.equal(s(0), 'busybox:latest is on your engine: id f3fd750c3e7f, 2.1 MB, created 2 hours ago; no container uses it.');
        assert.equal(s(1), 'busybox:latest is on your engine: id f3fd750c3e7f, 2.1 MB, created 2 hours ago; 1 container uses it.');
        assert.equal(s(4), 'busybox:latest is on your engine: id f3fd750c3e7f, 2.1 MB, created 2 hours ago; 4 containers use it.');
    });

    it('Korean: every case has its own natural sentence in the bundle', () => {
        const ko = testL10n('ko');
        const lines = [0, 1, 4].flatMap((n) => [instancesSentence(ko, n), onEngineSentence(ko, 'busybox:latest', 'f3fd750c3e7f', '2.1 MB', '2시간 전', n)]);
        assert.deepEqual(ko.missing, []);
        lines.forEach((l) => assert.match(l, HANGUL));
        assert.equal(lines[3], 'busybox:latest이(가) 엔진에 있습니다: ID f3fd750c3e7f, 2.1 MB, 2시간 전 만듦. 컨테이너 1개가 사용합니다.');
        assert.equal(lines[1], 'busybox:latest이(가) 엔진에 있습니다: ID f3fd750c3e7f, 2.1 MB, 2시간 전 만듦. 이 이미지를 사용하는 컨테이너는 없습니다.');
        assert.doesNotMatch(lines.join('\n'), /컨테이너 0개/);
    });
});
