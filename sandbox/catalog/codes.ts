// The findings that need the action catalog, with their severities in Access Analyzer's
// categories (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html):
// "Error – Invalid service", "Error – Invalid action", "Error – Invalid service condition
// key", "General Warning – Type mismatch", "Security Warning – Pass role with star in
// resource". The reporter looks severities up here, so a code cannot be misspelt or drift.
import type { Severity } from '../policy/types.ts';

export const CATALOG_FINDING_CODES = {
  'unknown-service': 'error',
  'unknown-action': 'error',
  /** A wildcard such as `s3:Gett*` that names no action: the statement grants or denies nothing. */
  'wildcard-matches-no-action': 'error',
  'unknown-condition-key': 'error',
  /** The key exists, but no action of the statement sends it: the condition never matches as meant. */
  'unsupported-condition-key': 'warning',
  'operator-type-mismatch': 'warning',
  /** An ARN of a form none of the statement's actions takes (an object ARN on `s3:ListBucket`). */
  'resource-type-mismatch': 'warning',
  'pass-role-with-star': 'security-warning',
  /** `Allow` with `NotAction` grants every other action, in every service. */
  'allow-with-notaction': 'security-warning',
} as const satisfies Record<string, Severity>;

export type CatalogFindingCode = keyof typeof CATALOG_FINDING_CODES;
