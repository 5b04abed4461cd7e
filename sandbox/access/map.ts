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
  type BucketNode,
  type CallerNode,
  type IdpNode,
  markSuffix,
  type Model,
  type RoleNode,
  type SessionMark,
} from './model.ts';
import { subsetOf, unionOf } from './requirements.ts';
import type {
  AccessMap,
  AccessOptions,
  BlockedHop,
  BucketAction,
  Hop,
  Reach,
  Requirement,
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

/** No policy names nobody; one object, so that what depends on it can be kept. */
const NOBODY: Named = {
  all: false,
  accounts: new Set(),
  arns: new Set(),
  roleNames: new Set(),
  federated: new Set(),
};

/** Who a policy's Allow statements could let in (an over-approximation; the engine decides). */
function namedBy(policy: ParsedPolicy | null): Named {
  if (policy === null) return NOBODY;
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
  readonly ok: Edge[];
  readonly blocked: BlockedHop[];
}

/**
 * Keeps the working hops, and the blocked ones that some policy meant for the caller: a
 * same-account bucket that neither the caller's identity policies nor the bucket policy
 * allows at all is no candidate path, only a door nobody pointed at.
 */
/**
 * The hops an answer stands for, made once per answer: an answer the cache keeps keeps its
 * hop objects too, so that an unchanged part of the world yields the very same objects and
 * the reach of every subject that only passes through unchanged parts can be kept as is.
 * Blocked hops are kept when some policy meant them for the caller: a same-account bucket
 * that neither the caller's identity policies nor the bucket policy allows at all is no
 * candidate path, only a door nobody pointed at.
 */
const materialized = new WeakMap<HopAnswer, { ok: readonly Edge[]; blocked: BlockedHop | null }>();

/** A hop with what the walk needs to know about it, worked out once. */
interface Edge {
  readonly hop: Hop;
  readonly key: string;
  readonly sort: string;
  /** `role:ARN` of the role the hop lands in; null for a bucket. */
  readonly lands: string | null;
  readonly mfa: boolean;
}

function edgeOf(hop: Hop): Edge {
  return {
    hop,
    key: targetKey(hop.to),
    sort: sortKey(hop.to),
    lands: landsOf(hop),
    mfa: needsMfa(hop),
  };
}

/**
 * The caller a hop makes: `role:ARN` for a role session, `role:ARN#KEY=VALUE` for one made
 * with a session tag (it carries `aws:PrincipalTag/KEY` into later calls); null for a bucket.
 */
export function landsOf(hop: Hop): string | null {
  if (hop.to.kind !== 'role') return null;
  return `role:${hop.to.arn}${markSuffix(hop.session)}`;
}

function record(
  out: Hops,
  from: string,
  to: Target,
  action: string,
  a: HopAnswer,
  pointed = true,
  session?: SessionMark,
): void {
  let made = materialized.get(a);
  if (made === undefined) {
    made = {
      ok: a.alternatives.map((alt) =>
        edgeOf({
          from,
          to,
          action,
          requirements: alt.requirements,
          gates: alt.gates,
          ...(session === undefined ? {} : { session }),
        }),
      ),
      // A tagged try that fails is the untagged hop's story already.
      blocked:
        session === undefined && a.blocked && (pointed || !NOBODY_ALLOWS.has(a.blocked.reason))
          ? { from, to, action, ...a.blocked }
          : null,
    };
    materialized.set(a, made);
  }
  for (const e of made.ok) out.ok.push(e);
  if (made.blocked) out.blocked.push(made.blocked);
}

const NOBODY_ALLOWS: ReadonlySet<string> = new Set(['no-allow', 'identity-does-not-allow']);

/**
 * Whether a trust names an IdP: by the provider's ARN or a web-identity host, or, for one
 * person of an OIDC issuer, by the IAM OIDC provider of that issuer in any account.
 */
function namesIdp(named: Named, idp: IdpNode): boolean {
  if (named.federated.has(idp.subject.arn)) return true;
  const host = idp.host;
  if (idp.fixed === undefined || host === undefined) return false;
  for (const f of named.federated) if (f.endsWith(`:oidc-provider/${host}`)) return true;
  return false;
}

/** Callers by account and by name, to find whom a policy names without trying everyone. */
interface CallerIndex {
  readonly all: readonly CallerNode[];
  readonly byAccount: ReadonlyMap<string, readonly CallerNode[]>;
  /** By ARN, and by `ACCOUNT/NAME` for roles (a role ARN with any path, a session ARN). */
  readonly byKey: ReadonlyMap<string, readonly CallerNode[]>;
}

function indexCallers(callers: readonly CallerNode[]): CallerIndex {
  const byAccount = new Map<string, CallerNode[]>();
  const byKey = new Map<string, CallerNode[]>();
  const add = (map: Map<string, CallerNode[]>, key: string, c: CallerNode): void => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of callers) {
    const account = c.identity.accountId ?? '';
    add(byAccount, account, c);
    add(byKey, c.subject.arn, c);
    if (c.subject.kind === 'role' || c.subject.kind === 'external')
      add(byKey, `${account}/${c.subject.name}`, c);
  }
  return { all: callers, byAccount, byKey };
}

