// A stand-in for the `vscode` module, so the benchmarks run the extension's real code (activate(),
// the real tree providers, the real hover provider) on plain Node. It implements what that code
// touches; the rest answers with harmless no-ops. Tree views are recorded so a benchmark can drive
// them the way the workbench does: fire visibility, call getChildren/getTreeItem, count the items
// sent after each onDidChangeTreeData.
'use strict';
const Module = require('node:module');
const path = require('node:path');

class StubDisposable {
    constructor(fn) {
        this.fn = fn;
    }
    static from(...ds) {
        return new StubDisposable(() => ds.forEach((d) => d && d.dispose && d.dispose()));
    }
    dispose() {
        if (this.fn) this.fn();
        this.fn = undefined;
    }
}

class EventEmitter {
    constructor() {
        this.listeners = new Set();
        this.event = (listener, thisArg) => {
            const l = thisArg ? listener.bind(thisArg) : listener;
            this.listeners.add(l);
            return new StubDisposable(() => this.listeners.delete(l));
        };
    }
    fire(value) {
        for (const l of [...this.listeners]) l(value);
    }
    dispose() {
        this.listeners.clear();
    }
}

class Uri {
    constructor(scheme, fsPath, query = '') {
        this.scheme = scheme;
        this.fsPath = fsPath;
        this.path = fsPath;
        this.query = query;
    }
    static file(p) {
        return new Uri('file', p);
    }
    static parse(s) {
        const m = /^([a-z-]+):(.*)$/i.exec(s);
        return m ? new Uri(m[1], m[2]) : new Uri('file', s);
    }
    static joinPath(base, ...parts) {
        return new Uri(base.scheme, path.join(base.fsPath, ...parts));
    }
    with(change) {
        return new Uri(change.scheme ?? this.scheme, change.path ?? this.fsPath, change.query ?? this.query);
    }
    toString() {
        return `${this.scheme}://${this.fsPath}${this.query ? `?${this.query}` : ''}`;
    }
}

class TreeItem {
    constructor(label, collapsibleState) {
        this.label = label;
        this.collapsibleState = collapsibleState;
    }
}

class MarkdownString {
    constructor(value = '', supportThemeIcons) {
        this.value = value;
        this.supportThemeIcons = supportThemeIcons;
    }
    appendText(t) {
        this.value += t;
        return this;
    }
    appendMarkdown(t) {
        this.value += t;
        return this;
    }
    appendCodeblock(t) {
        this.value += `\n\`\`\`\n${t}\n\`\`\`\n`;
        return this;
    }
}

class Position {
    constructor(line, character) {
        this.line = line;
        this.character = character;
    }
}
class Range {
    constructor(a, b, c, d) {
        if (typeof a === 'number') {
            this.start = new Position(a, b);
            this.end = new Position(c, d);
        } else {
            this.start = a;
            this.end = b;
        }
    }
}
class Hover {
    constructor(contents, range) {
        this.contents = Array.isArray(contents) ? contents : [contents];
        this.range = range;
    }
}

const format = (message, args) => message.replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)] ?? ''));

/** What the benchmark reads back. */
const recorded = { treeViews: new Map(), contexts: new Map(), commands: new Map(), hoverProviders: [], languageProviders: new Map(), logs: [], panels: new Set(), documentChanges: new EventEmitter(), documentCloses: new EventEmitter() };

function treeView(id, options) {
    const visibility = new EventEmitter();
    const view = {
        id,
        provider: options.treeDataProvider,
        visible: false,
        message: undefined,
        onDidChangeVisibility: visibility.event,
        onDidChangeSelection: new EventEmitter().event,
        onDidExpandElement: new EventEmitter().event,
        onDidCollapseElement: new EventEmitter().event,
        selection: [],
        reveal: async () => undefined,
        dispose() {},
        /** The benchmark opens or hides the view, like a person clicking the activity bar. */
        setVisible(v) {
            view.visible = v;
            visibility.fire({ visible: v });
        },
    };
    recorded.treeViews.set(id, view);
    return view;
}

const noopEvent = () => new StubDisposable();

/**
 * A webview panel without a browser: the extension sets its HTML and posts messages as usual; the
 * benchmark plays the webview's side (`receive({type:'ready'})`) and closes it like a person would.
 */
function webviewPanel(viewType, title, showOptions) {
    const received = new EventEmitter();
    const disposed = new EventEmitter();
    const viewState = new EventEmitter();
    const panel = {
        viewType,
        title,
        viewColumn: typeof showOptions === 'object' ? showOptions.viewColumn : showOptions,
        active: true,
        visible: true,
        iconPath: undefined,
        posted: 0,
        webview: {
            html: '',
            options: {},
            cspSource: 'vscode-resource:',
            asWebviewUri: (u) => u,
            postMessage: async () => {
                panel.posted++;
                return true;
            },
            onDidReceiveMessage: received.event,
        },
        onDidDispose: disposed.event,
        onDidChangeViewState: viewState.event,
        reveal() {},
        /** The webview side says something (e.g. `{ type: 'ready' }`). */
        receive: (message) => received.fire(message),
        dispose() {
            if (!panel.disposed) {
                panel.disposed = true;
                disposed.fire();
                recorded.panels.delete(panel);
            }
        },
    };
    recorded.panels.add(panel);
    return panel;
}
const config = { get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined };

function outputChannel(name) {
    const write = (level) => (m) => recorded.logs.push(`[${level}] ${name}: ${m}`);
    return { name, trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), append() {}, appendLine: write('info'), show() {}, hide() {}, clear() {}, dispose() {}, logLevel: 2, onDidChangeLogLevel: noopEvent };
}

