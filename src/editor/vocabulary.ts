// The condition operators' short docs in both languages, for the JSON schema's completions.
// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html.
// Actions, resource ARNs and condition keys come from AWS's action catalog instead
// (./catalog-features.ts); the engine decides what is valid, this only helps typing.
import type { Localized } from '../../sandbox/policy/types.ts';

export interface Term {
  readonly name: string;
  readonly doc: Localized;
}

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
