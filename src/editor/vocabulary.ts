// What the policy editor offers as completions, with short docs in both languages. Sources:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html.
// The engine decides what is valid; this list only helps typing, so leaving a key out
// never makes a policy wrong.
import type { Localized } from '../../sandbox/policy/types.ts';

export interface Term {
  readonly name: string;
  readonly doc: Localized;
}

export const CONDITION_KEYS: readonly Term[] = [
  {
    name: 'aws:MultiFactorAuthPresent',
    doc: {
      en: 'Whether the temporary credentials were obtained with MFA; absent for long-term access keys, so use BoolIfExists.',
      ja: '一時的な認証情報が MFA 付きで取得されたか。長期アクセスキーではキー自体が存在しないため BoolIfExists を使う。',
    },
  },
  {
    name: 'aws:MultiFactorAuthAge',
    doc: {
      en: 'Seconds since the caller authenticated with MFA (numeric).',
      ja: 'MFA 認証からの経過秒数（数値）。',
    },
  },
  {
    name: 'aws:PrincipalArn',
    doc: {
      en: 'ARN of the caller; for a role session, the role’s ARN rather than the session’s.',
      ja: '呼び出し元の ARN。ロールセッションの場合はセッションではなくロールの ARN。',
    },
  },
  {
    name: 'aws:PrincipalAccount',
    doc: { en: 'Account ID of the caller.', ja: '呼び出し元のアカウント ID。' },
  },
  {
    name: 'aws:PrincipalOrgID',
    doc: {
      en: 'ID of the AWS Organizations organization the caller’s account belongs to.',
      ja: '呼び出し元アカウントが属する AWS Organizations の組織 ID。',
    },
  },
  {
    name: 'aws:PrincipalType',
    doc: {
      en: 'Kind of caller: Account, User, FederatedUser, AssumedRole or Anonymous.',
      ja: '呼び出し元の種類（Account、User、FederatedUser、AssumedRole、Anonymous）。',
    },
  },
  {
    name: 'aws:PrincipalTag/',
    doc: {
      en: 'A tag on the calling user or role, or a session tag; append the tag key.',
      ja: '呼び出し元のユーザーやロールのタグ、またはセッションタグ。後ろにタグキーを続ける。',
    },
  },
  {
    name: 'aws:RequestTag/',
    doc: {
      en: 'A tag passed in the request, such as a session tag at AssumeRole; append the tag key.',
      ja: 'リクエストで渡されたタグ（AssumeRole のセッションタグなど）。後ろにタグキーを続ける。',
    },
  },
  {
    name: 'aws:TagKeys',
    doc: {
      en: 'The tag keys in the request (multi-valued: use ForAllValues or ForAnyValue).',
      ja: 'リクエストに含まれるタグキー（複数値なので ForAllValues か ForAnyValue を使う）。',
    },
  },
  {
    name: 'aws:SourceIdentity',
    doc: {
      en: 'The source identity set on the role session and kept through role chaining.',
      ja: 'ロールセッションに設定され、ロールの連鎖でも引き継がれるソースアイデンティティ。',
    },
  },
  {
    name: 'aws:SourceIp',
    doc: {
      en: 'The caller’s IP address (use IpAddress).',
      ja: '呼び出し元の IP アドレス（IpAddress 演算子で比較）。',
    },
  },
  {
    name: 'aws:CurrentTime',
    doc: {
      en: 'Date and time of the request (use Date operators).',
      ja: 'リクエスト日時（Date 系の演算子で比較）。',
    },
  },
  {
    name: 'aws:TokenIssueTime',
    doc: {
      en: 'When the temporary credentials were issued; used to revoke older sessions.',
      ja: '一時的な認証情報が発行された日時。古いセッションを無効にするときに使う。',
    },
  },
  {
    name: 'aws:ResourceAccount',
    doc: { en: 'Account ID of the resource’s owner.', ja: 'リソースを所有するアカウントの ID。' },
  },
  {
    name: 'aws:userid',
    doc: {
      en: 'The caller’s unique ID; for a role session `AROA…:session-name`.',
      ja: '呼び出し元の一意の ID。ロールセッションでは `AROA…:セッション名`。',
    },
  },
  {
    name: 'sts:ExternalId',
    doc: {
      en: 'The ExternalId the caller passed to AssumeRole; the third party’s defence against the confused deputy.',
      ja: 'AssumeRole で渡された外部 ID。サードパーティが「混乱した代理」問題を防ぐためのもの。',
    },
  },
  {
    name: 'sts:RoleSessionName',
    doc: {
      en: 'The session name the caller passed to AssumeRole.',
      ja: 'AssumeRole で呼び出し元が指定したセッション名。',
    },
  },
  {
    name: 'sts:SourceIdentity',
    doc: {
      en: 'The source identity passed in the AssumeRole request.',
      ja: 'AssumeRole リクエストで渡されたソースアイデンティティ。',
    },
  },
  {
    name: 'sts:TransitiveTagKeys',
    doc: {
      en: 'Session tag keys marked transitive, kept through role chaining.',
      ja: '推移的に指定されたセッションタグのキー。ロールの連鎖でも引き継がれる。',
    },
  },
  {
    name: 'SAML:aud',
    doc: {
      en: 'Where the SAML assertion is sent; for console sign-in `https://signin.aws.amazon.com/saml`.',
      ja: 'SAML アサーションの送り先。コンソールへのサインインなら `https://signin.aws.amazon.com/saml`。',
    },
  },
  {
    name: 'saml:sub',
    doc: {
      en: 'The subject (NameID) of the SAML assertion.',
      ja: 'SAML アサーションのサブジェクト（NameID）。',
    },
  },
  {
    name: 'saml:iss',
    doc: { en: 'The issuer of the SAML assertion.', ja: 'SAML アサーションの発行者。' },
  },
  {
    name: 'token.actions.githubusercontent.com:aud',
    doc: {
      en: 'GitHub Actions token audience, `sts.amazonaws.com`.',
      ja: 'GitHub Actions トークンの aud。通常は `sts.amazonaws.com`。',
    },
  },
  {
    name: 'token.actions.githubusercontent.com:sub',
    doc: {
      en: 'Which repository and ref the workflow runs for; without a condition on it any repository can assume the role.',
      ja: 'ワークフローが動いているリポジトリと ref。これを条件にしないと、どのリポジトリからでもロールを引き受けられてしまう。',
    },
  },
  {
    name: 'accounts.google.com:aud',
    doc: {
      en: 'The Google OAuth client ID the token was issued to.',
      ja: 'トークンの発行先である Google OAuth クライアント ID。',
    },
  },
  {
    name: 'accounts.google.com:sub',
    doc: { en: 'The Google user’s ID.', ja: 'Google ユーザーの ID。' },
  },
  {
    name: 'cognito-identity.amazonaws.com:aud',
    doc: { en: 'The Cognito identity pool ID.', ja: 'Cognito ID プールの ID。' },
  },
  {
    name: 'cognito-identity.amazonaws.com:amr',
    doc: {
      en: 'How the user signed in (multi-valued: `authenticated` or `unauthenticated` plus the provider).',
      ja: 'ユーザーのサインイン方法（複数値: `authenticated` か `unauthenticated` とプロバイダ）。',
    },
  },
];

