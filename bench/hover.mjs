// Dockerfile hover benchmark: prints figures (no pass/fail). Needs no Docker engine.
//   (a) cold analyze() of a generated 1,000-line Dockerfile (fresh Node process: module load + first parse),
//       and a warm re-parse (what each edit costs the next hover);
//   (b) the hover hot path — cached analysis + stepAtKeyword + stage lookup + keywordInfo, as
//       src/dockerfile/hover.ts does before it touches the Engine — at 1,000 random positions;
//   (c) analyze() of a 10 MB file and of a single 1 MB line.
// Usage: node bench/hover.mjs [--no-build]   (builds out/ with `tsc -p .` first unless --no-build;
//        `npm run bench` runs it after its own build, before the engine benchmarks)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MODULE = join(root, 'out/src/dockerfile/analysis/index.js');

/** Small deterministic PRNG (mulberry32), so every run measures the same file and positions. */
function rng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A realistic multi-stage Dockerfile of about `target` lines: ARGs, continuations, heredocs, comments. */
export function realisticDockerfile(target = 1000) {
    const out = ['# syntax=docker/dockerfile:1', '# escape=\\', 'ARG NODE_VERSION=20', 'ARG ALPINE=3.20', 'ARG BASE=busybox', 'ARG REGISTRY', ''];
    const final = 10;
    const pick = rng(7);
    let n = 0;
    for (;;) {
        const prev = n > 0 ? `deps${n - 1}` : undefined;
        const block = [
            `# ---- stage ${n} ----`,
            prev && n % 3 === 0 ? `FROM ${prev} AS deps${n}` : `FROM --platform=$BUILDPLATFORM node:\${NODE_VERSION}-alpine\${ALPINE} AS deps${n}`,
            'WORKDIR /app',
            `ENV NODE_ENV=production \\`,
            `    STAGE=${n} \\`,
            '    PATH=/app/node_modules/.bin:$PATH',
            `LABEL org.opencontainers.image.title="app-${n}" org.opencontainers.image.version="1.${n}.0"`,
            'COPY package.json package-lock.json ./',
            'RUN apk add --no-cache git python3 make g++ \\',
            '    # native modules need a toolchain',
            '    && npm ci --omit=dev \\',
            '    && npm cache clean --force \\',
            '    && rm -rf /root/.npm /tmp/*',
            'RUN <<EOF',
            'set -eux',
            `echo "building stage ${n}" > /app/BUILD`,
            'adduser -D -H app',
            'EOF',
        ];
        // a varying number of ordinary build steps per stage
        for (let k = Math.floor(pick() * 6); k > 0; k--) {
            block.push(`COPY --chown=app:app src/part${k}/ ./src/part${k}/`, `RUN npm run build:part${k} \\`, `    && test -f dist/part${k}.js`, `ARG PART${k}_FLAGS="--minify"`, '');
        }
        block.push('RUN <<-EOT', '\tnpm run build', '\tnpm prune --omit=dev', '\tEOT', `HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://127.0.0.1:${3000 + n}/health || exit 1`, '');
        if (n > 0 && out.length + block.length + final > target) {
            break;
        }
        out.push(...block);
        n++;
    }
    out.push(
        `FROM \${REGISTRY:+\${REGISTRY}/}\${BASE}:1.36`,
        `COPY --from=deps${n - 1} /app /app`,
        'WORKDIR /app',
        'USER app',
        'EXPOSE 3000',
        'VOLUME ["/app/data"]',
        'STOPSIGNAL SIGTERM',
        'SHELL ["/bin/sh", "-o", "pipefail", "-c"]',
        'ENTRYPOINT ["node"]',
        'CMD ["dist/server.js"]',
    );
    while (out.length < target) {
        out.push(`# padding ${out.length}`);
    }
    return out.join('\n');
}

function bigDockerfile(bytes) {
    const lines = ['ARG BASE=busybox', 'FROM ${BASE}:1.36 AS build'];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
        const l = i % 3 === 0 ? `RUN echo step ${i} && echo some more words ${i}` : i % 3 === 1 ? `ENV V${i}=value${i}` : `COPY src/${i} /dst/${i}`;
        lines.push(l);
        size += l.length + 1;
    }
    return lines.join('\n');
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (x) => (x < 0.1 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x.toFixed(1));

function table(rows) {
    const head = ['measure', 'p50 ms', 'p95 ms', 'max ms', 'notes'];
    const all = [head, ...rows.map((r) => r.map(String))];
    const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
    const line = (r) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
    console.log(line(head));
    console.log(w.map((x) => '-'.repeat(x)).join('  '));
    for (const r of rows) {
        console.log(line(r.map(String)));
    }
}

