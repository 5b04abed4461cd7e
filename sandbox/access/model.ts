// The world resolved for the access map: every caller with its identity (as STS resolves it),
// every role and bucket with the policies on its side, every IdP. Each piece is kept between
// two computations and made again only when a text or an object it depends on changed, so
// that after an edit only the pieces that edit touches are parsed again, and the hop cache
// (keyed on these objects) keeps every answer that cannot have changed.
import { classifyPrincipal } from '../arn/index.ts';
import { baseContext, resolveCaller, resourceContext, type Identity } from '../sts/caller.ts';
import type { ContextValue } from '../engine/types.ts';
import { parsePolicy } from '../policy/parse.ts';
import type { ParsedPolicy } from '../policy/types.ts';
import { startingCaller } from '../scenario/run.ts';
import { AWS_MANAGED_POLICIES } from '../world/aws-managed.ts';
import {
  organizationLevels,
  resolveAttachment,
  roleArnOf,
  userArnOf,
  type FoundRole,
} from '../world/lookup.ts';
import { wildcardMatch } from '../policy/wildcard.ts';
import { orgPolicyLevels, trustPolicyOf } from '../world/resolve.ts';
import type { Account, Bucket, Role, Tag, User, World } from '../world/types.ts';
import type { FederatedIdentity, Subject, SubjectAccess } from './types.ts';

/** A subject that makes calls with AWS credentials (everyone but the IdPs). */
export interface CallerNode {
  readonly subject: Subject;
  readonly identity: Identity;
  readonly scps: readonly (readonly ParsedPolicy[])[];
  /** An IAM user with an MFA device, or an outsider (whose own users may have one). */
  readonly mfaPossible: boolean;
  /**
   * For a role session made with session tags: those tags (then `aws:PrincipalTag/…` of
   * later calls). Such a session is a place a route passes, not a subject of the map.
   */
  readonly mark?: SessionMark;
}

/**
 * What a role session carries from how it was made: a source identity (set once, then kept
 * down the chain) and a session tag (then `aws:PrincipalTag/…` of later calls).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export interface SessionMark {
  readonly sourceIdentity?: string;
  readonly tag?: Tag;
}

/** `#si=alice#team=payments`: how a marked session's node id ends. */
export function markSuffix(mark: SessionMark | undefined): string {
  if (mark === undefined) return '';
  const si = mark.sourceIdentity === undefined ? '' : `#si=${mark.sourceIdentity}`;
  return mark.tag === undefined ? si : `${si}#${mark.tag.key}=${mark.tag.value}`;
}

/** A SAML or OIDC provider: calls without credentials, only the trust policy decides. */
export interface IdpNode {
  /** One person of the IdP with the claims they have; absent for "any user of the IdP". */
  readonly fixed?: FederatedIdentity;
  readonly subject: Subject;
  readonly protocol: 'saml' | 'oidc';
  /** SAML: the provider's issuer. */
  readonly issuer?: string;
  /** OIDC: the issuer host and the registered audiences. */
  readonly host?: string;
  readonly clientIds?: readonly string[];
}

export interface RoleNode {
  readonly found: FoundRole;
  readonly trust: ParsedPolicy | null;
  readonly rcps: readonly (readonly ParsedPolicy[])[];
  /** Marked sessions worth asking for when assuming it (source identities, session tags). */
  readonly marks: readonly SessionMark[];
  /** What a request to assume it carries about its account (`resourceContext`). */
  readonly context: Readonly<Record<string, ContextValue>>;
}

export interface BucketNode {
  readonly account: Account;
  readonly bucket: Bucket;
  readonly policy: ParsedPolicy | null;
  readonly rcps: readonly (readonly ParsedPolicy[])[];
  /** What a request against it carries about its account (`resourceContext`). */
  readonly context: Readonly<Record<string, ContextValue>>;
}

interface Entry {
  readonly deps: readonly unknown[];
  readonly value: unknown;
}

