/**
 * The other engines the README promises, for real, on loopback (issue #12):
 *  - dockerd over TLS: the private dockerd (scripts/engine.mjs) also listens on tcp://127.0.0.1:PORT
 *    with --tlsverify and a throwaway CA made with openssl at test time (`makePki`, `tlsDockerdArgs`);
 *  - dockerd over SSH: Debian's sshd on a loopback port, a throwaway host key and an authorized client
 *    key whose DOCKER_HOST is the private dockerd, reached with `docker system dial-stdio` (`startSshd`);
 *    an ssh-agent holds the client key (`startAgent`);
 *  - Podman 4.3: `podman system service` on a unix socket in a temporary folder (`startPodman`), its
 *    images pulled through the private registry (the same mirror the private dockerd uses).
 * Every process is started here and stopped by its pid. Needs root and Debian's openssl,
 * openssh-server, openssh-client and podman.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function run(cmd, args, opts = {}) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
    if (r.status !== 0) {
        throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.error?.message || ''}`);
    }
    return r.stdout;
}

function which(name) {
    for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/bin']) {
        if (fs.existsSync(path.join(dir, name))) {
            return path.join(dir, name);
        }
    }
    return undefined;
}

/** What the engines layer needs that is missing, as Debian package names. */
export function missingTools() {
    const need = [['openssl', 'openssl'], ['sshd', 'openssh-server'], ['ssh-keygen', 'openssh-client'], ['ssh-agent', 'openssh-client'], ['podman', 'podman']];
    return need.filter(([bin]) => !which(bin)).map(([bin, pkg]) => `${bin} (Debian package ${pkg})`);
}

export async function freePort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.once('error', reject);
        s.listen({ host: '127.0.0.1', port: 0 }, () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
    });
}

async function waitUntil(what, fn, ms, child) {
    const deadline = Date.now() + ms;
    for (;;) {
        if (child && (child.exitCode !== null || child.signalCode !== null)) {
            throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode})`);
        }
        if (await fn().catch(() => false)) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what} within ${ms / 1000} s`);
        }
        await sleep(50);
    }
}

function spawnLogged(argv, logFile, env = process.env) {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', out, out], env });
    fs.closeSync(out);
    child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return child;
}

