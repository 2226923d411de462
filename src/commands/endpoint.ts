import vscode = require('vscode');
import { workspaceTrusted } from '../common/trust';
import { Settings } from '../common/config';
import { Logger } from '../common/logger';
import { discoverEndpoints, EndpointInputs, parseDockerHost } from '../docker/endpoint';
import { DockerError } from '../docker/errors';
import { RefreshManager } from '../model/refreshManager';
import { CommandIds, CommandSpec } from './registry';

export function endpointCommands(inputs: () => EndpointInputs, refresh: RefreshManager, log: Logger): CommandSpec[] {
    const choose = async () => {
        if (!workspaceTrusted()) {
            void vscode.window.showInformationMessage(vscode.l10n.t('The Docker endpoint is chosen in your user settings; this workspace is not trusted, so its own setting is ignored.'));
        }
        const found = discoverEndpoints(inputs());
        type Item = vscode.QuickPickItem & { url?: string; custom?: boolean; reset?: boolean };
        const kindWord = (k: string) => (k === 'context' ? vscode.l10n.t('docker context') : k === 'env' ? 'DOCKER_HOST' : vscode.l10n.t('socket'));
        const securityWord = (d: (typeof found)[number]) =>
            d.security === 'tls'
                ? vscode.l10n.t('TLS, verified with its CA')
                : d.security === 'tls-noverify'
                  ? vscode.l10n.t('TLS without verifying the engine')
                  : d.security === 'ssh'
                    ? vscode.l10n.t('SSH (your ssh-agent and known_hosts)')
                    : d.security === 'tcp'
                      ? vscode.l10n.t('plain TCP, unencrypted')
                      : undefined;
        const items: Item[] = found.map((d) => ({
            // a context is stored by name, so its TLS files and later changes to it still apply
            label: `${d.current ? '$(check) ' : ''}${d.kind === 'context' ? d.name : d.url}`,
            description: d.kind === 'context' ? `${kindWord(d.kind)} · ${d.url}` : `${kindWord(d.kind)}${d.kind === 'socket' ? ` · ${d.name}` : ''}`,
            detail: [d.current ? vscode.l10n.t('in use now') : undefined, securityWord(d)].filter(Boolean).join(' · ') || undefined,
            url: d.kind === 'context' ? `context://${encodeURIComponent(d.name)}` : d.url,
        }));
        items.push({ label: `$(edit) ${vscode.l10n.t('Enter a URL…')}`, custom: true });
        items.push({ label: `$(discard) ${vscode.l10n.t('Automatic (DOCKER_HOST, then the current context, then the default socket)')}`, reset: true });
        const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Choose Docker endpoint'), placeHolder: vscode.l10n.t('Which Docker engine should Docker Lessons use?') });
        if (!picked) {
            return;
        }
        let url = picked.url;
        if (picked.custom) {
            url = await vscode.window.showInputBox({
                title: vscode.l10n.t('Docker endpoint URL'),
                placeHolder: 'unix:///var/run/docker.sock, tcp://127.0.0.1:2375, ssh://user@host',
                validateInput: (v) => {
                    try {
                        parseDockerHost(v, 'setting');
                        return undefined;
                    } catch (e) {
                        return e instanceof DockerError ? e.message : String(e);
                    }
                },
            });
            if (!url) {
                return;
            }
        }
        const value = picked.reset ? undefined : url;
        await vscode.workspace.getConfiguration(Settings.section).update(Settings.dockerHost, value, vscode.ConfigurationTarget.Global);
        log.info(`endpoint set to ${value ?? '(automatic)'} in user settings`);
        refresh.restart();
    };
    return [
        { id: CommandIds.chooseEndpoint, run: choose },
        {
            id: CommandIds.engineMenu,
            run: async () => {
                const items = [
                    { label: `$(refresh) ${vscode.l10n.t('Refresh')}`, command: CommandIds.refresh },
                    { label: `$(plug) ${vscode.l10n.t('Choose Docker endpoint')}`, command: CommandIds.chooseEndpoint },
                    { label: `$(output) ${vscode.l10n.t('Show Logs')}`, command: CommandIds.showLogs },
                ];
                const p = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Docker engine') });
                if (p) {
                    await vscode.commands.executeCommand(p.command);
                }
            },
        },
    ];
}
