// Which statement to highlight in which document: the deciding statement of each document,
// keyed by the document id the engine was given when the policy was loaded. Whatever editor
// holds that document (identity, trust, bucket policy, boundary, SCP, RCP) highlights it.
import type { SourceRange } from '../policy/types.ts';
import type { StatementRef } from '../engine/types.ts';
import type { CallTrace, StepId } from '../sts/types.ts';

/**
 * Document id → the range of its first deciding statement. With `active` (the stepper's step
 * while walking), the statements that decided that step's gates; without it, the statements
 * that decided the call. A document whose statement has no range (an object input) is left out.
 */
export function decidingRanges(
  trace: CallTrace,
  active: StepId | null = null,
): Map<string, SourceRange> {
  const authz = trace.authz;
  const out = new Map<string, SourceRange>();
  if (authz === null) return out;
  let refs: readonly StatementRef[];
  if (active === null) refs = authz.deciding;
  else {
    const step = trace.steps.find((s) => s.step === active);
    refs = (step?.gates ?? []).flatMap((i) => authz.gates[i]?.deciding ?? []);
  }
  for (const ref of refs) {
    if (ref.range !== undefined && !out.has(ref.doc)) out.set(ref.doc, ref.range);
  }
  return out;
}
