// The island's only door into the simulator core. Everything the UI asks of the core goes
// through these few functions, so a change in the core's API is one edit here.
import { parsePolicy } from '../../sandbox/policy/index.ts';
import type { Finding, PolicyKind } from '../../sandbox/policy/types.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import type { CallOutcome, StsCall } from '../../sandbox/sts/types.ts';
import type { Caller, Session, World } from '../../sandbox/world/types.ts';

export function findingsFor(text: string, kind: PolicyKind, name: string): readonly Finding[] {
  return parsePolicy(text, { kind, name }).findings;
}

export interface CallInput {
  readonly world: World;
  readonly now: number;
  readonly sessions: readonly Session[];
  readonly caller: Caller;
  readonly call: StsCall;
}

/** `null` while the core has no STS entry point (reported to the learner, never thrown). */
export type RunCall = ((input: CallInput) => CallOutcome) | null;

export const runCall: RunCall = null;

/** Goal id → met for the given document texts; `null` while the core cannot check goals. */
export const checkGoals:
  | ((scenario: Scenario, documents: Readonly<Record<string, string>>) => Record<string, boolean>)
  | null = null;
