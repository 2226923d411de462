/**
 * The activation shell (dist/extension.js) with the `vscode` stand-in: what it registers before the
 * rest loads, that the rest (dist/main.js) loads on first use, and what happens when it cannot load.
 */
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './helpers';

interface Stub {
    install(): void;
    extensionContext(p: string): { subscriptions: { dispose(): void }[] };
    recorded: { commands: Map<string, (...a: unknown[]) => unknown>; treeViews: Map<string, { provider: { getChildren(e?: unknown): unknown }; message?: string; setVisible(v: boolean): void }> };
    vscode: { window: { showErrorMessage: (m: string) => Promise<unknown> } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stub = require(path.join(REPO_ROOT, 'bench', 'vscode-stub.cjs')) as Stub;
stub.install();

/** A copy of the built shell beside a dist/main.js of our choosing, loaded fresh. */
function extensionWith(mainJs: string): { dir: string; ext: { activate(ctx: unknown): { engineState(): unknown } } } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-shell-'));
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.copyFileSync(path.join(REPO_ROOT, 'dist', 'extension.js'), path.join(dir, 'dist', 'extension.js'));
    fs.writeFileSync(path.join(dir, 'dist', 'main.js'), mainJs);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { dir, ext: require(path.join(dir, 'dist', 'extension.js')) };
}

describe('activation shell', function () {
    const errors: string[] = [];
    const show = stub.vscode.window.showErrorMessage;
    let ctx: ReturnType<Stub['extensionContext']> | undefined;
    beforeEach(() => {
        errors.length = 0;
        stub.vscode.window.showErrorMessage = async (m: string) => void errors.push(m);
    });
    afterEach(() => {
        ctx?.subscriptions.forEach((d) => d.dispose());
        ctx = undefined;
        stub.vscode.window.showErrorMessage = show;
    });

    it('registers every command and the three views without loading dist/main.js', () => {
        const { dir, ext } = extensionWith('globalThis.__dlMainLoads = (globalThis.__dlMainLoads ?? 0) + 1; exports.start = () => { throw new Error("not expected"); };');
        const g = globalThis as { __dlMainLoads?: number };
        g.__dlMainLoads = 0;
        ctx = stub.extensionContext(dir);
        ext.activate(ctx);
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
        for (const c of pkg.contributes.commands) {
            assert.ok(stub.recorded.commands.has(c.command), c.command);
        }
        assert.deepEqual([...stub.recorded.treeViews.keys()].sort(), ['dockerLessons.containers', 'dockerLessons.images', 'dockerLessons.lessons']);
        assert.equal(g.__dlMainLoads, 0);
    });

    it('a dist/main.js that fails is tried once: said once, views say why and stay empty, each command says it again', async () => {
        const { dir, ext } = extensionWith('exports.start = () => { globalThis.__dlMainLoads = (globalThis.__dlMainLoads ?? 0) + 1; throw new Error("broken on purpose"); };');
        const g = globalThis as { __dlMainLoads?: number };
        g.__dlMainLoads = 0;
        ctx = stub.extensionContext(dir);
        ext.activate(ctx);
        const view = stub.recorded.treeViews.get('dockerLessons.containers')!;
        view.setVisible(true); // the first use: the failure is said once
        assert.deepEqual(await view.provider.getChildren(), []);
        assert.match(view.message ?? '', /could not load its extension code \(broken on purpose\)/);
        assert.equal(errors.length, 1, errors.join('\n'));
        assert.deepEqual(await stub.recorded.treeViews.get('dockerLessons.images')!.provider.getChildren(), []);
        await stub.recorded.commands.get('dockerLessons.refresh')!();
        await stub.recorded.commands.get('dockerLessons.refresh')!();
        assert.equal(errors.length, 3, 'each command the user runs says why it did nothing');
        assert.equal(g.__dlMainLoads, 1, 'start() is tried once, never again (a second try would leave a second engine connection)');
    });
});
