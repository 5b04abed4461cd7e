// Every STS operation: success with AWS's response shape, and each documented failure with
// AWS's error code and message.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_START } from '../../sandbox/clock/clock.ts';
import { runCall } from '../../sandbox/sts/call.ts';
import { resolveCaller } from '../../sandbox/sts/caller.ts';
import type { AssumeRoleResponse, CallOutcome, StsCall } from '../../sandbox/sts/types.ts';
import type { Caller, Session } from '../../sandbox/world/types.ts';
import { JUMP, PROD, role, VENDOR, world } from './sts-world.ts';

const T0 = DEFAULT_CLOCK_START;
const MIN = 60_000;
const alice: Caller = { type: 'user', arn: `arn:aws:iam::${JUMP}:user/alice` };
const bob: Caller = { type: 'user', arn: `arn:aws:iam::${JUMP}:user/bob` };
const broker: Caller = { type: 'user', arn: `arn:aws:iam::${JUMP}:user/broker` };

function run(
  caller: Caller,
  call: StsCall,
  opts: { now?: number; sessions?: readonly Session[] } = {},
): CallOutcome {
  return runCall({ world, now: opts.now ?? T0, sessions: opts.sessions ?? [] }, caller, call);
}

function ok(outcome: CallOutcome): Extract<CallOutcome, { ok: true }> {
  if (!outcome.ok)
    throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

function failed(outcome: CallOutcome): Extract<CallOutcome, { ok: false }> {
  if (outcome.ok) throw new Error('expected a failure, got success');
  return outcome;
}

/** Runs a call with the session a previous call returned. */
function withSession(
  prev: CallOutcome,
  call: StsCall,
  now = T0,
  extra: readonly Session[] = [],
): CallOutcome {
  const session = ok(prev).newSessions[0];
  if (!session) throw new Error('no session');
  return run({ type: 'session', accessKeyId: session.credentials.accessKeyId }, call, {
    now,
    sessions: [session, ...extra],
  });
}

const deploy = (extra: Partial<Extract<StsCall, { op: 'AssumeRole' }>> = {}): StsCall => ({
  op: 'AssumeRole',
  roleArn: role('Deploy'),
  roleSessionName: 'alice',
  mfa: true,
  ...extra,
});

describe('AssumeRole', () => {
  it('returns credentials and the assumed-role user in the AWS CLI shape', () => {
    const out = ok(run(alice, deploy()));
    const response = out.response as AssumeRoleResponse;
    expect(response.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(response.Credentials.SecretAccessKey).toHaveLength(40);
    expect(response.Credentials.Expiration).toBe('2023-06-01T10:00:00Z');
    expect(response.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/Deploy/alice`);
    expect(response.AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
    expect(out.newSessions[0]?.chained).toBe(false);
    expect(out.trace.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['requestValidation', 'pass'],
      ['callerIdentity', 'pass'],
      ['scps', 'pass'],
      ['trustPolicy', 'pass'],
      ['rcps', 'pass'],
      ['boundary', 'skipped'],
      ['session', 'skipped'],
      ['issueCredentials', 'pass'],
    ]);
    expect(out.trace.decidedAt).toBe('issueCredentials');
  });

  it('is deterministic: the same call at the same time gives the same keys, another time other keys', () => {
    expect(run(alice, deploy())).toEqual(run(alice, deploy()));
    const a = ok(run(alice, deploy())).newSessions[0]?.credentials.accessKeyId;
    const b = ok(run(alice, deploy(), { now: T0 + MIN })).newSessions[0]?.credentials.accessKeyId;
    expect(a).not.toBe(b);
  });

  it('puts the MFA keys and the session name into the request context only when given', () => {
    expect(ok(run(alice, deploy())).trace.context).toMatchObject({
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '0',
      'sts:RoleSessionName': 'alice',
      'aws:PrincipalArn': `arn:aws:iam::${JUMP}:user/alice`,
      'aws:PrincipalOrgID': 'o-testorg00001',
      'aws:username': 'alice',
      'aws:PrincipalTag/team': 'blue',
    });
    const noMfa = failed(run(alice, deploy({ mfa: false })));
    expect(noMfa.trace.context['aws:MultiFactorAuthPresent']).toBeUndefined();
  });

  it('denies without MFA when the trust policy requires it (implicit deny at the trust policy)', () => {
    const out = failed(run(alice, deploy({ mfa: false })));
    expect(out.error.code).toBe('AccessDenied');
    expect(out.decision).toBe('implicitDeny');
    expect(out.error.message).toBe(
      `User: arn:aws:iam::${JUMP}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role('Deploy')}`,
    );
    expect(out.trace.steps.find((s) => s.step === 'trustPolicy')?.outcome).toBe('fail');
  });

  it('denies a user whose identity policies grant nothing, at the caller side', () => {
    const out = failed(
      run(bob, { op: 'AssumeRole', roleArn: role('Tagged'), roleSessionName: 'bob' }),
    );
    expect(out.error.message).toBe(
      `User: arn:aws:iam::${JUMP}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${role('Tagged')}`,
    );
    expect(out.trace.steps.find((s) => s.step === 'callerIdentity')?.outcome).toBe('fail');
  });

  it('answers AccessDenied for a role that does not exist, as AWS does', () => {
    const out = failed(run(alice, deploy({ roleArn: role('Nope') })));
    expect(out.error.code).toBe('AccessDenied');
  });

  it.each([
    [
      600,
      "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    ],
    [
      43201,
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    ],
    [7201, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
  ])('rejects DurationSeconds %i with ValidationError', (durationSeconds, message) => {
    const out = failed(run(alice, deploy({ durationSeconds })));
    expect(out.error.code).toBe('ValidationError');
    expect(out.error.message).toBe(message);
    expect(out.trace.steps[0]?.outcome).toBe('fail');
  });

  it('grants up to the role maximum', () => {
    const out = ok(run(alice, deploy({ durationSeconds: 7200 })));
    expect(out.newSessions[0]?.expiresAt).toBe(T0 + 7200_000);
  });

  it.each([
    ['a', 'Member must have length greater than or equal to 2'],
    ['x'.repeat(65), 'Member must have length less than or equal to 64'],
    ['has space', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'],
  ])('rejects RoleSessionName %j', (roleSessionName, rule) => {
    const out = failed(run(alice, deploy({ roleSessionName })));
    expect(out.error.code).toBe('ValidationError');
    expect(out.error.message).toContain(
      `at 'roleSessionName' failed to satisfy constraint: ${rule}`,
    );
  });

  it.each([
    ['x', 'Member must have length greater than or equal to 2'],
    ['x'.repeat(1225), 'Member must have length less than or equal to 1224'],
    ['white space', 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*'],
  ])('rejects ExternalId %j', (externalId, rule) => {
    const out = failed(run(alice, deploy({ externalId })));
    expect(out.error.message).toContain(`at 'externalId' failed to satisfy constraint: ${rule}`);
  });

  it('rejects a wrong MFA serial number or a malformed code', () => {
    const wrong = failed(
      run(alice, {
        op: 'AssumeRole',
        roleArn: role('Deploy'),
        roleSessionName: 'alice',
        serialNumber: `arn:aws:iam::${JUMP}:mfa/bob`,
        tokenCode: '123456',
      }),
    );
    expect(wrong.error).toMatchObject({
      code: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
    const code = failed(run(alice, deploy({ tokenCode: '12' })));
    expect(code.error.code).toBe('ValidationError');
    expect(code.error.message).toContain("at 'tokenCode'");
  });

  it('limits role chaining to one hour, with AWS’s message', () => {
    const first = run(alice, deploy());
    const chained = failed(
      withSession(first, {
        op: 'AssumeRole',
        roleArn: role('Chained'),
        roleSessionName: 'sc',
        durationSeconds: 3601,
      }),
    );
    expect(chained.error).toMatchObject({
      code: 'ValidationError',
      message:
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const fine = ok(
      withSession(first, { op: 'AssumeRole', roleArn: role('Chained'), roleSessionName: 'sc' }),
    );
    expect(fine.newSessions[0]).toMatchObject({
      chained: true,
      arn: `arn:aws:sts::${PROD}:assumed-role/Chained/sc`,
    });
  });

  it('does not count a workload role (instance profile) as role chaining', () => {
    const workload: Session = {
      kind: 'assumed-role',
      credentials: {
        accessKeyId: 'ASIAWORKLOAD00000000',
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: '',
      },
      arn: `arn:aws:sts::${VENDOR}:assumed-role/AuditService/i-1`,
      accountId: VENDOR,
      userId: 'AROAX:i-1',
      roleArn: `arn:aws:iam::${VENDOR}:role/AuditService`,
      issuedAt: T0,
      expiresAt: T0 + 6 * 3600_000,
      mfa: { present: false },
      sessionPolicies: [],
      tags: [],
      transitiveTagKeys: [],
      chained: false,
      workload: true,
    };
    const caller: Caller = { type: 'session', accessKeyId: workload.credentials.accessKeyId };
    const call = {
      op: 'AssumeRole',
      roleArn: role('VendorRole'),
      roleSessionName: 'audit',
    } as const;
    const withId = ok(
      run(caller, { ...call, externalId: 'Example-7f3a' }, { sessions: [workload] }),
    );
    expect(withId.newSessions[0]?.chained).toBe(false);
    expect(withId.trace.context['sts:ExternalId']).toBe('Example-7f3a');
    expect(failed(run(caller, call, { sessions: [workload] })).decision).toBe('implicitDeny');
    expect(
      failed(run(caller, { ...call, externalId: 'Other-1111' }, { sessions: [workload] })).decision,
    ).toBe('implicitDeny');
    // A workload may ask for more than an hour (not chaining), up to the role's maximum.
    expect(
      failed(
        run(
          caller,
          { ...call, externalId: 'Example-7f3a', durationSeconds: 7200 },
          { sessions: [workload] },
        ),
      ).error.message,
    ).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('fails with ExpiredToken once the session has expired on the simulated clock', () => {
    const first = run(alice, deploy());
    const get = {
      op: 'Call',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::prod-data/report.csv',
    } as const;
    expect(withSession(first, get, T0 + 59 * MIN).ok).toBe(true);
    const late = failed(withSession(first, get, T0 + 60 * MIN));
    expect(late.error).toMatchObject({
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
    expect(failed(withSession(first, { op: 'GetCallerIdentity' }, T0 + 65 * MIN)).error.code).toBe(
      'ExpiredToken',
    );
  });

  it('answers InvalidClientTokenId for credentials the world never issued', () => {
    const out = failed(run({ type: 'session', accessKeyId: 'ASIANOPE000000000000' }, deploy()));
    expect(out.error).toMatchObject({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('intersects the role’s permissions with the session policy', () => {
    const listOnly = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
    });
    const first = run(alice, deploy({ policy: listOnly }));
    expect((ok(first).response as { PackedPolicySize?: number }).PackedPolicySize).toBeGreaterThan(
      0,
    );
    const get = failed(
      withSession(first, {
        op: 'Call',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::prod-data/report.csv',
      }),
    );
    expect(get.error).toMatchObject({ code: 'AccessDenied', message: 'Access Denied' });
    expect(get.trace.steps.find((s) => s.step === 'session')?.outcome).toBe('fail');
    expect(
      withSession(first, {
        op: 'Call',
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::prod-data',
      }).ok,
    ).toBe(true);
  });

  it('rejects oversized or malformed session policies and too many policy ARNs', () => {
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'x'.repeat(2100) }],
    });
    expect(failed(run(alice, deploy({ policy: big }))).error.message).toContain(
      "at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048",
    );
    expect(failed(run(alice, deploy({ policy: '{not json' }))).error.code).toBe(
      'MalformedPolicyDocument',
    );
    const arns = Array.from({ length: 11 }, () => ({
      arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    }));
    expect(failed(run(alice, deploy({ policyArns: arns }))).error.message).toContain(
      'Member must have length less than or equal to 10',
    );
  });

  it('passes session tags only when the trust policy allows sts:TagSession', () => {
    const tags = [{ key: 'project', value: 'blue' }];
    const tagged = ok(
      run(alice, {
        op: 'AssumeRole',
        roleArn: role('Tagged'),
        roleSessionName: 'sa',
        tags,
        transitiveTagKeys: ['project'],
      }),
    );
    expect(tagged.trace.context).toMatchObject({
      'aws:RequestTag/project': 'blue',
      'aws:TagKeys': ['project'],
    });
    expect(tagged.newSessions[0]?.tags).toEqual(tags);
    const refused = failed(run(alice, deploy({ tags })));
    expect(refused.error.message).toBe(
      `User: arn:aws:iam::${JUMP}:user/alice is not authorized to perform: sts:TagSession on resource: ${role('Deploy')}`,
    );
  });

  it('keeps transitive tags through role chaining and shows them as principal tags', () => {
    const first = run(alice, {
      op: 'AssumeRole',
      roleArn: role('Tagged'),
      roleSessionName: 'sa',
      tags: [
        { key: 'project', value: 'blue' },
        { key: 'temp', value: 'x' },
      ],
      transitiveTagKeys: ['project'],
    });
    const second = ok(
      withSession(first, { op: 'AssumeRole', roleArn: role('Chained'), roleSessionName: 'sb' }),
    );
    expect(second.trace.context['aws:PrincipalTag/project']).toBe('blue');
    expect(second.newSessions[0]?.tags).toEqual([{ key: 'project', value: 'blue' }]);
    expect(second.newSessions[0]?.transitiveTagKeys).toEqual(['project']);
  });

  it('validates tag limits and transitive keys', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(failed(run(alice, deploy({ tags: many }))).error.message).toContain("at 'tags'");
    expect(
      failed(run(alice, deploy({ tags: [{ key: 'k'.repeat(129), value: 'v' }] }))).error.message,
    ).toContain('less than or equal to 128');
    expect(
      failed(run(alice, deploy({ tags: [{ key: 'a', value: 'v'.repeat(257) }] }))).error.message,
    ).toContain('less than or equal to 256');
    expect(
      failed(run(alice, deploy({ tags: [{ key: 'a', value: 'v' }], transitiveTagKeys: ['b'] })))
        .error.message,
    ).toContain("at 'transitiveTagKeys'");
  });

  it('sets a source identity only with sts:SetSourceIdentity in the trust policy, and never changes it in a chain', () => {
    const set = ok(
      run(alice, {
        op: 'AssumeRole',
        roleArn: role('Tagged'),
        roleSessionName: 'sa',
        sourceIdentity: 'alice',
      }),
    );
    expect(set.response).toMatchObject({ SourceIdentity: 'alice' });
    expect(set.trace.context['sts:SourceIdentity']).toBe('alice');
    const refused = failed(run(alice, deploy({ sourceIdentity: 'alice' })));
    expect(refused.error.message).toContain('sts:SetSourceIdentity');
    const kept = ok(
      withSession(set, { op: 'AssumeRole', roleArn: role('Chained'), roleSessionName: 'sb' }),
    );
    expect(kept.newSessions[0]?.sourceIdentity).toBe('alice');
    expect(kept.trace.context['aws:SourceIdentity']).toBe('alice');
    const changed = failed(
      withSession(set, {
        op: 'AssumeRole',
        roleArn: role('Chained'),
        roleSessionName: 'sb',
        sourceIdentity: 'mallory',
      }),
    );
    expect(changed.error.code).toBe('ValidationError');
  });

  it('carries no MFA into the role session’s later calls when MFA was given only to AssumeRole', () => {
    const first = run(alice, deploy());
    const session = ok(first).newSessions[0];
    if (!session) throw new Error('no session');
    const resolved = resolveCaller(world, [session], T0, {
      type: 'session',
      accessKeyId: session.credentials.accessKeyId,
    });
    expect(resolved.ok && resolved.identity.context['aws:MultiFactorAuthPresent']).toBe('false');
    expect(resolved.ok && resolved.identity.context['aws:PrincipalArn']).toBe(role('Deploy'));
  });
});

describe('Switch Role (console)', () => {
  const consoleAlice = (mfa: boolean): Caller => ({
    type: 'console-user',
    arn: `arn:aws:iam::${JUMP}:user/alice`,
    mfa,
  });

  it('switches with the user name as session name and the role maximum as duration', () => {
    const out = ok(
      run(consoleAlice(true), { op: 'SwitchRole', account: 'prod', roleName: 'Deploy' }),
    );
    expect(out.newSessions[0]).toMatchObject({
      arn: `arn:aws:sts::${PROD}:assumed-role/Deploy/alice`,
      expiresAt: T0 + 7200_000,
    });
  });

  it('denies a console user signed in without MFA when the trust policy requires it', () => {
    const out = failed(
      run(consoleAlice(false), { op: 'SwitchRole', account: PROD, roleName: 'Deploy' }),
    );
    expect(out.trace.context['aws:MultiFactorAuthPresent']).toBe('false');
    expect(out.decision).toBe('implicitDeny');
  });

  it('is a console feature: not for access keys or role sessions; path + name must fit 64 characters', () => {
    expect(
      failed(run(alice, { op: 'SwitchRole', account: PROD, roleName: 'Deploy' })).error.code,
    ).toBe('InvalidParameterValue');
    const long = failed(
      run(consoleAlice(true), { op: 'SwitchRole', account: PROD, roleName: 'VeryLongPathRole' }),
    );
    expect(long.trace.steps[0]?.reason).toBe('switch-role-name-too-long');
  });
});

describe('GetSessionToken', () => {
  it('returns 12-hour credentials by default and carries MFA into later calls', () => {
    const out = ok(run(alice, { op: 'GetSessionToken', mfa: true }));
    expect(out.newSessions[0]).toMatchObject({
      kind: 'user-session',
      expiresAt: T0 + 43200_000,
      arn: `arn:aws:iam::${JUMP}:user/alice`,
    });
    const session = out.newSessions[0];
    if (!session) throw new Error('no session');
    const later = resolveCaller(world, [session], T0 + 10 * MIN, {
      type: 'session',
      accessKeyId: session.credentials.accessKeyId,
    });
    expect(later.ok && later.identity.context).toMatchObject({
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '600',
    });
    // The MFA-carrying session satisfies the MFA trust policy when it assumes a role.
    expect(
      withSession(run(alice, { op: 'GetSessionToken', mfa: true }), {
        op: 'AssumeRole',
        roleArn: role('Deploy'),
        roleSessionName: 'sa',
      }).ok,
    ).toBe(true);
  });

  it('rejects session credentials and out-of-range durations', () => {
    const session = run(alice, deploy());
    expect(failed(withSession(session, { op: 'GetSessionToken' })).error).toMatchObject({
      code: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
    expect(
      failed(run(alice, { op: 'GetSessionToken', durationSeconds: 129601 })).error.message,
    ).toContain('less than or equal to 129600');
    expect(failed(run(bob, { op: 'GetSessionToken', mfa: true })).error.code).toBe('AccessDenied');
  });

  it('without MFA, its credentials cannot call IAM', () => {
    const out = failed(
      withSession(run(alice, { op: 'GetSessionToken' }), {
        op: 'Call',
        action: 'iam:ListUsers',
        resource: '*',
      }),
    );
    expect(out.trace.steps[0]?.reason).toBe('session-token-credentials');
    expect(out.error).toMatchObject({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
    expect(
      withSession(run(alice, { op: 'GetSessionToken', mfa: true }), {
        op: 'Call',
        action: 'iam:ListUsers',
        resource: '*',
      }).ok,
    ).toBe(true);
  });
});

describe('GetFederationToken', () => {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-data/*' }],
  });

  it('returns a federated user whose permissions are the intersection with the session policy', () => {
    const out = ok(run(broker, { op: 'GetFederationToken', name: 'carol', policy }));
    expect(out.response).toMatchObject({
      FederatedUser: {
        FederatedUserId: `${JUMP}:carol`,
        Arn: `arn:aws:sts::${JUMP}:federated-user/carol`,
      },
    });
    expect(out.newSessions[0]?.expiresAt).toBe(T0 + 43200_000);
    expect(
      withSession(out, {
        op: 'Call',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::prod-data/report.csv',
      }).ok,
    ).toBe(false);
  });

  it('without a session policy the federated user has no permissions', () => {
    const out = run(broker, { op: 'GetFederationToken', name: 'carol' });
    expect(ok(out).newSessions[0]?.noPermissions).toBe(true);
    expect(
      failed(withSession(out, { op: 'Call', action: 's3:GetObject', resource: '*' })).decision,
    ).toBe('implicitDeny');
  });

  it('needs sts:GetFederationToken, long-term keys and a valid name', () => {
    expect(
      failed(run(bob, { op: 'GetFederationToken', name: 'carol', policy })).error.message,
    ).toBe(
      `User: arn:aws:iam::${JUMP}:user/bob is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${JUMP}:federated-user/carol`,
    );
    expect(failed(run(broker, { op: 'GetFederationToken', name: 'c' })).error.message).toContain(
      "at 'name'",
    );
    expect(
      failed(run(broker, { op: 'GetFederationToken', name: 'x'.repeat(33) })).error.message,
    ).toContain('less than or equal to 32');
    expect(
      failed(withSession(run(alice, deploy()), { op: 'GetFederationToken', name: 'carol' })).error
        .message,
    ).toBe('Cannot call GetFederationToken with session credentials');
  });
});

describe('GetCallerIdentity', () => {
  it('answers for users and role sessions, and no policy can deny it', () => {
    expect(ok(run(bob, { op: 'GetCallerIdentity' })).response).toMatchObject({
      Account: JUMP,
      Arn: `arn:aws:iam::${JUMP}:user/bob`,
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/) as unknown,
    });
    expect(
      ok(withSession(run(alice, deploy()), { op: 'GetCallerIdentity' })).response,
    ).toMatchObject({
      Account: PROD,
      Arn: `arn:aws:sts::${PROD}:assumed-role/Deploy/alice`,
      UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:alice$/) as unknown,
    });
  });
});

describe('AssumeRoleWithWebIdentity', () => {
  const github = (
    claims: Partial<Record<'iss' | 'aud' | 'sub', string>> & { exp?: number } = {},
  ): StsCall => ({
    op: 'AssumeRoleWithWebIdentity',
    roleArn: role('GitHubDeploy'),
    roleSessionName: 'gha',
    token: {
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sts.amazonaws.com',
      sub: 'repo:example/app:ref:refs/heads/main',
      exp: T0 / 1000 + 300,
      ...claims,
    },
  });
  const anon: Caller = { type: 'anonymous' };

  it('lets the trusted repository and branch in, with the provider’s keys in the context', () => {
    const out = ok(run(anon, github()));
    expect(out.trace.principal).toBe(
      `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`,
    );
    expect(out.trace.context).toMatchObject({
      'token.actions.githubusercontent.com:sub': 'repo:example/app:ref:refs/heads/main',
    });
    expect(out.newSessions[0]?.arn).toBe(`arn:aws:sts::${PROD}:assumed-role/GitHubDeploy/gha`);
  });

  it('denies another repository', () => {
    const out = failed(run(anon, github({ sub: 'repo:evil/app:ref:refs/heads/main' })));
    expect(out.error).toMatchObject({
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  it('checks the token before any policy: issuer, audience, expiry, subject', () => {
    expect(failed(run(anon, github({ iss: 'https://gitlab.example.com' }))).error).toMatchObject({
      code: 'InvalidIdentityToken',
      message: 'No OpenIDConnect provider found in your account for https://gitlab.example.com',
    });
    expect(failed(run(anon, github({ aud: 'something-else' }))).error).toMatchObject({
      code: 'InvalidIdentityToken',
      message: 'Incorrect token audience',
    });
    expect(failed(run(anon, github({ exp: T0 / 1000 - 1 }))).error).toMatchObject({
      code: 'ExpiredTokenException',
      message: `Token expired: current date/time ${T0 / 1000} must be before the expiration date/time ${T0 / 1000 - 1}`,
    });
    expect(failed(run(anon, github({ sub: '' }))).error.code).toBe('IDPRejectedClaim');
  });

  it('uses azp as accounts.google.com:aud when present, keeping aud as oaud', () => {
    const call: StsCall = {
      op: 'AssumeRoleWithWebIdentity',
      roleArn: role('GoogleApp'),
      roleSessionName: 'web',
      token: {
        iss: 'accounts.google.com',
        aud: 'other-client',
        azp: 'client-123.apps.googleusercontent.com',
        sub: '1234',
        exp: T0 / 1000 + 60,
      },
    };
    const out = ok(run(anon, call));
    expect(out.trace.context).toMatchObject({
      'accounts.google.com:aud': 'client-123.apps.googleusercontent.com',
      'accounts.google.com:oaud': 'other-client',
    });
  });
});

describe('AssumeRoleWithSAML', () => {
  const provider = `arn:aws:iam::${PROD}:saml-provider/ExampleIdP`;
  const saml = (
    assertion: Partial<Extract<StsCall, { op: 'AssumeRoleWithSAML' }>['assertion']> = {},
    durationSeconds?: number,
  ): StsCall => ({
    op: 'AssumeRoleWithSAML',
    roleArn: role('SamlAdmin'),
    principalArn: provider,
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    assertion: {
      issuer: 'https://idp.example.com/metadata',
      recipient: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: 'alice@example.com',
      roles: [`${role('SamlAdmin')},${provider}`],
      roleSessionName: 'alice@example.com',
      notOnOrAfter: '+5m',
      ...assertion,
    },
  });
  const anon: Caller = { type: 'anonymous' };

  it('issues a session and builds the saml: keys', () => {
    const out = ok(run(anon, saml()));
    expect(out.trace.context).toMatchObject({
      'saml:aud': 'https://signin.aws.amazon.com/saml',
      'saml:iss': 'https://idp.example.com/metadata',
      'saml:sub': 'alice@example.com',
    });
    expect(out.newSessions[0]?.arn).toBe(
      `arn:aws:sts::${PROD}:assumed-role/SamlAdmin/alice@example.com`,
    );
  });

  it('rejects a wrong issuer, recipient or audience with InvalidIdentityToken', () => {
    expect(failed(run(anon, saml({ issuer: 'https://evil.example.com' }))).error.code).toBe(
      'InvalidIdentityToken',
    );
    expect(failed(run(anon, saml({ recipient: 'https://evil.example.com/saml' }))).error.code).toBe(
      'InvalidIdentityToken',
    );
    expect(failed(run(anon, saml({ audience: 'urn:evil' }))).error.code).toBe(
      'InvalidIdentityToken',
    );
  });

  it('rejects an expired assertion, a role the assertion does not grant, and a too long SessionDuration', () => {
    expect(failed(run(anon, saml({ notOnOrAfter: '-1m' }))).error.code).toBe(
      'ExpiredTokenException',
    );
    expect(failed(run(anon, saml({ roles: [`${role('Deploy')},${provider}`] }))).error.code).toBe(
      'IDPRejectedClaim',
    );
    expect(failed(run(anon, saml({ sessionDuration: 7200 }))).error.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('denies when the trust policy’s SAML:aud condition does not hold (regional recipient)', () => {
    const out = failed(
      run(anon, saml({ recipient: 'https://us-east-1.signin.aws.amazon.com/saml' })),
    );
    expect(out.error).toMatchObject({
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithSAML',
    });
  });
});

describe('service calls', () => {
  it('answers NoSuchKey for an allowed read of a missing object, and SCP denies win', () => {
    const first = run(alice, deploy());
    expect(
      failed(
        withSession(first, {
          op: 'Call',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::prod-data/missing.csv',
        }),
      ).error.code,
    ).toBe('NoSuchKey');
    const del = failed(
      withSession(first, {
        op: 'Call',
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::prod-data/report.csv',
      }),
    );
    expect(del.decision).toBe('explicitDeny');
    expect(del.trace.steps.find((s) => s.step === 'scps')?.outcome).toBe('fail');
  });
});

describe('what a request carries about the resource’s account', () => {
  // reference_policies_condition-keys.html: aws:ResourceAccount is in the request context for
  // most actions; aws:ResourceOrgID only when the resource's account is in an organization.
  const ORG_ONLY = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: ['sts:AssumeRole', 's3:*'],
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:ResourceOrgID': 'o-testorg00001' } },
      },
    ],
  });
  const PARTNER_TRUST = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${JUMP}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  });
  /** The test world with a role outside the organization that trusts the jump account. */
  function partnerWorld(orgOnly: boolean): typeof world {
    const org = world.organization;
    if (org === null) throw new Error('the test world has an organization');
    return {
      ...world,
      organization: {
        ...org,
        root: {
          ...org.root,
          children: (org.root.children ?? []).map((ou) =>
            ou.name === 'Identity' && orgOnly
              ? { ...ou, scps: ['FullAWSAccess', 'scp/org-only.json'] }
              : ou,
          ),
        },
      },
      accounts: world.accounts.map((a) =>
        a.id === VENDOR
          ? {
              ...a,
              roles: [...(a.roles ?? []), { name: 'Partner', trustPolicy: 'vendor/partner.json' }],
            }
          : a,
      ),
      documents: {
        ...world.documents,
        'scp/org-only.json': ORG_ONLY,
        'vendor/partner.json': PARTNER_TRUST,
        'jump/devs.json': JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
        }),
      },
    };
  }
  const partner = (orgOnly: boolean): CallOutcome =>
    runCall({ world: partnerWorld(orgOnly), now: T0, sessions: [] }, alice, {
      op: 'AssumeRole',
      roleArn: `arn:aws:iam::${VENDOR}:role/Partner`,
      roleSessionName: 'alice',
    });

  it('names the account, and the organization when the account is in it', () => {
    expect(ok(run(alice, deploy())).trace.context).toMatchObject({
      'aws:ResourceAccount': PROD,
      'aws:ResourceOrgID': 'o-testorg00001',
    });
    const outside = ok(partner(false)).trace.context;
    expect(outside['aws:ResourceAccount']).toBe(VENDOR);
    expect(outside['aws:ResourceOrgID']).toBeUndefined();
  });

  it('lets an SCP keep principals to the organization’s roles with aws:ResourceOrgID', () => {
    const org = { world: partnerWorld(true), now: T0, sessions: [] };
    expect(runCall(org, alice, deploy()).ok).toBe(true);
    const out = failed(partner(true));
    expect(out.decision).toBe('explicitDeny');
    expect(out.trace.steps.find((s) => s.step === 'scps')?.outcome).toBe('fail');
  });
});
