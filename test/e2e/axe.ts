/**
 * axe-core inside one webview panel. `@axe-core/playwright`'s AxeBuilder analyses a whole Page —
 * here the VS Code workbench, whose own DOM is not ours to fix — so the same axe-core it ships is
 * injected into the panel's own frame (`#active-frame`, through the debugger protocol, which the
 * page's CSP does not stop) and run on that document alone.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import type { Frame } from 'playwright-core';

let source: string | undefined;

export interface AxeFinding {
    readonly id: string;
    readonly impact: string;
    readonly help: string;
    /** The first few offending elements (selector: summary). */
    readonly nodes: string[];
}

/** Every violation axe finds in the frame (WCAG 2.1 A/AA and best practices), all impacts. */
export async function axeViolations(frame: Frame): Promise<AxeFinding[]> {
    source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    if (!(await frame.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object'))) {
        await frame.evaluate(source);
    }
    return frame.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
        const r = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            resultTypes: ['violations'],
        });
        return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact ?? 'unknown',
            help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
        }));
    });
}

/** Fails with the list when axe finds a serious or critical violation; returns the milder ones. */
export async function expectNoSeriousViolations(frame: Frame, where: string): Promise<AxeFinding[]> {
    const all = await axeViolations(frame);
    const serious: AxeFinding[] = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.strictEqual(serious.length, 0, `${where}: axe found serious or critical violations:\n${JSON.stringify(serious, null, 2)}`);
    return all.filter((v) => !serious.includes(v));
}
