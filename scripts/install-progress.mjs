// Progress of the code-server install (scripts/codeserver.mjs), for people watching `npm start`:
// the step (k/4), what is being installed, a percentage or a count, and the time so far.
//
// Two sources, both real: while npm downloads, its `--loglevel=http` lines in the install log
// (182 manifests read, then tarballs fetched, of the 215 measured for code-server 4.100.3; tarballs
// already in npm's own cache are not fetched) and the
// packages already unpacked in the staging folder's node_modules (of 178); while `npm rebuild`
// runs the install scripts, the `> name@version install` lines npm writes to the install log (13
// scripts measured, the native modules among them), and the packages a nested install fetched. A
// line is printed when something changed (at most every 3 s) or after 15 s of the same step.
//
// `node scripts/install-progress.mjs --replay LOG` prints the build steps found in a saved install log.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Top-level packages in node_modules after `npm install --ignore-scripts code-server@4.100.3` (measured). */
export const EXPECTED_PACKAGES = 178;
/** Package tarballs that install fetches ("added 215 packages", measured). */
export const EXPECTED_TARBALLS = 215;
/** Package manifests npm reads from the registry while resolving (181–182 `http fetch` lines, measured). */
export const EXPECTED_MANIFESTS = 182;

const FETCH_LINE = /^npm http fetch GET \d+ (\S+)/;
/** A tarball npm took from its own cache (`npm http cache name@URL.tgz 1ms (cache hit)`). */
const CACHED_TARBALL = /^npm http cache \S+?@(\S+\.tgz)\b/;

/**
 * The download step in words, from npm's `--loglevel=http` lines (manifests, then tarballs) and the
 * packages unpacked so far; undefined before anything happened.
 */
export function downloadLine(logText, unpacked) {
    let manifests = 0;
    let tarballs = 0;
    for (const line of logText.split('\n')) {
        const m = FETCH_LINE.exec(line.trim());
        if (m) {
            if (/\.tgz$/.test(m[1])) {
                tarballs++;
            } else {
                manifests++;
            }
        } else if (CACHED_TARBALL.test(line.trim())) {
            tarballs++;
        }
    }
    // npm makes the package folders first and fills them as their tarballs arrive
    if (tarballs && tarballs < EXPECTED_TARBALLS) {
        return `fetching package tarballs: ${Math.round((tarballs / EXPECTED_TARBALLS) * 100)} % (${tarballs}/${EXPECTED_TARBALLS})`;
    }
    if (unpacked >= EXPECTED_PACKAGES) {
        return `all ${unpacked} package folders made; npm is writing their files`;
    }
    if (unpacked) {
        return `unpacking: ${Math.round((unpacked / EXPECTED_PACKAGES) * 100)} % (${unpacked}/${EXPECTED_PACKAGES} packages)`;
    }
    if (tarballs) {
        return `fetching package tarballs: ${Math.min(99, Math.round((tarballs / EXPECTED_TARBALLS) * 100))} % (${tarballs}/${EXPECTED_TARBALLS})`;
    }
    if (manifests) {
        return `resolving dependencies: ${Math.min(99, Math.round((manifests / EXPECTED_MANIFESTS) * 100))} % (${manifests}/${EXPECTED_MANIFESTS} package manifests)`;
    }
    return undefined;
}

/** Install scripts `npm rebuild` runs for code-server 4.100.3, in the order measured, with what they are. */
export const BUILD_SCRIPTS = [
    ['argon2 install', 'password hashing (prebuilt or built)'],
    ['code-server postinstall', "VS Code's own dependencies (a second npm install)"],
    ['@parcel/watcher install', 'file watcher'],
    ['@vscode/deviceid install', 'native module, node-gyp'],
    ['@vscode/spdlog install', 'native logger, node-gyp'],
    ['@vscode/windows-process-tree install', 'skipped on Linux'],
    ['@vscode/windows-registry install', 'skipped on Linux'],
    ['kerberos install', 'native module, node-gyp'],
    ['native-watchdog install', 'native module, node-gyp'],
    ['node-pty install', 'terminals, node-gyp'],
    ['@vscode/ripgrep postinstall', 'ripgrep from the cached Debian binary'],
    ['node-pty postinstall', 'terminals'],
    ['vscode-extensions postinstall', 'built-in extensions'],
];

const SCRIPT_LINE = /^> (@?[^@\s]+)@\S+ (install|postinstall)\s*$/;