/** Operators without prefixes or the IfExists suffix; the schema accepts those forms too. */
export const CONDITION_OPERATORS: readonly Term[] = [
  ['StringEquals', 'Exact, case-sensitive match.', '大文字と小文字を区別する完全一致。'],
  ['StringNotEquals', 'No exact match.', '完全一致しない。'],
  ['StringEqualsIgnoreCase', 'Match ignoring case.', '大文字と小文字を区別しない一致。'],
  [
    'StringNotEqualsIgnoreCase',
    'No match, ignoring case.',
    '大文字と小文字を区別せずに一致しない。',
  ],
  ['StringLike', 'Match with * and ? wildcards.', 'ワイルドカード * と ? を使った一致。'],
  [
    'StringNotLike',
    'No match with * and ? wildcards.',
    'ワイルドカード * と ? を使って一致しない。',
  ],
  ['NumericEquals', 'Number equal.', '数値が等しい。'],
  ['NumericNotEquals', 'Number not equal.', '数値が等しくない。'],
  ['NumericLessThan', 'Number less than.', '数値が未満。'],
  ['NumericLessThanEquals', 'Number at most.', '数値が以下。'],
  ['NumericGreaterThan', 'Number greater than.', '数値が超える。'],
  ['NumericGreaterThanEquals', 'Number at least.', '数値が以上。'],
  ['DateEquals', 'Date equal.', '日時が等しい。'],
  ['DateNotEquals', 'Date not equal.', '日時が等しくない。'],
  ['DateLessThan', 'Date before.', '日時がより前。'],
  ['DateLessThanEquals', 'Date at or before.', '日時が同じかより前。'],
  ['DateGreaterThan', 'Date after.', '日時がより後。'],
  ['DateGreaterThanEquals', 'Date at or after.', '日時が同じかより後。'],
  ['Bool', 'Boolean match: "true" or "false".', '真偽値（"true" か "false"）の一致。'],
  ['BinaryEquals', 'Base64 value equal.', 'Base64 の値が等しい。'],
  ['IpAddress', 'IP address in a CIDR range.', 'IP アドレスが CIDR 範囲内。'],
  ['NotIpAddress', 'IP address outside a CIDR range.', 'IP アドレスが CIDR 範囲外。'],
  [
    'ArnEquals',
    'ARN match, with wildcards per segment.',
    'ARN の一致（区切りごとにワイルドカード可）。',
  ],
  [
    'ArnLike',
    'ARN match, with wildcards per segment.',
    'ARN の一致（区切りごとにワイルドカード可）。',
  ],
  ['ArnNotEquals', 'ARN does not match.', 'ARN が一致しない。'],
  ['ArnNotLike', 'ARN does not match.', 'ARN が一致しない。'],
  [
    'Null',
    '"true": the key is absent; "false": the key is present.',
    '"true" ならキーが存在しない、"false" なら存在する。',
  ],
].map(([name, en, ja]) => ({ name: name ?? '', doc: { en: en ?? '', ja: ja ?? '' } }));

