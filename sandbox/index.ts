// The simulator core's public entry. Each layer adds its own lines.
export * from './engine/index.ts';
export { explain } from './explain/index.ts';
export type { Lang } from './explain/index.ts';
export * from './eval-cases/index.ts';
