import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, compileGlobParts, matchGlob, wildcardMatch } from './wildcard.ts';

// A slow but obviously correct reference: dynamic programming over pattern × text.
function reference(pattern: string, text: string): boolean {
  const m = pattern.length;
  const n = text.length;
  let prev = new Array<boolean>(n + 1).fill(false);
  prev[0] = true;
  for (let i = 1; i <= m; i++) {
    const p = pattern[i - 1];
    const next = new Array<boolean>(n + 1).fill(false);
    next[0] = p === '*' && prev[0] === true;
    for (let j = 1; j <= n; j++) {
      if (p === '*') next[j] = prev[j] === true || next[j - 1] === true;
      else next[j] = prev[j - 1] === true && (p === '?' || p === text[j - 1]);
    }
    prev = next;
  }
  return prev[n] === true;
}

describe('wildcardMatch', () => {
  it.each([
    ['*', '', true],
    ['s3:*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*a*b*', 'xbxa', false],
    ['DOC-EXAMPLE-BUCKET/*/test/*', 'DOC-EXAMPLE-BUCKET/1/2/test/3/object.jpg', true],
    ['DOC-EXAMPLE-BUCKET/*/test/*', 'DOC-EXAMPLE-BUCKET/test/object.jpg', false],
    ['DOC-EXAMPLE-BUCKET/*/test/*', 'DOC-EXAMPLE-BUCKET//test/object.jpg', true],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected);
  });

  it('agrees with a reference matcher on random patterns', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?');
    const textChars = fc.constantFrom('a', 'b');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 12 }),
        fc.array(textChars, { maxLength: 14 }),
        (p, t) => {
          const pattern = p.join('');
          const text = t.join('');
          expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on long `?` pieces (the bit-parallel path)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '?'), { minLength: 33, maxLength: 80 }),
        fc.array(fc.constantFrom('a', 'b'), { minLength: 0, maxLength: 200 }),
        (p, t) => {
          const pattern = `*${p.join('')}*`;
          const text = t.join('');
          expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the reference where matches sit late in long texts (words dropped past the last start)', () => {
    const mostlyA = fc.oneof(
      { arbitrary: fc.constant('a'), weight: 12 },
      { arbitrary: fc.constant('b'), weight: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: mostlyA, weight: 3 }, fc.constant('?')), {
          minLength: 33,
          maxLength: 150,
        }),
        fc.array(mostlyA, { minLength: 100, maxLength: 320 }),
        fc.boolean(),
        (p, t, anchored) => {
          const pattern = anchored ? `a*${p.join('')}*b` : `*${p.join('')}*`;
          const text = t.join('');
          expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps literal parts literal (values of ${*} and variables)', () => {
    const glob = compileGlobParts([
      { text: 'a', literal: false },
      { text: '*', literal: true },
      { text: '*', literal: false },
    ]);
    expect(matchGlob(glob, 'a*xyz')).toBe(true);
    expect(matchGlob(glob, 'abxyz')).toBe(false);
  });

  it('stays fast on a 10,000-character adversarial pattern', () => {
    const text = 'a'.repeat(10_000);
    const glob = compileGlob(`*${'a?'.repeat(2_500)}b*`);
    const start = performance.now();
    expect(matchGlob(glob, text)).toBe(false);
    // A hang guard only; the real figure is in `npm run bench`.
    expect(performance.now() - start).toBeLessThan(500);
  });
});
