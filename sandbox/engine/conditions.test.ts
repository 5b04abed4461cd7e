import { describe, expect, it } from 'vitest';
import type { ConditionEntry } from '../policy/types.ts';
import { evaluateCondition } from './conditions.ts';
import { indexContext } from './context.ts';
import type { ContextValue } from './types.ts';

function entry(operator: string, key: string, values: readonly string[]): ConditionEntry {
  return {
    operator: { value: operator, path: '/Statement/0/Condition' },
    key: { value: key, path: `/Statement/0/Condition/${operator}` },
    values: values.map((value, i) => ({
      value,
      path: `/Statement/0/Condition/${operator}/${key}/${i}`,
    })),
    path: `/Statement/0/Condition/${operator}/${key}`,
  };
}

function run(
  operator: string,
  key: string,
  values: readonly string[],
  context: Record<string, ContextValue>,
  version: '2012-10-17' | '2008-10-17' | 'none' = '2012-10-17',
): boolean {
  const v = version === 'none' ? undefined : version;
  return evaluateCondition(entry(operator, key, values), indexContext(context), v).result;
}

describe('string operators', () => {
  it('compares case-sensitively unless IgnoreCase, with key names case-insensitive', () => {
    expect(run('StringEquals', 'aws:username', ['johndoe'], { 'AWS:UserName': 'johndoe' })).toBe(
      true,
    );
    expect(run('StringEquals', 'aws:username', ['johndoe'], { 'aws:username': 'JohnDoe' })).toBe(
      false,
    );
    expect(
      run('StringEqualsIgnoreCase', 'aws:username', ['johndoe'], { 'aws:username': 'JohnDoe' }),
    ).toBe(true);
    expect(run('StringLike', 's3:prefix', ['home/*'], { 's3:prefix': 'home/x' })).toBe(true);
    expect(run('StringEquals', 's3:prefix', ['home/*'], { 's3:prefix': 'home/x' })).toBe(false);
  });

  it('treats a missing key as false, and as true for negated operators and IfExists', () => {
    expect(run('StringEquals', 'sts:ExternalId', ['x'], {})).toBe(false);
    expect(run('StringNotEquals', 'sts:ExternalId', ['x'], {})).toBe(true);
    expect(run('StringEqualsIfExists', 'sts:ExternalId', ['x'], {})).toBe(true);
    expect(run('StringEqualsIfExists', 'sts:ExternalId', ['x'], { 'sts:ExternalId': 'y' })).toBe(
      false,
    );
  });

  it('ORs policy values and reads negated operators as "matches none"', () => {
    expect(run('StringEquals', 'k', ['a', 'b'], { k: 'b' })).toBe(true);
    expect(run('StringNotEquals', 'k', ['a', 'b'], { k: 'b' })).toBe(false);
    expect(run('StringNotEquals', 'k', ['a', 'b'], { k: 'c' })).toBe(true);
  });
});

describe('set operators', () => {
  it('ForAllValues is true for no values, ForAnyValue false', () => {
    expect(run('ForAllValues:StringEquals', 'aws:TagKeys', ['a'], {})).toBe(true);
    expect(run('ForAnyValue:StringEquals', 'aws:TagKeys', ['a'], {})).toBe(false);
    expect(run('ForAllValues:StringEquals', 'aws:TagKeys', ['a'], { 'aws:TagKeys': [] })).toBe(
      true,
    );
  });

  it('follows the DynamoDB examples of the multi-value page', () => {
    const attrs = { 'dynamodb:Attributes': ['PostDateTime', 'UserName'] };
    expect(
      run(
        'ForAllValues:StringEquals',
        'dynamodb:Attributes',
        ['PostDateTime', 'Message', 'Tags'],
        attrs,
      ),
    ).toBe(false);
    expect(
      run('ForAnyValue:StringEquals', 'dynamodb:Attributes', ['ID', 'PostDateTime'], attrs),
    ).toBe(true);
    expect(
      run('ForAnyValue:StringLike', 'cognito-identity.amazonaws.com:amr', ['authenticated'], {
        'cognito-identity.amazonaws.com:amr': ['authenticated', 'graph.facebook.com'],
      }),
    ).toBe(true);
  });
});

