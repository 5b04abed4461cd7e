// Maps the engine's gates onto the steps of a call, so that the UI can walk one gate at a time
// and the CLI can print them. Each operation has only the steps that apply to it: a service
// call has the resource's policy and ends with the service's answer; AssumeRole and its
// federated forms have the role's trust policy and end with the credentials issued.
// Gate order follows the evaluation-logic page: SCPs, resource-based policy, RCPs… are all
// evaluated, and the step that decided is recorded so that the stepper stops there.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import type { AuthzResult, ContextValue, DecisionReason, GateId } from '../engine/types.ts';
import type { Localized } from '../policy/types.ts';
import type { CallTrace, StepId, StepOutcome, StsOp, TraceStep } from './types.ts';

/** Every step in the order the stepper walks them; an operation uses a subsequence. */
export const STEP_ORDER = [
  'requestValidation',
  'callerIdentity',
  'scps',
  'resourcePolicy',
  'trustPolicy',
  'rcps',
  'boundary',
  'session',
  'issueCredentials',
  'serviceResponse',
] as const satisfies readonly StepId[];

const ROLE_STEPS: readonly StepId[] = [
  'requestValidation',
  'callerIdentity',
  'scps',
  'trustPolicy',
  'rcps',
  'boundary',
  'session',
  'issueCredentials',
];

// A federated caller has no AWS credentials, so no identity policy, SCP or boundary of its
// own: the role's trust policy (and the role's account's RCPs) alone decide.
const FEDERATED_STEPS: readonly StepId[] = [
  'requestValidation',
  'trustPolicy',
  'rcps',
  'issueCredentials',
];

const STEPS_OF_OP: Readonly<Record<StsOp, readonly StepId[]>> = {
  AssumeRole: ROLE_STEPS,
  SwitchRole: ROLE_STEPS,
  AssumeRoleWithSAML: FEDERATED_STEPS,
  AssumeRoleWithWebIdentity: FEDERATED_STEPS,
  // The caller's own policies decide; the session policy passed is the new session's, not a gate.
  GetFederationToken: [
    'requestValidation',
    'callerIdentity',
    'scps',
    'boundary',
    'session',
    'issueCredentials',
  ],
  // The caller's identity policy (and SCPs) decide; the member account holds no policy for it.
  AssumeRoot: [
    'requestValidation',
    'callerIdentity',
    'scps',
    'boundary',
    'session',
    'issueCredentials',
  ],
  // No policy can deny these two (the engine's `undeniable-action`).
  GetSessionToken: ['requestValidation', 'issueCredentials'],
  GetCallerIdentity: ['requestValidation', 'serviceResponse'],
  Call: [
    'requestValidation',
    'callerIdentity',
    'scps',
    'resourcePolicy',
    'rcps',
    'boundary',
    'session',
    'serviceResponse',
  ],
};

/** The steps an operation goes through, in order. */
export function stepsOf(op: StsOp): readonly StepId[] {
  return STEPS_OF_OP[op];
}

function stepOfGate(gate: GateId, op: StsOp): StepId {
  switch (gate) {
    case 'identity':
      return 'callerIdentity';
    case 'scp':
      return 'scps';
    case 'rcp':
      return 'rcps';
    case 'boundary':
      return 'boundary';
    case 'session':
      return 'session';
    case 'resource':
      return STEPS_OF_OP[op].includes('trustPolicy') ? 'trustPolicy' : 'resourcePolicy';
  }
}

/** The gate whose implicit deny decided, by the engine's reason code. */
const GATE_OF_REASON: Partial<Record<DecisionReason, GateId>> = {
  'scp-no-allow': 'scp',
  'rcp-no-allow': 'rcp',
  'trust-does-not-allow': 'resource',
  'resource-does-not-allow': 'resource',
  'key-policy-does-not-allow': 'resource',
  'identity-does-not-allow': 'identity',
  'no-allow': 'identity',
  'boundary-does-not-allow': 'boundary',
  'session-does-not-allow': 'session',
  'federated-user-without-session-policy': 'session',
};

