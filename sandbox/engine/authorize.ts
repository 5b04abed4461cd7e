// The authorizer: AWS's evaluation order, one gate at a time, never throwing.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
//
// 1. An explicit Deny in any applicable policy decides.
// 2. SCPs (the caller's account; every OU level needs an Allow) and RCPs (the resource's
//    account) must allow. RCPs came after the June 2023 excerpt; they are modelled as the
//    resource-side twin of SCPs, as AWS later documented them.
// 3. Same account: identity ∪ resource policy. A resource policy that names the user or the
//    session ARN directly (or `*`) is not limited by implicit denies in the identity policy,
//    the boundary or the session policy; naming the role ARN is limited by the boundary and
//    the session policy; naming the account only delegates to the identity policy.
// 4. Role trust policies must allow the principal themselves: identity permissions alone
//    never suffice (also for sts:TagSession / sts:SetSourceIdentity against a role).
// 5. Cross account: the caller's account (SCPs, identity, boundary, session) and the
//    resource's account (resource/trust policy, RCPs) must both allow.
// 6. IdPs (SAML/OIDC providers, web-identity hosts), services and anonymous callers belong to
//    no account: only the resource side decides.
// 7. KMS key policies are the other exception the current evaluation-logic page names ("Role
//    trust policies and KMS key policies are exceptions … they must explicitly allow access
//    for principals"), in one account too: an identity policy counts only where the key
//    policy delegates to the account ("Unless the key policy explicitly allows it, you cannot
//    use IAM policies to allow access to a KMS key", KMS developer guide, key-policies.html).
// 8. Some requests are refused whatever the policies say (refusals.ts): an explicit deny is
//    still reported as such; otherwise the refusal decides and `refusal` names the rule.
import type { Finding, ParsedPolicy } from '../policy/types.ts';
import { anyAllowGate, levelsGate, notApplicable, type GateEval } from './gates.ts';
import type { AllowMatch } from './policy.ts';
import { RCP_SERVICES } from './rcp-services.ts';
import { awsOwnedRefusal, credentialRefusal, refusalSummary } from './refusals.ts';
import { prepareRequest, type PreparedRequest } from './request.ts';
import { summarize } from './summary.ts';
import type {
  AuthzInput,
  AuthzResult,
  Decision,
  DecisionReason,
  GateResult,
  Refusal,
  Side,
  StatementRef,
} from './types.ts';

const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
]);
const TRUST_SIDE_ACTIONS = new Set(['sts:tagsession', 'sts:setsourceidentity']);
// "No permissions are required": id_credentials_temp_control-access_getsessiontoken.html and
// the footnote on GetCallerIdentity in id_credentials_temp_request.html.
const UNDENIABLE_ACTIONS = new Set(['sts:getsessiontoken', 'sts:getcalleridentity']);

function resourceAccountOf(req: PreparedRequest): string | null {
  // AssumeRoot names a member account, but that account holds no policy for it: the caller's
  // identity policy in the management (or delegated administrator) account decides, with
  // SCPs ("You must use credentials from an Organizations management account or a delegated
  // administrator account for IAM to call AssumeRoot", STS API reference, API_AssumeRoot).
  if (req.action === 'sts:assumeroot') return req.caller.account;
  const given = req.request.resourceAccount;
  if (typeof given === 'string' && given !== '') return given;
  const account = req.resourceFields?.[4];
  if (account !== undefined && /^\d{12}$/.test(account)) return account;
  return req.caller.account;
}

function isRoleArn(req: PreparedRequest): boolean {
  const fields = req.resourceFields;
  return fields !== null && fields[2] === 'iam' && fields[5]?.startsWith('role/') === true;
}

/** A KMS key (not an alias, not `*`): the resource a key policy guards. */
function isKmsKey(req: PreparedRequest): boolean {
  if (!req.action.startsWith('kms:')) return false;
  const fields = req.resourceFields;
  return fields !== null && fields[2] === 'kms' && fields[5]?.startsWith('key/') === true;
}

const SERVICE_LINKED_ROLE = ':role/aws-service-role/';

// Actions repeat across requests (keystrokes, benchmarks): whether RCPs cover one is kept,
// bounded like the principal forms in principal.ts.
const rcpCoverage = new Map<string, boolean>();

