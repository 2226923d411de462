import * as assert from 'assert/strict';
import { containerStatusText, healthWord, stateWord } from '../../src/common/containerStatusText';
import { parseContainerStatus, parseStatusDuration } from '../../src/docker/containerStatus';
import { ContainerState } from '../../src/docker/types';
import { fixture } from './helpers';
import { HANGUL, testL10n } from './l10nBundle';

/** Every distinct State + Status pair a real 20.10.24 daemon listed (fixtures/README.md). */
const captured = fixture('container-statuses.json') as Array<{ State: ContainerState; Status: string }>;

/** What the engine's English looks like: none of it may reach the Korean row. */
const ENGINE_ENGLISH = /\b(Up|Exited|Restarting|Created|Paused|Removal|Dead|About|Less than|seconds?|minutes?|hours?|days?|weeks?|months?|years?|ago|healthy|unhealthy|health|starting)\b/;

describe('mapping: parseStatusDuration (go-units HumanDuration)', () => {
    it('numbers with a unit, singular or plural', () => {
        assert.deepEqual(parseStatusDuration('1 second'), { amount: 1, unit: 'second' });
        assert.deepEqual(parseStatusDuration('48 seconds'), { amount: 48, unit: 'second' });
        assert.deepEqual(parseStatusDuration('3 minutes'), { amount: 3, unit: 'minute' });
        assert.deepEqual(parseStatusDuration('2 weeks'), { amount: 2, unit: 'week' });
        assert.deepEqual(parseStatusDuration('5 years'), { amount: 5, unit: 'year' });
    });

    it('the engine\'s approximate words', () => {
        assert.deepEqual(parseStatusDuration('Less than a second'), { amount: 1, unit: 'second', approx: 'lessThan' });
        assert.deepEqual(parseStatusDuration('About a minute'), { amount: 1, unit: 'minute', approx: 'about' });
        assert.deepEqual(parseStatusDuration('About an hour'), { amount: 1, unit: 'hour', approx: 'about' });
    });

    it('anything else is not a duration', () => {
        assert.equal(parseStatusDuration('a while'), undefined);
        assert.equal(parseStatusDuration('3 fortnights'), undefined);
        assert.equal(parseStatusDuration(''), undefined);
    });
});

describe('mapping: parseContainerStatus with real status strings', () => {
    it('the capture covers every form the daemon wrote', () => {
        const forms = new Set(captured.map((c) => c.Status.replace(/\d+/g, 'N').replace(/About an? \w+|Less than a second|N \w+/g, 'T')));
        for (const f of ['Up T', 'Up T (Paused)', 'Up T (healthy)', 'Up T (unhealthy)', 'Up T (health: starting)', 'Exited (N) T ago', 'Restarting (N) T ago', 'Created']) {
            assert.ok(forms.has(f), `captured a status of the form "${f}"`);
        }
    });

    for (const { State, Status } of captured) {
        it(`${State}: "${Status}"`, () => {
            const info = parseContainerStatus(Status);
            assert.equal(info.raw, Status);
            const expected = { running: 'up', paused: 'up', exited: 'exited', restarting: 'restarting', created: 'created', removing: 'removing', dead: 'dead' }[State];
            assert.equal(info.phase, expected, 'the form agrees with the list\'s State');
            assert.equal(info.paused ?? false, State === 'paused');
            const code = /\((-?\d+)\)/.exec(Status)?.[1];
            assert.equal(info.exitCode, code === undefined ? undefined : Number(code));
            const health = /\((healthy|unhealthy|health: starting)\)/.exec(Status)?.[1];
            assert.equal(info.health, health === undefined ? undefined : health === 'health: starting' ? 'starting' : health);
            if (State !== 'created') {
                assert.ok(info.since, 'an age');
                const n = /(\d+) (second|minute)s?/.exec(Status);
                if (n) {
                    assert.deepEqual(info.since, { amount: Number(n[1]), unit: n[2] });
                }
            }
        });
    }

    it('the forms the daemon writes rarely (moby container.State.String)', () => {
        assert.deepEqual(parseContainerStatus('Removal In Progress'), { phase: 'removing', raw: 'Removal In Progress' });
        assert.deepEqual(parseContainerStatus('Dead'), { phase: 'dead', raw: 'Dead' });
        assert.deepEqual(parseContainerStatus('Up Less than a second'), { phase: 'up', since: { amount: 1, unit: 'second', approx: 'lessThan' }, paused: false, raw: 'Up Less than a second' });
        assert.deepEqual(parseContainerStatus('Up 2 hours (healthy)').health, 'healthy');
        assert.deepEqual(parseContainerStatus('Exited (255) About an hour ago').since, { amount: 1, unit: 'hour', approx: 'about' });
    });

    it('an unknown form is kept as raw text, not guessed', () => {
        for (const s of ['', 'Stopped', 'Up', 'Exited', 'Exited (0)', 'Up 3 fortnights', 'Exited (x) 3 seconds ago', 'running for 3m']) {
            const info = parseContainerStatus(s);
            assert.equal(info.phase, 'unknown', s);
            assert.equal(info.raw, s);
            assert.equal(info.since, undefined);
        }
    });
});

