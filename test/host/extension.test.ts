/**
 * The extension in a real VS Code extension host (code-server here, desktop VS Code under
 * @vscode/test-electron): it loads, activates, registers its commands, and shows the private
 * engine's images.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi, extension, hasEngine, note, skipOrFail, waitFor } from './helpers';

interface ContributedCommand {
    command: string;
    title?: string;
}

suite('Docker Lessons in the extension host', () => {
    test('the extension is present and activates', async () => {
        const ext = extension();
        assert.strictEqual(ext.packageJSON.name, 'docker-lessons');
        const api = await activatedApi();
        assert.ok(ext.isActive, 'extension should be active');
        assert.strictEqual(typeof api.activationMs, 'number', 'exports.activationMs should be a number');
        assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs = ${api.activationMs}`);
        note(`activationMs=${api.activationMs}`);
    });

    test('every contributed command is registered', async () => {
        await activatedApi();
        const contributed: ContributedCommand[] = extension().packageJSON.contributes?.commands ?? [];
        assert.ok(contributed.length > 0, 'package.json contributes no commands');
        const registered = new Set(await vscode.commands.getCommands(true));
        const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
        assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    });

    test('the command bodies loaded later (dist/commands.js) are exactly the ids registered at activation', async () => {
        const api = await activatedApi();
        assert.strictEqual(api.checkCommandTable(), '');
    });

    test('the views show the private engine\'s hello-world image after a refresh', async function () {
        if (!hasEngine()) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to list.');
            return;
        }
        const api = await activatedApi();
        await vscode.commands.executeCommand('workbench.view.extension.dockerLessons');
        await vscode.commands.executeCommand('dockerLessons.refresh');
        await api.whenIdle();
        const images = await waitFor(
            `hello-world:latest in the Images view (engine: ${JSON.stringify(api.engineState())})`,
            () => {
                const s = api.snapshot();
                return s.images.some((i) => i.label === 'hello-world:latest') ? s.images : undefined;
            },
            15_000,
        );
        const state = api.engineState();
        assert.strictEqual(state.state, 'connected', `engine state: ${JSON.stringify(state)}`);
        note(`engine ${state.endpoint ?? '?'}: images ${images.map((i) => i.label).join(', ')}`);
    });
});
