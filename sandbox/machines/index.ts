export {
  activeGates,
  assumeRoleMachine,
  decidingStep,
  GATE_STATES,
} from './assume-role.machine.ts';
export type { AssumeRoleContext, AssumeRoleEvent, AssumeRoleInput } from './assume-role.machine.ts';
export { sessionMachine } from './session.machine.ts';
export type { CallRecord, SessionContext, SessionEvent, SessionInput } from './session.machine.ts';
export { exerciseMachine } from './exercise.machine.ts';
export type { ExerciseContext, ExerciseEvent, ExerciseInput } from './exercise.machine.ts';
