// Cases from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASE_OPERATORS, parseOperator, suggestOperator } from './operators.ts';

describe('parseOperator', () => {
  it('knows the 27 documented base operators', () => {
    expect(BASE_OPERATORS).toHaveLength(27);
    for (const name of BASE_OPERATORS) {
      expect(parseOperator(name)?.base).toBe(name);
    }
  });

  it('reads families and flags', () => {
    expect(parseOperator('StringNotEqualsIgnoreCase')).toEqual({
      base: 'StringNotEqualsIgnoreCase',
      family: 'String',
      ifExists: false,
      set: null,
      negated: true,
      caseInsensitive: true,
      like: false,
      comparison: 'equals',
    });
    expect(parseOperator('NumericLessThanEquals')).toMatchObject({
      family: 'Numeric',
      comparison: 'lessThanEquals',
      negated: false,
    });
    expect(parseOperator('DateGreaterThan')).toMatchObject({
      family: 'Date',
      comparison: 'greaterThan',
    });
    expect(parseOperator('NotIpAddress')).toMatchObject({ family: 'IpAddress', negated: true });
    expect(parseOperator('BinaryEquals')?.family).toBe('Binary');
    expect(parseOperator('Bool')?.family).toBe('Bool');
    expect(parseOperator('Null')?.family).toBe('Null');
  });

  it('treats ArnEquals like ArnLike, as the page says', () => {
    expect(parseOperator('ArnEquals')?.like).toBe(true);
    expect(parseOperator('ArnNotEquals')).toMatchObject({
      like: true,
      negated: true,
      family: 'Arn',
    });
  });

  it('reads IfExists and set prefixes', () => {
    expect(parseOperator('ForAnyValue:StringLikeIfExists')).toMatchObject({
      base: 'StringLike',
      set: 'ForAnyValue',
      ifExists: true,
      like: true,
    });
    expect(parseOperator('ForAllValues:StringEquals')?.set).toBe('ForAllValues');
    expect(parseOperator('BoolIfExists')).toMatchObject({ base: 'Bool', ifExists: true });
  });

  it.each([
    'NullIfExists',
    'stringequals',
    'StringEqual',
    'ForEachValue:StringEquals',
    'forallvalues:StringEquals',
    'ForAnyValue:',
    'ForAnyValue:ForAllValues:StringEquals',
    'IfExists',
    'StringEqualsIfExistsIfExists',
    '',
  ])('rejects %s', (text) => {
    expect(parseOperator(text)).toBeNull();
  });

  it('suggests the documented spelling', () => {
    expect(suggestOperator('stringequals')).toBe('StringEquals');
    expect(suggestOperator('forallvalues:stringlikeifexists')).toBe(
      'ForAllValues:StringLikeIfExists',
    );
    expect(suggestOperator('StringEquals')).toBeNull();
    expect(suggestOperator('nullifexists')).toBeNull();
    expect(suggestOperator('Whatever')).toBeNull();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        parseOperator(value);
        if (typeof value === 'string') suggestOperator(value);
      }),
    );
  });
});