const vscode = {
    Disposable: StubDisposable,
    EventEmitter,
    Uri,
    TreeItem,
    MarkdownString,
    Position,
    Range,
    Hover,
    ThemeIcon: class ThemeIcon {
        constructor(id, color) {
            this.id = id;
            this.color = color;
        }
    },
    ThemeColor: class ThemeColor {
        constructor(id) {
            this.id = id;
        }
    },
    RelativePattern: class RelativePattern {
        constructor(base, pattern) {
            this.base = base;
            this.pattern = pattern;
        }
    },
    CodeLens: class CodeLens {
        constructor(range, command) {
            this.range = range;
            this.command = command;
        }
    },
    Diagnostic: class Diagnostic {
        constructor(range, message, severity) {
            Object.assign(this, { range, message, severity });
        }
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    CodeActionKind: { QuickFix: { value: 'quickfix' } },
    CompletionItemKind: { Module: 8 },
    CompletionItem: class CompletionItem {
        constructor(label, kind) {
            Object.assign(this, { label, kind });
        }
    },
    CompletionList: class CompletionList {
        constructor(items, isIncomplete) {
            Object.assign(this, { items, isIncomplete });
        }
    },
    SnippetString: class SnippetString {
        constructor(value) {
            this.value = value;
        }
    },
    CancellationError: class CancellationError extends Error {},
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    UIKind: { Desktop: 1, Web: 2 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    l10n: { t: (message, ...args) => (typeof message === 'string' ? format(message, args) : format(message.message, message.args ?? [])), bundle: undefined },
    env: { language: 'en', uiKind: 1, appHost: 'desktop', clipboard: { writeText: async () => undefined }, openExternal: async () => true },
    window: {
        createTreeView: treeView,
        createOutputChannel: outputChannel,
        createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
        showInformationMessage: async () => undefined,
        showWarningMessage: async () => undefined,
        showErrorMessage: async () => undefined,
        showQuickPick: async () => undefined,
        showInputBox: async () => undefined,
        withProgress: async (_o, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: noopEvent }),
        registerWebviewPanelSerializer: () => new StubDisposable(),
        registerTreeDataProvider: () => new StubDisposable(),
        createWebviewPanel: (viewType, title, showOptions) => webviewPanel(viewType, title, showOptions),
        onDidChangeActiveTextEditor: noopEvent,
        onDidChangeTextEditorSelection: noopEvent,
        onDidChangeVisibleTextEditors: noopEvent,
        onDidCloseTerminal: noopEvent,
        visibleTextEditors: [],
        activeTextEditor: undefined,
        tabGroups: { all: [], onDidChangeTabs: noopEvent },
    },
    workspace: {
        getConfiguration: () => config,
        onDidChangeConfiguration: noopEvent,
        onDidGrantWorkspaceTrust: noopEvent,
        // a benchmark fires these (recorded.documentChanges.fire({ document, contentChanges })) to simulate typing
        onDidChangeTextDocument: recorded.documentChanges.event,
        onDidCloseTextDocument: recorded.documentCloses.event,
        onDidOpenTextDocument: noopEvent,
        onDidSaveTextDocument: noopEvent,
        isTrusted: true,
        workspaceFolders: [],
        textDocuments: [],
        createFileSystemWatcher: () => ({ onDidChange: noopEvent, onDidCreate: noopEvent, onDidDelete: noopEvent, dispose() {} }),
        registerTextDocumentContentProvider: () => new StubDisposable(),
        getWorkspaceFolder: () => undefined,
        findFiles: async () => [],
    },
    languages: {
        registerHoverProvider: (selector, provider) => (recorded.hoverProviders.push(provider), new StubDisposable()),
        registerCodeLensProvider: () => new StubDisposable(),
        createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }),
        registerCompletionItemProvider: (selector, provider) => (recorded.languageProviders.set('completion', provider), new StubDisposable()),
        registerDocumentFormattingEditProvider: (selector, provider) => (recorded.languageProviders.set('format', provider), new StubDisposable()),
        registerDocumentSymbolProvider: (selector, provider) => (recorded.languageProviders.set('symbols', provider), new StubDisposable()),
        registerFoldingRangeProvider: () => new StubDisposable(),
        registerDefinitionProvider: () => new StubDisposable(),
        registerCodeActionsProvider: () => new StubDisposable(),
    },
    commands: {
        registerCommand: (id, fn) => (recorded.commands.set(id, fn), new StubDisposable(() => recorded.commands.delete(id))),
        executeCommand: async (id, ...args) => {
            if (id === 'setContext') {
                recorded.contexts.set(args[0], args[1]);
                return undefined;
            }
            const fn = recorded.commands.get(id);
            return fn ? fn(...args) : undefined;
        },
        getCommands: async () => [...recorded.commands.keys()],
    },
    extensions: { getExtension: () => undefined },
};

/** Makes `require('vscode')` return the stand-in for every module loaded after this call. */
function install() {
    const load = Module._load;
    Module._load = function (request, parent, isMain) {
        return request === 'vscode' ? vscode : load.call(this, request, parent, isMain);
    };
}

/** A minimal ExtensionContext for activate(). */
function extensionContext(extensionPath) {
    const memento = () => {
        const m = new Map();
        return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync() {} };
    };
    return { subscriptions: [], extensionPath, extensionUri: Uri.file(extensionPath), globalState: memento(), workspaceState: memento(), logUri: Uri.file('/tmp'), storageUri: undefined, globalStorageUri: Uri.file('/tmp'), extensionMode: 1 };
}

module.exports = { vscode, recorded, install, extensionContext };
