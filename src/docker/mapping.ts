/**
 * Engine API JSON → the project's own types. Pure functions; unit-tested with JSON captured
 * from a real daemon (test/unit/fixtures).
 */
import { ContainerState, ContainerSummary, EngineEvent, EngineVersion, ImageSummary, PortSummary } from './types';

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
    };
}

export function mapEvent(raw: Json): EngineEvent {
    return {
        type: String(raw?.Type ?? raw?.type ?? ''),
        action: String(raw?.Action ?? raw?.status ?? ''),
        id: String(raw?.Actor?.ID ?? raw?.id ?? ''),
        time: Number(raw?.timeNano ? Number(raw.timeNano) / 1e6 : Number(raw?.time) * 1000) || 0,
        attributes: labels(raw?.Actor?.Attributes),
    };
}

/** `repo:tag` for display: the first tag, or `<none>` for a dangling image. */
export function imageLabel(image: ImageSummary): string {
    return image.repoTags[0] ?? '<none>';
}
