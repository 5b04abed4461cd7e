// The fast path for a file of request cases, the usual input: the engine's native
// JSON.parse, then hand-written tests that accept exactly what the zod schema (schema.ts)
// accepts and give the same values; about 20 times faster than zod and jsonc-parser on a
// 48,000-case file, and without loading zod at all. Anything it does not accept goes to
// parse-cases.ts, which words the problem. No nesting limit is needed here: JSON.parse does
// not recurse on the stack, and each policy's depth is the policy parser's to judge.
import type { EvalCase, PolicyInput } from './schema.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function isPolicy(v: unknown): v is PolicyInput {
  return typeof v === 'string' || isRecord(v);
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** zod's `scalar` transform: numbers and booleans in their string form. */
function context(raw: Record<string, unknown>): Record<string, string | string[]> | null {
  const out: Record<string, string | string[]> = {};
  for (const key of Object.keys(raw)) {
    const v = raw[key];
    if (isScalar(v)) out[key] = String(v);
    else if (Array.isArray(v) && v.every(isScalar)) out[key] = v.map(String);
    else return null;
  }
  return out;
}

function isLevels(v: unknown): boolean {
  return Array.isArray(v) && v.every((l) => isPolicy(l) || (Array.isArray(l) && l.every(isPolicy)));
}

function optionalPolicy(raw: Record<string, unknown>, key: string): boolean {
  const v = raw[key];
  return v === undefined || v === null || isPolicy(v);
}

const CASE_KEYS = [
  'identityPolicies',
  'resourcePolicy',
  'scps',
  'rcps',
  'permissionBoundary',
  'sessionPolicy',
] as const;

/** The case as caseSchema.parse would return it, or `null` when it would not accept it. */
function fastCase(raw: unknown): EvalCase | null {
  if (!isRecord(raw) || typeof raw['id'] !== 'string' || raw['id'] === '') return null;
  const r = raw['request'];
  if (
    !isRecord(r) ||
    typeof r['principal'] !== 'string' ||
    typeof r['action'] !== 'string' ||
    typeof r['resource'] !== 'string' ||
    (r['resourceAccount'] !== undefined && typeof r['resourceAccount'] !== 'string')
  )
    return null;
  const rawContext = r['context'];
  let ctx: Record<string, string | string[]> | undefined;
  if (rawContext !== undefined) {
    const made = isRecord(rawContext) ? context(rawContext) : null;
    if (made === null) return null;
    ctx = made;
  }
  const identity = raw['identityPolicies'];
  if (identity !== undefined && !(Array.isArray(identity) && identity.every(isPolicy))) return null;
  for (const key of ['resourcePolicy', 'permissionBoundary', 'sessionPolicy'])
    if (!optionalPolicy(raw, key)) return null;
  for (const key of ['scps', 'rcps'])
    if (raw[key] !== undefined && !isLevels(raw[key])) return null;
  const request: EvalCase['request'] = {
    principal: r['principal'],
    action: r['action'],
    resource: r['resource'],
    ...(r['resourceAccount'] === undefined ? {} : { resourceAccount: r['resourceAccount'] }),
    ...(ctx === undefined ? {} : { context: ctx }),
  };
  const out: Record<string, unknown> = { id: raw['id'], request };
  for (const key of CASE_KEYS) if (raw[key] !== undefined) out[key] = raw[key];
  return out as EvalCase;
}

/** Is the quote at `at` escaped (preceded by an odd number of backslashes)? */
function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === 92; i--) slashes++;
  return slashes % 2 === 1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Calls `each` with the text range of every element of the top-level array, in order, or
 * returns false when the text is not an array (its elements are then not all visited).
 * Only brackets, quotes and commas are read: each element is JSON.parse's to judge.
 */
function forEachElement(text: string, each: (start: number, end: number) => boolean): boolean {
  const n = text.length;
  let i = 0;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 91) return false;
  i++;
  let depth = 0;
  let start = -1;
  let elements = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      if (start < 0) start = i;
      // To the closing quote: the next quote not escaped by an odd run of backslashes.
      // indexOf skips a string's content far faster than a loop over its characters.
      let q = text.indexOf('"', i + 1);
      while (q > 0 && isEscaped(text, q)) q = text.indexOf('"', q + 1);
      if (q < 0) return false;
      i = q;
    } else if (c === 123 || c === 91) {
      if (start < 0) start = i;
      depth++;
    } else if (c === 125 || c === 93) {
      if (depth === 0) {
        // The closing bracket of the top-level array: only blanks may follow. Nothing
        // between the last comma and the bracket is a trailing comma, which JSON refuses.
        if (start < 0 ? elements > 0 : !each(start, i)) return false;
        for (i++; i < n; i++) if (!isBlank(text.charCodeAt(i))) return false;
        return true;
      }
      depth--;
    } else if (c === 44 && depth === 0) {
      if (start < 0 || !each(start, i)) return false;
      elements++;
      start = -1;
    } else if (start < 0 && !isBlank(c)) start = i;
  }
  return false;
}

/**
 * Every case through the fast path, one at a time: each element of the file is parsed,
 * checked and handed to `visit` before the next is read, so a 48,000-case file never sits in
 * memory as objects (the garbage collector would walk them all again and again). Returns
 * false as soon as something is not plainly valid; the caller then takes the slow path,
 * which words the problem, and forgets what `visit` was given.
 */
export function forEachFastCase(text: string, visit: (c: EvalCase) => void): boolean {
  const ids = new Set<string>();
  return forEachElement(text, (start, end) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text.slice(start, end));
    } catch {
      return false;
    }
    const c = fastCase(raw);
    if (c === null || ids.has(c.id)) return false;
    ids.add(c.id);
    visit(c);
    return true;
  });
}

/**
 * The top-level array cut into runs of whole elements of at least `size` characters (the
 * last may be shorter), as flat `[start, end, start, end, …]` offsets into `text`:
 * `` `[${text.slice(start, end)}]` `` is an array of just those elements, in order, so each
 * run can be read by `forEachFastCase` on its own (on another thread). `[]` for an empty
 * array, `null` when the text is not an array.
 */
export function elementRuns(text: string, size: number): number[] | null {
  const runs: number[] = [];
  let from = -1;
  let to = -1;
  const ok = forEachElement(text, (start, end) => {
    if (from < 0) from = start;
    to = end;
    if (to - from >= size) {
      runs.push(from, to);
      from = -1;
    }
    return true;
  });
  if (!ok) return null;
  if (from >= 0) runs.push(from, to);
  return runs;
}

/** Every case through the fast path, or `null` to take the slow one. */
export function fastCases(text: string): EvalCase[] | null {
  const cases: EvalCase[] = [];
  return forEachFastCase(text, (c) => cases.push(c)) ? cases : null;
}
