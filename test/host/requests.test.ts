/**
 * What the extension asks the engine for, counted at a proxy socket between the extension host and
 * the private engine: a change made outside (a terminal's `docker create/start/stop/rm`) reaches the
 * tree through the events stream and filtered one-container lists, never a full list, no ping or
 * version while connected. The endpoint setting points at the proxy for this suite and is put back.
 */
import * as assert from 'assert';
import type Dockerode from 'dockerode';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CountingProxy, isFullContainerList, startCountingProxy } from '../common/countingProxy';
import { dockerode, fullApi, FullApi, hasEngine, hoverText, isOurHover, note, skipOrFail, waitFor, workspaceUri } from './helpers';

suite('Requests at the engine (counted at a proxy socket)', () => {
    let api: FullApi;
    let docker: Dockerode;
    let proxy: CountingProxy | undefined;
    let previous: string | undefined;

    suiteSetup(async function () {
        if (!hasEngine()) {
            skipOrFail(this, 'DOCKER_HOST is not set, so there is no private Docker engine to count requests at.');
            return;
        }
        this.timeout(30_000);
        api = await fullApi();
        docker = dockerode();
        const target = process.env.DOCKER_HOST!.replace(/^unix:\/\//, '');
        proxy = await startCountingProxy(target, path.join(os.tmpdir(), `dl-host-proxy-${process.pid}.sock`));
        previous = vscode.workspace.getConfiguration('dockerLessons').inspect<string>('dockerHost')?.globalValue;
        await vscode.commands.executeCommand('workbench.view.extension.dockerLessons');
        await vscode.workspace.getConfiguration('dockerLessons').update('dockerHost', `unix://${proxy.socket}`, vscode.ConfigurationTarget.Global);
        await waitFor('connected through the proxy', () => api.engineState().state === 'connected' && api.engineState().endpoint === `unix://${proxy!.socket}` && api.snapshot().images.length > 0, 15_000);
        await api.whenIdle();
    });

    suiteTeardown(async function () {
        this.timeout(30_000);
        if (!docker) {
            return;
        }
        await vscode.workspace.getConfiguration('dockerLessons').update('dockerHost', previous, vscode.ConfigurationTarget.Global);
        await waitFor('connected to the engine again', () => api.engineState().state === 'connected' && api.engineState().endpoint !== `unix://${proxy?.socket}`, 15_000);
        await proxy?.close();
    });

    test('create, start, stop and remove from outside: filtered lists only, no full list, no ping', async function () {
        this.timeout(60_000);
        const counted = proxy!.mark();
        const name = `dl-host-requests-${Date.now()}`;
        const c = await docker.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '60'], name, Labels: { 'dockerLessons.hostTest': 'requests' } });
        try {
            await waitFor('created in the tree', () => api.snapshot().containers.some((x) => x.id === c.id), 5_000, 20);
            await c.start();
            await waitFor('running in the tree', () => api.snapshot().containers.find((x) => x.id === c.id)?.state === 'running', 5_000, 20);
            await c.stop({ t: 0 });
            await waitFor('exited in the tree', () => api.snapshot().containers.find((x) => x.id === c.id)?.state === 'exited', 5_000, 20);
            await c.remove();
            await waitFor('gone from the tree', () => !api.snapshot().containers.some((x) => x.id === c.id), 5_000, 20);
        } finally {
            await c.remove({ force: true }).catch(() => undefined);
        }
        const { requests, bytes } = counted();
        const lines = requests.map((r) => `${r.method} ${r.path}`);
        note(`requests for create/start/stop/rm from outside: ${requests.length} (${bytes} bytes from the engine): ${lines.join(' | ')}`);
        assert.strictEqual(requests.filter(isFullContainerList).length, 0, `no full container list: ${lines.join(' | ')}`);
        assert.ok(!lines.some((l) => /\/_ping|\/version/.test(l)), `no ping or version while connected: ${lines.join(' | ')}`);
        assert.ok(!lines.some((l) => /\/images\/json/.test(l)), `no image list for container changes: ${lines.join(' | ')}`);
        assert.ok(requests.length >= 1 && requests.every((r) => /containers\/json\?.*filters/.test(r.path)), `only filtered container lists: ${lines.join(' | ')}`);
        assert.ok(bytes < 40_000, `${bytes} bytes from the engine for four changes`);
    });

    test('a FROM hover with no Docker view visible asks for exactly that image, never a list', async function () {
        this.timeout(60_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        const uri = workspaceUri('Dockerfile');
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        const line = doc.getText().split(/\r?\n/).findIndex((l) => /^FROM\s+busybox/i.test(l.trim()));
        assert.ok(line >= 0, 'the sample Dockerfile starts FROM busybox');
        const image = new vscode.Position(line, doc.lineAt(line).text.indexOf('busybox') + 2);
        // let the stream stop now that nothing is visible
        await new Promise((r) => setTimeout(r, 300));
        const counted = proxy!.mark();
        const hover = async () => ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, image)) ?? []).filter(isOurHover).map(hoverText).join('\n');
        const t = performance.now();
        const first = await hover();
        const firstMs = performance.now() - t;
        const t2 = performance.now();
        const second = await hover();
        const secondMs = performance.now() - t2;
        const { requests } = counted();
        const lines = requests.map((r) => `${r.method} ${r.path}`);
        note(`FROM hover with no view visible: ${firstMs.toFixed(1)} ms, then ${secondMs.toFixed(1)} ms (cached); requests: ${lines.join(' | ') || 'none'}`);
        assert.ok(first.includes('busybox:latest is on your engine'), first);
        assert.ok(!first.includes('containers use it'), `without a live model the hover does not claim a container count: ${first}`);
        assert.strictEqual(second, first);
        assert.ok(!lines.some((l) => /\/(containers|images)\/json/.test(l)), `no list for a hover: ${lines.join(' | ')}`);
        assert.strictEqual(lines.filter((l) => /\/images\/busybox(:latest)?\/json/.test(l)).length, 1, `one look-up of busybox, reused by the second hover: ${lines.join(' | ')}`);
        await vscode.commands.executeCommand('workbench.view.extension.dockerLessons');
    });
});
