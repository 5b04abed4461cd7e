// Maps the engine's gates onto the steps the assume-role machine walks, so that the UI
// can highlight one gate at a time in AWS's order.
import type { ContextValue, AuthzResult, GateId } from '../engine/types.ts';
import type { Localized } from '../policy/types.ts';
import type { CallTrace, StepId, StepOutcome, StsOp, TraceStep } from './types.ts';

const STEP_OF_GATE: Record<GateId, StepId> = {
  identity: 'callerIdentity',
  scp: 'scps',
  boundary: 'boundaryAndSession',
  session: 'boundaryAndSession',
  resource: 'trustPolicy',
  rcp: 'rcps',
};

/** The steps of a call in order; the assume-role machine has one state for each. */
export const STEP_ORDER = [
  'requestValidation',
  'callerIdentity',
  'scps',
  'boundaryAndSession',
  'trustPolicy',
  'rcps',
  'issueCredentials',
] as const satisfies readonly StepId[];

export interface ValidationStep {
  readonly outcome: 'pass' | 'fail';
  readonly reason?: string;
  readonly detail?: Localized;
}

function authzSteps(authz: AuthzResult | null): TraceStep[] {
  const middle = STEP_ORDER.slice(1, -1);
  return middle.map((step) => {
    const gates = (authz?.gates ?? []).flatMap((g, i) =>
      STEP_OF_GATE[g.gate] === step ? [i] : [],
    );
    const outcomes = gates.map((i) => authz?.gates[i]?.outcome);
    let outcome: StepOutcome = 'skipped';
    if (outcomes.some((o) => o === 'explicitDeny' || o === 'implicitDeny')) outcome = 'fail';
    else if (outcomes.some((o) => o === 'allow')) outcome = 'pass';
    const reason = gates.map((i) => authz?.gates[i]?.reason).find((r) => r !== undefined);
    return { step, outcome, gates, ...(reason === undefined ? {} : { reason }) };
  });
}

export function buildTrace(
  op: StsOp,
  principal: string,
  context: Readonly<Record<string, ContextValue>>,
  validation: ValidationStep,
  authz: AuthzResult | null,
  issued: boolean,
): CallTrace {
  const first: TraceStep = {
    step: 'requestValidation',
    outcome: validation.outcome,
    gates: [],
    ...(validation.reason === undefined ? {} : { reason: validation.reason }),
    ...(validation.detail === undefined ? {} : { detail: validation.detail }),
  };
  const last: TraceStep = {
    step: 'issueCredentials',
    outcome: issued ? 'pass' : 'skipped',
    gates: [],
  };
  return {
    op,
    principal,
    context,
    authz,
    steps: [first, ...(validation.outcome === 'pass' ? authzSteps(authz) : authzSteps(null)), last],
  };
}
