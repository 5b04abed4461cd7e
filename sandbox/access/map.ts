// The access map: every hop the policies make possible, then every subject's reach through
// chains of hops, each kept with the smallest sets of requirements that open it.
//
// Which hops are asked about: a role only lets in whom its trust policy names (identity
// permissions never suffice, reference_policies_evaluation-logic.html), so each role is
// asked about the callers its trust policy's Allow statements name — an account names all of
// its callers, `*` everyone. A bucket is asked about every caller of its own account and
// about the callers its bucket policy names (cross-account access needs the bucket policy,
// reference_policies_evaluation-logic-cross-account.html). The engine answers every hop.
import { classifyPrincipal } from '../arn/index.ts';
import type { ParsedPolicy } from '../policy/types.ts';
import type { World } from '../world/types.ts';
import { BUCKET_ACTIONS, assumeHop, bucketHop, federatedHop, type HopAnswer } from './hop.ts';
import {
  buildModel,
  createAccessCache,
  type AccessCache,
  type CallerNode,
  type IdpNode,
  type Model,
  type RoleNode,
} from './model.ts';
import { requirementSig, subsetOf, unionOf } from './requirements.ts';
import type {
  AccessMap,
  AccessOptions,
  BlockedHop,
  BucketAction,
  Hop,
  Reach,
  Route,
  Subject,
  SubjectAccess,
  Target,
} from './types.ts';

/** Chains longer than this are not followed; real chains are two or three hops. */
const DEFAULT_MAX_HOPS = 5;
/** Routes kept per subject and target: the easiest few. */
const MAX_ROUTES = 4;

interface Named {
  readonly all: boolean;
  readonly accounts: ReadonlySet<string>;
  readonly arns: ReadonlySet<string>;
  /** `ACCOUNT/NAME` of roles named by a role ARN with any path or by a session ARN. */
  readonly roleNames: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
}

const namedCache = new WeakMap<ParsedPolicy, Named>();

/** Who a policy's Allow statements could let in (an over-approximation; the engine decides). */
function namedBy(policy: ParsedPolicy | null): Named {
  const empty: Named = {
    all: false,
    accounts: new Set(),
    arns: new Set(),
    roleNames: new Set(),
    federated: new Set(),
  };
  if (policy === null) return empty;
  const hit = namedCache.get(policy);
  if (hit) return hit;
  let all = false;
  const accounts = new Set<string>();
  const arns = new Set<string>();
  const roleNames = new Set<string>();
  const federated = new Set<string>();
  for (const s of policy.document?.statements ?? []) {
    if (s.effect !== 'Allow') continue;
    if (s.notPrincipal !== undefined || s.principal?.kind === 'wildcard') {
      all = true;
      continue;
    }
    if (s.principal?.kind !== 'map') continue;
    for (const { type, value } of s.principal.entries) {
      if (type === 'Federated') {
        federated.add(value.value);
        continue;
      }
      if (type !== 'AWS') continue;
      const form = classifyPrincipal(value.value);
      if (form === null) continue;
      if (form.kind === 'wildcard') all = true;
      else if (form.kind === 'account') accounts.add(form.account);
      else if (form.kind === 'user') arns.add(form.arn);
      else if (form.kind === 'role') roleNames.add(`${form.account}/${form.name}`);
      else if (form.kind === 'assumed-role') roleNames.add(`${form.account}/${form.roleName}`);
    }
  }
  const named = { all, accounts, arns, roleNames, federated };
  namedCache.set(policy, named);
  return named;
}

function names(named: Named, caller: CallerNode): boolean {
  if (named.all) return true;
  const s = caller.subject;
  const account = caller.identity.accountId ?? '';
  if (named.accounts.has(account)) return true;
  if (named.arns.has(s.arn)) return true;
  if (s.kind === 'role') return named.roleNames.has(`${account}/${s.name}`);
  if (s.kind === 'external') return named.roleNames.has(`${account}/${s.name}`);
  return false;
}

function roleTarget(r: RoleNode): Target {
  return { kind: 'role', arn: r.found.arn, name: r.found.role.name, account: r.found.account.id };
}

/** Asks the cache first: the same caller and target pieces give the same answer. */
function cached(
  cache: AccessCache,
  from: object,
  to: object,
  action: string,
  ask: () => HopAnswer,
): HopAnswer {
  let byTarget = cache.hops.get(from);
  if (!byTarget) {
    byTarget = new WeakMap();
    cache.hops.set(from, byTarget);
  }
  let byAction = byTarget.get(to);
  if (!byAction) {
    byAction = new Map();
    byTarget.set(to, byAction);
  }
  const hit = byAction.get(action) as HopAnswer | undefined;
  if (hit) return hit;
  const fresh = ask();
  byAction.set(action, fresh);
  return fresh;
}

interface Hops {
  readonly ok: Hop[];
  readonly blocked: BlockedHop[];
}

/**
 * Keeps the working hops, and the blocked ones that some policy meant for the caller: a
 * same-account bucket that neither the caller's identity policies nor the bucket policy
 * allows at all is no candidate path, only a door nobody pointed at.
 */
function record(
  out: Hops,
  from: string,
  to: Target,
  action: string,
  a: HopAnswer,
  pointed = true,
): void {
  for (const alt of a.alternatives)
    out.ok.push({ from, to, action, requirements: alt.requirements, gates: alt.gates });
  if (a.blocked && (pointed || !NOBODY_ALLOWS.has(a.blocked.reason)))
    out.blocked.push({ from, to, action, ...a.blocked });
}

const NOBODY_ALLOWS: ReadonlySet<string> = new Set(['no-allow', 'identity-does-not-allow']);

