// The action catalog: AWS's Service Authorization Reference as data, the checks that need it,
// and the policy summary the IAM console shows.
export { createCatalog, serviceFromFile } from './catalog.ts';
export { CATALOG_FINDING_CODES } from './codes.ts';
export type { CatalogFindingCode } from './codes.ts';
export { CATALOG_DATA } from './data-version.ts';
export { arnResourceTypes, lintPolicy, matchActions, policyFindings } from './lint.ts';
export { closest } from './suggest.ts';
export { ACCESS_LEVELS } from './types.ts';
export type * from './types.ts';
export { summarizePolicy } from './summary.ts';
export type {
  FullAccessSummary,
  LevelSummary,
  PolicySummary,
  ServiceSummary,
  WildcardSummary,
} from './summary.ts';
