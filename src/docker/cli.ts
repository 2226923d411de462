/**
 * The `docker` CLI command and the Engine API call behind each action: shown in log lines and
 * tooltips so the learner sees what the button really does. Pure; no `vscode` import.
 */
import { RunOptions } from './types';

export interface ApiCall {
    /** What a learner would type. */
    readonly cli: string;
    /** The Engine API request(s) we make. */
    readonly api: string;
    /** The container or image it acts on, as the user knows it (its name or tag, never a bare id). */
    readonly subject?: string;
}

/** Quote one shell word only when it needs it. */
export function shellQuote(word: string): string {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'remove' | 'logs' | 'inspect' | 'exec' | 'top';
export type ImageAction = 'remove' | 'inspect' | 'history' | 'pull';

export function containerCall(action: ContainerAction, name: string): ApiCall {
    return { ...containerCallOf(action, name), subject: name };
}

function containerCallOf(action: ContainerAction, name: string): ApiCall {
    const n = shellQuote(name);
    switch (action) {
        case 'start':
            return { cli: `docker start ${n}`, api: 'POST /containers/{id}/start' };
        case 'stop':
            return { cli: `docker stop ${n}`, api: 'POST /containers/{id}/stop' };
        case 'restart':
            return { cli: `docker restart ${n}`, api: 'POST /containers/{id}/restart' };
        case 'pause':
            return { cli: `docker pause ${n}`, api: 'POST /containers/{id}/pause' };
        case 'unpause':
            return { cli: `docker unpause ${n}`, api: 'POST /containers/{id}/unpause' };
        case 'remove':
            return { cli: `docker rm ${n}`, api: 'DELETE /containers/{id}' };
        case 'logs':
            return { cli: `docker logs --follow --tail 1000 ${n}`, api: 'GET /containers/{id}/logs?follow=1&stdout=1&stderr=1&tail=1000' };
        case 'inspect':
            return { cli: `docker container inspect ${n}`, api: 'GET /containers/{id}/json' };
        case 'exec':
            return { cli: `docker exec -it ${n} sh`, api: 'POST /containers/{id}/exec, POST /exec/{id}/start' };
        case 'top':
            return { cli: `docker top ${n}`, api: 'GET /containers/{id}/top' };
    }
}

export function imageCall(action: ImageAction, ref: string): ApiCall {
    return { ...imageCallOf(action, ref), subject: ref };
}

function imageCallOf(action: ImageAction, ref: string): ApiCall {
    const r = shellQuote(ref);
    switch (action) {
        case 'remove':
            return { cli: `docker image rm ${r}`, api: 'DELETE /images/{name}' };
        case 'inspect':
            return { cli: `docker image inspect ${r}`, api: 'GET /images/{name}/json' };
        case 'history':
            return { cli: `docker image history ${r}`, api: 'GET /images/{name}/history' };
        case 'pull':
            return { cli: `docker pull ${r}`, api: 'POST /images/create?fromImage={name}&tag={tag}' };
    }
}

export const PRUNE_CALL: ApiCall = { cli: 'docker image prune', api: 'POST /images/prune?filters={"dangling":["true"]}' };
export const LIST_IMAGES_CALL: ApiCall = { cli: 'docker image ls', api: 'GET /images/json' };
export const LIST_CONTAINERS_CALL: ApiCall = { cli: 'docker ps -a', api: 'GET /containers/json?all=1' };

/** `docker run` for the options: `run` is `create` + `start`. */
export function runCall(opts: RunOptions): ApiCall {
    const parts = ['docker run -d'];
    if (opts.name) {
        parts.push(`--name ${shellQuote(opts.name)}`);
    }
    if (opts.memoryBytes) {
        parts.push(`--memory ${formatMemoryFlag(opts.memoryBytes)}`);
    }
    if (opts.nanoCpus) {
        parts.push(`--cpus ${opts.nanoCpus / 1e9}`);
    }
    if (opts.pidsLimit) {
        parts.push(`--pids-limit ${opts.pidsLimit}`);
    }
    parts.push(shellQuote(opts.image));
    for (const a of opts.cmd ?? []) {
        parts.push(shellQuote(a));
    }
    return { cli: parts.join(' '), api: 'POST /containers/create, POST /containers/{id}/start' };
}

function formatMemoryFlag(bytes: number): string {
    const mib = bytes / (1024 * 1024);
    return Number.isInteger(mib) ? `${mib}m` : `${bytes}b`;
}

/** Parse a memory size as the CLI does: `64m`, `1g`, `512k`, `1048576`. Returns bytes or undefined. */
export function parseMemory(text: string): number | undefined {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmg]?)i?b?\s*$/i.exec(text);
    if (!m) {
        return undefined;
    }
    const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
    const bytes = Math.round(Number(m[1]) * unit);
    return bytes > 0 ? bytes : undefined;
}

/**
 * Splits a command line into argv as a POSIX shell's quote removal does, without running a shell:
 * blanks separate words; outside quotes a backslash keeps the next character (backslash-newline
 * joins lines); single quotes keep everything up to the next `'`; inside double quotes a backslash
 * escapes only `$`, `` ` ``, `"`, `\` and newline. Parts join into one word (`a"b c"` → `ab c`) and
 * `""` is an empty word. Nothing is expanded (`$HOME`, `*`, `;` stay text): the command runs
 * without a shell, as `docker run IMAGE CMD…` does — `sh -c '…'` is how a learner asks for one.
 * An unclosed quote runs to the end of the text. test/docker/splitCommand.test.ts compares it
 * with `sh` on the engine. (A parser of our own: shell-quote expands `$VAR` from an environment and
 * turns `;`/`|`/globs into operator objects, neither of which fits a command run with no shell.)
 */
export function splitCommand(text: string): string[] {
    const out: string[] = [];
    let word = '';
    let inWord = false;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text[i];
        if (c === ' ' || c === '\t' || c === '\n') {
            if (inWord) {
                out.push(word);
                word = '';
                inWord = false;
            }
            i += 1;
        } else if (c === '\\') {
            if (text[i + 1] === '\n') {
                i += 2; // line continuation
                continue;
            }
            inWord = true;
            word += text[i + 1] ?? '';
            i += 2;
        } else if (c === "'") {
            inWord = true;
            const end = text.indexOf("'", i + 1);
            word += text.slice(i + 1, end < 0 ? n : end);
            i = end < 0 ? n : end + 1;
        } else if (c === '"') {
            inWord = true;
            i += 1;
            while (i < n && text[i] !== '"') {
                if (text[i] === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1])) {
                    if (text[i + 1] !== '\n') {
                        word += text[i + 1];
                    }
                    i += 2;
                } else {
                    word += text[i];
                    i += 1;
                }
            }
            i += 1;
        } else {
            inWord = true;
            word += c;
            i += 1;
        }
    }
    if (inWord) {
        out.push(word);
    }
    return out;
}

/** Limits typed by a person (`64m`, `0.5`, `50`) → Engine values; undefined for an empty or bad entry. */
export function parseLimits(l: { memory?: string; cpus?: string; pids?: string }): { memoryBytes?: number; nanoCpus?: number; pidsLimit?: number } {
    const cpus = l.cpus ? Number(l.cpus) : NaN;
    const pids = l.pids ? Number(l.pids) : NaN;
    return {
        memoryBytes: l.memory ? parseMemory(l.memory) : undefined,
        nanoCpus: Number.isFinite(cpus) && cpus > 0 ? Math.round(cpus * 1e9) : undefined,
        pidsLimit: Number.isInteger(pids) && pids > 0 ? pids : undefined,
    };
}
