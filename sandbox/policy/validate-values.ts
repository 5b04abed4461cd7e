// Checks of single values: actions, resource ARNs, principals and condition values. Each
// returns a problem (code, severity, message) or null; the caller attaches path and range.
import { classifyPrincipal, isAccountId, isKnownPartition } from '../arn/index.ts';
import { compileGlob, matchGlob } from './wildcard.ts';
import { M } from './messages.ts';
import type { ParsedOperator } from './operators.ts';
import type { Localized, PolicyKind, PrincipalType, Severity } from './types.ts';
import {
  hasPolicyVariable,
  isBase64,
  parseBoolValue,
  parseDateValue,
  parseIpValue,
  parseNumericValue,
} from './values.ts';

export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Localized;
}

function error(code: string, message: Localized): Problem {
  return { code, severity: 'error', message };
}

// "a service namespace, a colon, and the name of an action. Action names can include
// wildcards" (reference_policies_grammar.html, action_string).
const ACTION = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

export function checkAction(value: string): Problem | null {
  if (value === '*' || ACTION.test(value)) return null;
  return error('invalid-action', M.invalidAction(value));
}

/** What a role trust policy may allow or deny (the brief's list; wildcards must cover one). */
export const TRUST_ACTIONS: readonly string[] = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:TagSession',
  'sts:SetSourceIdentity',
];

const TRUST_ACTIONS_LOWER = TRUST_ACTIONS.map((a) => a.toLowerCase());

export function checkTrustAction(value: string): Problem | null {
  const glob = compileGlob(value.toLowerCase());
  if (TRUST_ACTIONS_LOWER.some((a) => matchGlob(glob, a))) return null;
  return error('invalid-trust-action', M.invalidTrustAction(value));
}

function hasWildcardOrVariable(field: string): boolean {
  return field.includes('*') || field.includes('?') || hasPolicyVariable(field);
}

/** Splits at the first five colons that are not inside `${…}` (variables hold colons). */
function splitPatternFields(text: string): string[] | null {
  const fields: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length && fields.length < 5) {
    if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i + 2);
      if (close < 0) break;
      i = close + 1;
    } else if (text.charCodeAt(i) === 58) {
      fields.push(text.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  if (fields.length < 5) return null;
  fields.push(text.slice(start));
  return fields;
}

function reason(en: string, ja: string): Localized {
  return { en, ja };
}

// A policy variable other than the three that stand for `*`, `?` and `$` themselves.
const REAL_VARIABLE = /\$\{(?!\s*[*?$]\s*\})[^}]*\}/;

/**
 * A `Resource` / `NotResource` value: `*` or an ARN whose fields may hold wildcards and
 * variables (reference_policies_elements_resource.html). Fixed fields must still be possible:
 * a known partition, a service, an account of 12 digits (or empty, or `aws`).
 *
 * Variables only in the resource part: "You can use a policy variable in the Resource element,
 * but only in the resource portion of the ARN. This portion of the ARN appears after the fifth
 * colon (:). You can't use a variable to replace parts of the ARN before the fifth colon, such
 * as the service or account." (reference_policies_variables.html, the current page and the
 * 2023 excerpt alike). IAM Access Analyzer's policy checks do not list this case, so the
 * finding's wording is ours; the engine never substitutes there, as the policy is rejected.
 */
export function checkResource(value: string): Problem | null {
  if (value === '*') return null;
  const fields = splitPatternFields(value);
  const bad = (r: Localized): Problem => error('invalid-arn', M.invalidArn(value, r));
  if (fields !== null && value.includes('${')) {
    for (let i = 0; i < 5; i++)
      if (REAL_VARIABLE.test(fields[i] ?? ''))
        return error('variable-before-resource-part', M.variableBeforeResourcePart(value));
  }
  if (fields === null) {
    return bad(
      reason(
        'an ARN has six fields, `arn:partition:service:region:account:resource`',
        'ARN は `arn:パーティション:サービス:リージョン:アカウント:リソース` の 6 つの部分からなります',
      ),
    );
  }
  const [prefix = '', partition = '', service = '', , account = '', resource = ''] = fields;
  if (prefix !== 'arn')
    return bad(reason('it must start with `arn:`', '`arn:` で始める必要があります'));
  if (!isKnownPartition(partition) && !hasWildcardOrVariable(partition)) {
    return bad(
      reason(
        `\`${partition}\` is not a partition (\`aws\`, \`aws-cn\`, \`aws-us-gov\`)`,
        `\`${partition}\` はパーティションではありません（\`aws\`、\`aws-cn\`、\`aws-us-gov\`）`,
      ),
    );
  }
  if (service === '') return bad(reason('the service is empty', 'サービスが空です'));
  if (
    account !== '' &&
    account !== 'aws' &&
    !isAccountId(account) &&
    !hasWildcardOrVariable(account)
  ) {
    return bad(reason('the account must be 12 digits', 'アカウントは 12 桁の数字で書きます'));
  }
  if (resource === '') return bad(reason('the resource part is empty', 'リソースの部分が空です'));
  return null;
}

