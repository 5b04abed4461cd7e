// What a principal string names. The same classification serves the request side (who is
// calling) and the policy side (what a `Principal` element may contain), so that both agree.
// Forms: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// ARN syntax: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
import { isAccountId, parseArn, rootArn } from './arn.ts';

/** IdPs that `Principal.Federated` names by host instead of by provider ARN. */
export const WEB_IDENTITY_PROVIDERS: readonly string[] = [
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
  'cognito-identity.amazonaws.com',
];

interface InAccount {
  readonly account: string;
  readonly partition: string;
  /** The canonical ARN (for `account`, the root ARN). */
  readonly arn: string;
}

export type PrincipalForm =
  | ({ readonly kind: 'account' } & InAccount)
  | ({ readonly kind: 'user'; readonly path: string; readonly name: string } & InAccount)
  | ({ readonly kind: 'role'; readonly path: string; readonly name: string } & InAccount)
  /** An IAM group: classified so validation can say why it is not a principal. */
  | ({ readonly kind: 'group'; readonly path: string; readonly name: string } & InAccount)
  | ({
      readonly kind: 'assumed-role';
      readonly roleName: string;
      readonly sessionName: string;
    } & InAccount)
  | ({ readonly kind: 'federated-user'; readonly name: string } & InAccount)
  | ({ readonly kind: 'saml-provider'; readonly name: string } & InAccount)
  | ({ readonly kind: 'oidc-provider'; readonly host: string } & InAccount)
  | { readonly kind: 'web-identity-provider'; readonly host: string }
  | { readonly kind: 'service'; readonly service: string }
  /** A unique ID (`AIDA…`, `AROA…`): what IAM shows once the named user or role was deleted. */
  | { readonly kind: 'unique-id'; readonly id: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'wildcard' };

// IAM name rules (reference_iam-quotas.html): alphanumerics plus `+=,.@_-`; a path is `/` or
// `/…/` of printable ASCII. Role session names use the same characters, 2–64 of them.
const NAME = /^[\w+=,.@-]{1,128}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const PATH_SEGMENTS = /^[\u0021-\u007E]*$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{12,124}$/;
const HOST = /^[A-Za-z0-9.-]+(\/[\u0021-\u007E]*)?$/;

/** Classifies a principal string; `null` when it is not any principal AWS knows. */
export function classifyPrincipal(text: unknown): PrincipalForm | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2048) return null;
  // An ARN, the usual case, can be none of the other forms (none of them holds a colon).
  if (text.startsWith('arn:')) return classifyArn(text);
  if (text === '*') return { kind: 'wildcard' };
  if (text === 'anonymous') return { kind: 'anonymous' };
  if (isAccountId(text))
    return { kind: 'account', account: text, partition: 'aws', arn: rootArn(text) };
  if (WEB_IDENTITY_PROVIDERS.includes(text)) return { kind: 'web-identity-provider', host: text };
  if (SERVICE_PRINCIPAL.test(text)) return { kind: 'service', service: text };
  if (UNIQUE_ID.test(text)) return { kind: 'unique-id', id: text };
  return null;
}

function classifyArn(text: string): PrincipalForm | null {
  const arn = parseArn(text);
  if (arn === null || !isAccountId(arn.account) || arn.region !== '') return null;
  const base = { account: arn.account, partition: arn.partition, arn: text };
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { kind: 'account', ...base };
    const type = arn.resourceType;
    const rest = arn.resourceId;
    if (type === undefined || arn.resource[type.length] !== '/') return null;
    if (type === 'user' || type === 'role' || type === 'group') {
      const named = splitPathName(rest);
      // User and role names stop at 64 characters, group names at 128 (reference_iam-quotas).
      if (named === null || (type !== 'group' && named.name.length > 64)) return null;
      return { kind: type, ...base, ...named };
    }
    if (type === 'saml-provider') {
      return NAME.test(rest) ? { kind: 'saml-provider', ...base, name: rest } : null;
    }
    if (type === 'oidc-provider') {
      return HOST.test(rest) ? { kind: 'oidc-provider', ...base, host: rest } : null;
    }
    return null;
  }
  if (arn.service === 'sts') {
    if (arn.resourceType === 'assumed-role') {
      // INVARIANT: session ARNs carry no path (principal page, "Role session principals").
      const parts = arn.resourceId.split('/');
      const [roleName, sessionName] = parts;
      if (parts.length !== 2 || roleName === undefined || sessionName === undefined) return null;
      if (!NAME.test(roleName) || roleName.length > 64 || !SESSION_NAME.test(sessionName))
        return null;
      return { kind: 'assumed-role', ...base, roleName, sessionName };
    }
    if (arn.resourceType === 'federated-user') {
      return NAME.test(arn.resourceId)
        ? { kind: 'federated-user', ...base, name: arn.resourceId }
        : null;
    }
  }
  return null;
}

