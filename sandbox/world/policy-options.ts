// What a world document is, for parsing: its kind, the account it lives in, the third
// parties of that world and its size quota. The engine parses every world document with
// these options and the editor computes its findings with the same ones, so both show the
// same findings (the third-party-without-ExternalId warning included).
// Size quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
import type { ParseOptions } from '../policy/parse.ts';
import { POLICY_SIZE_LIMITS } from '../policy/size.ts';
import type { PolicyKind } from '../policy/types.ts';
import type { Account, DocId, OrganizationalUnit, World } from './types.ts';

/**
 * What holds a document, as data: the UI names it in the reader's language from these parts
 * instead of parsing `owner` (English) back.
 */
export interface DocumentPlace {
  /** The account, `dev (222222222222)`, or the OU, `OU Workloads`; `null` when nothing names the document. */
  readonly within: string | null;
  readonly holder: 'role' | 'user' | 'group' | 'policy' | 'bucket' | 'scp' | 'rcp' | null;
  /** The holder's name; empty for an SCP or RCP; the document id when nothing names it. */
  readonly name: string;
}

/** Where a document sits in the world: the first place that names it. */
export interface DocumentUse {
  readonly id: DocId;
  readonly kind: PolicyKind;
  /** Where it sits, e.g. `dev (222222222222) › role Deploy`: `place` in English. */
  readonly owner: string;
  readonly place: DocumentPlace;
  readonly accountId: string | null;
  /** The quota that place has (inline user 2,048, managed 6,144, …); `null` for none. */
  readonly sizeLimit: number | null;
}

export interface DocumentOptions extends ParseOptions {
  readonly doc: DocId;
  readonly sizeLimit: number | null;
  readonly thirdPartyAccounts: readonly string[];
}

/** Accounts whose purpose is `vendor`: trusting one without `sts:ExternalId` is a warning. */
function vendorAccounts(world: World, own: string | null): string[] {
  return world.accounts.filter((a) => a.purpose === 'vendor' && a.id !== own).map((a) => a.id);
}

/** The English label of a place, the `owner` that traces and the CLI show. */
export function placeLabel(place: DocumentPlace): string {
  if (place.within === null || place.holder === null) return place.name;
  const holder =
    place.holder === 'scp' || place.holder === 'rcp'
      ? place.holder.toUpperCase()
      : `${place.holder} ${place.name}`;
  return `${place.within} › ${holder}`;
}

function accountUses(a: Account, add: (use: DocumentUse) => void): void {
  const within = `${a.alias} (${a.id})`;
  const at = (
    id: DocId,
    kind: PolicyKind,
    holder: NonNullable<DocumentPlace['holder']>,
    name: string,
    sizeLimit: number | null,
  ): void => {
    const place = { within, holder, name };
    add({ id, kind, owner: placeLabel(place), place, accountId: a.id, sizeLimit });
  };
  for (const r of a.roles ?? []) {
    at(r.trustPolicy, 'trust', 'role', r.name, POLICY_SIZE_LIMITS.trustDefault);
    for (const p of r.inlinePolicies ?? [])
      at(p.document, 'identity', 'role', r.name, POLICY_SIZE_LIMITS.inlineRole);
  }
  for (const u of a.users ?? []) {
    for (const p of u.inlinePolicies ?? [])
      at(p.document, 'identity', 'user', u.name, POLICY_SIZE_LIMITS.inlineUser);
  }
  for (const g of a.groups ?? []) {
    for (const p of g.inlinePolicies ?? [])
      at(p.document, 'identity', 'group', g.name, POLICY_SIZE_LIMITS.inlineGroup);
  }
  for (const p of a.policies ?? []) {
    // A managed policy that a user or role of the account uses as its boundary is shown and
    // checked as a boundary; any other is an identity-based policy.
    const usedAsBoundary = [...(a.users ?? []), ...(a.roles ?? [])].some(
      (x) => x.permissionsBoundary === p.name,
    );
    at(
      p.document,
      usedAsBoundary ? 'boundary' : 'identity',
      'policy',
      p.name,
      POLICY_SIZE_LIMITS.managed,
    );
  }
  for (const b of a.buckets ?? []) {
    // Resource-based policy quotas are per service and not IAM's: none is applied.
    if (b.policy !== undefined) at(b.policy, 'resource', 'bucket', b.name, null);
  }
  for (const s of a.scps ?? []) at(s, 'scp', 'scp', '', POLICY_SIZE_LIMITS.scp);
  for (const s of a.rcps ?? []) at(s, 'rcp', 'rcp', '', POLICY_SIZE_LIMITS.rcp);
}

function organizationUses(ou: OrganizationalUnit, add: (use: DocumentUse) => void): void {
  const use = (id: DocId, kind: 'scp' | 'rcp'): void => {
    const sizeLimit = kind === 'scp' ? POLICY_SIZE_LIMITS.scp : POLICY_SIZE_LIMITS.rcp;
    const place = { within: `OU ${ou.name}`, holder: kind, name: '' };
    add({ id, kind, owner: placeLabel(place), place, accountId: null, sizeLimit });
  };
  for (const s of ou.scps ?? []) use(s, 'scp');
  for (const s of ou.rcps ?? []) use(s, 'rcp');
  for (const c of ou.children ?? []) organizationUses(c, add);
}

// Uses depend on the accounts and the organization only, which stay the same objects while
// the learner edits document texts: computed once per pair.
const cache = new WeakMap<
  World['accounts'],
  { readonly org: World['organization']; readonly uses: ReadonlyMap<DocId, DocumentUse> }
>();

function usesOf(world: World): ReadonlyMap<DocId, DocumentUse> {
  const cached = cache.get(world.accounts);
  if (cached !== undefined && cached.org === world.organization) return cached.uses;
  const uses = new Map<DocId, DocumentUse>();
  const add = (use: DocumentUse): void => {
    if (!uses.has(use.id)) uses.set(use.id, use);
  };
  for (const a of world.accounts) accountUses(a, add);
  if (world.organization !== null) organizationUses(world.organization.root, add);
  cache.set(world.accounts, { org: world.organization, uses });
  return uses;
}

/** Every document of the world with its place; a document nothing names counts as identity. */
export function documentUses(world: World): ReadonlyMap<DocId, DocumentUse> {
  const uses = usesOf(world);
  const out = new Map<DocId, DocumentUse>();
  for (const [id, use] of uses) if (id in world.documents) out.set(id, use);
  for (const id of Object.keys(world.documents)) {
    if (!out.has(id)) {
      const place = { within: null, holder: null, name: id };
      out.set(id, { id, kind: 'identity', owner: id, place, accountId: null, sizeLimit: null });
    }
  }
  return out;
}

/**
 * The options a world document is parsed with, by the engine and by the editor alike.
 * `name` is the owner label; the engine replaces it with the name its traces show.
 */
export function documentPolicyOptions(world: World, doc: DocId): DocumentOptions {
  const use = usesOf(world).get(doc);
  const accountId = use?.accountId ?? null;
  const base = {
    doc,
    kind: use?.kind ?? 'identity',
    name: use?.owner ?? doc,
    thirdPartyAccounts: vendorAccounts(world, accountId),
    sizeLimit: use === undefined ? POLICY_SIZE_LIMITS.inlineRole : use.sizeLimit,
  };
  return accountId === null ? base : { ...base, ownAccount: accountId };
}
