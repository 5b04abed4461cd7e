// The simulator core's public entry. Each layer adds its own lines.
export * from './engine/index.ts';
export { callLines, decidingRanges, explain, explainCall, stepCounter } from './explain/index.ts';
export type { CallExplanation, ExplainedStep, Lang } from './explain/index.ts';
export * from './eval-cases/index.ts';
export * from './world/index.ts';
export * from './clock/index.ts';
export * from './sts/index.ts';
export * from './scenario/index.ts';
export * from './machines/index.ts';
