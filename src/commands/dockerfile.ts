import path = require('path');
import vscode = require('vscode');
import { DockerfileAnalyses } from '../dockerfile/analyses';
import { BuiltImages } from '../dockerfile/builtImages';
import { classifyError } from '../docker/errors';
import type { BuildEvent } from '../docker/types';
import { appendBounded } from '../lessons/live/demo';
import { DockerfilePanels } from '../panels/dockerfilePanel';
import { LessonPanels } from '../panels/lessonPanels';
import { isDockerfile } from '../panels/webviewHost';
import { refuseWhenUntrusted } from '../common/trust';
import { ExplorerDeps } from './actions';
import { parseLimits } from '../docker/cli';
import { createAndStart } from './images';
import { CommandIds, CommandSpec } from './registry';
import { reportError } from './reportError';

export interface DockerfileDeps extends ExplorerDeps {
    readonly analyses: DockerfileAnalyses;
    readonly built: BuiltImages;
    readonly diagnostics: vscode.DiagnosticCollection;
    readonly dockerfilePanels: () => DockerfilePanels;
    readonly lessons: LessonPanels;
}

function targetUri(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) {
        return arg;
    }
    const doc = vscode.window.activeTextEditor?.document;
    return doc && isDockerfile(doc) ? doc.uri : undefined;
}

const TAG_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;

/** Builds the image from a Dockerfile through the Engine API; a failing step becomes a diagnostic on its line. */
export async function buildDockerfile(deps: DockerfileDeps, uri: vscode.Uri, tagArg?: string): Promise<boolean> {
    // checked here, not only in `when` clauses: an untrusted workspace's files are never built
    if (refuseWhenUntrusted(deps.log, `build ${vscode.workspace.asRelativePath(uri)}`)) {
        return false;
    }
    const tag =
        tagArg ??
        (await vscode.window.showInputBox({
            title: vscode.l10n.t('Build an image from {0}', vscode.workspace.asRelativePath(uri)),
            prompt: vscode.l10n.t('The tag for the new image (docker build -t …).'),
            value: deps.built.tagFor(uri) ?? BuiltImages.suggest(uri),
            validateInput: (v) => (TAG_RE.test(v.trim()) ? undefined : vscode.l10n.t('Use lowercase name[:tag], e.g. myapp:dev.')),
        }));
    if (!tag) {
        return false;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.isDirty) {
        await doc.save();
    }
    const contextDir = path.dirname(uri.fsPath);
    const rel = path.basename(uri.fsPath);
    const cli = `docker build -t ${tag} -f ${rel} .`;
    deps.log.info(`${cli}    → POST /build?t=${tag}&dockerfile=${rel} (context: ${contextDir})`);
    deps.diagnostics.delete(uri);
    const panels = deps.dockerfilePanels();
    let log = `$ ${cli}\n`;
    panels.setBuildState(uri, { state: 'running', log });
    // a big file is parsed on the worker thread: wait for this version (the build waits anyway)
    const analysis = await deps.analyses.ready(doc);
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Building {0}', tag), cancellable: true },
        async (progress, token) => {
            const controller = new AbortController();
            token.onCancellationRequested(() => controller.abort());
            try {
                return await deps.engine.client().buildImage(
                    contextDir,
                    rel,
                    tag,
                    (e) => {
                        if (e.kind === 'builder') {
                            deps.log.info(`build of ${tag}: ${e.builder === 'buildkit' ? 'BuildKit (POST /build?version=2)' : 'legacy builder (POST /build?version=1)'}, ${e.reason}`);
                            log = appendBounded(log, builderLines(e).map((l) => `# ${l}\n`).join(''));
                        } else if (e.kind === 'step') {
                            const where = e.builder === 'buildkit' ? `[${e.stage ? `${e.stage} ` : ''}${e.step}/${e.total}]` : `${e.step}/${e.total}:`;
                            progress.report({
                                message: `${where} ${e.text}${e.cached ? ` (${vscode.l10n.t('cached')})` : ''}`,
                                increment: e.builder === 'legacy' ? 100 / Math.max(1, e.total) : undefined,
                            });
                        } else {
                            log = appendBounded(log, e.text);
                        }
                        panels.setBuildState(uri, { state: 'running', log });
                    },
                    controller.signal,
                );
            } catch (e) {
                return { ok: false as const, message: '', at: undefined, error: classifyError(e) };
            }
        },
    );
    await deps.refresh.settle();
    if (!result.ok && 'error' in result && result.error) {
        // not the Dockerfile's fault (no engine, cancelled…): no diagnostic on a line, the usual message instead
        const cancelled = result.error.kind === 'cancelled';
        panels.setBuildState(uri, { state: cancelled ? 'idle' : 'error', log, message: cancelled ? vscode.l10n.t('Cancelled.') : result.error.message });
        void reportError(deps.log, cli, result.error);
        return false;
    }
    if (result.ok) {
        await deps.built.remember(uri, tag);
        panels.setBuildState(uri, { state: 'done', log: log + `\n${vscode.l10n.t('Built {0}.', tag)}\n`, message: vscode.l10n.t('Built {0}.', tag) });
        void vscode.window.showInformationMessage(vscode.l10n.t('Built {0}. Hover a RUN, COPY, ADD or WORKDIR line to see the size of the layer it made.', tag));
        return true;
    }
    // the builder's step (legacy `Step n/N`, BuildKit `[stage n/N]`) back to its line; a parse error names its line
    const mod = deps.analyses.module();
    const failing = result.at ? mod.stepOfBuild(analysis, result.at) : undefined;
    const parseLine = failing ? undefined : mod.parseErrorLine(result.message);
    const line = failing?.range.start.line ?? (parseLine !== undefined && parseLine < doc.lineCount ? parseLine : 0);
    const range = failing
        ? new vscode.Range(failing.range.start.line, failing.range.start.character, failing.range.end.line, failing.range.end.character)
        : new vscode.Range(line, 0, line, Math.max(1, doc.lineAt(line).text.length));
    const known = !!failing || line > 0 || parseLine === 0;
    const diag = new vscode.Diagnostic(range, vscode.l10n.t('The build failed here: {0}', result.message), vscode.DiagnosticSeverity.Error);
    diag.source = 'Docker Lessons (docker build)';
    deps.diagnostics.set(uri, [diag]);
    panels.setBuildState(uri, { state: 'error', log: log + `\n${result.message}\n`, message: result.message, errorLine: known ? line : undefined });
    const where = result.at ? (result.at.builder === 'buildkit' ? `[${result.at.stage ? `${result.at.stage} ` : ''}${result.at.step}/${result.at.total}]` : `step ${result.at.step}`) : '?';
    deps.log.error(`build of ${tag} (${'builder' in result ? result.builder : '?'}) failed at ${where} (line ${line + 1}): ${result.message}`);
    const show = vscode.l10n.t('Go to Line');
    // not awaited: the command (and the panel's build button) finish now, the message stays
    void vscode.window.showErrorMessage(vscode.l10n.t('The build failed at line {0}: {1}', line + 1, result.message), show).then(async (pick) => {
        if (pick === show) {
            const editor = await vscode.window.showTextDocument(doc);
            editor.selection = new vscode.Selection(range.start, range.start);
            editor.revealRange(range);
        }
    });
    return false;
}

