/**
 * `LabActions` over dockerode: networks, volumes, `docker diff`, tags and the registry settings, each
 * run through the client's `call` (timeout, cancellation, classified errors). No `vscode` import.
 */
import Dockerode from 'dockerode';
import { dialGet } from './dockerodeCalls';
import type { FileChange, LabActions, NetworkInfo, RegistrySettings, VolumeInfo } from './labTypes';

type Call = <T>(signal: AbortSignal | undefined, fn: (abortSignal: AbortSignal) => Promise<T>) => Promise<T>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export function mapNetwork(raw: Json): NetworkInfo {
    const cfg = Array.isArray(raw?.IPAM?.Config) ? raw.IPAM.Config[0] : undefined;
    return { id: String(raw?.Id ?? ''), name: String(raw?.Name ?? ''), driver: String(raw?.Driver ?? ''), subnet: cfg?.Subnet || undefined, gateway: cfg?.Gateway || undefined };
}

export function mapVolume(raw: Json): VolumeInfo {
    return { name: String(raw?.Name ?? ''), driver: String(raw?.Driver ?? ''), mountpoint: String(raw?.Mountpoint ?? ''), raw };
}

/** `Kind` of `GET /containers/{id}/changes`: 0 changed, 1 added, 2 deleted. */
export function mapChanges(raw: Json): FileChange[] {
    const kinds: FileChange['kind'][] = ['changed', 'added', 'deleted'];
    return (Array.isArray(raw) ? raw : []).map((c: Json) => ({ path: String(c?.Path ?? ''), kind: kinds[Number(c?.Kind)] ?? 'changed' }));
}

export function mapRegistrySettings(info: Json): RegistrySettings {
    const reg = info?.RegistryConfig ?? {};
    const mirrors = Array.isArray(reg.Mirrors) ? reg.Mirrors.map(String) : [];
    const cidrs = Array.isArray(reg.InsecureRegistryCIDRs) ? reg.InsecureRegistryCIDRs.map(String) : [];
    const insecureIndexes = Object.values((reg.IndexConfigs ?? {}) as Record<string, Json>)
        .filter((c) => c && c.Secure === false)
        .map((c) => String(c.Name));
    return { mirrors, insecure: [...insecureIndexes, ...cidrs], indexServer: String(info?.IndexServerAddress ?? '') };
}

export function labActions(docker: Dockerode, call: Call): LabActions {
    return {
        createNetwork: (name, labels) =>
            call(undefined, async () => {
                const net = await docker.createNetwork({ Name: name, Driver: 'bridge', CheckDuplicate: true, Labels: labels ? { ...labels } : undefined });
                return mapNetwork(await net.inspect());
            }),
        removeNetwork: (idOrName) =>
            call(undefined, async () => {
                await docker.getNetwork(idOrName).remove();
            }),
        createVolume: (name, labels) =>
            call(undefined, async () => {
                await docker.createVolume({ Name: name, Labels: labels ? { ...labels } : undefined });
                return mapVolume(await docker.getVolume(name).inspect());
            }),
        inspectVolume: (name) => call(undefined, async () => mapVolume(await docker.getVolume(name).inspect())),
        removeVolume: (name) =>
            call(undefined, async () => {
                await docker.getVolume(name).remove({ force: false } as object);
            }),
        containerChanges: (id) => call(undefined, async () => mapChanges(await docker.getContainer(id).changes())),
        tagImage: (ref, repo, tag) =>
            call(undefined, async () => {
                await docker.getImage(ref).tag({ repo, tag });
            }),
        registrySettings: (signal) => call(signal, async (abortSignal) => mapRegistrySettings(await dialGet(docker, '/info', abortSignal, 'not found'))),
    };
}
