// Offsets → 1-based line and column, as editors and the CLI show them.
import type { LineColumn } from './types.ts';

/** Start offsets of every line of `text`; build once, then `locateIn` is a binary search. */
export function lineStarts(text: string): readonly number[] {
  const starts = [0];
  // CR LF counts once; a lone CR also ends a line, as in Monaco.
  for (let i = 0; i < text.length; i++) if (isLineEnd(text, i)) starts.push(i + 1);
  return starts;
}

export function locateIn(starts: readonly number[], offset: number): LineColumn {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

function isLineEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** `locateIn` without an index: one pass over the text before `offset`, nothing allocated. */
function locateByCounting(text: string, offset: number): LineColumn {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (isLineEnd(text, i)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Few lookups are counted (cheaper than indexing a 100,000-character text); many use an index. */
const COUNTED_LOOKUPS = 4;

/** A line/column lookup for one text, indexing it only when asked often. */
export function locator(text: string): (offset: number) => LineColumn {
  let lookups = 0;
  let starts: readonly number[] | null = null;
  return (offset) => {
    if (starts === null && ++lookups <= COUNTED_LOOKUPS) return locateByCounting(text, offset);
    starts ??= lineStarts(text);
    return locateIn(starts, offset);
  };
}

/** Line and column (1-based, column in UTF-16 units) of `offset` in `text`. */
export function locate(text: string, offset: number): LineColumn {
  const clamped = Math.max(
    0,
    Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length),
  );
  return locateIn(lineStarts(text), clamped);
}
