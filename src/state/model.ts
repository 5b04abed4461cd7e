// The learner-owned part of a sandbox: policy texts and the attempt form. Everything else
// (world, goals, results) is derived from it and the scenario, so it is all we persist.
// zod/mini: the same checks at a fraction of the size, as this ships in the island's chunk.
import { z } from 'zod/mini';

// A learner's own attempt is kept as its steps' fields in one JSON string (a SAML assertion
// with attributes, several steps), hence the room.
export const AttemptValue = z.union([
  z.string().check(z.maxLength(100_000)),
  z.boolean(),
  z.number(),
]);

export const SandboxStateSchema = z.object({
  /** Policy id → text. */
  policies: z.record(z.string().check(z.maxLength(256)), z.string().check(z.maxLength(200_000))),
  /** The attempt on the form: `{preset}` or the learner's own (see island/attempt-model.ts). */
  attempt: z.record(z.string().check(z.maxLength(64)), AttemptValue),
});

export type SandboxState = z.infer<typeof SandboxStateSchema>;

/** Only what differs from the start, so links stay short and survive scenario fixes elsewhere. */
export function diffFromStart(state: SandboxState, start: SandboxState): SandboxState {
  const policies: Record<string, string> = {};
  for (const [id, text] of Object.entries(state.policies)) {
    if (start.policies[id] !== text) policies[id] = text;
  }
  const attempt: SandboxState['attempt'] = {};
  for (const [key, value] of Object.entries(state.attempt)) {
    if (start.attempt[key] !== value) attempt[key] = value;
  }
  return { policies, attempt };
}

/** Applies a diff, ignoring ids the start does not know (a policy renamed in a later version). */
export function applyDiff(start: SandboxState, diff: SandboxState): SandboxState {
  const policies = { ...start.policies };
  for (const [id, text] of Object.entries(diff.policies)) {
    // Own ids only: `constructor` or `toString` from a link are not policies of the start.
    if (Object.hasOwn(start.policies, id)) policies[id] = text;
  }
  return { policies, attempt: { ...start.attempt, ...diff.attempt } };
}

export function isEmptyDiff(diff: SandboxState): boolean {
  return Object.keys(diff.policies).length === 0 && Object.keys(diff.attempt).length === 0;
}
