import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse.ts';
import { parseStrictJson } from './strict-json.ts';
import { valueTree } from './value-tree.ts';

// What the text path would read from the value's JSON text.
function viaText(value: unknown) {
  const parsed = parseStrictJson(JSON.stringify(value, null, 2));
  if (!parsed.ok) throw new Error('JSON.stringify gave text the strict parser refuses');
  return { root: parsed.root, scan: parsed.scan };
}

// Strings with the characters that change the written length: quotes, backslashes, control
// characters, Latin-1, characters above U+00FF, surrogate pairs and lone surrogates.
const tricky = fc.string({
  unit: fc.constantFrom(
    'a',
    '"',
    '\\',
    '\n',
    '\u0001',
    '\u00e9',
    '日',
    '😀',
    '\ud800',
    '\udc00',
    ' ',
  ),
});
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('valueTree', () => {
  it('builds the tree and counts of JSON.stringify(value, null, 2), without the text', () => {
    fc.assert(
      fc.property(json, (value) => {
        const tree = valueTree(value);
        expect(tree).not.toBeNull();
        expect({ root: tree?.root, scan: tree?.scan }).toEqual(viaText(value));
        expect(tree?.length).toBe(JSON.stringify(value, null, 2).length);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves unusual values to the text path', () => {
    expect(valueTree({ a: undefined })).toBeNull();
    expect(valueTree({ a: () => 1 })).toBeNull();
    expect(valueTree([Number.NaN])).toBeNull();
    expect(valueTree({ when: new Date(0) })).toBeNull();
    expect(valueTree({ Statement: [{ toJSON: () => 'written otherwise' }] })).toBeNull();
    // A key named toJSON that is not a method is written as any other key.
    const named = { toJSON: 'x' };
    expect(valueTree(named)?.length).toBe(JSON.stringify(named, null, 2).length);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(valueTree(cyclic)).toBeNull();
  });

  it('gives parsePolicy the same findings, positions and text as the policy written out', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/日' },
        {
          Effect: 'Alow',
          Action: 's3:*',
          Resource: '*',
          Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } },
        },
      ],
    };
    const fromValue = parsePolicy(policy, { kind: 'identity' });
    const fromText = parsePolicy(JSON.stringify(policy, null, 2), { kind: 'identity' });
    expect(fromValue.findings).toEqual(fromText.findings);
    expect(fromValue.findings.length).toBeGreaterThan(0);
    expect(fromValue.document).toEqual(fromText.document);
    expect(fromValue.text).toBe(fromText.text);
  });
});