/** The callers a policy's Allow statements name, each once, in the model's order. */
function namedCallers(named: Named, index: CallerIndex): readonly CallerNode[] {
  if (named.all) return index.all;
  const out = new Set<CallerNode>();
  for (const a of named.accounts) for (const c of index.byAccount.get(a) ?? []) out.add(c);
  for (const arn of named.arns) for (const c of index.byKey.get(arn) ?? []) out.add(c);
  for (const key of named.roleNames) for (const c of index.byKey.get(key) ?? []) out.add(c);
  return [...out];
}

/** The hops into one role or bucket, kept while the target and its candidate callers stay. */
interface Incoming {
  /** The list of named callers it was made for (the same object while it holds). */
  readonly named: readonly CallerNode[];
  readonly ok: readonly Edge[];
  readonly blocked: readonly BlockedHop[];
}

/**
 * The marked sessions a caller can make of a role: a source identity it carries stays (STS
 * refuses another), a tag it may ask for; the unmarked session is the plain hop's.
 */
function landings(caller: CallerNode, role: RoleNode): SessionMark[] {
  const inherited = caller.mark?.sourceIdentity;
  const out = new Map<string, SessionMark>();
  if (inherited !== undefined)
    out.set(markSuffix({ sourceIdentity: inherited }), { sourceIdentity: inherited });
  for (const m of role.marks) {
    if (inherited !== undefined && m.sourceIdentity !== undefined && m.sourceIdentity !== inherited)
      continue;
    const sourceIdentity = inherited ?? m.sourceIdentity;
    const mark: SessionMark = {
      ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
      ...(m.tag === undefined ? {} : { tag: m.tag }),
    };
    out.set(markSuffix(mark), mark);
  }
  return [...out.values()];
}

/** What the call must carry to make that session: the tag, and a new source identity. */
function forcedBy(caller: CallerNode, mark: SessionMark): Requirement[] {
  const out: Requirement[] = [];
  if (mark.sourceIdentity !== undefined && caller.mark?.sourceIdentity === undefined)
    out.push({
      kind: 'source-identity',
      key: 'sts:SourceIdentity',
      value: mark.sourceIdentity,
      how: 'match',
    });
  if (mark.tag !== undefined)
    out.push({
      kind: 'session-tag',
      key: `aws:RequestTag/${mark.tag.key}`,
      value: mark.tag.value,
      how: 'match',
    });
  return out;
}

