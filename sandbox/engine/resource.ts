// Resource matching: `*` alone matches everything; otherwise the pattern and the request ARN
// are compared per colon-separated segment, the sixth segment being everything after the
// fifth colon, so a `*` never spills over a colon in the first five segments (the same rule
// the ARN condition operators document). Matching is case-sensitive: the Resource page gives
// no case exception (it notes only that IAM user *names* are unique case-insensitively,
// which is about creating users, not about matching), and ArnLike is documented as
// case-sensitive.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
import { splitArnFields } from '../arn/index.ts';
import type { PatternPart } from '../policy/wildcard.ts';
import { compileGlob, compileGlobParts, matchGlob, type Glob } from '../policy/wildcard.ts';

export type ArnPattern =
  | { readonly kind: 'any' }
  /** Six segment globs, or one glob over the whole text when the pattern is not an ARN. */
  | { readonly kind: 'segments'; readonly segments: readonly Glob[] }
  | { readonly kind: 'whole'; readonly glob: Glob };

/** Splits parts at the first five colons of their non-literal text. */
function splitParts(parts: readonly PatternPart[]): PatternPart[][] {
  const segments: PatternPart[][] = [[]];
  for (const part of parts) {
    if (part.literal || segments.length === 6) {
      segments[segments.length - 1]?.push(part);
      continue;
    }
    let from = 0;
    while (segments.length < 6) {
      const at = part.text.indexOf(':', from);
      if (at < 0) break;
      segments[segments.length - 1]?.push({ text: part.text.slice(from, at), literal: false });
      segments.push([]);
      from = at + 1;
    }
    segments[segments.length - 1]?.push({ text: part.text.slice(from), literal: false });
  }
  return segments;
}

export function compileArnPattern(parts: readonly PatternPart[]): ArnPattern {
  const only = parts[0];
  if (parts.length === 1 && only !== undefined && !only.literal) {
    return only.text === '*' ? { kind: 'any' } : compileArnText(only.text);
  }
  const segments = splitParts(parts);
  if (segments.length < 6) return { kind: 'whole', glob: compileGlobParts(parts) };
  return { kind: 'segments', segments: segments.map((s) => compileGlobParts(s)) };
}

/**
 * A pattern without variables, the usual case. Its first five fields (`arn`, `aws`, `s3`, a
 * region, an account) recur in policy after policy, so their globs come from compileGlob's
 * cache; only the resource part, which rarely recurs, is compiled afresh.
 */
function compileArnText(text: string): ArnPattern {
  const fields = splitArnFields(text);
  if (fields === null) return { kind: 'whole', glob: compileGlobParts([{ text, literal: false }]) };
  const segments: Glob[] = [];
  for (let i = 0; i < 5; i++) segments.push(compileGlob(fields[i] as string));
  segments.push(compileGlobParts([{ text: fields[5], literal: false }]));
  return { kind: 'segments', segments };
}

/** `fields`: `value` already split by splitArnFields (a request's resource is split once). */
export function arnPatternMatches(
  pattern: ArnPattern,
  value: string,
  fields: readonly string[] | null = pattern.kind === 'segments' ? splitArnFields(value) : null,
): boolean {
  if (pattern.kind === 'any') return true;
  if (pattern.kind === 'whole') return matchGlob(pattern.glob, value);
  if (fields === null) return false;
  for (let i = 0; i < 6; i++) {
    const glob = pattern.segments[i];
    const field = fields[i];
    if (glob === undefined || field === undefined || !matchGlob(glob, field)) return false;
  }
  return true;
}
