// A policy given as a JSON value (an eval case's policy, read by JSON.parse) becomes the
// parser's tree directly, without writing it out as text and reading that text again. The
// offsets are those of `JSON.stringify(value, null, 2)`, the text parsePolicy has always
// reported against, so findings point at the same places; that text is only made when
// someone asks for it (a finding's line and column, a number's literal). Anything unusual
// (a non-plain object, `undefined`, a non-finite number, too deep, too long) gives `null`
// and the caller takes the text path, which words those cases.
import type { Node } from 'jsonc-parser';
import { MAX_TEXT_LENGTH } from './input.ts';
import { MAX_DEPTH } from './json.ts';
import type { TextScan } from './scan.ts';

const INDENT = 2;

interface Walk {
  pos: number;
  blanks: number;
  badCharAt: number;
  badChars: number;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** No character that JSON.stringify escapes or that IAM refuses (above U+00FF): the usual case. */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0xff || c === 34 || c === 92) return false;
  }
  return true;
}

/** Length of `s` as JSON.stringify writes it, quotes excluded; notes refused characters. */
function stringLength(w: Walk, s: string, at: number): number {
  if (isPlain(s)) return s.length;
  let length = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) length += 2;
    else if (c < 0x20) length += 6;
    else if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
      // A surrogate pair is written as it is: two UTF-16 units above U+00FF.
      if (w.badCharAt < 0) w.badCharAt = at + length;
      w.badChars += 2;
      length += 2;
      i++;
    } else if (isHigh(c) || isLow(c)) length += 6;
    else {
      if (c > 0xff) {
        if (w.badCharAt < 0) w.badCharAt = at + length;
        w.badChars++;
      }
      length++;
    }
  }
  return length;
}

/**
 * An object JSON.stringify writes as its own keys: its prototype is Object.prototype (without
 * a `toJSON` method) or null, and no own `toJSON` method (checked with the keys, in `build`).
 * Not `'toJSON' in v`: a lookup that misses walks the prototype chain, and statements come
 * in many shapes, so it was among the costliest lines of the walk.
 */
function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === null || (proto === Object.prototype && !objectPrototypeHasToJson());
}

function objectPrototypeHasToJson(): boolean {
  return typeof (Object.prototype as { toJSON?: unknown }).toJSON === 'function';
}

function blank(w: Walk, count: number): void {
  w.pos += count;
  w.blanks += count;
}

function build(w: Walk, v: unknown, depth: number): Node | null {
  // Stops a value that shares one sub-object 2^60 times as soon as its text would be too long.
  if (w.pos > MAX_TEXT_LENGTH) return null;
  const offset = w.pos;
  if (typeof v === 'string') {
    const length = stringLength(w, v, offset + 1) + 2;
    w.pos += length;
    return { type: 'string', offset, length, value: v };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const length = String(v).length;
    w.pos += length;
    // -0 is written `0`, and read back as 0.
    return { type: 'number', offset, length, value: v === 0 ? 0 : v };
  }
  if (typeof v === 'boolean') {
    w.pos += v ? 4 : 5;
    return { type: 'boolean', offset, length: v ? 4 : 5, value: v };
  }
  if (v === null) {
    w.pos += 4;
    return { type: 'null', offset, length: 4, value: null };
  }
  if (typeof v !== 'object' || depth >= MAX_DEPTH) return null;
  const children: Node[] = [];
  const inner = INDENT * (depth + 1);
  w.pos++;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      blank(w, 1 + inner);
      const child = build(w, v[i] as unknown, depth + 1);
      if (child === null) return null;
      children.push(child);
      if (i < v.length - 1) w.pos++;
    }
    if (v.length > 0) blank(w, 1 + INDENT * depth);
    w.pos++;
    return { type: 'array', offset, length: w.pos - offset, children };
  }
  if (!isPlainObject(v)) return null;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === 'toJSON' && typeof v[key] === 'function') return null;
    blank(w, 1 + inner);
    const keyOffset = w.pos;
    const keyLength = stringLength(w, key, keyOffset + 1) + 2;
    w.pos += keyLength;
    const keyNode = { type: 'string', offset: keyOffset, length: keyLength, value: key } as Node;
    const colonOffset = w.pos;
    w.pos++;
    blank(w, 1);
    const value = build(w, v[key], depth + 1);
    if (value === null) return null;
    children.push({
      type: 'property',
      offset: keyOffset,
      length: w.pos - keyOffset,
      colonOffset,
      children: [keyNode, value],
    });
    if (i < keys.length - 1) w.pos++;
  }
  if (keys.length > 0) blank(w, 1 + INDENT * depth);
  w.pos++;
  return { type: 'object', offset, length: w.pos - offset, children };
}

export interface ValueTree {
  readonly root: Node;
  readonly scan: TextScan;
  /** Length of the text the offsets refer to. */
  readonly length: number;
}

/** The tree of `value` as if parsed from `JSON.stringify(value, null, 2)`, or `null` (see above). */
export function valueTree(value: unknown): ValueTree | null {
  const w: Walk = { pos: 0, blanks: 0, badCharAt: -1, badChars: 0 };
  let root: Node | null;
  try {
    root = build(w, value, 0);
  } catch {
    // A getter that throws, or a proxy: the text path reports it.
    return null;
  }
  if (root === null || w.pos > MAX_TEXT_LENGTH) return null;
  return {
    root,
    length: w.pos,
    scan: { tooDeepAt: -1, size: w.pos - w.blanks, badCharAt: w.badCharAt, badChars: w.badChars },
  };
}
