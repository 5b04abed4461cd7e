import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accountOfPrincipal,
  classifyPrincipal,
  isAccountId,
  parseArn,
  principalForms,
  roleArnOfSession,
  splitArnFields,
} from './index.ts';

// Examples from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
describe('parseArn', () => {
  it('splits the six fields and the resource type', () => {
    expect(parseArn('arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe')).toEqual(
      {
        partition: 'aws',
        service: 'iam',
        region: '',
        account: '123456789012',
        resource: 'user/division_abc/subdivision_xyz/JaneDoe',
        resourceType: 'user',
        resourceId: 'division_abc/subdivision_xyz/JaneDoe',
      },
    );
  });

  it('keeps colons inside the resource', () => {
    const arn = parseArn(
      'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance',
    );
    expect(arn?.region).toBe('us-east-2');
    expect(arn?.resource).toBe('store/abc:111122223333:finance');
    expect(arn?.resourceType).toBe('store');
  });

  it('has no resource type for root or a bucket', () => {
    const root = parseArn('arn:aws:iam::123456789012:root');
    expect(root?.resourceType).toBeUndefined();
    expect(root?.resourceId).toBe('root');
    expect(parseArn('arn:aws:s3:::examplebucket')?.account).toBe('');
  });

  it('accepts the other documented partitions and AWS managed policies', () => {
    expect(parseArn('arn:aws-cn:iam::123456789012:role/R')?.partition).toBe('aws-cn');
    expect(parseArn('arn:aws-us-gov:s3:::b')?.partition).toBe('aws-us-gov');
    expect(parseArn('arn:aws:iam::aws:policy/AdministratorAccess')?.account).toBe('aws');
  });

  it.each([
    'arn:aws:iam::12345678901:root',
    'arn:aws:iam::1234567890123:root',
    'arn:aws:iam::12345678901a:root',
    'arn:aws-moon:iam::123456789012:root',
    'arn:AWS:iam::123456789012:root',
    'arn:aws:::123456789012:root',
    'arn:aws:iam::123456789012:',
    'arn:aws:iam:123456789012:root',
    'ARN:aws:iam::123456789012:root',
    'aws:iam::123456789012:root',
    '',
    '*',
  ])('rejects the impossible ARN %s', (text) => {
    expect(parseArn(text)).toBeNull();
  });

  it('returns null for non-strings', () => {
    expect(parseArn(42)).toBeNull();
    expect(parseArn(null)).toBeNull();
    expect(parseArn({ toString: () => 'arn:aws:iam::123456789012:root' })).toBeNull();
  });

  it('splits at most five colons', () => {
    expect(splitArnFields('a:b:c:d:e:f:g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f:g']);
    expect(splitArnFields('a:b:c:d:e')).toBeNull();
  });

  it('never throws and stays linear on long input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        parseArn(s);
        classifyPrincipal(s);
        accountOfPrincipal(s);
        principalForms(s);
        roleArnOfSession(s);
      }),
    );
    const long = `arn:aws:s3:::${'a:'.repeat(50_000)}`;
    const started = performance.now();
    expect(parseArn(long)?.service).toBe('s3');
    classifyPrincipal(long);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

