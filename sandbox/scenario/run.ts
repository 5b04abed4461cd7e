// Runs attempts and goals against a world on the simulated clock: each step's call is made
// with the credentials the previous step returned, as a learner would chain them.
import { advanceMinutes, createClock } from '../clock/clock.ts';
import { runCall } from '../sts/call.ts';
import type { CallOutcome, StsCall } from '../sts/types.ts';
import { roleUniqueId } from '../world/ids.ts';
import { findRole, findUser } from '../world/lookup.ts';
import { issueCredentials } from '../sts/credentials.ts';
import type { Caller, Session, World } from '../world/types.ts';
import type { Attempt, Expectation, Goal } from './types.ts';

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
 * A verdict as one word, the vocabulary of the island's `data-decision` and of
 * `iamlab run --json`: `allowed`, `explicitDeny`, `implicitDeny` or `error:<AWS error code>`.
 */
export function decisionName(verdict: Verdict): string {
  if (verdict.status === 'allowed') return 'allowed';
  if (verdict.status === 'denied') return verdict.decision;
  return `error:${verdict.code}`;
}

/** Whether a verdict is what a goal expects; `{error: 'AccessDenied'}` accepts either denial. */
export function meets(verdict: Verdict, expect: Expectation): boolean {
  if (typeof expect === 'string') {
    return expect === 'allowed'
      ? verdict.status === 'allowed'
      : verdict.status === 'denied' && verdict.decision === expect;
  }
  if (verdict.status === 'denied') return expect.error === 'AccessDenied';
  return verdict.status === 'error' && verdict.code === expect.error;
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
