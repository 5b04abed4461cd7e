export { authorize } from './authorize.ts';
export { wildcardMatch, compileGlob, matchGlob } from './wildcard.ts';
export type * from './types.ts';