function roleIncoming(
  world: World,
  now: number,
  role: RoleNode,
  callers: readonly CallerNode[],
  idps: readonly IdpNode[],
  cache: AccessCache,
): Incoming {
  const out: Hops = { ok: [], blocked: [] };
  const to = roleTarget(role);
  for (const caller of callers) {
    // A role does not chain into itself in the map: its own sessions already are it.
    if (caller.subject.arn === role.found.arn && caller.subject.kind === 'role') continue;
    // A session with a source identity makes only sessions that keep it: see landings().
    if (caller.mark?.sourceIdentity === undefined)
      record(
        out,
        caller.subject.id,
        to,
        'sts:AssumeRole',
        cached(cache, caller, role, 'assume', () => assumeHop(caller, role)),
      );
    // The same call asking for each marked session worth having: it is another caller
    // (its aws:SourceIdentity or aws:PrincipalTag differs), reached only by asking.
    for (const mark of landings(caller, role)) {
      const answer = cached(cache, caller, role, `assume${markSuffix(mark)}`, () =>
        assumeHop(caller, role, forcedBy(caller, mark)),
      );
      record(out, caller.subject.id, to, 'sts:AssumeRole', answer, true, mark);
    }
  }
  for (const idp of idps) {
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
  return { named: callers, ...out };
}

function bucketIncoming(
  bucket: BucketNode,
  sameAccount: readonly CallerNode[],
  named: readonly CallerNode[],
  cache: AccessCache,
): Incoming {
  const out: Hops = { ok: [], blocked: [] };
  const pointed = new Set(named);
  const callers = new Set([...sameAccount, ...named]);
  for (const caller of callers) {
    for (const action of Object.keys(BUCKET_ACTIONS) as BucketAction[]) {
      const to: Target = {
        kind: 'bucket',
        bucket: bucket.bucket.name,
        action,
        account: bucket.account.id,
      };
      const answer = cached(cache, caller, bucket, action, () => bucketHop(caller, bucket, action));
      record(
        out,
        caller.subject.id,
        to,
        BUCKET_ACTIONS[action].action,
        answer,
        pointed.has(caller),
      );
    }
  }
  return { named, ...out };
}

function allHops(world: World, now: number, model: Model, cache: AccessCache): Hops {
  const out: Hops = { ok: [], blocked: [] };
  const index = indexCallers(model.callers);
  // Who a policy names depends on the callers there are: while they stay the same objects,
  // each policy's list stays, and so does every target whose policy did not change.
  const known = cache.incoming as IncomingCache;
  const same = sameList(known.callers, model.callers) && sameList(known.idps, model.idps);
  const lists = same ? known.lists : new WeakMap<Named, readonly CallerNode[]>();
  const targets = same ? known.targets : new WeakMap<object, Incoming>();
  cache.incoming = { callers: model.callers, idps: model.idps, lists, targets };
  const namedList = (named: Named): readonly CallerNode[] => {
    let list = lists.get(named);
    if (list === undefined) {
      list = namedCallers(named, index);
      lists.set(named, list);
    }
    return list;
  };
  const add = (incoming: Incoming): void => {
    for (const e of incoming.ok) out.ok.push(e);
    for (const b of incoming.blocked) out.blocked.push(b);
  };
  for (const role of model.roles) {
    const named = namedBy(role.trust);
    const callers = namedList(named);
    let incoming = targets.get(role);
    if (incoming === undefined || incoming.named !== callers) {
      const idps = model.idps.filter((idp) => namesIdp(named, idp));
      incoming = roleIncoming(world, now, role, callers, idps, cache);
      targets.set(role, incoming);
    }
    add(incoming);
  }
  for (const bucket of model.buckets) {
    const named = namedList(namedBy(bucket.policy));
    let incoming = targets.get(bucket);
    if (incoming === undefined || incoming.named !== named) {
      const sameAccount = index.byAccount.get(bucket.account.id) ?? [];
      incoming = bucketIncoming(bucket, sameAccount, named, cache);
      targets.set(bucket, incoming);
    }
    add(incoming);
  }
  return out;
}

interface IncomingCache {
  readonly callers: readonly unknown[];
  readonly idps: readonly unknown[];
  readonly lists: WeakMap<Named, readonly CallerNode[]>;
  readonly targets: WeakMap<object, Incoming>;
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

/** A route as a chain of labels, each pointing back at the one before it. */
interface Label {
  readonly edge: Edge;
  readonly prev: Label | null;
  readonly requirements: readonly Requirement[];
  readonly depth: number;
}

const NONE: readonly Requirement[] = [];

/** Adds a route to a target's antichain unless an easier one is already there. */
function offer(labels: Map<string, Label[]>, key: string, label: Label): boolean {
  const list = labels.get(key);
  if (list === undefined) {
    labels.set(key, [label]);
    return true;
  }
  const reqs = label.requirements;
  if (list.some((l) => subsetOf(l.requirements, reqs))) return false;
  const kept = list.filter((l) => !subsetOf(reqs, l.requirements));
  if (kept.length >= MAX_ROUTES) return false;
  kept.push(label);
  labels.set(key, kept);
  return true;
}

function passesThrough(label: Label | null, roleId: string): boolean {
  for (let l = label; l !== null; l = l.prev) if (l.edge.hop.from === roleId) return true;
  return false;
}

function routeOf(label: Label): Route {
  const hops: Hop[] = [];
  for (let l: Label | null = label; l !== null; l = l.prev) hops.push(l.edge.hop);
  return { hops: hops.reverse(), requirements: label.requirements };
}

interface Reached {
  readonly access: SubjectAccess;
  /** The callers whose hops the walk read: the result holds while their hops do. */
  readonly visited: readonly string[];
}

function reachOf(
  subject: Subject,
  edges: ReadonlyMap<string, readonly Edge[]>,
  maxHops: number,
): Reached {
  const roleLabels = new Map<string, Label[]>();
  const bucketLabels = new Map<string, Label[]>();
  const visited = new Set<string>();
  const queue: (Label | null)[] = [null];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i] ?? null;
    const at = from === null ? subject.id : (from.edge.lands ?? '');
    visited.add(at);
    const depth = from?.depth ?? 0;
    if (depth >= maxHops) continue;
    const reqs = from?.requirements ?? NONE;
    for (const edge of edges.get(at) ?? []) {
      if (!subject.mfa && edge.mfa) continue;
      const own = edge.hop.requirements;
      const requirements = own.length === 0 ? reqs : reqs.length === 0 ? own : unionOf(reqs, own);
      const label: Label = { edge, prev: from, requirements, depth: depth + 1 };
      if (edge.lands === null) {
        offer(bucketLabels, edge.key, label);
        continue;
      }
      if (edge.lands === subject.id || passesThrough(from, edge.lands)) continue;
      // Kept per caller made (a tagged session is not an untagged one), merged per role below.
      if (offer(roleLabels, edge.lands, label)) queue.push(label);
    }
  }
  const reach = (byNode: Map<string, Label[]>): Reach[] => {
    const labels = new Map<string, Label[]>();
    for (const list of byNode.values()) {
      for (const label of list) offer(labels, label.edge.key, label);
    }
    const out: { sort: string; reach: Reach }[] = [];
    for (const list of labels.values()) {
      const first = list[0];
      if (first === undefined) continue;
      out.push({
        sort: first.edge.sort,
        reach: { target: first.edge.hop.to, routes: list.map(routeOf) },
      });
    }
    out.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    return out.map((x) => x.reach);
  };
  return {
    access: { subject, roles: reach(roleLabels), buckets: reach(bucketLabels) },
    visited: [...visited],
  };
}

