// The assume-role attempt as the UI animates it: one state per evaluation gate, in AWS's
// order, walking a call's precomputed trace. STEP shows the next gate, RUN jumps to the
// decision, RESET starts over, LOAD swaps in another attempt's outcome. The context names
// the active step and the engine gates it shows, so the UI can highlight the statements.
import { and, assign, setup } from 'xstate';
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

/**
 * The gate states in order; `requestValidation` first. A call visits only the steps its
 * operation has (a service call has no trust policy and issues no credentials).
 */
export const GATE_STATES = STEP_ORDER;

function traceStep(outcome: CallOutcome | null, step: StepId): TraceStep | undefined {
  return outcome?.trace.steps.find((s) => s.step === step);
}

/** The step where the outcome was decided; the walk ends there. */
export function decidingStep(outcome: CallOutcome): StepId {
  return outcome.trace.decidedAt;
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
    decidesHere: ({ context }, params: { step: StepId }) =>
      context.outcome?.trace.decidedAt === params.step,
    hasStep: ({ context }, params: { step: StepId }) =>
      traceStep(context.outcome, params.step) !== undefined,
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

/**
 * One state per gate: STEP ends the walk where the outcome was decided, or moves on to the
 * next step the call has.
 */
function gateStates(): Record<GateState, object> {
  const out = {} as Record<GateState, object>;
  GATE_STATES.forEach((step, i) => {
    const later = GATE_STATES.slice(i + 1).map((next) => ({
      guard: { type: 'hasStep', params: { step: next } },
      target: next,
      actions: { type: 'show', params: { step: next } },
    }));
    out[step] = {
      tags: ['gate'],
      on: {
        STEP: [
          {
            guard: and([{ type: 'decidesHere', params: { step } }, 'allowed']),
            target: 'allowed',
            actions: 'decide',
          },
          { guard: { type: 'decidesHere', params: { step } }, target: 'denied', actions: 'decide' },
          ...later,
          { guard: 'allowed', target: 'allowed', actions: 'decide' },
          { target: 'denied', actions: 'decide' },
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
