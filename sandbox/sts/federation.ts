// AssumeRoleWithWebIdentity and AssumeRoleWithSAML: unsigned calls where the token or the
// assertion is checked first, then only the role's trust policy (and RCPs) decide.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
import { parseTime } from '../clock/clock.ts';
import { authorize } from '../engine/authorize.ts';
import type { ContextValue } from '../engine/types.ts';
import { roleUniqueId } from '../world/ids.ts';
import { findRole, type FoundRole } from '../world/lookup.ts';
import { orgPolicyLevels, trustPolicyOf } from '../world/resolve.ts';
import type { Session } from '../world/types.ts';
import { sessionPolicyText } from './assume-role.ts';
import { baseContext, resourceContext } from './caller.ts';
import { cliCredentials, issueCredentials } from './credentials.ts';
import type { StsEnv } from './env.ts';
import {
  durationOverRoleMax,
  expiredSamlAssertion,
  expiredWebIdentityToken,
  idpRejectedClaim,
  invalidIdentityToken,
  notAuthorizedFederated,
} from './errors.ts';
import { denied, rejected, succeeded } from './outcome.ts';
import type {
  AssumeRoleWithSamlCall,
  AssumeRoleWithWebIdentityCall,
  AwsError,
  CallOutcome,
} from './types.ts';
import { checkDurationRange, checkSessionName, checkSessionPolicy } from './validate.ts';

/** Providers AWS knows without an IAM OIDC provider entity (reference_policies_elements_principal.html). */
const BUILT_IN_WEB_IDENTITY = [
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
  'cognito-identity.amazonaws.com',
];

/** Recipients the 2023 page accepts: the global, the static and regional sign-in endpoints. */
function isAwsSamlEndpoint(url: string): boolean {
  return (
    url === 'https://signin.aws.amazon.com/saml' ||
    url === 'https://signin.aws.amazon.com/static/saml' ||
    /^https:\/\/[a-z0-9-]+\.signin\.aws\.amazon\.com\/saml$/.test(url)
  );
}

interface Issue {
  readonly op: 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML';
  readonly role: FoundRole;
  readonly provider: string;
  readonly sessionName: string;
  readonly duration: number;
  readonly context: Record<string, ContextValue>;
  readonly policies: readonly string[];
  readonly carried: Record<string, ContextValue>;
}

function decideAndIssue(env: StsEnv, req: Issue): CallOutcome {
  const action = `sts:${req.op}`;
  const authz = authorize({
    request: { principal: req.provider, action, resource: req.role.arn, context: req.context },
    identityPolicies: [],
    resourcePolicy: trustPolicyOf(env.world, req.role),
    scps: [],
    rcps: orgPolicyLevels(env.world, req.role.account.id, 'rcp'),
    permissionBoundary: null,
    sessionPolicy: null,
  });
  if (authz.decision !== 'allowed')
    return denied(req.op, req.provider, req.context, notAuthorizedFederated(action), authz);
  const expiresAt = env.now + req.duration * 1000;
  const seed = `${req.op}|${req.provider}|${req.role.arn}|${req.sessionName}|${env.now}|${req.duration}`;
  const credentials = issueCredentials(seed, expiresAt);
  const assumedRoleId = `${roleUniqueId(req.role.arn)}:${req.sessionName}`;
  const arn = `arn:aws:sts::${req.role.account.id}:assumed-role/${req.role.role.name}/${req.sessionName}`;
  const session: Session = {
    kind: 'assumed-role',
    credentials,
    arn,
    accountId: req.role.account.id,
    userId: assumedRoleId,
    roleArn: req.role.arn,
    federatedProvider: req.provider,
    issuedAt: env.now,
    expiresAt,
    // AWS cannot know whether the IdP used MFA (id_credentials_mfa_configure-api-require.html).
    mfa: { present: false },
    sessionPolicies: req.policies,
    tags: [],
    transitiveTagKeys: [],
    chained: false,
    context: req.carried,
  };
  return succeeded(
    req.op,
    req.provider,
    req.context,
    authz,
    {
      Credentials: cliCredentials(credentials),
      AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
    },
    [session],
  );
}

/**
 * Claims of a provider's tokens that STS validates against the trust policy since January 2026
 * (AWS What's New, "AWS STS supports validation of identity provider claims"; the IAM User
 * Guide's condition-key reference lists them per provider). They are checked when the role is
 * assumed and are not available in the session afterwards. Only GitHub's list is modelled;
 * Google, CircleCI and Oracle Cloud Infrastructure have lists of their own.
 */
export const PROVIDER_CLAIM_KEYS: Readonly<Record<string, readonly string[]>> = {
  'token.actions.githubusercontent.com': [
    'actor',
    'actor_id',
    'enterprise_id',
    'environment',
    'job_workflow_ref',
    'ref',
    'repository',
    'repository_id',
    'workflow',
  ],
};

