/**
 * Korean particles after a placeholder must fit any value: `{0}을(를)`, `{0}이(가)`, `{0}(으)로`,
 * `{0}은(는)`, `{0}와(과)`, or a sentence built so that no particle follows the value. A bare `}를`,
 * `}가`, `}로` … is right for one value and wrong for the next (`{0}를` reads "hello-world를" but
 * "busybox를"). Scans what the learner really gets: the built bundles (dist/*.js, media/dist/*.js, with
 * esbuild's \uXXXX escapes decoded), l10n/*.json, package.nls.ko.json and the Korean walkthrough pages.
 * Each hit is printed with the source file that holds the same text.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './helpers';

/** A closing brace (optionally a closing quote after it), then a particle that depends on the value. */
const BARE = /\}(["'”’`]?)(가|를|로|은|는|이|을|와|과)/g;
/** The forms that fit any value. */
const FITS_ANY = ['이(가)', '가(이)', '을(를)', '를(을)', '은(는)', '는(은)', '와(과)', '과(와)'];

export interface ParticleHit {
    readonly file: string;
    readonly line: number;
    readonly text: string;
    /** Source files (src/, webview/) that contain the same text, for a hit in a built bundle. */
    readonly from: string[];
}

function decodeEscapes(text: string): string {
    return text.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, a: string | undefined, b: string | undefined) => String.fromCodePoint(parseInt(a ?? b ?? '0', 16)));
}

function listFiles(dir: string, accept: (name: string) => boolean): string[] {
    let out: string[] = [];
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
        return out;
    }
    for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
            out = out.concat(listFiles(full, accept));
        } else if (accept(e.name)) {
            out.push(full);
        }
    }
    return out.sort();
}

let sources: Array<{ file: string; text: string }> | undefined;
function sourceFilesWith(snippet: string): string[] {
    sources ??= ['src', 'webview'].flatMap((d) => listFiles(path.join(REPO_ROOT, d), (n) => n.endsWith('.ts'))).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
    return sources.filter((s) => s.text.includes(snippet)).map((s) => path.relative(REPO_ROOT, s.file));
}

/** Every bare particle after a placeholder in `text`. */
export function particleHits(file: string, text: string): ParticleHit[] {
    const hits: ParticleHit[] = [];
    for (const m of text.matchAll(BARE)) {
        const at = m.index ?? 0;
        const after = text.slice(at + 1 + m[1].length, at + 1 + m[1].length + 4);
        if (FITS_ANY.some((f) => after.startsWith(f))) {
            continue;
        }
        const line = text.slice(0, at).split('\n').length;
        const start = Math.max(text.lastIndexOf('\n', at) + 1, at - 40);
        const end = Math.min(text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at), at + 12);
        const shown = text.slice(start, end);
        // the placeholder and its particle, as the source spells it (e.g. `{0}로` or `${name}를`)
        // (up to 16 characters before it and 6 after, not across a quote: the bundle's quotes differ from the source's)
        const from = Math.max(at - 16, ...['"', "'", '`', '\n'].map((q) => text.lastIndexOf(q, at - 1) + 1));
        const tail = text.slice(at + 2 + m[1].length, at + 8 + m[1].length).split(/["'`\n]/)[0];
        const snippet = text.slice(from, at + 2 + m[1].length) + tail;
        hits.push({ file, line, text: shown, from: sourceFilesWith(snippet) });
    }
    return hits;
}

function scanned(): Array<{ file: string; text: string }> {
    const rel = (f: string) => path.relative(REPO_ROOT, f);
    const bundles = [...listFiles(path.join(REPO_ROOT, 'dist'), (n) => n.endsWith('.js')), ...listFiles(path.join(REPO_ROOT, 'media', 'dist'), (n) => n.endsWith('.js'))];
    const texts = [...listFiles(path.join(REPO_ROOT, 'l10n'), (n) => n.endsWith('.json')), path.join(REPO_ROOT, 'package.nls.ko.json'), ...listFiles(path.join(REPO_ROOT, 'media', 'walkthrough'), (n) => n.endsWith('.ko.md'))];
    return [...bundles.map((f) => ({ file: rel(f), text: decodeEscapes(fs.readFileSync(f, 'utf8')) })), ...texts.map((f) => ({ file: rel(f), text: fs.readFileSync(f, 'utf8') }))];
}

function report(hits: ParticleHit[]): string {
    return hits.map((h) => `  ${h.file}:${h.line}: …${h.text}…${h.from.length ? `  (source: ${h.from.join(', ')})` : ''}`).join('\n');
}

describe('Korean: no bare particle after a placeholder', () => {
    it('the scan finds the bare forms and lets the forms that fit any value pass', () => {
        const bad = ['{0}를 삭제', '{0}가 있음', '{0}로 빌드', '{1}은 없음', '{0}는 없음', '{0}이 있음', '{0}을 삭제', '{0}와 함께', '{0}과 함께', '"{0}"를 삭제', '${name}를 삭제', '{0}이다'];
        for (const s of bad) {
            assert.equal(particleHits('x', s).length, 1, s);
        }
        const good = ['{0}을(를) 삭제', '{0}이(가) 있음', '{0}(으)로 빌드', '{1}은(는) 없음', '{0}와(과) 함께', '"{0}"을(를) 삭제', '{0}에 있음', '{0}의 크기', '{0}개', '컨테이너 {0}: 실행 중', '{0}입니다', '태그({0})가 있음'];
        for (const s of good) {
            assert.deepEqual(particleHits('x', s), [], s);
        }
    });

    it('the built bundles exist (npm run build runs before the unit layer)', () => {
        for (const f of ['dist/extension.js', 'media/dist/lesson.js']) {
            assert.ok(fs.existsSync(path.join(REPO_ROOT, f)), `${f} is missing: run npm run build first`);
        }
    });

    it('none in dist/*.js, media/dist/*.js, l10n/*.json, package.nls.ko.json, media/walkthrough/*.ko.md', () => {
        const files = scanned();
        assert.ok(files.length >= 6, `scanned ${files.length} files`);
        const hits = files.flatMap((f) => particleHits(f.file, f.text));
        if (hits.length) {
            console.log(`      bare particles after a placeholder (${hits.length}):\n${report(hits)}`);
        }
        assert.equal(hits.length, 0, `write 을(를)/이(가)/(으)로/은(는)/와(과) or restructure:\n${report(hits)}`);
    });
});
