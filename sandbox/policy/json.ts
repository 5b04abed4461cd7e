// Strict JSON with offsets. jsonc-parser keeps source positions but is lenient and
// recursive; IAM is strict JSON, so comments and trailing commas become errors here, and
// nesting is measured before parsing so that deep input cannot exhaust the stack.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Deeper than any policy needs (a condition value sits at depth 6), far below stack limits. */
export const MAX_DEPTH = 64;

export interface JsonSyntaxError {
  /** A jsonc-parser error name, or `TrailingComma` / `Empty`. */
  readonly error: string;
  readonly offset: number;
  readonly length: number;
}

export type JsonTree =
  | { readonly ok: true; readonly root: Node }
  | { readonly ok: false; readonly tooDeepAt: number; readonly errors: readonly JsonSyntaxError[] }
  | { readonly ok: false; readonly tooDeepAt: -1; readonly errors: readonly JsonSyntaxError[] };

/** Offset of the first bracket that opens level `max + 1`, or -1. Linear; strings skipped. */
export function findTooDeep(text: string, max = MAX_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function describe(text: string, e: ParseError): JsonSyntaxError {
  const name = printParseErrorCode(e.error);
  if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
    const here = text.charCodeAt(e.offset);
    if (here === 125 || here === 93) {
      let back = e.offset - 1;
      while (back >= 0 && isBlank(text.charCodeAt(back))) back--;
      if (text.charCodeAt(back) === 44) return { error: 'TrailingComma', offset: back, length: 1 };
    }
  }
  return { error: name, offset: e.offset, length: e.length };
}

/** `tooDeepAt`: from `scanText`, so the text is walked once. */
export function parseJson(text: string, tooDeepAt = findTooDeep(text)): JsonTree {
  let blank = true;
  for (let i = 0; i < text.length && blank; i++) blank = isBlank(text.charCodeAt(i));
  if (blank)
    return { ok: false, tooDeepAt: -1, errors: [{ error: 'Empty', offset: 0, length: 0 }] };
  if (tooDeepAt >= 0) return { ok: false, tooDeepAt, errors: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || root === undefined) {
    const described: JsonSyntaxError[] = [];
    for (const e of errors) {
      const d = describe(text, e);
      // jsonc-parser reports some errors twice at one offset (a trailing comma in an array).
      if (!described.some((x) => x.offset === d.offset && x.error === d.error)) described.push(d);
    }
    return {
      ok: false,
      tooDeepAt: -1,
      errors: described.length > 0 ? described : [{ error: 'ValueExpected', offset: 0, length: 0 }],
    };
  }
  return { ok: true, root };
}