function sameSubject(a: Subject, b: Subject): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.arn === b.arn &&
    a.account === b.account &&
    a.name === b.name &&
    a.accountAlias === b.accountAlias &&
    a.mfa === b.mfa
  );
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The access map of a world at time `now`. Pass the same `cache` on every recomputation
 * (after each edit) to parse and ask again only what the edit changed, and to walk again
 * only for the subjects whose walk passes a caller whose hops changed.
 */
export function computeAccessMap(
  world: World,
  options: AccessOptions,
  cache: AccessCache = createAccessCache(),
): AccessMap {
  const model = buildModel(world, options.now, cache, options.identities);
  const { ok, blocked } = allHops(world, options.now, model, cache);
  const edges = new Map<string, Edge[]>();
  for (const edge of ok) {
    const list = edges.get(edge.hop.from);
    if (list) list.push(edge);
    else edges.set(edge.hop.from, [edge]);
  }
  const subjects: Subject[] = [
    ...model.callers.filter((c) => c.mark === undefined).map((c) => c.subject),
    ...model.idps.map((i: IdpNode) => i.subject),
  ];
  const maxHops = options.maxHops ?? DEFAULT_MAX_HOPS;
  const previous = cache.walks.maxHops === maxHops ? cache.walks : null;
  const changed = (id: string): boolean => !sameList(previous?.edges.get(id), edges.get(id));
  const reached = new Map<string, Reached & { subject: Subject }>();
  const access = subjects.map((subject) => {
    const before = previous?.reached.get(subject.id);
    const keep =
      before !== undefined && sameSubject(before.subject, subject) && !before.visited.some(changed);
    const now = keep ? before : { ...reachOf(subject, edges, maxHops), subject };
    reached.set(subject.id, now);
    return now.access;
  });
  cache.walks = { maxHops, edges, reached };
  return { subjects: access, hops: ok.map((e) => e.hop), blocked };
}
