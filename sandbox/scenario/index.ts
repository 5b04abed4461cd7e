export { loadScenarios } from './load.ts';
export type { LoadResult } from './load.ts';
export { renderProblem } from './messages.ts';
export type { ScenarioProblem } from './messages.ts';
export {
  applyOverlay,
  checkGoals,
  decisionName,
  exerciseSolved,
  expectationName,
  goalStatus,
  guardGoals,
  isGuard,
  meets,
  runAttempt,
  runScenario,
  startingCaller,
  verdictOf,
} from './run.ts';
export type {
  AttemptReport,
  AttemptResult,
  CallReport,
  DecisionName,
  ExerciseReport,
  GoalReport,
  GoalResult,
  GoalStatus,
  ScenarioRun,
  StepResult,
  Verdict,
} from './run.ts';
export { proveScenario } from './prove.ts';
export type { ExerciseProof, Proof } from './prove.ts';
export { scenarioSchema } from './schema.ts';
export type { Attempt, Exercise, Expectation, Goal, Scenario, SignIn, Step } from './types.ts';
