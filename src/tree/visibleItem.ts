import vscode = require('vscode');
import { visibleControls } from '../common/bidi';

/** A MarkdownString (or plain tooltip) with bidi controls shown visibly; its trust settings kept. */
export function visibleMarkdown<T extends string | vscode.MarkdownString | undefined>(md: T): T {
    if (md === undefined || typeof md === 'string') {
        return (md === undefined ? md : visibleControls(md)) as T;
    }
    const out = new vscode.MarkdownString(visibleControls(md.value), md.supportThemeIcons);
    out.isTrusted = md.isTrusted;
    out.supportHtml = md.supportHtml;
    out.baseUri = md.baseUri;
    return out as T;
}

/**
 * A tree row whose daemon text (names, tags, commands) cannot reorder itself: every bidi control in
 * its label, description, tooltip and accessible label is shown as ‹U+XXXX› (src/common/bidi.ts).
 */
export function visibleItem(item: vscode.TreeItem): vscode.TreeItem {
    if (typeof item.label === 'string') {
        item.label = visibleControls(item.label);
    } else if (item.label) {
        item.label = { ...item.label, label: visibleControls(item.label.label) };
    }
    if (typeof item.description === 'string') {
        item.description = visibleControls(item.description);
    }
    if (item.tooltip !== undefined) {
        item.tooltip = visibleMarkdown(item.tooltip);
    }
    if (item.accessibilityInformation) {
        item.accessibilityInformation = { ...item.accessibilityInformation, label: visibleControls(item.accessibilityInformation.label) };
    }
    return item;
}
