/**
 * Where the endpoint comes from, as the Engine resolves it (setting → DOCKER_HOST → docker context →
 * platform default), and what makes it resolve again: the setting, Workspace Trust, and changes under
 * ~/.docker (`docker context use …`).
 */
import fs = require('fs');
import os = require('os');
import path = require('path');
import vscode = require('vscode');
import { EndpointInputs } from '../docker/endpoint';
import { Config } from './config';
import { Logger } from './logger';

function readFileOrUndefined(file: string): string | undefined {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}

function listDir(dir: string): string[] {
    try {
        return fs.readdirSync(dir);
    } catch {
        return [];
    }
}

export function endpointInputs(config: Config): () => EndpointInputs {
    return () => ({
        setting: config.dockerHost,
        env: process.env,
        platform: process.platform,
        homedir: os.homedir(),
        readFile: readFileOrUndefined,
        exists: fs.existsSync,
        listDir,
    });
}

/** Calls `restart` when the endpoint may have changed. */
export function followEndpointChanges(config: Config, restart: () => void, log: Logger): vscode.Disposable[] {
    const dockerDir = vscode.Uri.file(process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dockerDir, '{config.json,contexts/meta/**}'));
    const contextsChanged = () => {
        if (!config.dockerHost && !process.env.DOCKER_HOST) {
            log.info('docker contexts changed');
            restart();
        }
    };
    return [
        watcher,
        watcher.onDidChange(contextsChanged),
        watcher.onDidCreate(contextsChanged),
        watcher.onDidDelete(contextsChanged),
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (config.affectsEndpoint(e)) {
                log.info('Docker endpoint settings changed');
                restart();
            }
        }),
        vscode.workspace.onDidGrantWorkspaceTrust(() => restart()),
    ];
}