const CANONICAL_USER = /^[0-9a-f]{64}$/;

const SLOT_OF: Partial<Record<string, PrincipalType>> = {
  'saml-provider': 'Federated',
  'oidc-provider': 'Federated',
  'web-identity-provider': 'Federated',
  service: 'Service',
  user: 'AWS',
  role: 'AWS',
  account: 'AWS',
  'assumed-role': 'AWS',
  'federated-user': 'AWS',
};

/**
 * One principal value under its type. IAM rejects groups, partial wildcards and malformed
 * ARNs with "Invalid principal in policy" (reference_policies_elements_principal.html).
 */
export function checkPrincipal(type: string, value: string, kind: PolicyKind): Problem | null {
  const invalid = (message: Localized): Problem => error('invalid-principal', message);
  if (type !== 'AWS' && type !== 'Federated' && type !== 'Service' && type !== 'CanonicalUser') {
    return invalid(M.principalType(type));
  }
  if (type === 'CanonicalUser') {
    // Amazon S3 bucket policies are the documented user of CanonicalUser (grammar notes).
    if (kind !== 'resource') return invalid(M.notAllowedInKind('CanonicalUser', kind));
    return CANONICAL_USER.test(value) ? null : invalid(M.principalMalformed(type, value));
  }
  if (value === '*') return type === 'AWS' ? null : invalid(M.principalMalformed(type, value));
  if (value.includes('*') || value.includes('?')) return invalid(M.principalWildcard(value));
  const form = classifyPrincipal(value);
  if (form === null || form.kind === 'anonymous' || form.kind === 'wildcard') {
    return invalid(M.principalMalformed(type, value));
  }
  if (form.kind === 'group') return invalid(M.principalGroup(value));
  if (form.kind === 'unique-id') {
    return type === 'AWS'
      ? { code: 'principal-unique-id', severity: 'warning', message: M.principalUniqueId(value) }
      : invalid(M.principalMalformed(type, value));
  }
  const slot = SLOT_OF[form.kind];
  if (slot !== undefined && slot !== type) return invalid(M.principalWrongSlot(value, type, slot));
  return null;
}

/**
 * A condition value for its operator's family. Variables are allowed with String, Arn and
 * Bool operators in version 2012-10-17 only; for Numeric, Date, IpAddress, Binary and Null
 * "you can not use a policy variable", so such a value is simply malformed.
 */
export function checkConditionValue(
  op: ParsedOperator,
  written: string,
  value: string,
  variables: boolean,
): Problem | null {
  switch (op.family) {
    case 'Bool':
      if (variables && hasPolicyVariable(value)) return null;
      return parseBoolValue(value) === null
        ? error('invalid-bool-value', M.invalidBool(written, value))
        : null;
    case 'Null':
      return parseBoolValue(value) === null
        ? error('invalid-bool-value', M.invalidBool(written, value))
        : null;
    case 'Numeric':
      return parseNumericValue(value) === null
        ? error('invalid-numeric-value', M.invalidNumeric(written, value))
        : null;
    case 'Date':
      return parseDateValue(value) === null
        ? error('invalid-date-value', M.invalidDate(written, value))
        : null;
    case 'IpAddress':
      return parseIpValue(value) === null
        ? error('invalid-ip-value', M.invalidIp(written, value))
        : null;
    case 'Binary':
      return isBase64(value)
        ? null
        : error('invalid-binary-value', M.invalidBinary(written, value));
    case 'String':
    case 'Arn':
      return null;
  }
}
