// Security warnings for trust policies and resource-based policies: statements AWS accepts
// but that open a role or a resource wider than the author probably meant.
import { accountOfPrincipal, classifyPrincipal } from '../arn/index.ts';
import { globMatch } from './wildcard.ts';
import { M } from './messages.ts';
import { parseOperator } from './operators.ts';
import type { Reporter } from './report.ts';
import type { PolicyKind, Statement } from './types.ts';

export interface SecurityOptions {
  readonly kind: PolicyKind;
  readonly thirdPartyAccounts: readonly string[];
}

/** Whether the statement's Action / NotAction covers `action`. */
function coversAction(st: Statement, action: string): boolean {
  if (st.action !== undefined) return st.action.some((a) => globMatch(a.value, action, true));
  if (st.notAction !== undefined)
    return !st.notAction.some((a) => globMatch(a.value, action, true));
  return false;
}

/**
 * Whether some condition narrows `key` (compared case-insensitively, as AWS compares keys):
 * a non-negated operator with at least one value that is not only wildcards. A negated
 * operator (`StringNotEquals` on `:sub`) excludes a few values and lets everything else in.
 */
function narrows(st: Statement, key: string): boolean {
  const wanted = key.toLowerCase();
  return st.conditions.some((c) => {
    if (c.key.value.toLowerCase() !== wanted) return false;
    const op = parseOperator(c.operator.value);
    if (op === null || op.negated || op.family === 'Null') return false;
    return c.values.some((v) => !(op.like && /^[*?]*$/.test(v.value)));
  });
}

/** The audience key the provider's docs tell you to test (id_roles_create_for-idp_oidc.html). */
function audienceKey(federated: string): string | null {
  const form = classifyPrincipal(federated);
  if (form?.kind === 'oidc-provider') return `${form.host}:aud`;
  if (form?.kind !== 'web-identity-provider') return null;
  // Login with Amazon and Facebook identify the app with `app_id`, not `aud`.
  if (form.host === 'www.amazon.com' || form.host === 'graph.facebook.com')
    return `${form.host}:app_id`;
  return `${form.host}:aud`;
}

/**
 * Keys that say who the caller is (reference_policies_condition-keys.html). "We strongly
 * recommend that you do not use a wildcard (*) in the Principal element … This is especially
 * true for IAM role trust policies" (reference_policies_elements_principal.html): a trust that
 * names `*` is only narrowed by a condition on one of these. A condition on anything else (MFA,
 * an external ID, the time) still lets every AWS account's principals in.
 */
const WHO_KEYS = [
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:userid',
  'aws:username',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
];

const GITHUB = 'token.actions.githubusercontent.com';

// GitHub claims that pin the repository or the workflow: since January 2026 STS checks them
// too, so a trust that narrows one of them no longer lets any repository in (AWS What's New,
// "AWS STS supports validation of identity provider claims", 2026-01).
const GITHUB_PINNING_CLAIMS = ['sub', 'repository', 'repository_id', 'job_workflow_ref'];

/**
 * AWS's own default RCP, the one document where an RCP may allow: one statement allowing
 * everything to everyone, without a condition. A customer RCP written the same way is let
 * through too: it changes nothing, as RCPFullAWSAccess is attached everywhere anyway.
 */
function isRcpFullAwsAccess(statements: readonly Statement[]): boolean {
  const [st] = statements;
  return (
    statements.length === 1 &&
    st !== undefined &&
    st.effect === 'Allow' &&
    st.principal?.kind === 'wildcard' &&
    st.action?.length === 1 &&
    st.action[0]?.value === '*' &&
    st.resource?.length === 1 &&
    st.resource[0]?.value === '*' &&
    st.conditions.length === 0
  );
}

export function checkSecurity(
  rep: Reporter,
  statements: readonly Statement[],
  options: SecurityOptions,
): void {
  // "The effect of Allow is only supported for the RCPFullAWSAccess policy" (AWS
  // Organizations, RCP syntax, orgs_manage_policies_rcps_syntax.html).
  const rcpAllowRefused = options.kind === 'rcp' && !isRcpFullAwsAccess(statements);
  for (const st of statements) {
    if (rcpAllowRefused && st.effect === 'Allow')
      rep.add('rcp-allow-not-supported', 'error', M.rcpAllowNotSupported(), st.path, st.range);
    if (st.effect !== 'Allow') continue;
    if (st.notPrincipal !== undefined) {
      rep.add(
        'allow-with-notprincipal',
        'security-warning',
        M.allowWithNotPrincipal(),
        st.notPrincipal.path,
        st.notPrincipal.range,
      );
    }
    if (options.kind !== 'trust' || st.principal === undefined) continue;
    const principal = st.principal;

    const anyone =
      principal.kind === 'wildcard' ||
      principal.entries.some((e) => e.type === 'AWS' && e.value.value === '*');
    const assumes = [
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
    ].some((a) => coversAction(st, a));
    if (anyone && assumes && !WHO_KEYS.some((key) => narrows(st, key))) {
      rep.add(
        'trust-allows-anyone',
        'security-warning',
        st.conditions.length === 0 ? M.trustAllowsAnyone() : M.trustAllowsAnyoneIf(),
        principal.path,
        principal.range,
      );
    }
    if (principal.kind !== 'map') continue;

    for (const entry of principal.entries) {
      const value = entry.value.value;
      if (entry.type === 'Federated') {
        const form = classifyPrincipal(value);
        if (form?.kind === 'saml-provider') {
          // The SAML role pages always add StringEquals SAML:aud (id_roles_create_for-idp_saml.html);
          // a role used only programmatically can work without it, hence a warning.
          if (coversAction(st, 'sts:AssumeRoleWithSAML') && !narrows(st, 'SAML:aud')) {
            rep.add(
              'saml-without-aud',
              'warning',
              M.samlWithoutAud(value),
              entry.value.path,
              entry.value.range,
            );
          }
          continue;
        }
        if (!coversAction(st, 'sts:AssumeRoleWithWebIdentity')) continue;
        const aud = audienceKey(value);
        // "you must use three values that ensure that only your app can assume the role":
        // the action, the principal and a condition on the app ID (id_roles_create_for-idp_oidc.html).
        if (aud !== null && !narrows(st, aud)) {
          rep.add(
            'oidc-without-aud',
            'security-warning',
            M.oidcWithoutAud(value, aud),
            entry.value.path,
            entry.value.range,
          );
        }
        if (
          form?.kind === 'oidc-provider' &&
          form.host === GITHUB &&
          !GITHUB_PINNING_CLAIMS.some((claim) => narrows(st, `${GITHUB}:${claim}`))
        ) {
          rep.add(
            'github-oidc-without-sub',
            'security-warning',
            M.githubWithoutSub(),
            entry.value.path,
            entry.value.range,
          );
        }
      } else if (entry.type === 'AWS' && options.thirdPartyAccounts.length > 0) {
        const account = accountOfPrincipal(value);
        if (
          account !== null &&
          options.thirdPartyAccounts.includes(account) &&
          coversAction(st, 'sts:AssumeRole') &&
          !narrows(st, 'sts:ExternalId')
        ) {
          rep.add(
            'third-party-without-external-id',
            'security-warning',
            M.thirdPartyWithoutExternalId(account),
            entry.value.path,
            entry.value.range,
          );
        }
      }
    }
  }
}
