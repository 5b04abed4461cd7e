// The editor's door into the policy parser. Runs and goals go through the controller, which
// calls the scenario runner that `iamlab run` and `iamlab check` use.
import { parsePolicy, type ParseOptions } from '../../sandbox/policy/index.ts';
import type { Finding, ParsedPolicy } from '../../sandbox/policy/types.ts';

/**
 * The findings the editor shows for a document: parsed with the options the engine uses for
 * it (`documentPolicyOptions(world, docId)`: kind, third parties, size quota), so the editor
 * warns about what the engine sees, the third-party trust without `sts:ExternalId` included.
 */
export function findingsFor(text: string, options: ParseOptions): readonly Finding[] {
  return parseFor(text, options).findings;
}

/** The document parsed as the engine parses it: its findings, and what the editor lints. */
export function parseFor(text: string, options: ParseOptions): ParsedPolicy {
  return parsePolicy(text, options);
}