/** SIGTERM by pid, then SIGKILL after `ms`. */
export async function stopChild(child, ms = 5000) {
    if (!child || child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    try {
        process.kill(child.pid, 'SIGTERM');
    } catch {
        return;
    }
    const done = await Promise.race([child.exited.then(() => true), sleep(ms).then(() => false)]);
    if (!done) {
        try {
            process.kill(child.pid, 'SIGKILL');
        } catch {
            // gone
        }
        await child.exited;
    }
}

// ---------------------------------------------------------------- TLS

/**
 * A throwaway PKI in `dir`: a CA, the server's certificate for 127.0.0.1, and client folders in the
 * docker CLI's DOCKER_CERT_PATH layout (ca.pem, cert.pem, key.pem):
 *   client/        the good client
 *   wrongca/       a CA that did not sign the server's certificate (+ the good client cert)
 *   nocert/        only ca.pem (no client certificate)
 *   strangercert/  a client certificate signed by another CA (the engine refuses it)
 *   expired/       a client whose server presents an expired certificate (see expiredServer)
 * and a server certificate for another name (engine.example.invalid, not the 127.0.0.1 the client dials).
 * EC P-256 keys: milliseconds each.
 */
export function makePki(dir) {
    fs.mkdirSync(dir, { recursive: true });
    const f = (n) => path.join(dir, n);
    const key = (file) => run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file]);
    const ca = (name) => {
        key(f(`${name}-key.pem`));
        run('openssl', ['req', '-x509', '-new', '-key', f(`${name}-key.pem`), '-subj', `/CN=${name}`, '-days', '2', '-out', f(`${name}.pem`)]);
    };
    ca('ca');
    ca('otherca');
    const sign = (name, cn, ext, { caName = 'ca', days = 2, expired = false } = {}) => {
        key(f(`${name}-key.pem`));
        run('openssl', ['req', '-new', '-key', f(`${name}-key.pem`), '-subj', `/CN=${cn}`, '-out', f(`${name}.csr`)]);
        fs.writeFileSync(f(`${name}.ext`), ext);
        if (!expired) {
            run('openssl', ['x509', '-req', '-in', f(`${name}.csr`), '-CA', f(`${caName}.pem`), '-CAkey', f(`${caName}-key.pem`), '-CAcreateserial', '-days', String(days), '-extfile', f(`${name}.ext`), '-out', f(`${name}.pem`)]);
            return;
        }
        // `openssl ca` can set both dates in the past; `x509 -req` cannot
        const caDir = f(`${name}-ca`);
        fs.mkdirSync(caDir, { recursive: true });
        fs.writeFileSync(path.join(caDir, 'index.txt'), '');
        fs.writeFileSync(path.join(caDir, 'serial'), '1000\n');
        fs.writeFileSync(
            path.join(caDir, 'ca.cnf'),
            ['[ca]', 'default_ca = d', '[d]', `dir = ${caDir}`, 'database = $dir/index.txt', 'new_certs_dir = $dir', 'serial = $dir/serial', 'default_md = sha256', 'policy = p', 'copy_extensions = none', '[p]', 'commonName = supplied', ''].join('\n'),
        );
        run('openssl', ['ca', '-batch', '-config', path.join(caDir, 'ca.cnf'), '-cert', f(`${caName}.pem`), '-keyfile', f(`${caName}-key.pem`), '-in', f(`${name}.csr`), '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-extfile', f(`${name}.ext`), '-out', f(`${name}.pem`), '-notext']);
    };
    const serverExt = 'subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n';
    sign('server', '127.0.0.1', serverExt);
    sign('expired-server', '127.0.0.1', serverExt, { expired: true });
    sign('wrongname-server', 'engine.example.invalid', 'subjectAltName = DNS:engine.example.invalid\nextendedKeyUsage = serverAuth\n');
    sign('cert', 'dl-client', 'extendedKeyUsage = clientAuth\n');
    sign('stranger-cert', 'dl-stranger', 'extendedKeyUsage = clientAuth\n', { caName: 'otherca' });
    const client = (name, files) => {
        const d = f(name);
        fs.mkdirSync(d, { recursive: true });
        for (const [to, from] of Object.entries(files)) {
            fs.copyFileSync(f(from), path.join(d, to));
        }
        return d;
    };
    return {
        dir,
        ca: f('ca.pem'),
        serverCert: f('server.pem'),
        serverKey: f('server-key.pem'),
        expiredServerCert: f('expired-server.pem'),
        expiredServerKey: f('expired-server-key.pem'),
        wrongNameServerCert: f('wrongname-server.pem'),
        wrongNameServerKey: f('wrongname-server-key.pem'),
        client: client('client', { 'ca.pem': 'ca.pem', 'cert.pem': 'cert.pem', 'key.pem': 'cert-key.pem' }),
        wrongCa: client('wrongca', { 'ca.pem': 'otherca.pem', 'cert.pem': 'cert.pem', 'key.pem': 'cert-key.pem' }),
        noCert: client('nocert', { 'ca.pem': 'ca.pem' }),
        strangerCert: client('strangercert', { 'ca.pem': 'ca.pem', 'cert.pem': 'stranger-cert.pem', 'key.pem': 'stranger-cert-key.pem' }),
    };
}

export function tlsDockerdArgs(pki, port) {
    return ['--host', `tcp://127.0.0.1:${port}`, '--tlsverify', '--tlscacert', pki.ca, '--tlscert', pki.serverCert, '--tlskey', pki.serverKey];
}

