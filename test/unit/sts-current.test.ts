// STS as AWS documents it today (issue 13): what each kind of temporary credentials may call,
// the one-hour cap from GetSessionToken credentials, MFA through sessions, the expired web
// identity token, the provider claims STS validates, and AssumeRoot.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_START } from '../../sandbox/clock/clock.ts';
import { runCall } from '../../sandbox/sts/call.ts';
import { resolveCaller } from '../../sandbox/sts/caller.ts';
import type { CallOutcome, StsCall } from '../../sandbox/sts/types.ts';
import type { Caller, Session, World } from '../../sandbox/world/types.ts';

const T0 = DEFAULT_CLOCK_START;
const MIN = 60_000;
const ACCT = '111111111111';
const MEMBER = '222222222222';
const MGMT = '100000000000';
const GH = 'token.actions.githubusercontent.com';

const doc = (statement: unknown): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement });

const world: World = {
  organization: {
    id: 'o-testorg00002',
    managementAccount: MGMT,
    root: { name: 'Root', accounts: [MGMT, ACCT, MEMBER] },
  },
  accounts: [
    {
      id: MGMT,
      alias: 'mgmt',
      purpose: 'management',
      users: [
        { name: 'rootops', inlinePolicies: [{ name: 'Root', document: 'mgmt/root-tasks.json' }] },
        { name: 'nobody' },
      ],
    },
    {
      id: ACCT,
      alias: 'work',
      purpose: 'workload',
      users: [
        {
          name: 'alice',
          mfaDevice: { serialNumber: `arn:aws:iam::${ACCT}:mfa/alice` },
          inlinePolicies: [{ name: 'Work', document: 'work/alice.json' }],
        },
      ],
      roles: [
        {
          name: 'Ops',
          trustPolicy: 'work/ops-trust.json',
          maxSessionDuration: 14400,
          inlinePolicies: [{ name: 'Ops', document: 'work/ops.json' }],
        },
        {
          name: 'Next',
          trustPolicy: 'work/next-trust.json',
          inlinePolicies: [{ name: 'Ops', document: 'work/ops.json' }],
        },
        { name: 'Deploy', trustPolicy: 'work/github-trust.json' },
      ],
      oidcProviders: [{ url: GH, clientIds: ['sts.amazonaws.com'], flavor: 'github-actions' }],
    },
    { id: MEMBER, alias: 'member', purpose: 'workload' },
  ],
  documents: {
    'mgmt/root-tasks.json': doc([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRoot',
        Resource: `arn:aws:iam::${MEMBER}:root`,
        Condition: {
          StringEquals: {
            'sts:TaskPolicyArn': 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy',
          },
        },
      },
    ]),
    'work/alice.json': doc([
      {
        Effect: 'Allow',
        Action: [
          'sts:AssumeRole',
          'sts:GetFederationToken',
          'sts:DecodeAuthorizationMessage',
          'iam:ListUsers',
          's3:GetObject',
        ],
        Resource: '*',
      },
    ]),
    'work/ops-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCT}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]),
    'work/next-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCT}:role/Ops` },
        Action: 'sts:AssumeRole',
      },
    ]),
    // The role's own permission asks for MFA within the last hour, as AWS's MFA examples do.
    'work/ops.json': doc([
      {
        Effect: 'Allow',
        Action: 'ec2:TerminateInstances',
        Resource: '*',
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
        },
      },
      { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetFederationToken'], Resource: '*' },
    ]),
    'work/github-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCT}:oidc-provider/${GH}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${GH}:aud`]: 'sts.amazonaws.com',
            [`${GH}:repository_id`]: '892374651',
            [`${GH}:environment`]: 'production',
          },
        },
      },
    ]),
  },
};

const alice: Caller = { type: 'user', arn: `arn:aws:iam::${ACCT}:user/alice` };
const ops = `arn:aws:iam::${ACCT}:role/Ops`;
const terminate: StsCall = {
  op: 'Call',
  action: 'ec2:TerminateInstances',
  resource: `arn:aws:ec2:us-east-1:${ACCT}:instance/i-0123456789abcdef0`,
};

