import * as assert from 'assert/strict';
import { mapContainerDetails, mapStats } from '../../src/docker/mapping';
import { cpuBetween, runtimeOf } from '../../src/lessons/live/cgroups';

const sample = (read: string, totalNs: number) => mapStats({ read, cpu_stats: { cpu_usage: { total_usage: totalNs }, system_cpu_usage: 1, online_cpus: 2 }, precpu_stats: {}, memory_stats: {}, pids_stats: {} });

describe('the cgroups lesson: CPU between two stats samples', () => {
    it('is the CPU time used over the time between the samples: 2.5 s of CPU in 5 s is 50 % of one CPU', () => {
        const a = sample('2026-12-01T10:00:00.000000000Z', 10_000_000_000);
        const b = sample('2026-12-01T10:00:05.000000000Z', 12_500_000_000);
        assert.equal(a.cpuTotalNs, 10_000_000_000);
        assert.equal(cpuBetween(a, b, Date.parse(b.read) - Date.parse(a.read)), 50);
    });

    it('has no figure without an earlier sample, a time between them, or a counter that only grows', () => {
        const a = sample('2026-12-01T10:00:00Z', 10);
        const b = sample('2026-12-01T10:00:01Z', 5);
        assert.equal(cpuBetween(undefined, a, 1000), undefined);
        assert.equal(cpuBetween(a, a, 0), undefined);
        assert.equal(cpuBetween(a, b, 1000), undefined);
        assert.equal(cpuBetween(a, { ...b, cpuTotalNs: undefined }, 1000), undefined);
    });

    it('names the runtime the container was started with (HostConfig.Runtime), empty when the engine does not say', () => {
        assert.equal(mapContainerDetails({ Id: 'c1', Config: {}, State: {}, HostConfig: { Runtime: 'crun' } }).runtime, 'crun');
        assert.equal(mapContainerDetails({ Id: 'c2', Config: {}, State: {}, HostConfig: {} }).runtime, '');
        // the lesson names the container's own runtime, else the engine's default; Podman's "oci" names none
        assert.equal(runtimeOf('crun', 'runc'), 'crun');
        assert.equal(runtimeOf('', 'runc'), 'runc');
        assert.equal(runtimeOf('oci', 'crun'), 'crun');
    });
});
