// Principal matching for resource-based and trust policies.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// - an account ID and `arn:aws:iam::ID:root` are the same thing and name every principal of
//   that account (not only the root user);
// - user and session ARNs match exactly; the name part is case-sensitive;
// - a role ARN matches that role's sessions (`arn:aws:sts::ID:assumed-role/NAME/…`). Session
//   ARNs carry no path; IAM stores a role principal as the role's unique ID, so a trust that
//   names `role/NAME` without the role's real path names a different (non-existent) role.
//   When the request carries `aws:PrincipalArn` (the role ARN with its path, which STS
//   builds), the whole ARN is compared; without it only the name can be;
// - `Federated` names a SAML/OIDC provider ARN or an IdP host, `Service` a service principal;
// - `"*"` matches everyone, anonymous callers included; `{"AWS": "*"}` is the same for AWS
//   principals and anonymous callers, but not for IdPs or services (they are not AWS
//   principals; the page states the equivalence only for anonymous users).
import { accountOfForm, classifyPrincipal, type PrincipalForm } from '../arn/index.ts';
import type { PrincipalSpec, PrincipalType } from '../policy/types.ts';
import type { PrincipalMatchKind } from './types.ts';

export type { PrincipalMatchKind };

export interface Caller {
  /** The principal string as the request gave it. */
  readonly text: string;
  readonly form: PrincipalForm | null;
  /** The account the caller belongs to; `null` for IdPs, services, anonymous. */
  readonly account: string | null;
  /** For a role session: the role's ARN with its path, from `aws:PrincipalArn` when given. */
  readonly roleArn?: string;
  /** The IAM user or role has a permissions boundary (see `notPrincipalExcludes`). */
  readonly hasBoundary: boolean;
}

// Principal strings written in policies repeat across requests (the access map asks about
// every caller against the same trusts); classifying one runs several regular expressions, so
// results are kept (bounded, the strings are short-lived otherwise). The caller itself is
// classified once per request and not kept: in a batch of distinct requests every entry would
// be new, and a kept entry outlives the young generation.
const forms = new Map<string, PrincipalForm | null>();

function classify(text: string): PrincipalForm | null {
  const cached = forms.get(text);
  if (cached !== undefined || forms.has(text)) return cached ?? null;
  const form = classifyPrincipal(text);
  if (forms.size >= 4096) forms.clear();
  forms.set(text, form);
  return form;
}

export function describeCaller(text: string, principalArn?: string, hasBoundary = false): Caller {
  const form = classifyPrincipal(text);
  const account = form === null ? null : accountOfForm(form);
  if (form?.kind === 'assumed-role' && principalArn !== undefined) {
    const role = classifyPrincipal(principalArn);
    // INVARIANT: only a role ARN of the same account and name describes this session.
    if (
      role?.kind === 'role' &&
      role.account === form.account &&
      role.partition === form.partition &&
      role.name === form.roleName
    ) {
      return { text, form, account, roleArn: role.arn, hasBoundary };
    }
  }
  return { text, form, account, hasBoundary };
}

function isAwsCaller(caller: Caller): boolean {
  return (
    caller.account !== null || caller.form?.kind === 'anonymous' || caller.text === 'anonymous'
  );
}

function matchAws(value: string, caller: Caller): PrincipalMatchKind | null {
  if (value === '*') return isAwsCaller(caller) ? 'wildcard' : null;
  const form = caller.form;
  // The caller's own ARN, the usual entry, was classified with the request.
  const named = value === caller.text ? form : classify(value);
  if (named === null || form === null) return null;
  switch (named.kind) {
    case 'account':
      return caller.account === named.account &&
        'partition' in form &&
        form.partition === named.partition
        ? 'account'
        : null;
    case 'user':
      return form.kind === 'user' && form.arn === named.arn ? 'user' : null;
    case 'role':
      if (form.kind === 'role') return form.arn === named.arn ? 'role' : null;
      if (form.kind !== 'assumed-role') return null;
      if (caller.roleArn !== undefined) return caller.roleArn === named.arn ? 'role' : null;
      return form.partition === named.partition &&
        form.account === named.account &&
        form.roleName === named.name
        ? 'role'
        : null;
    case 'assumed-role':
      return form.kind === 'assumed-role' && form.arn === named.arn ? 'session' : null;
    case 'federated-user':
      return form.kind === 'federated-user' && form.arn === named.arn ? 'federated-user' : null;
    default:
      return null;
  }
}