/** `division/x/Bob` → path `/division/x/`, name `Bob`; `null` for empty segments or bad names. */
function splitPathName(rest: string): { readonly path: string; readonly name: string } | null {
  const cut = rest.lastIndexOf('/');
  const name = rest.slice(cut + 1);
  const inner = cut < 0 ? '' : rest.slice(0, cut);
  if (!NAME.test(name)) return null;
  if (rest.startsWith('/') || inner.includes('//') || !PATH_SEGMENTS.test(inner)) return null;
  if (inner.length + 2 > 512) return null;
  return { path: inner === '' ? '/' : `/${inner}/`, name };
}

/**
 * The account a principal belongs to, or `null` for principals that belong to none: IdPs,
 * web-identity hosts, services, anonymous callers (and anything that is not a principal).
 */
export function accountOfPrincipal(principalArnOrId: unknown): string | null {
  const form = classifyPrincipal(principalArnOrId);
  return form === null ? null : accountOfForm(form);
}

/** `accountOfPrincipal` for a principal already classified. */
export function accountOfForm(form: PrincipalForm): string | null {
  switch (form.kind) {
    case 'account':
    case 'user':
    case 'role':
    case 'assumed-role':
    case 'federated-user':
      return form.account;
    default:
      return null;
  }
}

/**
 * The role ARN behind a session ARN. Session ARNs drop the role's path, so the caller must
 * supply it when the role has one (default `/`).
 */
export function roleArnOfSession(sessionArn: unknown, rolePath = '/'): string | null {
  const form = classifyPrincipal(sessionArn);
  if (form?.kind !== 'assumed-role') return null;
  if (!rolePath.startsWith('/') || !rolePath.endsWith('/') || rolePath.includes('//')) return null;
  return `arn:${form.partition}:iam::${form.account}:role${rolePath}${form.roleName}`;
}

export interface PrincipalFormsOptions {
  /** Path of the role behind an assumed-role session, when it is not `/`. */
  readonly rolePath?: string;
}

/**
 * Every string a `Principal` element could contain that names this caller, besides `"*"`:
 * its own ARN, the role behind a session, and its account (ID and root ARN are the same thing).
 * Empty for anonymous callers and anything unrecognised.
 */
export function principalForms(
  principal: unknown,
  options: PrincipalFormsOptions = {},
): readonly string[] {
  const form = classifyPrincipal(principal);
  if (form === null) return [];
  switch (form.kind) {
    case 'account':
      return [form.account, form.arn];
    case 'user':
    case 'role':
    case 'federated-user':
      return [form.arn, form.account, rootArn(form.account, form.partition)];
    case 'assumed-role': {
      const role = roleArnOfSession(form.arn, options.rolePath ?? '/');
      const own = [form.arn];
      if (role !== null) own.push(role);
      return [...own, form.account, rootArn(form.account, form.partition)];
    }
    case 'saml-provider':
    case 'oidc-provider':
      return [form.arn];
    case 'web-identity-provider':
      return [form.host];
    case 'service':
      return [form.service];
    case 'unique-id':
      return [form.id];
    case 'group':
    case 'anonymous':
    case 'wildcard':
      return [];
  }
}
