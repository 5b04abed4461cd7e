// The fast path for policy text: one pass, no recursion, that parses strict JSON into the
// same tree jsonc-parser builds and takes the counts of scan.ts on the way (size as IAM
// counts it, characters IAM refuses). It gives up (`null`) on anything that is not plain
// strict JSON: a syntax error, nesting deeper than MAX_DEPTH, white space other than
// space / tab / LF / CR (jsonc-parser accepts more). The caller then takes the slow path,
// which words the error; so the fast path only ever changes how quickly a valid policy is
// read, never what is reported. Nesting too deep is the one failure it names itself, so
// that a 100,000-bracket text is refused after 65 characters.
import type { Node, NodeType } from 'jsonc-parser';
import { MAX_DEPTH } from './json.ts';
import type { TextScan } from './scan.ts';

interface Building {
  type: NodeType;
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  children?: Building[];
}

/**
 * `ok: false`: not plain strict JSON. `tooDeepAt` is the bracket that opens level
 * `MAX_DEPTH + 1` when that is where reading stopped (the text before it was valid, so it is
 * the first such bracket, as scan.ts would find), else -1.
 */
export type StrictJson =
  | { readonly ok: true; readonly root: Node; readonly scan: TextScan }
  | { readonly ok: false; readonly tooDeepAt: number };

const GIVE_UP: StrictJson = { ok: false, tooDeepAt: -1 };

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** End offset of the number starting at `at` (RFC 8259 grammar), or -1. */
function numberEnd(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 45) i++;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === 46) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

const ESCAPES: Readonly<Record<number, string>> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

export function parseStrictJson(text: string): StrictJson {
  const n = text.length;
  let i = 0;
  let blanks = 0;
  let badCharAt = -1;
  let badChars = 0;
  const roots: Building[] = [];
  const stack: Building[] = [];
  /** The property whose value comes next, per open object (parallel to `stack`). */
  const props: (Building | null)[] = [];

  const skipBlanks = (): void => {
    while (i < n && isBlank(text.charCodeAt(i))) {
      i++;
      blanks++;
    }
  };

  /** Reads the string whose opening quote is at `i`; leaves `i` after the closing quote. */
  const readString = (): string | null => {
    let j = i + 1;
    let chunk = j;
    let out = '';
    for (;;) {
      if (j >= n) return null;
      const c = text.charCodeAt(j);
      if (c === 34) break;
      if (c === 92) {
        out += text.slice(chunk, j);
        const e = text.charCodeAt(j + 1);
        if (e === 117) {
          let code = 0;
          for (let k = 2; k < 6; k++) {
            const h = hexValue(text.charCodeAt(j + k));
            if (h < 0) return null;
            code = code * 16 + h;
          }
          out += String.fromCharCode(code);
          j += 6;
        } else {
          const plain = ESCAPES[e];
          if (plain === undefined) return null;
          out += plain;
          j += 2;
        }
        chunk = j;
        continue;
      }
      if (c < 0x20) return null;
      if (c > 0xff) {
        if (badCharAt < 0) badCharAt = j;
        badChars++;
      }
      j++;
    }
    const value = chunk === i + 1 ? text.slice(chunk, j) : out + text.slice(chunk, j);
    i = j + 1;
    return value;
  };

  /** Reads `"key" :` at `i` into a new property of the innermost object. */
  const readKey = (): boolean => {
    skipBlanks();
    if (text.charCodeAt(i) !== 34) return false;
    const offset = i;
    const name = readString();
    if (name === null) return false;
    const key: Building = { type: 'string', offset, length: i - offset, value: name };
    skipBlanks();
    if (text.charCodeAt(i) !== 58) return false;
    const prop: Building = {
      type: 'property',
      offset,
      length: -1,
      colonOffset: i,
      children: [key],
    };
    i++;
    stack[stack.length - 1]?.children?.push(prop);
    props[props.length - 1] = prop;
    return true;
  };

  const attach = (node: Building): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) roots.push(node);
    else if (parent.type === 'array') parent.children?.push(node);
    else props[props.length - 1]?.children?.push(node);
  };

  /** A value ended at `end`: its property, if any, ends there too. */
  const completed = (end: number): void => {
    const prop = props[props.length - 1];
    if (prop !== null && prop !== undefined) {
      prop.length = end - prop.offset;
      props[props.length - 1] = null;
    }
  };

  for (;;) {
    skipBlanks();
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH) return { ok: false, tooDeepAt: i };
      const node: Building = {
        type: c === 123 ? 'object' : 'array',
        offset: i,
        length: -1,
        children: [],
      };
      attach(node);
      stack.push(node);
      props.push(null);
      i++;
      skipBlanks();
      if (text.charCodeAt(i) !== (c === 123 ? 125 : 93)) {
        if (c === 123 && !readKey()) return GIVE_UP;
        continue;
      }
      // Empty container: closed below like any other.
    } else {
      const offset = i;
      let node: Building;
      if (c === 34) {
        const value = readString();
        if (value === null) return GIVE_UP;
        node = { type: 'string', offset, length: i - offset, value };
      } else if (c === 45 || isDigit(c)) {
        const end = numberEnd(text, i);
        if (end < 0) return GIVE_UP;
        i = end;
        node = { type: 'number', offset, length: i - offset, value: Number(text.slice(offset, i)) };
      } else if (text.startsWith('true', i)) {
        i += 4;
        node = { type: 'boolean', offset, length: 4, value: true };
      } else if (text.startsWith('false', i)) {
        i += 5;
        node = { type: 'boolean', offset, length: 5, value: false };
      } else if (text.startsWith('null', i)) {
        i += 4;
        node = { type: 'null', offset, length: 4, value: null };
      } else {
        return GIVE_UP;
      }
      attach(node);
      completed(i);
      skipBlanks();
    }
    // After a value (or at the closing bracket of an empty container): close containers
    // until a comma asks for the next value.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        skipBlanks();
        const root = roots[0];
        if (i !== n || root === undefined) return GIVE_UP;
        return {
          ok: true,
          root,
          scan: { tooDeepAt: -1, size: n - blanks, badCharAt, badChars },
        };
      }
      const d = text.charCodeAt(i);
      if (d === 44) {
        i++;
        if (top.type === 'object' && !readKey()) return GIVE_UP;
        break;
      }
      if (d !== (top.type === 'object' ? 125 : 93)) return GIVE_UP;
      i++;
      top.length = i - top.offset;
      stack.pop();
      props.pop();
      completed(i);
      skipBlanks();
    }
  }
}
