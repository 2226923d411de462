/**
 * The long-lived conversations with the Engine over dockerode: logs, exec sessions, attach, stats and
 * the events stream. Split from dockerodeClient.ts (which delegates to these); bundled with it in
 * dist/docker.js. No `vscode` import.
 */
import Dockerode from 'dockerode';
import { PassThrough } from 'stream';
import { classifyError, DockerError } from './errors';
import { mapEvent, mapStats } from './mapping';
import { NdjsonSplitter } from './ndjson';
import { Disposable, EventStreamHandlers, ExecSession, StatsSample } from './types';

/** A stream the client owns and destroys on dispose. */
export type OwnedStream = NodeJS.ReadableStream & { destroy?: () => void };

export async function streamLogs(docker: Dockerode, id: string, opts: { tail: number }, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
    const c = docker.getContainer(id);
    let tty: boolean;
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
        tty = !!(await c.inspect({ abortSignal: signal } as Dockerode.ContainerInspectOptions)).Config?.Tty;
        stream = (await c.logs({ follow: true, stdout: true, stderr: true, tail: opts.tail, abortSignal: signal } as Dockerode.ContainerLogsOptions & {
            follow: true;
        })) as unknown as NodeJS.ReadableStream & { destroy?: () => void };
    } catch (e) {
        throw classifyError(e);
    }
    const out = new PassThrough();
    if (tty) {
        stream.pipe(out);
    } else {
        docker.modem.demuxStream(stream, out, out);
        stream.on('end', () => out.end());
    }
    out.on('data', (b: Buffer) => onText(b.toString('utf8')));
    await new Promise<void>((resolve) => {
        const done = () => resolve();
        signal.addEventListener('abort', () => {
            stream.destroy?.();
            done();
        });
        stream.on('end', done);
        stream.on('close', done);
        stream.on('error', done);
    });
}

export async function execSession(docker: Dockerode, id: string, cmd: readonly string[], size?: { columns: number; rows: number }): Promise<ExecSession> {
    let stream: NodeJS.ReadWriteStream & { destroy?: () => void; end: () => void };
    let exec: Dockerode.Exec;
    try {
        exec = await docker.getContainer(id).exec({ Cmd: [...cmd], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true });
        stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as typeof stream;
        if (size) {
            await exec.resize({ h: size.rows, w: size.columns }).catch(() => undefined);
        }
    } catch (e) {
        throw classifyError(e);
    }
    const dataListeners: ((t: string) => void)[] = [];
    const exitListeners: ((code: number | undefined) => void)[] = [];
    stream.on('data', (b: Buffer) => dataListeners.forEach((l) => l(b.toString('utf8'))));
    let ended = false;
    const finish = () => {
        if (ended) {
            return;
        }
        ended = true;
        exec.inspect()
            .then((i) => exitListeners.forEach((l) => l(typeof i.ExitCode === 'number' ? i.ExitCode : undefined)))
            .catch(() => exitListeners.forEach((l) => l(undefined)));
    };
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
    return {
        write: (data) => {
            stream.write(data);
        },
        resize: async (columns, rows) => {
            await exec.resize({ h: rows, w: columns }).catch(() => undefined);
        },
        onData: (l) => dataListeners.push(l),
        onExit: (l) => exitListeners.push(l),
        close: () => {
            stream.end();
            stream.destroy?.();
        },
    };
}

export async function attachAndStart(docker: Dockerode, id: string, onOutput: (text: string) => void): Promise<{ readonly outputEnded: Promise<void> }> {
    const c = docker.getContainer(id);
    try {
        const tty = !!(await c.inspect()).Config?.Tty;
        const stream = (await c.attach({ stream: true, stdout: true, stderr: true })) as unknown as NodeJS.ReadableStream;
        const outputEnded = new Promise<void>((resolve) => {
            stream.on('end', resolve);
            stream.on('close', resolve);
            stream.on('error', () => resolve());
        });
        const out = new PassThrough();
        if (tty) {
            stream.pipe(out);
        } else {
            docker.modem.demuxStream(stream, out, out);
        }
        out.on('data', (b: Buffer) => onOutput(b.toString('utf8')));
        await c.start();
        return { outputEnded };
    } catch (e) {
        throw classifyError(e);
    }
}

export async function execCapture(docker: Dockerode, id: string, cmd: readonly string[]): Promise<{ output: string; exitCode: number }> {
    try {
        const exec = await docker.getContainer(id).exec({ Cmd: [...cmd], AttachStdout: true, AttachStderr: true, Tty: false });
        const stream = (await exec.start({ hijack: true, stdin: false })) as unknown as NodeJS.ReadableStream;
        const out = new PassThrough();
        let output = '';
        out.on('data', (b: Buffer) => {
            output += b.toString('utf8');
        });
        docker.modem.demuxStream(stream, out, out);
        await new Promise<void>((resolve) => {
            stream.on('end', resolve);
            stream.on('close', resolve);
            stream.on('error', () => resolve());
        });
        const info = await exec.inspect();
        return { output, exitCode: typeof info.ExitCode === 'number' ? info.ExitCode : -1 };
    } catch (e) {
        throw classifyError(e);
    }
}

export async function streamStats(docker: Dockerode, id: string, onSample: (s: StatsSample) => void, signal: AbortSignal): Promise<void> {
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
        stream = (await docker.getContainer(id).stats({ stream: true, abortSignal: signal } as { stream: true })) as unknown as typeof stream;
    } catch (e) {
        if (signal.aborted) {
            return;
        }
        throw classifyError(e);
    }
    const lines = new NdjsonSplitter((value) => onSample(mapStats(value)));
    stream.on('data', (chunk: Buffer) => lines.push(chunk));
    await new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
            stream.destroy?.();
            resolve();
        });
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', () => resolve());
    });
}

export function streamEvents(docker: Dockerode, streams: Set<OwnedStream>, handlers: EventStreamHandlers): Disposable {
    const controller = new AbortController();
    let own: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    let closed = false;
    const close = (error?: unknown) => {
        if (closed) {
            return;
        }
        closed = true;
        handlers.onClose(error === undefined || controller.signal.aborted ? undefined : classifyError(error));
    };
    docker
        .getEvents({ filters: { type: ['container', 'image'] }, abortSignal: controller.signal })
        .then((stream) => {
            const s = stream as NodeJS.ReadableStream & { destroy?: () => void };
            own = s;
            streams.add(s);
            if (controller.signal.aborted) {
                s.destroy?.();
                return;
            }
            // a line we cannot read is not a reason to drop the stream: the splitter counts it
            const lines = new NdjsonSplitter((value) => handlers.onEvent(mapEvent(value)));
            s.on('data', (chunk: Buffer) => lines.push(chunk));
            s.on('error', (e: unknown) => close(e));
            handlers.onOpen?.();
            s.on('end', () => close(new DockerError('unreachable', 'The events stream ended.')));
            s.on('close', () => {
                streams.delete(s);
                close(new DockerError('unreachable', 'The events stream closed.'));
            });
        })
        .catch((e: unknown) => close(e));
    return {
        dispose: () => {
            controller.abort();
            closed = true;
            if (own) {
                streams.delete(own);
                own.destroy?.();
            }
        },
    };
}
