/**
 * When the endpoint has no daemon, the extension must say so (state 'unreachable' with a classified
 * error), not stay 'connecting'. Uses the `dockerLessons.dockerHost` setting (user scope, in the test
 * host's throwaway user-data folder) and puts it back afterwards.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi, note, waitFor } from './helpers';

const MISSING_SOCKET = 'unix:///tmp/docker-lessons-no-such-daemon.sock';

suite('Docker Lessons without a reachable engine', () => {
    let previous: string | undefined;

    suiteSetup(() => {
        previous = vscode.workspace.getConfiguration('dockerLessons').inspect<string>('dockerHost')?.globalValue;
    });

    suiteTeardown(async () => {
        await vscode.workspace.getConfiguration('dockerLessons').update('dockerHost', previous, vscode.ConfigurationTarget.Global);
        const api = await activatedApi();
        await vscode.commands.executeCommand('dockerLessons.refresh');
        await api.whenIdle();
    });

    test('a missing socket makes the engine unreachable with a noSocket error', async () => {
        const api = await activatedApi();
        await vscode.commands.executeCommand('workbench.view.extension.dockerLessons');
        await vscode.workspace.getConfiguration('dockerLessons').update('dockerHost', MISSING_SOCKET, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('dockerLessons.refresh');
        await api.whenIdle();
        const state = await waitFor(
            `state 'unreachable' for ${MISSING_SOCKET}`,
            () => {
                const s = api.engineState();
                return s.state === 'unreachable' ? s : undefined;
            },
            10_000,
        ).catch((e: Error) => {
            throw new Error(`${e.message}; last state ${JSON.stringify(api.engineState())}`);
        });
        assert.strictEqual(state.error?.kind, 'noSocket', `error: ${JSON.stringify(state.error)}`);
        assert.deepStrictEqual(api.snapshot().images, [], 'no images may be listed while unreachable');
        note(`unreachable as expected: ${state.error?.kind}: ${state.error?.message}`);
    });
});
