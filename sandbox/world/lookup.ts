// Finding things in a world by name, alias or ARN, and the ARNs IAM gives them.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
import { AWS_MANAGED_POLICIES } from './aws-managed.ts';
import type {
  Account,
  Bucket,
  DocId,
  OrganizationalUnit,
  PolicyAttachmentOrDefault,
  Role,
  User,
  World,
} from './types.ts';

export function iamArn(
  account: string,
  type: string,
  path: string | undefined,
  name: string,
): string {
  return `arn:aws:iam::${account}:${type}${path ?? '/'}${name}`;
}

export const userArnOf = (account: Account, user: User): string =>
  iamArn(account.id, 'user', user.path, user.name);
export const roleArnOf = (account: Account, role: Role): string =>
  iamArn(account.id, 'role', role.path, role.name);

export function findAccount(world: World, idOrAlias: string): Account | undefined {
  return world.accounts.find((a) => a.id === idOrAlias || a.alias === idOrAlias);
}

export interface FoundUser {
  readonly account: Account;
  readonly user: User;
  readonly arn: string;
}

export interface FoundRole {
  readonly account: Account;
  readonly role: Role;
  readonly arn: string;
}

/** A user by ARN, or by bare name when exactly one account has a user of that name. */
export function findUser(world: World, nameOrArn: string): FoundUser | undefined {
  const found: FoundUser[] = [];
  for (const account of world.accounts) {
    for (const user of account.users ?? []) {
      const arn = userArnOf(account, user);
      if (arn === nameOrArn || user.name === nameOrArn) found.push({ account, user, arn });
    }
  }
  return found.length === 1 ? found[0] : found.find((f) => f.arn === nameOrArn);
}

/**
 * A role by ARN. IAM role names are unique per account regardless of path, so the name
 * after the last `/` decides; the path must still match when one is written.
 */
export function findRole(world: World, roleArn: string): FoundRole | undefined {
  for (const account of world.accounts) {
    for (const role of account.roles ?? []) {
      const arn = roleArnOf(account, role);
      if (arn === roleArn) return { account, role, arn };
    }
  }
  return undefined;
}

export function findRoleByName(
  world: World,
  accountIdOrAlias: string,
  name: string,
): FoundRole | undefined {
  const account = findAccount(world, accountIdOrAlias);
  const role = account?.roles?.find((r) => r.name === name);
  return account && role ? { account, role, arn: roleArnOf(account, role) } : undefined;
}

export function findBucket(
  world: World,
  name: string,
): { account: Account; bucket: Bucket } | undefined {
  for (const account of world.accounts) {
    const bucket = account.buckets?.find((b) => b.name === name);
    if (bucket) return { account, bucket };
  }
  return undefined;
}

export interface ResolvedDocument {
  /** Shown in traces: the managed policy ARN or the document id. */
  readonly name: string;
  /** The world's document id; `null` for an AWS managed policy, which no world holds. */
  readonly doc: DocId | null;
  readonly text: string;
}

/** A managed policy attachment (ARN or same-account name) → its text; undefined when unknown. */
export function resolveAttachment(
  world: World,
  account: Account,
  attachment: string,
): ResolvedDocument | undefined {
  const builtIn = AWS_MANAGED_POLICIES[attachment];
  if (builtIn !== undefined) return { name: attachment, doc: null, text: builtIn };
  for (const owner of world.accounts) {
    for (const policy of owner.policies ?? []) {
      const arn = iamArn(owner.id, 'policy', policy.path, policy.name);
      const sameAccountName = owner.id === account.id && policy.name === attachment;
      if (arn === attachment || sameAccountName) {
        const text = world.documents[policy.document];
        return text === undefined ? undefined : { name: arn, doc: policy.document, text };
      }
    }
  }
  return undefined;
}

/** The OU path from the root down to the OU holding the account; undefined when not in it. */
function ouPath(ou: OrganizationalUnit, accountId: string): OrganizationalUnit[] | undefined {
  if (ou.accounts?.includes(accountId)) return [ou];
  for (const child of ou.children ?? []) {
    const below = ouPath(child, accountId);
    if (below) return [ou, ...below];
  }
  return undefined;
}

/**
 * SCP or RCP attachments per level, root first, account last; `[]` when none apply
 * (standalone account, account outside the organization, or the management account).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function organizationLevels(
  world: World,
  accountId: string,
  kind: 'scps' | 'rcps',
): { readonly level: string; readonly attachments: readonly PolicyAttachmentOrDefault[] }[] {
  const org = world.organization;
  if (org === null || org.managementAccount === accountId) return [];
  const path = ouPath(org.root, accountId);
  if (path === undefined) return [];
  const fallback = kind === 'scps' ? 'FullAWSAccess' : 'RCPFullAWSAccess';
  const account = findAccount(world, accountId);
  return [
    ...path.map((ou, i) => ({
      level: i === 0 ? 'root' : `ou:${ou.name}`,
      attachments: ou[kind] ?? [fallback],
    })),
    { level: `account:${accountId}`, attachments: account?.[kind] ?? [fallback] },
  ];
}

/** Every account ID the organization holds (for aws:PrincipalOrgID and third-party checks). */
export function organizationAccounts(world: World): readonly string[] {
  const org = world.organization;
  if (org === null) return [];
  const out: string[] = [org.managementAccount];
  const walk = (ou: OrganizationalUnit): void => {
    out.push(...(ou.accounts ?? []));
    (ou.children ?? []).forEach(walk);
  };
  walk(org.root);
  return out;
}
