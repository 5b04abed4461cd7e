// One hop of a path: a caller assumes a role, or acts on a bucket. Every answer comes from the
// engine (`authorize`) with the inputs STS itself would build, or from STS's own federated
// calls: the request context for AssumeRole is put together as `sts/assume-role.ts` does
// (session name, ExternalId, MFA, tags, source identity, then sts:TagSession and
// sts:SetSourceIdentity when asked for), and a test replays each found path through
// `runCall` to keep the two in step.
import { authorize } from '../engine/authorize.ts';
import type { AuthzResult, ContextValue, GateId } from '../engine/types.ts';
import { assumeRoleWithSaml, assumeRoleWithWebIdentity } from '../sts/federation.ts';
import { DEFAULT_SESSION_NAME } from '../sts/assume-role.ts';
import type {
  AssumeRoleWithSamlCall,
  AssumeRoleWithWebIdentityCall,
  CallOutcome,
} from '../sts/types.ts';
import { checkExternalId, checkSessionName, checkTags } from '../sts/validate.ts';
import type { Bucket, World } from '../world/types.ts';
import type { BucketNode, CallerNode, IdpNode, RoleNode } from './model.ts';
import { contextOf, smallestSets, variablesOf, type Controls } from './requirements.ts';
import type { BlockedHop, BucketAction, GateStep, Requirement } from './types.ts';

export interface Alternative {
  readonly requirements: readonly Requirement[];
  readonly gates: readonly GateStep[];
}

export interface HopAnswer {
  /** Empty when the hop never opens. */
  readonly alternatives: readonly Alternative[];
  readonly blocked: Omit<BlockedHop, 'from' | 'to' | 'action'> | null;
}

/** S3 actions the map checks for each bucket action, on the bucket or on one object. */
export const BUCKET_ACTIONS: Readonly<Record<BucketAction, { action: string; object: boolean }>> = {
  read: { action: 's3:GetObject', object: true },
  write: { action: 's3:PutObject', object: true },
  list: { action: 's3:ListBucket', object: false },
  delete: { action: 's3:DeleteObject', object: true },
};

/** Used when a bucket lists no objects: any key serves to ask about object actions. */
const SAMPLE_KEY = 'example.txt';

function gatesOf(authz: AuthzResult): GateStep[] {
  return authz.gates
    .filter((g) => g.outcome !== 'notApplicable')
    .map((g) => ({
      gate: g.gate,
      side: g.side,
      outcome: g.outcome,
      deciding: g.deciding.map((ref) => `${ref.policy}#${ref.path}`),
      statements: g.deciding.map((ref) => ({ doc: ref.doc, path: ref.path })),
    }));
}

const GATE_OF_REASON: Readonly<Record<string, GateId>> = {
  'scp-no-allow': 'scp',
  'rcp-no-allow': 'rcp',
  'trust-does-not-allow': 'resource',
  'resource-does-not-allow': 'resource',
  'identity-does-not-allow': 'identity',
  'boundary-does-not-allow': 'boundary',
  'session-does-not-allow': 'session',
};

/** The gate that stopped a denied request: an explicit Deny first, else the missing Allow. */
function stoppedBy(
  authz: AuthzResult,
  tried: readonly string[],
): NonNullable<HopAnswer['blocked']> {
  const wanted = authz.reason === undefined ? undefined : GATE_OF_REASON[authz.reason];
  const gate =
    authz.gates.find((g) => g.outcome === 'explicitDeny') ??
    authz.gates.find((g) => g.gate === wanted && g.outcome === 'implicitDeny') ??
    authz.gates.find((g) => g.outcome === 'implicitDeny');
  return {
    gate: gate?.gate ?? wanted ?? 'resource',
    side: gate?.side ?? null,
    reason: authz.reason ?? authz.decision,
    summary: authz.summary,
    tried,
  };
}

