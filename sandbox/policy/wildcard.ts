// Wildcard matching for `*` (any run, also empty) and `?` (exactly one character), as IAM
// uses it in Action, Resource, StringLike and ArnLike: the one matcher of the simulator,
// for validation here and evaluation in engine/. No regular expression is ever built
// from policy text, and nothing backtracks: a pattern is cut at its `*`s into pieces, and
// the pieces are found left to right, each at its leftmost place after the previous one
// (leftmost is always safe for `*`-separated pieces, so no earlier choice is revisited).
// A piece without `?` is found with `indexOf`; a piece with `?` by a bit-parallel
// Shift-And scan. Every text position is scanned once per piece it is tried against, so
// the cost is bounded by O(text × ⌈piece / 32⌉) even for 10,000-character patterns.

/** One run of a pattern between two `*`s. */
export interface GlobPiece {
  readonly text: string;
  /** UTF-16 codes with -1 where `?` stands for any one unit; `null` when there is no `?`. */
  readonly codes: Int32Array | null;
  /**
   * With `?`: the offsets of the literal units, in the order a candidate start checks them —
   * the last one first, then from the front — so that an adversarial text that agrees
   * everywhere but at the piece's end is turned down after one comparison, not thousands.
   */
  readonly checkAt: Int32Array | null;
}

/** A compiled pattern: `pieces.length` is the number of `*`s plus one. */
export interface Glob {
  readonly pieces: readonly GlobPiece[];
  /** The fixed length when the pattern has no `*`, else the minimum length it needs. */
  readonly minLength: number;
}

/** A run of pattern text; `literal` runs (variable values, `${*}`) have no wildcards. */
export interface PatternPart {
  readonly text: string;
  readonly literal: boolean;
}

// Pieces are assembled from slices, not character by character: patterns are compiled for
// every value of every freshly parsed policy, so after each keystroke.
class PieceBuilder {
  text = '';
  /** Offsets in `text` of the `?`s that are wildcards (a `?` from a literal part is not). */
  anyAt: number[] = [];

  add(chunk: string): void {
    this.text += chunk;
  }

  addAny(): void {
    this.anyAt.push(this.text.length);
    this.text += '?';
  }

  build(): GlobPiece {
    if (this.anyAt.length === 0) return { text: this.text, codes: null, checkAt: null };
    const codes = new Int32Array(this.text.length);
    for (let i = 0; i < codes.length; i++) codes[i] = this.text.charCodeAt(i);
    for (const at of this.anyAt) codes[at] = -1;
    const checkAt = new Int32Array(codes.length - this.anyAt.length);
    let n = 0;
    let last = codes.length - 1;
    while (last >= 0 && codes[last] === -1) last--;
    if (last >= 0) checkAt[n++] = last;
    for (let i = 0; i < last; i++) if (codes[i] !== -1) checkAt[n++] = i;
    return { text: this.text, codes, checkAt };
  }
}

/** Compiles parts, where only non-literal parts give `*` and `?` their wildcard meaning. */
export function compileGlobParts(parts: readonly PatternPart[]): Glob {
  const pieces: GlobPiece[] = [];
  let current = new PieceBuilder();
  for (const part of parts) {
    const text = part.text;
    if (part.literal) {
      current.add(text);
      continue;
    }
    // By UTF-16 unit, so that `?` is one unit and offsets stay aligned with `text`.
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 42 && c !== 63) continue;
      current.add(text.slice(from, i));
      from = i + 1;
      if (c === 63) current.addAny();
      else {
        pieces.push(current.build());
        current = new PieceBuilder();
      }
    }
    current.add(text.slice(from));
  }
  pieces.push(current.build());
  let minLength = 0;
  for (const piece of pieces) minLength += piece.text.length;
  return { pieces, minLength };
}

// Compiled patterns by text: the same `s3:GetObject` or `sts:Assume*` is written in policy
// after policy (48,000 eval cases name a few dozen actions), and a Glob is immutable. Bounded,
// so that a stream of distinct ARNs cannot grow it without end.
const compiled = new Map<string, Glob>();
const MAX_COMPILED = 4096;

export function compileGlob(pattern: string): Glob {
  let glob = compiled.get(pattern);
  if (glob === undefined) {
    glob = compileGlobParts([{ text: pattern, literal: false }]);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, glob);
  }
  return glob;
}

function matchesAt(piece: GlobPiece, text: string, at: number): boolean {
  const { codes, checkAt } = piece;
  if (codes === null || checkAt === null) return text.startsWith(piece.text, at);
  if (at + codes.length > text.length) return false;
  for (let i = 0; i < checkAt.length; i++) {
    const k = checkAt[i] as number;
    if (codes[k] !== text.charCodeAt(at + k)) return false;
  }
  return true;
}

interface ShiftAndTable {
  readonly words: number;
  readonly byChar: Map<number, Int32Array>;
  /** `byChar` for codes below 128 (ARNs and keys are mostly ASCII): an array read, no hash. */
  readonly ascii: readonly Int32Array[];
  /** The mask for a character the piece does not contain: only its `?` positions. */
  readonly anyMask: Int32Array;
}

// Pieces are immutable and shared by compiled patterns, so their tables can be cached.
const tables = new WeakMap<GlobPiece, ShiftAndTable>();

