// Runs attempts and goals against a world on the simulated clock: each step's call is made
// with the credentials the previous step returned, as a learner would chain them.
import { advanceMinutes, createClock, isoSeconds } from '../clock/clock.ts';
import { runCall } from '../sts/call.ts';
import type { CallOutcome, StsCall } from '../sts/types.ts';
import { roleUniqueId } from '../world/ids.ts';
import { findRole, findUser } from '../world/lookup.ts';
import { issueCredentials } from '../sts/credentials.ts';
import type { Caller, Session, World } from '../world/types.ts';
import type { Attempt, Exercise, Expectation, Goal, Scenario } from './types.ts';

export type Verdict =
  | { readonly status: 'allowed' }
  | { readonly status: 'denied'; readonly decision: 'explicitDeny' | 'implicitDeny' }
  | { readonly status: 'error'; readonly code: string };

export interface StepResult {
  readonly call: StsCall;
  /** Simulated time of the call. */
  readonly at: number;
  readonly caller: Caller;
  readonly outcome: CallOutcome;
}

export interface AttemptResult {
  readonly steps: readonly StepResult[];
  readonly verdict: Verdict;
  /** Every session that existed at the end (the workload's own, then those handed out). */
  readonly sessions: readonly Session[];
  readonly now: number;
}

export function verdictOf(outcome: CallOutcome): Verdict {
  if (outcome.ok) return { status: 'allowed' };
  if (outcome.decision !== undefined && outcome.error.code === 'AccessDenied') {
    return { status: 'denied', decision: outcome.decision };
  }
  return { status: 'error', code: outcome.error.code };
}

/**
 * Whether a verdict is what a goal expects. `denied` accepts every AccessDenied: an explicit
 * or implicit deny from the policies, and STS's own refusals (a wrong MFA code), since the
 * learner sees the same error for all of them.
 */
export function meets(verdict: Verdict, expect: Expectation): boolean {
  if (expect === 'allowed') return verdict.status === 'allowed';
  if (expect === 'denied') {
    return (
      verdict.status === 'denied' || (verdict.status === 'error' && verdict.code === 'AccessDenied')
    );
  }
  if (typeof expect === 'string') return verdict.status === 'denied' && verdict.decision === expect;
  return verdict.status === 'error' && verdict.code === expect.error;
}

/**
 * A verdict as one word, the vocabulary of the island's `data-decision` and of
 * `iamlab run --json`: `allowed`, `explicitDeny`, `implicitDeny` or `error:<AWS error code>`.
 */
export type DecisionName = 'allowed' | 'explicitDeny' | 'implicitDeny' | `error:${string}`;

export function decisionName(verdict: Verdict): DecisionName {
  if (verdict.status === 'allowed') return 'allowed';
  if (verdict.status === 'denied') return verdict.decision;
  return `error:${verdict.code}`;
}

/** A goal's expectation in the same vocabulary (`denied` for either kind of denial). */
export function expectationName(expect: Expectation): string {
  return typeof expect === 'string' ? expect : `error:${expect.error}`;
}

/**
 * The first caller of an attempt. A role ARN stands for a workload already running as that
 * role (an EC2 instance profile, say), which AWS does not count as role chaining.
 */