// Forms from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
describe('classifyPrincipal', () => {
  it('treats an account ID and the root ARN as the same account', () => {
    expect(classifyPrincipal('123456789012')).toMatchObject({
      kind: 'account',
      account: '123456789012',
    });
    expect(classifyPrincipal('arn:aws:iam::123456789012:root')).toMatchObject({
      kind: 'account',
      account: '123456789012',
    });
  });

  it('reads users and roles with paths', () => {
    expect(
      classifyPrincipal('arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess'),
    ).toMatchObject({
      kind: 'role',
      path: '/application_abc/component_xyz/',
      name: 'RDSAccess',
    });
    expect(classifyPrincipal('arn:aws:iam::123456789012:user/JohnDoe')).toMatchObject({
      kind: 'user',
      path: '/',
      name: 'JohnDoe',
    });
  });

  it('recognises groups so that validation can reject them', () => {
    expect(classifyPrincipal('arn:aws:iam::123456789012:group/Developers')?.kind).toBe('group');
  });

  it('reads sessions, federated users and identity providers', () => {
    expect(
      classifyPrincipal('arn:aws:sts::123456789012:assumed-role/Accounting-Role/Mary'),
    ).toMatchObject({
      kind: 'assumed-role',
      roleName: 'Accounting-Role',
      sessionName: 'Mary',
    });
    expect(classifyPrincipal('arn:aws:sts::123456789012:federated-user/Paulo')?.kind).toBe(
      'federated-user',
    );
    expect(classifyPrincipal('arn:aws:iam::123456789012:saml-provider/ADFSProvider')).toMatchObject(
      {
        kind: 'saml-provider',
        name: 'ADFSProvider',
      },
    );
    expect(
      classifyPrincipal(
        'arn:aws:iam::012345678910:oidc-provider/token.actions.githubusercontent.com',
      ),
    ).toMatchObject({ kind: 'oidc-provider', host: 'token.actions.githubusercontent.com' });
    expect(classifyPrincipal('accounts.google.com')?.kind).toBe('web-identity-provider');
    expect(classifyPrincipal('cognito-identity.amazonaws.com')?.kind).toBe('web-identity-provider');
    expect(classifyPrincipal('ec2.amazonaws.com')?.kind).toBe('service');
    expect(classifyPrincipal('anonymous')?.kind).toBe('anonymous');
    expect(classifyPrincipal('*')?.kind).toBe('wildcard');
    expect(classifyPrincipal('AIDACKCEVSQ6C2EXAMPLE')?.kind).toBe('unique-id');
  });

  it.each([
    'arn:aws:iam::123456789012:user/*',
    'arn:aws:iam::123456789012:role/Dev*',
    'arn:aws:sts::123456789012:assumed-role/R/*',
    'arn:aws:sts::123456789012:assumed-role/path/R/S',
    'arn:aws:sts::123456789012:assumed-role/R/S/extra',
    'arn:aws:sts::123456789012:assumed-role/R/x',
    'arn:aws:iam::*:root',
    'arn:aws:iam::123456789012:policy/P',
    'arn:aws:iam::123456789012:user//Bob',
    'arn:aws:iam::123456789012:user:Bob',
    'arn:aws:iam:us-east-1:123456789012:user/Bob',
    `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`,
    'arn:aws:s3:::bucket',
    'Bob',
    '',
  ])('rejects %s', (text) => {
    expect(classifyPrincipal(text)).toBeNull();
  });
});

describe('accountOfPrincipal', () => {
  it.each([
    ['arn:aws:iam::111111111111:user/alice', '111111111111'],
    ['arn:aws:iam::111111111111:role/path/Deploy', '111111111111'],
    ['arn:aws:iam::111111111111:root', '111111111111'],
    ['111111111111', '111111111111'],
    ['arn:aws:sts::222222222222:assumed-role/Deploy/alice', '222222222222'],
    ['arn:aws:sts::222222222222:federated-user/bob', '222222222222'],
    ['arn:aws:iam::222222222222:saml-provider/Okta', null],
    ['arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com', null],
    ['accounts.google.com', null],
    ['ec2.amazonaws.com', null],
    ['anonymous', null],
    ['arn:aws:iam::111111111111:group/Admins', null],
    ['not a principal', null],
  ])('%s → %s', (principal, account) => {
    expect(accountOfPrincipal(principal)).toBe(account);
  });
});

describe('roleArnOfSession and principalForms', () => {
  const session = 'arn:aws:sts::222222222222:assumed-role/Deploy/alice';

  it('rebuilds the role ARN, with the path the session ARN lost', () => {
    expect(roleArnOfSession(session)).toBe('arn:aws:iam::222222222222:role/Deploy');
    expect(roleArnOfSession(session, '/ci/')).toBe('arn:aws:iam::222222222222:role/ci/Deploy');
    expect(roleArnOfSession(session, 'ci')).toBeNull();
    expect(roleArnOfSession('arn:aws:iam::222222222222:role/Deploy')).toBeNull();
  });

  it('lists every way a policy can name a session', () => {
    expect(principalForms(session, { rolePath: '/ci/' })).toEqual([
      session,
      'arn:aws:iam::222222222222:role/ci/Deploy',
      '222222222222',
      'arn:aws:iam::222222222222:root',
    ]);
  });

  it('lists a user, an account and an IdP', () => {
    expect(principalForms('arn:aws:iam::111111111111:user/alice')).toEqual([
      'arn:aws:iam::111111111111:user/alice',
      '111111111111',
      'arn:aws:iam::111111111111:root',
    ]);
    expect(principalForms('arn:aws:iam::111111111111:root')).toEqual([
      '111111111111',
      'arn:aws:iam::111111111111:root',
    ]);
    expect(principalForms('accounts.google.com')).toEqual(['accounts.google.com']);
    expect(principalForms('anonymous')).toEqual([]);
    expect(principalForms('arn:aws:iam::111111111111:group/Admins')).toEqual([]);
  });

  it('checks account IDs strictly', () => {
    expect(isAccountId('123456789012')).toBe(true);
    expect(isAccountId('12345678901')).toBe(false);
    expect(isAccountId(123456789012)).toBe(false);
  });
});
