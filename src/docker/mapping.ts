/**
 * Engine API JSON → the project's own types. Pure functions; unit-tested with JSON captured
 * from a real daemon (test/unit/fixtures).
 */
import { ContainerDetails, ContainerState, ContainerSummary, EngineEvent, EngineInfo, StatsSample, EngineVersion, ImageDetails, ImageSummary, LayerChanges, LayerInfo, PortSummary, PullProgress } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export function shortId(id: string): string {
    return id.replace(/^sha256:/, '').slice(0, 12);
}

const NONE_TAG = '<none>:<none>';
const NONE_DIGEST = '<none>@<none>';

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function labels(value: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            if (typeof v === 'string') {
                out[k] = v;
            }
        }
    }
    return out;
}

export function mapImage(raw: Json): ImageSummary {
    const id = String(raw?.Id ?? '');
    const repoTags = strings(raw?.RepoTags).filter((t) => t !== NONE_TAG);
    const repoDigests = strings(raw?.RepoDigests).filter((t) => t !== NONE_DIGEST);
    return {
        id,
        shortId: shortId(id),
        repoTags,
        repoDigests,
        created: Number(raw?.Created) || 0,
        size: Number(raw?.Size) || 0,
        dangling: repoTags.length === 0,
        labels: labels(raw?.Labels),
    };
}

export function mapImages(raw: Json): ImageSummary[] {
    return Array.isArray(raw) ? raw.map(mapImage) : [];
}

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export function mapState(value: unknown): ContainerState {
    const s = String(value ?? '').toLowerCase();
    return (STATES as readonly string[]).includes(s) ? (s as ContainerState) : 'created';
}

function mapPort(raw: Json): PortSummary {
    return {
        privatePort: Number(raw?.PrivatePort) || 0,
        publicPort: raw?.PublicPort ? Number(raw.PublicPort) : undefined,
        ip: typeof raw?.IP === 'string' ? raw.IP : undefined,
        type: typeof raw?.Type === 'string' ? raw.Type : 'tcp',
    };
}