export function startingCaller(
  world: World,
  attempt: Pick<Attempt, 'as' | 'signIn'>,
  now: number,
): { caller: Caller; sessions: Session[] } {
  if (attempt.as === undefined) return { caller: { type: 'anonymous' }, sessions: [] };
  const role = findRole(world, attempt.as);
  if (role) {
    const expiresAt = now + 6 * 3600 * 1000;
    const credentials = issueCredentials(`workload|${role.arn}|${now}`, expiresAt);
    const name = 'i-0123456789abcdef0';
    const session: Session = {
      kind: 'assumed-role',
      credentials,
      arn: `arn:aws:sts::${role.account.id}:assumed-role/${role.role.name}/${name}`,
      accountId: role.account.id,
      userId: `${roleUniqueId(role.arn)}:${name}`,
      roleArn: role.arn,
      issuedAt: now,
      expiresAt,
      mfa: { present: false },
      sessionPolicies: [],
      tags: [],
      transitiveTagKeys: [],
      chained: false,
      workload: true,
    };
    return {
      caller: { type: 'session', accessKeyId: credentials.accessKeyId },
      sessions: [session],
    };
  }
  const user = findUser(world, attempt.as);
  const arn = user?.arn ?? attempt.as;
  if (attempt.signIn === 'console' || attempt.signIn === 'console-mfa') {
    return {
      caller: { type: 'console-user', arn, mfa: attempt.signIn === 'console-mfa' },
      sessions: [],
    };
  }
  return { caller: { type: 'user', arn }, sessions: [] };
}

/**
 * Where a run continues from instead of a fresh world: the sessions a learner already holds,
 * the simulated time, and the session whose credentials make the first call.
 */
export interface RunFrom {
  readonly sessions: readonly Session[];
  readonly now: number;
  readonly accessKeyId: string;
}

export function runAttempt(
  world: World,
  clockStart: number,
  attempt: Attempt,
  from?: RunFrom,
): AttemptResult {
  let clock = createClock(from?.now ?? clockStart);
  const start =
    from === undefined
      ? startingCaller(world, attempt, clock.now)
      : {
          caller: { type: 'session', accessKeyId: from.accessKeyId } as Caller,
          sessions: [...from.sessions],
        };
  let caller = start.caller;
  let sessions: Session[] = start.sessions;
  const steps: StepResult[] = [];
  let verdict: Verdict = { status: 'allowed' };
  for (const step of attempt.steps) {
    clock = advanceMinutes(clock, step.advanceMinutes ?? 0);
    const outcome = runCall({ world, now: clock.now, sessions }, caller, step.call);
    steps.push({ call: step.call, at: clock.now, caller, outcome });
    verdict = verdictOf(outcome);
    if (!outcome.ok) break;
    sessions = [...sessions, ...outcome.newSessions];
    const issued = outcome.newSessions[0];
    if (issued) caller = { type: 'session', accessKeyId: issued.credentials.accessKeyId };
  }
  return { steps, verdict, sessions, now: clock.now };
}

export interface GoalResult {
  readonly goal: Goal;
  readonly passed: boolean;
  readonly result: AttemptResult;
}

export function checkGoals(world: World, clockStart: number, goals: readonly Goal[]): GoalResult[] {
  return goals.map((goal) => {
    const result = runAttempt(world, clockStart, goal);
    return { goal, passed: meets(result.verdict, goal.expect), result };
  });
}

/** The world with the solution overlay applied (documents replaced by id). */
export function applyOverlay(world: World, overlay: Readonly<Record<string, string>>): World {
  return { ...world, documents: { ...world.documents, ...overlay } };
}

/**
 * Where a goal stands. A guard is a goal that already holds at the start: the learner must
 * keep it holding (the island shows "holds — keep it so"), it is not progress.
 */
export type GoalStatus = 'met' | 'unmet' | 'guard-holds' | 'guard-broken';

export function goalStatus(met: boolean, guard: boolean): GoalStatus {
  if (guard) return met ? 'guard-holds' : 'guard-broken';
  return met ? 'met' : 'unmet';
}

/** Ids of the goals that hold in the start state. */
export function guardGoals(scenario: Scenario): ReadonlySet<string> {
  const start = checkGoals(scenario.world, scenario.clockStart, scenario.goals);
  return new Set(start.filter((g) => g.passed).map((g) => g.goal.id));
}

/** Whether a goal holds at the start (see `guardGoals` to compute all of them at once). */
export function isGuard(scenario: Scenario, goalId: string): boolean {
  return guardGoals(scenario).has(goalId);
}

