// Gate evaluation helpers: a gate is a set of policies of one kind that must allow.
import type { ParsedPolicy } from '../policy/types.ts';
import { evaluatePolicy, type AllowMatch } from './policy.ts';
import type { PreparedRequest } from './request.ts';
import type { GateId, GateOutcome, GateResult, PolicyTrace, Side, StatementRef } from './types.ts';

export interface GateEval {
  readonly result: GateResult;
  readonly denies: readonly StatementRef[];
  readonly allows: readonly AllowMatch[];
}

function gate(
  id: GateId,
  side: Side,
  outcome: GateOutcome,
  policies: readonly PolicyTrace[],
  deciding: readonly StatementRef[],
  reason?: string,
): GateResult {
  return reason === undefined
    ? { gate: id, side, outcome, policies, deciding }
    : { gate: id, side, outcome, policies, deciding, reason };
}

/** The outcome once every policy of a gate is evaluated: any Deny denies, then Allows allow. */
function decide(
  id: GateId,
  side: Side,
  traces: readonly PolicyTrace[],
  denies: readonly StatementRef[],
  allows: readonly AllowMatch[],
  noAllowReason: string | null,
): GateEval {
  const result =
    denies.length > 0
      ? gate(id, side, 'explicitDeny', traces, denies, 'explicit-deny')
      : noAllowReason !== null
        ? gate(id, side, 'implicitDeny', traces, [], noAllowReason)
        : gate(
            id,
            side,
            'allow',
            traces,
            allows.map((a) => a.ref),
          );
  return { result, denies, allows };
}

export function notApplicable(id: GateId, side: Side, reason: string): GateEval {
  return { result: gate(id, side, 'notApplicable', [], [], reason), denies: [], allows: [] };
}

/** Any Deny denies; otherwise any Allow allows (identity, resource, boundary, session). */
export function anyAllowGate(
  id: GateId,
  side: Side,
  policies: readonly ParsedPolicy[],
  req: PreparedRequest,
  emptyReason: string,
): GateEval {
  const traces: PolicyTrace[] = [];
  const denies: StatementRef[] = [];
  const allows: AllowMatch[] = [];
  for (const policy of policies) {
    const result = evaluatePolicy(policy, req);
    traces.push(result.trace);
    denies.push(...result.denies);
    allows.push(...result.allows);
  }
  return decide(id, side, traces, denies, allows, allows.length > 0 ? null : emptyReason);
}

/**
 * SCPs and RCPs: every level of the OU path (root, OUs, account) needs an Allow; a Deny at
 * any level denies. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function levelsGate(
  id: GateId,
  side: Side,
  levels: readonly (readonly ParsedPolicy[])[],
  req: PreparedRequest,
): GateEval {
  const traces: PolicyTrace[] = [];
  const denies: StatementRef[] = [];
  const allows: AllowMatch[] = [];
  let missingLevel = -1;
  levels.forEach((level, index) => {
    let levelAllows = 0;
    for (const policy of level) {
      const result = evaluatePolicy(policy, req);
      traces.push(result.trace);
      denies.push(...result.denies);
      allows.push(...result.allows);
      levelAllows += result.allows.length;
    }
    if (levelAllows === 0 && missingLevel < 0) missingLevel = index;
  });
  return decide(
    id,
    side,
    traces,
    denies,
    allows,
    missingLevel < 0 ? null : `no-allow-at-level-${missingLevel}`,
  );
}