export function mapContainer(raw: Json): ContainerSummary {
    const id = String(raw?.Id ?? '');
    const names = strings(raw?.Names);
    const name = (names[0] ?? shortId(id)).replace(/^\//, '');
    return {
        id,
        shortId: shortId(id),
        name,
        image: String(raw?.Image ?? ''),
        imageId: String(raw?.ImageID ?? ''),
        command: String(raw?.Command ?? ''),
        created: Number(raw?.Created) || 0,
        state: mapState(raw?.State),
        status: String(raw?.Status ?? ''),
        ports: Array.isArray(raw?.Ports) ? raw.Ports.map(mapPort) : [],
        labels: labels(raw?.Labels),
    };
}

export function mapContainers(raw: Json): ContainerSummary[] {
    return Array.isArray(raw) ? raw.map(mapContainer) : [];
}

export function mapVersion(raw: Json): EngineVersion {
    return {
        version: String(raw?.Version ?? ''),
        apiVersion: String(raw?.ApiVersion ?? ''),
        minApiVersion: typeof raw?.MinAPIVersion === 'string' ? raw.MinAPIVersion : undefined,
        os: String(raw?.Os ?? ''),
        arch: String(raw?.Arch ?? ''),
        kernelVersion: String(raw?.KernelVersion ?? ''),
        engineName: Array.isArray(raw?.Components) && typeof raw.Components[0]?.Name === 'string' ? raw.Components[0].Name : String(raw?.Platform?.Name ?? ''),
    };
}

/** Podman's event words where Docker has others: a removed container or image is `remove` there. */
const PODMAN_ACTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = { container: { remove: 'destroy' }, image: { remove: 'delete' } };

export function mapEvent(raw: Json): EngineEvent {
    const type = String(raw?.Type ?? raw?.type ?? '');
    const action = String(raw?.Action ?? raw?.status ?? '');
    return {
        type,
        action: PODMAN_ACTIONS[type]?.[action] ?? action,
        id: String(raw?.Actor?.ID ?? raw?.id ?? ''),
        time: Number(raw?.timeNano ? Number(raw.timeNano) / 1e6 : Number(raw?.time) * 1000) || 0,
        attributes: labels(raw?.Actor?.Attributes),
    };
}

/** `repo:tag` for display: the first tag, or `<none>` for a dangling image. */
export function imageLabel(image: ImageSummary): string {
    return image.repoTags[0] ?? '<none>';
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export function mapContainerDetails(raw: Json): ContainerDetails {
    const st = raw?.State ?? {};
    const hc = raw?.HostConfig ?? {};
    const args = strings(raw?.Args);
    return {
        id: str(raw?.Id),
        name: str(raw?.Name).replace(/^\//, ''),
        image: str(raw?.Config?.Image) || str(raw?.Image),
        imageId: str(raw?.Image),
        command: [str(raw?.Path), ...args].filter(Boolean).join(' '),
        created: str(raw?.Created),
        state: {
            status: mapState(st.Status),
            running: !!st.Running,
            pid: Number(st.Pid) || 0,
            exitCode: Number(st.ExitCode) || 0,
            oomKilled: !!st.OOMKilled,
            startedAt: str(st.StartedAt),
            finishedAt: str(st.FinishedAt),
            health: typeof st.Health?.Status === 'string' ? st.Health.Status : undefined,
        },
        limits: {
            memory: Number(hc.Memory) || 0,
            memorySwap: Number(hc.MemorySwap) || 0,
            nanoCpus: Number(hc.NanoCpus) || 0,
            cpuQuota: Number(hc.CpuQuota) || 0,
            cpuPeriod: Number(hc.CpuPeriod) || 0,
            pidsLimit: Number(hc.PidsLimit) || 0,
        },
        tty: !!raw?.Config?.Tty,
        runtime: str(hc.Runtime),
        sizeRw: raw?.SizeRw === undefined ? undefined : Number(raw.SizeRw) || 0,
        raw,
    };
}

export function mapImageDetails(raw: Json): ImageDetails {
    return {
        id: str(raw?.Id),
        repoTags: strings(raw?.RepoTags).filter((t) => t !== NONE_TAG),
        created: str(raw?.Created),
        size: Number(raw?.Size) || 0,
        architecture: str(raw?.Architecture),
        os: str(raw?.Os),
        cmd: strings(raw?.Config?.Cmd),
        entrypoint: strings(raw?.Config?.Entrypoint),
        layerCount: Array.isArray(raw?.RootFS?.Layers) ? raw.RootFS.Layers.length : 0,
        raw,
    };
}

/** `GET /images/{id}/history` → layers, oldest first (the order of the Dockerfile). */
export function mapHistory(raw: Json): LayerInfo[] {
    if (!Array.isArray(raw)) {
        return [];
    }
    return raw
        .map((h: Json): LayerInfo => {
            const createdBy = str(h?.CreatedBy);
            return {
                id: str(h?.Id),
                createdBy,
                size: Number(h?.Size) || 0,
                created: Number(h?.Created) || 0,
                empty: !(Number(h?.Size) > 0),
                changes: historyStepKind(createdBy),
                tags: strings(h?.Tags).filter((t) => t !== NONE_TAG),
            };
        })
        .reverse();
}

const INSTRUCTION = /^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(?=\s|$)/;

/**
 * The Dockerfile instruction of a history row, from both builders' records:
 * legacy `/bin/sh -c #(nop)  CMD ["sh"]` → `CMD ["sh"]`, `|1 V=1 /bin/sh -c apk add x` → `RUN apk add x`;
 * BuildKit `ENV A=b`, `COPY f . # buildkit`, `RUN |1 V=1 /bin/sh -c apk add x # buildkit` → `RUN apk add x`.
 */
export function instructionOf(createdBy: string): string {
    const s = createdBy.trim();
    const nop = /^\/bin\/sh -c #\(nop\)\s*(.*)$/s.exec(s);
    if (nop) {
        return nop[1].trim();
    }
    const run = /^\/bin\/sh -c (.*)$/s.exec(s);
    if (run) {
        return `RUN ${run[1].trim()}`;
    }
    if (/^\|\d+ /.test(s)) {
        // build args prefix: `|1 VERSION=1 /bin/sh -c …` (a value may hold spaces: cut at the shell when there is one)
        const shell = /^\|\d+ .*?(\/bin\/sh -c .*)$/s.exec(s);
        return instructionOf(shell ? shell[1] : s.replace(/^\|\d+ (\S+=\S*\s+)*/, ''));
    }
    const plain = s.replace(/\s*# buildkit$/, '');
    const bkRun = /^RUN (\|\d+ .*)$/s.exec(plain) ?? /^RUN (\/bin\/sh -c .*)$/s.exec(plain);
    if (bkRun) {
        // BuildKit keeps the RUN keyword in front of what the legacy builder records
        return instructionOf(bkRun[1]);
    }
    if (!plain || INSTRUCTION.test(plain)) {
        return plain;
    }
    // an exec-form RUN is recorded as the bare command
    return `RUN ${plain}`;
}

/** Instructions that change the image's files: WORKDIR too, since it creates its folder when missing. */
const CHANGES_FILES = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/**
 * What a history row's instruction changes, classified by the instruction, never by the size: a RUN or
 * WORKDIR can leave 0 B (an empty folder, nothing changed, only deletions) and still be a filesystem step.
 */
export function historyStepKind(createdBy: string): LayerChanges {
    const keyword = /^\S+/.exec(instructionOf(createdBy))?.[0]?.toUpperCase();
    if (!keyword) {
        return 'unknown';
    }
    return CHANGES_FILES.has(keyword) ? 'files' : 'config';
}

export function mapPullProgress(raw: Json): PullProgress {
    return {
        id: str(raw?.id),
        status: str(raw?.status) || str(raw?.error),
        current: typeof raw?.progressDetail?.current === 'number' ? raw.progressDetail.current : undefined,
        total: typeof raw?.progressDetail?.total === 'number' ? raw.progressDetail.total : undefined,
    };
}

export function mapInfo(raw: Json): EngineInfo {
    const os = str(raw?.OperatingSystem);
    const kernel = str(raw?.KernelVersion);
    return {
        name: str(raw?.Name),
        operatingSystem: os,
        osType: str(raw?.OSType),
        kernelVersion: kernel,
        architecture: str(raw?.Architecture),
        cpus: Number(raw?.NCPU) || 0,
        memTotal: Number(raw?.MemTotal) || 0,
        cgroupVersion: str(raw?.CgroupVersion) || '1',
        cgroupDriver: str(raw?.CgroupDriver),
        defaultRuntime: str(raw?.DefaultRuntime),
        serverVersion: str(raw?.ServerVersion),
        runsInVm: /docker desktop|boot2docker|linuxkit/i.test(os) || /linuxkit|microsoft-standard|WSL/i.test(kernel),
        containers: Number(raw?.Containers) || 0,
        images: Number(raw?.Images) || 0,
    };
}

/** CPU % and memory as `docker stats` computes them (cache / inactive_file not counted as used). */
export function mapStats(raw: Json): StatsSample {
    const cpu = raw?.cpu_stats ?? {};
    const pre = raw?.precpu_stats ?? {};
    const cpuDelta = (Number(cpu.cpu_usage?.total_usage) || 0) - (Number(pre.cpu_usage?.total_usage) || 0);
    const sysDelta = (Number(cpu.system_cpu_usage) || 0) - (Number(pre.system_cpu_usage) || 0);
    const cpus = Number(cpu.online_cpus) || (Array.isArray(cpu.cpu_usage?.percpu_usage) ? cpu.cpu_usage.percpu_usage.length : 1);
    const mem = raw?.memory_stats ?? {};
    const cache = Number(mem.stats?.inactive_file ?? mem.stats?.total_inactive_file ?? mem.stats?.cache) || 0;
    const used = Math.max(0, (Number(mem.usage) || 0) - cache);
    return {
        cpuPercent: sysDelta > 0 && cpuDelta > 0 ? (cpuDelta / sysDelta) * cpus * 100 : 0,
        memoryUsed: used,
        memoryLimit: Number(mem.limit) || 0,
        pids: Number(raw?.pids_stats?.current) || 0,
        pidsLimit: Number(raw?.pids_stats?.limit) || undefined,
        read: str(raw?.read),
        cpuTotalNs: Number(cpu.cpu_usage?.total_usage) || undefined,
    };
}
