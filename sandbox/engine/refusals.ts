// Requests AWS turns down whatever the policies say: what a kind of temporary credentials may
// not call at all, and changes to things AWS owns. Each rule names the page that states it, so
// that the trace can name the rule and the learner can read it.
import { splitArnFields } from '../arn/index.ts';
import type { PrincipalForm } from '../arn/index.ts';
import type { Localized } from '../policy/types.ts';
import type { Refusal } from './types.ts';

const STS_COMPARISON =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html';

/**
 * "Compare AWS STS credentials", last column: a federated user (GetFederationToken) "cannot
 * call IAM operations using the AWS CLI or AWS API" and "cannot call AWS STS operations except
 * GetCallerIdentity"; role sessions (AssumeRole, …WithSAML, …WithWebIdentity) "cannot call
 * GetFederationToken or GetSessionToken". The AssumeRole API reference repeats the last one.
 * GetSessionToken credentials without MFA are limited too (no IAM, no STS but AssumeRole and
 * GetCallerIdentity), but their principal is the IAM user's own ARN, the same as with access
 * keys or a console session: only the STS layer, which knows the credentials, applies that one
 * (sandbox/sts/service.ts).
 */
export function credentialRefusal(form: PrincipalForm | null, action: string): Refusal | null {
  const kind = form?.kind;
  if (kind === 'federated-user') {
    if (action.startsWith('iam:'))
      return { rule: 'federated-user-cannot-call-iam', source: STS_COMPARISON };
    if (action.startsWith('sts:') && action !== 'sts:getcalleridentity')
      return { rule: 'federated-user-cannot-call-sts', source: STS_COMPARISON };
  }
  if (
    kind === 'assumed-role' &&
    (action === 'sts:getsessiontoken' || action === 'sts:getfederationtoken')
  )
    return { rule: 'role-session-cannot-get-tokens', source: STS_COMPARISON };
  // "You cannot use root user credentials to make this call." (STS API reference, AssumeRoot)
  if (kind === 'account' && action === 'sts:assumeroot')
    return {
      rule: 'root-user-cannot-assume-root',
      source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html',
    };
  return null;
}

// Policy changes IAM makes for AWS managed policies only: "You cannot change the permissions
// defined in AWS managed policies" (AWS Managed Policy reference, "What are AWS managed
// policies?"); they live in the `aws` account namespace, `arn:aws:iam::aws:policy/…`.
const MANAGED_POLICY_CHANGES = new Set([
  'iam:createpolicy',
  'iam:createpolicyversion',
  'iam:deletepolicy',
  'iam:deletepolicyversion',
  'iam:setdefaultpolicyversion',
  'iam:tagpolicy',
  'iam:untagpolicy',
]);

// The IAM actions that modify a role. IAM Identity Center's roles (path
// `/aws-reserved/sso.amazonaws.com/`, with the Region after it outside us-east-1) answer
// "Cannot perform the operation on the protected role … - this role is only modifiable by AWS"
// (knowledge-center article identity-center-aws-reserved-sso); Identity Center itself changes
// them through its service-linked role, which the simulator does not model.
const ROLE_CHANGES = new Set([
  'iam:attachrolepolicy',
  'iam:deleterole',
  'iam:deleterolepermissionsboundary',
  'iam:deleterolepolicy',
  'iam:detachrolepolicy',
  'iam:putrolepermissionsboundary',
  'iam:putrolepolicy',
  'iam:tagrole',
  'iam:untagrole',
  'iam:updateassumerolepolicy',
  'iam:updaterole',
  'iam:updateroledescription',
]);

// "The alias/aws/ prefix is reserved for AWS managed key" (KMS developer guide, Create
// aliases): no customer can create, point or delete such an alias.
const ALIAS_CHANGES = new Set(['kms:createalias', 'kms:updatealias', 'kms:deletealias']);