function matchFederated(value: string, caller: Caller): PrincipalMatchKind | null {
  const kind = caller.form?.kind;
  if (kind === 'saml-provider' || kind === 'oidc-provider') {
    return value === caller.text ? 'federated' : null;
  }
  if (kind === 'web-identity-provider') {
    return value.toLowerCase() === caller.text.toLowerCase() ? 'federated' : null;
  }
  return null;
}

export function matchPrincipalEntry(
  type: PrincipalType,
  value: string,
  caller: Caller,
): PrincipalMatchKind | null {
  switch (type) {
    case 'AWS':
      return matchAws(value, caller);
    case 'Federated':
      return matchFederated(value, caller);
    case 'Service':
      return caller.form?.kind === 'service' && value.toLowerCase() === caller.text.toLowerCase()
        ? 'service'
        : null;
    case 'CanonicalUser':
      return value === caller.text ? 'canonical-user' : null;
  }
}

export interface PrincipalMatch {
  readonly kind: PrincipalMatchKind;
  readonly value: string;
  readonly path: string;
}

// A direct name beats a role name beats an account or wildcard: when several entries match,
// the most specific one decides which implicit denies still apply.
const SPECIFICITY: Readonly<Record<PrincipalMatchKind, number>> = {
  session: 6,
  'federated-user': 6,
  user: 6,
  federated: 6,
  service: 6,
  'canonical-user': 6,
  wildcard: 5,
  role: 4,
  account: 1,
};

/** The most specific entry of `spec` that names the caller, or `null`. */
export function matchPrincipal(spec: PrincipalSpec, caller: Caller): PrincipalMatch | null {
  if (spec.kind === 'wildcard') return { kind: 'wildcard', value: '*', path: spec.path };
  let best: PrincipalMatch | null = null;
  for (const entry of spec.entries) {
    const kind = matchPrincipalEntry(entry.type, entry.value.value, caller);
    if (kind !== null && (best === null || SPECIFICITY[kind] > SPECIFICITY[best.kind])) {
      best = { kind, value: entry.value.value, path: entry.value.path };
    }
  }
  return best;
}

/**
 * Whether a `NotPrincipal` leaves the caller out. The page warns that AWS may check the
 * account first, then the role, then the session, and that listing only the user or session
 * "might" deny the whole account. The simulator takes the documented worst case: the caller
 * is left out only when every link of its chain is listed — the account, the role (for a
 * session) and the caller itself.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 *
 * The current page (and the permissions-boundaries page) adds: "The NotPrincipal element with
 * a Deny effect will always deny any IAM principal that has a permissions boundary policy
 * attached, regardless of the values specified in the NotPrincipal element." So an IAM user or
 * role session with a boundary is never left out. `NotPrincipal` is accepted only with `Deny`
 * (an `Allow` gets a finding), so the effect need not be checked here.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
export function notPrincipalExcludes(spec: PrincipalSpec, caller: Caller): boolean {
  const kind = caller.form?.kind;
  if (caller.hasBoundary && (kind === 'user' || kind === 'role' || kind === 'assumed-role'))
    return false;
  if (spec.kind === 'wildcard') return true;
  const kinds = new Set<PrincipalMatchKind>();
  for (const entry of spec.entries) {
    const kind = matchPrincipalEntry(entry.type, entry.value.value, caller);
    if (kind !== null) kinds.add(kind);
  }
  if (kinds.has('wildcard')) return true;
  switch (caller.form?.kind) {
    case 'account':
      return kinds.has('account');
    case 'user':
      return kinds.has('user') && kinds.has('account');
    case 'role':
      return kinds.has('role') && kinds.has('account');
    case 'assumed-role':
      return kinds.has('session') && kinds.has('role') && kinds.has('account');
    case 'federated-user':
      return kinds.has('federated-user') && kinds.has('account');
    default:
      return kinds.size > 0;
  }
}
