import vscode = require('vscode');
import { visibleControls } from '../common/bidi';
import { formatBytes } from '../common/format';
import { notify } from '../common/notices';
import { PruneDangling } from '../common/pruneFlow';
import { imageCall, parseMemory, PRUNE_CALL, runCall, splitCommand } from '../docker/cli';
import { imageLabel, instructionOf } from '../docker/mapping';
import { ImageSummary, RunOptions } from '../docker/types';
import { ImageNode } from '../tree/imagesTree';
import { layerKindWord } from '../tree/layerText';
import { ViewIds } from '../tree/views';
import { engineNotReady, ExplorerDeps, logCall, runAction, selected } from './actions';
import { CommandIds, CommandSpec } from './registry';

const isImage = (n: unknown): n is ImageNode => !!n && typeof n === 'object' && (n as ImageNode).kind === 'image';

async function pickImages(deps: ExplorerDeps, node: unknown, selection: unknown, many: boolean): Promise<ImageSummary[]> {
    const fromTree = selected(node as ImageNode | undefined, selection as ImageNode[] | undefined, isImage).map((n) => n.image);
    if (fromTree.length) {
        return fromTree;
    }
    await deps.refresh.settle();
    const items = deps.refresh.snapshot.images.map((i) => ({ label: visibleControls(imageLabel(i)), description: `${i.shortId} · ${formatBytes(i.size)}`, image: i }));
    if (!items.length) {
        if (engineNotReady(deps)) {
            return [];
        }
        void notify('info', vscode.l10n.t('There are no images yet. Pull one first.'));
        return [];
    }
    if (many) {
        return ((await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Choose images') })) ?? []).map((p) => p.image);
    }
    const p = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose an image') });
    return p ? [p.image] : [];
}

/** The name to use with the CLI and API: the tag when there is one, else the short id. */
const refOf = (i: ImageSummary) => i.repoTags[0] ?? i.shortId;

export async function removeImages(deps: ExplorerDeps, images: readonly ImageSummary[]): Promise<void> {
    for (const image of images) {
        const users = deps.views.images.instancesOf(image.id);
        if (users.length) {
            const list = users.map((c) => `• ${c.name} (${c.status || c.state})`).join('\n');
            await vscode.window.showWarningMessage(
                users.length === 1
                    ? vscode.l10n.t('Image "{0}" is used by the container {1}, so it cannot be removed.', imageLabel(image), users[0].name)
                    : vscode.l10n.t('Image "{0}" is used by {1} containers, so it cannot be removed.', imageLabel(image), users.length),
                {
                    modal: true,
                    detail: `${list}\n\n${vscode.l10n.t('Remove those containers first. Images are never force-removed, so nothing a container needs disappears.')}`,
                },
            );
            deps.log.info(`not removing ${refOf(image)}: used by ${users.map((c) => c.name).join(', ')}`);
            continue;
        }
        const remove = vscode.l10n.t('Remove');
        const extraTags = image.repoTags.length > 1;
        const answer = await vscode.window.showWarningMessage(
            vscode.l10n.t('Remove image "{0}"?', imageLabel(image)),
            {
                modal: true,
                detail: extraTags
                    ? vscode.l10n.t('This image has other tags ({0}); only this tag goes, the layers stay.', image.repoTags.slice(1).join(', '))
                    : vscode.l10n.t('Its layers ({0}) are deleted unless another image shares them. You can pull or build it again later.', formatBytes(image.size)),
            },
            remove,
        );
        if (answer !== remove) {
            deps.log.info(`remove cancelled: ${refOf(image)}`);
            continue;
        }
        const ref = image.dangling ? image.id : refOf(image);
        await runAction(deps, ViewIds.images, imageCall('remove', refOf(image)), (client) => client.removeImage(ref));
    }
}

async function pull(deps: ExplorerDeps, initial?: string): Promise<void> {
    const ref = await vscode.window.showInputBox({
        title: vscode.l10n.t('Pull an image'),
        prompt: vscode.l10n.t('An image name, like the ones `docker pull` takes: name[:tag] or registry/name[:tag].'),
        value: initial ?? 'hello-world',
        validateInput: (v) => (/^[a-z0-9]+([._/:@-][a-zA-Z0-9._-]+)*$/.test(v.trim()) ? undefined : vscode.l10n.t('That is not a valid image name.')),
    });
    if (!ref) {
        return;
    }
    const call = imageCall('pull', ref.trim());
    logCall(deps.log, call);
    const client = deps.engine.client();
    const ok = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling {0}', ref.trim()), cancellable: true },
        async (progress, token) => {
            const controller = new AbortController();
            token.onCancellationRequested(() => controller.abort());
            const layers = new Map<string, { current: number; total: number }>();
            let reported = 0;
            await client.pullImage(
                    ref.trim(),
                    (p) => {
                        if (p.id && p.total) {
                            layers.set(p.id, { current: p.current ?? 0, total: p.total });
                        }
                        let cur = 0;
                        let tot = 0;
                        for (const l of layers.values()) {
                            cur += l.current;
                            tot += l.total;
                        }
                        const pct = tot ? Math.floor((cur / tot) * 100) : 0;
                        progress.report({ message: `${p.id ? `${p.id}: ` : ''}${p.status}`, increment: pct > reported ? pct - reported : undefined });
                        reported = Math.max(reported, pct);
                        deps.log.debug(`pull ${ref}: ${p.id ? `${p.id}: ` : ''}${p.status}`);
                    },
                    controller.signal,
                );
            return true;
        },
    );
    if (ok) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Pulled {0}. The image is now stored on your engine: a template, ready to make containers from.', ref.trim()));
    }
    await deps.refresh.settle();
}