/** The provider-specific claim keys a token brings to the trust evaluation only. */
function providerClaimKeys(
  host: string,
  t: AssumeRoleWithWebIdentityCall['token'],
): Record<string, ContextValue> {
  const keys: Record<string, ContextValue> = {};
  for (const claim of PROVIDER_CLAIM_KEYS[host] ?? []) {
    const value = t.claims?.[claim];
    if (value !== undefined) keys[`${host}:${claim}`] = value;
  }
  return keys;
}

/** The provider's condition keys for a web identity token. */
function webIdentityKeys(
  host: string,
  t: AssumeRoleWithWebIdentityCall['token'],
): Record<string, ContextValue> {
  if (host === 'graph.facebook.com') return { [`${host}:app_id`]: t.aud, [`${host}:id`]: t.sub };
  if (host === 'www.amazon.com') return { [`${host}:app_id`]: t.aud, [`${host}:user_id`]: t.sub };
  const keys: Record<string, ContextValue> = { [`${host}:sub`]: t.sub };
  if (host === 'accounts.google.com') {
    // Google: `aud` is the azp claim when present; `oaud` keeps the token's own aud.
    keys[`${host}:aud`] = t.azp ?? t.aud;
    keys[`${host}:oaud`] = t.aud;
  } else {
    keys[`${host}:aud`] = t.aud;
  }
  if (t.amr !== undefined) keys[`${host}:amr`] = t.amr;
  return keys;
}

/** The parameters both federated calls check before any trust policy: name, duration, policy. */
function checkFederatedParameters(
  env: StsEnv,
  nameField: string,
  sessionName: string,
  call: { readonly durationSeconds?: number | undefined; readonly policy?: string | undefined },
): AwsError | null {
  return (
    checkSessionName(nameField, sessionName) ??
    (call.durationSeconds === undefined
      ? null
      : checkDurationRange(call.durationSeconds, 900, 43200)) ??
    (call.policy === undefined ? null : checkSessionPolicy(sessionPolicyText(env, call.policy)))
  );
}