export interface ValidationStep {
  readonly outcome: 'pass' | 'fail';
  readonly reason?: string;
  readonly detail?: Localized;
}

function withReason(
  step: StepId,
  outcome: StepOutcome,
  gates: readonly number[],
  reason: string | undefined,
): TraceStep {
  return reason === undefined ? { step, outcome, gates } : { step, outcome, gates, reason };
}

/** One gate step: its gates' outcomes, read against the final decision. */
function gateStep(step: StepId, op: StsOp, authz: AuthzResult): TraceStep {
  const gates = authz.gates.flatMap((g, i) => (stepOfGate(g.gate, op) === step ? [i] : []));
  const results = gates.flatMap((i) => (authz.gates[i] === undefined ? [] : [authz.gates[i]]));
  const reason = results.map((g) => g.reason).find((r) => r !== undefined);
  if (results.some((g) => g.outcome === 'explicitDeny'))
    return withReason(step, 'fail', gates, reason);
  if (results.some((g) => g.outcome === 'implicitDeny')) {
    // Same account, either side may allow: a side that does not is not what decided when the
    // other allowed (a bucket policy silent about a caller whose identity policy allows).
    return authz.decision === 'allowed'
      ? withReason(step, 'skipped', gates, 'not-needed')
      : withReason(step, 'fail', gates, reason);
  }
  if (results.some((g) => g.outcome === 'allow')) return withReason(step, 'pass', gates, reason);
  return withReason(step, 'skipped', gates, reason ?? 'not-applicable');
}

/** Where a decision was made: the gate of the deny, or of the missing allow. */
function decidingGateStep(op: StsOp, authz: AuthzResult): StepId | null {
  if (authz.decision === 'allowed') return null;
  if (authz.decision === 'explicitDeny') {
    const first = authz.deciding[0];
    const gate = authz.gates.find((g) =>
      g.deciding.some((r) => r.doc === first?.doc && r.path === first.path),
    );
    if (gate !== undefined) return stepOfGate(gate.gate, op);
  }
  const gate = authz.reason === undefined ? undefined : GATE_OF_REASON[authz.reason];
  return gate === undefined ? null : stepOfGate(gate, op);
}

/**
 * `completed`: the call did what it was asked (credentials issued, the service answered);
 * false for a denial and for a service error after the policies allowed (NoSuchKey).
 */
export function buildTrace(
  op: StsOp,
  principal: string,
  context: Readonly<Record<string, ContextValue>>,
  validation: ValidationStep,
  authz: AuthzResult | null,
  completed: boolean,
): CallTrace {
  const ids = STEPS_OF_OP[op];
  const last = ids[ids.length - 1] ?? 'serviceResponse';
  const first: TraceStep = {
    step: 'requestValidation',
    outcome: validation.outcome,
    gates: [],
    ...(validation.reason === undefined ? {} : { reason: validation.reason }),
    ...(validation.detail === undefined ? {} : { detail: validation.detail }),
  };
  const reached = validation.outcome === 'pass';
  const middle = ids
    .slice(1, -1)
    .map((step) =>
      reached && authz !== null
        ? gateStep(step, op, authz)
        : withReason(step, 'skipped', [], 'not-reached'),
    );
  const gateDecided = reached && authz !== null ? decidingGateStep(op, authz) : null;
  const failedGate = middle.find((s) => s.outcome === 'fail')?.step ?? null;
  const denied = authz !== null && authz.decision !== 'allowed';
  // A denial that no gate explains (a refusal whatever the policies say) and a service error
  // after an allow both surface at the last step.
  const lastStep: TraceStep = completed
    ? { step: last, outcome: 'pass', gates: [] }
    : !reached || (denied && (gateDecided ?? failedGate) !== null)
      ? withReason(last, 'skipped', [], 'not-reached')
      : withReason(last, 'fail', [], denied ? authz.reason : undefined);
  const decidedAt: StepId = !reached ? 'requestValidation' : (gateDecided ?? failedGate ?? last);
  return {
    op,
    principal,
    context,
    authz,
    steps: [first, ...middle, lastStep],
    decidedAt,
  };
}
