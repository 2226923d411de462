/**
 * The command table's heavy bodies (containers, images, the engine menu, Dockerfile build/explain)
 * live in their own bundle, `dist/commands.js`, required the first time one of them runs: activation
 * compiles and runs none of that code. The ids are known here, statically, so every command is
 * registered at activation from the one table; the bundle's own table is checked against them when
 * it loads (and by a host test), so the two cannot drift apart unnoticed.
 */
import { CommandIds, CommandSpec } from './registry';

/** The ids whose bodies are in `dist/commands.js`, per factory of src/commands/bodies.ts. */
export const LAZY_COMMAND_IDS: Readonly<Record<'containers' | 'images' | 'endpoint' | 'dockerfile', readonly string[]>> = {
    containers: [
        CommandIds.containerStart,
        CommandIds.containerStop,
        CommandIds.containerRestart,
        CommandIds.containerPause,
        CommandIds.containerUnpause,
        CommandIds.containerRemove,
        CommandIds.containerLogs,
        CommandIds.containerShell,
        CommandIds.containerInspect,
        CommandIds.containerCopyId,
    ],
    images: [CommandIds.imageRun, CommandIds.imagePull, CommandIds.imageRemove, CommandIds.imageInspect, CommandIds.imageHistory, CommandIds.imagePrune],
    endpoint: [CommandIds.chooseEndpoint, CommandIds.engineMenu],
    dockerfile: [CommandIds.dockerfileExplain, CommandIds.dockerfileBuild],
};

/** Differences between the static ids and the specs a bundle's factories really return ('' = none). */
export function tableMismatch(expected: readonly string[], specs: readonly CommandSpec[]): string {
    const got = new Set(specs.map((s) => s.id));
    const missing = expected.filter((id) => !got.has(id));
    const extra = [...got].filter((id) => !expected.includes(id));
    return [missing.length ? `not in the bundle: ${missing.join(', ')}` : '', extra.length ? `not registered: ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
}

/**
 * Specs for `ids` whose bodies come from `load()` on the first call of any of them. A mismatch
 * between `ids` and what `load()` returns is an error of ours: it is thrown (the registry reports it).
 */
export function lazySpecs(ids: readonly string[], load: () => readonly CommandSpec[]): CommandSpec[] & { check(): string } {
    let byId: Map<string, CommandSpec> | undefined;
    const specs = () => {
        if (!byId) {
            const loaded = load();
            const mismatch = tableMismatch(ids, loaded);
            if (mismatch) {
                throw new Error(`the lazy command table disagrees with dist/commands.js: ${mismatch}`);
            }
            byId = new Map(loaded.map((s) => [s.id, s]));
        }
        return byId;
    };
    const table = ids.map((id) => ({ id, run: (...args: unknown[]) => specs().get(id)!.run(...args) }));
    // for the host tests: load the bodies now and say how they differ from `ids` ('' = they agree)
    return Object.assign(table, { check: () => tableMismatch(ids, load()) });
}
