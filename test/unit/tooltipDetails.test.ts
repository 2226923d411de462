/** Tree tooltips answer at once (src/tree/tooltipDetails.ts): details within the budget, else later. */
import * as assert from 'assert/strict';
import { TooltipDetails } from '../../src/tree/tooltipDetails';

const after = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe('tree tooltips: inspected details', () => {
    it('a fast inspect is in the first tooltip; the next hover asks nothing', async () => {
        const arrived: string[] = [];
        let calls = 0;
        const d = new TooltipDetails<string>((id) => arrived.push(id), 100);
        assert.equal(await d.get('a', 'running', () => (calls++, after(5, 'pid 42'))), 'pid 42');
        assert.equal(await d.get('a', 'running', () => (calls++, after(5, 'other'))), 'pid 42');
        assert.equal(calls, 1);
        assert.deepEqual(arrived, []);
    });

    it('a slow inspect does not hold the tooltip: it answers within the budget, then the row is refreshed', async () => {
        const arrived: string[] = [];
        const d = new TooltipDetails<string>((id) => arrived.push(id), 50);
        const t = Date.now();
        assert.equal(await d.get('a', 'running', () => after(300, 'pid 42')), undefined);
        assert.ok(Date.now() - t < 200, `answered in ${Date.now() - t} ms`);
        assert.ok(d.pending('a'));
        await after(350, undefined);
        assert.deepEqual(arrived, ['a']);
        assert.equal(await d.get('a', 'running', () => Promise.reject(new Error('not asked again'))), 'pid 42');
        assert.ok(!d.pending('a'));
    });

    it('a new row version asks again; a failed inspect leaves the list facts only', async () => {
        const d = new TooltipDetails<string>(() => undefined, 50);
        assert.equal(await d.get('a', 'running', () => after(1, 'pid 1')), 'pid 1');
        assert.equal(await d.get('a', 'exited', () => after(1, 'no pid')), 'no pid');
        assert.equal(await d.get('b', 'x', () => Promise.reject(new Error('gone'))), undefined);
        assert.ok(!d.pending('b'));
    });
});