function shiftAndTable(piece: GlobPiece): ShiftAndTable {
  const cached = tables.get(piece);
  if (cached !== undefined) return cached;
  const length = piece.text.length;
  const words = Math.ceil(length / 32);
  const anyMask = new Int32Array(words);
  const codes = piece.codes ?? Int32Array.from(piece.text, (ch) => ch.charCodeAt(0));
  for (let i = 0; i < length; i++) {
    if (codes[i] === -1) anyMask[i >>> 5] = (anyMask[i >>> 5] ?? 0) | (1 << (i & 31));
  }
  const byChar = new Map<number, Int32Array>();
  for (let i = 0; i < length; i++) {
    const code = codes[i] as number;
    if (code === -1) continue;
    let mask = byChar.get(code);
    if (mask === undefined) {
      mask = anyMask.slice();
      byChar.set(code, mask);
    }
    mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31));
  }
  const ascii: Int32Array[] = [];
  for (let c = 0; c < 128; c++) ascii.push(byChar.get(c) ?? anyMask);
  const table = { words, byChar, ascii, anyMask };
  tables.set(piece, table);
  return table;
}

/** Leftmost start `s ≥ from` with the piece inside `[s, end)`, or -1. */
function findWithAny(piece: GlobPiece, text: string, from: number, end: number): number {
  const length = piece.text.length;
  const { words, byChar, ascii, anyMask } = shiftAndTable(piece);
  const state = new Int32Array(words);
  const lastWord = (length - 1) >>> 5;
  const lastBit = 1 << ((length - 1) & 31);
  const lastStart = end - length;
  // Bit i set after character j: the piece's first i + 1 units end at j (a start j - i).
  // Only words up to `top` can hold set bits: a match prefix grows by one bit per character.
  // Past the last possible start no match begins, so bits below j - lastStart are all zero
  // and words under `low` are skipped: each character costs at most ⌈min(length, starts) /
  // 32⌉ + 1 word steps, which bounds the worst case at text² / 64 steps.
  let top = 0;
  let low = 0;
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    const mask = (c < 128 ? ascii[c] : byChar.get(c)) ?? anyMask;
    // state = ((state << 1) | carry-in) & mask, across 32-bit words, low word first.
    let carry = 1;
    if (j > lastStart) {
      const nextLow = (j - lastStart) >>> 5;
      // The word just dropped still carries its top bit in; a word dropped earlier is zero.
      carry = nextLow > low ? (state[nextLow - 1] as number) >>> 31 : 0;
      low = nextLow;
    }
    const limit = top < words - 1 ? top + 1 : words - 1;
    let highest = -1;
    for (let w = low; w <= limit; w++) {
      const word = state[w] as number;
      const next = ((word << 1) | carry) & (mask[w] as number);
      state[w] = next;
      if (next !== 0) highest = w;
      carry = word >>> 31;
    }
    if (highest < 0) {
      // Nothing in flight and no start left: the piece cannot occur any more.
      if (j >= lastStart) return -1;
      top = 0;
    } else top = highest;
    if (((state[lastWord] as number) & lastBit) !== 0) return j - length + 1;
  }
  return -1;
}

function find(piece: GlobPiece, text: string, from: number, end: number): number {
  if (end - from < piece.text.length) return -1;
  if (piece.codes === null) {
    const at = text.indexOf(piece.text, from);
    return at >= 0 && at + piece.text.length <= end ? at : -1;
  }
  // Trying each start costs up to (starts × literal units) comparisons, the scan (region ×
  // active words) word steps (measured: a word step costs about half a comparison): take
  // the cheaper one.
  const length = piece.text.length;
  const starts = end - from - length + 1;
  const literals = piece.checkAt?.length ?? length;
  if (starts * literals * 2 <= (end - from) * (Math.ceil(Math.min(length, starts) / 32) + 1)) {
    for (let s = from; s < from + starts; s++) if (matchesAt(piece, text, s)) return s;
    return -1;
  }
  return findWithAny(piece, text, from, end);
}

export function matchGlob(glob: Glob, text: string): boolean {
  const pieces = glob.pieces;
  const n = text.length;
  const first = pieces[0];
  if (first === undefined) return n === 0;
  if (pieces.length === 1) return first.text.length === n && matchesAt(first, text, 0);
  if (glob.minLength > n) return false;
  const last = pieces[pieces.length - 1];
  if (last === undefined) return false;
  if (!matchesAt(first, text, 0)) return false;
  const end = n - last.text.length;
  if (!matchesAt(last, text, end)) return false;
  let pos = first.text.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i];
    if (piece === undefined || piece.text.length === 0) continue;
    const at = find(piece, text, pos, end);
    if (at < 0) return false;
    pos = at + piece.text.length;
  }
  return true;
}

/** Convenience for one-off matches; hot paths compile once and reuse the `Glob`. */
export function wildcardMatch(pattern: string, text: string): boolean {
  return matchGlob(compileGlob(pattern), text);
}

/** `wildcardMatch`, optionally ignoring case (actions: "case insensitive", action.html). */
export function globMatch(pattern: string, text: string, ignoreCase: boolean): boolean {
  return ignoreCase
    ? wildcardMatch(pattern.toLowerCase(), text.toLowerCase())
    : wildcardMatch(pattern, text);
}
