// The people a scenario's IdPs sign in: every SAML assertion and OIDC token its attempts and
// goals send. The map shows each of them beside "any user of the IdP", so that a trust edit
// reads as "carol can no longer assume Developer", not only as a claim that is now needed.
import type { Scenario } from '../scenario/types.ts';
import type { FederatedIdentity } from './types.ts';

export function scenarioIdentities(
  scenario: Pick<Scenario, 'attempts' | 'goals'>,
): FederatedIdentity[] {
  const out: FederatedIdentity[] = [];
  const seen = new Set<string>();
  for (const attempt of [...scenario.attempts, ...scenario.goals]) {
    for (const { call } of attempt.steps) {
      let identity: FederatedIdentity | null = null;
      let key = '';
      if (call.op === 'AssumeRoleWithSAML') {
        identity = { protocol: 'saml', provider: call.principalArn, assertion: call.assertion };
        key = `saml|${call.principalArn}|${call.assertion.nameId}`;
      } else if (call.op === 'AssumeRoleWithWebIdentity') {
        identity = { protocol: 'oidc', token: call.token };
        key = `oidc|${call.token.iss}|${call.token.sub}`;
      }
      // The first time a person appears is how the scenario introduces them; later steps
      // that send the same person with a broken token test STS, not who they are.
      if (identity === null || seen.has(key)) continue;
      seen.add(key);
      out.push(identity);
    }
  }
  return out;
}