/** A change AWS refuses to anyone, or `null`. `action` is lowercase. */
export function awsOwnedRefusal(action: string, resource: string): Refusal | null {
  // Most requests are none of these actions: settle that before splitting the ARN.
  if (
    (!action.startsWith('iam:') && !action.startsWith('kms:')) ||
    (!MANAGED_POLICY_CHANGES.has(action) && !ROLE_CHANGES.has(action) && !ALIAS_CHANGES.has(action))
  )
    return null;
  const fields = splitArnFields(resource);
  if (fields === null) return null;
  const [, , service, , account, rest] = fields;
  if (service === 'iam' && account === 'aws' && rest.startsWith('policy/')) {
    return MANAGED_POLICY_CHANGES.has(action)
      ? {
          rule: 'aws-managed-policy-is-read-only',
          source:
            'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/about-managed-policy-reference.html',
        }
      : null;
  }
  if (service === 'iam' && rest.startsWith('role/aws-reserved/sso.amazonaws.com/')) {
    return ROLE_CHANGES.has(action)
      ? {
          rule: 'identity-center-role-is-protected',
          source: 'https://repost.aws/knowledge-center/identity-center-aws-reserved-sso',
        }
      : null;
  }
  if (service === 'kms' && rest.startsWith('alias/aws/')) {
    return ALIAS_CHANGES.has(action)
      ? {
          rule: 'aws-managed-kms-alias-is-reserved',
          source: 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html',
        }
      : null;
  }
  return null;
}

const RULE_TEXT: Readonly<Record<string, Localized>> = {
  'federated-user-cannot-call-iam': {
    en: 'a federated user session (GetFederationToken) cannot call IAM through the CLI or the API',
    ja: 'フェデレーションユーザーのセッション（GetFederationToken）は CLI や API から IAM を呼び出せません',
  },
  'federated-user-cannot-call-sts': {
    en: 'a federated user session (GetFederationToken) can call no STS operation but GetCallerIdentity',
    ja: 'フェデレーションユーザーのセッション（GetFederationToken）が呼び出せる STS の操作は GetCallerIdentity だけです',
  },
  'role-session-cannot-get-tokens': {
    en: 'a role session cannot call GetSessionToken or GetFederationToken',
    ja: 'ロールのセッションは GetSessionToken も GetFederationToken も呼び出せません',
  },
  'root-user-cannot-assume-root': {
    en: 'AssumeRoot cannot be called with root user credentials',
    ja: 'AssumeRoot はルートユーザーの認証情報では呼び出せません',
  },
  'aws-managed-policy-is-read-only': {
    en: 'AWS managed policies (`arn:aws:iam::aws:policy/…`) are maintained by AWS: nobody can create, version, tag or delete them',
    ja: 'AWS 管理ポリシー（`arn:aws:iam::aws:policy/…`）は AWS が管理しており、誰も作成・バージョン追加・タグ付け・削除できません',
  },
  'identity-center-role-is-protected': {
    en: 'roles that IAM Identity Center created (`role/aws-reserved/sso.amazonaws.com/…`) can be changed only through Identity Center, not through IAM',
    ja: 'IAM Identity Center が作成したロール（`role/aws-reserved/sso.amazonaws.com/…`）は Identity Center からしか変更できず、IAM からは変更できません',
  },
  'aws-managed-kms-alias-is-reserved': {
    en: 'KMS aliases under `alias/aws/` belong to AWS managed keys: nobody can create, point or delete them',
    ja: '`alias/aws/` で始まる KMS エイリアスは AWS マネージドキーのもので、誰も作成・変更・削除できません',
  },
};

/** The decision's one sentence: the rule, whatever the policies say. */
export function refusalSummary(refusal: Refusal, action: string): Localized {
  const rule = RULE_TEXT[refusal.rule] ?? { en: refusal.rule, ja: refusal.rule };
  return {
    en: `denied whatever the policies say: ${rule.en} (\`${action}\`)`,
    ja: `ポリシーの内容にかかわらず拒否: ${rule.ja}（\`${action}\`）`,
  };
}
