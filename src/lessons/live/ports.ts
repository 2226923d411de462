/**
 * Lesson "ports" live: one small web server (busybox httpd) on a network of the lesson's own, first
 * without and then with `-p 127.0.0.1:HOST:80`, fetched from this editor's own process each time;
 * the container's own address; localhost inside the container.
 */
import { classifyError } from '../../docker/errors';
import type { ConclusionView, FactView, LiveView, StepView } from '../../protocol/panelProtocol';
import { bindingsOf, FetchOutcome, portsFindings, PortsResult } from './findings/ports';
import { DemoContext, ensureImage, LESSON_LABEL, since, updateStep, RunButtonDemo } from './demo';
import { fetchFromHost, fetchWithRetry, FetchResult, freeLoopbackPort, token } from './labKit';
import { PortsKey, PORTS_WORDS } from './portsWords';

const PORT = 80;

function insideCli(who: string, port: number): string {
    return `docker exec ${who} sh -c 'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 2 localhost ${port}'`;
}

/** What the HTTP request inside the container (`nc`) got back, as a fetch outcome. */
function askOutcome(r: { output: string; exitCode: number }, mark?: string): FetchOutcome {
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(r.output)?.[1];
    if (r.exitCode === 0 && status) {
        return { ok: Number(status) < 400, status: Number(status), ours: mark ? r.output.includes(mark) : undefined };
    }
    const line = r.output.trim().split('\n').pop() ?? '';
    return { ok: false, error: /refused/i.test(line) ? 'ECONNREFUSED' : line.slice(0, 120) || `exit ${r.exitCode}` };
}

function outcome(f: FetchResult, mark: string): FetchOutcome {
    return { ok: f.ok, status: f.status, error: f.error, ours: f.body?.includes(mark) };
}

export class PortsDemo extends RunButtonDemo<PortsKey> {
    readonly id = 'ports.publish' as const;

    constructor(ctx: DemoContext) {
        super(ctx, PORTS_WORDS, { intro: 'intro', run: 'run', again: 'runAgain' });
    }

