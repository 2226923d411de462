/** Entry of the lazily loaded Dockerfile bundle (`dist/dockerfile.js`): dockerfile-ast loads on first use. */
export { analyze, mapHistoryToSteps, stepAt, stepAtKeyword, substitute } from './analyze';
export type { Analysis, LineLayer, Position, Range, Stage, Step, StepKind } from './analyze';
export { BUILDKIT_NUMBERED, parseErrorLine, stepOfBuild } from './buildSteps';
export { KEYWORDS, keywordInfo } from './keywords';
export type { KeywordInfo } from './keywords';
