import { describe, expect, it } from 'vitest';
import {
  FINDING_CODES,
  parsePolicy,
  type Finding,
  type ParsedPolicy,
  type PolicyKind,
} from './index.ts';

function parse(
  input: unknown,
  kind: PolicyKind = 'identity',
  extra: { thirdPartyAccounts?: string[]; sizeLimit?: number | null } = {},
): ParsedPolicy {
  return parsePolicy(input, { kind, ...extra });
}

function codes(p: ParsedPolicy): string[] {
  return p.findings.map((f) => f.code);
}

function only(p: ParsedPolicy, code: string): Finding {
  const found = p.findings.filter((f) => f.code === code);
  expect(found, `findings: ${codes(p).join(', ')}`).toHaveLength(1);
  return found[0] as Finding;
}

function policy(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

const allowS3 = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const trustAccount = {
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111111111111:root' },
  Action: 'sts:AssumeRole',
};

describe('strict JSON', () => {
  it('reports a missing comma with line and column, in both languages', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow" "Action": "*", "Resource": "*"}]\n}';
    const p = parse(text);
    expect(p.document).toBeNull();
    expect(p.hasErrors).toBe(true);
    const f = only(p, 'malformed-json');
    expect(f.position).toEqual({ line: 3, column: 36 });
    expect(f.message.en).toBe(
      'the policy is not valid JSON: a comma was expected at line 3, column 36',
    );
    expect(f.message.ja).toContain('3 行 36 列目');
    expect(text.slice(f.range?.start, f.range?.end)).toBe('"Action"');
  });

  it('rejects comments and trailing commas, which IAM does not accept', () => {
    const comment = parse(
      '{"Version": "2012-10-17", /* note */ "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}',
    );
    expect(comment.findings[0]?.message.en).toContain('comments are not allowed');
    const trailing = parse(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},]}',
    );
    expect(codes(trailing)).toEqual(['malformed-json']);
    expect(trailing.findings[0]?.message.en).toContain('trailing commas are not allowed');
  });

  it('reports empty text and non-object documents', () => {
    expect(parse('   ').findings[0]?.message.en).toBe('the policy is empty, not a JSON object');
    expect(codes(parse('[]'))).toEqual(['not-an-object']);
    expect(parse('"text"').findings[0]?.message.en).toBe(
      'the policy must be a JSON object, not a string',
    );
    expect(codes(parse(null))).toEqual(['not-an-object']);
    expect(codes(parse(undefined))).toEqual(['not-an-object']);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(codes(parse(cyclic))).toEqual(['not-an-object']);
  });

  it('refuses deep nesting with a finding instead of recursing', () => {
    const p = parse(`{"Statement": ${'['.repeat(100_000)}`);
    expect(codes(p)).toEqual(['nesting-too-deep']);
    expect(p.findings[0]?.range?.start).toBe(14 + 63);
    // Brackets inside strings do not count.
    const ok = parse(
      policy({ ...allowS3, Sid: 'a', Resource: `arn:aws:s3:::b/${'['.repeat(200)}` }),
    );
    expect(codes(ok)).not.toContain('nesting-too-deep');
  });

  it('reports duplicate keys ("must not contain multiple instances of the same key")', () => {
    const p = parse(
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}',
    );
    expect(only(p, 'duplicate-key').path).toBe('/Statement/Effect');
    expect(p.document?.statements[0]?.effect).toBe('Allow');
  });
});