    /** Public for tests: returns the final view. */
    async run(): Promise<LiveView> {
        const image = this.ctx.settings.shellImage;
        const mark = `docker-lessons-${token()}`;
        const net = `dl-lesson-ports-${token()}`;
        const hostPort = await freeLoopbackPort();
        const server = ['sh', '-c', `mkdir -p /www && echo "<p>${mark}</p>" > /www/index.html && exec httpd -f -p ${PORT} -h /www`];
        const serverCli = `${image} sh -c 'mkdir -p /www && echo … > /www/index.html && exec httpd -f -p ${PORT} -h /www'`;
        const url = `http://127.0.0.1:${hostPort}/`;
        const steps: StepView[] = [
            { n: 1, title: this.w('s1'), call: 'POST /networks/create', cli: `docker network create -d bridge ${net}`, state: 'pending' },
            { n: 2, title: this.w('s2'), call: 'POST /containers/create, POST /containers/{id}/start', cli: `docker run -d --network ${net} --expose ${PORT} ${serverCli}`, state: 'pending' },
            { n: 3, title: this.w('s3'), call: 'GET /containers/{id}/json, POST /containers/{id}/exec', cli: `docker port <first>; ${insideCli('<first>', PORT)}`, state: 'pending' },
            { n: 4, title: this.w('s4', url), call: this.w('hostCall'), cli: `curl ${url}`, state: 'pending' },
            { n: 5, title: this.w('s5'), call: 'POST /containers/create, POST /containers/{id}/start', cli: `docker run -d --network ${net} -p 127.0.0.1:${hostPort}:${PORT} ${serverCli}`, state: 'pending' },
            { n: 6, title: this.w('s6', url), call: `GET /containers/{id}/json; ${this.w('hostCall')}`, cli: `docker port <second>; curl ${url}`, state: 'pending' },
            { n: 7, title: this.w('s7'), call: `GET /containers/{id}/json; ${this.w('hostCall')}`, cli: `docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' <second>; curl http://<ip>:${PORT}/`, state: 'pending' },
            { n: 8, title: this.w('s8'), call: 'POST /containers/{id}/exec, POST /exec/{id}/start', cli: `${insideCli('<second>', PORT)}; ${insideCli('<second>', hostPort)}`, state: 'pending' },
            { n: 9, title: this.w('s9'), call: 'POST /containers/{id}/kill, DELETE /containers/{id}, DELETE /networks/{id}', cli: `docker rm -f <first> <second>; docker network rm ${net}`, state: 'pending' },
        ];
        const facts: FactView[] = [];
        let findings: ConclusionView | undefined;
        let message = this.w('intro');
        const view = (state: LiveView['state'], extra: Partial<LiveView> = {}) => this.frame(state, { message, steps, facts, findings }, extra);
        const ids: string[] = [];
        let netId: string | undefined;
        let current = 1;
        const begin = (n: number) => {
            current = n;
            updateStep(steps, n, { state: 'active' });
            this.ctx.emit(view('running'));
            return performance.now();
        };
        try {
            const client = this.ctx.client();
            const info = await client.info(this.ctx.signal);
            const local = client.endpoint.kind === 'unix' && !info.runsInVm;
            await ensureImage(client, image, this.ctx.signal);

            let t = begin(1);
            const network = await client.createNetwork(net, { [LESSON_LABEL]: 'ports' });
            netId = network.id;
            updateStep(steps, 1, { state: 'done', ms: since(t), detail: `${network.name} ${network.subnet ?? ''}`.trim() });
            facts.push({ label: this.w('fNetwork'), value: `${network.name} (${network.driver}${network.subnet ? `, ${network.subnet}` : ''})`, note: this.w('fNetworkNote') });

            t = begin(2);
            const first = await client.createContainer({ image, cmd: server, network: net, expose: [PORT], labels: { [LESSON_LABEL]: 'ports' } });
            ids.push(first);
            await client.startContainer(first);
            updateStep(steps, 2, { state: 'done', ms: since(t), detail: first.slice(0, 12) });

            t = begin(3);
            const firstRaw = (await client.inspectContainer(first)).raw as { Config?: { ExposedPorts?: object }; NetworkSettings?: { Ports?: unknown } };
            const exposed = Object.keys(firstRaw.Config?.ExposedPorts ?? {});
            const unpublished = bindingsOf(firstRaw.NetworkSettings?.Ports, `${PORT}/tcp`);
            const firstInside = await this.askUntilUp(first, mark);
            updateStep(steps, 3, { state: 'done', ms: since(t), detail: `${exposed.join(', ') || '—'} → ${unpublished.join(', ') || this.w('noBinding')}` });
            facts.push({ label: this.w('fExposed'), value: exposed.join(', ') || '—', note: this.w('fExposedNote') });
            facts.push({ label: this.w('fFirstPorts'), value: unpublished.join(', ') || this.w('noBinding'), ok: unpublished.length === 0 });
            facts.push({ label: this.w('fFirstInside'), value: firstInside.ok ? this.w('answered') : firstInside.error ?? '—', ok: firstInside.ok, note: this.w('fFirstInsideNote') });

            t = begin(4);
            const without = await fetchFromHost(url, 2000);
            updateStep(steps, 4, { state: 'done', ms: since(t), detail: without.status !== undefined ? `HTTP ${without.status}` : without.error });
            facts.push({ label: this.w('fWithout', url), value: without.status !== undefined ? `HTTP ${without.status}` : this.w('noAnswer', without.error ?? '—'), ok: without.status === undefined });

            t = begin(5);
            const second = await client.createContainer({ image, cmd: server, network: net, publish: [{ containerPort: PORT, hostPort, hostIp: '127.0.0.1' }], labels: { [LESSON_LABEL]: 'ports' } });
            ids.push(second);
            await client.startContainer(second);
            updateStep(steps, 5, { state: 'done', ms: since(t), detail: second.slice(0, 12) });

            t = begin(6);
            const secondRaw = (await client.inspectContainer(second)).raw as { NetworkSettings?: { Ports?: unknown; Networks?: Record<string, { IPAddress?: string }> } };
            const published = bindingsOf(secondRaw.NetworkSettings?.Ports, `${PORT}/tcp`);
            const withP = await fetchWithRetry(url, 3000);
            updateStep(steps, 6, { state: withP.ok ? 'done' : 'error', ms: since(t), detail: withP.status !== undefined ? `HTTP ${withP.status}` : withP.error });
            facts.push({ label: this.w('fSecondPorts'), value: published.join(', ') || this.w('noBinding'), ok: published.includes(`127.0.0.1:${hostPort}`) });
            facts.push({ label: this.w('fWith', url), value: withP.status !== undefined ? `HTTP ${withP.status}, ${withP.ms} ms` : this.w('noAnswer', withP.error ?? '—'), ok: withP.ok && !!withP.body?.includes(mark), note: this.w('fWithNote') });

            t = begin(7);
            const ip = secondRaw.NetworkSettings?.Networks?.[net]?.IPAddress || undefined;
            const byIp = ip ? await fetchFromHost(`http://${ip}:${PORT}/`, 1500) : undefined;
            updateStep(steps, 7, { state: 'done', ms: since(t), detail: ip ?? '—' });
            facts.push({ label: this.w('fIp', net), value: ip ?? '—', note: byIp ? (byIp.ok ? this.w('fIpReached') : this.w('fIpNotReached', byIp.error ?? '—')) : undefined });

            t = begin(8);
            const insideOwn = await this.askUntilUp(second, mark);
            const insideHost = askOutcome(await this.askInside(second, hostPort));
            updateStep(steps, 8, { state: 'done', ms: since(t) });
            facts.push({ label: this.w('fInside', `localhost:${PORT}`), value: insideOwn.ok ? this.w('answered') : insideOwn.error ?? '—', ok: insideOwn.ok });
            facts.push({ label: this.w('fInside', `localhost:${hostPort}`), value: insideHost.ok ? this.w('answered') : insideHost.error ?? '—', ok: !insideHost.ok, note: this.w('fInsideNote') });

            const result: PortsResult = {
                hostPort,
                containerPort: PORT,
                exposed,
                unpublishedBindings: unpublished,
                withoutP: outcome(without, mark),
                publishedBindings: published,
                withP: outcome(withP, mark),
                network: net,
                ip,
                subnet: network.subnet,
                byIp: byIp && outcome(byIp, mark),
                insideOwn,
                insideHostPort: insideHost,
                local,
            };
            findings = portsFindings(result, this.ctx.locale);
        } catch (e) {
            const err = classifyError(e);
            updateStep(steps, current, { state: 'error', detail: err.message });
            const d = this.ctx.describe(err);
            message = d.message;
            await this.cleanUp(ids, netId, steps);
            const final = view('error', { next: d.next });
            if (!this.ctx.signal.aborted) {
                this.ctx.emit(final);
            }
            return final;
        }
        await this.cleanUp(ids, netId, steps);
        const final = view('done');
        this.ctx.emit(final);
        return final;
    }