function answer(
  variables: ReturnType<typeof variablesOf>,
  attempt: (set: readonly Requirement[]) => AuthzResult | null,
  baseline: AuthzResult,
): HopAnswer {
  if (baseline.decision === 'allowed')
    return { alternatives: [{ requirements: [], gates: gatesOf(baseline) }], blocked: null };
  const gates = new Map<readonly Requirement[], AuthzResult>();
  const sets = smallestSets(variables, (set) => {
    if (set.length === 0) return false;
    const authz = attempt(set);
    if (authz?.decision !== 'allowed') return false;
    gates.set(set, authz);
    return true;
  });
  if (sets.length === 0)
    return {
      alternatives: [],
      blocked: stoppedBy(
        baseline,
        variables.map((v) => v.candidates[0]?.key ?? v.id),
      ),
    };
  return {
    alternatives: sets.map((set) => {
      const authz = gates.get(set);
      return { requirements: set, gates: authz ? gatesOf(authz) : [] };
    }),
    blocked: null,
  };
}

const CALLER_CONTROLS: Controls = new Set([
  'external-id',
  'source-ip',
  'session-tag',
  'session-name',
  'source-identity',
]);
const CALLER_CONTROLS_MFA: Controls = new Set([...CALLER_CONTROLS, 'mfa']);

/** Whether STS would accept these parameters at all (else the try is not a way in). */
function validParameters(set: readonly Requirement[]): boolean {
  const one = (v: ContextValue): string => (typeof v === 'string' ? v : (v[0] ?? ''));
  for (const r of set) {
    const value = one(r.value);
    if (r.kind === 'external-id' && checkExternalId(value) !== null) return false;
    if (r.kind === 'session-name' && checkSessionName('roleSessionName', value) !== null)
      return false;
    if (r.kind === 'source-identity' && checkSessionName('sourceIdentity', value) !== null)
      return false;
    if (
      r.kind === 'session-tag' &&
      checkTags([{ key: r.key.slice('aws:RequestTag/'.length), value }], []) !== null
    )
      return false;
  }
  return true;
}

function authorizeAssume(
  caller: CallerNode,
  role: RoleNode,
  action: string,
  context: Record<string, ContextValue>,
): AuthzResult {
  const id = caller.identity;
  return authorize({
    request: {
      principal: id.arn,
      action,
      resource: role.found.arn,
      context: { ...context, ...role.context },
    },
    identityPolicies: id.identityPolicies,
    resourcePolicy: role.trust,
    scps: caller.scps,
    rcps: role.rcps,
    permissionBoundary: id.boundary,
    sessionPolicy: id.sessionPolicy,
  });
}

/** sts:AssumeRole from a caller's credentials, as `sts/assume-role.ts` decides it. */
export function assumeHop(
  caller: CallerNode,
  role: RoleNode,
  forced: readonly Requirement[] = [],
): HopAnswer {
  const attempt = (given: readonly Requirement[]): AuthzResult | null => {
    const set = forced.length === 0 ? given : [...forced, ...given];
    if (!validParameters(set)) return null;
    const extra = contextOf(set);
    const context: Record<string, ContextValue> = {
      ...caller.identity.context,
      'sts:RoleSessionName': DEFAULT_SESSION_NAME,
      ...extra,
    };
    const main = authorizeAssume(caller, role, 'sts:AssumeRole', context);
    if (main.decision !== 'allowed') return main;
    if (set.some((r) => r.kind === 'session-tag')) {
      const tag = authorizeAssume(caller, role, 'sts:TagSession', context);
      if (tag.decision !== 'allowed') return tag;
    }
    if (
      set.some((r) => r.kind === 'source-identity') &&
      caller.identity.session?.sourceIdentity === undefined
    ) {
      const source = authorizeAssume(caller, role, 'sts:SetSourceIdentity', context);
      if (source.decision !== 'allowed') return source;
    }
    return main;
  };
  const withForced = (a: HopAnswer): HopAnswer =>
    forced.length === 0
      ? a
      : {
          ...a,
          alternatives: a.alternatives.map((alt) => ({
            ...alt,
            requirements: [...forced, ...alt.requirements],
          })),
        };
  const baseline = attempt([]);
  if (baseline === null) return { alternatives: [], blocked: null };
  if (baseline.decision === 'allowed') return withForced(answer([], attempt, baseline));
  const id = caller.identity;
  const fixedKeys = new Set(forced.map((r) => r.key.toLowerCase()));
  const all = variablesOf(
    [
      ...id.identityPolicies,
      id.boundary,
      id.sessionPolicy,
      ...caller.scps.flat(),
      role.trust,
      ...role.rcps.flat(),
    ],
    caller.mfaPossible ? CALLER_CONTROLS_MFA : CALLER_CONTROLS,
    [],
    new Set(),
    id.context,
  );
  const variables = all.filter((v) => !fixedKeys.has(v.id));
  return withForced(answer(variables, attempt, baseline));
}