/** Whether RCPs apply to `action` (lowercase): its service is on the RCP page's list. */
function rcpCovers(action: string): boolean {
  const known = rcpCoverage.get(action);
  if (known !== undefined) return known;
  const colon = action.indexOf(':');
  // An action AWS could not name (no service) is left to the RCPs, as before the list.
  const covers = colon <= 0 || RCP_SERVICES.has(action.slice(0, colon));
  if (rcpCoverage.size >= 4096) rcpCoverage.clear();
  rcpCoverage.set(action, covers);
  return covers;
}

/**
 * Why RCPs do not apply to this request, or `null` when they do. They apply to AWS service
 * principals like any other ("RCPs impact the effective permissions of principals …
 * regardless of whether the principals belong to the same organizations or not"; AWS's own
 * confused-deputy RCPs test `aws:PrincipalIsAWSService`), with the exceptions of
 * "Resources and entities not restricted by RCPs": calls made by service-linked roles, a
 * service assuming its service-linked role, and `kms:RetireGrant`; and they apply only to the
 * services the page lists (rcp-services.ts). The other exceptions need facts a request case
 * does not carry: the management account's resources (the world leaves its RCPs out,
 * sandbox/world/lookup.ts) and AWS managed KMS keys (their ARNs look like any key's).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
function rcpExemption(req: PreparedRequest): string | null {
  if (!rcpCovers(req.action)) return 'rcp-service-not-covered';
  if (req.action === 'kms:retiregrant') return 'rcp-exempt-retire-grant';
  const caller = req.caller;
  const roleArn = caller.roleArn ?? (caller.form?.kind === 'role' ? caller.text : undefined);
  if (roleArn?.includes(SERVICE_LINKED_ROLE) === true) return 'rcp-exempt-service-linked-role';
  if (
    caller.form?.kind === 'service' &&
    req.action === 'sts:assumerole' &&
    req.resource.includes(SERVICE_LINKED_ROLE)
  )
    return 'rcp-exempt-service-linked-role';
  return null;
}

function allFindings(input: AuthzInput): Finding[] {
  const errors: Finding[] = [];
  const add = (policy: ParsedPolicy | null): void => {
    if (policy === null || (!policy.hasErrors && policy.document !== null)) return;
    for (const f of policy.findings) if (f.severity === 'error') errors.push(f);
  };
  input.identityPolicies.forEach(add);
  add(input.resourcePolicy);
  for (const level of input.scps) level.forEach(add);
  for (const level of input.rcps) level.forEach(add);
  add(input.permissionBoundary);
  add(input.sessionPolicy);
  return errors;
}

/** The most permissive way a resource policy's Allow named the caller. */
function directGrant(allows: readonly AllowMatch[]): AllowMatch | null {
  const rank = (a: AllowMatch): number => {
    switch (a.principal?.kind) {
      case 'wildcard':
      case 'session':
      case 'federated-user':
      case 'user':
      case 'federated':
      case 'service':
      case 'canonical-user':
        return 3;
      case 'role':
        return 2;
      default:
        return 1;
    }
  };
  let best: AllowMatch | null = null;
  for (const a of allows) if (best === null || rank(a) > rank(best)) best = a;
  return best;
}

/** A request refused whatever the policies say (refusals.ts); `refusal` names the rule. */
function refused(
  base: Pick<AuthzResult, 'crossAccount' | 'principalAccount' | 'resourceAccount' | 'errors'>,
  gates: readonly GateResult[],
  refusal: Refusal,
  byCredentials: boolean,
  action: string,
): AuthzResult {
  return {
    decision: 'implicitDeny',
    ...base,
    gates,
    deciding: [],
    reason: byCredentials ? 'credentials-cannot-call' : 'refused-by-aws',
    summary: refusalSummary(refusal, action),
    refusal,
  };
}

function passes(g: GateEval): boolean {
  return g.result.outcome === 'allow' || g.result.outcome === 'notApplicable';
}

