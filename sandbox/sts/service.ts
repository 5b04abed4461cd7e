// Any other call made with credentials (s3:GetObject, s3:PutObject, …): the identity side
// from the caller, the resource side from the bucket policy, SCPs and RCPs from each account.
import { authorize } from '../engine/authorize.ts';
import type { ContextValue } from '../engine/types.ts';
import { findBucket } from '../world/lookup.ts';
import { orgPolicyLevels, parseDocument } from '../world/resolve.ts';
import type { Caller } from '../world/types.ts';
import { resolveCaller, resourceContext } from './caller.ts';
import type { StsEnv } from './env.ts';
import {
  iamNeedsMfaSession,
  noSuchKey,
  notAuthorized,
  s3AccessDenied,
  stsNotWithSessionToken,
} from './errors.ts';
import { denied, rejected, succeeded } from './outcome.ts';
import { buildTrace } from './trace.ts';
import type { AwsError, CallOutcome, ServiceCall } from './types.ts';

/** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key` → its parts. */
function s3Target(resource: string): { bucket: string; key?: string } | null {
  const prefix = 'arn:aws:s3:::';
  if (!resource.startsWith(prefix)) return null;
  const rest = resource.slice(prefix.length);
  const slash = rest.indexOf('/');
  return slash < 0
    ? { bucket: rest }
    : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/**
 * What GetSessionToken credentials cannot call, with or without MFA: "Cannot call IAM API
 * operations unless MFA information is included with the request. Cannot call AWS STS API
 * operations except AssumeRole or GetCallerIdentity." (Compare AWS STS credentials,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html). The
 * principal of these credentials is the user's own ARN, so the engine cannot tell them from
 * access keys: this layer, which knows the credentials, applies the rule. Federated-user and
 * role sessions are refused by the engine itself (sandbox/engine/refusals.ts).
 */
function sessionTokenRefusal(action: string, mfa: boolean): AwsError | null {
  const lower = action.toLowerCase();
  if (lower.startsWith('iam:') && !mfa) return iamNeedsMfaSession(action);
  if (lower.startsWith('sts:') && lower !== 'sts:assumerole' && lower !== 'sts:getcalleridentity')
    return stsNotWithSessionToken(action);
  return null;
}

export function serviceCall(env: StsEnv, caller: Caller, call: ServiceCall): CallOutcome {
  const op = call.op;
  const resolved = resolveCaller(env.world, env.sessions, env.now, caller);
  if (!resolved.ok) return rejected(op, '', {}, resolved.error, 'credentials');
  const id = resolved.identity;
  const s3 = s3Target(call.resource);
  const found = s3 ? findBucket(env.world, s3.bucket) : undefined;
  const resourceAccount = found?.account.id;
  // The attempt's own keys come last, as the caller's own keys do: a learner may try a value.
  const context: Record<string, ContextValue> = {
    ...id.context,
    ...(resourceAccount === undefined ? {} : resourceContext(env.world, resourceAccount)),
    ...(call.context ?? {}),
  };
  const refused =
    id.kind === 'user-session'
      ? sessionTokenRefusal(call.action, id.session?.mfa.present === true)
      : null;
  if (refused !== null) return rejected(op, id.arn, context, refused, 'session-token-credentials');
  const authz = authorize({
    request: {
      principal: id.arn,
      action: call.action,
      resource: call.resource,
      ...(resourceAccount === undefined ? {} : { resourceAccount }),
      context,
    },
    identityPolicies: id.identityPolicies,
    resourcePolicy:
      found?.bucket.policy === undefined
        ? null
        : parseDocument(env.world, found.bucket.policy, `bucket:${found.bucket.name}`),
    scps: id.accountId === null ? [] : orgPolicyLevels(env.world, id.accountId, 'scp'),
    rcps: resourceAccount === undefined ? [] : orgPolicyLevels(env.world, resourceAccount, 'rcp'),
    permissionBoundary: id.boundary,
    sessionPolicy: id.sessionPolicy,
  });
  if (authz.decision !== 'allowed') {
    const error = s3 ? s3AccessDenied() : notAuthorized(id.arn, call.action, call.resource);
    return denied(op, id.arn, context, error, authz);
  }
  const key = s3?.key;
  const objects = found?.bucket.objects;
  if (
    call.action.toLowerCase() === 's3:getobject' &&
    key !== undefined &&
    objects !== undefined &&
    !objects.includes(key)
  ) {
    // Allowed by the policies, but the object is missing: an error that is not a denial.
    const trace = buildTrace(op, id.arn, context, { outcome: 'pass' }, authz, false);
    return { ok: false, error: noSuchKey(key), trace, newSessions: [] };
  }
  return succeeded(
    op,
    id.arn,
    context,
    authz,
    { status: 'allowed', action: call.action, resource: call.resource },
    [],
  );
}