describe('typed operators', () => {
  it('numeric', () => {
    expect(
      run('NumericLessThanEquals', 'aws:MultiFactorAuthAge', ['3600'], {
        'aws:MultiFactorAuthAge': '120',
      }),
    ).toBe(true);
    expect(
      run('NumericLessThan', 'aws:MultiFactorAuthAge', ['3600'], {
        'aws:MultiFactorAuthAge': '3600',
      }),
    ).toBe(false);
    expect(run('NumericEquals', 'k', ['1.5'], { k: '1.50' })).toBe(true);
    expect(run('NumericEquals', 'k', ['x'], { k: '1' })).toBe(false);
  });

  it('dates in ISO 8601 with offsets and in epoch seconds', () => {
    const ctx = { 'aws:CurrentTime': '2020-06-30T12:00:00Z' };
    expect(run('DateGreaterThan', 'aws:CurrentTime', ['2020-01-01T00:00:01Z'], ctx)).toBe(true);
    expect(run('DateLessThan', 'aws:CurrentTime', ['2020-06-30T13:00:00+02:00'], ctx)).toBe(false);
    expect(run('DateEquals', 'aws:CurrentTime', ['1593518400'], ctx)).toBe(true);
    expect(run('DateLessThan', 'aws:CurrentTime', ['2020-07'], ctx)).toBe(true);
    expect(run('DateLessThan', 'aws:CurrentTime', ['2020-13-01'], ctx)).toBe(false);
  });

  it('bool, with the MFA deny pattern', () => {
    expect(
      run('Bool', 'aws:MultiFactorAuthPresent', ['true'], { 'aws:MultiFactorAuthPresent': 'true' }),
    ).toBe(true);
    expect(run('BoolIfExists', 'aws:MultiFactorAuthPresent', ['false'], {})).toBe(true);
    expect(run('Bool', 'aws:MultiFactorAuthPresent', ['false'], {})).toBe(false);
    expect(run('Bool', 'aws:SecureTransport', ['yes'], { 'aws:SecureTransport': 'true' })).toBe(
      false,
    );
  });

  it('IPv4 and IPv6 CIDR', () => {
    expect(
      run('IpAddress', 'aws:SourceIp', ['203.0.113.0/24'], { 'aws:SourceIp': '203.0.113.77' }),
    ).toBe(true);
    expect(
      run('IpAddress', 'aws:SourceIp', ['203.0.113.0/24'], { 'aws:SourceIp': '203.0.114.1' }),
    ).toBe(false);
    expect(
      run('IpAddress', 'aws:SourceIp', ['203.0.113.5'], { 'aws:SourceIp': '203.0.113.5' }),
    ).toBe(true);
    expect(
      run('IpAddress', 'aws:SourceIp', ['2001:DB8:1234:5678::/64'], {
        'aws:SourceIp': '2001:db8:1234:5678:abcd::1',
      }),
    ).toBe(true);
    expect(
      run('IpAddress', 'aws:SourceIp', ['2001:DB8:1234:5678::/64'], {
        'aws:SourceIp': '2001:db8:1234:5679::1',
      }),
    ).toBe(false);
    expect(
      run('NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24'], { 'aws:SourceIp': '2001:db8::1' }),
    ).toBe(true);
  });

  it('ARN operators match per segment, unlike StringLike', () => {
    const ctx = {
      'aws:SourceArn':
        'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    };
    const pattern = ['arn:aws:someservice:*:111122223333:finance/*'];
    expect(run('StringLike', 'aws:SourceArn', pattern, ctx)).toBe(true);
    expect(run('ArnLike', 'aws:SourceArn', pattern, ctx)).toBe(false);
    expect(
      run('ArnEquals', 'aws:SourceArn', ['arn:aws:sns:*:123456789012:topic'], {
        'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic',
      }),
    ).toBe(true);
  });

  it('Null tests existence', () => {
    expect(run('Null', 'aws:TokenIssueTime', ['true'], {})).toBe(true);
    expect(
      run('Null', 'aws:TokenIssueTime', ['true'], { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }),
    ).toBe(false);
    expect(
      run('Null', 'aws:TokenIssueTime', ['false'], {
        'aws:TokenIssueTime': '2020-01-01T00:00:00Z',
      }),
    ).toBe(true);
  });

  it('BinaryEquals compares decoded bytes', () => {
    expect(
      run('BinaryEquals', 'k', ['QmluYXJ5VmFsdWVJbkJhc2U2NA=='], {
        k: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==',
      }),
    ).toBe(true);
    expect(run('BinaryEquals', 'k', ['QmluYXJ5'], { k: 'QmluYXJ6' })).toBe(false);
    expect(run('BinaryEquals', 'k', ['not base64!'], { k: 'not base64!' })).toBe(false);
  });
});

describe('policy variables in conditions', () => {
  it('substitutes in 2012-10-17 and keeps the text in older versions', () => {
    const ctx = { 'aws:username': 'david', 's3:prefix': 'home/david/x' };
    expect(run('StringLike', 's3:prefix', ['home/${aws:username}/*'], ctx)).toBe(true);
    expect(run('StringLike', 's3:prefix', ['home/${aws:username}/*'], ctx, '2008-10-17')).toBe(
      false,
    );
    expect(run('StringEquals', 'k', ['${aws:username}'], { k: '${aws:username}' }, 'none')).toBe(
      true,
    );
  });

  it('a variable with no value matches nothing, so negated operators match', () => {
    expect(run('StringEquals', 'k', ['${aws:PrincipalTag/team}'], { k: 'x' })).toBe(false);
    expect(run('StringNotEquals', 'k', ['${aws:PrincipalTag/team}'], { k: 'x' })).toBe(true);
    expect(run('StringEquals', 'k', ["${aws:PrincipalTag/team, 'none'}"], { k: 'none' })).toBe(
      true,
    );
  });

  it('${*} is a literal asterisk', () => {
    expect(run('StringLike', 'k', ['a${*}'], { k: 'a*' })).toBe(true);
    expect(run('StringLike', 'k', ['a${*}'], { k: 'ab' })).toBe(false);
  });

  it('does not resolve variables for Numeric operators', () => {
    expect(run('NumericEquals', 'k', ['${aws:n}'], { k: '1', 'aws:n': '1' })).toBe(false);
  });
});