/**
 * A TLS front on 127.0.0.1:PORT for the engine on a unix socket: presents `cert`/`key`, requires a
 * client certificate signed by `ca`, and pipes each connection to `socketPath`. Stopped with stop().
 */
export async function tlsFront({ cert, key, ca }, socketPath) {
    const server = tls.createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(ca), requestCert: true, rejectUnauthorized: true }, (s) => {
        const up = net.connect(socketPath);
        s.pipe(up).pipe(s);
        s.on('error', () => up.destroy());
        up.on('error', () => s.destroy());
    });
    server.on('tlsClientError', () => undefined);
    const port = await freePort();
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

// ---------------------------------------------------------------- SSH

/** An ssh-agent on a socket in `dir` (foreground, stopped by pid), holding `keys`. */
export async function startAgent(dir, name, keys) {
    const sock = path.join(dir, `${name}.sock`);
    const child = spawnLogged(['ssh-agent', '-D', '-a', sock], path.join(dir, `${name}.log`));
    await waitUntil(`ssh-agent did not create ${sock}`, async () => fs.existsSync(sock), 5000, child);
    for (const k of keys) {
        run('ssh-add', ['-q', k], { env: { ...process.env, SSH_AUTH_SOCK: sock } });
    }
    return { sock, child, stop: () => stopChild(child) };
}

/**
 * sshd on 127.0.0.1:PORT with a throwaway host key. The authorized client key logs in as root with
 * DOCKER_HOST set to `dockerHost` and Debian's docker CLI first on PATH (the "remote" side's CLI).
 * Also writes a second key that the server does not know (for "key refused"), and a known_hosts.
 */
export async function startSshd(dir, dockerHost) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const f = (n) => path.join(dir, n);
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dl-host', '-f', f('host_key')]);
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dl-client', '-f', f('id_ed25519')]);
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dl-stranger', '-f', f('stranger')]);
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dl-other-host', '-f', f('other_host_key')]);
    const pub = fs.readFileSync(f('id_ed25519.pub'), 'utf8').trim();
    fs.writeFileSync(f('authorized_keys'), `environment="DOCKER_HOST=${dockerHost}",environment="PATH=/usr/bin:/bin:/usr/sbin:/sbin" ${pub}\n`, { mode: 0o600 });
    const port = await freePort();
    fs.writeFileSync(
        f('sshd_config'),
        [
            `Port ${port}`,
            'ListenAddress 127.0.0.1',
            `HostKey ${f('host_key')}`,
            `PidFile ${f('sshd.pid')}`,
            `AuthorizedKeysFile ${f('authorized_keys')}`,
            'PermitRootLogin prohibit-password',
            'PubkeyAuthentication yes',
            'PasswordAuthentication no',
            'KbdInteractiveAuthentication no',
            'PermitUserEnvironment yes',
            'StrictModes no',
            'UsePAM no',
            'X11Forwarding no',
            'PrintMotd no',
            'LogLevel VERBOSE',
            '',
        ].join('\n'),
    );
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const child = spawnLogged([which('sshd'), '-D', '-e', '-f', f('sshd_config')], f('sshd.log'));
    await waitUntil(
        `sshd did not listen on 127.0.0.1:${port}`,
        () =>
            new Promise((resolve) => {
                const s = net.connect({ host: '127.0.0.1', port }, () => {
                    s.destroy();
                    resolve(true);
                });
                s.on('error', () => resolve(false));
            }),
        5000,
        child,
    );
    const hostPub = fs.readFileSync(f('host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
    const otherPub = fs.readFileSync(f('other_host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
    // known_hosts files as ssh writes them: hashed (Debian's default) and plain, and one with a changed key
    const home = f('home');
    fs.mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${port} ${hostPub}\n`);
    fs.writeFileSync(f('known_hosts_changed'), `[127.0.0.1]:${port} ${otherPub}\n`);
    fs.writeFileSync(f('known_hosts_empty'), '');
    return {
        port,
        url: `ssh://root@127.0.0.1:${port}`,
        home,
        clientKey: f('id_ed25519'),
        strangerKey: f('stranger'),
        knownHosts: path.join(home, '.ssh', 'known_hosts'),
        knownHostsChanged: f('known_hosts_changed'),
        knownHostsEmpty: f('known_hosts_empty'),
        log: f('sshd.log'),
        child,
        stop: () => stopChild(child),
    };
}

// ---------------------------------------------------------------- Podman

function unixGet(socketPath, p) {
    return new Promise((resolve, reject) => {
        const req = http.request({ socketPath, path: p, timeout: 2000 }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode, body }));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end();
    });
}

