import vscode = require('vscode');
import { visibleControls } from '../common/bidi';
import { containerCall, ContainerAction } from '../docker/cli';
import { ContainerState, ContainerSummary } from '../docker/types';
import { ContainerNode, stateWord } from '../tree/containersTree';
import { InstanceNode } from '../tree/imagesTree';
import { ViewIds } from '../tree/views';
import { notify } from '../common/notices';
import { engineNotReady, ExplorerDeps, logCall, runAction, selected } from './actions';
import { CommandIds, CommandSpec } from './registry';
import { openLogsTerminal, openShellTerminal } from './terminals';

type Target = ContainerNode | InstanceNode;
const isTarget = (n: unknown): n is Target => !!n && typeof n === 'object' && ((n as Target).kind === 'container' || (n as Target).kind === 'instance');

/** From the tree (node + multi-selection) or, from the palette, a quick pick of fitting containers. */
async function pickContainers(deps: ExplorerDeps, node: unknown, selection: unknown, fits: (s: ContainerState) => boolean, many: boolean): Promise<ContainerSummary[]> {
    const fromTree = selected(node as Target | undefined, selection as Target[] | undefined, isTarget).map((n) => n.container);
    if (fromTree.length) {
        return fromTree;
    }
    await deps.refresh.settle();
    const candidates = deps.refresh.snapshot.containers.filter((c) => fits(c.state));
    if (!candidates.length) {
        if (engineNotReady(deps)) {
            return [];
        }
        void notify('info', vscode.l10n.t('No container fits this action right now.'));
        return [];
    }
    const items = candidates.map((c) => ({ label: visibleControls(c.name), description: visibleControls(`${stateWord(c.state)} · ${c.image}`), detail: visibleControls(c.status), container: c }));
    if (many) {
        const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Choose containers') });
        return (picked ?? []).map((p) => p.container);
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose a container') });
    return picked ? [picked.container] : [];
}

const any = () => true;
const running = (s: ContainerState) => s === 'running';
const notRunning = (s: ContainerState) => s !== 'running' && s !== 'paused' && s !== 'restarting';

function simple(deps: ExplorerDeps, id: string, action: ContainerAction, fits: (s: ContainerState) => boolean, op: 'startContainer' | 'stopContainer' | 'restartContainer' | 'pauseContainer' | 'unpauseContainer'): CommandSpec {
    return {
        id,
        run: async (node?: unknown, selection?: unknown) => {
            for (const c of await pickContainers(deps, node, selection, fits, true)) {
                await runAction(deps, ViewIds.containers, containerCall(action, c.name), (client) => client[op](c.id));
            }
        },
    };
}

export async function removeContainers(deps: ExplorerDeps, targets: readonly ContainerSummary[]): Promise<void> {
    if (!targets.length) {
        return;
    }
    const live = targets.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
    const names = targets.map((c) => (live.includes(c) ? vscode.l10n.t('{0} (running — it will be stopped first)', c.name) : c.name));
    const detail = [
        ...names.map((n) => `• ${n}`),
        '',
        vscode.l10n.t('Removing a container deletes its writable layer: files it changed are lost. The image stays.'),
    ].join('\n');
    const action = live.length ? vscode.l10n.t('Stop and Remove') : vscode.l10n.t('Remove');
    const message =
        targets.length === 1
            ? live.length
                ? vscode.l10n.t('Container "{0}" is running. Stop it and remove it?', targets[0].name)
                : vscode.l10n.t('Remove container "{0}"?', targets[0].name)
            : vscode.l10n.t('Remove {0} containers?', targets.length);
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    if (answer !== action) {
        deps.log.info(`remove cancelled: ${targets.map((c) => c.name).join(', ')}`);
        return;
    }
    for (const c of targets) {
        if (live.includes(c)) {
            if (c.state === 'paused') {
                await runAction(deps, ViewIds.containers, containerCall('unpause', c.name), (client) => client.unpauseContainer(c.id));
            }
            const stopped = await runAction(deps, ViewIds.containers, containerCall('stop', c.name), (client) => client.stopContainer(c.id));
            if (!stopped) {
                continue;
            }
        }
        await runAction(deps, ViewIds.containers, containerCall('remove', c.name), (client) => client.removeContainer(c.id));
    }
}

export function containerCommands(deps: ExplorerDeps): CommandSpec[] {
    return [
        simple(deps, CommandIds.containerStart, 'start', notRunning, 'startContainer'),
        simple(deps, CommandIds.containerStop, 'stop', (s) => s === 'running' || s === 'paused' || s === 'restarting', 'stopContainer'),
        simple(deps, CommandIds.containerRestart, 'restart', any, 'restartContainer'),
        simple(deps, CommandIds.containerPause, 'pause', running, 'pauseContainer'),
        simple(deps, CommandIds.containerUnpause, 'unpause', (s) => s === 'paused', 'unpauseContainer'),
        {
            id: CommandIds.containerRemove,
            run: async (node?: unknown, selection?: unknown) => removeContainers(deps, await pickContainers(deps, node, selection, any, true)),
        },
        {
            id: CommandIds.containerLogs,
            run: async (node?: unknown) => {
                const [c] = await pickContainers(deps, node, undefined, any, false);
                if (c) {
                    const call = containerCall('logs', c.name);
                    logCall(deps.log, call);
                    openLogsTerminal(deps.engine.client(), c.id, c.name, deps.log);
                }
            },
        },
        {
            id: CommandIds.containerShell,
            run: async (node?: unknown) => {
                const [c] = await pickContainers(deps, node, undefined, running, false);
                if (c) {
                    const call = containerCall('exec', c.name);
                    logCall(deps.log, call);
                    openShellTerminal(deps.engine.client(), c.id, c.name, deps.log);
                }
            },
        },
        {
            id: CommandIds.containerInspect,
            run: async (node?: unknown) => {
                const [c] = await pickContainers(deps, node, undefined, any, false);
                if (c) {
                    const call = containerCall('inspect', c.name);
                    logCall(deps.log, call, '?size=1');
                    const d = await deps.engine.client().inspectContainer(c.id, { size: true });
                    await deps.docs.show(`/containers/${c.name}.json`, JSON.stringify(d.raw, null, 2), 'json');
                }
            },
        },
        {
            id: CommandIds.containerCopyId,
            run: async (node?: unknown) => {
                const [c] = await pickContainers(deps, node, undefined, any, false);
                if (c) {
                    await vscode.env.clipboard.writeText(c.id);
                    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the id of {0}', c.name), 3000);
                }
            },
        },
    ];
}
