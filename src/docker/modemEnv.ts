/**
 * docker-modem fills every option we leave unset from the environment (`DOCKER_HOST`,
 * `DOCKER_TLS_VERIFY`, `DOCKER_CERT_PATH`, `DOCKER_CLIENT_TIMEOUT`, `DOCKER_PATH_PREFIX`), and throws
 * on a `DOCKER_HOST` it cannot read, even when we pass a socket path. The endpoint the extension
 * resolved (setting → `DOCKER_HOST` → context → default) is the user's choice, so the client is built
 * with those variables hidden. `SSH_AUTH_SOCK` stays: an `ssh://` endpoint uses the user's agent.
 * No `vscode` import.
 */
export const MODEM_ENV = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'] as const;

/** Runs `make` (synchronously) with the variables docker-modem reads removed, then puts them back. */
export function withoutModemEnv<T>(make: () => T, env: NodeJS.ProcessEnv = process.env): T {
    const saved = new Map<string, string>();
    for (const name of MODEM_ENV) {
        const value = env[name];
        if (value !== undefined) {
            saved.set(name, value);
            delete env[name];
        }
    }
    try {
        return make();
    } finally {
        for (const [name, value] of saved) {
            env[name] = value;
        }
    }
}
