// GetSessionToken, GetFederationToken and GetCallerIdentity.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html
import { authorize } from '../engine/authorize.ts';
import type { ContextValue } from '../engine/types.ts';
import { orgPolicyLevels } from '../world/resolve.ts';
import type { Caller, Session } from '../world/types.ts';
import { addManagedSessionPolicies, sessionPolicyText } from './assume-role.ts';
import { resolveCaller, resourceContext } from './caller.ts';
import { cliCredentials, issueCredentials } from './credentials.ts';
import type { StsEnv } from './env.ts';
import { mfaFailed, notAuthorized, sessionCredentialsNotAllowed } from './errors.ts';
import { denied, rejected, succeeded } from './outcome.ts';
import type {
  AwsError,
  CallOutcome,
  GetCallerIdentityCall,
  GetFederationTokenCall,
  GetSessionTokenCall,
} from './types.ts';
import {
  checkDurationRange,
  checkMfaParameters,
  checkPolicyArns,
  checkSessionName,
  checkSessionPolicy,
  checkTags,
  packedPercent,
} from './validate.ts';

export function getCallerIdentity(
  env: StsEnv,
  caller: Caller,
  call: GetCallerIdentityCall,
): CallOutcome {
  const resolved = resolveCaller(env.world, env.sessions, env.now, caller);
  if (!resolved.ok) return rejected(call.op, '', {}, resolved.error, 'credentials');
  const id = resolved.identity;
  // No policy can deny GetCallerIdentity (id_credentials_temp_request.html), so no engine call.
  return succeeded(
    call.op,
    id.arn,
    id.context,
    null,
    { UserId: id.userId, Account: id.accountId ?? '', Arn: id.arn },
    [],
  );
}

/**
 * GetSessionToken: an IAM user's own temporary credentials, the one way to carry MFA into
 * later calls. 900…129,600 s, 43,200 by default; no policy can deny it.
 */
export function getSessionToken(
  env: StsEnv,
  caller: Caller,
  call: GetSessionTokenCall,
): CallOutcome {
  const op = call.op;
  const resolved = resolveCaller(env.world, env.sessions, env.now, caller);
  if (!resolved.ok) return rejected(op, '', {}, resolved.error, 'credentials');
  const id = resolved.identity;
  const fail = (error: AwsError, reason: string): CallOutcome =>
    rejected(op, id.arn, id.context, error, reason);
  if (id.kind !== 'user' || !id.user)
    return fail(sessionCredentialsNotAllowed('GetSessionToken'), 'session-credentials');
  const device = id.user.user.mfaDevice?.serialNumber;
  const wantsMfa = call.mfa === true || call.serialNumber !== undefined;
  const serial = call.serialNumber ?? (call.mfa === true ? device : undefined);
  const code = call.tokenCode ?? (call.mfa === true ? '123456' : undefined);
  const bad =
    (call.durationSeconds === undefined
      ? null
      : checkDurationRange(call.durationSeconds, 900, 129600)) ??
    (wantsMfa ? checkMfaParameters(serial, code) : null);
  if (bad) return fail(bad, 'parameter');
  if (wantsMfa && (device === undefined || serial !== device || code === undefined))
    return fail(mfaFailed(), 'mfa');
  const duration = call.durationSeconds ?? 43200;
  const expiresAt = env.now + duration * 1000;
  const credentials = issueCredentials(
    `${op}|${id.arn}|${env.now}|${duration}|${String(wantsMfa)}`,
    expiresAt,
  );
  const session: Session = {
    kind: 'user-session',
    credentials,
    arn: id.arn,
    accountId: id.user.account.id,
    userId: id.userId,
    userArn: id.arn,
    issuedAt: env.now,
    expiresAt,
    mfa: wantsMfa ? { present: true, authenticatedAt: env.now } : { present: false },
    sessionPolicies: [],
    tags: [],
    transitiveTagKeys: [],
    chained: false,
  };
  return succeeded(op, id.arn, id.context, null, { Credentials: cliCredentials(credentials) }, [
    session,
  ]);
}

/**
 * GetFederationToken: a federated-user session whose permissions are the intersection of
 * the user's policies and the session policies passed (none passed: no permissions).
 */
export function getFederationToken(
  env: StsEnv,
  caller: Caller,
  call: GetFederationTokenCall,
): CallOutcome {
  const op = call.op;
  const resolved = resolveCaller(env.world, env.sessions, env.now, caller);
  if (!resolved.ok) return rejected(op, '', {}, resolved.error, 'credentials');
  const id = resolved.identity;
  const context: Record<string, ContextValue> = { ...id.context };
  const fail = (error: AwsError, reason: string): CallOutcome =>
    rejected(op, id.arn, context, error, reason);
  if (id.kind !== 'user' || !id.user)
    return fail(sessionCredentialsNotAllowed('GetFederationToken'), 'session-credentials');
  const policies = call.policy === undefined ? [] : [sessionPolicyText(env, call.policy)];
  const tags = call.tags ?? [];
  const bad =
    checkSessionName('name', call.name, 32) ??
    (call.durationSeconds === undefined
      ? null
      : checkDurationRange(call.durationSeconds, 900, 129600)) ??
    policies.map(checkSessionPolicy).find((e) => e !== null) ??
    checkPolicyArns(call.policyArns ?? []) ??
    checkTags(tags, []);
  if (bad) return fail(bad, 'parameter');
  const unpacked = addManagedSessionPolicies(
    env,
    id.user.account,
    call.policyArns ?? [],
    policies,
    tags,
  );
  if (unpacked) return fail(unpacked.error, unpacked.reason);
  const account = id.user.account.id;
  const arn = `arn:aws:sts::${account}:federated-user/${call.name}`;
  Object.assign(context, resourceContext(env.world, account));
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value;
  if (tags.length > 0) context['aws:TagKeys'] = tags.map((t) => t.key);
  const authz = authorize({
    request: { principal: id.arn, action: 'sts:GetFederationToken', resource: arn, context },
    identityPolicies: id.identityPolicies,
    resourcePolicy: null,
    scps: orgPolicyLevels(env.world, account, 'scp'),
    rcps: [],
    permissionBoundary: id.boundary,
    sessionPolicy: null,
  });
  if (authz.decision !== 'allowed') {
    return denied(op, id.arn, context, notAuthorized(id.arn, 'sts:GetFederationToken', arn), authz);
  }
  const duration = call.durationSeconds ?? 43200;
  const expiresAt = env.now + duration * 1000;
  const credentials = issueCredentials(
    `${op}|${id.arn}|${call.name}|${env.now}|${duration}`,
    expiresAt,
  );
  const federatedUserId = `${account}:${call.name}`;
  const session: Session = {
    kind: 'federated-user',
    credentials,
    arn,
    accountId: account,
    userId: federatedUserId,
    userArn: id.arn,
    issuedAt: env.now,
    expiresAt,
    // GetFederationToken does not support MFA (id_credentials_mfa_configure-api-require.html).
    mfa: { present: false },
    sessionPolicies: policies,
    ...(policies.length === 0 ? { noPermissions: true } : {}),
    tags,
    transitiveTagKeys: [],
    chained: false,
  };
  return succeeded(
    op,
    id.arn,
    context,
    authz,
    {
      Credentials: cliCredentials(credentials),
      FederatedUser: { FederatedUserId: federatedUserId, Arn: arn },
      ...(policies.length + tags.length > 0
        ? { PackedPolicySize: packedPercent(policies, tags) }
        : {}),
    },
    [session],
  );
}
