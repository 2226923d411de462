// The part of tar-fs 2 (dockerode's own context packer) that src/docker/buildContext.ts uses.
declare module 'tar-fs' {
    import type { Headers, Pack } from 'tar-stream';
    export interface PackOptions {
        entries?: string[];
        sort?: boolean;
        umask?: number;
        ignore?: (name: string) => boolean;
        map?: (header: Headers) => Headers;
    }
    export function pack(cwd: string, opts?: PackOptions): Pack;
}