    /** httpd needs a moment after the start: asks its own port for up to 3 s. */
    private async askUntilUp(id: string, mark: string): Promise<FetchOutcome> {
        const end = performance.now() + 3000;
        for (;;) {
            const r = askOutcome(await this.askInside(id, PORT), mark);
            if (r.ok || performance.now() > end) {
                return r;
            }
            await new Promise((res) => setTimeout(res, 150));
        }
    }

    /** A plain HTTP request with `nc` (busybox's static wget can crash resolving names; nc does not). */
    private askInside(id: string, port: number) {
        this.ctx.log(`${insideCli(id.slice(0, 12), port)}    → POST /containers/{id}/exec`);
        return this.ctx.client().execCapture(id, ['sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 localhost ${port}`]);
    }

    /** The lesson's containers and network go, whatever happened (`docker rm -f`, `docker network rm`). */
    private async cleanUp(ids: readonly string[], netId: string | undefined, steps: StepView[]): Promise<void> {
        const t = performance.now();
        updateStep(steps, 9, { state: 'active' });
        try {
            const client = this.ctx.client();
            for (const id of ids) {
                await client.killContainer(id).catch(() => undefined);
                await client.removeContainer(id);
            }
            if (netId) {
                await client.removeNetwork(netId);
            }
            updateStep(steps, 9, { state: 'done', ms: since(t), detail: this.w('cleaned') });
        } catch (e) {
            updateStep(steps, 9, { state: 'error', detail: classifyError(e).message });
        }
    }
}
