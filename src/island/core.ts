// The island's only door into the simulator core. Everything the UI asks of the core goes
// through these few functions, so a change in the core's API is one edit here.
import { parsePolicy, type ParseOptions } from '../../sandbox/policy/index.ts';
import type { Finding } from '../../sandbox/policy/types.ts';
// run.ts, not the scenario index: the index also brings the loader and its zod schema.
import { checkGoals as checkScenarioGoals } from '../../sandbox/scenario/run.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { runCall as runStsCall } from '../../sandbox/sts/call.ts';
import type { CallOutcome, StsCall } from '../../sandbox/sts/types.ts';
import type { Caller, Session, World } from '../../sandbox/world/types.ts';

/**
 * The findings the editor shows for a document: parsed with the options the engine uses for
 * it (`documentPolicyOptions(world, docId)`: kind, third parties, size quota), so the editor
 * warns about what the engine sees, the third-party trust without `sts:ExternalId` included.
 */
export function findingsFor(text: string, options: ParseOptions): readonly Finding[] {
  return parsePolicy(text, options).findings;
}

export interface CallInput {
  readonly world: World;
  readonly now: number;
  readonly sessions: readonly Session[];
  readonly caller: Caller;
  readonly call: StsCall;
}

export function runCall(input: CallInput): CallOutcome {
  return runStsCall(
    { world: input.world, now: input.now, sessions: input.sessions },
    input.caller,
    input.call,
  );
}

/** Goal id → met, with the given document texts in place of the scenario's. */
export function checkGoals(
  scenario: Scenario,
  documents: Readonly<Record<string, string>>,
): Record<string, boolean> {
  const world = { ...scenario.world, documents: { ...scenario.world.documents, ...documents } };
  const out: Record<string, boolean> = {};
  for (const r of checkScenarioGoals(world, scenario.clockStart, scenario.goals))
    out[r.goal.id] = r.passed;
  return out;
}
