import vscode = require('vscode');
import { isDockerfile } from '../dockerfile/selector';
import { panelHtml } from './html';

/**
 * The one place that creates webviews: scripts and styles only from media/, a fresh nonce per
 * render, `localResourceRoots` limited to media/, no `retainContextWhenHidden` (state is kept with
 * getState/setState and a serializer).
 */
export class WebviewHost {
    private readonly media: vscode.Uri;

    constructor(extensionUri: vscode.Uri) {
        this.media = vscode.Uri.joinPath(extensionUri, 'media');
    }

    options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
        return { enableScripts: true, localResourceRoots: [this.media], enableFindWidget: true };
    }

    /** Creates a panel beside a Dockerfile when one is active, else in the active column. */
    create(viewType: string, title: string, opts: { beside?: boolean } = {}): vscode.WebviewPanel {
        const active = vscode.window.activeTextEditor;
        const beside = opts.beside ?? isDockerfile(active?.document);
        const column = beside ? vscode.ViewColumn.Beside : (active?.viewColumn ?? vscode.ViewColumn.Active);
        return vscode.window.createWebviewPanel(viewType, title, { viewColumn: column, preserveFocus: false }, this.options());
    }

    /** (Re)sets a panel's options and HTML shell for the given bundle (`media/dist/<script>.js`). */
    attach(panel: vscode.WebviewPanel, script: string, style: string, title: string): void {
        panel.webview.options = this.options();
        const webview = panel.webview;
        panel.webview.html = panelHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'dist', `${script}.js`)).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, `${style}.css`)).toString(),
            sharedStyleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'terminal.css')).toString(),
            lang: vscode.env.language,
            title,
            loading: vscode.l10n.t('Loading the lesson…'),
        });
        panel.iconPath = vscode.Uri.joinPath(this.media, 'icons', 'lessons.svg');
    }
}

export { isDockerfile };
