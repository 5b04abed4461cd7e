// Words the explain renderer needs, in English and Japanese. The CLI and the UI both take
// their words from here, so a trace reads the same in a terminal and on the page. No reason
// code is ever shown as such: every code the engine and STS produce has a sentence, and an
// unknown one shows nothing rather than the code.
import type { GateId, GateOutcome, Side } from '../engine/types.ts';
import type { StepId } from '../sts/types.ts';

export type Lang = 'en' | 'ja';

type Words = Readonly<Record<Lang, string>>;

export const GATE_LABEL: Readonly<Record<GateId | 'trust', Words>> = {
  scp: { en: 'SCPs', ja: 'SCP' },
  rcp: { en: 'RCPs', ja: 'RCP' },
  resource: { en: 'resource-based policy', ja: 'リソースベースのポリシー' },
  trust: { en: 'trust policy', ja: '信頼ポリシー' },
  identity: { en: 'identity-based policies', ja: 'アイデンティティベースのポリシー' },
  boundary: { en: 'permissions boundary', ja: 'アクセス許可の境界' },
  session: { en: 'session policy', ja: 'セッションポリシー' },
};

export const OUTCOME_LABEL: Readonly<Record<GateOutcome, Words>> = {
  allow: { en: 'allows', ja: '許可' },
  explicitDeny: { en: 'denies explicitly', ja: '明示的に拒否' },
  implicitDeny: { en: 'does not allow (implicit deny)', ja: '暗黙的な拒否' },
  notApplicable: { en: 'does not apply', ja: '対象外' },
};

export const SIDE_LABEL: Readonly<Record<Side, Words>> = {
  caller: { en: "caller's account", ja: '呼び出し元アカウント' },
  resource: { en: "resource's account", ja: 'リソース側アカウント' },
  single: { en: 'same account', ja: '同一アカウント' },
};

/** What each step is, on the operation it belongs to. */
export const STEP_LABEL: Readonly<Record<StepId | 'bucketPolicy' | 'keyPolicy', Words>> = {
  requestValidation: { en: 'Request checks', ja: 'リクエストの検証' },
  callerIdentity: {
    en: "The caller's identity-based policies",
    ja: '呼び出し元のアイデンティティベースのポリシー',
  },
  scps: { en: "SCPs of the caller's account", ja: '呼び出し元アカウントの SCP' },
  resourcePolicy: { en: "The resource's resource-based policy", ja: 'リソースベースのポリシー' },
  bucketPolicy: { en: "The bucket's policy", ja: 'バケットポリシー' },
  keyPolicy: { en: "The key's key policy", ja: 'キーポリシー' },
  trustPolicy: { en: "The role's trust policy", ja: 'ロールの信頼ポリシー' },
  rcps: { en: "RCPs of the resource's account", ja: 'リソース側アカウントの RCP' },
  boundary: { en: 'Permissions boundary', ja: 'アクセス許可の境界' },
  session: { en: 'Session policy', ja: 'セッションポリシー' },
  issueCredentials: { en: 'Credentials issued', ja: '認証情報の発行' },
  serviceResponse: { en: "The service's answer", ja: 'サービスの応答' },
};

/** A step's outcome in words; `fail` depends on whether the step decided a denial or an error. */
export const STEP_OUTCOME: Readonly<
  Record<
    'pass' | 'deniedHere' | 'errorHere' | 'doesNotAllow' | 'skipped' | 'notReached' | 'pending',
    Words
  >
> = {
  pass: { en: 'passed', ja: '通過' },
  deniedHere: { en: 'denied here', ja: 'ここで拒否' },
  errorHere: { en: 'error', ja: 'エラー' },
  doesNotAllow: { en: 'does not allow', ja: '許可なし' },
  skipped: { en: 'skipped', ja: '対象外' },
  notReached: { en: 'not reached', ja: '未到達' },
  pending: { en: 'not evaluated yet', ja: '未評価' },
};

/** Marks the statement that decided its gate; the CLI prints the star alone. */
export const DECIDING_MARK: Words = { en: '★ decides', ja: '★ 決め手' };