function run(
  caller: Caller,
  call: StsCall,
  now = T0,
  sessions: readonly Session[] = [],
): CallOutcome {
  return runCall({ world, now, sessions }, caller, call);
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

/** The session a call returned, and a caller that uses it. */
function session(outcome: CallOutcome): { readonly s: Session; readonly as: Caller } {
  const s = ok(outcome).newSessions[0];
  if (!s) throw new Error('no session');
  return { s, as: { type: 'session', accessKeyId: s.credentials.accessKeyId } };
}

describe('MFA through sessions', () => {
  it('MFA in the caller’s GetSessionToken credentials carries into the role session, its age counted from the sign-in', () => {
    const token = session(run(alice, { op: 'GetSessionToken', mfa: true }));
    const role = session(
      run(token.as, { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice' }, T0 + 10 * MIN, [
        token.s,
      ]),
    );
    expect(role.s.mfa).toEqual({ present: true, authenticatedAt: T0 });
    const later = resolveCaller(world, [role.s], T0 + 20 * MIN, role.as);
    expect(later.ok && later.identity.context).toMatchObject({
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '1200',
    });
    expect(run(role.as, terminate, T0 + 20 * MIN, [role.s]).ok).toBe(true);
    // Still counted from the sign-in: 65 minutes after it (55 after AssumeRole, the role session
    // still valid) the role's one-hour MFA rule denies.
    expect(failed(run(role.as, terminate, T0 + 65 * MIN, [role.s])).decision).toBe('implicitDeny');
  });

  it('MFA given to AssumeRole satisfies the trust policy only: later calls see no MFA', () => {
    const role = session(
      run(alice, { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice', mfa: true }),
    );
    expect(role.s.mfa).toEqual({ present: false });
    const call = failed(run(role.as, terminate, T0 + MIN, [role.s]));
    expect(call.trace.context['aws:MultiFactorAuthPresent']).toBe('false');
    expect(call.decision).toBe('implicitDeny');
    // Without MFA anywhere the trust policy refuses the role.
    expect(
      failed(run(alice, { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice' })).decision,
    ).toBe('implicitDeny');
  });

  it('an MFA console sign-in carries through Switch Role, aged from the sign-in', () => {
    const console: Caller = { type: 'console-user', arn: alice.arn, mfa: true, signedInAt: T0 };
    const role = session(
      run(console, { op: 'SwitchRole', account: ACCT, roleName: 'Ops' }, T0 + 5 * MIN),
    );
    expect(role.s.mfa).toEqual({ present: true, authenticatedAt: T0 });
    const later = resolveCaller(world, [role.s], T0 + 15 * MIN, role.as);
    expect(later.ok && later.identity.context['aws:MultiFactorAuthAge']).toBe('900');
  });

  it('the MFA of a role session carries on through role chaining', () => {
    const token = session(run(alice, { op: 'GetSessionToken', mfa: true }));
    const first = session(
      run(token.as, { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice' }, T0, [token.s]),
    );
    const next = session(
      run(
        first.as,
        { op: 'AssumeRole', roleArn: `arn:aws:iam::${ACCT}:role/Next`, roleSessionName: 'bee' },
        T0 + MIN,
        [first.s],
      ),
    );
    expect(next.s).toMatchObject({ chained: true, mfa: { present: true, authenticatedAt: T0 } });
  });
});

describe('AssumeRole from GetSessionToken credentials', () => {
  it('is capped at one hour, as for role chaining (knowledge-center article on the limit)', () => {
    const token = session(run(alice, { op: 'GetSessionToken', mfa: true }));
    const long = failed(
      run(
        token.as,
        { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice', durationSeconds: 7200 },
        T0,
        [token.s],
      ),
    );
    expect(long.error).toMatchObject({
      code: 'ValidationError',
      message:
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const hour = session(
      run(
        token.as,
        { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice', durationSeconds: 3600 },
        T0,
        [token.s],
      ),
    );
    expect(hour.s).toMatchObject({ chained: false, expiresAt: T0 + 3600_000 });
    // With long-term keys the role's own maximum applies.
    expect(
      run(alice, {
        op: 'AssumeRole',
        roleArn: ops,
        roleSessionName: 'alice',
        durationSeconds: 7200,
        mfa: true,
      }).ok,
    ).toBe(true);
  });
});

describe('what each kind of temporary credentials may call', () => {
  it('a federated user (GetFederationToken) cannot assume a role, whatever the policies say', () => {
    const fed = session(
      run(alice, {
        op: 'GetFederationToken',
        name: 'carol',
        policy: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      }),
    );
    const out = failed(
      run(fed.as, { op: 'AssumeRole', roleArn: ops, roleSessionName: 'carol', mfa: true }, T0, [
        fed.s,
      ]),
    );
    expect(out.error.code).toBe('AccessDenied');
    expect(out.trace.authz?.refusal?.rule).toBe('federated-user-cannot-call-sts');
    expect(out.trace.authz?.reason).toBe('credentials-cannot-call');
    // …nor IAM, while other services follow the policies and GetCallerIdentity still answers.
    const iam = failed(
      run(fed.as, { op: 'Call', action: 'iam:ListUsers', resource: '*' }, T0, [fed.s]),
    );
    expect(iam.trace.authz?.refusal?.rule).toBe('federated-user-cannot-call-iam');
    expect(run(fed.as, { op: 'GetCallerIdentity' }, T0, [fed.s]).ok).toBe(true);
    expect(
      run(fed.as, { op: 'Call', action: 's3:GetObject', resource: 'arn:aws:s3:::any/x' }, T0, [
        fed.s,
      ]).ok,
    ).toBe(true);
  });

  it('role sessions cannot call GetSessionToken or GetFederationToken', () => {
    const role = session(
      run(alice, { op: 'AssumeRole', roleArn: ops, roleSessionName: 'alice', mfa: true }),
    );
    for (const op of ['GetSessionToken', 'GetFederationToken'] as const) {
      const call: StsCall = op === 'GetSessionToken' ? { op } : { op, name: 'carol' };
      expect(failed(run(role.as, call, T0, [role.s])).error).toMatchObject({
        code: 'AccessDenied',
        message: `Cannot call ${op} with session credentials`,
      });
    }
  });

  it('GetSessionToken credentials: IAM only with MFA, STS only AssumeRole and GetCallerIdentity', () => {
    const plain = session(run(alice, { op: 'GetSessionToken' }));
    const withMfa = session(run(alice, { op: 'GetSessionToken', mfa: true }));
    const listUsers: StsCall = { op: 'Call', action: 'iam:ListUsers', resource: '*' };
    expect(failed(run(plain.as, listUsers, T0, [plain.s])).error).toMatchObject({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
    expect(run(withMfa.as, listUsers, T0, [withMfa.s]).ok).toBe(true);
    const decode: StsCall = { op: 'Call', action: 'sts:DecodeAuthorizationMessage', resource: '*' };
    for (const s of [plain, withMfa]) {
      expect(failed(run(s.as, decode, T0, [s.s])).error).toMatchObject({
        code: 'AccessDenied',
        message: 'Cannot call DecodeAuthorizationMessage with session credentials',
      });
      expect(failed(run(s.as, { op: 'GetFederationToken', name: 'x' }, T0, [s.s])).error.code).toBe(
        'AccessDenied',
      );
      expect(run(s.as, { op: 'GetCallerIdentity' }, T0, [s.s]).ok).toBe(true);
    }
  });
});

describe('AssumeRoleWithWebIdentity today', () => {
  const token = (claims: Record<string, string>, exp = T0 / 1000 + 300): StsCall => ({
    op: 'AssumeRoleWithWebIdentity',
    roleArn: `arn:aws:iam::${ACCT}:role/Deploy`,
    roleSessionName: 'gha',
    token: {
      iss: `https://${GH}`,
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo-org/app:environment:production',
      exp,
      claims,
    },
  });
  const anon: Caller = { type: 'anonymous' };

  it('checks GitHub’s repository_id and environment claims against the trust policy', () => {
    const good = { repository_id: '892374651', environment: 'production' };
    const out = ok(run(anon, token(good)));
    expect(out.trace.context).toMatchObject({
      [`${GH}:repository_id`]: '892374651',
      [`${GH}:environment`]: 'production',
      [`${GH}:sub`]: 'repo:octo-org/app:environment:production',
    });
    expect(failed(run(anon, token({ ...good, repository_id: '100000001' }))).decision).toBe(
      'implicitDeny',
    );
    expect(failed(run(anon, token({ repository_id: '892374651' }))).decision).toBe('implicitDeny');
  });

  it('keeps the provider claims out of the session: they are checked at assume time only', () => {
    const role = session(
      run(anon, token({ repository_id: '892374651', environment: 'production' })),
    );
    const later = resolveCaller(world, [role.s], T0, role.as);
    expect(later.ok && later.identity.context[`${GH}:repository_id`]).toBeUndefined();
    expect(later.ok && later.identity.context[`${GH}:sub`]).toBe(
      'repo:octo-org/app:environment:production',
    );
  });

  it('answers an expired token with ExpiredTokenException and AWS’s two times', () => {
    const out = failed(run(anon, token({}, T0 / 1000 - 60)));
    expect(out.error).toMatchObject({
      code: 'ExpiredTokenException',
      message: `Token expired: current date/time ${T0 / 1000} must be before the expiration date/time ${T0 / 1000 - 60}`,
    });
  });
});

describe('AssumeRoot (centralized root access)', () => {
  const rootops: Caller = { type: 'user', arn: `arn:aws:iam::${MGMT}:user/rootops` };
  const unlock = 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy';
  const assumeRoot = (extra: Partial<Extract<StsCall, { op: 'AssumeRoot' }>> = {}): StsCall => ({
    op: 'AssumeRoot',
    targetPrincipal: MEMBER,
    taskPolicyArn: unlock,
    ...extra,
  });

  it('gives the management account a 15-minute root session on a member account, scoped by the task', () => {
    const root = session(run(rootops, assumeRoot()));
    expect(root.s).toMatchObject({
      kind: 'root',
      arn: `arn:aws:iam::${MEMBER}:root`,
      expiresAt: T0 + 900_000,
    });
    expect(ok(run(root.as, { op: 'GetCallerIdentity' }, T0, [root.s])).response).toMatchObject({
      Arn: `arn:aws:iam::${MEMBER}:root`,
      Account: MEMBER,
    });
    const bucket = 'arn:aws:s3:::member-logs';
    expect(
      run(root.as, { op: 'Call', action: 's3:DeleteBucketPolicy', resource: bucket }, T0, [root.s])
        .ok,
    ).toBe(true);
    // The task policy is the session's limit: nothing outside the task, root or not.
    const read = failed(
      run(root.as, { op: 'Call', action: 's3:GetObject', resource: `${bucket}/x` }, T0, [root.s]),
    );
    expect(read.trace.authz?.reason).toBe('session-does-not-allow');
    expect(
      failed(run(root.as, { op: 'Call', action: 'iam:ListUsers', resource: '*' }, T0, [root.s]))
        .decision,
    ).toBe('implicitDeny');
  });

  it('accepts 0 to 900 seconds and one of the five root-task policies', () => {
    const long = failed(run(rootops, assumeRoot({ durationSeconds: 901 }))).error;
    expect(long.code).toBe('ValidationError');
    expect(long.message).toContain('less than or equal to 900');
    expect(session(run(rootops, assumeRoot({ durationSeconds: 300 }))).s.expiresAt).toBe(
      T0 + 300_000,
    );
    expect(
      failed(
        run(rootops, assumeRoot({ taskPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })),
      ).error.code,
    ).toBe('ValidationError');
  });

  it('needs sts:AssumeRoot for that task in the caller’s identity policy', () => {
    const other = failed(
      run(
        rootops,
        assumeRoot({
          taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials',
        }),
      ),
    );
    expect(other).toMatchObject({ decision: 'implicitDeny', error: { code: 'AccessDenied' } });
    const nobody: Caller = { type: 'user', arn: `arn:aws:iam::${MGMT}:user/nobody` };
    expect(failed(run(nobody, assumeRoot())).decision).toBe('implicitDeny');
  });

  it('is for the management account only, and only on member accounts', () => {
    const fromMember = failed(run(alice, assumeRoot()));
    expect(fromMember.error.code).toBe('AccessDenied');
    expect(fromMember.trace.steps[0]?.reason).toBe('not-management-account');
    expect(failed(run(rootops, assumeRoot({ targetPrincipal: MGMT }))).error.code).toBe(
      'AccessDenied',
    );
    expect(
      session(run(rootops, assumeRoot({ targetPrincipal: `arn:aws:iam::${MEMBER}:root` }))).s.arn,
    ).toBe(`arn:aws:iam::${MEMBER}:root`);
  });
});
