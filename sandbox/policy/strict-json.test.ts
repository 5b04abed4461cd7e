// The fast path must build exactly jsonc-parser's tree, or give up: never a different tree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { scanText } from './scan.ts';
import { parseStrictJson } from './strict-json.ts';

/** The fields structure.ts reads, without jsonc-parser's parent links. */
function plain(node: Node): unknown {
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    ...(node.value === undefined ? {} : { value: node.value as unknown }),
    ...(node.colonOffset === undefined ? {} : { colonOffset: node.colonOffset }),
    ...(node.children === undefined ? {} : { children: node.children.map(plain) }),
  };
}

function reference(text: string): Node | null {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  return errors.length === 0 && root !== undefined ? root : null;
}

function expectSameAsReference(text: string): void {
  const fast = parseStrictJson(text);
  const slow = reference(text);
  if (!fast.ok) {
    expect(fast.tooDeepAt).toBe(-1);
    // Giving up is allowed only on text strict JSON.parse refuses too, or on white space
    // JSON.parse accepts that jsonc-parser reads differently — never silently.
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(valid && slow !== null).toBe(false);
    return;
  }
  expect(slow).not.toBeNull();
  expect(plain(fast.root)).toEqual(plain(slow as Node));
  const scan = scanText(text);
  expect(fast.scan).toEqual(scan);
}

describe('parseStrictJson', () => {
  it('builds jsonc-parser’s tree for every JSON value, compact and indented', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        expectSameAsReference(JSON.stringify(value, null, indent));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees on text that is almost JSON', () => {
    const near = fc
      .tuple(
        fc.json({ maxDepth: 4 }),
        fc.nat(),
        fc.constantFrom(
          '',
          ',',
          ']',
          '}',
          '"',
          '\\',
          'x',
          '\u2028',
          '\u00a0',
          ' ',
          '0',
          '-',
          '.',
          'e',
        ),
      )
      .map(([json, at, insert]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        return json.slice(0, i) + insert + json.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(fc.property(near, expectSameAsReference), { numRuns: 1000 });
  });

  it.each([
    '{"a": 01}',
    '{"a": 1.}',
    '{"a": .5}',
    '{"a": 1e}',
    '{"a": -}',
    '{"a": truex}',
    '{"a": True}',
    '{"a": "\\x"}',
    '{"a": "\\u12G4"}',
    '{"a": "tab\there"}',
    '{"a": 1,}',
    '[1,]',
    '{"a" 1}',
    '{} {}',
    '',
    '  ',
    '\ufeff{}',
    '{"a":1}\u00a0',
    '{/* c */}',
  ])('gives up on %j', (text) => {
    expect(parseStrictJson(text).ok).toBe(false);
  });

  it.each([
    '{}',
    '[]',
    ' { "a" : [ 1 , -0.5e+3 , true , false , null , "x\\u00e9\\n\\"" ] , "b" : { } } ',
    '"just a string"',
    '{"ü": "日本語 and \\ud83d\\ude00"}',
  ])('reads %j like jsonc-parser', (text) => {
    expect(parseStrictJson(text).ok).toBe(true);
    expectSameAsReference(text);
  });

  it('gives up past MAX_DEPTH without recursing', () => {
    expect(parseStrictJson('['.repeat(65) + ']'.repeat(65))).toEqual({ ok: false, tooDeepAt: 64 });
    expect(parseStrictJson('['.repeat(64) + ']'.repeat(64)).ok).toBe(true);
    expect(parseStrictJson(` {"a": ${'['.repeat(100_000)}`)).toEqual({
      ok: false,
      tooDeepAt: 7 + 63,
    });
    // After a syntax error the slow path finds the depth.
    expect(parseStrictJson(`{"a": 1 2, "b": ${'['.repeat(100)}`)).toEqual({
      ok: false,
      tooDeepAt: -1,
    });
  });
});
