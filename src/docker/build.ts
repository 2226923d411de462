/**
 * `docker build` through the Engine API, the way learners' terminals build: BuildKit where the engine
 * has it, the legacy builder (`version=1`, deprecated since Engine 23) only where it does not.
 *
 * BuildKit is asked for with `version=2` and no session: the context goes up as the request's tar
 * body, which needs none (a session only serves local contexts, registry credentials and build
 * secrets, none of which this build sends). dockerode's own `version: '2'` path opens a grpc session
 * whose proto files are read from next to dockerode's sources, which a bundle does not have.
 */
import type Dockerode from 'dockerode';
import * as crypto from 'crypto';
import * as path from 'path';
import { contextTar } from './buildContext';
import { BuildStreamReader } from './buildProgress';
import { classifyError, DockerError } from './errors';
import { BuilderKind, BuilderReason, BuildEvent, BuildOptions, BuildResult } from './types';

type Stream = NodeJS.ReadableStream & { destroy?: () => void };

/** What `GET /_ping` says about builders (headers as Node gives them: lower-case). */
export function builderFromPing(headers: Readonly<Record<string, string | string[] | undefined>>): { builder: BuilderKind; reason: BuilderReason } | undefined {
    const h = (name: string) => {
        const v = headers[name];
        return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
    };
    // Podman answers the Docker API but has no BuildKit (`Libpod-Api-Version`, `Server: Libpod/4.3.1`)
    if (h('libpod-api-version') || /libpod/i.test(h('server'))) {
        return { builder: 'legacy', reason: 'no-buildkit' };
    }
    const version = h('builder-version');
    if (version === '2') {
        return { builder: 'buildkit', reason: 'engine-default' };
    }
    if (version === '1') {
        // the engine is set to the legacy builder (`"features": {"buildkit": false}`): the CLI builds with it too
        return { builder: 'legacy', reason: 'engine-default' };
    }
    if (h('ostype') === 'windows') {
        return { builder: 'legacy', reason: 'no-buildkit' };
    }
    // Engine 20.10 sends no Builder-Version unless configured, yet has BuildKit: try it
    return undefined;
}

/** The daemon's answer when it cannot run BuildKit (Windows daemons, builds that are not enabled). */
export function isBuildkitRefusal(e: unknown): boolean {
    const text = e instanceof Error ? `${e.message} ${JSON.stringify((e as { json?: unknown }).json ?? '')}` : String(e);
    return /buildkit[^"]*not (?:supported|enabled)|not supported[^"]*buildkit|unsupported builder version|session not supported/i.test(text);
}

async function dialStream(docker: Dockerode, opts: object): Promise<Stream> {
    return new Promise<Stream>((resolve, reject) =>
        docker.modem.dial({ ...opts, isStream: true } as never, (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as Stream))),
    );
}

async function pingHeaders(docker: Dockerode, signal?: AbortSignal): Promise<Record<string, string | string[] | undefined>> {
    const res = (await dialStream(docker, { path: '/_ping', method: 'GET', statusCodes: { 200: true, 500: 'server error' }, abortSignal: signal })) as Stream & {
        headers?: Record<string, string | string[] | undefined>;
        resume?: () => void;
    };
    res.resume?.();
    return res.headers ?? {};
}

/** Engines started without the default bridge (`--bridge=none`): BuildKit's RUN then needs `networkmode=none`. */
async function hasBridge(docker: Dockerode): Promise<boolean> {
    try {
        await docker.getNetwork('bridge').inspect();
        return true;
    } catch (e) {
        return (e as { statusCode?: number }).statusCode !== 404;
    }
}