async function askNumber(title: string, prompt: string, placeholder: string, parse: (s: string) => number | undefined): Promise<number | undefined | null> {
    const v = await vscode.window.showInputBox({
        title,
        prompt,
        placeHolder: placeholder,
        validateInput: (s) => (!s.trim() || parse(s) !== undefined ? undefined : vscode.l10n.t('Leave it empty, or enter a value like {0}.', placeholder)),
    });
    if (v === undefined) {
        return null; // cancelled
    }
    return v.trim() ? parse(v) : undefined;
}

async function run(deps: ExplorerDeps, image: ImageSummary): Promise<void> {
    const ref = refOf(image);
    const title = (step: number) => vscode.l10n.t('Run {0} — docker run = create + start ({1}/5)', ref, step);
    const name = await vscode.window.showInputBox({
        title: title(1),
        prompt: vscode.l10n.t('A name for the new container (optional; Docker picks one when empty).'),
        validateInput: (v) => (!v || /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(v) ? undefined : vscode.l10n.t('Use letters, digits, _ . and -.')),
    });
    if (name === undefined) {
        return;
    }
    const cmdText = await vscode.window.showInputBox({ title: title(2), prompt: vscode.l10n.t('The command to run (optional; empty runs the image\'s own CMD).') });
    if (cmdText === undefined) {
        return;
    }
    const memory = await askNumber(title(3), vscode.l10n.t('Memory limit (optional): a cgroup caps the container\'s memory.'), '64m', parseMemory);
    if (memory === null) {
        return;
    }
    const cpus = await askNumber(title(4), vscode.l10n.t('CPU limit in CPUs (optional): a cgroup caps the CPU time.'), '0.5', (s) => {
        const n = Number(s);
        return Number.isFinite(n) && n > 0 && n <= 1024 ? Math.round(n * 1e9) : undefined;
    });
    if (cpus === null) {
        return;
    }
    const pids = await askNumber(title(5), vscode.l10n.t('Process limit (optional): a cgroup caps how many processes it may start.'), '100', (s) => {
        const n = Number(s);
        return Number.isInteger(n) && n > 0 ? n : undefined;
    });
    if (pids === null) {
        return;
    }
    const opts: RunOptions = { image: ref, name: name || undefined, cmd: splitCommand(cmdText), memoryBytes: memory, nanoCpus: cpus, pidsLimit: pids };
    const id = await createAndStart(deps, opts);
    if (id) {
        const logs = vscode.l10n.t('Show Container Logs');
        const picked = await vscode.window.showInformationMessage(
            vscode.l10n.t('Started a new container from {0}. `docker run` did two things: created the container (POST /containers/create), then started it (POST /containers/{id}/start).', ref),
            logs,
        );
        if (picked === logs) {
            const node = deps.views.containers.findById(id);
            await vscode.commands.executeCommand(CommandIds.containerLogs, node);
        }
    }
}

