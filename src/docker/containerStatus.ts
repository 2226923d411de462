/**
 * The engine's container `Status` text ("Up 3 minutes (healthy)", "Exited (0) 48 seconds ago") read
 * into data, so the views can word it in the display language. Pure; unit-tested with statuses
 * captured from a real engine. No `vscode` import.
 */

/** The units the engine rounds an age to (go-units `HumanDuration`). */
export type StatusUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** An age as the engine wrote it: `3 minutes`, `About an hour` (1 hour, about), `Less than a second`. */
export interface StatusDuration {
    readonly amount: number;
    readonly unit: StatusUnit;
    /** `About a minute` / `About an hour` → 'about'; `Less than a second` → 'lessThan' (amount 1). */
    readonly approx?: 'about' | 'lessThan';
}

/**
 * What the engine's `Status` text says, as data. `phase` is the sentence's form:
 * `Up 3 minutes` → up, `Up 5 seconds (Paused)` → up + paused, `Exited (0) 48 seconds ago` → exited,
 * `Restarting (1) 3 seconds ago` → restarting, `Created`, `Removal In Progress` → removing, `Dead`.
 * Anything else is `unknown` and only `raw` is set, so the caller shows the engine's own words.
 */
export interface ContainerStatusInfo {
    readonly phase: 'up' | 'exited' | 'restarting' | 'created' | 'removing' | 'dead' | 'unknown';
    /** The exit code of the last run (exited, restarting). */
    readonly exitCode?: number;
    readonly paused?: boolean;
    readonly health?: 'healthy' | 'unhealthy' | 'starting';
    /** up: since the start; exited / restarting: since the last run ended. */
    readonly since?: StatusDuration;
    readonly raw: string;
}

const UNITS: readonly StatusUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];

/** go-units `HumanDuration` text → duration; undefined for any other text. */
export function parseStatusDuration(text: string): StatusDuration | undefined {
    const s = text.trim();
    if (/^less than a second$/i.test(s)) {
        return { amount: 1, unit: 'second', approx: 'lessThan' };
    }
    const about = /^about an? (minute|hour)$/i.exec(s);
    if (about) {
        return { amount: 1, unit: about[1].toLowerCase() as StatusUnit, approx: 'about' };
    }
    const n = /^(\d+) (second|minute|hour|day|week|month|year)s?$/i.exec(s);
    if (n && (UNITS as readonly string[]).includes(n[2].toLowerCase())) {
        return { amount: Number(n[1]), unit: n[2].toLowerCase() as StatusUnit };
    }
    return undefined;
}

const HEALTH: Record<string, ContainerStatusInfo['health']> = { healthy: 'healthy', unhealthy: 'unhealthy', 'health: starting': 'starting' };

/**
 * Parse the `Status` of `GET /containers/json` (moby `container.State.String()`), e.g.
 * `Up 2 hours (healthy)`, `Exited (137) 5 seconds ago`. Pure; unknown forms give `{ phase: 'unknown' }`.
 */
export function parseContainerStatus(status: string): ContainerStatusInfo {
    const raw = String(status ?? '');
    const s = raw.trim();
    const unknown: ContainerStatusInfo = { phase: 'unknown', raw };
    if (s === 'Created') {
        return { phase: 'created', raw };
    }
    if (s === 'Removal In Progress') {
        return { phase: 'removing', raw };
    }
    if (s === 'Dead') {
        return { phase: 'dead', raw };
    }
    const up = /^Up (.+?)(?: \((Paused|healthy|unhealthy|health: starting)\))?$/.exec(s);
    if (up) {
        const since = parseStatusDuration(up[1]);
        if (!since) {
            return unknown;
        }
        const paren = up[2];
        return { phase: 'up', since, paused: paren === 'Paused', ...(paren && HEALTH[paren] ? { health: HEALTH[paren] } : {}), raw };
    }
    const ended = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(s);
    if (ended) {
        const since = parseStatusDuration(ended[3]);
        if (!since) {
            return unknown;
        }
        return { phase: ended[1] === 'Exited' ? 'exited' : 'restarting', exitCode: Number(ended[2]), since, raw };
    }
    return unknown;
}
