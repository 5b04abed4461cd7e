export { authorize } from './authorize.ts';
export { wildcardMatch, compileGlob, matchGlob } from '../policy/wildcard.ts';
export type * from './types.ts';