/** `docker run -d` = create + start; logs both calls. Returns the new id, or undefined when it failed (already reported). */
export async function createAndStart(deps: ExplorerDeps, opts: RunOptions): Promise<string | undefined> {
    let id = '';
    const ok = await runAction(deps, ViewIds.containers, runCall(opts), async (client) => {
        id = await client.createContainer(opts);
        deps.log.info(`created ${id.slice(0, 12)} (POST /containers/create); starting it (POST /containers/${id.slice(0, 12)}/start)`);
        await client.startContainer(id);
    });
    return ok ? id : undefined;
}

async function history(deps: ExplorerDeps, image: ImageSummary): Promise<void> {
    const call = imageCall('history', refOf(image));
    logCall(deps.log, call);
    const layers = await deps.views.images.layers(image.id);
    // the real layer count: the legacy builder stores no layer for a step that changed nothing, BuildKit may
    const layerCount = await deps.engine
        .client()
        .inspectImage(image.id)
        .then((d) => d.layerCount)
        .catch(() => undefined);
    const lines = [
        `# ${call.cli}`,
        `# ${vscode.l10n.t('Oldest step first. "layer" steps (RUN, COPY, ADD, WORKDIR) changed files, even when 0 B; "config" steps changed only the image config.')}`,
        '',
        ...layers.map((l, i) => `${String(i + 1).padStart(3)}  ${layerKindWord(l, vscode.l10n).padEnd(8)}  ${formatBytes(l.size).padEnd(10)}  ${instructionOf(l.createdBy)}`),
        '',
        ...(layerCount ? [`# ${vscode.l10n.t('Total: {0} in {1} layers', formatBytes(image.size), layerCount)}`] : []),
    ];
    await deps.docs.show(`/images/${refOf(image).replace(/[/:]/g, '_')}.history.txt`, lines.join('\n'), 'plaintext');
}

/** One prune flow per extension: a second trigger while the first waits says so (src/common/pruneFlow.ts). */
function pruneFlow(deps: ExplorerDeps): PruneDangling {
    return new PruneDangling({
        l10n: vscode.l10n,
        dangling: async () => {
            await deps.refresh.settle();
            const dangling = deps.refresh.snapshot.images.filter((i) => i.dangling);
            const free = dangling.filter((i) => !deps.views.images.instancesOf(i.id).length);
            return { free, blocked: dangling.length - free.length };
        },
        confirm: async (message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
        warn: async (message) => {
            await vscode.window.showWarningMessage(message, { modal: true });
        },
        info: (message) => void notify('info', message),
        prune: async () => {
            let result: { deleted: readonly string[]; spaceReclaimed: number } = { deleted: [], spaceReclaimed: 0 };
            const ok = await runAction(deps, ViewIds.images, PRUNE_CALL, async (client) => {
                result = await client.pruneDanglingImages();
            });
            return ok ? result : undefined;
        },
        log: (line) => deps.log.info(line),
    });
}

export function imageCommands(deps: ExplorerDeps): CommandSpec[] {
    const prune = pruneFlow(deps);
    const one = (fn: (image: ImageSummary) => Promise<void>) => async (node?: unknown) => {
        const [image] = await pickImages(deps, node, undefined, false);
        if (image) {
            await fn(image);
        }
    };
    return [
        { id: CommandIds.imageRun, run: one((i) => run(deps, i)) },
        { id: CommandIds.imagePull, run: (node?: unknown) => pull(deps, isImage(node) ? node.image.repoTags[0] : undefined) },
        { id: CommandIds.imageRemove, run: async (node?: unknown, selection?: unknown) => removeImages(deps, await pickImages(deps, node, selection, true)) },
        {
            id: CommandIds.imageInspect,
            run: one(async (image) => {
                const call = imageCall('inspect', refOf(image));
                logCall(deps.log, call);
                const d = await deps.engine.client().inspectImage(image.id);
                await deps.docs.show(`/images/${refOf(image).replace(/[/:]/g, '_')}.json`, JSON.stringify(d.raw, null, 2), 'json');
            }),
        },
        { id: CommandIds.imageHistory, run: one((i) => history(deps, i)) },
        { id: CommandIds.imagePrune, run: () => prune.run() },
    ];
}
