// Policy size quotas and how AWS counts them.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html and
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
//
// The quotas page (June 2023 excerpt) shows the trust-policy quota (2,048 by default, 4,096
// at most) but hides the managed and inline figures behind "See the AWS documentation
// website"; the figures below (managed 6,144; inline user 2,048, group 5,120, role 10,240)
// are the published ones recorded in iam-facts.md. Both notes on that page say "IAM does not
// count white space", and the grammar page says "Policy size calculations do not include
// white space characters" without limiting it to a kind, so we apply it to every kind.
// Whether white space *inside strings* counts is not stated; we count it (it is content,
// not layout), and skip only the JSON layout between tokens.
// Session policies: 2,048 characters of plaintext (id_session-tags.html). SCPs and RCPs:
// 5,120 characters per AWS Organizations' quotas, a page outside this excerpt.
import { scanText } from './scan.ts';
import type { PolicyKind } from './types.ts';

export const POLICY_SIZE_LIMITS = {
  managed: 6144,
  inlineUser: 2048,
  inlineGroup: 5120,
  inlineRole: 10240,
  trustDefault: 2048,
  trustMaximum: 4096,
  session: 2048,
  scp: 5120,
  rcp: 5120,
} as const;

/**
 * The limit applied when the caller gives none. An identity policy may be managed or inline
 * and we cannot tell which, so it gets the largest identity quota (inline role): no policy
 * AWS accepts is ever rejected here. Resource-based policy limits are per service: none.
 */
export const DEFAULT_SIZE_LIMITS: Readonly<Record<PolicyKind, number | null>> = {
  identity: POLICY_SIZE_LIMITS.inlineRole,
  boundary: POLICY_SIZE_LIMITS.managed,
  trust: POLICY_SIZE_LIMITS.trustDefault,
  session: POLICY_SIZE_LIMITS.session,
  scp: POLICY_SIZE_LIMITS.scp,
  rcp: POLICY_SIZE_LIMITS.rcp,
  resource: null,
};

/** Characters of `text` as IAM counts them: everything except white space between tokens. */
export function policySize(text: string): number {
  return scanText(text).size;
}
