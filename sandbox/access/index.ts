// The access map: who can reach which role and bucket, by which chain, and what it takes.
export { computeAccessMap, targetKey } from './map.ts';
export { createAccessCache } from './model.ts';
export { scenarioIdentities } from './identities.ts';
export { routeAttempt } from './replay.ts';
export type { AccessCache } from './model.ts';
export { diffAccessMaps } from './diff.ts';
export type { AccessChange, ChangeKind } from './diff.ts';
export { findPaths, findSubject } from './paths.ts';
export type { FoundPath, PathsQuery, PathsResult, StoppedPath } from './paths.ts';
export {
  gateName,
  hopText,
  pathsHeading,
  renderMap,
  renderPaths,
  routeText,
  stopText,
  targetShort,
} from './render.ts';
export {
  BUCKET_ACTION_ORDER,
  requirementText,
  subjectName,
  targetPhrase,
  withPhrase,
} from './words.ts';
export type { Lang } from './words.ts';
export type * from './types.ts';