function evaluate(input: AuthzInput): AuthzResult {
  const req = prepareRequest(input.request, input.permissionBoundary !== null);
  const caller = req.caller;
  const principalAccount = caller.account;
  const resourceAccount = resourceAccountOf(req);
  const hasCallerSide = principalAccount !== null;
  const crossAccount =
    hasCallerSide && resourceAccount !== null && resourceAccount !== principalAccount;
  const errors = allFindings(input);
  const base = { crossAccount, principalAccount, resourceAccount, errors };
  const finish = (
    decision: Decision,
    gates: readonly GateResult[],
    deciding: readonly StatementRef[],
    reason: DecisionReason,
  ): AuthzResult => ({
    decision,
    ...base,
    gates,
    deciding,
    reason,
    summary: summarize(reason, req, gates, deciding),
  });
  const credential = credentialRefusal(caller.form, req.action);
  const refusal = credential ?? awsOwnedRefusal(req.action, req.resource);
  if (UNDENIABLE_ACTIONS.has(req.action)) {
    // No policy can deny these two, so only a refusal can.
    return refusal === null
      ? finish('allowed', [], [], 'undeniable-action')
      : refused(base, [], refusal, credential !== null, req.request.action);
  }

  const callerSide: Side = crossAccount ? 'caller' : hasCallerSide ? 'single' : 'caller';
  const resourceSide: Side = crossAccount || !hasCallerSide ? 'resource' : 'single';
  const isTrust =
    TRUST_ACTIONS.has(req.action) || (TRUST_SIDE_ACTIONS.has(req.action) && isRoleArn(req));
  const isKeyPolicy = !isTrust && isKmsKey(req);
  // Trust and key policies must themselves allow; identity permissions alone never suffice.
  const mustAllow = isTrust || isKeyPolicy;
  const kind = caller.form?.kind;
  // A root user with a session policy is an AssumeRoot session, scoped by its task policy.
  const isSession =
    kind === 'assumed-role' ||
    kind === 'federated-user' ||
    kind === 'role' ||
    (kind === 'account' && input.sessionPolicy !== null);

  const scp =
    hasCallerSide && input.scps.length > 0
      ? levelsGate('scp', callerSide, input.scps, req)
      : notApplicable('scp', callerSide, hasCallerSide ? 'no-scps' : 'caller-has-no-account');
  const exempt = input.rcps.length > 0 ? rcpExemption(req) : null;
  const rcp =
    input.rcps.length === 0
      ? notApplicable('rcp', resourceSide, 'no-rcps')
      : exempt !== null
        ? notApplicable('rcp', resourceSide, exempt)
        : levelsGate('rcp', resourceSide, input.rcps, req);
  const resource =
    input.resourcePolicy !== null
      ? anyAllowGate(
          'resource',
          resourceSide,
          [input.resourcePolicy],
          req,
          isTrust ? 'trust-does-not-allow' : isKeyPolicy ? 'key-policy-does-not-allow' : 'no-allow',
        )
      : mustAllow
        ? {
            result: {
              gate: 'resource' as const,
              side: resourceSide,
              outcome: 'implicitDeny' as const,
              policies: [],
              deciding: [],
              // "Every KMS key must have exactly one key policy"; a case without one is a key
              // whose policy allows nothing.
              reason: isTrust ? 'no-trust-policy' : 'no-key-policy',
            },
            denies: [],
            allows: [],
          }
        : notApplicable('resource', resourceSide, 'no-resource-policy');
  let identity: GateEval;
  if (!hasCallerSide) identity = notApplicable('identity', callerSide, 'caller-has-no-account');
  else {
    identity = anyAllowGate('identity', callerSide, input.identityPolicies, req, 'no-allow');
    // "All requests are implicitly denied with the exception of the AWS account root user".
    if (kind === 'account' && identity.result.outcome === 'implicitDeny') {
      identity = {
        ...identity,
        result: { ...identity.result, outcome: 'allow', reason: 'root-user' },
      };
    }
  }
  const boundary =
    hasCallerSide && input.permissionBoundary !== null
      ? anyAllowGate('boundary', callerSide, [input.permissionBoundary], req, 'no-allow')
      : notApplicable('boundary', callerSide, 'no-boundary');
  let session: GateEval;
  if (!hasCallerSide || !isSession) {
    session = notApplicable(
      'session',
      callerSide,
      input.sessionPolicy === null ? 'no-session-policy' : 'not-a-session',
    );
  } else if (input.sessionPolicy !== null) {
    session = anyAllowGate('session', callerSide, [input.sessionPolicy], req, 'no-allow');
  } else if (kind === 'federated-user') {
    // GetFederationToken without a session policy gives no permissions (evaluation logic, step 6).
    session = {
      result: {
        gate: 'session',
        side: callerSide,
        outcome: 'implicitDeny',
        policies: [],
        deciding: [],
        reason: 'federated-user-without-session-policy',
      },
      denies: [],
      allows: [],
    };
  } else {
    session = notApplicable('session', callerSide, 'no-session-policy');
  }

  const all = [scp, rcp, resource, identity, boundary, session];
  const gates = all.map((g) => g.result);
  const denies = all.flatMap((g) => g.denies);
  if (denies.length > 0) return finish('explicitDeny', gates, denies, 'explicit-deny');
  if (refusal !== null)
    return refused(base, gates, refusal, credential !== null, req.request.action);
  if (scp.result.outcome === 'implicitDeny')
    return finish('implicitDeny', gates, [], 'scp-no-allow');
  if (rcp.result.outcome === 'implicitDeny')
    return finish('implicitDeny', gates, [], 'rcp-no-allow');
  const guards = [...scp.result.deciding, ...rcp.result.deciding];
  const resourceAllows = resource.result.outcome === 'allow';
  if (isTrust && !resourceAllows) return finish('implicitDeny', gates, [], 'trust-does-not-allow');
  if (isKeyPolicy && !resourceAllows)
    return finish('implicitDeny', gates, [], 'key-policy-does-not-allow');
  if (!hasCallerSide) {
    return resourceAllows
      ? finish('allowed', gates, [...guards, ...resource.result.deciding], 'allowed-by-resource')
      : finish('implicitDeny', gates, [], 'resource-does-not-allow');
  }

  const limits = [...boundary.result.deciding, ...session.result.deciding];
  const identityPath = identity.result.outcome === 'allow' && passes(boundary) && passes(session);
  const identityFailure: DecisionReason =
    identity.result.outcome !== 'allow'
      ? 'identity-does-not-allow'
      : !passes(boundary)
        ? 'boundary-does-not-allow'
        : session.result.reason === 'federated-user-without-session-policy'
          ? 'federated-user-without-session-policy'
          : 'session-does-not-allow';
  const trustRefs = mustAllow ? resource.result.deciding : [];

  if (crossAccount) {
    if (!identityPath) return finish('implicitDeny', gates, [], identityFailure);
    if (!resourceAllows) return finish('implicitDeny', gates, [], 'resource-does-not-allow');
    return finish(
      'allowed',
      gates,
      [...guards, ...identity.result.deciding, ...limits, ...resource.result.deciding],
      'allowed-cross-account',
    );
  }

  const grant = resourceAllows ? directGrant(resource.allows) : null;
  const grantKind = grant?.principal?.kind;
  const direct =
    grant !== null &&
    (grantKind === 'role'
      ? passes(boundary) && passes(session)
      : grantKind !== 'account' && grantKind !== undefined);
  if (direct) {
    const extra = grantKind === 'role' ? limits : [];
    return finish(
      'allowed',
      gates,
      [...guards, grant.ref, ...extra],
      grantKind === 'role'
        ? 'allowed-by-resource-naming-role'
        : 'allowed-by-resource-naming-caller',
    );
  }
  if (identityPath) {
    return finish(
      'allowed',
      gates,
      [...guards, ...identity.result.deciding, ...limits, ...trustRefs],
      'allowed-by-identity',
    );
  }
  if (grant !== null && grantKind === 'role') {
    return finish(
      'implicitDeny',
      gates,
      [],
      passes(boundary) ? 'session-does-not-allow' : 'boundary-does-not-allow',
    );
  }
  return finish(
    'implicitDeny',
    gates,
    [],
    resourceAllows || identity.result.outcome === 'allow' ? identityFailure : 'no-allow',
  );
}

const internalError = (error: unknown): AuthzResult => ({
  decision: 'implicitDeny',
  crossAccount: false,
  principalAccount: null,
  resourceAccount: null,
  gates: [],
  deciding: [],
  reason: 'internal-error',
  summary: {
    en: `the simulator failed on this request: ${String(error)}`,
    ja: `シミュレーターがこのリクエストの評価に失敗しました: ${String(error)}`,
  },
  errors: [],
});

/** Decides a request as AWS documents it; never throws on any input. */
export function authorize(input: AuthzInput): AuthzResult {
  try {
    return evaluate(input);
  } catch (error) {
    // INVARIANT: unreachable for well-typed input; kept so a bug shows as data, not a crash.
    return internalError(error);
  }
}
