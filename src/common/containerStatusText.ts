/**
 * What a container row says about its state, built from the list's fields (`State`, `Created`) and
 * the engine's `Status` text parsed into data (src/docker/mapping.ts), worded through l10n, so the
 * Korean view never shows the engine's English ("Up 3 minutes", "Exited (0) 48 seconds ago").
 * No `vscode` import: the tree passes `vscode.l10n` and the language.
 */
import { ContainerStatusInfo, parseContainerStatus, StatusDuration } from '../docker/containerStatus';
import { ContainerState } from '../docker/types';
import { formatRelative } from './format';
import type { RelativeUnit } from './relativeTime';
import { L10n } from './l10n';

/** The state in words (never colour alone). */
export function stateWord(l10n: L10n, state: ContainerState): string {
    switch (state) {
        case 'running':
            return l10n.t('running');
        case 'paused':
            return l10n.t('paused');
        case 'restarting':
            return l10n.t('restarting');
        case 'removing':
            return l10n.t('removing');
        case 'exited':
            return l10n.t('exited');
        case 'dead':
            return l10n.t('dead');
        default:
            return l10n.t('created');
    }
}

export function healthWord(l10n: L10n, health: string): string {
    switch (health) {
        case 'healthy':
            return l10n.t('healthy');
        case 'unhealthy':
            return l10n.t('unhealthy');
        case 'starting':
            return l10n.t('health check pending');
        default:
            // another runtime's word: shown as the engine said it
            return health;
    }
}

function relative(language: string, amount: number, unit: RelativeUnit): string {
    return formatRelative(-amount, unit, language, 'always');
}

/** `48 seconds ago`, `about 1 hour ago`, `just now`. */
export function agoText(l10n: L10n, language: string, d: StatusDuration): string {
    if (d.approx === 'lessThan') {
        return l10n.t('just now');
    }
    const rel = relative(language, d.amount, d.unit);
    return d.approx === 'about' ? l10n.t('about {0}', rel) : rel;
}

/** `started 3 minutes ago`, `started just now`. */
function startedText(l10n: L10n, language: string, d: StatusDuration): string {
    return d.approx === 'lessThan' ? l10n.t('started just now') : l10n.t('started {0}', agoText(l10n, language, d));
}

/** `ended 3 seconds ago`, `ended just now`. */
function endedText(l10n: L10n, language: string, d: StatusDuration): string {
    return d.approx === 'lessThan' ? l10n.t('ended just now') : l10n.t('ended {0}', agoText(l10n, language, d));
}

/** A created-only container: its age from the list's `Created` (seconds since the epoch). */
function createdAgo(language: string, createdSec: number, nowMs: number): string | undefined {
    if (!(createdSec > 0)) {
        return undefined;
    }
    const s = Math.max(0, Math.round(nowMs / 1000 - createdSec));
    const [amount, unit]: [number, RelativeUnit] =
        s < 60 ? [s, 'second'] : s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 172800 ? [Math.round(s / 3600), 'hour'] : s < 86400 * 14 ? [Math.floor(s / 86400), 'day'] : s < 86400 * 60 ? [Math.floor(s / 604800), 'week'] : s < 86400 * 730 ? [Math.floor(s / 2592000), 'month'] : [Math.floor(s / 31536000), 'year'];
    return relative(language, amount, unit);
}

export interface ContainerStatusText {
    /** For the row: `Exited (code 0) · 48 seconds ago`. */
    readonly text: string;
    /** What the engine's status text said, parsed. */
    readonly info: ContainerStatusInfo;
    /** True when the engine's text had an unknown form and `text` is the engine's own words. */
    readonly raw: boolean;
}

/**
 * The row's state text. `state` (the list's `State`) decides the word; the exit code, health and
 * age come from the parsed `Status`. An unknown status form falls back to the engine's text.
 */
export function containerStatusText(l10n: L10n, language: string, c: { readonly state: ContainerState; readonly status: string; readonly created: number }, nowMs = Date.now()): ContainerStatusText {
    const info = parseContainerStatus(c.status);
    const out = (parts: Array<string | undefined>): ContainerStatusText => ({ text: parts.filter(Boolean).join(' · '), info, raw: false });
    switch (c.state) {
        case 'created':
            return out([l10n.t('Created (never started)'), createdAgo(language, c.created, nowMs)]);
        case 'removing':
            return out([l10n.t('Being removed')]);
        case 'dead':
            return out([l10n.t('Dead (partly removed; it can only be removed)')]);
        default:
            break;
    }
    if (c.state === 'running' && info.phase === 'up' && info.since && !info.paused) {
        const label = info.health ? l10n.t('Running ({0})', healthWord(l10n, info.health)) : l10n.t('Running');
        return out([label, startedText(l10n, language, info.since)]);
    }
    if (c.state === 'paused' && info.phase === 'up' && info.since) {
        return out([l10n.t('Paused'), startedText(l10n, language, info.since)]);
    }
    if (c.state === 'exited' && info.phase === 'exited' && info.since && info.exitCode !== undefined) {
        return out([l10n.t('Exited (code {0})', info.exitCode), agoText(l10n, language, info.since)]);
    }
    if (c.state === 'restarting' && info.phase === 'restarting' && info.since && info.exitCode !== undefined) {
        return out([l10n.t('Restarting (last exit code {0})', info.exitCode), endedText(l10n, language, info.since)]);
    }
    // a form we do not know (another engine, a newer daemon): the state in words, then the engine's text
    return { text: c.status.trim() ? `${stateWord(l10n, c.state)} — ${c.status.trim()}` : stateWord(l10n, c.state), info, raw: !!c.status.trim() };
}