describe('the typed document', () => {
  it('serialises object input and keeps ranges into that text', () => {
    const p = parse(
      policy(allowS3, { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], NotResource: '*' }),
    );
    expect(p.text).toBe(
      JSON.stringify(
        policy(allowS3, { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], NotResource: '*' }),
        null,
        2,
      ),
    );
    expect(p.findings).toEqual([]);
    expect(p.hasErrors).toBe(false);
    const [first, second] = p.document?.statements ?? [];
    expect(first?.action?.[0]).toMatchObject({
      value: 's3:GetObject',
      path: '/Statement/0/Action',
    });
    const r = first?.action?.[0]?.range;
    expect(p.text.slice(r?.start, r?.end)).toBe('"s3:GetObject"');
    expect(second?.notAction?.map((a) => a.path)).toEqual([
      '/Statement/1/NotAction/0',
      '/Statement/1/NotAction/1',
    ]);
    expect(second).toMatchObject({ index: 1, effect: 'Deny', path: '/Statement/1' });
    expect(p.document?.version).toBe('2012-10-17');
  });

  it('accepts a single statement object (index 0) and names the policy', () => {
    const p = parsePolicy(
      { Version: '2012-10-17', Id: 'x', Statement: trustAccount },
      { kind: 'trust', name: 'DeployTrust' },
    );
    expect(p.name).toBe('DeployTrust');
    expect(p.document?.id).toBe('x');
    expect(p.document?.statements[0]).toMatchObject({ index: 0, path: '/Statement' });
    expect(parse(policy(allowS3)).name).toBe('identity');
  });

  it('reads principals and conditions with their paths', () => {
    const p = parse(
      policy({
        ...trustAccount,
        Principal: {
          AWS: ['111111111111', 'arn:aws:iam::111111111111:role/path/R'],
          Service: 'ec2.amazonaws.com',
        },
        Condition: {
          StringEquals: { 'sts:ExternalId': ['a1', 'b2'] },
          Bool: { 'aws:MultiFactorAuthPresent': true },
          NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
        },
      }),
      'trust',
    );
    expect(p.findings).toEqual([]);
    const st = p.document?.statements[0];
    expect(st?.principal?.kind).toBe('map');
    if (st?.principal?.kind === 'map') {
      expect(st.principal.entries.map((e) => [e.type, e.value.value, e.value.path])).toEqual([
        ['AWS', '111111111111', '/Statement/0/Principal/AWS/0'],
        ['AWS', 'arn:aws:iam::111111111111:role/path/R', '/Statement/0/Principal/AWS/1'],
        ['Service', 'ec2.amazonaws.com', '/Statement/0/Principal/Service'],
      ]);
    }
    expect(
      st?.conditions.map((c) => [
        c.operator.value,
        c.key.value,
        c.values.map((v) => v.value),
        c.path,
      ]),
    ).toEqual([
      [
        'StringEquals',
        'sts:ExternalId',
        ['a1', 'b2'],
        '/Statement/0/Condition/StringEquals/sts:ExternalId',
      ],
      [
        'Bool',
        'aws:MultiFactorAuthPresent',
        ['true'],
        '/Statement/0/Condition/Bool/aws:MultiFactorAuthPresent',
      ],
      [
        'NumericLessThan',
        'aws:MultiFactorAuthAge',
        ['3600'],
        '/Statement/0/Condition/NumericLessThan/aws:MultiFactorAuthAge',
      ],
    ]);
  });

  it('escapes JSON pointer segments', () => {
    const p = parse(
      policy({ ...allowS3, Condition: { StringLike: { 'aws:PrincipalTag/a~b': 'x' } } }),
    );
    expect(p.document?.statements[0]?.conditions[0]?.path).toBe(
      '/Statement/0/Condition/StringLike/aws:PrincipalTag~1a~0b',
    );
  });

  it('keeps __proto__ and constructor keys as plain data', () => {
    const text =
      '{"Version": "2012-10-17", "__proto__": {"x": 1}, "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "constructor": 1, "Condition": {"StringEquals": {"__proto__": "a"}}}}';
    const p = parse(text);
    expect(codes(p)).toEqual(['unknown-element', 'unknown-element']);
    // An unknown element makes AWS reject the policy but does not stop evaluation.
    expect(p.document?.statements[0]?.conditions[0]?.key.value).toBe('__proto__');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

// Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
describe('grammar findings', () => {
  it('reports unknown elements, suggesting the right case', () => {
    const p = parse(policy({ ...allowS3, Comment: 'read only' }));
    expect(only(p, 'unknown-element').path).toBe('/Statement/0/Comment');
    const lower = parse({ version: '2012-10-17', Statement: allowS3 });
    expect(lower.findings.find((f) => f.code === 'unknown-element')?.message.en).toContain(
      'write `Version`',
    );
  });

  it('reports wrong types', () => {
    const p = parse({
      Version: 2012,
      Statement: [{ Effect: true, Action: { a: 1 }, Resource: ['*', 5] }, 7],
    });
    expect(codes(p).filter((c) => c === 'wrong-type')).toHaveLength(5);
    expect(p.findings.find((f) => f.path === '/Statement/0/Resource/1')?.message.en).toBe(
      '`Resource` must be a string, not a number',
    );
    expect(p.document?.statements).toHaveLength(0);
  });

  it('checks Version (reference_policies_elements_version)', () => {
    expect(codes(parse({ Version: '2012-10-18', Statement: allowS3 }))).toEqual([
      'invalid-version',
    ]);
    expect(parse({ Version: '2008-10-17', Statement: allowS3 }).findings).toEqual([]);
    const none = parse({ Statement: allowS3 });
    expect(only(none, 'missing-version').severity).toBe('suggestion');
    expect(none.hasErrors).toBe(false);
    expect(none.document?.version).toBeUndefined();
  });

  it('warns about variables the old version reads as text', () => {
    const withVar = { ...allowS3, Resource: 'arn:aws:s3:::bucket/home/${aws:username}/*' };
    const old = parse({ Version: '2008-10-17', Statement: withVar });
    expect(only(old, 'variables-in-old-version').severity).toBe('warning');
    expect(codes(parse({ Statement: withVar }))).toEqual([
      'missing-version',
      'variables-in-old-version',
    ]);
    expect(parse(policy(withVar)).findings).toEqual([]);
    const cond = parse({
      Version: '2008-10-17',
      Statement: {
        ...allowS3,
        Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/' } },
      },
    });
    expect(only(cond, 'variables-in-old-version').path).toBe(
      '/Statement/Condition/StringLike/s3:prefix',
    );
  });

  it('requires a non-empty Statement', () => {
    expect(codes(parse({ Version: '2012-10-17' }))).toEqual(['missing-statement']);
    expect(codes(parse({ Version: '2012-10-17', Statement: [] }))).toEqual(['missing-statement']);
  });

  it('requires a case-sensitive Effect (reference_policies_elements_effect)', () => {
    expect(codes(parse(policy({ Action: '*', Resource: '*' })))).toEqual(['missing-effect']);
    const p = parse(policy({ ...allowS3, Effect: 'allow' }));
    expect(only(p, 'invalid-effect').message.en).toContain('not `allow`');
    expect(p.document?.statements).toHaveLength(0);
  });

  it('requires exactly one of Action / NotAction', () => {
    expect(codes(parse(policy({ Effect: 'Allow', Resource: '*' })))).toEqual(['missing-action']);
    const both = parse(policy({ ...allowS3, NotAction: 's3:PutObject' }));
    expect(codes(both)).toEqual(['action-and-notaction']);
    expect(both.document?.statements).toHaveLength(0);
  });

  it('checks action strings (service:Action or *)', () => {
    const p = parse(
      policy({
        ...allowS3,
        Action: ['GetObject', 's3:', 's3:Get*', 'S3:get?bject', '*', 'ec2 :Run', 's3:Get:Object'],
      }),
    );
    expect(p.findings.filter((f) => f.code === 'invalid-action').map((f) => f.path)).toEqual([
      '/Statement/0/Action/0',
      '/Statement/0/Action/1',
      '/Statement/0/Action/5',
      '/Statement/0/Action/6',
    ]);
  });

  it('requires exactly one of Resource / NotResource where resources apply', () => {
    for (const kind of ['identity', 'boundary', 'session', 'scp'] as const) {
      expect(codes(parse(policy({ Effect: 'Allow', Action: 's3:*' }), kind))).toContain(
        'missing-resource',
      );
    }
    expect(codes(parse(policy({ ...allowS3, NotResource: '*' })))).toEqual([
      'resource-and-notresource',
    ]);
  });

  it('checks resource ARNs, allowing wildcards in any field and variables in the resource part', () => {
    const good = [
      '*',
      'arn:aws:s3:::bucket',
      'arn:aws:iam::*:user/${aws:username}',
      'arn:*:s3:::b',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:someservice:*:111122223333:finance/*',
      'arn:aws:ec2:us-east-1:123456789012:instance/*',
    ];
    expect(parse(policy({ ...allowS3, Resource: good })).findings).toEqual([]);
    const bad = [
      'bucket/key.txt',
      'arn:aws:s3::bucket',
      'arn:aws-moon:s3:::b',
      'arn:aws:iam::12345:root',
      'arn:aws::::x',
      'ARN:aws:s3:::b',
      'arn:aws:s3:::',
      '',
    ];
    const p = parse(policy({ ...allowS3, Resource: bad }));
    expect(p.findings.filter((f) => f.code === 'invalid-arn')).toHaveLength(bad.length);
    // reference_policies_variables.html: no variable before the fifth colon.
    const early = [
      'arn:aws:iam::${aws:PrincipalAccount}:role/x',
      'arn:aws:sqs:${aws:RequestedRegion}:111122223333:queue',
      'arn:${aws:partition}:s3:::b',
    ];
    const q = parse(policy({ ...allowS3, Resource: early }));
    expect(q.findings.map((f) => [f.code, f.severity])).toEqual(
      early.map(() => ['variable-before-resource-part', 'error']),
    );
    expect(q.hasErrors).toBe(true);
  });

  it('checks Sid characters in IAM policies and their uniqueness', () => {
    const p = parse(policy({ ...allowS3, Sid: 'Read-Only' }));
    expect(codes(p)).toEqual(['invalid-sid']);
    expect(
      parse(policy({ ...allowS3, Sid: 'Read Only' }), 'resource').findings.map((f) => f.code),
    ).not.toContain('invalid-sid');
    const dup = parse(policy({ ...allowS3, Sid: 'A1' }, { ...allowS3, Sid: 'A1' }));
    expect(only(dup, 'duplicate-sid').path).toBe('/Statement/1/Sid');
  });

  it('suggests that empty lists match nothing', () => {
    const p = parse(
      policy({ ...allowS3, Action: [], Condition: { StringEquals: { 'aws:username': [] } } }),
    );
    expect(p.findings.map((f) => [f.code, f.severity])).toEqual([
      ['empty-value', 'suggestion'],
      ['empty-value', 'suggestion'],
    ]);
  });

  it('warns about Id in identity-based policies (grammar notes)', () => {
    expect(codes(parse({ Version: '2012-10-17', Id: 'x', Statement: allowS3 }))).toEqual([
      'id-in-identity-policy',
    ]);
    expect(
      parse(
        { Version: '2012-10-17', Id: 'x', Statement: { ...allowS3, Principal: '*' } },
        'resource',
      ).findings,
    ).toEqual([]);
  });

  it('accepts only the characters IAM accepts (reference_iam-quotas)', () => {
    const p = parse(
      policy({ ...allowS3, Condition: { StringEquals: { 'aws:PrincipalTag/team': '開発' } } }),
    );
    const f = only(p, 'invalid-character');
    expect(f.message.en).toContain('U+958B');
    expect(f.message.en).toContain('and 1 more');
    expect(
      parse(
        policy({ ...allowS3, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'café' } } }),
      ).findings,
    ).toEqual([]);
  });
});

// Principal: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
describe('principals by kind', () => {
  it('refuses Principal in identity-side policies', () => {
    for (const kind of ['identity', 'boundary', 'session', 'scp'] as const) {
      const p = parse(policy({ ...allowS3, Principal: '*' }), kind);
      expect(only(p, 'principal-not-allowed').path).toBe('/Statement/0/Principal');
    }
  });

  it('refuses NotPrincipal in trust policies (reference_policies_elements_notprincipal)', () => {
    const p = parse(
      policy({ Effect: 'Deny', NotPrincipal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }),
      'trust',
    );
    expect(codes(p)).toEqual(['principal-not-allowed']);
  });

  it('requires Principal in trust and resource policies', () => {
    expect(codes(parse(policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust'))).toEqual([
      'missing-principal',
    ]);
    expect(codes(parse(policy(allowS3), 'resource'))).toEqual(['missing-principal']);
    expect(
      codes(parse(policy({ ...allowS3, Principal: '*', NotPrincipal: '*' }), 'resource')),
    ).toContain('principal-and-notprincipal');
  });

  it('accepts every documented principal form', () => {
    const p = parse(
      policy({
        Effect: 'Allow',
        Principal: {
          AWS: [
            '*',
            '123456789012',
            'arn:aws:iam::123456789012:root',
            'arn:aws:iam::123456789012:user/user-name',
            'arn:aws:iam::123456789012:role/role-name',
            'arn:aws:sts::123456789012:assumed-role/role-name/role-session-name',
            'arn:aws:sts::123456789012:federated-user/user-name',
          ],
          Federated: [
            'arn:aws:iam::123456789012:saml-provider/provider-name',
            'cognito-identity.amazonaws.com',
            'www.amazon.com',
            'graph.facebook.com',
            'accounts.google.com',
          ],
          Service: ['ecs.amazonaws.com', 'elasticloadbalancing.amazonaws.com'],
        },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'x1' } },
      }),
      'trust',
    );
    expect(p.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('rejects groups, partial wildcards, unknown types and malformed values as invalid principals', () => {
    const cases: [object, string][] = [
      [{ AWS: 'arn:aws:iam::111111111111:group/Admins' }, 'is an IAM group'],
      [{ AWS: 'arn:aws:iam::*:root' }, 'wildcard inside a principal'],
      [{ AWS: 'arn:aws:iam::111111111111:user/*' }, 'wildcard inside a principal'],
      [{ AWS: 'arn:aws:sts::111111111111:assumed-role/R/*' }, 'wildcard inside a principal'],
      [{ User: 'alice' }, 'is not a principal type'],
      [{ AWS: 'alice' }, 'is not a valid `AWS` principal'],
      [{ AWS: 'arn:aws:iam::111111111111:saml-provider/Okta' }, 'belongs under `Federated`'],
      [{ AWS: 'ec2.amazonaws.com' }, 'belongs under `Service`'],
      [{ Federated: 'example.com' }, 'is not a valid `Federated` principal'],
      [{ Service: '*' }, 'is not a valid `Service` principal'],
      [
        { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
        'cannot be used in a role trust policy',
      ],
    ];
    for (const [principal, text] of cases) {
      const p = parse(
        policy({
          Effect: 'Allow',
          Principal: principal,
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
        'trust',
      );
      const f = only(p, 'invalid-principal');
      expect(f.message.en).toContain(text);
      expect(p.hasErrors).toBe(true);
    }
    const str = parse(
      policy({ Effect: 'Allow', Principal: '111111111111', Action: 'sts:AssumeRole' }),
      'trust',
    );
    expect(only(str, 'invalid-principal').message.en).toContain('can only be `"*"`');
  });

  it('accepts CanonicalUser in S3-style resource policies', () => {
    const p = parse(
      policy({
        ...allowS3,
        Principal: {
          CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
        },
      }),
      'resource',
    );
    expect(p.findings).toEqual([]);
  });

  it('warns about unique IDs left by a deleted user or role', () => {
    const p = parse(
      policy({ ...trustAccount, Principal: { AWS: 'AIDACKCEVSQ6C2EXAMPLE' } }),
      'trust',
    );
    expect(only(p, 'principal-unique-id').severity).toBe('warning');
  });
});

describe('trust policies', () => {
  it('allows only the STS role actions, or wildcards that cover one', () => {
    const ok = parse(
      policy({
        ...trustAccount,
        Action: [
          'sts:AssumeRole',
          'sts:TagSession',
          'sts:SetSourceIdentity',
          'sts:AssumeRole*',
          'STS:assumerolewithsaml',
          'sts:*',
          '*',
        ],
      }),
      'trust',
    );
    expect(ok.findings).toEqual([]);
    const bad = parse(
      policy({ ...trustAccount, Action: ['s3:GetObject', 'sts:GetCallerIdentity', 'sts:Get*'] }),
      'trust',
    );
    expect(bad.findings.map((f) => [f.code, f.path])).toEqual([
      ['invalid-trust-action', '/Statement/0/Action/0'],
      ['invalid-trust-action', '/Statement/0/Action/1'],
      ['invalid-trust-action', '/Statement/0/Action/2'],
    ]);
  });

  it('refuses Resource in a trust policy', () => {
    const p = parse(policy({ ...trustAccount, Resource: '*' }), 'trust');
    expect(only(p, 'resource-not-allowed').message.en).toBe(
      'a role trust policy cannot have `Resource`: the role itself is the resource',
    );
  });
});

// Operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
describe('conditions', () => {
  function cond(condition: object): ParsedPolicy {
    return parse(policy({ ...allowS3, Condition: condition }));
  }

  it('rejects unknown operators and drops the statement', () => {
    const p = cond({ StringEqualz: { 'aws:username': 'a' } });
    expect(codes(p)).toEqual(['unknown-condition-operator']);
    expect(p.document?.statements).toHaveLength(0);
    expect(cond({ stringequals: { 'aws:username': 'a' } }).findings[0]?.message.en).toContain(
      'write `StringEquals`',
    );
  });

  it('rejects NullIfExists with its own code', () => {
    expect(codes(cond({ NullIfExists: { 'aws:TokenIssueTime': 'true' } }))).toEqual([
      'null-with-ifexists',
    ]);
    expect(codes(cond({ 'ForAnyValue:NullIfExists': { 'aws:TagKeys': 'true' } }))).toEqual([
      'null-with-ifexists',
    ]);
  });

  it('checks values per operator family and keeps the statement', () => {
    const p = cond({
      Bool: { 'aws:SecureTransport': ['true', 'False', 'yes'] },
      Null: { 'aws:TokenIssueTime': 'maybe' },
      NumericLessThanEquals: { 's3:max-keys': ['10', '1.5', 'ten'] },
      DateGreaterThan: {
        'aws:TokenIssueTime': ['2020-01-01T00:00:01Z', '1577836800', '2020-02-30', 'yesterday'],
      },
      IpAddress: {
        'aws:SourceIp': [
          '203.0.113.0/24',
          '2001:DB8:1234:5678::/64',
          '10.0.0.1',
          '256.0.0.1',
          '2001:db8::1::2',
        ],
      },
      BinaryEquals: { key: ['QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'not base64!'] },
    });
    expect(p.findings.map((f) => [f.code, f.path])).toEqual([
      ['invalid-bool-value', '/Statement/0/Condition/Bool/aws:SecureTransport/2'],
      ['invalid-bool-value', '/Statement/0/Condition/Null/aws:TokenIssueTime'],
      ['invalid-numeric-value', '/Statement/0/Condition/NumericLessThanEquals/s3:max-keys/2'],
      ['invalid-date-value', '/Statement/0/Condition/DateGreaterThan/aws:TokenIssueTime/2'],
      ['invalid-date-value', '/Statement/0/Condition/DateGreaterThan/aws:TokenIssueTime/3'],
      ['invalid-ip-value', '/Statement/0/Condition/IpAddress/aws:SourceIp/3'],
      ['invalid-ip-value', '/Statement/0/Condition/IpAddress/aws:SourceIp/4'],
      ['invalid-binary-value', '/Statement/0/Condition/BinaryEquals/key/1'],
    ]);
    expect(p.document?.statements).toHaveLength(1);
    expect(p.document?.statements[0]?.conditions).toHaveLength(6);
  });

  it('allows variables in Bool but not in Numeric', () => {
    expect(cond({ Bool: { 'aws:SecureTransport': '${aws:SecureTransport}' } }).findings).toEqual(
      [],
    );
    expect(codes(cond({ NumericEquals: { 's3:max-keys': '${aws:username}' } }))).toEqual([
      'invalid-numeric-value',
    ]);
  });

  it('rejects nested values and non-object operator blocks', () => {
    expect(codes(cond({ StringEquals: { 'aws:username': [{ a: 1 }] } }))).toEqual(['wrong-type']);
    expect(codes(cond({ StringEquals: 'a' }))).toEqual(['wrong-type']);
    expect(codes(cond([]))).toEqual(['wrong-type']);
    expect(codes(cond({ StringEquals: { 'aws:username': null } }))).toEqual(['wrong-type']);
  });
});

// Quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
describe('size limits', () => {
  function sized(size: number, pretty: boolean): string {
    const base = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '111111111111' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': '' } },
      },
    });
    const pad = 'x'.repeat(size - base.length);
    const doc = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '111111111111' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': pad } },
      },
    };
    return pretty ? JSON.stringify(doc, null, 8) : JSON.stringify(doc);
  }

  it('counts characters without white space, at and over the trust limit', () => {
    const at = sized(2048, true);
    expect(at.length).toBeGreaterThan(2048);
    expect(codes(parse(at, 'trust'))).not.toContain('policy-size-exceeded');
    const over = parse(sized(2049, false), 'trust');
    expect(only(over, 'policy-size-exceeded').message.en).toBe(
      'the policy has 2049 characters not counting white space, over the 2048-character limit for a role trust policy',
    );
    expect(codes(parse(sized(2049, false), 'trust', { sizeLimit: 4096 }))).not.toContain(
      'policy-size-exceeded',
    );
    expect(codes(parse(sized(9000, false), 'resource'))).not.toContain('policy-size-exceeded');
  });

  it('limits session policies to 2,048 and identity policies to 10,240 by default', () => {
    const big = (n: number): object =>
      policy({ ...allowS3, Resource: `arn:aws:s3:::${'b'.repeat(n)}` });
    expect(codes(parse(big(2100), 'session'))).toContain('policy-size-exceeded');
    expect(codes(parse(big(2100), 'identity'))).not.toContain('policy-size-exceeded');
    expect(codes(parse(big(10_300), 'identity'))).toContain('policy-size-exceeded');
    expect(codes(parse(big(6200), 'boundary'))).toContain('policy-size-exceeded');
    expect(codes(parse(big(5200), 'scp'))).toContain('policy-size-exceeded');
  });
});

describe('security warnings', () => {
  it('flags a trust policy that lets anyone assume the role with no condition', () => {
    for (const principal of ['*', { AWS: '*' }]) {
      const p = parse(
        policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }),
        'trust',
      );
      expect(only(p, 'trust-allows-anyone').severity).toBe('security-warning');
      expect(p.hasErrors).toBe(false);
    }
    const guarded = parse(
      policy({
        Effect: 'Allow',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } },
      }),
      'trust',
    );
    expect(guarded.findings).toEqual([]);
    // MFA or an external ID says nothing about who: every account's principals still get in.
    for (const condition of [
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      { StringEquals: { 'sts:ExternalId': 'cw-7f3a91' } },
      { StringNotEquals: { 'aws:PrincipalOrgID': 'o-123' } },
    ]) {
      const open = parse(
        policy({
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: condition,
        }),
        'trust',
      );
      expect(only(open, 'trust-allows-anyone').message.en).toContain(
        'do not say who the caller is',
      );
    }
    expect(
      parse(policy({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }), 'trust').findings,
    ).toEqual([]);
  });

  it('flags Allow with NotPrincipal', () => {
    const p = parse(policy({ ...allowS3, NotPrincipal: { AWS: '111111111111' } }), 'resource');
    expect(only(p, 'allow-with-notprincipal').path).toBe('/Statement/0/NotPrincipal');
    expect(
      parse(
        policy({ ...allowS3, Effect: 'Deny', NotPrincipal: { AWS: '111111111111' } }),
        'resource',
      ).findings,
    ).toEqual([]);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
  const github = {
    Federated: 'arn:aws:iam::012345678910:oidc-provider/token.actions.githubusercontent.com',
  };

  it('flags a GitHub OIDC trust with no :sub condition', () => {
    const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
    const p = parse(
      policy({
        Effect: 'Allow',
        Principal: github,
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: aud },
      }),
      'trust',
    );
    expect(codes(p)).toEqual(['github-oidc-without-sub']);
    const anyRepo = parse(
      policy({
        Effect: 'Allow',
        Principal: github,
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: aud,
          StringLike: { 'token.actions.githubusercontent.com:sub': '*' },
        },
      }),
      'trust',
    );
    expect(codes(anyRepo)).toEqual(['github-oidc-without-sub']);
    const good = parse(
      policy({
        Effect: 'Allow',
        Principal: github,
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: aud,
          StringLike: { 'TOKEN.actions.githubusercontent.com:sub': 'repo:GitHubOrg/GitHubRepo:*' },
        },
      }),
      'trust',
    );
    expect(good.findings).toEqual([]);
  });

  it('flags web-identity trusts without the provider audience condition', () => {
    const p = parse(
      policy({
        Effect: 'Allow',
        Principal: github,
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' } },
      }),
      'trust',
    );
    expect(only(p, 'oidc-without-aud').message.en).toContain(
      '`token.actions.githubusercontent.com:aud`',
    );
    const amazon = parse(
      policy({
        Effect: 'Allow',
        Principal: { Federated: 'www.amazon.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
      }),
      'trust',
    );
    expect(only(amazon, 'oidc-without-aud').message.en).toContain('`www.amazon.com:app_id`');
    const cognito = parse(
      policy({
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456',
          },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
        },
      }),
      'trust',
    );
    expect(cognito.findings).toEqual([]);
  });

  it('flags a third-party trust without sts:ExternalId (id_roles_create_for-user_externalid)', () => {
    const third = { thirdPartyAccounts: ['999999999999'] };
    const p = parse(
      policy({ ...trustAccount, Principal: { AWS: 'arn:aws:iam::999999999999:root' } }),
      'trust',
      third,
    );
    expect(only(p, 'third-party-without-external-id').path).toBe('/Statement/0/Principal/AWS');
    const withId = parse(
      policy({
        ...trustAccount,
        Principal: { AWS: '999999999999' },
        Condition: { StringEquals: { 'sts:ExternalId': 'Example-7f3a' } },
      }),
      'trust',
      third,
    );
    expect(withId.findings).toEqual([]);
    const negated = parse(
      policy({
        ...trustAccount,
        Principal: { AWS: '999999999999' },
        Condition: { StringNotEquals: { 'sts:ExternalId': 'x1' } },
      }),
      'trust',
      third,
    );
    expect(codes(negated)).toEqual(['third-party-without-external-id']);
    expect(parse(policy(trustAccount), 'trust', third).findings).toEqual([]);
  });

  it('warns about SAML trusts without SAML:aud (id_roles_create_for-idp_saml)', () => {
    const saml = { Federated: 'arn:aws:iam::123456789012:saml-provider/ExampleOrgSSOProvider' };
    const p = parse(
      policy({ Effect: 'Allow', Principal: saml, Action: 'sts:AssumeRoleWithSAML' }),
      'trust',
    );
    expect(only(p, 'saml-without-aud').severity).toBe('warning');
    const good = parse(
      policy({
        Effect: 'Allow',
        Principal: saml,
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      }),
      'trust',
    );
    expect(good.findings).toEqual([]);
  });
});

describe('messages', () => {
  it('are one lowercase sentence without a final period, in both languages', () => {
    const p = parse(
      '{"Statement": [{"Effect": "allow", "Action": "x", "Resource": "y", "Principal": {"AWS": "arn:aws:iam::1:group/G"}, "Condition": {"Bool": {"k": "z"}, "Foo": {}}}, {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}',
      'trust',
    );
    expect(p.findings.length).toBeGreaterThan(5);
    for (const f of p.findings) {
      expect(f.message.en).toMatch(/^[a-z`]/);
      expect(f.message.en).not.toMatch(/\.$/);
      expect(f.message.ja.length).toBeGreaterThan(0);
      expect(f.message.ja).not.toMatch(/。$/);
      expect(f.path).toMatch(/^(\/.*)?$/);
      expect(FINDING_CODES[f.code as keyof typeof FINDING_CODES]).toBe(f.severity);
    }
  });
});
