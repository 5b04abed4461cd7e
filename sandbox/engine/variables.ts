// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, defaults
// `${aws:PrincipalTag/team, 'company-wide'}`, and `${*}` `${?}` `${$}` for the literal
// characters. Only policies with `"Version": "2012-10-17"` substitute; older or missing
// versions treat `${…}` as plain text.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import type { ContextIndex } from './context.ts';
import type { PatternPart } from '../policy/wildcard.ts';

export type Substitution =
  | { readonly ok: true; readonly parts: readonly PatternPart[] }
  /** A variable with no value and no default: the element matches nothing. */
  | { readonly ok: false; readonly missing: string };

// Fixed pattern for the inside of `${…}`: a key, optionally `, 'default'`.
const INNER = /^\s*([^\s,'{}$]+)\s*(?:,\s*'([^']*)'\s*)?$/;
const SPECIAL = new Set(['*', '?', '$']);

export function hasVariables(text: string): boolean {
  return text.includes('${');
}

/** Resolves the variables in `text`; wildcard characters outside them keep their meaning. */
export function substitute(
  text: string,
  context: ContextIndex,
  version: string | undefined,
): Substitution {
  if (version !== '2012-10-17' || !text.includes('${')) {
    return { ok: true, parts: [{ text, literal: false }] };
  }
  const parts: PatternPart[] = [];
  let from = 0;
  while (from < text.length) {
    const open = text.indexOf('${', from);
    const close = open < 0 ? -1 : text.indexOf('}', open + 2);
    if (open < 0 || close < 0) break;
    if (open > from) parts.push({ text: text.slice(from, open), literal: false });
    const inner = text.slice(open + 2, close);
    if (SPECIAL.has(inner)) {
      parts.push({ text: inner, literal: true });
    } else {
      const match = INNER.exec(inner);
      const key = match?.[1];
      if (match === null || key === undefined) {
        // Not a variable AWS could parse: keep the text as written.
        parts.push({ text: text.slice(open, close + 1), literal: false });
      } else {
        const value = context.get(key.toLowerCase());
        // A multivalued key cannot be a variable (same page, "Using variables in policies").
        if (typeof value === 'string') parts.push({ text: value, literal: true });
        else if (match[2] !== undefined) parts.push({ text: match[2], literal: true });
        else return { ok: false, missing: key };
      }
    }
    from = close + 1;
  }
  if (from < text.length) parts.push({ text: text.slice(from), literal: false });
  return { ok: true, parts };
}

/** The parts joined back into one string, for traces and exact comparisons. */
export function partsText(parts: readonly PatternPart[]): string {
  let text = '';
  for (const part of parts) text += part.text;
  return text;
}
