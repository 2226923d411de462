import vscode = require('vscode');
import { visibleMarkdown } from './visibleItem';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages';
import { Engine, EngineState } from '../docker/engine';
import { engineKind } from '../docker/engineKind';

/** The engine in use and whether it answers, in words (not colour alone). Click → the engine menu. */
export class EngineStatusBar extends Disposable {
    private readonly item = this.register(vscode.window.createStatusBarItem('dockerLessons.engine', vscode.StatusBarAlignment.Left, 10));

    constructor(engine: Engine, menuCommand: string) {
        super();
        this.item.name = vscode.l10n.t('Docker engine');
        this.item.command = menuCommand;
        this.show(engine.state);
        this.register(engine.onDidChangeState((s) => this.show(s)));
    }

    private show(s: EngineState): void {
        const where = s.endpoint ? (s.endpoint.contextName ? `${s.endpoint.contextName} (${s.endpoint.display})` : s.endpoint.display) : '';
        switch (s.state) {
            case 'idle':
                this.item.hide();
                return;
            case 'connecting':
                this.item.text = `$(loading~spin) ${vscode.l10n.t('Docker: connecting')}`;
                this.item.tooltip = vscode.l10n.t('Connecting to {0}', where);
                this.item.backgroundColor = undefined;
                break;
            case 'connected': {
                // which kind of engine: Docker or Podman, here or remote (tcp://, ssh://)
                const kind = s.endpoint ? engineKind(s.endpoint, s.version) : undefined;
                const v = s.version?.version ?? '';
                const podman = kind?.product === 'podman';
                const name = podman ? vscode.l10n.t('Podman {0}', v) : vscode.l10n.t('Docker {0}', v);
                this.item.text = `$(${kind?.remote ? 'remote' : 'vm-active'}) ${kind?.remote ? vscode.l10n.t('{0} · remote', name) : name}`;
                this.item.tooltip = podman
                    ? vscode.l10n.t('Connected to Podman {0} (its Docker-compatible API {1}) at {2}. Click for options.', v || '?', s.version?.apiVersion ?? '?', where)
                    : vscode.l10n.t('Connected to Docker {0} (API {1}) at {2}. Click for options.', v || '?', s.version?.apiVersion ?? '?', where);
                if (kind?.remote) {
                    const how = kind.transport === 'ssh' ? 'SSH' : kind.transport === 'tls' ? 'TLS' : vscode.l10n.t('plain TCP, unencrypted');
                    this.item.tooltip += `\n${vscode.l10n.t('A remote engine (over {0}): the lessons use the engine\'s own evidence, because this machine\'s /proc is not the engine host\'s.', how)}`;
                }
                this.item.backgroundColor = undefined;
                break;
            }
            case 'unreachable': {
                const m = s.error ? describeError(s.error, where || undefined) : undefined;
                this.item.text = `$(debug-disconnect) ${vscode.l10n.t('Docker: unreachable')}`;
                this.item.tooltip = m ? `${m.message}\n${m.next}` : vscode.l10n.t('Docker is not reachable.');
                this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
                break;
            }
        }
        this.item.tooltip = visibleMarkdown(this.item.tooltip);
        this.item.accessibilityInformation = { label: typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.text };
        this.item.show();
    }
}
