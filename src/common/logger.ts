import vscode = require('vscode');

/** One LogOutputChannel for the extension; each component logs with its own prefix. */
export class Logger {
    constructor(
        private readonly channel: vscode.LogOutputChannel,
        private readonly component?: string,
    ) {}

    static create(name: string): Logger {
        return new Logger(vscode.window.createOutputChannel(name, { log: true }));
    }

    child(component: string): Logger {
        return new Logger(this.channel, component);
    }

    private fmt(message: string): string {
        return this.component ? `[${this.component}] ${message}` : message;
    }

    trace(message: string): void {
        this.channel.trace(this.fmt(message));
    }
    debug(message: string): void {
        this.channel.debug(this.fmt(message));
    }
    info(message: string): void {
        this.channel.info(this.fmt(message));
    }
    warn(message: string): void {
        this.channel.warn(this.fmt(message));
    }
    error(message: string | Error): void {
        this.channel.error(typeof message === 'string' ? this.fmt(message) : message);
    }

    show(): void {
        this.channel.show(true);
    }

    dispose(): void {
        if (!this.component) {
            this.channel.dispose();
        }
    }
}