/** The build output's first lines: which builder ran, and why (as the CLI's choice would be explained). */
function builderLines(e: Extract<BuildEvent, { kind: 'builder' }>): string[] {
    const lines: string[] = [];
    if (e.builder === 'buildkit') {
        lines.push(
            e.reason === 'engine-default'
                ? vscode.l10n.t('Builder: BuildKit, the default builder of this engine.')
                : vscode.l10n.t('Builder: BuildKit (this engine supports it; it is what `docker build` uses since Engine 23).'),
        );
        if (e.networkNone) {
            lines.push(vscode.l10n.t('This engine has no default bridge network, so RUN steps run without a network (--network none).'));
        }
    } else {
        lines.push(
            e.reason === 'engine-default'
                ? vscode.l10n.t('Builder: the legacy builder, because this engine is set to use it (the "buildkit" feature is off in its daemon.json).')
                : e.reason === 'refused'
                  ? vscode.l10n.t('Builder: the legacy builder, because this engine refused a BuildKit build.')
                  : e.reason === 'requested'
                    ? vscode.l10n.t('Builder: the legacy builder (DOCKER_BUILDKIT=0).')
                    : vscode.l10n.t('Builder: the legacy builder, because this engine has no BuildKit (Podman, or Docker on Windows).'),
        );
    }
    return lines;
}

export function dockerfileCommands(deps: DockerfileDeps): CommandSpec[] {
    return [
        {
            id: CommandIds.dockerfileExplain,
            run: async (arg?: unknown) => {
                const uri = targetUri(arg);
                if (!uri) {
                    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Dockerfile first.'));
                    return;
                }
                deps.dockerfilePanels().show(uri);
            },
        },
        {
            id: CommandIds.dockerfileBuild,
            run: async (arg?: unknown, tag?: unknown) => {
                const uri = targetUri(arg);
                if (!uri) {
                    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Dockerfile first.'));
                    return;
                }
                return buildDockerfile(deps, uri, typeof tag === 'string' ? tag : undefined);
            },
        },
    ];
}

/** Marks containers started by "Run with Limits": the user's own, never removed by a lesson. */
export const RUN_WITH_LIMITS_LABEL = 'dockerLessons.runWithLimits';

/** "Run with limits" from the explain panel: start the built image with cgroup limits, then teach them. */
export async function runWithLimits(deps: DockerfileDeps, tag: string, limits: { memory?: string; cpus?: string; pids?: string }): Promise<void> {
    // the image was built from a workspace Dockerfile: workspace code, so Restricted Mode refuses it too
    if (refuseWhenUntrusted(deps.log, `run with limits ${tag}`)) {
        return;
    }
    const parsed = parseLimits(limits);
    const bad = [
        limits.memory && parsed.memoryBytes === undefined ? vscode.l10n.t('memory "{0}" (use a size like 64m or 1g)', limits.memory) : undefined,
        limits.cpus && parsed.nanoCpus === undefined ? vscode.l10n.t('CPUs "{0}" (use a number like 0.5)', limits.cpus) : undefined,
        limits.pids && parsed.pidsLimit === undefined ? vscode.l10n.t('processes "{0}" (use a whole number like 50)', limits.pids) : undefined,
    ].filter(Boolean);
    if (bad.length) {
        void vscode.window.showErrorMessage(vscode.l10n.t('These limits are not valid: {0}. Nothing was started.', bad.join(', ')));
        return;
    }
    const id = await createAndStart(deps, { image: tag, ...parsed, labels: { [RUN_WITH_LIMITS_LABEL]: 'true' } });
    if (id) {
        await deps.lessons.show('cgroups', id);
    }
}
