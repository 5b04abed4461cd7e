export {
  activeGates,
  assumeRoleMachine,
  decidingStep,
  GATE_STATES,
} from './assume-role.machine.ts';
export type { AssumeRoleContext, AssumeRoleEvent, AssumeRoleInput } from './assume-role.machine.ts';
