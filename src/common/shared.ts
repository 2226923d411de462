/**
 * State that must be one, although some modules are bundled twice: the command bodies
 * (dist/commands.js) carry their own copies of the modules they share with dist/extension.js.
 * A value kept here lives on the global object under a registered symbol, so both copies see it.
 * No `vscode` import.
 */
export function shared<T>(key: string, make: () => T): T {
    const holder = globalThis as unknown as Record<symbol, T | undefined>;
    const sym = Symbol.for(`dockerLessons.${key}`);
    return (holder[sym] ??= make());
}