export const ACTIONS: readonly Term[] = [
  [
    'sts:AssumeRole',
    'Get temporary credentials for a role.',
    'ロールの一時的な認証情報を取得する。',
  ],
  [
    'sts:AssumeRoleWithSAML',
    'Assume a role with a SAML assertion from an identity provider.',
    'IdP の SAML アサーションでロールを引き受ける。',
  ],
  [
    'sts:AssumeRoleWithWebIdentity',
    'Assume a role with an OIDC token (GitHub Actions, Google, Cognito).',
    'OIDC トークン（GitHub Actions、Google、Cognito）でロールを引き受ける。',
  ],
  [
    'sts:TagSession',
    'Pass session tags when assuming a role; needed in the trust policy.',
    'ロールを引き受けるときにセッションタグを渡す。信頼ポリシーで必要。',
  ],
  [
    'sts:SetSourceIdentity',
    'Set a source identity on the role session.',
    'ロールセッションにソースアイデンティティを設定する。',
  ],
  [
    'sts:GetSessionToken',
    'Temporary credentials for the user itself, optionally with MFA.',
    'ユーザー自身の一時的な認証情報を取得する（MFA 付きも可）。',
  ],
  [
    'sts:GetFederationToken',
    'Temporary credentials for a federated user.',
    'フェデレーティッドユーザーの一時的な認証情報を取得する。',
  ],
  [
    'sts:GetCallerIdentity',
    'Who am I: account, ARN and user ID.',
    '自分が誰か（アカウント、ARN、ユーザー ID）を返す。',
  ],
  ['s3:GetObject', 'Read an object.', 'オブジェクトを読み取る。'],
  ['s3:PutObject', 'Write an object.', 'オブジェクトを書き込む。'],
  ['s3:ListBucket', 'List the objects in a bucket.', 'バケット内のオブジェクトを一覧する。'],
  ['iam:PassRole', 'Hand a role to an AWS service.', 'ロールを AWS サービスに渡す。'],
  ['iam:CreateRole', 'Create a role.', 'ロールを作成する。'],
  [
    'iam:UpdateAssumeRolePolicy',
    'Change a role’s trust policy.',
    'ロールの信頼ポリシーを変更する。',
  ],
  ['ec2:DescribeInstances', 'List EC2 instances.', 'EC2 インスタンスを一覧する。'],
  ['*', 'Every action of every service.', 'すべてのサービスのすべての操作。'],
].map(([name, en, ja]) => ({ name: name ?? '', doc: { en: en ?? '', ja: ja ?? '' } }));
