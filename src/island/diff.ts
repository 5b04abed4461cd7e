// "Your version vs the solution". Policies are compared as JSON (jsonDiff, solutionDiff): key
// order, whitespace and formatting are not changes, and a statement whose Sid alone differs
// shows as a change of its Sid. Text that is not JSON falls back to a line diff (lineDiff:
// longest common subsequence; policies are small, so the quadratic table is cheap, and past a
// size limit it falls back to a whole-text change).
export type DiffLine = { readonly op: 'same' | 'add' | 'del'; readonly text: string };

const MAX_CELLS = 250_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((text) => ({ op: 'del' as const, text })),
      ...b.map((text) => ({ op: 'add' as const, text })),
    ];
  }
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] ?? '' });
      i++;
      j++;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
      out.push({ op: 'del', text: a[i++] ?? '' });
    } else {
      out.push({ op: 'add', text: b[j++] ?? '' });
    }
  }
  while (i < a.length) out.push({ op: 'del', text: a[i++] ?? '' });
  while (j < b.length) out.push({ op: 'add', text: b[j++] ?? '' });
  return out;
}

/** Where a change sits: object keys, and array elements by position (and Sid when they have one). */
export type PathSegment = string | { readonly index: number; readonly sid?: string };

/** One change, with values as compact JSON text ready to show. */
export type JsonChange =
  | { readonly op: 'add'; readonly path: readonly PathSegment[]; readonly after: string }
  | { readonly op: 'remove'; readonly path: readonly PathSegment[]; readonly before: string }
  | {
      readonly op: 'change';
      readonly path: readonly PathSegment[];
      readonly before: string;
      readonly after: string;
    };

export type DocumentDiff =
  | { readonly kind: 'same' }
  | { readonly kind: 'json'; readonly changes: readonly JsonChange[] }
  /** One side is not JSON: a line diff, with trailing spaces and a final newline ignored. */
  | { readonly kind: 'text'; readonly lines: readonly DiffLine[] };

/** Readable form of a path: `Statement["AllowAlice"].Principal.AWS`, `Statement[2]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'string') out += out === '' ? seg : `.${seg}`;
    else out += seg.sid === undefined ? `[${seg.index}]` : `[${JSON.stringify(seg.sid)}]`;
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(text: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: normalize(JSON.parse(text) as Json) };
  } catch {
    return { ok: false };
  }
}

// IAM reads `"Action": "s3:GetObject"` and `"Action": ["s3:GetObject"]` (and a lone statement
// object and a one-statement array) the same way, so a one-element array is its element.
function normalize(value: Json): Json {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    return items.length === 1 ? (items[0] ?? null) : items;
  }
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a `__proto__` key stays a key.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

function isObject(v: Json): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Key order does not matter; JSON.stringify would make it. */
function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const show = (v: Json): string => JSON.stringify(v);

function sidOf(v: Json | undefined): string | undefined {
  return v !== undefined && isObject(v) && typeof v['Sid'] === 'string' ? v['Sid'] : undefined;
}

function segment(index: number, v: Json | undefined): PathSegment {
  const sid = sidOf(v);
  return sid === undefined ? { index } : { index, sid };
}

/** Keys two objects agree on: how alike two statements are when neither matches exactly. */
function likeness(a: Json, b: Json): number {
  if (!isObject(a) || !isObject(b)) return 0;
  let n = 0;
  for (const k of Object.keys(a)) {
    const bk = Object.hasOwn(b, k) ? b[k] : undefined;
    if (bk !== undefined && canonical(a[k] ?? null) === canonical(bk)) n++;
  }
  return n;
}

// IAM's arrays are sets (statements, actions, resources, condition values): elements are
// paired without regard to order — equal ones first, then by Sid, then the most alike.
function diffArrays(a: Json[], b: Json[], path: PathSegment[], out: JsonChange[]): void {
  const freeA = new Set(a.keys());
  const freeB = new Set(b.keys());
  const pairs: [number, number][] = [];
  const take = (i: number, j: number): void => {
    freeA.delete(i);
    freeB.delete(j);
    pairs.push([i, j]);
  };
  for (const i of [...freeA]) {
    const key = canonical(a[i] ?? null);
    const j = [...freeB].find((jj) => canonical(b[jj] ?? null) === key);
    if (j !== undefined) take(i, j);
  }
  for (const i of [...freeA]) {
    const sid = sidOf(a[i]);
    if (sid === undefined) continue;
    const j = [...freeB].find((jj) => sidOf(b[jj]) === sid);
    if (j !== undefined) take(i, j);
  }
  for (const i of [...freeA]) {
    let best: number | undefined;
    let bestScore = 0;
    for (const j of freeB) {
      const score = likeness(a[i] ?? null, b[j] ?? null);
      if (score > bestScore) [best, bestScore] = [j, score];
    }
    if (best !== undefined) take(i, best);
  }
  for (const [i, j] of pairs)
    diffValues(a[i] ?? null, b[j] ?? null, [...path, segment(i, a[i])], out);
  for (const i of freeA)
    out.push({ op: 'remove', path: [...path, segment(i, a[i])], before: show(a[i] ?? null) });
  for (const j of freeB)
    out.push({ op: 'add', path: [...path, segment(j, b[j])], after: show(b[j] ?? null) });
}

function diffValues(a: Json, b: Json, path: PathSegment[], out: JsonChange[]): void {
  if (canonical(a) === canonical(b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) {
      const bk = Object.hasOwn(b, k) ? b[k] : undefined;
      if (bk === undefined)
        out.push({ op: 'remove', path: [...path, k], before: show(a[k] ?? null) });
      else diffValues(a[k] ?? null, bk, [...path, k], out);
    }
    for (const k of Object.keys(b)) {
      if (!Object.hasOwn(a, k))
        out.push({ op: 'add', path: [...path, k], after: show(b[k] ?? null) });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    diffArrays(a, b, path, out);
    return;
  }
  // One value against a list (one action becoming two, one statement becoming two) reads
  // best as a set difference, the lone value being a list of one as IAM reads it.
  if (Array.isArray(a) !== Array.isArray(b)) {
    diffArrays(Array.isArray(a) ? a : [a], Array.isArray(b) ? b : [b], path, out);
    return;
  }
  out.push({ op: 'change', path, before: show(a), after: show(b) });
}

function trimLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();
}

/** One document: the learner's text against the solution's. */
export function jsonDiff(mine: string, solution: string): DocumentDiff {
  const a = parse(mine);
  const b = parse(solution);
  if (a.ok && b.ok) {
    const changes: JsonChange[] = [];
    diffValues(a.value, b.value, [], changes);
    return changes.length === 0 ? { kind: 'same' } : { kind: 'json', changes };
  }
  const x = trimLines(mine);
  const y = trimLines(solution);
  return x === y ? { kind: 'same' } : { kind: 'text', lines: lineDiff(x, y) };
}

export interface DocumentChanges {
  readonly id: string;
  readonly diff: Exclude<DocumentDiff, { kind: 'same' }>;
}

/**
 * Every document the solution changes, in the solution's order. Empty when the learner's
 * version already matches: show "your version already matches", not an empty heading.
 * A document the learner has no text for is compared with its solution as an empty text.
 */
export function solutionDiff(
  mine: Readonly<Record<string, string>>,
  solution: Readonly<Record<string, string>>,
): DocumentChanges[] {
  const out: DocumentChanges[] = [];
  for (const [id, text] of Object.entries(solution)) {
    const diff = jsonDiff(Object.hasOwn(mine, id) ? (mine[id] ?? '') : '', text);
    if (diff.kind !== 'same') out.push({ id, diff });
  }
  return out;
}
