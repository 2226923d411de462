/**
 * Which group owns a unix socket: for EACCES, "add yourself to `docker`" is wrong advice when the
 * socket belongs to another group (a distribution's own group, or root only). No `vscode` import.
 */
import fs = require('fs');

/** The group name for a gid from an /etc/group text; the number as text when it is not listed. */
export function groupName(gid: number, groupFile: string): string {
    for (const line of groupFile.split('\n')) {
        const [name, , id] = line.split(':');
        if (name && Number(id) === gid && id !== '') {
            return name;
        }
    }
    return String(gid);
}

/** The owning group of the socket at `socketPath`, or undefined when it cannot be read. */
export function socketGroup(socketPath: string, groupFile = '/etc/group'): string | undefined {
    try {
        const { gid } = fs.statSync(socketPath);
        let text = '';
        try {
            text = fs.readFileSync(groupFile, 'utf8');
        } catch {
            // no group file: the number still says something
        }
        return groupName(gid, text);
    } catch {
        return undefined;
    }
}