/** The install scripts started so far, in order, from npm's log text: ['argon2 install', …]. */
export function scriptsStarted(text) {
    const seen = [];
    for (const line of text.split('\n')) {
        const m = SCRIPT_LINE.exec(line.trim());
        if (m) {
            const key = `${m[1]} ${m[2]}`;
            if (!seen.includes(key)) {
                seen.push(key);
            }
        }
    }
    return seen;
}

/** Packages unpacked so far in `dir/node_modules` (scoped ones counted one by one). */
export function packagesIn(dir) {
    let n = 0;
    let entries = [];
    try {
        entries = fs.readdirSync(path.join(dir, 'node_modules'));
    } catch {
        return 0;
    }
    for (const e of entries) {
        if (e.startsWith('.')) {
            continue;
        }
        if (e.startsWith('@')) {
            try {
                n += fs.readdirSync(path.join(dir, 'node_modules', e)).length;
            } catch {
                // being written
            }
        } else {
            n++;
        }
    }
    return n;
}

const secs = (ms) => `${(ms / 1000).toFixed(0)} s`;

/** npm's `http fetch` lines since the last install script started (a nested `npm install` downloading). */
export function fetchesAfterLastScript(text) {
    const lines = text.split('\n');
    let n = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
        const l = lines[i].trim();
        if (SCRIPT_LINE.test(l)) {
            break;
        }
        if (FETCH_LINE.test(l) && /\.tgz$/.test(FETCH_LINE.exec(l)[1])) {
            n++;
        }
    }
    return n;
}

/** One progress line for the build step, e.g. "building 5/13: @vscode/spdlog (native logger, node-gyp)". */
export function buildLine(started, fetched = 0) {
    const last = started[started.length - 1];
    const known = BUILD_SCRIPTS.findIndex(([k]) => k === last);
    const n = Math.max(started.length, known + 1);
    const total = Math.max(BUILD_SCRIPTS.length, n);
    const what = known >= 0 ? BUILD_SCRIPTS[known][1] : 'install script';
    const name = last.endsWith(' postinstall') && last !== 'code-server postinstall' ? last : last.replace(/ (install|postinstall)$/, '');
    return `building ${n}/${total}: ${name} — ${what}${fetched ? `: ${fetched} packages fetched` : ''}`;
}

/**
 * Watches one phase while it runs; returns stop(). `phase` is 'download' (counts packages in `dir`)
 * or 'build' (reads `logFile` from `fromOffset`). `say(line)` prints; `step` is e.g. "[2/4]".
 */
export function watchPhase({ phase, dir, logFile, step, say, everyMs = 3000, quietMs = 15000, pollMs = 500 }) {
    const t0 = Date.now();
    const from = safeSize(logFile);
    let lastLine = '';
    let lastAt = 0;
    const tick = () => {
        let line;
        if (phase === 'download') {
            line = downloadLine(readFrom(logFile, from), packagesIn(dir));
            if (!line) {
                return;
            }
        } else {
            const text = readFrom(logFile, from);
            const started = scriptsStarted(text);
            if (!started.length) {
                return;
            }
            line = buildLine(started, fetchesAfterLastScript(text));
        }
        const now = Date.now();
        // a new step at most every few seconds; the same step again after a while, so a long compile
        // still shows that time passes
        if ((line !== lastLine && now - lastAt >= everyMs) || now - lastAt >= quietMs) {
            say(`${step} ${line}, ${secs(now - t0)}`);
            lastLine = line;
            lastAt = now;
        }
    };
    const timer = setInterval(tick, pollMs);
    return () => {
        clearInterval(timer);
        return Date.now() - t0;
    };
}

function safeSize(file) {
    try {
        return fs.statSync(file).size;
    } catch {
        return 0;
    }
}

function readFrom(file, offset) {
    try {
        const fd = fs.openSync(file, 'r');
        try {
            const size = fs.fstatSync(fd).size;
            const buf = Buffer.alloc(Math.max(0, size - offset));
            fs.readSync(fd, buf, 0, buf.length, offset);
            return buf.toString('utf8');
        } finally {
            fs.closeSync(fd);
        }
    } catch {
        return '';
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv[2] === '--replay') {
    const started = scriptsStarted(fs.readFileSync(process.argv[3], 'utf8'));
    started.forEach((_, i) => console.log(buildLine(started.slice(0, i + 1))));
}
