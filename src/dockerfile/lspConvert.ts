/** LSP-shaped results of the language service → VS Code's types. */
import vscode = require('vscode');
import type { CompletionItem, Fold, FormatEdit, SymbolInfo } from './analysis/languageEntry';
import type { Position as P, Range as R } from './analysis/analyze';

export const toPosition = (p: P): vscode.Position => new vscode.Position(p.line, p.character);
export const toRange = (r: R): vscode.Range => new vscode.Range(toPosition(r.start), toPosition(r.end));
export const fromPosition = (p: vscode.Position): P => ({ line: p.line, character: p.character });

/** LSP CompletionItemKind (1-based) → VS Code's (0-based). */
const kindOf = (k: number | undefined): vscode.CompletionItemKind | undefined => (k === undefined ? undefined : ((k - 1) as vscode.CompletionItemKind));
/** LSP SymbolKind (1-based) → VS Code's (0-based). */
const symbolKindOf = (k: number): vscode.SymbolKind => (k - 1) as vscode.SymbolKind;
const SNIPPET = 2;

export function toCompletionItem(i: CompletionItem): vscode.CompletionItem {
    const item = new vscode.CompletionItem(i.label, kindOf(i.kind));
    const edit = i.textEdit && 'range' in i.textEdit ? i.textEdit : undefined;
    const text = edit?.newText ?? i.insertText ?? i.label;
    item.insertText = i.insertTextFormat === SNIPPET ? new vscode.SnippetString(text) : text;
    if (edit) {
        item.range = toRange(edit.range);
    }
    item.detail = i.detail;
    if (i.documentation) {
        // the service's own reference text (no file or daemon text): shown as markdown, untrusted
        const value = typeof i.documentation === 'string' ? i.documentation : i.documentation.value;
        item.documentation = new vscode.MarkdownString(value);
    }
    item.filterText = i.filterText;
    item.sortText = i.sortText;
    if (i.deprecated || i.tags?.includes(1)) {
        item.tags = [vscode.CompletionItemTag.Deprecated];
    }
    return item;
}

export const toTextEdit = (e: FormatEdit): vscode.TextEdit => new vscode.TextEdit(toRange(e.range), e.newText);

export function toSymbols(uri: vscode.Uri, symbols: readonly SymbolInfo[]): vscode.SymbolInformation[] {
    return symbols.map((s) => new vscode.SymbolInformation(s.name, symbolKindOf(s.kind), s.containerName ?? '', new vscode.Location(uri, toRange(s.location.range))));
}

export const toFold = (f: Fold): vscode.FoldingRange => new vscode.FoldingRange(f.startLine, f.endLine, f.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined);
