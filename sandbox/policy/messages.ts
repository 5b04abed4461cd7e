// Every user-facing sentence of the policy layer, in English and Japanese, in one place so
// that both languages are reviewed side by side. Style: one lowercase sentence, no final
// period, user input in backticks. `code()` keeps user text from breaking the backticks.
import type { Localized, PolicyKind } from './types.ts';

const MAX_QUOTED = 80;

/** User text as inline code, shortened so a 10,000-character value cannot flood a message. */
export function code(text: string): string {
  const short = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return `\`${short.replaceAll('`', "'")}\``;
}

function l(en: string, ja: string): Localized {
  return { en, ja };
}

const KIND_NAMES: Readonly<Record<PolicyKind, Localized>> = {
  identity: l('an identity-based policy', 'アイデンティティベースのポリシー'),
  trust: l('a role trust policy', 'ロールの信頼ポリシー'),
  resource: l('a resource-based policy', 'リソースベースのポリシー'),
  scp: l('a service control policy (SCP)', 'サービスコントロールポリシー（SCP）'),
  rcp: l('a resource control policy (RCP)', 'リソースコントロールポリシー（RCP）'),
  boundary: l('a permissions boundary', 'アクセス許可の境界'),
  session: l('a session policy', 'セッションポリシー'),
};

export function kindName(kind: PolicyKind): Localized {
  return KIND_NAMES[kind];
}

/** What a JSON value is, for "must be an object, not …" messages. */
export function jsonTypeName(type: string): Localized {
  switch (type) {
    case 'array':
      return l('an array', '配列');
    case 'string':
      return l('a string', '文字列');
    case 'number':
      return l('a number', '数値');
    case 'boolean':
      return l('a boolean', '真偽値');
    case 'null':
      return l('null', 'null');
    default:
      return l('an object', 'オブジェクト');
  }
}

export type Expected =
  | 'string'
  | 'string-list'
  | 'object'
  | 'statement'
  | 'principal'
  | 'principal-values'
  | 'condition-values';

const EXPECTED: Readonly<Record<Expected, Localized>> = {
  string: l('a string', '文字列'),
  'string-list': l('a string or an array of strings', '文字列または文字列の配列'),
  object: l('an object', 'オブジェクト'),
  statement: l('an object or an array of objects', 'オブジェクトまたはオブジェクトの配列'),
  principal: l(
    '`"*"` or an object such as `{"AWS": …}`',
    '`"*"` または `{"AWS": …}` のようなオブジェクト',
  ),
  'principal-values': l('a string or an array of strings', '文字列または文字列の配列'),
  'condition-values': l(
    'a string, a number or a boolean, or an array of them',
    '文字列・数値・真偽値、またはそれらの配列',
  ),
};

/** Details of JSON syntax errors, keyed by jsonc-parser's error names. */
const JSON_ERRORS: Readonly<Record<string, Localized>> = {
  InvalidSymbol: l('unexpected character', '予期しない文字があります'),
  InvalidNumberFormat: l('invalid number', '数値の書き方が正しくありません'),
  PropertyNameExpected: l(
    'a property name in double quotes was expected',
    'ダブルクォートで囲んだプロパティ名が必要です',
  ),
  ValueExpected: l('a value was expected', '値が必要です'),
  ColonExpected: l('a colon was expected', 'コロン（:）が必要です'),
  CommaExpected: l('a comma was expected', 'カンマ（,）が必要です'),
  CloseBraceExpected: l('a closing brace was expected', '閉じ波かっこ（}）が必要です'),
  CloseBracketExpected: l('a closing bracket was expected', '閉じ角かっこ（]）が必要です'),
  EndOfFileExpected: l(
    'there is text after the end of the policy',
    'ポリシーの終わりのあとに余分な文字があります',
  ),
  InvalidCommentToken: l(
    'comments are not allowed in IAM policies',
    'IAM ポリシーにはコメントを書けません',
  ),
  UnexpectedEndOfComment: l('a comment is not closed', 'コメントが閉じられていません'),
  UnexpectedEndOfString: l('a string is not closed', '文字列が閉じられていません'),
  UnexpectedEndOfNumber: l('a number is cut off', '数値が途中で終わっています'),
  InvalidUnicode: l('invalid unicode escape', 'Unicode エスケープが正しくありません'),
  InvalidEscapeCharacter: l('invalid escape sequence', 'エスケープシーケンスが正しくありません'),
  InvalidCharacter: l('a control character inside a string', '文字列の中に制御文字があります'),
  TrailingComma: l('trailing commas are not allowed', '末尾のカンマは使えません'),
  Empty: l('the policy is empty', 'ポリシーが空です'),
};

