// The access map in words, English and Japanese: who, what, and what it takes. Shared by the
// CLI and the island so that both say the same sentence for the same change.
import type { Localized } from '../policy/types.ts';
import type { BucketAction, Requirement, Subject, Target } from './types.ts';

export type Lang = 'en' | 'ja';

function where(subject: {
  readonly account: string | null;
  readonly accountAlias?: string;
}): string {
  return subject.accountAlias ?? subject.account ?? '';
}

export function subjectName(s: Subject, lang: Lang): string {
  const at = where(s);
  if (s.via !== undefined)
    return lang === 'en' ? `${s.name} (via ${s.via})` : `${s.name}（${s.via} 経由）`;
  switch (s.kind) {
    case 'user':
      return s.name;
    case 'role':
      return lang === 'en' ? `the ${s.name} role in ${at}` : `${at} の ${s.name} ロール`;
    case 'saml':
      return lang === 'en' ? `users of the SAML IdP ${s.name}` : `SAML IdP ${s.name} のユーザー`;
    case 'oidc':
      return lang === 'en' ? `tokens from ${s.name}` : `${s.name} のトークン`;
    case 'external':
      if (s.arn.endsWith(':root')) {
        const id = s.account ?? '';
        const label = s.name === id ? id : `${s.name} (${id})`;
        return lang === 'en' ? `account ${label} (outside the world)` : `外部のアカウント ${label}`;
      }
      return lang === 'en'
        ? `${s.name} in account ${s.account ?? ''} (outside)`
        : `外部のアカウント ${s.account ?? ''} の ${s.name}`;
    case 'anyone':
      return lang === 'en' ? 'anyone' : '任意の AWS アカウントのプリンシパル';
  }
}

const BUCKET_VERBS: Readonly<Record<BucketAction, Localized>> = {
  read: { en: 'read', ja: '読み取り' },
  write: { en: 'write', ja: '書き込み' },
  list: { en: 'list', ja: '一覧表示' },
  delete: { en: 'delete', ja: '削除' },
};

export const BUCKET_ACTION_ORDER: readonly BucketAction[] = ['read', 'write', 'list', 'delete'];

function joinAnd(items: readonly string[], lang: Lang, word = 'and'): string {
  if (lang === 'ja') return items.join('・');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1] ?? ''}`;
}

function accountOf(t: Target, aliases: ReadonlyMap<string, string>): string {
  return aliases.get(t.account) ?? t.account;
}

/**
 * What a target lets one do, as a verb phrase: en `assume Deploy in prod`; ja the potential
 * form (`prod の Deploy を引き受けられる`), which always ends in る so that it conjugates.
 */
export function targetPhrase(
  targets: readonly Target[],
  lang: Lang,
  aliases: ReadonlyMap<string, string>,
): string {
  const first = targets[0];
  if (first === undefined) return '';
  if (first.kind === 'role') {
    const at = accountOf(first, aliases);
    return lang === 'en'
      ? `assume ${first.name} in ${at}`
      : `${at} の ${first.name} を引き受けられる`;
  }
  const actions = BUCKET_ACTION_ORDER.filter((a) =>
    targets.some((t) => t.kind === 'bucket' && t.action === a),
  );
  const verbs = joinAnd(
    actions.map((a) => BUCKET_VERBS[a][lang]),
    lang,
  );
  return lang === 'en'
    ? `${verbs} objects in bucket \`${first.bucket}\``
    : `バケット \`${first.bucket}\` のオブジェクトを${verbs}できる`;
}

function shown(r: Requirement): string {
  return typeof r.value === 'string' ? r.value : r.value.join(', ');
}