/** Kept by whoever recomputes the map (the worker, a bench): resolved pieces and hop answers. */
export interface AccessCache {
  now: number;
  readonly entries: Map<string, Entry>;
  /** Hop answers per caller piece, per target piece, per action. */
  hops: WeakMap<object, WeakMap<object, Map<string, unknown>>>;
  /** Who each policy names, and the hops into each target, while the callers stay. */
  incoming: {
    readonly callers: readonly unknown[];
    readonly idps: readonly unknown[];
    readonly lists: WeakMap<object, unknown>;
    readonly targets: WeakMap<object, unknown>;
  };
  /** The last walk: every caller's hops, and each subject's reach with the callers it read. */
  walks: {
    readonly maxHops: number;
    readonly edges: ReadonlyMap<string, readonly unknown[]>;
    readonly reached: ReadonlyMap<
      string,
      {
        readonly subject: Subject;
        readonly visited: readonly string[];
        readonly access: SubjectAccess;
      }
    >;
  };
}

export function createAccessCache(): AccessCache {
  return {
    now: Number.NaN,
    entries: new Map(),
    hops: new WeakMap(),
    incoming: { callers: [], idps: [], lists: new WeakMap(), targets: new WeakMap() },
    walks: { maxHops: -1, edges: new Map(), reached: new Map() },
  };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Everything the map needs from one world, made through a cache. */
export interface Model {
  readonly callers: readonly CallerNode[];
  readonly idps: readonly IdpNode[];
  readonly roles: readonly RoleNode[];
  readonly buckets: readonly BucketNode[];
  readonly callerById: ReadonlyMap<string, CallerNode>;
}

/** Any outsider may do anything its own administrators allow: all of it, for the map. */
const OUTSIDER_POLICY = AWS_MANAGED_POLICIES['arn:aws:iam::aws:policy/AdministratorAccess'] ?? '';

class Builder {
  readonly seen = new Set<string>();
  readonly world: World;
  readonly cache: AccessCache;
  constructor(world: World, cache: AccessCache) {
    this.world = world;
    this.cache = cache;
  }

  memo<T>(key: string, deps: readonly unknown[], make: () => T): T {
    this.seen.add(key);
    const hit = this.cache.entries.get(key);
    if (hit !== undefined && sameDeps(hit.deps, deps)) return hit.value as T;
    const value = make();
    this.cache.entries.set(key, { deps, value });
    return value;
  }

  text(docId: string | undefined): string | undefined {
    return docId === undefined ? undefined : this.world.documents[docId];
  }

  attachmentText(account: Account, attachment: string | undefined): string | undefined {
    return attachment === undefined
      ? undefined
      : resolveAttachment(this.world, account, attachment)?.text;
  }

  /** Each account's levels once per build: many callers and targets share an account. */
  private readonly levels = new Map<string, readonly (readonly ParsedPolicy[])[]>();

  orgLevels(accountId: string, kind: 'scp' | 'rcp'): readonly (readonly ParsedPolicy[])[] {
    const id = `${kind}:${accountId}`;
    const known = this.levels.get(id);
    if (known !== undefined) return known;
    const value = this.resolveLevels(accountId, kind);
    this.levels.set(id, value);
    return value;
  }

  private resolveLevels(
    accountId: string,
    kind: 'scp' | 'rcp',
  ): readonly (readonly ParsedPolicy[])[] {
    const levels = organizationLevels(this.world, accountId, kind === 'scp' ? 'scps' : 'rcps');
    const deps: unknown[] = [this.world.organization];
    for (const { attachments } of levels)
      deps.push('|', ...attachments.map((a) => this.text(a) ?? a));
    return this.memo(`${kind}:${accountId}`, deps, () =>
      orgPolicyLevels(this.world, accountId, kind),
    );
  }
}

function userDeps(b: Builder, account: Account, user: User): unknown[] {
  const deps: unknown[] = [b.world.organization, account, user];
  for (const p of user.inlinePolicies ?? []) deps.push(b.text(p.document));
  for (const a of user.managedPolicies ?? []) deps.push(b.attachmentText(account, a));
  deps.push(b.attachmentText(account, user.permissionsBoundary));
  for (const name of user.groups ?? []) {
    const group = account.groups?.find((g) => g.name === name);
    deps.push(group);
    for (const p of group?.inlinePolicies ?? []) deps.push(b.text(p.document));
    for (const a of group?.managedPolicies ?? []) deps.push(b.attachmentText(account, a));
  }
  return deps;
}

function roleDeps(b: Builder, account: Account, role: Role): unknown[] {
  const deps: unknown[] = [b.world.organization, account, role];
  for (const p of role.inlinePolicies ?? []) deps.push(b.text(p.document));
  for (const a of role.managedPolicies ?? []) deps.push(b.attachmentText(account, a));
  deps.push(b.attachmentText(account, role.permissionsBoundary));
  return deps;
}

function accountLabel(account: Account): { account: string; accountAlias: string } {
  return { account: account.id, accountAlias: account.alias };
}

function userCaller(b: Builder, account: Account, user: User, now: number): CallerNode | null {
  const arn = userArnOf(account, user);
  const scps = b.orgLevels(account.id, 'scp');
  return b.memo(`user:${arn}`, [...userDeps(b, account, user), scps], () => {
    const resolved = resolveCaller(b.world, [], now, { type: 'user', arn });
    if (!resolved.ok) return null;
    return {
      subject: {
        id: `user:${arn}`,
        kind: 'user',
        arn,
        name: user.name,
        ...accountLabel(account),
        mfa: user.mfaDevice !== undefined,
      },
      identity: resolved.identity,
      scps,
      mfaPossible: user.mfaDevice !== undefined,
    } satisfies CallerNode;
  });
}

function roleCaller(
  b: Builder,
  account: Account,
  role: Role,
  now: number,
  mark?: SessionMark,
): CallerNode | null {
  const arn = roleArnOf(account, role);
  const scps = b.orgLevels(account.id, 'scp');
  const suffix = markSuffix(mark);
  return b.memo(`role-caller:${arn}${suffix}`, [...roleDeps(b, account, role), scps], () => {
    // A session of the role as STS hands it out to a workload: the scenario runner's own
    // starting caller for a role, so both agree on what a role session carries; with the
    // session tag asked for at AssumeRole, when there is one.
    const start = startingCaller(b.world, { as: arn }, now);
    const sessions = start.sessions.map((s) => ({
      ...s,
      tags: mark?.tag === undefined ? s.tags : [mark.tag],
      ...(mark?.sourceIdentity === undefined ? {} : { sourceIdentity: mark.sourceIdentity }),
    }));
    const resolved = resolveCaller(b.world, sessions, now, start.caller);
    if (!resolved.ok) return null;
    return {
      ...(mark === undefined ? {} : { mark }),
      subject: {
        id: `role:${arn}${suffix}`,
        kind: 'role',
        arn,
        name: role.name,
        ...accountLabel(account),
        mfa: false,
      },
      identity: resolved.identity,
      scps,
      // MFA in the credentials a chain started from (GetSessionToken with MFA, an MFA
      // console sign-in) stays in the role sessions that follow (sts/assume-role.ts): a hop
      // from a role may ask for it, and the route keeps it only when its first caller can.
      mfaPossible: true,
    } satisfies CallerNode;
  });
}

/** A principal of an account the world does not model: full rights in its own account. */
function outsider(b: Builder, subject: Subject, now: number): CallerNode {
  return b.memo(`outsider:${subject.id}`, [subject.arn, subject.name], () => {
    const account = subject.account ?? subject.arn.split(':')[4] ?? '';
    const context = {
      ...baseContext(now),
      'aws:PrincipalArn': subject.arn,
      'aws:PrincipalAccount': account,
      'aws:PrincipalType': subject.arn.endsWith(':root') ? 'Account' : 'AssumedRole',
      'aws:userid': `${account}:outsider`,
    };
    const identity: Identity = {
      kind: 'user',
      arn: subject.arn,
      accountId: account,
      userId: `${account}:outsider`,
      identityPolicies: [
        parsePolicy(OUTSIDER_POLICY, {
          kind: 'identity',
          name: 'outsider-admin',
          ownAccount: account,
        }),
      ],
      boundary: null,
      sessionPolicy: null,
      context,
      tags: [],
    };
    return { subject, identity, scps: [], mfaPossible: true };
  });
}

/** Whether a trust policy lets anyone pass session tags (an Allow naming sts:TagSession). */
function allowsTagSession(trust: ParsedPolicy | null): boolean {
  return (trust?.document?.statements ?? []).some(
    (s) =>
      s.effect === 'Allow' &&
      (s.action ?? []).some((a) => wildcardMatch(a.value.toLowerCase(), 'sts:tagsession')),
  );
}

/**
 * Marked sessions tried per role. A chapter's world needs a handful (two users' names, two
 * teams); the cap keeps a world with many users and tag values from multiplying its callers.
 */
const MAX_MARKS = 16;

function roleNode(b: Builder, account: Account, role: Role, marks: Candidates): RoleNode {
  const arn = roleArnOf(account, role);
  const rcps = b.orgLevels(account.id, 'rcp');
  const vendors = b.world.accounts
    .filter((a) => a.purpose === 'vendor')
    .map((a) => a.id)
    .join(',');
  return b.memo(
    `role:${arn}`,
    [
      b.world.organization,
      account,
      role,
      b.text(role.trustPolicy),
      rcps,
      vendors,
      JSON.stringify(marks),
    ],
    () => {
      const found = { account, role, arn };
      const trust = trustPolicyOf(b.world, found);
      // Tags only where the trust lets them be passed; source identities everywhere, as a
      // chain carries one into roles whose trust never mentions it.
      const tags = allowsTagSession(trust) ? marks.tags : [];
      const out: SessionMark[] = [
        ...marks.sourceIdentities.map((sourceIdentity) => ({ sourceIdentity })),
        ...tags.map((tag) => ({ tag })),
        ...marks.sourceIdentities.flatMap((sourceIdentity) =>
          tags.map((tag) => ({ sourceIdentity, tag })),
        ),
      ];
      return {
        found,
        trust,
        rcps,
        marks: out.slice(0, MAX_MARKS),
        context: resourceContext(b.world, account.id),
      };
    },
  );
}

function bucketNode(b: Builder, account: Account, bucket: Bucket): BucketNode {
  const rcps = b.orgLevels(account.id, 'rcp');
  const text = b.text(bucket.policy);
  return b.memo(
    `bucket:${bucket.name}`,
    [b.world.organization, account, bucket, text, rcps],
    () => ({
      account,
      bucket,
      policy:
        text === undefined
          ? null
          : parsePolicy(text, {
              kind: 'resource',
              name: `bucket:${bucket.name}`,
              ownAccount: account.id,
            }),
      rcps,
      context: resourceContext(b.world, account.id),
    }),
  );
}

/** Every `Principal` string the trust and bucket policies name (Allow statements only). */
function namedPrincipals(policies: readonly (ParsedPolicy | null)[]): {
  aws: string[];
  federated: string[];
} {
  const aws: string[] = [];
  const federated: string[] = [];
  for (const policy of policies) {
    for (const s of policy?.document?.statements ?? []) {
      if (s.effect !== 'Allow' || s.principal?.kind !== 'map') continue;
      for (const e of s.principal.entries) {
        if (e.type === 'AWS') aws.push(e.value.value);
        else if (e.type === 'Federated') federated.push(e.value.value);
      }
    }
  }
  return { aws, federated };
}

const TAG_KEY = /aws:(?:PrincipalTag|RequestTag)\/([\w+=,.@:/-]+)/gi;

/**
 * Session tags worth trying: for every tag key a policy of the world tests
 * (`aws:PrincipalTag/K`, `aws:RequestTag/K`, also inside `${…}`), each value an IAM user or
 * role of the world carries for that key (passing one's own tag is the usual rule,
 * `aws:RequestTag/K` = `${aws:PrincipalTag/K}`) and each value a document writes right after
 * the key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
interface Candidates {
  readonly tags: readonly Tag[];
  readonly sourceIdentities: readonly string[];
}

const SOURCE_IDENTITY = /(?:sts|aws):SourceIdentity"\s*:\s*"([^"$*?]+)"/gi;

/**
 * Source identities worth trying, when a policy tests one: each IAM user's name (setting
 * one's own name, `${aws:username}`, is the usual rule) and each value a document writes.
 */
function sourceIdentityCandidates(world: World): string[] {
  const out = new Set<string>();
  let mentioned = false;
  for (const text of Object.values(world.documents)) {
    if (!text.includes('SourceIdentity')) continue;
    mentioned = true;
    for (const m of text.matchAll(SOURCE_IDENTITY)) if (m[1] !== undefined) out.add(m[1]);
  }
  if (!mentioned) return [];
  for (const a of world.accounts) for (const u of a.users ?? []) out.add(u.name);
  return [...out];
}

function sessionTagCandidates(world: World): Tag[] {
  const keys = new Map<string, string>();
  const literal: Tag[] = [];
  for (const text of Object.values(world.documents)) {
    if (!text.includes('Tag/')) continue;
    for (const m of text.matchAll(TAG_KEY)) {
      const key = m[1] ?? '';
      if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
      // `"aws:RequestTag/team": "payments"`: a literal value for the key.
      const after = /^"\s*:\s*"([^"$]*)"/.exec(text.slice(m.index + m[0].length));
      if (after?.[1] !== undefined && after[1] !== '') literal.push({ key, value: after[1] });
    }
  }
  if (keys.size === 0) return [];
  const out = new Map<string, Tag>();
  const add = (tag: Tag): void => {
    const key = keys.get(tag.key.toLowerCase());
    if (key !== undefined) out.set(`${key.toLowerCase()}=${tag.value}`, { key, value: tag.value });
  };
  for (const a of world.accounts) {
    for (const u of a.users ?? []) for (const t of u.tags ?? []) add(t);
    for (const r of a.roles ?? []) for (const t of r.tags ?? []) add(t);
  }
  literal.forEach(add);
  return [...out.values()];
}

/** An account ID no document and no account of the world uses, for "anyone". */
function unusedAccount(world: World): string {
  const texts = Object.values(world.documents).join('\n');
  for (let n = 999999999999; ; n -= 111111111111) {
    const id = String(n);
    if (!texts.includes(id) && !world.accounts.some((a) => a.id === id)) return id;
  }
}

/** The IdP node for one person of a scenario: the provider as the world has it, their claims. */
export function identityNode(world: World, identity: FederatedIdentity): IdpNode {
  if (identity.protocol === 'saml') {
    const at = identity.provider.indexOf(':saml-provider/');
    const name =
      at < 0 ? identity.provider : identity.provider.slice(at + ':saml-provider/'.length);
    const account = world.accounts.find((a) =>
      identity.provider.startsWith(`arn:aws:iam::${a.id}:`),
    );
    const nameId = identity.assertion.nameId;
    return {
      subject: {
        id: `saml:${identity.provider}#${nameId}`,
        kind: 'saml',
        arn: identity.provider,
        account: account?.id ?? null,
        ...(account === undefined ? {} : { accountAlias: account.alias }),
        name: nameId,
        mfa: false,
        via: name,
      },
      protocol: 'saml',
      issuer: identity.assertion.issuer,
      fixed: identity,
    };
  }
  const host = identity.token.iss.replace(/^https:\/\//, '').replace(/\/$/, '');
  return {
    subject: {
      id: `oidc:${host}#${identity.token.sub}`,
      kind: 'oidc',
      arn: host,
      account: null,
      name: identity.token.sub,
      mfa: false,
      via: host,
    },
    protocol: 'oidc',
    host,
    clientIds: [identity.token.aud],
    fixed: identity,
  };
}

export function buildModel(
  world: World,
  now: number,
  cache: AccessCache,
  identities: readonly FederatedIdentity[] = [],
): Model {
  if (cache.now !== now) {
    cache.now = now;
    cache.entries.clear();
    cache.hops = new WeakMap();
    cache.incoming = { callers: [], idps: [], lists: new WeakMap(), targets: new WeakMap() };
    cache.walks = { maxHops: -1, edges: new Map(), reached: new Map() };
  }
  const b = new Builder(world, cache);
  const marks: Candidates = {
    tags: sessionTagCandidates(world),
    sourceIdentities: sourceIdentityCandidates(world),
  };
  const callers: CallerNode[] = [];
  const roles: RoleNode[] = [];
  const buckets: BucketNode[] = [];
  const idps: IdpNode[] = [];
  for (const account of world.accounts) {
    for (const user of account.users ?? []) {
      const node = userCaller(b, account, user, now);
      if (node) callers.push(node);
    }
    for (const role of account.roles ?? []) {
      const node = roleCaller(b, account, role, now);
      if (node) callers.push(node);
      const target = roleNode(b, account, role, marks);
      roles.push(target);
      for (const mark of target.marks) {
        const marked = roleCaller(b, account, role, now, mark);
        if (marked) callers.push(marked);
      }
    }
    for (const bucket of account.buckets ?? []) buckets.push(bucketNode(b, account, bucket));
    for (const p of account.samlProviders ?? []) {
      const arn = `arn:aws:iam::${account.id}:saml-provider/${p.name}`;
      idps.push(
        b.memo(`saml:${arn}`, [account, p], () => ({
          subject: {
            id: `saml:${arn}`,
            kind: 'saml',
            arn,
            name: p.name,
            ...accountLabel(account),
            mfa: false,
          },
          protocol: 'saml',
          issuer: p.issuer,
        })),
      );
    }
    for (const p of account.oidcProviders ?? []) {
      const arn = `arn:aws:iam::${account.id}:oidc-provider/${p.url}`;
      idps.push(
        b.memo(`oidc:${arn}`, [account, p], () => ({
          subject: {
            id: `oidc:${arn}`,
            kind: 'oidc',
            arn,
            name: p.url,
            ...accountLabel(account),
            mfa: false,
          },
          protocol: 'oidc',
          host: p.url,
          clientIds: p.clientIds,
        })),
      );
    }
  }
  // Outsiders: accounts and principals the policies name that the world does not model (or
  // models only by alias, with nobody in them), and web-identity hosts AWS knows by name.
  const modelled = new Set(
    world.accounts
      .filter((a) => (a.users ?? []).length + (a.roles ?? []).length > 0)
      .map((a) => a.id),
  );
  const named = namedPrincipals([...roles.map((r) => r.trust), ...buckets.map((x) => x.policy)]);
  const outsiders = new Map<string, Subject>();
  for (const text of named.aws) {
    const form = classifyPrincipal(text);
    if (form === null || !('account' in form) || modelled.has(form.account)) continue;
    if (form.kind !== 'account' && form.kind !== 'user' && form.kind !== 'role') continue;
    const known = world.accounts.find((a) => a.id === form.account);
    const arn = form.kind === 'account' ? `arn:aws:iam::${form.account}:root` : form.arn;
    if (outsiders.has(arn)) continue;
    outsiders.set(arn, {
      id: `external:${arn}`,
      kind: 'external',
      arn,
      account: form.account,
      name: form.kind === 'account' ? (known?.alias ?? form.account) : form.name,
      ...(known === undefined ? {} : { accountAlias: known.alias }),
      mfa: true,
    });
  }
  for (const subject of [...outsiders.values()].sort((x, y) => x.id.localeCompare(y.id)))
    callers.push(outsider(b, subject, now));
  const anyAccount = unusedAccount(world);
  const anyone: Subject = {
    id: 'anyone',
    kind: 'anyone',
    arn: `arn:aws:iam::${anyAccount}:root`,
    account: null,
    name: 'anyone',
    mfa: true,
  };
  callers.push(outsider(b, anyone, now));
  for (const host of new Set(named.federated)) {
    const form = classifyPrincipal(host);
    if (form?.kind !== 'web-identity-provider') continue;
    idps.push(
      b.memo(`oidc:${host}`, [host], () => ({
        subject: {
          id: `oidc:${host}`,
          kind: 'oidc',
          arn: host,
          account: null,
          name: host,
          mfa: false,
        },
        protocol: 'oidc',
        host,
        clientIds: [],
      })),
    );
  }
  const people = new Set<string>();
  for (const identity of identities) {
    const key = JSON.stringify(identity);
    const node = b.memo(`person:${key}`, [world.accounts], () => identityNode(world, identity));
    if (people.has(node.subject.id)) continue;
    people.add(node.subject.id);
    idps.push(node);
  }
  for (const key of [...cache.entries.keys()]) if (!b.seen.has(key)) cache.entries.delete(key);
  return {
    callers,
    idps,
    roles,
    buckets,
    callerById: new Map(callers.map((c) => [c.subject.id, c])),
  };
}
