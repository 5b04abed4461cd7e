// Words the explain renderer needs, in English and Japanese.
import type { GateId, GateOutcome, Side } from '../engine/types.ts';

export type Lang = 'en' | 'ja';

export const GATE_LABEL: Readonly<Record<GateId | 'trust', Readonly<Record<Lang, string>>>> = {
  scp: { en: 'SCPs', ja: 'SCP' },
  rcp: { en: 'RCPs', ja: 'RCP' },
  resource: { en: 'resource-based policy', ja: 'リソースベースのポリシー' },
  trust: { en: 'trust policy', ja: '信頼ポリシー' },
  identity: { en: 'identity-based policies', ja: 'ID ベースのポリシー' },
  boundary: { en: 'permissions boundary', ja: 'アクセス許可の境界' },
  session: { en: 'session policy', ja: 'セッションポリシー' },
};

export const OUTCOME_LABEL: Readonly<Record<GateOutcome, Readonly<Record<Lang, string>>>> = {
  allow: { en: 'allow', ja: '許可' },
  explicitDeny: { en: 'explicit deny', ja: '明示的な拒否' },
  implicitDeny: { en: 'implicit deny', ja: '暗黙的な拒否' },
  notApplicable: { en: 'not applicable', ja: '対象外' },
};

export const SIDE_LABEL: Readonly<Record<Side, Readonly<Record<Lang, string>>>> = {
  caller: { en: "caller's account", ja: '呼び出し側アカウント' },
  resource: { en: "resource's account", ja: 'リソース側アカウント' },
  single: { en: 'same account', ja: '同一アカウント' },
};

export const DECISION_LABEL: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  allowed: { en: 'allowed', ja: '許可' },
  explicitDeny: { en: 'explicit deny', ja: '明示的な拒否' },
  implicitDeny: { en: 'implicit deny', ja: '暗黙的な拒否' },
};

/** Gate reason codes worth a sentence; others are shown as the code itself. */
export function reasonText(reason: string, lang: Lang): string | null {
  const level = reason.startsWith('no-allow-at-level-')
    ? reason.slice('no-allow-at-level-'.length)
    : null;
  if (level !== null) {
    return lang === 'en'
      ? `no statement allows it at level ${level} of the organization path`
      : `組織のパスのレベル ${level} に許可するステートメントがありません`;
  }
  const texts: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
    'no-allow': { en: 'no statement allows it', ja: '許可するステートメントがありません' },
    'trust-does-not-allow': {
      en: 'the trust policy does not allow this principal',
      ja: '信頼ポリシーがこのプリンシパルを許可していません',
    },
    'no-trust-policy': {
      en: 'the role has no trust policy',
      ja: 'ロールに信頼ポリシーがありません',
    },
    'explicit-deny': { en: 'a Deny statement matches', ja: 'Deny ステートメントが一致しています' },
    'root-user': {
      en: 'the account root user has full access by default',
      ja: 'アカウントのルートユーザーは既定ですべてにアクセスできます',
    },
    'federated-user-without-session-policy': {
      en: 'a federated user session without a session policy has no permissions',
      ja: 'セッションポリシーのないフェデレーションユーザーのセッションには権限がありません',
    },
  };
  return texts[reason]?.[lang] ?? null;
}

export function conditionLine(
  lang: Lang,
  operator: string,
  key: string,
  requestValues: readonly string[] | null,
  policyValues: readonly string[],
  result: boolean,
): string {
  const shown = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');
  const request =
    requestValues === null
      ? lang === 'en'
        ? 'absent from the request'
        : 'リクエストにありません'
      : shown(requestValues);
  const outcome = lang === 'en' ? (result ? 'true' : 'false') : result ? '真' : '偽';
  return lang === 'en'
    ? `condition \`${operator}\` on \`${key}\`: request ${request}, policy ${shown(policyValues)} → ${outcome}`
    : `条件 \`${operator}\`（キー \`${key}\`）: リクエスト ${request}、ポリシー ${shown(policyValues)} → ${outcome}`;
}
