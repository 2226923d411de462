/**
 * dockerode's connection options for a resolved endpoint (unix/npipe socket, tcp with or without
 * TLS, ssh). No `vscode` import.
 */
import Dockerode from 'dockerode';
import * as fs from 'fs';
import * as path from 'path';
import { DockerEndpoint } from './types';

function readIfExists(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch {
        return undefined;
    }
}

export function dockerodeOptions(endpoint: DockerEndpoint): Dockerode.DockerOptions {
    switch (endpoint.kind) {
        case 'unix':
        case 'npipe':
            return { socketPath: endpoint.socketPath };
        case 'ssh':
            return { protocol: 'ssh', host: endpoint.host, port: endpoint.port, username: endpoint.username };
        case 'tcp': {
            if (!endpoint.tls) {
                return { protocol: 'http', host: endpoint.host, port: endpoint.port };
            }
            const dir = endpoint.tls.certPath;
            const opts: Dockerode.DockerOptions = { protocol: 'https', host: endpoint.host, port: endpoint.port };
            if (dir) {
                opts.ca = readIfExists(path.join(dir, 'ca.pem'));
                opts.cert = readIfExists(path.join(dir, 'cert.pem'));
                opts.key = readIfExists(path.join(dir, 'key.pem'));
            }
            // docker-modem passes unknown options through to https.request
            (opts as { rejectUnauthorized?: boolean }).rejectUnauthorized = endpoint.tls.verify;
            return opts;
        }
    }
}
