/**
 * Teaching findings (src/dockerfile/analysis/teaching.ts): each rule fires where it should, stays
 * quiet where it should not, and its quick fix produces the text Docker reads as intended; the texts
 * exist in English and Korean with a lesson that exists; the language service answers in place.
 */
import * as assert from 'assert/strict';
import { languageRequest } from '../../src/dockerfile/analysis/language';
import { teach, TeachingFinding } from '../../src/dockerfile/analysis/teaching';
import { RULES, TeachingRule } from '../../src/dockerfile/analysis/teachingTexts';
import { LESSONS } from '../../src/lessons/catalog';

const rules = (text: string) => teach(text).map((f) => f.rule);
const only = (text: string, rule: TeachingRule) => teach(text).filter((f) => f.rule === rule);

/** The text after a finding's fix is applied (edits on distinct ranges, applied from the end). */
function applyFix(text: string, f: TeachingFinding): string {
    assert.ok(f.fix, `no fix for ${f.rule}`);
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    let out = text;
    for (const e of [...f.fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
        out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    }
    return out;
}

describe('Dockerfile teaching findings', () => {
    it('every rule has one sentence in English and Korean and a lesson that exists', () => {
        for (const [rule, info] of Object.entries(RULES)) {
            assert.ok(info.message.en.length > 20 && /[\uac00-\ud7a3]/.test(info.message.ko), rule);
            assert.ok(LESSONS.some((l) => l.id === info.lesson), `${rule}: lesson ${info.lesson}`);
        }
    });

    describe('apt-get update in its own RUN', () => {
        it('fires, and the fix joins it to the install that follows', () => {
            const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';
            const [f] = only(text, 'apt-update-alone');
            assert.equal(f.range.start.line, 1);
            assert.equal(applyFix(text, f), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
        });
        it('fires without a fix when the next step is not an install', () => {
            const [f] = only('FROM debian:12\nRUN apt-get update\nCOPY . /app\n', 'apt-update-alone');
            assert.equal(f.fix, undefined);
        });
        it('stays quiet when update and install share a RUN, across continuation lines', () => {
            assert.deepEqual(rules('FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n'), []);
            assert.deepEqual(rules('FROM debian:12\nRUN apt-get -q update && apt -y install curl\n'), []);
        });
        it('reads the continuation as Docker does with # escape=`', () => {
            assert.deepEqual(rules('# escape=`\nFROM debian:12\nRUN apt-get update `\n  && apt-get install -y curl\n'), []);
        });
    });

    describe('COPY . . before the dependency install', () => {
        it('fires on the COPY when an install follows it in the same stage', () => {
            const f = only('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', 'copy-all-before-install');
            assert.deepEqual(f.map((x) => x.range.start.line), [2]);
            assert.equal(only('FROM python:3.12\nCOPY ./ /src/\nRUN pip install -r /src/requirements.txt\n', 'copy-all-before-install').length, 1);
        });
        it('stays quiet when the manifest is copied and installed first', () => {
            assert.deepEqual(rules('FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n'), []);
        });
        it('does not carry over into the next stage, nor count COPY --from', () => {
            assert.deepEqual(rules('FROM node:20 AS build\nCOPY . .\nFROM node:20\nRUN npm ci\n'), []);
            assert.deepEqual(rules('FROM node:20 AS build\nFROM node:20\nCOPY --from=build . .\nRUN npm ci\n'), []);
        });
    });

    describe('latest or no tag', () => {
        it('fires on a bare name and on latest', () => {
            assert.equal(only('FROM node\n', 'unpinned-image').length, 1);
            assert.equal(only('FROM library/node:latest AS x\n', 'unpinned-image').length, 1);
            assert.equal(only('ARG BASE=alpine\nFROM ${BASE}\n', 'unpinned-image').length, 1);
            const [f] = only('FROM ubuntu\n', 'unpinned-image');
            assert.deepEqual(f.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
        });
        it('stays quiet on a tag, a digest, scratch, an earlier stage, a registry port', () => {
            assert.deepEqual(rules('FROM node:20-alpine\n'), []);
            assert.deepEqual(rules('FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'), []);
            assert.deepEqual(rules('FROM scratch\n'), []);
            assert.deepEqual(rules('FROM alpine:3.20 AS base\nFROM base\n'), []);
            assert.deepEqual(rules('FROM localhost:5000/app:1.2\n'), []);
            assert.deepEqual(rules('ARG BASE=alpine:3.20\nFROM ${BASE}\n'), []);
            assert.deepEqual(rules('ARG BASE\nFROM ${BASE}\n'), []);
        });
    });

    describe('ADD where COPY does', () => {
        it('fires on local files; the fix says COPY', () => {
            const text = 'FROM alpine:3.20\nADD app.py /app/\n';
            const [f] = only(text, 'add-for-copy');
            assert.equal(applyFix(text, f), 'FROM alpine:3.20\nCOPY app.py /app/\n');
            assert.equal(only('FROM alpine:3.20\nADD ["a b.txt", "/x/"]\n', 'add-for-copy').length, 1);
        });
        it('stays quiet on URLs, archives, git and --checksum', () => {
            assert.deepEqual(rules('FROM alpine:3.20\nADD https://example.com/x.txt /x\n'), []);
            assert.deepEqual(rules('FROM alpine:3.20\nADD rootfs.tar.gz /\nADD a.tgz /\n'), []);
            assert.deepEqual(rules('FROM alpine:3.20\nADD git@github.com:moby/moby.git /src\n'), []);
            assert.deepEqual(rules('FROM alpine:3.20\nADD --checksum=sha256:abc x.txt /x\n'), []);
        });
    });

    describe('shell-form CMD and ENTRYPOINT', () => {
        it('fires; the fix writes the exec form when no shell feature is used', () => {
            const text = 'FROM node:20\nCMD node server.js --port=8080\n';
            const [f] = only(text, 'shell-form');
            assert.equal(applyFix(text, f), 'FROM node:20\nCMD ["node", "server.js", "--port=8080"]\n');
        });
        it("single-quoted JSON is shell form to Docker: fires, and the fix uses double quotes", () => {
            const text = "FROM node:20\nENTRYPOINT ['node', 'app.js']\n";
            const [f] = only(text, 'shell-form');
            assert.equal(applyFix(text, f), 'FROM node:20\nENTRYPOINT ["node", "app.js"]\n');
        });
        it('fires without a fix when the shell is needed ($VAR, &&, quotes)', () => {
            for (const cmd of ['echo $HOME', 'a && b', 'echo "hi there"', 'PORT=1 node app.js']) {
                const [f] = only(`FROM alpine:3.20\nCMD ${cmd}\n`, 'shell-form');
                assert.ok(f && !f.fix, cmd);
            }
        });
        it('stays quiet on the exec form', () => {
            assert.deepEqual(rules('FROM node:20\nCMD ["node", "app.js"]\nENTRYPOINT ["tini", "--"]\n'), []);
        });
    });

    describe('secrets in ARG and ENV', () => {
        it('fires on secret-looking names, with the name as range', () => {
            const f = only('FROM alpine:3.20\nARG NPM_TOKEN\nENV DB_PASSWORD=x apiKey=y\nENV AWS_SECRET_ACCESS_KEY x\n', 'secret-in-arg-env');
            assert.deepEqual(
                f.map((x) => [x.range.start.line, x.range.start.character]),
                [
                    [1, 4],
                    [2, 4],
                    [2, 18],
                    [3, 4],
                ],
            );
        });
        it('stays quiet on ordinary names and public keys', () => {
            assert.deepEqual(rules('FROM alpine:3.20\nARG VERSION=1\nENV GPG_KEY=ABCD PATH=/x TOKENIZER=bert PWD_DIR=/w\n'), []);
        });
    });

    it('heredocs: an apt-get update inside a heredoc RUN is the whole script, not a step alone', () => {
        assert.deepEqual(rules('# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n'), []);
    });

    it('the language service answers in place: validation, completion, symbols, definition', async () => {
        const text = '# syntax=docker/dockerfile:1\nFROM alpine:3.20 AS build\nRUN <<EOF\necho hi\nEOF\nFORM x\nFROM build\nCOPY --from=build /a /b\n';
        const d = await languageRequest(text, 'file:///Dockerfile', { op: 'diagnostics' });
        assert.deepEqual(
            d.problems.map((p) => [p.range.start.line, p.message]),
            [[5, 'Unknown instruction: FORM']],
        );
        const c = await languageRequest('FROM alpine:3.20\nWORK', 'file:///Dockerfile', { op: 'completion', position: { line: 1, character: 4 } });
        assert.deepEqual(
            c.items.map((i) => i.label),
            ['WORKDIR /the/workdir/path'],
        );
        const img = await languageRequest('FROM alp', 'file:///Dockerfile', { op: 'completion', position: { line: 0, character: 8 } });
        assert.deepEqual(img.image, { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } }, prefix: 'alp' });
        const def = await languageRequest(text, 'file:///Dockerfile', { op: 'definition', position: { line: 7, character: 14 } });
        assert.deepEqual(def?.range.start, { line: 1, character: 20 });
    });
});
