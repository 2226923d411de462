import vscode = require('vscode');
import { describeError } from '../common/errorMessages';
import { Logger } from '../common/logger';
import { classifyError } from '../docker/errors';
import { DockerClient, ExecSession } from '../docker/types';

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Follows a container's logs in a terminal; closing the terminal stops the stream. */
export function openLogsTerminal(client: DockerClient, id: string, name: string, log: Logger): vscode.Terminal {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number | void>();
    const controller = new AbortController();
    const pty: vscode.Pseudoterminal = {
        onDidWrite: write.event,
        onDidClose: close.event,
        open: () => {
            write.fire(`\x1b[2m$ docker logs --follow --tail 1000 ${name}\x1b[0m\r\n`);
            client
                .streamLogs(id, { tail: 1000 }, (text) => write.fire(crlf(text)), controller.signal)
                .then(() => {
                    if (!controller.signal.aborted) {
                        write.fire(`\r\n\x1b[2m${vscode.l10n.t('— the container stopped; the log ends here —')}\x1b[0m\r\n`);
                    }
                })
                .catch((e: unknown) => {
                    log.warn(`logs of ${name}: ${e instanceof Error ? e.message : String(e)}`);
                    write.fire(`\r\n${vscode.l10n.t('Could not read the logs: {0}', describeError(classifyError(e)).message)}\r\n`);
                });
        },
        close: () => {
            controller.abort();
            write.dispose();
            close.dispose();
        },
    };
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Logs: {0}', name), pty, iconPath: new vscode.ThemeIcon('output') });
    terminal.show();
    return terminal;
}

/** An interactive shell over the Engine's exec API: works without the docker CLI. */
export function openShellTerminal(client: DockerClient, id: string, name: string, log: Logger): vscode.Terminal {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number | void>();
    let session: ExecSession | undefined;
    let closed = false;
    let size: { columns: number; rows: number } | undefined;
    const pty: vscode.Pseudoterminal = {
        onDidWrite: write.event,
        onDidClose: close.event,
        open: (initial) => {
            size = initial ? { columns: initial.columns, rows: initial.rows } : undefined;
            write.fire(`\x1b[2m$ docker exec -it ${name} sh\x1b[0m\r\n`);
            client
                .exec(id, ['sh'], size)
                .then((s) => {
                    if (closed) {
                        // the terminal closed while the exec was starting: do not leave a shell behind
                        s.close();
                        return;
                    }
                    session = s;
                    s.onData((t) => write.fire(t));
                    s.onExit((code) => {
                        write.fire(`\r\n\x1b[2m${vscode.l10n.t('— the shell ended (exit code {0}) —', code ?? '?')}\x1b[0m\r\n`);
                        close.fire(code ?? 0);
                    });
                })
                .catch((e: unknown) => {
                    log.warn(`shell in ${name}: ${e instanceof Error ? e.message : String(e)}`);
                    write.fire(`${vscode.l10n.t('Could not open a shell: {0}', describeError(classifyError(e)).message)}\r\n`);
                    write.fire(`${vscode.l10n.t('The container must be running and have /bin/sh.')}\r\n`);
                });
        },
        handleInput: (data) => session?.write(data),
        setDimensions: (d) => {
            size = { columns: d.columns, rows: d.rows };
            void session?.resize(d.columns, d.rows);
        },
        close: () => {
            closed = true;
            session?.close();
            write.dispose();
            close.dispose();
        },
    };
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Shell: {0}', name), pty, iconPath: new vscode.ThemeIcon('terminal') });
    terminal.show();
    return terminal;
}
