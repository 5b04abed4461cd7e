// Action matching: the service prefix and the action name are case-insensitive, `*` and `?`
// are wildcards. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
import type { Located } from '../policy/types.ts';
import { compileGlob, matchGlob, type Glob } from '../policy/wildcard.ts';

// Parsed policies are immutable, so each value's compiled pattern is computed once.
const globs = new WeakMap<Located<string>, Glob>();

/** `requestAction` must already be lowercase (done once per request). */
export function actionMatches(pattern: Located<string>, requestAction: string): boolean {
  let glob = globs.get(pattern);
  if (glob === undefined) {
    glob = compileGlob(pattern.value.toLowerCase());
    globs.set(pattern, glob);
  }
  return matchGlob(glob, requestAction);
}