export const VERDICT_LABEL: Readonly<Record<'allowed' | 'explicitDeny' | 'implicitDeny', Words>> = {
  allowed: { en: 'Allowed', ja: '許可' },
  explicitDeny: { en: 'Denied by an explicit Deny', ja: '明示的な Deny により拒否' },
  // Not "no policy allows it": across accounts one side may allow and the other not.
  implicitDeny: {
    en: 'Denied: an Allow it needs is missing (implicit deny)',
    ja: '拒否: 必要な許可がありません（暗黙的な拒否）',
  },
};

const REASONS: Readonly<Record<string, Words>> = {
  // Gates that decided against the request.
  'no-allow': { en: 'no statement allows it', ja: '許可するステートメントがありません' },
  'trust-does-not-allow': {
    en: 'the trust policy does not allow this principal',
    ja: '信頼ポリシーがこのプリンシパルを許可していません',
  },
  'no-trust-policy': { en: 'the role has no trust policy', ja: 'ロールに信頼ポリシーがありません' },
  'explicit-deny': { en: 'a Deny statement applies', ja: 'Deny ステートメントが該当します' },
  'root-user': {
    en: 'the account root user has full access by default',
    ja: 'アカウントのルートユーザーは既定ですべてにアクセスできます',
  },
  'federated-user-without-session-policy': {
    en: 'a federated user session without a session policy has no permissions',
    ja: 'セッションポリシーのないフェデレーションユーザーのセッションには権限がありません',
  },
  // Gates and steps that did not take part, and why.
  'not-reached': {
    en: 'not reached: the request stopped at an earlier step',
    ja: 'それより前のステップで止まったため、評価していません',
  },
  'not-needed': {
    en: 'not needed: in one account either the identity-based or the resource-based policy is enough, and the other one allows',
    ja: '同一アカウントではアイデンティティベースとリソースベースのどちらか一方の許可で足り、もう一方が許可しているため、判定に関係しません',
  },
  'not-applicable': { en: 'does not apply to this request', ja: 'このリクエストには関係しません' },
  'no-scps': {
    en: 'no SCP applies: the account is in no organization, or it is the management account',
    ja: 'SCP は適用されません（組織に属していないアカウントか、管理アカウントです）',
  },
  'no-rcps': {
    en: "no RCP applies to the resource's account",
    ja: 'リソース側アカウントには RCP が適用されません',
  },
  'caller-has-no-account': {
    en: "the caller belongs to no AWS account (a federated identity, a service or an anonymous caller), so only the resource's side decides",
    ja: '呼び出し元はどの AWS アカウントにも属さない（フェデレーション ID、サービス、匿名）ため、リソース側だけで判定されます',
  },
  'no-resource-policy': {
    en: 'the resource has no resource-based policy',
    ja: 'このリソースにはリソースベースのポリシーがありません',
  },
  'no-boundary': {
    en: 'the caller has no permissions boundary',
    ja: '呼び出し元にはアクセス許可の境界が設定されていません',
  },
  'not-a-session': {
    en: 'the caller is not a session, so no session policy applies',
    ja: '呼び出し元はセッションではないため、セッションポリシーは関係しません',
  },
  'no-session-policy': {
    en: 'the caller is not a session created with a session policy',
    ja: '呼び出し元はセッションポリシーを渡して作成されたセッションではありません',
  },
  'rcp-exempt-retire-grant': {
    en: 'RCPs do not restrict `kms:RetireGrant`',
    ja: '`kms:RetireGrant` は RCP の制限を受けません',
  },
  'rcp-exempt-service-linked-role': {
    en: 'RCPs do not restrict service-linked roles',
    ja: 'サービスにリンクされたロールは RCP の制限を受けません',
  },
};

/** A reason code as a sentence; `null` for a code without one (never shown raw). */
export function reasonText(reason: string | undefined, lang: Lang): string | null {
  if (reason === undefined) return null;
  const level = reason.startsWith('no-allow-at-level-')
    ? reason.slice('no-allow-at-level-'.length)
    : null;
  if (level !== null) {
    const where =
      level === '0'
        ? { en: 'the root', ja: 'ルート' }
        : { en: `level ${level}`, ja: `レベル ${level}` };
    return lang === 'en'
      ? `no statement allows it at ${where.en} of the organization path (every level needs an Allow)`
      : `組織のパスの${where.ja}に許可するステートメントがありません（すべてのレベルで許可が必要です）`;
  }
  return REASONS[reason]?.[lang] ?? null;
}

/** User values in backticks, comma-separated. */
export function quoted(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}