export const M = {
  malformedJson(error: string, line: number, column: number): Localized {
    const detail = JSON_ERRORS[error] ?? l('syntax error', '構文エラーがあります');
    if (error === 'Empty')
      return l(
        'the policy is empty, not a JSON object',
        'ポリシーが空です（JSON オブジェクトが必要です）',
      );
    return l(
      `the policy is not valid JSON: ${detail.en} at line ${line}, column ${column}`,
      `ポリシーが正しい JSON ではありません: ${line} 行 ${column} 列目で${detail.ja}`,
    );
  },
  tooDeep(max: number): Localized {
    return l(
      `the policy nests values deeper than ${max} levels`,
      `ポリシーの値の入れ子が ${max} 段を超えています`,
    );
  },
  textTooLong(max: number): Localized {
    return l(
      `the policy text is longer than ${max} characters, more than the simulator reads`,
      `ポリシーのテキストが ${max} 文字を超えているため、シミュレーターでは読み込めません`,
    );
  },
  notSerialisable(): Localized {
    return l(
      'the policy object cannot be turned into JSON text',
      'ポリシーのオブジェクトを JSON テキストに変換できません',
    );
  },
  notAnObject(type: string): Localized {
    const t = jsonTypeName(type);
    return l(
      `the policy must be a JSON object, not ${t.en}`,
      `ポリシーは JSON オブジェクトで書いてください（${t.ja}になっています）`,
    );
  },
  invalidCharacter(char: string, codePoint: number, count: number): Localized {
    const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const more = count > 1 ? l(` and ${count - 1} more`, `ほか ${count - 1} 文字`) : l('', '');
    return l(
      `the policy contains ${code(char)} (${hex})${more.en}, but IAM policies accept only tab, line breaks and characters U+0020 to U+00FF`,
      `ポリシーに使えない文字 ${code(char)}（${hex}）${more.ja}が含まれています（使えるのはタブ、改行、U+0020〜U+00FF の文字だけです）`,
    );
  },
  unknownElement(name: string, inStatement: boolean, suggestion: string | null): Localized {
    const where = inStatement ? l('a statement', 'ステートメント') : l('a policy', 'ポリシー');
    if (suggestion !== null) {
      return l(
        `${code(name)} is not an element of ${where.en}; element names are case-sensitive, write ${code(suggestion)}`,
        `${code(name)} は${where.ja}の要素ではありません（要素名は大文字と小文字を区別します。${code(suggestion)} と書いてください）`,
      );
    }
    return l(
      `${code(name)} is not an element of ${where.en}`,
      `${code(name)} は${where.ja}の要素ではありません`,
    );
  },
  wrongType(element: string, expected: Expected, actual: string): Localized {
    const e = EXPECTED[expected];
    const a = jsonTypeName(actual);
    return l(
      `${code(element)} must be ${e.en}, not ${a.en}`,
      `${code(element)} は${e.ja}で指定してください（${a.ja}になっています）`,
    );
  },
  duplicateKey(key: string): Localized {
    return l(
      `${code(key)} appears more than once in the same object`,
      `同じオブジェクトの中で ${code(key)} が重複しています`,
    );
  },
  invalidVersion(value: string): Localized {
    return l(
      `${code(value)} is not a policy language version; use \`2012-10-17\``,
      `${code(value)} はポリシー言語のバージョンではありません（\`2012-10-17\` を指定してください）`,
    );
  },
  missingVersion(): Localized {
    return l(
      'the policy has no `Version`, so policy variables such as `${aws:username}` are read as literal text; add `"Version": "2012-10-17"`',
      '`Version` がないため、`${aws:username}` などのポリシー変数はただの文字列として扱われます（`"Version": "2012-10-17"` を追加してください）',
    );
  },
  variablesInOldVersion(value: string, version: string | null): Localized {
    if (version === null) {
      return l(
        `${code(value)} holds a policy variable, but without \`Version\` it is compared as literal text`,
        `${code(value)} にはポリシー変数がありますが、\`Version\` がないためただの文字列として比較されます`,
      );
    }
    return l(
      `${code(value)} holds a policy variable, but version ${code(version)} compares it as literal text`,
      `${code(value)} にはポリシー変数がありますが、バージョン ${code(version)} ではただの文字列として比較されます`,
    );
  },
  missingStatement(): Localized {
    return l('the policy has no `Statement`', 'ポリシーに `Statement` がありません');
  },
  emptyStatement(): Localized {
    return l(
      '`Statement` is empty: a policy needs at least one statement',
      '`Statement` が空です（ステートメントが 1 つ以上必要です）',
    );
  },
  missingEffect(): Localized {
    return l('the statement has no `Effect`', 'ステートメントに `Effect` がありません');
  },
  invalidEffect(value: string): Localized {
    return l(
      `\`Effect\` must be \`Allow\` or \`Deny\` (case-sensitive), not ${code(value)}`,
      `\`Effect\` には \`Allow\` か \`Deny\` を指定してください（大文字と小文字を区別します。${code(value)} になっています）`,
    );
  },
  missingAction(): Localized {
    return l(
      'the statement has neither `Action` nor `NotAction`',
      'ステートメントに `Action` も `NotAction` もありません',
    );
  },
  both(a: string, b: string): Localized {
    return l(
      `a statement cannot have both \`${a}\` and \`${b}\``,
      `1 つのステートメントに \`${a}\` と \`${b}\` を両方書くことはできません`,
    );
  },
  missingResource(kind: PolicyKind): Localized {
    const k = kindName(kind);
    return l(
      `a statement in ${k.en} needs \`Resource\` or \`NotResource\``,
      `${k.ja}のステートメントには \`Resource\` か \`NotResource\` が必要です`,
    );
  },
  notAllowedInKind(element: string, kind: PolicyKind): Localized {
    const k = kindName(kind);
    return l(`\`${element}\` cannot be used in ${k.en}`, `${k.ja}では \`${element}\` を使えません`);
  },
  resourceInTrust(): Localized {
    return l(
      'a role trust policy cannot have `Resource`: the role itself is the resource',
      'ロールの信頼ポリシーには `Resource` を書けません（ロール自体がリソースです）',
    );
  },
  missingPrincipal(kind: PolicyKind): Localized {
    const k = kindName(kind);
    return l(
      `a statement in ${k.en} must name a \`Principal\``,
      `${k.ja}のステートメントには \`Principal\` が必要です`,
    );
  },
  principalGroup(value: string): Localized {
    return l(
      `${code(value)} is an IAM group, and a group is never a principal: trust the account and grant \`sts:AssumeRole\` to the group in an identity-based policy`,
      `${code(value)} は IAM グループです。グループはプリンシパルになれないため、アカウントを信頼し、グループにはアイデンティティベースのポリシーで \`sts:AssumeRole\` を許可してください`,
    );
  },
  principalWildcard(value: string): Localized {
    return l(
      `${code(value)} has a wildcard inside a principal; only a lone \`"*"\` is allowed`,
      `${code(value)} のようにプリンシパルの一部にワイルドカードは使えません（使えるのは単独の \`"*"\` だけです）`,
    );
  },
  principalType(type: string): Localized {
    return l(
      `${code(type)} is not a principal type; use \`AWS\`, \`Federated\`, \`Service\` or \`CanonicalUser\``,
      `${code(type)} はプリンシパルの種類ではありません（\`AWS\`、\`Federated\`、\`Service\`、\`CanonicalUser\` のいずれかを使ってください）`,
    );
  },
  principalString(value: string): Localized {
    return l(
      `\`Principal\` as a string can only be \`"*"\`, not ${code(value)}; write \`{"AWS": …}\``,
      `文字列の \`Principal\` に書けるのは \`"*"\` だけです（${code(value)} になっています）。\`{"AWS": …}\` の形で書いてください`,
    );
  },
  principalMalformed(type: string, value: string): Localized {
    return l(
      `${code(value)} is not a valid \`${type}\` principal`,
      `${code(value)} は \`${type}\` のプリンシパルとして正しくありません`,
    );
  },
  principalWrongSlot(value: string, type: string, belongs: string): Localized {
    return l(
      `${code(value)} is not an \`${type}\` principal; it belongs under \`${belongs}\``,
      `${code(value)} は \`${type}\` のプリンシパルではありません（\`${belongs}\` に書いてください）`,
    );
  },
  principalUniqueId(value: string): Localized {
    return l(
      `${code(value)} is a unique ID: the user or role it named was deleted, and recreating it will not restore this access`,
      `${code(value)} は一意の ID です。元のユーザーまたはロールは削除されており、同じ名前で作り直してもこのアクセスは戻りません`,
    );
  },
  rcpPrincipal(): Localized {
    return l(
      'a resource control policy (RCP) must use `"Principal": "*"`',
      'リソースコントロールポリシー（RCP）では `"Principal": "*"` を指定してください',
    );
  },
  invalidArn(value: string, reason: Localized): Localized {
    return l(
      `${code(value)} is not a valid ARN or \`*\`: ${reason.en}`,
      `${code(value)} は正しい ARN でも \`*\` でもありません: ${reason.ja}`,
    );
  },
  variableBeforeResourcePart(value: string): Localized {
    return l(
      `${code(value)} has a policy variable before the fifth colon; variables may stand only in the resource part of an ARN, not in the partition, service, Region or account`,
      `${code(value)} の 5 番目のコロンより前にポリシー変数があります。変数を使えるのは ARN のリソース部分だけで、パーティション・サービス・リージョン・アカウントには使えません`,
    );
  },
  rcpAllowNotSupported(): Localized {
    return l(
      "an RCP can only deny: `Allow` is supported only in AWS's own `RCPFullAWSAccess`",
      'RCP は拒否だけを書けます。`Allow` が使えるのは AWS の `RCPFullAWSAccess` だけです',
    );
  },
  invalidAction(value: string): Localized {
    return l(
      `${code(value)} is not an action; write \`service:ActionName\` or \`*\``,
      `${code(value)} はアクションとして正しくありません（\`サービス:アクション名\` か \`*\` の形で書いてください）`,
    );
  },
  invalidTrustAction(value: string): Localized {
    return l(
      `${code(value)} cannot appear in a role trust policy; use \`sts:AssumeRole\`, \`sts:AssumeRoleWithSAML\`, \`sts:AssumeRoleWithWebIdentity\`, \`sts:TagSession\` or \`sts:SetSourceIdentity\``,
      `ロールの信頼ポリシーに ${code(value)} は書けません（\`sts:AssumeRole\`、\`sts:AssumeRoleWithSAML\`、\`sts:AssumeRoleWithWebIdentity\`、\`sts:TagSession\`、\`sts:SetSourceIdentity\` のいずれかを使ってください）`,
    );
  },
  unknownOperator(operator: string, suggestion: string | null): Localized {
    if (suggestion !== null) {
      return l(
        `${code(operator)} is not a condition operator; operator names are case-sensitive, write ${code(suggestion)}`,
        `${code(operator)} は条件演算子ではありません（大文字と小文字を区別します。${code(suggestion)} と書いてください）`,
      );
    }
    return l(
      `${code(operator)} is not a condition operator`,
      `${code(operator)} は条件演算子ではありません`,
    );
  },
  nullWithIfExists(operator: string): Localized {
    return l(
      `${code(operator)} is not allowed: \`IfExists\` cannot be added to \`Null\`, which already tests whether the key exists`,
      `${code(operator)} は使えません（\`Null\` はキーの有無を調べる演算子なので \`IfExists\` を付けられません）`,
    );
  },
  invalidBool(operator: string, value: string): Localized {
    return l(
      `${code(operator)} takes \`true\` or \`false\`, not ${code(value)}`,
      `${code(operator)} には \`true\` か \`false\` を指定してください（${code(value)} になっています）`,
    );
  },
  invalidNumeric(operator: string, value: string): Localized {
    return l(
      `${code(value)} is not a number, which ${code(operator)} needs`,
      `${code(value)} は数値ではありません（${code(operator)} には数値が必要です）`,
    );
  },
  invalidDate(operator: string, value: string): Localized {
    return l(
      `${code(value)} is neither an ISO 8601 date nor epoch time, which ${code(operator)} needs`,
      `${code(value)} は ISO 8601 形式の日時でもエポック秒でもありません（${code(operator)} には日時が必要です）`,
    );
  },
  invalidIp(operator: string, value: string): Localized {
    return l(
      `${code(value)} is not an IPv4 or IPv6 address or CIDR range, which ${code(operator)} needs`,
      `${code(value)} は IPv4・IPv6 のアドレスでも CIDR 範囲でもありません（${code(operator)} には IP アドレスが必要です）`,
    );
  },
  invalidBinary(operator: string, value: string): Localized {
    return l(
      `${code(value)} is not base64, which ${code(operator)} needs`,
      `${code(value)} は base64 ではありません（${code(operator)} には base64 で書いた値が必要です）`,
    );
  },
  sizeExceeded(size: number, limit: number, kind: PolicyKind): Localized {
    const k = kindName(kind);
    return l(
      `the policy has ${size} characters not counting white space, over the ${limit}-character limit for ${k.en}`,
      `ポリシーは空白を除いて ${size} 文字あり、${k.ja}の上限 ${limit} 文字を超えています`,
    );
  },
  duplicateSid(sid: string): Localized {
    return l(
      `the \`Sid\` ${code(sid)} is used by more than one statement`,
      `\`Sid\` ${code(sid)} が複数のステートメントで使われています`,
    );
  },
  invalidSid(sid: string): Localized {
    return l(
      `the \`Sid\` ${code(sid)} may contain only letters A–Z, a–z and digits 0–9 in IAM policies`,
      `IAM ポリシーの \`Sid\` には英字（A–Z、a–z）と数字（0–9）しか使えません（${code(sid)} になっています）`,
    );
  },
  idInIdentity(kind: PolicyKind): Localized {
    const k = kindName(kind);
    return l(
      `\`Id\` is meant for resource-based policies and should not appear in ${k.en}`,
      `\`Id\` はリソースベースのポリシー用の要素で、${k.ja}には書かないでください`,
    );
  },
  emptyValue(element: string): Localized {
    return l(
      `\`${element}\` is empty, so it matches nothing`,
      `\`${element}\` が空のため、何にも一致しません`,
    );
  },
  tooManyFindings(max: number): Localized {
    return l(
      `more than ${max} findings; only the first ${max} are shown`,
      `指摘が ${max} 件を超えたため、最初の ${max} 件だけを表示しています`,
    );
  },
  trustAllowsAnyone(): Localized {
    return l(
      'this statement lets any principal (`*`) assume the role with no condition',
      'このステートメントは、条件なしで誰でも（`*`）ロールを引き受けられるようにしています',
    );
  },
  trustAllowsAnyoneIf(): Localized {
    return l(
      'this statement lets any principal (`*`) of any AWS account assume the role: its conditions do not say who the caller is (name the principals, or narrow `aws:PrincipalOrgID`, `aws:PrincipalAccount` or `aws:PrincipalArn`)',
      'このステートメントでは、どの AWS アカウントのプリンシパル（`*`）でもロールを引き受けられます。条件が呼び出し元を絞り込んでいないためです（プリンシパルを指定するか、`aws:PrincipalOrgID`、`aws:PrincipalAccount`、`aws:PrincipalArn` で絞り込みます）',
    );
  },
  allowWithNotPrincipal(): Localized {
    return l(
      '`Allow` with `NotPrincipal` grants access to every principal not listed, anonymous users included',
      '`Allow` と `NotPrincipal` の組み合わせは、列挙されていないすべてのプリンシパル（匿名ユーザーを含む）にアクセスを許可します',
    );
  },
  githubWithoutSub(): Localized {
    return l(
      'the trust for `token.actions.githubusercontent.com` has no condition on `token.actions.githubusercontent.com:sub`, so any GitHub repository can assume the role',
      '`token.actions.githubusercontent.com` への信頼に `token.actions.githubusercontent.com:sub` の条件がないため、どの GitHub リポジトリからでもロールを引き受けられます',
    );
  },
  oidcWithoutAud(provider: string, key: string): Localized {
    return l(
      `the trust for ${code(provider)} has no condition on ${code(key)}, so tokens issued to any application of that provider are accepted`,
      `${code(provider)} への信頼に ${code(key)} の条件がないため、そのプロバイダーのどのアプリケーション向けのトークンでも受け入れてしまいます`,
    );
  },
  thirdPartyWithoutExternalId(account: string): Localized {
    return l(
      `account ${code(account)} is a third party, but this statement does not require \`sts:ExternalId\`, which leaves the role open to the confused deputy problem`,
      `アカウント ${code(account)} はサードパーティですが、このステートメントは \`sts:ExternalId\` を要求していないため、「混乱した代理」問題を防げません`,
    );
  },
  samlWithoutAud(provider: string): Localized {
    return l(
      `the trust for ${code(provider)} has no \`SAML:aud\` condition; add \`"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}\``,
      `${code(provider)} への信頼に \`SAML:aud\` の条件がありません（\`"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}\` を追加してください）`,
    );
  },
} as const;
