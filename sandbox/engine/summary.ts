// The one-sentence summary of a decision, in English and Japanese. Messages follow the house
// style: lowercase, no final period, user input in backticks.
import type { Localized } from '../policy/types.ts';
import type { PreparedRequest } from './request.ts';
import type { DecisionReason, GateResult, PrincipalMatchKind, StatementRef } from './types.ts';

/** `Sid` when the statement has one, else its position, e.g. `Statement[1]`. */
export function statementLabel(ref: StatementRef): string {
  return ref.sid !== undefined && ref.sid !== '' ? ref.sid : `Statement[${ref.index}]`;
}

export function refText(ref: StatementRef): Localized {
  const label = statementLabel(ref);
  return {
    en: `statement \`${label}\` of \`${ref.policy}\``,
    ja: `\`${ref.policy}\` のステートメント \`${label}\``,
  };
}

/** How the deciding statement's `Principal` named the caller, read from the gates' traces. */
function principalMatchOf(
  gates: readonly GateResult[],
  ref: StatementRef,
): PrincipalMatchKind | undefined {
  for (const gate of gates) {
    for (const policy of gate.policies) {
      if (policy.doc !== ref.doc || policy.policy !== ref.policy) continue;
      const statement = policy.statements.find((s) => s.ref.path === ref.path);
      const match = statement?.matches.find((m) => m.element === 'Principal');
      if (match !== undefined) return match.principalMatch;
    }
  }
  return undefined;
}

function levelOf(gates: readonly GateResult[], id: 'scp' | 'rcp'): string {
  const reason = gates.find((g) => g.gate === id)?.reason ?? '';
  return reason.startsWith('no-allow-at-level-') ? reason.slice('no-allow-at-level-'.length) : '?';
}

