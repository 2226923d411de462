/**
 * How the Containers view words a container: its state (in words, never colour alone), its icon, its
 * group's name, and the `docker` commands behind its actions.
 */
import vscode = require('vscode');
import { containerStatusText, stateWord as stateWordIn } from '../common/containerStatusText';
import { containerCall } from '../docker/cli';
import { ContainerState, ContainerSummary } from '../docker/types';

export type ContainerGroup = 'running' | 'paused' | 'stopped';

/** The state in words (never colour alone). */
export function stateWord(state: ContainerState): string {
    return stateWordIn(vscode.l10n, state);
}

/** The language durations are written in: the display language when the extension has its words. */
export function wordsLanguage(): string {
    return vscode.l10n.bundle ? vscode.env.language : 'en';
}

/** What the row says about the state, in the display language (never the engine's English). */
export function statusText(c: ContainerSummary): string {
    return containerStatusText(vscode.l10n, wordsLanguage(), c).text;
}

export function stateIcon(state: ContainerState, health?: string): vscode.ThemeIcon {
    if (health === 'unhealthy') {
        return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    }
    switch (state) {
        case 'running':
            return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
        case 'paused':
            return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground'));
        case 'restarting':
            return new vscode.ThemeIcon('sync');
        case 'dead':
            return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        case 'exited':
            return new vscode.ThemeIcon('vm-outline');
        default:
            return new vscode.ThemeIcon('vm');
    }
}

export function groupLabel(g: ContainerGroup): string {
    return g === 'running' ? vscode.l10n.t('Running') : g === 'paused' ? vscode.l10n.t('Paused') : vscode.l10n.t('Stopped');
}

/** The `docker` commands behind the row's actions, for tooltips. */
export function containerActionsTip(tip: vscode.MarkdownString, c: ContainerSummary): void {
    const acts =
        c.state === 'running'
            ? (['stop', 'restart', 'pause', 'logs', 'exec'] as const)
            : c.state === 'paused'
              ? (['unpause', 'stop'] as const)
              : (['start', 'remove', 'logs'] as const);
    tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('What the actions run:'));
    const lines = acts.map((a) => {
        const call = containerCall(a, c.name);
        return `${call.cli}    # ${call.api}`;
    });
    tip.appendMarkdown('\n').appendCodeblock(lines.join('\n'), 'sh');
}