/** What the map asks about for a bucket action: the bucket, or its first listed object. */
export function bucketResource(bucket: Bucket, action: BucketAction): string {
  const key = bucket.objects?.[0] ?? SAMPLE_KEY;
  return `arn:aws:s3:::${bucket.name}${BUCKET_ACTIONS[action].object ? `/${key}` : ''}`;
}

/** One S3 action on a bucket (or one of its objects), as `sts/service.ts` decides it. */
export function bucketHop(caller: CallerNode, bucket: BucketNode, action: BucketAction): HopAnswer {
  const spec = BUCKET_ACTIONS[action];
  const resource = bucketResource(bucket.bucket, action);
  const id = caller.identity;
  const attempt = (set: readonly Requirement[]): AuthzResult =>
    authorize({
      request: {
        principal: id.arn,
        action: spec.action,
        resource,
        resourceAccount: bucket.account.id,
        context: { ...id.context, ...bucket.context, ...contextOf(set) },
      },
      identityPolicies: id.identityPolicies,
      resourcePolicy: bucket.policy,
      scps: caller.scps,
      rcps: bucket.rcps,
      permissionBoundary: id.boundary,
      sessionPolicy: id.sessionPolicy,
    });
  const baseline = attempt([]);
  if (baseline.decision === 'allowed') return answer([], attempt, baseline);
  const controls: Controls = new Set(caller.mfaPossible ? ['source-ip', 'mfa'] : ['source-ip']);
  const variables = variablesOf(
    [
      ...id.identityPolicies,
      id.boundary,
      id.sessionPolicy,
      ...caller.scps.flat(),
      bucket.policy,
      ...bucket.rcps.flat(),
    ],
    controls,
    [],
    new Set(),
    id.context,
  );
  return answer(variables, attempt, baseline);
}

const CLAIMS: Controls = new Set(['claim']);
const SAML_FIXED = new Set(['saml:iss', 'saml:doc', 'saml:namequalifier']);
const NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

function list(v: ContextValue | undefined): readonly string[] | undefined {
  return v === undefined ? undefined : typeof v === 'string' ? [v] : v;
}
function single(v: ContextValue | undefined): string | undefined {
  return v === undefined ? undefined : typeof v === 'string' ? v : v[0];
}

/**
 * The AssumeRoleWithSAML / AssumeRoleWithWebIdentity call an IdP user makes to `roleArn`
 * with the claims `set` asks for (and otherwise a plain, valid assertion or token).
 */
