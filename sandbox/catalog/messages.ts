// The catalog findings' sentences in English and Japanese, side by side. Style as in
// policy/messages.ts: one lowercase sentence, no final period, user input in backticks.
import { code } from '../policy/messages.ts';
import type { Localized } from '../policy/types.ts';

function l(en: string, ja: string): Localized {
  return { en, ja };
}

function didYouMean(suggestion: string | null): Localized {
  return suggestion === null
    ? l('', '')
    : l(`; did you mean ${code(suggestion)}?`, `（${code(suggestion)} の間違いではありませんか）`);
}

export const CM = {
  unknownService(prefix: string, suggestion: string | null): Localized {
    const d = didYouMean(suggestion);
    return l(
      `${code(prefix)} is not the prefix of any AWS service${d.en}`,
      `${code(prefix)} という AWS サービスのプレフィックスはありません${d.ja}`,
    );
  },
  unknownAction(action: string, service: string, suggestion: string | null): Localized {
    const d = didYouMean(suggestion);
    return l(
      `${code(action)} is not an action of ${service}${d.en}`,
      `${code(action)} は ${service} のアクションではありません${d.ja}`,
    );
  },
  wildcardMatchesNothing(pattern: string, service: string): Localized {
    return l(
      `${code(pattern)} matches no action of ${service}, so this entry grants or denies nothing`,
      `${code(pattern)} に一致する ${service} のアクションがないため、この項目は何も許可も拒否もしません`,
    );
  },
  unknownConditionKey(key: string): Localized {
    return l(
      `${code(key)} is not a condition key of any AWS service nor a global condition key`,
      `${code(key)} はどの AWS サービスの条件キーでもグローバル条件キーでもありません`,
    );
  },
  unsupportedConditionKey(key: string, actions: readonly string[]): Localized {
    const list = actions.slice(0, 3).map(code).join(', ');
    const more =
      actions.length > 3
        ? l(` and ${actions.length - 3} more`, ` ほか ${actions.length - 3} 件`)
        : l('', '');
    return l(
      `none of this statement's actions (${list}${more.en}) supports ${code(key)}, so the request never carries it and the condition does not work as written`,
      `このステートメントのアクション（${list}${more.ja}）はどれも ${code(key)} に対応していないため、リクエストにこのキーは含まれず、条件は書いたとおりには働きません`,
    );
  },
  operatorTypeMismatch(operator: string, key: string, type: string): Localized {
    return l(
      `${code(operator)} does not fit ${code(key)}, whose values are of type ${type}`,
      `${code(operator)} は ${code(key)}（値の型は ${type}）には合いません`,
    );
  },
  resourceTypeMismatch(
    arn: string,
    actions: readonly string[],
    types: readonly string[],
  ): Localized {
    const a = actions.slice(0, 3).map(code).join(', ');
    const t = types.slice(0, 4).map(code).join(', ');
    return l(
      `${code(arn)} is not a resource that ${a}${actions.length > 3 ? ' …' : ''} can act on (they take ${t}), so it matches no request of them`,
      `${code(arn)} は ${a}${actions.length > 3 ? ' …' : ''} の対象になるリソースではないため（対象は ${t}）、どのリクエストにも一致しません`,
    );
  },
  passRoleWithStar(): Localized {
    return l(
      '`iam:PassRole` with `"Resource": "*"` lets the caller hand any role of the account, however powerful, to a service; name the roles it may pass',
      '`iam:PassRole` に `"Resource": "*"` を指定すると、アカウントのどのロールでも（強い権限のロールでも）サービスに渡せてしまいます（渡してよいロールを指定してください）',
    );
  },
  allowWithNotAction(): Localized {
    return l(
      '`Allow` with `NotAction` allows every action not listed, in every AWS service, including ones added later; list the actions to allow instead',
      '`Allow` と `NotAction` の組み合わせは、列挙していないすべてのアクションを（後から追加されるサービスのものも含めて）許可します（許可するアクションを列挙してください）',
    );
  },
};
