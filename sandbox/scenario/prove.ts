// Every scenario proves itself: each exercise has something to do (its start fails at least
// one of its own goals) and the whole thing can be done (start + solution passes every goal).
import { applyOverlay, checkGoals, type GoalResult } from './run.ts';
import type { Scenario } from './types.ts';

export interface ExerciseProof {
  readonly exercise: string;
  readonly ok: boolean;
  /** This exercise's goals that fail at the start: what the learner has to change. */
  readonly startFails: readonly string[];
  /** This exercise's goals that already hold at the start: they must keep holding. */
  readonly guards: readonly string[];
}

export interface Proof {
  readonly scenario: string;
  readonly ok: boolean;
  readonly start: readonly GoalResult[];
  readonly solved: readonly GoalResult[];
  /** True when the start state already passes every goal: the scenario asks nothing. */
  readonly startAlreadySolved: boolean;
  /** Goals that start + solution still fails. */
  readonly unsolved: readonly GoalResult[];
  /** One per exercise, in order; an exercise whose goals all hold at the start is not ok. */
  readonly exercises: readonly ExerciseProof[];
}

export function proveScenario(scenario: Scenario): Proof {
  const start = checkGoals(scenario.world, scenario.clockStart, scenario.goals);
  const solved = checkGoals(
    applyOverlay(scenario.world, scenario.solution),
    scenario.clockStart,
    scenario.goals,
  );
  const passedAtStart = new Set(start.filter((g) => g.passed).map((g) => g.goal.id));
  const exercises = scenario.exercises.map((e): ExerciseProof => {
    const guards = e.goals.filter((id) => passedAtStart.has(id));
    const startFails = e.goals.filter((id) => !passedAtStart.has(id));
    return { exercise: e.id, ok: startFails.length > 0, startFails, guards };
  });
  const startAlreadySolved = start.every((g) => g.passed);
  const unsolved = solved.filter((g) => !g.passed);
  return {
    scenario: scenario.id,
    ok: !startAlreadySolved && unsolved.length === 0 && exercises.every((e) => e.ok),
    start,
    solved,
    startAlreadySolved,
    unsolved,
    exercises,
  };
}