export function assumeRoleWithWebIdentity(
  env: StsEnv,
  call: AssumeRoleWithWebIdentityCall,
): CallOutcome {
  const op = 'AssumeRoleWithWebIdentity';
  const base = baseContext(env.now);
  const host = call.token.iss.replace(/^https:\/\//, '').replace(/\/$/, '');
  const fail = (error: AwsError, reason: string): CallOutcome =>
    rejected(op, host, base, error, reason);
  const basic = checkFederatedParameters(env, 'roleSessionName', call.roleSessionName, call);
  if (basic) return fail(basic, 'parameter');
  const role = findRole(env.world, call.roleArn);
  if (!role) return fail(notAuthorizedFederated(`sts:${op}`), 'no-such-role');
  let provider = host;
  if (!BUILT_IN_WEB_IDENTITY.includes(host)) {
    const entity = role.account.oidcProviders?.find((p) => p.url === host);
    if (!entity) {
      return fail(
        invalidIdentityToken(
          `No OpenIDConnect provider found in your account for https://${host}`,
          `the role’s account has no IAM OIDC identity provider for the token’s issuer \`${host}\``,
          `ロールのアカウントに、トークンの発行者 \`${host}\` の IAM OIDC ID プロバイダーがありません`,
        ),
        'unknown-issuer',
      );
    }
    if (!entity.clientIds.includes(call.token.aud)) {
      return fail(
        invalidIdentityToken(
          'Incorrect token audience',
          `the token’s audience \`${call.token.aud}\` is not a client ID registered on the provider`,
          `トークンの audience \`${call.token.aud}\` は、プロバイダーに登録されたクライアント ID ではありません`,
        ),
        'wrong-audience',
      );
    }
    provider = `arn:aws:iam::${role.account.id}:oidc-provider/${host}`;
  }
  if (call.token.exp * 1000 <= env.now)
    return fail(
      expiredWebIdentityToken(Math.floor(env.now / 1000), call.token.exp),
      'token-expired',
    );
  // STS's IDPRejectedClaim: the provider's claims cannot identify a user. Using it for an
  // empty `sub` is our reading of the API reference; the 2023 guide does not say.
  if (call.token.sub.trim() === '') {
    return fail(
      idpRejectedClaim(
        'The identity provider rejected the claims in the token: sub is empty',
        'the token has no subject (`sub`), so the provider vouches for nobody',
        'トークンにサブジェクト（`sub`）がないため、プロバイダーは誰も証明していません',
      ),
      'empty-subject',
    );
  }
  const duration = call.durationSeconds ?? 3600;
  const max = role.role.maxSessionDuration ?? 3600;
  if (duration > max) return fail(durationOverRoleMax(max), 'duration-over-role-max');
  const carried = { 'aws:FederatedProvider': provider, ...webIdentityKeys(host, call.token) };
  const context = {
    ...base,
    ...resourceContext(env.world, role.account.id),
    ...carried,
    ...providerClaimKeys(host, call.token),
    'sts:RoleSessionName': call.roleSessionName,
  };
  return decideAndIssue(env, {
    op,
    role,
    provider,
    sessionName: call.roleSessionName,
    duration,
    context,
    policies: call.policy === undefined ? [] : [sessionPolicyText(env, call.policy)],
    carried,
  });
}

export function assumeRoleWithSaml(env: StsEnv, call: AssumeRoleWithSamlCall): CallOutcome {
  const op = 'AssumeRoleWithSAML';
  const a = call.assertion;
  const base = baseContext(env.now);
  const fail = (error: AwsError, reason: string): CallOutcome =>
    rejected(op, call.principalArn, base, error, reason);
  const invalid = (message: string, en: string, ja: string, reason: string): CallOutcome =>
    fail(invalidIdentityToken(message, en, ja), reason);
  const basic = checkFederatedParameters(env, 'RoleSessionName', a.roleSessionName, call);
  if (basic) return fail(basic, 'parameter');
  const role = findRole(env.world, call.roleArn);
  if (!role) return fail(notAuthorizedFederated(`sts:${op}`), 'no-such-role');
  const name = call.principalArn.startsWith(`arn:aws:iam::${role.account.id}:saml-provider/`)
    ? call.principalArn.slice(`arn:aws:iam::${role.account.id}:saml-provider/`.length)
    : undefined;
  const provider = role.account.samlProviders?.find((p) => p.name === name);
  // Error texts below are unverified: the 2023 guide names the checks, not STS's wording.
  if (!provider) {
    return invalid(
      `SAML provider ${call.principalArn} does not exist in the role's account`,
      `\`${call.principalArn}\` is not a SAML provider in the role’s account`,
      `\`${call.principalArn}\` はロールのアカウントの SAML プロバイダーではありません`,
      'unknown-provider',
    );
  }
  if (a.issuer !== provider.issuer) {
    return invalid(
      'Issuer not present in specified provider',
      `the assertion’s issuer \`${a.issuer}\` is not the provider’s \`${provider.issuer}\``,
      `アサーションの発行者 \`${a.issuer}\` がプロバイダーの \`${provider.issuer}\` と一致しません`,
      'wrong-issuer',
    );
  }
  if (!isAwsSamlEndpoint(a.recipient)) {
    return invalid(
      'Invalid SAML response: Recipient must be an AWS sign-in SAML endpoint',
      `the Recipient \`${a.recipient}\` must be \`https://signin.aws.amazon.com/saml\` or a regional sign-in endpoint`,
      `Recipient \`${a.recipient}\` は \`https://signin.aws.amazon.com/saml\` か、リージョンのサインインエンドポイントである必要があります`,
      'wrong-recipient',
    );
  }
  if (a.audience !== 'urn:amazon:webservices' && !isAwsSamlEndpoint(a.audience)) {
    return invalid(
      'Invalid SAML response: Audience must be urn:amazon:webservices',
      `the Audience \`${a.audience}\` must be \`urn:amazon:webservices\``,
      `Audience \`${a.audience}\` は \`urn:amazon:webservices\` である必要があります`,
      'wrong-audience',
    );
  }
  const expiry = parseTime(a.notOnOrAfter, env.now);
  if (expiry === null || expiry <= env.now)
    return fail(expiredSamlAssertion(), 'assertion-expired');
  const pairs = a.roles.map((r) => r.split(',').map((s) => s.trim()));
  const granted = pairs.some((p) => p.includes(call.roleArn) && p.includes(call.principalArn));
  if (!granted) {
    return fail(
      idpRejectedClaim(
        'The SAML assertion does not contain the requested role and provider pair in its Role attribute',
        'the IdP’s Role attribute does not list this role with this provider',
        'IdP の Role 属性に、このロールとプロバイダーの組み合わせがありません',
      ),
      'role-not-in-assertion',
    );
  }
  // The DurationSeconds parameter takes precedence over the SessionDuration attribute.
  const duration = call.durationSeconds ?? a.sessionDuration ?? 3600;
  const durationError = checkDurationRange(duration, 900, 43200);
  if (durationError) return fail(durationError, 'parameter');
  const max = role.role.maxSessionDuration ?? 3600;
  if (duration > max) return fail(durationOverRoleMax(max), 'duration-over-role-max');
  const format = a.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
  const subType = format.endsWith(':persistent')
    ? 'persistent'
    : format.endsWith(':transient')
      ? 'transient'
      : format;
  const carried: Record<string, ContextValue> = {
    'aws:FederatedProvider': call.principalArn,
    'saml:aud': a.recipient,
    'saml:iss': a.issuer,
    'saml:sub': a.nameId,
    'saml:sub_type': subType,
    'saml:doc': `${role.account.id}/${provider.name}`,
    ...(a.attributes ?? {}),
  };
  return decideAndIssue(env, {
    op,
    role,
    provider: call.principalArn,
    sessionName: a.roleSessionName,
    duration,
    context: { ...base, ...resourceContext(env.world, role.account.id), ...carried },
    policies: call.policy === undefined ? [] : [sessionPolicyText(env, call.policy)],
    carried,
  });
}
