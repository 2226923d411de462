/**
 * Entry of `dist/commands.js`: the command bodies that activation does not need (src/commands/lazyTable.ts
 * lists their ids). Everything they share with the main bundle is stateless or passed in (deps).
 */
export { containerCommands } from './containers';
export { imageCommands } from './images';
export { endpointCommands } from './endpoint';
export { buildDockerfile, dockerfileCommands, runWithLimits } from './dockerfile';