export async function buildImage(
    docker: Dockerode,
    contextDir: string,
    dockerfileRel: string,
    tag: string,
    onEvent: (e: BuildEvent) => void,
    signal?: AbortSignal,
    options: BuildOptions = {},
): Promise<BuildResult> {
    let choice: { builder: BuilderKind; reason: BuilderReason };
    try {
        choice =
            options.builder && options.builder !== 'auto'
                ? { builder: options.builder, reason: 'requested' }
                : (builderFromPing(await pingHeaders(docker, signal)) ?? { builder: 'buildkit', reason: 'supported' });
    } catch (e) {
        throw signal?.aborted ? new DockerError('cancelled', 'The build was cancelled.') : classifyError(e);
    }
    if (choice.builder === 'buildkit') {
        try {
            return await buildOnce(docker, 'buildkit', choice.reason, contextDir, dockerfileRel, tag, onEvent, signal, options.target);
        } catch (e) {
            if (options.builder === 'buildkit' || choice.reason === 'engine-default' || !isBuildkitRefusal((e as { cause?: unknown }).cause ?? e)) {
                throw e;
            }
            choice = { builder: 'legacy', reason: 'refused' };
        }
    }
    return buildOnce(docker, 'legacy', choice.reason, contextDir, dockerfileRel, tag, onEvent, signal, options.target);
}

async function buildOnce(
    docker: Dockerode,
    builder: BuilderKind,
    reason: BuilderReason,
    contextDir: string,
    dockerfileRel: string,
    tag: string,
    onEvent: (e: BuildEvent) => void,
    signal?: AbortSignal,
    target?: string,
): Promise<BuildResult> {
    const networkNone = builder === 'buildkit' && !(await hasBridge(docker));
    const buildId = crypto.randomUUID();
    const query: Record<string, string | boolean> = {
        t: tag,
        dockerfile: dockerfileRel.split(path.sep).join('/'),
        rm: true,
        forcerm: true,
        version: builder === 'buildkit' ? '2' : '1',
    };
    if (target) {
        query.target = target;
    }
    if (builder === 'buildkit') {
        // lets a cancel reach the solver (`POST /build/cancel`), as the CLI does on Ctrl-C
        query.buildid = buildId;
        if (networkNone) {
            query.networkmode = 'none';
        }
    }
    const { stream: tarStream } = contextTar(contextDir, dockerfileRel);
    let stream: Stream;
    try {
        stream = await dialStream(docker, {
            path: '/build?',
            method: 'POST',
            file: tarStream,
            options: query,
            abortSignal: signal,
            statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
        });
    } catch (e) {
        tarStream.destroy();
        if (signal?.aborted) {
            throw new DockerError('cancelled', 'The build was cancelled.');
        }
        throw Object.assign(classifyError(e), { cause: e });
    }
    onEvent({ kind: 'builder', builder, reason, networkNone: networkNone || undefined });
    const reader = new BuildStreamReader(builder, onEvent);
    const onAbort = () => {
        if (builder === 'buildkit') {
            docker.modem.dial({ path: `/build/cancel?id=${encodeURIComponent(buildId)}`, method: 'POST', statusCodes: { 200: true, 404: true, 500: true } } as never, () => undefined);
        }
        stream.destroy?.();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        await new Promise<void>((resolve, reject) => {
            let buffered = '';
            const line = (text: string) => {
                if (!text.trim()) {
                    return;
                }
                try {
                    reader.push(JSON.parse(text));
                } catch {
                    onEvent({ kind: 'output', text: `${text}\n` });
                }
            };
            stream.on('data', (chunk: Buffer) => {
                buffered += chunk.toString('utf8');
                let nl: number;
                while ((nl = buffered.indexOf('\n')) >= 0) {
                    line(buffered.slice(0, nl));
                    buffered = buffered.slice(nl + 1);
                }
            });
            stream.on('end', () => {
                line(buffered);
                resolve();
            });
            stream.on('close', resolve);
            stream.on('error', reject);
        });
    } catch (e) {
        if (signal?.aborted) {
            throw new DockerError('cancelled', 'The build was cancelled.');
        }
        throw classifyError(e);
    } finally {
        signal?.removeEventListener('abort', onAbort);
    }
    // a destroyed stream ends as if it had finished: check the signal ourselves
    if (signal?.aborted) {
        throw new DockerError('cancelled', 'The build was cancelled.');
    }
    if (reader.failure !== undefined) {
        return { ok: false, message: reader.failure.trim(), at: reader.failedAt, builder };
    }
    if (!reader.imageId) {
        throw new DockerError('unreachable', 'The build output ended before the image was made.');
    }
    return { ok: true, imageId: reader.imageId, steps: reader.steps, builder };
}
