// Action matching: the service prefix and the action name are case-insensitive, `*` and `?`
// are wildcards. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
import type { Located } from '../policy/types.ts';
import { compileGlob, matchGlob, type Glob } from '../policy/wildcard.ts';

// Compiled patterns by the text as written: policies name the same few dozen actions
// (`s3:GetObject`, `sts:Assume*`) again and again, so a hit costs no lower-casing. Keyed by
// text rather than by the parsed value, since a fresh policy's values are seen once.
// Bounded, like compileGlob's own cache.
const byText = new Map<string, Glob>();
const MAX_PATTERNS = 4096;

/** `requestAction` must already be lowercase (done once per request). */
export function actionMatches(pattern: Located<string>, requestAction: string): boolean {
  const text = pattern.value;
  let glob = byText.get(text);
  if (glob === undefined) {
    glob = compileGlob(text.toLowerCase());
    if (byText.size >= MAX_PATTERNS) byText.clear();
    byText.set(text, glob);
  }
  return matchGlob(glob, requestAction);
}