describe('containers view: the state text in English and Korean', () => {
    const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
    const row = (language: 'en' | 'ko', state: ContainerState, status: string, created = NOW / 1000 - 300) => {
        const l10n = testL10n(language);
        const text = containerStatusText(l10n, language, { state, status, created }, NOW).text;
        assert.deepEqual(l10n.missing, [], `Korean for every sentence of "${status}"`);
        return text;
    };

    it('the issue\'s examples', () => {
        assert.equal(row('en', 'running', 'Up 3 minutes'), 'Running · started 3 minutes ago');
        assert.equal(row('ko', 'running', 'Up 3 minutes'), '실행 중 · 3분 전에 시작');
        assert.equal(row('en', 'exited', 'Exited (0) 48 seconds ago'), 'Exited (code 0) · 48 seconds ago');
        assert.equal(row('ko', 'exited', 'Exited (0) 48 seconds ago'), '종료됨 (코드 0) · 48초 전');
        assert.equal(row('ko', 'running', 'Up 2 hours (healthy)'), '실행 중 (정상) · 2시간 전에 시작');
        assert.equal(row('ko', 'paused', 'Up 5 seconds (Paused)'), '일시 정지됨 · 5초 전에 시작');
        assert.equal(row('ko', 'restarting', 'Restarting (1) 3 seconds ago'), '다시 시작 중 (마지막 종료 코드 1) · 3초 전에 종료');
        assert.equal(row('en', 'restarting', 'Restarting (1) 3 seconds ago'), 'Restarting (last exit code 1) · ended 3 seconds ago');
    });

    it('a created container: its age from the list\'s Created field, not the status text', () => {
        assert.equal(row('en', 'created', 'Created', NOW / 1000 - 300), 'Created (never started) · 5 minutes ago');
        assert.equal(row('ko', 'created', 'Created', NOW / 1000 - 300), '생성됨 (시작한 적 없음) · 5분 전');
        assert.equal(row('ko', 'created', 'Created', NOW / 1000 - 7200), '생성됨 (시작한 적 없음) · 2시간 전');
    });

    it('approximate ages read naturally', () => {
        assert.equal(row('ko', 'running', 'Up Less than a second'), '실행 중 · 방금 시작');
        assert.equal(row('en', 'running', 'Up Less than a second'), 'Running · started just now');
        assert.equal(row('ko', 'exited', 'Exited (137) About a minute ago'), '종료됨 (코드 137) · 약 1분 전');
        assert.equal(row('ko', 'restarting', 'Restarting (1) Less than a second ago'), '다시 시작 중 (마지막 종료 코드 1) · 방금 종료');
        assert.equal(row('ko', 'running', 'Up About an hour (health: starting)'), '실행 중 (상태 검사 결과 대기 중) · 약 1시간 전에 시작');
    });

    it('removing and dead come from State alone', () => {
        assert.equal(row('ko', 'removing', 'Removal In Progress'), '삭제 중');
        assert.equal(row('ko', 'dead', 'Dead'), 'dead (일부만 삭제됨, 삭제만 할 수 있음)');
        assert.equal(row('en', 'dead', 'Dead'), 'Dead (partly removed; it can only be removed)');
    });

    it('every captured status: Korean words, none of the engine\'s English', () => {
        for (const { State, Status } of captured) {
            const ko = row('ko', State, Status);
            assert.match(ko, HANGUL, Status);
            assert.doesNotMatch(ko, ENGINE_ENGLISH, `"${Status}" → "${ko}"`);
            const en = row('en', State, Status);
            assert.doesNotMatch(en, /^Up |\bago\b.*\bago\b/, `English is worded too, not copied: "${en}"`);
        }
    });

    it('an unknown form falls back to the state word and the engine\'s own text', () => {
        const l10n = testL10n('ko');
        const r = containerStatusText(l10n, 'ko', { state: 'exited', status: 'Stopped 3m', created: 0 }, NOW);
        assert.equal(r.text, '종료됨 — Stopped 3m');
        assert.equal(r.raw, true);
        assert.equal(containerStatusText(l10n, 'ko', { state: 'exited', status: '', created: 0 }, NOW).text, '종료됨');
    });

    it('state and health words exist in Korean', () => {
        const l10n = testL10n('ko');
        for (const s of ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const) {
            stateWord(l10n, s);
        }
        for (const h of ['healthy', 'unhealthy', 'starting']) {
            assert.match(healthWord(l10n, h), HANGUL);
        }
        assert.deepEqual(l10n.missing, []);
        assert.equal(stateWord(l10n, 'dead'), 'dead', 'the Docker term, not a translation of "death"');
    });

    it('a language Intl does not know still gives text', () => {
        const text = containerStatusText(testL10n('en'), 'not a language!', { state: 'running', status: 'Up 3 minutes', created: 0 }, NOW).text;
        assert.equal(text, 'Running · started 3 minutes ago');
    });
});