export function federatedCallOf(
  idp: IdpNode,
  roleArn: string,
  set: readonly Requirement[],
  now: number,
): AssumeRoleWithSamlCall | AssumeRoleWithWebIdentityCall {
  // One person: their own assertion or token, as the scenario wrote it, to any role.
  const fixed = idp.fixed;
  if (fixed?.protocol === 'saml')
    return {
      op: 'AssumeRoleWithSAML',
      roleArn,
      principalArn: fixed.provider,
      assertion: fixed.assertion,
    };
  if (fixed?.protocol === 'oidc')
    return {
      op: 'AssumeRoleWithWebIdentity',
      roleArn,
      roleSessionName: DEFAULT_SESSION_NAME,
      token: fixed.token,
    };
  const claims = new Map<string, ContextValue>();
  for (const r of set) claims.set(r.key.toLowerCase(), r.value);
  if (idp.protocol === 'saml') {
    const attributes: Record<string, readonly string[]> = {};
    for (const r of set) {
      const lower = r.key.toLowerCase();
      if (lower !== 'saml:aud' && lower !== 'saml:sub' && lower !== 'saml:sub_type')
        attributes[r.key] = list(r.value) ?? [];
    }
    const subType = single(claims.get('saml:sub_type'));
    return {
      op: 'AssumeRoleWithSAML',
      roleArn,
      principalArn: idp.subject.arn,
      assertion: {
        issuer: idp.issuer ?? '',
        recipient: single(claims.get('saml:aud')) ?? 'https://signin.aws.amazon.com/saml',
        audience: 'urn:amazon:webservices',
        nameId: single(claims.get('saml:sub')) ?? 'someone@example.com',
        ...(subType === undefined ? {} : { nameIdFormat: `${NAME_ID_FORMAT}${subType}` }),
        roles: [`${roleArn},${idp.subject.arn}`],
        roleSessionName: DEFAULT_SESSION_NAME,
        notOnOrAfter: '+5m',
        attributes,
      },
    };
  }
  const host = (idp.host ?? '').toLowerCase();
  const claim = (...names: string[]): ContextValue | undefined =>
    names.map((n) => claims.get(`${host}:${n}`)).find((v) => v !== undefined);
  const amr = list(claim('amr'));
  const azp = single(claim('azp'));
  return {
    op: 'AssumeRoleWithWebIdentity',
    roleArn,
    roleSessionName: DEFAULT_SESSION_NAME,
    token: {
      iss: `https://${idp.host ?? ''}`,
      aud: single(claim('aud', 'oaud', 'app_id')) ?? idp.clientIds?.[0] ?? 'iamlab-client',
      sub: single(claim('sub', 'id', 'user_id')) ?? 'someone',
      ...(amr === undefined ? {} : { amr }),
      ...(azp === undefined ? {} : { azp }),
      exp: Math.floor(now / 1000) + 3600,
    },
  };
}

/** The federated call, made through STS itself. */
function federatedCall(
  world: World,
  now: number,
  idp: IdpNode,
  role: RoleNode,
  set: readonly Requirement[],
): CallOutcome {
  const env = { world, now, sessions: [] };
  const call = federatedCallOf(idp, role.found.arn, set, now);
  return call.op === 'AssumeRoleWithSAML'
    ? assumeRoleWithSaml(env, call)
    : assumeRoleWithWebIdentity(env, call);
}

/** A federated sign-in to a role: the claims the trust policy checks are the requirements. */
export function federatedHop(world: World, now: number, idp: IdpNode, role: RoleNode): HopAnswer {
  const results = new Map<readonly Requirement[], CallOutcome>();
  const run = (set: readonly Requirement[]): CallOutcome => {
    const outcome = federatedCall(world, now, idp, role, set);
    results.set(set, outcome);
    return outcome;
  };
  const first = run([]);
  const gatesFor = (o: CallOutcome): GateStep[] => (o.trace.authz ? gatesOf(o.trace.authz) : []);
  if (first.ok)
    return { alternatives: [{ requirements: [], gates: gatesFor(first) }], blocked: null };
  const prefix = idp.protocol === 'saml' ? 'saml:' : `${(idp.host ?? '').toLowerCase()}:`;
  // A person's claims are what they are: only "any user of the IdP" has claims to try.
  const variables = variablesOf(
    [role.trust, ...role.rcps.flat()],
    idp.fixed === undefined ? CLAIMS : new Set(),
    [prefix],
    idp.protocol === 'saml' ? SAML_FIXED : new Set(),
  );
  const sets = smallestSets(variables, (set) => set.length > 0 && run(set).ok);
  if (sets.length > 0) {
    return {
      alternatives: sets.map((set) => {
        const outcome = results.get(set);
        return { requirements: set, gates: outcome ? gatesFor(outcome) : [] };
      }),
      blocked: null,
    };
  }
  const tried = variables.map((v) => v.candidates[0]?.key ?? v.id);
  if (first.trace.authz) return { alternatives: [], blocked: stoppedBy(first.trace.authz, tried) };
  return {
    alternatives: [],
    blocked: {
      gate: 'request',
      side: null,
      reason: first.error.code,
      summary: first.error.explanation,
      tried,
    },
  };
}