/**
 * Podman's Docker-compatible service on `unix://DIR/podman.sock`, its storage in DIR. Short names
 * resolve to docker.io, mirrored by `registry` (the private engine's), so `hello-world` and `busybox`
 * are pulled as on Docker.
 */
export async function startPodman(dir, registry) {
    fs.mkdirSync(dir, { recursive: true });
    const f = (n) => path.join(dir, n);
    fs.writeFileSync(
        f('containers.conf'),
        ['[containers]', 'default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]', 'netns = "none"', '[engine]', 'cgroup_manager = "cgroupfs"', 'events_logger = "file"', `events_logfile_path = "${f('events.log')}"`, ''].join('\n'),
    );
    fs.writeFileSync(
        f('registries.conf'),
        ['unqualified-search-registries = ["docker.io"]', 'short-name-mode = "permissive"', '[[registry]]', 'prefix = "docker.io"', 'location = "docker.io"', '[[registry.mirror]]', `location = "${registry}"`, 'insecure = true', ''].join('\n'),
    );
    const sock = f('podman.sock');
    const env = { ...process.env, CONTAINERS_CONF: f('containers.conf'), CONTAINERS_REGISTRIES_CONF: f('registries.conf'), TMPDIR: dir };
    const child = spawnLogged([which('podman'), '--root', f('root'), '--runroot', f('run'), '--tmpdir', f('tmp'), 'system', 'service', '--time=0', `unix://${sock}`], f('podman.log'), env);
    await waitUntil(`podman did not answer /_ping on ${sock}`, async () => (await unixGet(sock, '/_ping')).body === 'OK', 20_000, child);
    return {
        sock,
        dockerHost: `unix://${sock}`,
        log: f('podman.log'),
        child,
        stop: async () => {
            // its containers' conmon processes are its children in the same session: stop them through the API first
            try {
                const list = JSON.parse((await unixGet(sock, '/v1.41/containers/json?all=1')).body);
                for (const c of list) {
                    await new Promise((resolve) => {
                        const req = http.request({ socketPath: sock, method: 'DELETE', path: `/v1.41/containers/${c.Id}?force=1`, timeout: 10_000 }, (res) => {
                            res.resume();
                            res.on('end', resolve);
                        });
                        req.on('error', resolve);
                        req.on('timeout', () => req.destroy());
                        req.end();
                    });
                }
            } catch {
                // the service is gone already
            }
            await stopChild(child, 10_000);
            // conmon of an exec session lives on for 300 s (--exit-delay) after it ends: stop the ones
            // this service started, found by its own temporary folder in their command line, by pid
            for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
                try {
                    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
                    if (cmd.startsWith('/usr/bin/conmon') && cmd.includes(`${dir}/`)) {
                        process.kill(Number(pid), 'SIGKILL');
                    }
                } catch {
                    // gone already
                }
            }
            // podman leaves overlay mounts of its storage behind
            for (const line of fs.readFileSync('/proc/self/mounts', 'utf8').split('\n').reverse()) {
                const mnt = line.split(' ')[1];
                if (mnt && mnt.startsWith(dir + '/')) {
                    spawnSync('umount', ['-l', mnt]);
                }
            }
        },
    };
}
