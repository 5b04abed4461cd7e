// One entry point for every call: `(env, caller, call) → outcome`, pure and deterministic.
import type { Caller } from '../world/types.ts';
import { assumeRole, switchRole } from './assume-role.ts';
import type { StsEnv } from './env.ts';
import { assumeRoleWithSaml, assumeRoleWithWebIdentity } from './federation.ts';
import { assumeRoot } from './root.ts';
import { serviceCall } from './service.ts';
import { getCallerIdentity, getFederationToken, getSessionToken } from './tokens.ts';
import type { CallOutcome, StsCall } from './types.ts';

export function runCall(env: StsEnv, caller: Caller, call: StsCall): CallOutcome {
  switch (call.op) {
    case 'AssumeRole':
      return assumeRole(env, caller, call);
    case 'SwitchRole':
      return switchRole(env, caller, call);
    case 'AssumeRoleWithSAML':
      return assumeRoleWithSaml(env, call);
    case 'AssumeRoleWithWebIdentity':
      return assumeRoleWithWebIdentity(env, call);
    case 'GetSessionToken':
      return getSessionToken(env, caller, call);
    case 'GetFederationToken':
      return getFederationToken(env, caller, call);
    case 'AssumeRoot':
      return assumeRoot(env, caller, call);
    case 'GetCallerIdentity':
      return getCallerIdentity(env, caller, call);
    case 'Call':
      return serviceCall(env, caller, call);
  }
}
