// Small constructors for call outcomes, so each operation reads as its checks in order.
import type { AuthzResult, ContextValue } from '../engine/types.ts';
import type { Session } from '../world/types.ts';
import { buildTrace } from './trace.ts';
import type { AwsError, CallOutcome, StsOp, StsResponse } from './types.ts';

type Ctx = Readonly<Record<string, ContextValue>>;

/** Rejected before any policy was read (bad parameter, expired credentials, bad token). */
export function rejected(
  op: StsOp,
  principal: string,
  context: Ctx,
  error: AwsError,
  reason: string,
): CallOutcome {
  return {
    ok: false,
    error,
    trace: buildTrace(
      op,
      principal,
      context,
      { outcome: 'fail', reason, detail: error.explanation },
      null,
      false,
    ),
    newSessions: [],
  };
}

/** Evaluated and denied by the policies. */
export function denied(
  op: StsOp,
  principal: string,
  context: Ctx,
  error: AwsError,
  authz: AuthzResult,
): CallOutcome {
  const decision = authz.decision === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny';
  return {
    ok: false,
    error,
    decision,
    trace: buildTrace(op, principal, context, { outcome: 'pass' }, authz, false),
    newSessions: [],
  };
}

export function succeeded(
  op: StsOp,
  principal: string,
  context: Ctx,
  authz: AuthzResult | null,
  response: StsResponse,
  newSessions: readonly Session[],
): CallOutcome {
  return {
    ok: true,
    response,
    trace: buildTrace(op, principal, context, { outcome: 'pass' }, authz, true),
    newSessions,
  };
}