function allHops(world: World, now: number, model: Model, cache: AccessCache): Hops {
  const out: Hops = { ok: [], blocked: [] };
  for (const role of model.roles) {
    const named = namedBy(role.trust);
    const to = roleTarget(role);
    for (const caller of model.callers) {
      // A role does not chain into itself in the map: its own sessions already are it.
      if (caller.subject.id === `role:${role.found.arn}` || !names(named, caller)) continue;
      record(
        out,
        caller.subject.id,
        to,
        'sts:AssumeRole',
        cached(cache, caller, role, 'assume', () => assumeHop(caller, role)),
      );
    }
    for (const idp of model.idps) {
      if (!named.federated.has(idp.subject.arn)) continue;
      const action =
        idp.protocol === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
      record(
        out,
        idp.subject.id,
        to,
        action,
        cached(cache, idp, role, 'federated', () => federatedHop(world, now, idp, role)),
      );
    }
  }
  for (const bucket of model.buckets) {
    const named = namedBy(bucket.policy);
    for (const caller of model.callers) {
      if (caller.identity.accountId !== bucket.account.id && !names(named, caller)) continue;
      for (const action of Object.keys(BUCKET_ACTIONS) as BucketAction[]) {
        const to: Target = {
          kind: 'bucket',
          bucket: bucket.bucket.name,
          action,
          account: bucket.account.id,
        };
        const answer = cached(cache, caller, bucket, action, () =>
          bucketHop(caller, bucket, action),
        );
        record(
          out,
          caller.subject.id,
          to,
          BUCKET_ACTIONS[action].action,
          answer,
          names(named, caller),
        );
      }
    }
  }
  return out;
}

export function targetKey(t: Target): string {
  return t.kind === 'role' ? `role:${t.arn}` : `bucket:${t.bucket}:${t.action}`;
}

/** MFA is asked of whoever signed in first: a hop that needs it is open only to those who can. */
export function needsMfa(hop: Hop): boolean {
  return hop.requirements.some((r) => r.kind === 'mfa');
}

/** Roles first, then buckets by name with their actions in the order read, write, list, delete. */
function sortKey(t: Target): string {
  return t.kind === 'role'
    ? `0 ${t.arn}`
    : `1 ${t.bucket} ${Object.keys(BUCKET_ACTIONS).indexOf(t.action)}`;
}

interface Label {
  readonly route: Route;
  readonly sigs: readonly string[];
}

/** Adds a route to a target's antichain unless an easier one is already there. */
function offer(labels: Map<string, Label[]>, key: string, route: Route): boolean {
  const list = labels.get(key) ?? [];
  if (list.some((l) => subsetOf(l.route.requirements, route.requirements))) return false;
  const kept = list.filter((l) => !subsetOf(route.requirements, l.route.requirements));
  if (kept.length >= MAX_ROUTES) return false;
  kept.push({ route, sigs: route.requirements.map(requirementSig) });
  labels.set(key, kept);
  return true;
}

function reachOf(
  subject: Subject,
  edges: ReadonlyMap<string, readonly Hop[]>,
  maxHops: number,
): SubjectAccess {
  const roleLabels = new Map<string, Label[]>();
  const bucketLabels = new Map<string, Label[]>();
  const targets = new Map<string, Target>();
  const queue: { at: string; route: Route }[] = [
    { at: subject.id, route: { hops: [], requirements: [] } },
  ];
  for (let i = 0; i < queue.length; i++) {
    const { at, route } = queue[i] ?? { at: '', route: { hops: [], requirements: [] } };
    if (route.hops.length >= maxHops) continue;
    for (const hop of edges.get(at) ?? []) {
      if (!subject.mfa && needsMfa(hop)) continue;
      const next: Route = {
        hops: [...route.hops, hop],
        requirements: unionOf(route.requirements, hop.requirements),
      };
      const key = targetKey(hop.to);
      targets.set(key, hop.to);
      if (hop.to.kind === 'bucket') {
        offer(bucketLabels, key, next);
        continue;
      }
      const roleId = `role:${hop.to.arn}`;
      if (roleId === subject.id || route.hops.some((h) => h.from === roleId)) continue;
      if (offer(roleLabels, key, next)) queue.push({ at: roleId, route: next });
    }
  }
  const reach = (labels: Map<string, Label[]>): Reach[] =>
    [...labels]
      .map(([key, list]) => ({
        target: targets.get(key) as Target,
        routes: list.map((l) => l.route),
      }))
      .sort((a, b) => sortKey(a.target).localeCompare(sortKey(b.target)));
  return { subject, roles: reach(roleLabels), buckets: reach(bucketLabels) };
}

/**
 * The access map of a world at time `now`. Pass the same `cache` on every recomputation
 * (after each edit) to parse and ask again only what the edit changed.
 */
export function computeAccessMap(
  world: World,
  options: AccessOptions,
  cache: AccessCache = createAccessCache(),
): AccessMap {
  const model = buildModel(world, options.now, cache);
  const { ok, blocked } = allHops(world, options.now, model, cache);
  const edges = new Map<string, Hop[]>();
  for (const hop of ok) {
    const list = edges.get(hop.from);
    if (list) list.push(hop);
    else edges.set(hop.from, [hop]);
  }
  const subjects: Subject[] = [
    ...model.callers.map((c) => c.subject),
    ...model.idps.map((i: IdpNode) => i.subject),
  ];
  const maxHops = options.maxHops ?? DEFAULT_MAX_HOPS;
  return {
    subjects: subjects.map((s) => reachOf(s, edges, maxHops)),
    hops: ok,
    blocked,
  };
}