export function summarize(
  reason: DecisionReason,
  req: PreparedRequest,
  gates: readonly GateResult[],
  deciding: readonly StatementRef[],
): Localized {
  const action = `\`${req.request.action}\``;
  const who = `\`${req.caller.text}\``;
  // An allow is credited to the statement that granted it, not to the SCP or RCP Allow that
  // merely let it through (those come first in `deciding`, in AWS's order of the gates).
  const first =
    reason === 'explicit-deny'
      ? deciding[0]
      : (deciding.find((r) => r.policyKind !== 'scp' && r.policyKind !== 'rcp') ?? deciding[0]);
  const by = first === undefined ? { en: 'a statement', ja: 'ステートメント' } : refText(first);
  switch (reason) {
    case 'undeniable-action':
      return {
        en: `allowed: ${action} needs no permission, and no policy can deny it`,
        ja: `${action} には権限が不要で、どのポリシーでも拒否できないため許可されます`,
      };
    case 'explicit-deny':
      return {
        en: `explicitly denied by ${by.en}, and an explicit deny overrides every allow`,
        ja: `${by.ja} が明示的に拒否しており、明示的な拒否はどの許可よりも優先されます`,
      };
    case 'scp-no-allow': {
      const level = levelOf(gates, 'scp');
      return {
        en: `implicitly denied: no SCP at level ${level} of the organization path allows ${action}`,
        ja: `暗黙的に拒否: 組織のパスのレベル ${level} に ${action} を許可する SCP がありません`,
      };
    }
    case 'rcp-no-allow': {
      const level = levelOf(gates, 'rcp');
      return {
        en: `implicitly denied: no RCP at level ${level} of the organization path allows ${action}`,
        ja: `暗黙的に拒否: 組織のパスのレベル ${level} に ${action} を許可する RCP がありません`,
      };
    }
    case 'trust-does-not-allow':
      return {
        en: `implicitly denied: the role's trust policy does not allow ${who} to call ${action}, and identity permissions alone never suffice`,
        ja: `暗黙的に拒否: ロールの信頼ポリシーが ${who} に ${action} を許可していません（アイデンティティベースのポリシーだけでは引き受けられません）`,
      };
    case 'resource-does-not-allow':
      return {
        en: `implicitly denied: the resource-based policy does not allow ${who}`,
        ja: `暗黙的に拒否: リソースベースのポリシーが ${who} を許可していません`,
      };
    case 'identity-does-not-allow':
      return {
        en: `implicitly denied: no identity-based policy of ${who} allows ${action}`,
        ja: `暗黙的に拒否: ${who} のアイデンティティベースのポリシーに ${action} を許可するものがありません`,
      };
    case 'boundary-does-not-allow':
      return {
        en: `implicitly denied: the permissions boundary does not allow ${action}`,
        ja: `暗黙的に拒否: アクセス許可の境界が ${action} を許可していません`,
      };
    case 'session-does-not-allow':
      return {
        en: `implicitly denied: the session policy does not allow ${action}`,
        ja: `暗黙的に拒否: セッションポリシーが ${action} を許可していません`,
      };
    case 'federated-user-without-session-policy':
      return {
        en: `implicitly denied: a federated user session without a session policy has no permissions`,
        ja: `暗黙的に拒否: セッションポリシーのないフェデレーションユーザーのセッションには権限がありません`,
      };
    case 'key-policy-does-not-allow':
      return {
        en: `implicitly denied: the KMS key policy does not allow ${who} to call ${action}, and identity permissions count only where the key policy delegates to the account`,
        ja: `暗黙的に拒否: KMS キーポリシーが ${who} に ${action} を許可していません（アイデンティティベースのポリシーが効くのは、キーポリシーがアカウントに委任している場合だけです）`,
      };
    // authorize() words these two itself, naming the rule; kept for a complete switch.
    case 'credentials-cannot-call':
      return {
        en: `denied whatever the policies say: these credentials cannot call ${action}`,
        ja: `ポリシーの内容にかかわらず拒否: この認証情報では ${action} を呼び出せません`,
      };
    case 'refused-by-aws':
      return {
        en: `denied whatever the policies say: AWS refuses ${action} on this resource`,
        ja: `ポリシーの内容にかかわらず拒否: AWS はこのリソースへの ${action} を受け付けません`,
      };
    case 'no-allow':
      return {
        en: `implicitly denied: no identity-based or resource-based policy allows ${action} for ${who}`,
        ja: `暗黙的に拒否: ${who} に ${action} を許可するアイデンティティベースのポリシーもリソースベースのポリシーもありません`,
      };
    case 'allowed-by-resource':
      return {
        en: `allowed by ${by.en}; ${who} belongs to no AWS account, so the resource-based policy alone decides`,
        ja: `${by.ja} により許可されました。${who} はどの AWS アカウントにも属さないため、リソースベースのポリシーだけで決まります`,
      };
    case 'allowed-by-resource-naming-caller':
      // Looked up only here: every other decision would pay for the walk through the gates.
      if (first !== undefined && principalMatchOf(gates, first) === 'wildcard')
        return {
          en: `allowed by ${by.en}, which allows any principal (\`"Principal": "*"\`), so implicit denies in the identity-based policies of ${who} do not apply`,
          ja: `${by.ja} がすべてのプリンシパルを許可している（\`"Principal": "*"\`）ため、${who} のアイデンティティベースのポリシー側の暗黙的な拒否は影響しません`,
        };
      return {
        en: `allowed by ${by.en}, which names ${who} directly, so implicit denies in its identity-based policies do not apply`,
        ja: `${by.ja} が ${who} を直接指定して許可しているため、アイデンティティベースのポリシー側の暗黙的な拒否は影響しません`,
      };
    case 'allowed-by-resource-naming-role':
      return {
        en: `allowed by ${by.en}, which names the role, and the role's boundary and session policy allow it too`,
        ja: `${by.ja} がロールを指定して許可し、ロールのアクセス許可の境界とセッションポリシーも許可しています`,
      };
    case 'allowed-by-identity':
      return {
        en: `allowed by ${by.en}, and every other applicable policy allows it too`,
        ja: `${by.ja} により許可され、ほかに適用されるポリシーもすべて許可しています`,
      };
    case 'allowed-cross-account': {
      // Both grants are credited: the caller's identity statement and the resource's own.
      const mine = deciding.find((r) => r.policyKind === 'identity');
      const theirs = deciding.find((r) => r.policyKind === 'resource' || r.policyKind === 'trust');
      if (mine !== undefined && theirs !== undefined) {
        const a = refText(mine);
        const b = refText(theirs);
        return {
          en: `allowed, as both accounts allow it: the caller's through ${a.en} and the resource's through ${b.en}`,
          ja: `呼び出し元アカウントでは ${a.ja}、リソース側アカウントでは ${b.ja} が許可しているため許可されます`,
        };
      }
      return {
        en: `allowed, as both accounts allow it: the caller's through its identity-based policy and the resource's through its resource-based policy`,
        ja: `呼び出し元アカウントのアイデンティティベースのポリシーとリソース側アカウントのリソースベースのポリシーの両方が許可しているため許可されます`,
      };
    }
    case 'internal-error':
      return {
        en: 'the simulator failed on this request',
        ja: 'シミュレーターがこのリクエストの評価に失敗しました',
      };
  }
}
