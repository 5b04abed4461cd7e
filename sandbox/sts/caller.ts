// Who is calling, as AWS sees it: the principal ARN, the policies that apply to it and the
// request context keys it brings to every call.
// Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
import { isoSeconds } from '../clock/clock.ts';
import type { ContextValue } from '../engine/types.ts';
import type { ParsedPolicy } from '../policy/types.ts';
import { roleUniqueId, userUniqueId } from '../world/ids.ts';
import {
  findRole,
  findUser,
  organizationAccounts,
  type FoundRole,
  type FoundUser,
} from '../world/lookup.ts';
import {
  boundaryOf,
  roleIdentityPolicies,
  sessionPolicyOf,
  userIdentityPolicies,
} from '../world/resolve.ts';
import type { Caller, Session, Tag, World } from '../world/types.ts';
import { expiredToken, invalidToken } from './errors.ts';
import type { AwsError } from './types.ts';

export type IdentityKind =
  | 'user'
  | 'console-user'
  | 'assumed-role'
  | 'federated-user'
  | 'user-session'
  | 'root-session'
  | 'anonymous';

export interface Identity {
  readonly kind: IdentityKind;
  /** The ARN the engine matches as the principal (for a role session: the session ARN). */
  readonly arn: string;
  readonly accountId: string | null;
  readonly userId: string;
  readonly identityPolicies: readonly ParsedPolicy[];
  readonly boundary: ParsedPolicy | null;
  readonly sessionPolicy: ParsedPolicy | null;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly user?: FoundUser;
  readonly role?: FoundRole;
  readonly session?: Session;
  /** Tags the principal carries (user tags, or role tags overridden by session tags). */
  readonly tags: readonly Tag[];
  /**
   * The MFA the caller's credentials carry (a console sign-in, or a session's), which AssumeRole
   * and Switch Role hand on to the role session; absent for long-term access keys.
   */
  readonly mfa?: Session['mfa'];
}

export type CallerResult =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly error: AwsError };

/** Request context every call carries regardless of who makes it. */
export function baseContext(now: number): Record<string, ContextValue> {
  return {
    'aws:CurrentTime': isoSeconds(now),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': 'us-east-1',
  };
}

export function mergeTags(base: readonly Tag[], over: readonly Tag[]): Tag[] {
  // Tag keys are case-insensitive for uniqueness; the later value wins (id_session-tags.md).
  const out = new Map<string, Tag>();
  for (const tag of [...base, ...over]) out.set(tag.key.toLowerCase(), tag);
  return [...out.values()];
}

/** The organization's ID when `accountId` is one of its accounts. */
function organizationIdOf(world: World, accountId: string): string | undefined {
  return world.organization !== null && organizationAccounts(world).includes(accountId)
    ? world.organization.id
    : undefined;
}

/**
 * What a request carries about the owner of its resource (reference_policies_condition-keys.html):
 * `aws:ResourceAccount`, "always included in the request context for most service actions"
 * (the exceptions the page lists are EBS, some EC2, EventBridge, Route 53 and WorkSpaces
 * actions, none of which the sandbox makes), and `aws:ResourceOrgID`, "included … only if the
 * account that owns the resource is a member of an organization". `aws:ResourceOrgPaths` is
 * not modelled: the world's OUs have no IDs to write a path with.
 */
export function resourceContext(world: World, accountId: string): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = { 'aws:ResourceAccount': accountId };
  const orgId = organizationIdOf(world, accountId);
  if (orgId !== undefined) ctx['aws:ResourceOrgID'] = orgId;
  return ctx;
}

function principalContext(
  world: World,
  accountId: string,
  principalArn: string,
  type: string,
  userId: string,
  tags: readonly Tag[],
): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {
    'aws:PrincipalArn': principalArn,
    'aws:PrincipalAccount': accountId,
    'aws:PrincipalType': type,
    'aws:userid': userId,
  };
  const orgId = organizationIdOf(world, accountId);
  if (orgId !== undefined) ctx['aws:PrincipalOrgID'] = orgId;
  for (const tag of tags) ctx[`aws:PrincipalTag/${tag.key}`] = tag.value;
  return ctx;
}

function userIdentity(
  world: World,
  user: FoundUser,
  kind: 'user' | 'console-user',
  now: number,
  mfa: boolean,
  signedInAt = now,
): Identity {
  const tags = user.user.tags ?? [];
  const userId = userUniqueId(user.arn);
  const context: Record<string, ContextValue> = {
    ...baseContext(now),
    ...principalContext(world, user.account.id, user.arn, 'User', userId, tags),
    'aws:username': user.user.name,
  };
  // Long-term access keys carry no MFA key at all; the console works with temporary
  // credentials, so the key is present, true or false (reference_policies_condition-keys.html).
  if (kind === 'console-user') {
    context['aws:MultiFactorAuthPresent'] = mfa ? 'true' : 'false';
    if (mfa) context['aws:MultiFactorAuthAge'] = String(Math.floor((now - signedInAt) / 1000));
  }
  return {
    ...(kind === 'console-user'
      ? { mfa: mfa ? { present: true, authenticatedAt: signedInAt } : { present: false } }
      : {}),
    kind,
    arn: user.arn,
    accountId: user.account.id,
    userId,
    identityPolicies: userIdentityPolicies(world, user),
    boundary: boundaryOf(world, user.account, user.user.permissionsBoundary),
    sessionPolicy: null,
    context,
    user,
    tags,
  };
}

