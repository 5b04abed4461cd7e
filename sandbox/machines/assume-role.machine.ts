// The assume-role attempt as the UI animates it: one state per evaluation gate, in AWS's
// order, walking a call's precomputed trace. STEP shows the next gate, RUN jumps to the
// decision, RESET starts over, LOAD swaps in another attempt's outcome. The context names
// the active step and the engine gates it shows, so the UI can highlight the statements.
import { assign, setup } from 'xstate';
import type { GateResult } from '../engine/types.ts';
import { STEP_ORDER } from '../sts/trace.ts';
import type { CallOutcome, StepId, TraceStep } from '../sts/types.ts';

export interface AssumeRoleContext {
  readonly outcome: CallOutcome | null;
  /** The step shown now; `null` before the first STEP. */
  readonly active: StepId | null;
  /** The step that decided a denial (`null` while undecided or when allowed). */
  readonly decidedBy: StepId | null;
}

export type AssumeRoleEvent =
  | { readonly type: 'STEP' }
  | { readonly type: 'RUN' }
  | { readonly type: 'RESET' }
  | { readonly type: 'LOAD'; readonly outcome: CallOutcome };

/** The gate states in order; `requestValidation` first, `issueCredentials` last. */
export const GATE_STATES = STEP_ORDER;

function traceStep(outcome: CallOutcome | null, step: StepId): TraceStep | undefined {
  return outcome?.trace.steps.find((s) => s.step === step);
}

/** The first step that failed; for a failure no gate explains (e.g. NoSuchKey), the last one. */
export function decidingStep(outcome: CallOutcome): StepId {
  if (outcome.ok) return 'issueCredentials';
  return outcome.trace.steps.find((s) => s.outcome === 'fail')?.step ?? 'issueCredentials';
}

/** The engine gates the active step shows (for highlighting statements). */
export function activeGates(context: AssumeRoleContext): readonly GateResult[] {
  if (context.active === null || context.outcome === null) return [];
  const step = traceStep(context.outcome, context.active);
  const gates = context.outcome.trace.authz?.gates ?? [];
  return (step?.gates ?? []).flatMap((i) => (gates[i] === undefined ? [] : [gates[i]]));
}

type GateState = (typeof GATE_STATES)[number];

export interface AssumeRoleInput {
  /** `null` to start empty and LOAD an outcome later. */
  readonly outcome: CallOutcome | null;
}

export const assumeRoleMachine = setup({
  types: {
    context: {} as AssumeRoleContext,
    events: {} as AssumeRoleEvent,
    input: {} as AssumeRoleInput,
  },
  guards: {
    hasOutcome: ({ context }) => context.outcome !== null,
    allowed: ({ context }) => context.outcome?.ok === true,
    stepFails: ({ context }, params: { step: StepId }) => {
      if (context.outcome === null) return false;
      // Issuing is where an error that no gate explains surfaces.
      if (params.step === 'issueCredentials') return !context.outcome.ok;
      return traceStep(context.outcome, params.step)?.outcome === 'fail';
    },
  },
  actions: {
    show: assign((_, params: { step: StepId }) => ({ active: params.step })),
    decide: assign(({ context }) => ({
      active: context.outcome === null ? null : decidingStep(context.outcome),
      decidedBy:
        context.outcome === null || context.outcome.ok ? null : decidingStep(context.outcome),
    })),
    clear: assign({ active: null, decidedBy: null }),
    load: assign((_, params: { outcome: CallOutcome }) => ({
      outcome: params.outcome,
      active: null,
      decidedBy: null,
    })),
  },
}).createMachine({
  id: 'assumeRole',
  context: ({ input }) => ({ outcome: input.outcome, active: null, decidedBy: null }),
  initial: 'idle',
  on: {
    RESET: { target: '.idle', actions: 'clear' },
    LOAD: {
      target: '.idle',
      actions: { type: 'load', params: ({ event }) => ({ outcome: event.outcome }) },
    },
  },
  states: {
    idle: {
      on: {
        STEP: {
          guard: 'hasOutcome',
          target: 'requestValidation',
          actions: { type: 'show', params: { step: 'requestValidation' } },
        },
        RUN: [
          { guard: 'allowed', target: 'allowed', actions: 'decide' },
          { guard: 'hasOutcome', target: 'denied', actions: 'decide' },
        ],
      },
    },
    ...gateStates(),
    allowed: { tags: ['decided'] },
    denied: { tags: ['decided'] },
  },
});

/** One state per gate: STEP fails into `denied` or moves on to the next gate. */
function gateStates(): Record<GateState, object> {
  const out = {} as Record<GateState, object>;
  GATE_STATES.forEach((step, i) => {
    const next = GATE_STATES[i + 1];
    out[step] = {
      tags: ['gate'],
      on: {
        STEP: [
          { guard: { type: 'stepFails', params: { step } }, target: 'denied', actions: 'decide' },
          next === undefined
            ? { target: 'allowed', actions: 'decide' }
            : { target: next, actions: { type: 'show', params: { step: next } } },
        ],
        RUN: [
          { guard: 'allowed', target: 'allowed', actions: 'decide' },
          { target: 'denied', actions: 'decide' },
        ],
      },
    };
  });
  return out;
}
