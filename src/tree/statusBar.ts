import vscode = require('vscode');
import { visibleMarkdown } from './visibleItem';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages';
import { Engine, EngineState } from '../docker/engine';

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
            case 'connected':
                this.item.text = `$(vm-active) ${vscode.l10n.t('Docker {0}', s.version?.version ?? '')}`;
                this.item.tooltip = vscode.l10n.t('Connected to Docker {0} (API {1}) at {2}. Click for options.', s.version?.version ?? '?', s.version?.apiVersion ?? '?', where);
                this.item.backgroundColor = undefined;
                break;
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