function sessionIdentity(world: World, session: Session, now: number): CallerResult {
  if (now >= session.expiresAt) return { ok: false, error: expiredToken() };
  const base = baseContext(now);
  const mfaContext: Record<string, ContextValue> = {
    'aws:MultiFactorAuthPresent': session.mfa.present ? 'true' : 'false',
  };
  if (session.mfa.present && session.mfa.authenticatedAt !== undefined) {
    mfaContext['aws:MultiFactorAuthAge'] = String(
      Math.floor((now - session.mfa.authenticatedAt) / 1000),
    );
  }
  const common: Record<string, ContextValue> = {
    ...mfaContext,
    'aws:TokenIssueTime': isoSeconds(session.issuedAt),
    ...(session.sourceIdentity === undefined
      ? {}
      : { 'aws:SourceIdentity': session.sourceIdentity }),
    ...(session.federatedProvider === undefined
      ? {}
      : { 'aws:FederatedProvider': session.federatedProvider }),
    ...(session.context ?? {}),
  };
  // A federated user without a session policy has no permissions: the engine applies that
  // rule itself when a federated-user principal comes with no session policy.
  const sessionPolicy = sessionPolicyOf(session.sessionPolicies, session.accountId);
  if (session.kind === 'assumed-role') {
    const role = session.roleArn === undefined ? undefined : findRole(world, session.roleArn);
    if (!role) return { ok: false, error: invalidToken() };
    const tags = mergeTags(role.role.tags ?? [], session.tags);
    return {
      ok: true,
      identity: {
        kind: 'assumed-role',
        arn: session.arn,
        accountId: session.accountId,
        userId: session.userId,
        identityPolicies: roleIdentityPolicies(world, role),
        boundary: boundaryOf(world, role.account, role.role.permissionsBoundary),
        sessionPolicy,
        // aws:PrincipalArn of a role session is the role's ARN, not the session's.
        context: {
          ...base,
          ...principalContext(
            world,
            session.accountId,
            role.arn,
            'AssumedRole',
            session.userId,
            tags,
          ),
          ...common,
        },
        role,
        session,
        tags,
      },
    };
  }
  if (session.kind === 'root') {
    // AssumeRoot: the member account's root user, limited by the task policy (sandbox/sts/root.ts).
    return {
      ok: true,
      identity: {
        kind: 'root-session',
        arn: session.arn,
        accountId: session.accountId,
        userId: session.userId,
        identityPolicies: [],
        boundary: null,
        sessionPolicy,
        context: {
          ...base,
          ...principalContext(world, session.accountId, session.arn, 'Account', session.userId, []),
          ...common,
        },
        session,
        tags: [],
      },
    };
  }
  const user = session.userArn === undefined ? undefined : findUser(world, session.userArn);
  if (!user) return { ok: false, error: invalidToken() };
  if (session.kind === 'federated-user') {
    return {
      ok: true,
      identity: {
        kind: 'federated-user',
        arn: session.arn,
        accountId: session.accountId,
        userId: session.userId,
        identityPolicies: userIdentityPolicies(world, user),
        boundary: boundaryOf(world, user.account, user.user.permissionsBoundary),
        sessionPolicy,
        context: {
          ...base,
          ...principalContext(
            world,
            session.accountId,
            session.arn,
            'FederatedUser',
            session.userId,
            session.tags,
          ),
          ...common,
        },
        user,
        session,
        tags: session.tags,
      },
    };
  }
  const identity = userIdentity(world, user, 'user', now, false);
  return {
    ok: true,
    identity: {
      ...identity,
      kind: 'user-session',
      context: { ...identity.context, ...common },
      session,
    },
  };
}

/** Resolves a caller; `anonymous` has no account, no policies and only the base context. */
export function resolveCaller(
  world: World,
  sessions: readonly Session[],
  now: number,
  caller: Caller,
): CallerResult {
  if (caller.type === 'anonymous') {
    return {
      ok: true,
      identity: {
        kind: 'anonymous',
        arn: 'anonymous',
        accountId: null,
        userId: 'anonymous',
        identityPolicies: [],
        boundary: null,
        sessionPolicy: null,
        context: baseContext(now),
        tags: [],
      },
    };
  }
  if (caller.type === 'session') {
    const session = sessions.find((s) => s.credentials.accessKeyId === caller.accessKeyId);
    if (!session) return { ok: false, error: invalidToken() };
    const found = sessionIdentity(world, session, now);
    return found.ok ? { ok: true, identity: { ...found.identity, mfa: session.mfa } } : found;
  }
  const user = findUser(world, caller.arn);
  if (!user) return { ok: false, error: invalidToken() };
  return {
    ok: true,
    identity:
      caller.type === 'console-user'
        ? userIdentity(world, user, caller.type, now, caller.mfa, caller.signedInAt ?? now)
        : userIdentity(world, user, caller.type, now, false),
  };
}

export { roleUniqueId };
