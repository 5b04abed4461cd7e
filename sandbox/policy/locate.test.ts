import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineStarts, locateIn, locator } from './locate.ts';

describe('locator', () => {
  it('agrees with the line index, whether it counts or indexes', () => {
    const text = fc.stringMatching(/^[ab\r\n]{0,40}$/);
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (t, offsets) => {
        const locate = locator(t);
        const starts = lineStarts(t);
        for (const raw of offsets) {
          const offset = raw % (t.length + 1);
          expect(locate(offset)).toEqual(locateIn(starts, offset));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('counts CR LF once and a lone CR as a line end', () => {
    const locate = locator('a\r\nb\rc\nd');
    expect(locate(3)).toEqual({ line: 2, column: 1 });
    expect(locate(5)).toEqual({ line: 3, column: 1 });
    expect(locate(7)).toEqual({ line: 4, column: 1 });
  });
});