/** An exercise is solved when every one of its goals is met (guards included). */
export function exerciseSolved(
  exercise: Exercise,
  met: Readonly<Record<string, boolean>>,
): boolean {
  return exercise.goals.every((id) => met[id] === true);
}

/** One call of an attempt as `iamlab run` prints it and the island shows it. */
export interface CallReport {
  readonly op: StsCall['op'];
  /** The IAM action of a service call, e.g. `s3:GetObject`. */
  readonly action?: string;
  readonly roleArn?: string;
  readonly resource?: string;
  /** AssumeRoot's member account. */
  readonly targetPrincipal?: string;
  /** Switch Role's account (ID or alias) and role name. */
  readonly account?: string;
  readonly roleName?: string;
  /** Who made the call, as the engine saw it. */
  readonly principal: string;
  /** Simulated time of the call, ISO 8601 to the second. */
  readonly time: string;
  readonly decision: DecisionName;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface AttemptReport {
  readonly id: string;
  readonly title: Attempt['title'];
  /** The decision of the last call that ran. */
  readonly decision: DecisionName;
  readonly calls: readonly CallReport[];
}

export interface GoalReport extends AttemptReport {
  readonly met: boolean;
  readonly expected: string;
  /** Holds at the start already; see `goalStatus`. */
  readonly guard: boolean;
  readonly status: GoalStatus;
}

export interface ExerciseReport {
  readonly id: string;
  readonly solved: boolean;
  readonly goals: readonly string[];
}

export interface ScenarioRun {
  readonly attempts: readonly AttemptReport[];
  readonly goals: readonly GoalReport[];
  readonly exercises: readonly ExerciseReport[];
}

function callReport(step: StepResult): CallReport {
  const { call, outcome } = step;
  const decision = decisionName(verdictOf(outcome));
  return {
    op: call.op,
    ...(call.op === 'Call' ? { action: call.action, resource: call.resource } : {}),
    ...('roleArn' in call ? { roleArn: call.roleArn } : {}),
    ...(call.op === 'SwitchRole' ? { account: call.account, roleName: call.roleName } : {}),
    ...(call.op === 'AssumeRoot' ? { targetPrincipal: call.targetPrincipal } : {}),
    principal: outcome.trace.principal,
    time: isoSeconds(step.at),
    decision,
    ...(outcome.ok ? {} : { error: { code: outcome.error.code, message: outcome.error.message } }),
  };
}

function attemptReport(attempt: Attempt, result: AttemptResult): AttemptReport {
  return {
    id: attempt.id,
    title: attempt.title,
    decision: decisionName(result.verdict),
    calls: result.steps.map(callReport),
  };
}

/**
 * Runs every ready-made attempt and every goal of a scenario with the given document texts in
 * place of the start's (the learner's edits, or the solution overlay). The island and
 * `iamlab run` both call this, so what the page shows is what the CLI prints.
 */
export function runScenario(
  scenario: Scenario,
  documents: Readonly<Record<string, string>> = {},
  guards: ReadonlySet<string> = guardGoals(scenario),
): ScenarioRun {
  const world = applyOverlay(scenario.world, documents);
  const attempts = scenario.attempts.map((a) =>
    attemptReport(a, runAttempt(world, scenario.clockStart, a)),
  );
  const goals = checkGoals(world, scenario.clockStart, scenario.goals).map((g): GoalReport => {
    const guard = guards.has(g.goal.id);
    return {
      ...attemptReport(g.goal, g.result),
      met: g.passed,
      expected: expectationName(g.goal.expect),
      guard,
      status: goalStatus(g.passed, guard),
    };
  });
  const met = Object.fromEntries(goals.map((g) => [g.id, g.met]));
  const exercises = scenario.exercises.map((e) => ({
    id: e.id,
    solved: exerciseSolved(e, met),
    goals: e.goals,
  }));
  return { attempts, goals, exercises };
}
