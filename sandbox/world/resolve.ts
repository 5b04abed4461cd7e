// Turns the world into the engine's inputs: which policies apply to whom, parsed.
// The caller's identity policies are resolved the way IAM does: a user's own inline and
// managed policies plus those of each of its groups; a role session gets the role's.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { parsePolicy } from '../policy/parse.ts';
import { POLICY_SIZE_LIMITS } from '../policy/size.ts';
import type { ParsedPolicy, PolicyKind } from '../policy/types.ts';
import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from './aws-managed.ts';
import {
  organizationLevels,
  resolveAttachment,
  type FoundRole,
  type FoundUser,
  type ResolvedDocument,
} from './lookup.ts';
import { documentPolicyOptions } from './policy-options.ts';
import type { Account, InlinePolicy, PolicyAttachment, World } from './types.ts';

/** AWS's own policies and pooled session policies: no world document, so `doc` names them. */
function parse(
  text: string,
  kind: PolicyKind,
  name: string,
  doc: string,
  ownAccount: string,
): ParsedPolicy {
  return parsePolicy(text, { kind, name, doc, ownAccount });
}

/**
 * A world document, parsed with the options the editor uses for it too
 * (`documentPolicyOptions`); `name` is what traces show, the document id goes on every
 * statement reference. A document that the world names but does not hold is skipped: the
 * loader reports it.
 */
export function parseDocument(world: World, docId: string, name: string): ParsedPolicy | null {
  const text = world.documents[docId];
  return text === undefined
    ? null
    : parsePolicy(text, { ...documentPolicyOptions(world, docId), name });
}

/** A managed policy: a world document by its id, or one of AWS's by its ARN. */
function parseManaged(
  world: World,
  doc: ResolvedDocument,
  kind: 'identity' | 'boundary',
  name: string,
  ownAccount: string,
): ParsedPolicy {
  if (doc.doc !== null && doc.doc in world.documents)
    return parsePolicy(doc.text, { ...documentPolicyOptions(world, doc.doc), name });
  return parsePolicy(doc.text, {
    kind,
    name,
    doc: doc.name,
    ownAccount,
    sizeLimit: POLICY_SIZE_LIMITS.managed,
  });
}

function inline(world: World, owner: string, list?: readonly InlinePolicy[]): ParsedPolicy[] {
  return (list ?? []).flatMap((p) => {
    const parsed = parseDocument(world, p.document, `${owner}/${p.name}`);
    return parsed ? [parsed] : [];
  });
}

function managed(
  world: World,
  account: Account,
  list?: readonly PolicyAttachment[],
): ParsedPolicy[] {
  return (list ?? []).flatMap((attachment) => {
    const doc = resolveAttachment(world, account, attachment);
    return doc ? [parseManaged(world, doc, 'identity', doc.name, account.id)] : [];
  });
}

export function userIdentityPolicies(world: World, found: FoundUser): ParsedPolicy[] {
  const { account, user } = found;
  const out = [
    ...inline(world, `user:${user.name}`, user.inlinePolicies),
    ...managed(world, account, user.managedPolicies),
  ];
  for (const groupName of user.groups ?? []) {
    const group = account.groups?.find((g) => g.name === groupName);
    if (!group) continue;
    out.push(
      ...inline(world, `group:${group.name}`, group.inlinePolicies),
      ...managed(world, account, group.managedPolicies),
    );
  }
  return out;
}

export function roleIdentityPolicies(world: World, found: FoundRole): ParsedPolicy[] {
  const { account, role } = found;
  return [
    ...inline(world, `role:${role.name}`, role.inlinePolicies),
    ...managed(world, account, role.managedPolicies),
  ];
}

export function boundaryOf(
  world: World,
  account: Account,
  attachment?: PolicyAttachment,
): ParsedPolicy | null {
  if (attachment === undefined) return null;
  const doc = resolveAttachment(world, account, attachment);
  return doc ? parseManaged(world, doc, 'boundary', `boundary:${doc.name}`, account.id) : null;
}

/** Vendor accounts count as third parties: trusting one without `sts:ExternalId` gets a warning. */
export function trustPolicyOf(world: World, found: FoundRole): ParsedPolicy | null {
  return parseDocument(world, found.role.trustPolicy, `trust:${found.role.name}`);
}

/** SCPs (`scp`) or RCPs (`rcp`) per level, parsed, in the engine's shape. */
export function orgPolicyLevels(
  world: World,
  accountId: string,
  kind: 'scp' | 'rcp',
): ParsedPolicy[][] {
  const levels = organizationLevels(world, accountId, kind === 'scp' ? 'scps' : 'rcps');
  return levels.map(({ level, attachments }) =>
    attachments.flatMap((attachment) => {
      if (attachment === 'FullAWSAccess')
        return [parse(FULL_AWS_ACCESS, kind, `${level}/FullAWSAccess`, attachment, accountId)];
      if (attachment === 'RCPFullAWSAccess')
        return [
          parse(RCP_FULL_AWS_ACCESS, kind, `${level}/RCPFullAWSAccess`, attachment, accountId),
        ];
      const parsed = parseDocument(world, attachment, `${level}/${attachment}`);
      return parsed ? [parsed] : [];
    }),
  );
}

/**
 * Session policies combine into one: AWS grants what the role's policies AND any of the
 * passed session policies allow, so their statements are pooled into one document.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */
export function sessionPolicyOf(texts: readonly string[], accountId: string): ParsedPolicy | null {
  if (texts.length === 0) return null;
  if (texts.length === 1)
    return parse(texts[0] ?? '', 'session', 'session policy', 'session-policy', accountId);
  const statements: unknown[] = [];
  for (const text of texts) {
    try {
      const doc: unknown = JSON.parse(text);
      const st =
        typeof doc === 'object' && doc !== null
          ? (doc as { Statement?: unknown }).Statement
          : undefined;
      if (Array.isArray(st)) statements.push(...(st as unknown[]));
      else if (st !== undefined) statements.push(st);
    } catch {
      // An unparsable session policy was already rejected by request validation.
    }
  }
  return parse(
    JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2),
    'session',
    'session policies',
    'session-policy',
    accountId,
  );
}