/** One requirement with its value: `MFA`, `the ExternalId \`Example-7f3a\``, … */
export function requirementText(r: Requirement, lang: Lang): string {
  const pattern =
    r.policyValue !== undefined && r.policyValue !== shown(r) ? r.policyValue : undefined;
  const value = `\`${pattern ?? shown(r)}\``;
  if (r.how === 'other') {
    return lang === 'en'
      ? `\`${r.key}\` set to a value the policies do not name`
      : `ポリシーにない値の \`${r.key}\``;
  }
  switch (r.kind) {
    case 'mfa':
      return 'MFA';
    case 'external-id':
      return lang === 'en' ? `the ExternalId ${value}` : `ExternalId ${value}`;
    case 'source-ip':
      return lang === 'en' ? `a source IP in ${value}` : `${value} の範囲の送信元 IP`;
    case 'session-tag': {
      const key = r.key.slice('aws:RequestTag/'.length);
      return lang === 'en'
        ? `the session tag \`${key}\`=${value}`
        : `セッションタグ \`${key}\`=${value}`;
    }
    case 'session-name':
      return lang === 'en' ? `the session name ${value}` : `セッション名 ${value}`;
    case 'source-identity':
      return lang === 'en' ? `the source identity ${value}` : `ソース ID ${value}`;
    case 'claim':
      return pattern !== undefined
        ? lang === 'en'
          ? `the claim \`${r.key}\` matching ${value}`
          : `${value} に一致するクレーム \`${r.key}\``
        : lang === 'en'
          ? `the claim \`${r.key}\`=${value}`
          : `クレーム \`${r.key}\`=${value}`;
  }
}

/** A requirement without its value, for "without …": `MFA`, `the ExternalId`. */
export function requirementName(r: Requirement, lang: Lang): string {
  switch (r.kind) {
    case 'mfa':
      return 'MFA';
    case 'external-id':
      return lang === 'en' ? 'the ExternalId' : 'ExternalId';
    case 'source-ip':
      return lang === 'en' ? 'the source IP condition' : '送信元 IP の条件';
    case 'session-tag':
      return lang === 'en'
        ? `the session tag \`${r.key.slice('aws:RequestTag/'.length)}\``
        : `セッションタグ \`${r.key.slice('aws:RequestTag/'.length)}\``;
    case 'session-name':
      return lang === 'en' ? 'the session name' : 'セッション名';
    case 'source-identity':
      return lang === 'en' ? 'the source identity' : 'ソース ID';
    case 'claim':
      return lang === 'en' ? `the claim \`${r.key}\`` : `クレーム \`${r.key}\``;
  }
}

/** `with MFA and the ExternalId \`x\`` / `MFA と ExternalId \`x\` があれば`; empty for none. */
export function withPhrase(set: readonly Requirement[], lang: Lang): string {
  if (set.length === 0) return '';
  const items = set.map((r) => requirementText(r, lang));
  return lang === 'en' ? `with ${joinAnd(items, lang)}` : `${items.join(' と ')} があれば`;
}

/** `without MFA`; in Japanese なしでは for what was lost, なしでも for what was gained. */
export function withoutPhrase(set: readonly Requirement[], lang: Lang, gained: boolean): string {
  const items = [...new Set(set.map((r) => requirementName(r, lang)))];
  if (lang === 'en') return `without ${joinAnd(items, lang, 'or')}`;
  return `${items.join(' や ')} ${gained ? 'なしでも' : 'なしでは'}`;
}

/** Potential form → "can now": 引き受けられる → 引き受けられるようになった. */
export function jaNow(potential: string): string {
  return `${potential}ようになった`;
}

/** Potential form → "can no longer": 引き受けられる → 引き受けられなくなった. */
export function jaNoLonger(potential: string): string {
  return `${potential.slice(0, -1)}なくなった`;
}

export function aliasesOf(
  accounts: readonly { readonly id: string; readonly alias: string }[],
): Map<string, string> {
  return new Map(accounts.map((a) => [a.id, a.alias]));
}

/** `even with MFA` / `MFA があっても`: for a way in that closed. */
export function evenWithPhrase(set: readonly Requirement[], lang: Lang): string {
  const items = set.map((r) => requirementText(r, lang));
  return lang === 'en' ? `with ${joinAnd(items, lang)}` : `${items.join(' と ')} があっても`;
}
