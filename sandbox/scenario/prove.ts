// Every scenario proves itself: the start state fails at least one goal (there is something
// to do) and start + solution passes them all (it can be done).
import { applyOverlay, checkGoals, type GoalResult } from './run.ts';
import type { Scenario } from './types.ts';

export interface Proof {
  readonly scenario: string;
  readonly ok: boolean;
  readonly start: readonly GoalResult[];
  readonly solved: readonly GoalResult[];
  /** True when the start state already passes every goal: the exercise asks nothing. */
  readonly startAlreadySolved: boolean;
  /** Goals that start + solution still fails. */
  readonly unsolved: readonly GoalResult[];
}

export function proveScenario(scenario: Scenario): Proof {
  const start = checkGoals(scenario.world, scenario.clockStart, scenario.goals);
  const solved = checkGoals(
    applyOverlay(scenario.world, scenario.solution),
    scenario.clockStart,
    scenario.goals,
  );
  const startAlreadySolved = start.every((g) => g.passed);
  const unsolved = solved.filter((g) => !g.passed);
  return {
    scenario: scenario.id,
    ok: !startAlreadySolved && unsolved.length === 0,
    start,
    solved,
    startAlreadySolved,
    unsolved,
  };
}
