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

/** Few lookups are counted (cheaper than indexing a 100,000-character text); many use an index. */
const COUNTED_LOOKUPS = 4;

/**
 * A line/column lookup for one text. The first few lookups count line ends, carrying on from
 * the previous lookup when offsets ascend (findings mostly do), so nothing is allocated; after
 * that the text is indexed once and each lookup is a binary search.
 */
export function locator(text: string): (offset: number) => LineColumn {
  let lookups = 0;
  let starts: readonly number[] | null = null;
  let counted = 0;
  let line = 1;
  let lineStart = 0;
  return (offset) => {
    if (starts === null && ++lookups <= COUNTED_LOOKUPS) {
      if (offset < counted) {
        counted = 0;
        line = 1;
        lineStart = 0;
      }
      for (; counted < offset; counted++) {
        if (isLineEnd(text, counted)) {
          line++;
          lineStart = counted + 1;
        }
      }
      return { line, column: offset - lineStart + 1 };
    }
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
