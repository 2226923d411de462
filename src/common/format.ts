/** Sizes and ages for display, like the docker CLI prints them (decimal units). No `vscode` import. */
import { relativeWords, RelativeUnit } from './relativeTime';

export function formatBytes(bytes: number): string {
    if (!Number.isFinite(bytes) || bytes < 0) {
        return '?';
    }
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = bytes;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
        v /= 1000;
        i++;
    }
    return `${i === 0 ? v : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/**
 * Is this memory limit "no limit"? cgroup v2 writes `max`; cgroup v1 writes the largest page-aligned
 * count, 9223372036854771712 (2^63 − 4096), and engines may pass such values on. Anything from 2^60
 * bytes (1 EiB) up is no real limit.
 */
export function isNoMemoryLimit(value: string | number): boolean {
    if (typeof value === 'string') {
        const v = value.trim();
        if (v === 'max' || v === '-1') {
            return true;
        }
        if (!/^\d+$/.test(v)) {
            return false;
        }
        return BigInt(v) >= NO_LIMIT_FROM;
    }
    return value === -1 || (Number.isFinite(value) ? value >= Number(NO_LIMIT_FROM) : value === Infinity);
}

const NO_LIMIT_FROM = 2n ** 60n;

/** Binary units, for memory limits (the kernel counts in KiB/MiB). */
export function formatMemory(bytes: number): string {
    if (!Number.isFinite(bytes) || bytes <= 0) {
        return '0';
    }
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = bytes;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

const formatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * One formatter per language and style: making one costs ~80 µs, which a tree of 2,000 rows
 * would pay on every render. An unknown language falls back to English.
 */
function relativeTimeFormat(language: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
    const key = `${language}|${numeric}`;
    let rtf = formatters.get(key);
    if (!rtf) {
        try {
            rtf = new Intl.RelativeTimeFormat(language, { numeric });
        } catch {
            rtf = new Intl.RelativeTimeFormat('en', { numeric });
        }
        formatters.set(key, rtf);
    }
    return rtf;
}

/** "3 days ago" in `language`: English and Korean from our own words, other languages from Intl. */
export function formatRelative(value: number, unit: RelativeUnit, language: string, numeric: 'auto' | 'always'): string {
    return relativeWords(value, unit, language, numeric) ?? relativeTimeFormat(language, numeric).format(value, unit);
}

/** "3 minutes ago" in the given language. `thenSec` and `nowMs` as the API gives them. */
export function formatAge(thenSec: number, language: string, nowMs = Date.now()): string {
    const diff = Math.round(thenSec - nowMs / 1000);
    const abs = Math.abs(diff);
    const [value, unit]: [number, RelativeUnit] =
        abs < 60 ? [diff, 'second'] : abs < 3600 ? [Math.round(diff / 60), 'minute'] : abs < 86400 ? [Math.round(diff / 3600), 'hour'] : abs < 86400 * 30 ? [Math.round(diff / 86400), 'day'] : abs < 86400 * 365 ? [Math.round(diff / (86400 * 30)), 'month'] : [Math.round(diff / (86400 * 365)), 'year'];
    return formatRelative(value, unit, language, 'auto');
}

/** `0.0.0.0:8080->80/tcp, 443/tcp` like `docker ps`. */
export function formatPorts(ports: readonly { privatePort: number; publicPort?: number; ip?: string; type: string }[]): string {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const p of ports) {
        const s = p.publicPort ? `${p.ip ? `${p.ip}:` : ''}${p.publicPort}->${p.privatePort}/${p.type}` : `${p.privatePort}/${p.type}`;
        if (!seen.has(s)) {
            seen.add(s);
            out.push(s);
        }
    }
    return out.join(', ');
}

/** `(healthy)` / `(unhealthy)` / `(health: starting)` from the daemon's status text. */
export function healthFromStatus(status: string): 'healthy' | 'unhealthy' | 'starting' | undefined {
    if (/\(healthy\)/.test(status)) {
        return 'healthy';
    }
    if (/\(unhealthy\)/.test(status)) {
        return 'unhealthy';
    }
    if (/health: starting/.test(status)) {
        return 'starting';
    }
    return undefined;
}

/**
 * The kernel's memory limit file as shown: bytes with their binary size, or the "no limit" word for
 * cgroup v2's `max` and v1's 9223372036854771712; anything else as read.
 */
export function kernelLimitText(value: string, noLimit: string): string {
    if (isNoMemoryLimit(value)) {
        return noLimit;
    }
    const bytes = Number(value);
    return Number.isFinite(bytes) && bytes > 0 ? `${value} (${formatMemory(bytes)})` : value;
}
