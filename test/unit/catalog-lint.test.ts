// The action catalog's findings (sandbox/catalog/lint.ts): each with its code, severity,
// JSON pointer, range and both languages' messages, on policies as a learner writes them.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../bin/catalog.ts';
import { CATALOG_FINDING_CODES } from '../../sandbox/catalog/codes.ts';
import { lintPolicy } from '../../sandbox/catalog/lint.ts';
import type { Catalog } from '../../sandbox/catalog/types.ts';
import { parsePolicy } from '../../sandbox/policy/parse.ts';
import type { Finding, PolicyKind } from '../../sandbox/policy/types.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function statement(s: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [s] }, null, 2);
}

function lint(text: string, kind: PolicyKind = 'identity'): { text: string; found: Finding[] } {
  const policy = parsePolicy(text, { kind });
  expect(policy.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return { text, found: lintPolicy(policy, catalog) };
}

/** The one finding, checked against the table's severity and the text its range covers. */
function only(
  { text, found }: { text: string; found: Finding[] },
  code: keyof typeof CATALOG_FINDING_CODES,
): Finding & { covered: string } {
  expect(found.map((f) => f.code)).toEqual([code]);
  const f = found[0] as Finding;
  expect(f.severity).toBe(CATALOG_FINDING_CODES[code]);
  expect(f.range).toBeDefined();
  const covered = text.slice(f.range?.start, f.range?.end);
  // Line and column of the range's start, 1-based.
  const before = text.slice(0, f.range?.start);
  expect(f.position).toEqual({
    line: before.split('\n').length,
    column: before.length - before.lastIndexOf('\n'),
  });
  for (const m of [f.message.en, f.message.ja]) expect(m).not.toMatch(/\.$|。$/);
  expect(f.message.en).toMatch(/^[`a-z]/);
  return { ...f, covered };
}

describe('catalog findings', () => {
  it('a clean policy has none', () => {
    const { found } = lint(
      statement({
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:List*'],
        Resource: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::reports'],
        Condition: { StringEquals: { 's3:prefix': 'home/', 'aws:PrincipalTag/team': 'a' } },
      }),
    );
    expect(found).toEqual([]);
  });

  it('unknown action, with the nearest name', () => {
    const f = only(
      lint(statement({ Effect: 'Allow', Action: 's3:GetObjcet', Resource: '*' })),
      'unknown-action',
    );
    expect(f.covered).toBe('"s3:GetObjcet"');
    expect(f.path).toBe('/Statement/0/Action');
    expect(f.message.en).toBe(
      '`s3:GetObjcet` is not an action of Amazon S3; did you mean `s3:GetObject`?',
    );
    expect(f.message.ja).toBe(
      '`s3:GetObjcet` は Amazon S3 のアクションではありません（`s3:GetObject` の間違いではありませんか）',
    );
    const plural = only(
      lint(statement({ Effect: 'Allow', Action: ['s3:ListBuckets'], Resource: '*' })),
      'unknown-action',
    );
    expect(plural.path).toBe('/Statement/0/Action/0');
    expect(plural.message.en).toContain('did you mean `s3:ListBucket`?');
  });

  it('unknown service', () => {
    const f = only(
      lint(statement({ Effect: 'Allow', Action: 's4:GetObject', Resource: '*' })),
      'unknown-service',
    );
    expect(f.covered).toBe('"s4:GetObject"');
    expect(f.message.en).toBe('`s4` is not the prefix of any AWS service; did you mean `s3`?');
    expect(f.message.ja).toBe(
      '`s4` という AWS サービスのプレフィックスはありません（`s3` の間違いではありませんか）',
    );
  });

  it('a wildcard that matches no action', () => {
    const f = only(
      lint(statement({ Effect: 'Deny', Action: 'iam:Delete*Bucket', Resource: '*' })),
      'wildcard-matches-no-action',
    );
    expect(f.covered).toBe('"iam:Delete*Bucket"');
    expect(f.message.en).toContain(
      '`iam:Delete*Bucket` matches no action of AWS Identity and Access Management',
    );
    expect(f.message.ja).toContain('に一致する');
  });

  it('a condition key none of the actions supports, and one that does not exist', () => {
    const unsupported = only(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'ec2:Region': 'eu-west-1' } },
        }),
      ),
      'unsupported-condition-key',
    );
    expect(unsupported.covered).toBe('"ec2:Region"');
    expect(unsupported.path).toBe('/Statement/0/Condition/StringEquals/ec2:Region');
    expect(unsupported.message.en).toContain('(`s3:GetObject`) supports `ec2:Region`');
    expect(unsupported.message.ja).toContain('`ec2:Region` に対応していない');
    // Global keys are supported by every action.
    expect(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      ).found,
    ).toEqual([]);
    const unknown = only(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgId2': 'o-1' } },
        }),
      ),
      'unknown-condition-key',
    );
    expect(unknown.covered).toBe('"aws:PrincipalOrgId2"');
    expect(unknown.message.ja).toContain('グローバル条件キーでもありません');
  });

  it('an operator that does not fit the key type', () => {
    const f = only(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::b',
          Condition: { DateGreaterThan: { 's3:prefix': '2026-01-01' } },
        }),
      ),
      'operator-type-mismatch',
    );
    expect(f.covered).toBe('"s3:prefix"');
    expect(f.message.en).toBe(
      '`DateGreaterThan` does not fit `s3:prefix`, whose values are of type String',
    );
    expect(f.message.ja).toBe('`DateGreaterThan` は `s3:prefix`（値の型は String）には合いません');
  });

  it('a resource ARN no action of the statement takes', () => {
    const f = only(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
        }),
      ),
      'resource-type-mismatch',
    );
    expect(f.covered).toBe('"arn:aws:s3:::reports/*"');
    expect(f.path).toBe('/Statement/0/Resource/1');
    expect(f.message.en).toContain(
      '`s3:ListBucket` can act on (they take `accesspoint`, `bucket`)',
    );
    expect(f.message.ja).toContain('の対象になるリソースではない');
    // A bucket ARN on an object action is the same mistake the other way round.
    expect(
      lint(
        statement({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports' }),
      ).found.map((x) => x.code),
    ).toEqual(['resource-type-mismatch']);
  });

  it('a wildcard action is checked against the resource types of the actions it matches', () => {
    const f = only(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:*',
          Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/Orders',
        }),
      ),
      'resource-type-mismatch',
    );
    // The value as written, not the first of the 180 actions it stands for.
    expect(f.message.en).toMatch(
      /^`arn:aws:dynamodb:[^`]+` is not a resource that `s3:\*` can act on/,
    );
    expect(
      lint(statement({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' }))
        .found,
    ).toEqual([]);
    // Actions that take only "*" are matched by no ARN; alone, they are left alone.
    expect(
      lint(
        statement({
          Effect: 'Allow',
          Action: 's3:ListAllMyBuckets',
          Resource: 'arn:aws:s3:::reports',
        }),
      ).found,
    ).toEqual([]);
  });

  it('names with slashes in them (secrets, parameters, aliases) fit their resource types', () => {
    // A regression: every format variable was taken for one path segment.
    for (const [action, resource] of [
      [
        'secretsmanager:GetSecretValue',
        'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/6/db-*',
      ],
      ['ssm:GetParameter', 'arn:aws:ssm:eu-west-1:111122223333:parameter/app/7/*'],
      ['kms:DeleteAlias', 'arn:aws:kms:eu-west-1:111122223333:alias/app/prod'],
      ['logs:PutLogEvents', 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/app:*'],
    ])
      expect(
        lint(statement({ Effect: 'Allow', Action: action, Resource: resource })).found,
      ).toEqual([]);
    // A bucket name is one segment, so an object ARN still does not name a bucket.
    expect(
      lint(
        statement({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::a/b' }),
      ).found.map((x) => x.code),
    ).toEqual(['resource-type-mismatch']);
  });

  it('iam:PassRole on every role', () => {
    const f = only(
      lint(statement({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })),
      'pass-role-with-star',
    );
    expect(f.covered).toBe('"*"');
    expect(f.message.en).toContain('`iam:PassRole` with `"Resource": "*"`');
    expect(f.message.ja).toContain('渡してよいロールを指定してください');
    expect(
      lint(
        statement({
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: 'arn:aws:iam::111111111111:role/app',
        }),
      ).found,
    ).toEqual([]);
  });

  it('NotAction with Allow', () => {
    const f = only(
      lint(statement({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })),
      'allow-with-notaction',
    );
    expect(f.covered).toBe('"iam:*"');
    expect(f.path).toBe('/Statement/0/NotAction');
    expect(f.message.ja).toContain('`Allow` と `NotAction`');
    expect(lint(statement({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })).found).toEqual(
      [],
    );
  });

  it('trust policies: federation keys belong to their actions', () => {
    const trust = (action: string) =>
      lint(
        statement({
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111111111111:saml-provider/corp' },
          Action: action,
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        }),
        'trust',
      ).found.map((f) => f.code);
    expect(trust('sts:AssumeRoleWithSAML')).toEqual([]);
    expect(trust('sts:AssumeRole')).toEqual(['unsupported-condition-key']);
  });
});

describe('eval cases carry the findings, and the decision stays AWS’s', () => {
  it('an unknown action is reported and simply matches nothing', async () => {
    const { runEvalCase } = await import('../../sandbox/eval-cases/run-cases.ts');
    const c = {
      id: 'typo',
      request: {
        principal: 'arn:aws:iam::111111111111:user/alice',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::reports/a.txt',
      },
      identityPolicies: [
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObjcet', Resource: '*' }],
        },
      ],
    };
    const without = runEvalCase(c);
    const withCatalog = runEvalCase(c, { catalog, lang: 'ja' });
    expect(without).toEqual({ id: 'typo', decision: 'implicitDeny' });
    expect(withCatalog.decision).toBe('implicitDeny');
    expect(withCatalog.findings).toEqual([
      {
        code: 'unknown-action',
        severity: 'error',
        path: '/identityPolicies/0/Statement/0/Action',
        message:
          '`s3:GetObjcet` は Amazon S3 のアクションではありません（`s3:GetObject` の間違いではありませんか）',
      },
    ]);
  });
});