export async function hoverBench({ build = true } = {}) {
    if (build) {
        execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: root, stdio: 'inherit' });
    }
    const text = realisticDockerfile(1000);
    const lineCount = text.split('\n').length;

    // (a) cold: a fresh process, so module load and the first parse are really cold
    const coldScript = `
        const t0 = performance.now();
        const m = require(${JSON.stringify(MODULE)});
        const t1 = performance.now();
        const a = m.analyze(require('fs').readFileSync(0, 'utf8'));
        const t2 = performance.now();
        process.stdout.write(JSON.stringify({ load: t1 - t0, first: t2 - t1, steps: a.steps.length, stages: a.stages.length }));`;
    const colds = [];
    for (let i = 0; i < 5; i++) {
        colds.push(JSON.parse(execFileSync(process.execPath, ['-e', coldScript], { input: text }).toString()));
    }
    const { analyze, stepAtKeyword, keywordInfo } = require(MODULE);
    const warm = [];
    for (let i = 0; i < 30; i++) {
        const t = performance.now();
        analyze(text);
        warm.push(performance.now() - t);
    }

    // (b) the hover hot path, cache as in src/dockerfile/analyses.ts (per uri + version)
    const cache = new Map();
    const get = (uri, version, source) => {
        const hit = cache.get(uri);
        if (hit && hit.version === version) {
            return hit.analysis;
        }
        const analysis = analyze(source);
        cache.set(uri, { version, analysis });
        return analysis;
    };
    get('file:///w/Dockerfile', 1, text);
    const lines = text.split('\n');
    const rand = rng(42);
    const a0 = get('file:///w/Dockerfile', 1, text);
    const hover = (pos) => {
        const a = get('file:///w/Dockerfile', 1, text);
        const step = stepAtKeyword(a, pos);
        const stage = a.stages.find((s) => s.imageRange && pos.line === s.imageRange.start.line && pos.character >= s.imageRange.start.character && pos.character <= s.imageRange.end.character);
        const info = step ? keywordInfo(step.keyword) : undefined;
        return step || stage ? { step, stage, info } : undefined;
    };
    const measure = (positions) => {
        // one untimed pass so the JIT has seen the path, then the timed pass
        positions.forEach(hover);
        let hits = 0;
        const times = positions.map((pos) => {
            const t = performance.now();
            const r = hover(pos);
            const dt = performance.now() - t;
            hits += r ? 1 : 0;
            return dt;
        });
        return { sorted: times.sort((x, y) => x - y), hits };
    };
    const anywhere = Array.from({ length: 1000 }, () => {
        const line = Math.floor(rand() * lines.length);
        return { line, character: Math.floor(rand() * (lines[line].length + 1)) };
    });
    const onKeyword = Array.from({ length: 1000 }, () => {
        const s = a0.steps[Math.floor(rand() * a0.steps.length)];
        return { line: s.keywordRange.start.line, character: s.keywordRange.start.character + Math.floor(rand() * (s.keyword.length + 1)) };
    });
    const any = measure(anywhere);
    const kw = measure(onKeyword);

    // (c) big inputs, one parse each (seconds)
    const big = bigDockerfile(10 * 1024 * 1024);
    let t = performance.now();
    const bigA = analyze(big);
    const bigMs = performance.now() - t;
    const longLine = `FROM busybox\nRUN echo ${'x'.repeat(1024 * 1024)}\nCMD ["sh"]\n`;
    t = performance.now();
    const longA = analyze(longLine);
    const longMs = performance.now() - t;

    const loads = colds.map((c) => c.load).sort((x, y) => x - y);
    const firsts = colds.map((c) => c.first).sort((x, y) => x - y);
    const warmSorted = warm.sort((x, y) => x - y);
    console.log(`\n# Dockerfile hover (${lineCount} lines, ${colds[0].steps} steps, ${colds[0].stages} stages; Node ${process.version})`);
    table([
        ['(a) require analysis module (cold process, 5 runs)', ms(pct(loads, 0.5)), ms(pct(loads, 0.95)), ms(loads[loads.length - 1]), 'loads dockerfile-ast'],
        ['(a) first analyze() in that process', ms(pct(firsts, 0.5)), ms(pct(firsts, 0.95)), ms(firsts[firsts.length - 1]), 'cold JIT'],
        ['(a) analyze() warm, 30 runs', ms(pct(warmSorted, 0.5)), ms(pct(warmSorted, 0.95)), ms(warmSorted[warmSorted.length - 1]), 'first hover after an edit'],
        ['(b) hover hot path, 1000 random positions', ms(pct(any.sorted, 0.5)), ms(pct(any.sorted, 0.95)), ms(any.sorted[any.sorted.length - 1]), `${any.hits} gave a hover`],
        ['(b) hover hot path, 1000 positions on keywords', ms(pct(kw.sorted, 0.5)), ms(pct(kw.sorted, 0.95)), ms(kw.sorted[kw.sorted.length - 1]), `${kw.hits} gave a hover`],
        ['(c) analyze() 10 MB file, 1 run', ms(bigMs), '', '', `${(big.length / 1e6).toFixed(1)} MB, ${bigA.steps.length} steps, ${((big.length / 1e6) / (bigMs / 1000)).toFixed(2)} MB/s`],
        ['(c) analyze() one 1 MB line, 1 run', ms(longMs), '', '', `${longA.steps.length} steps`],
    ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    await hoverBench({ build: !process.argv.includes('--no-build') });
}
