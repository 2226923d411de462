/**
 * `POST /containers/create`'s body from the project's `RunOptions`: limits, network, published and
 * exposed ports, mounts. Pure; no `vscode` import.
 */
import type { RunOptions } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export function createBody(opts: RunOptions): Json {
    const hostConfig: Json = {};
    if (opts.memoryBytes) {
        hostConfig.Memory = opts.memoryBytes;
    }
    if (opts.nanoCpus) {
        hostConfig.NanoCpus = opts.nanoCpus;
    }
    if (opts.pidsLimit) {
        hostConfig.PidsLimit = opts.pidsLimit;
    }
    if (opts.memorySwapBytes) {
        hostConfig.MemorySwap = opts.memorySwapBytes;
    }
    if (opts.networkNone) {
        hostConfig.NetworkMode = 'none';
    } else if (opts.network) {
        hostConfig.NetworkMode = opts.network;
    }
    if (opts.restart) {
        hostConfig.RestartPolicy = { Name: opts.restart.name, MaximumRetryCount: opts.restart.maxRetries ?? 0 };
    }
    hostConfig.AutoRemove = opts.autoRemove || undefined;
    if (opts.binds?.length) {
        hostConfig.Binds = [...opts.binds];
    }
    const exposed: Json = {};
    for (const port of opts.expose ?? []) {
        exposed[`${port}/tcp`] = {};
    }
    if (opts.publish?.length) {
        const bindings: Json = {};
        for (const p of opts.publish) {
            const key = `${p.containerPort}/tcp`;
            exposed[key] = {};
            (bindings[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: String(p.hostPort) });
        }
        hostConfig.PortBindings = bindings;
    }
    return {
        Image: opts.image,
        name: opts.name || undefined,
        Cmd: opts.cmd && opts.cmd.length ? [...opts.cmd] : undefined,
        Tty: !!opts.tty,
        OpenStdin: !!opts.tty,
        Labels: opts.labels ? { ...opts.labels } : undefined,
        StopTimeout: opts.stopTimeout,
        ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
        HostConfig: hostConfig,
    };
}
