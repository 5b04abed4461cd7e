import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineDiff } from './diff.ts';

describe('lineDiff', () => {
  it('marks changed lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
    ]);
  });
  it('rebuilds both sides from the diff', () => {
    const lines = fc
      .array(fc.constantFrom('a', 'b', 'c', '{', '}'), { maxLength: 12 })
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const d = lineDiff(x, y);
        expect(
          d
            .filter((l) => l.op !== 'add')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(x);
        expect(
          d
            .filter((l) => l.op !== 'del')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(y);
      }),
    );
  });
});
