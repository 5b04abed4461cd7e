// A call's outcome explained step by step: the steps its operation has (never a trust policy
// on an S3 call), what each decided and why, the verdict (an error with AWS's text is an
// error, not a denial), and where the walk ended. `iamlab assume --explain` prints it with
// `callLines`; the island lays out the same data.
import { decisionName, verdictOf, type DecisionName } from '../scenario/run.ts';
import type { AwsError, CallOutcome, StepId, StepOutcome } from '../sts/types.ts';
import { explainGate, gateLines, type ExplainedGate } from './explain.ts';
import { reasonText, STEP_LABEL, STEP_OUTCOME, VERDICT_LABEL, type Lang } from './messages.ts';

/** The verdict in the vocabulary of the island's `data-decision` and `iamlab run`. */
export type Verdict = DecisionName;

export interface ExplainedStep {
  readonly step: StepId;
  readonly label: string;
  readonly outcome: StepOutcome;
  /** The outcome in words: passed, denied here, error, does not allow, skipped. */
  readonly outcomeText: string;
  /** Why, for a step that failed or was skipped; `null` when nothing needs saying. */
  readonly why: string | null;
  /** The walk ends here: the step where the outcome was decided. */
  readonly decided: boolean;
  /** The engine gates this step shows; none for a step that did not take part. */
  readonly gates: readonly ExplainedGate[];
}

export interface CallExplanation {
  readonly verdict: Verdict;
  /** "Allowed", "Denied by an explicit Deny", "Error: NoSuchKey", … */
  readonly headline: string;
  /** The engine's one sentence on its decision; `null` for an error. */
  readonly summary: string | null;
  readonly error: AwsError | null;
  readonly steps: readonly ExplainedStep[];
  readonly decidedAt: StepId;
  /** 1-based position of `decidedAt` among `steps`: the step counter ends there. */
  readonly decidedIndex: number;
}

function headlineOf(verdict: Verdict, lang: Lang): string {
  if (verdict.startsWith('error:')) {
    const code = verdict.slice('error:'.length);
    return lang === 'en' ? `Error: ${code}` : `エラー: ${code}`;
  }
  return VERDICT_LABEL[verdict as 'allowed' | 'explicitDeny' | 'implicitDeny'][lang];
}

/** What the resource's own policy is called for the resources the simulator models. */
function resourcePolicyName(resource: string | undefined): 'bucketPolicy' | 'keyPolicy' | StepId {
  if (resource?.startsWith('arn:aws:s3:::') === true) return 'bucketPolicy';
  if (resource !== undefined && /^arn:[^:]+:kms:[^:]*:\d{12}:key\//.test(resource))
    return 'keyPolicy';
  return 'resourcePolicy';
}

/**
 * `resource`: the call's resource, when there is one; an S3 ARN names the resource-based
 * policy step "the bucket's policy" (a KMS key's, "the key policy").
 */
export function explainCall(outcome: CallOutcome, lang: Lang, resource?: string): CallExplanation {
  const trace = outcome.trace;
  const authz = trace.authz;
  // The one vocabulary `iamlab run` and the island's hooks use.
  const verdict = decisionName(verdictOf(outcome));
  const isError = verdict.startsWith('error:');
  const error = outcome.ok ? null : outcome.error;
  const steps = trace.steps.map((s): ExplainedStep => {
    const decided = s.step === trace.decidedAt;
    const label =
      STEP_LABEL[s.step === 'resourcePolicy' ? resourcePolicyName(resource) : s.step][lang];
    const outcomeText =
      s.outcome === 'pass'
        ? STEP_OUTCOME.pass[lang]
        : s.outcome === 'skipped'
          ? // "Not reached" says it all; other skipped steps say why below.
            s.reason === 'not-reached'
            ? STEP_OUTCOME.notReached[lang]
            : STEP_OUTCOME.skipped[lang]
          : decided
            ? isError
              ? STEP_OUTCOME.errorHere[lang]
              : STEP_OUTCOME.deniedHere[lang]
            : STEP_OUTCOME.doesNotAllow[lang];
    // The last step fails without a gate for a refusal whatever the policies say (the
    // engine's summary names the rule) and for a service error (AWS's explanation).
    const fallback =
      decided && s.outcome === 'fail' && s.gates.length === 0
        ? isError
          ? (error?.explanation[lang] ?? null)
          : (authz?.summary[lang] ?? null)
        : null;
    const gates =
      authz === null
        ? []
        : s.gates.flatMap((i) => {
            const g = authz.gates[i];
            // A gate that did not take part is said by the step's `why`.
            return g === undefined || g.outcome === 'notApplicable'
              ? []
              : [explainGate(g, lang, authz.decision)];
          });
    // A step that shows its gates lets them say why; the others say it themselves.
    const why =
      s.detail?.[lang] ??
      (gates.length > 0 || s.reason === 'not-reached'
        ? null
        : (reasonText(s.reason, lang) ?? fallback));
    return { step: s.step, label, outcome: s.outcome, outcomeText, why, decided, gates };
  });
  const decidedIndex = Math.max(1, trace.steps.findIndex((s) => s.step === trace.decidedAt) + 1);
  return {
    verdict,
    headline: headlineOf(verdict, lang),
    summary: isError || authz === null ? null : authz.summary[lang],
    error,
    steps,
    decidedAt: trace.decidedAt,
    decidedIndex,
  };
}

/** The explanation as text lines, the same words as the island shows. */
export function callLines(e: CallExplanation, lang: Lang): string[] {
  const lines: string[] = [];
  const total = e.steps.length;
  e.steps.forEach((s, i) => {
    const why = s.why === null ? '' : lang === 'en' ? ` — ${s.why}` : `（${s.why}）`;
    lines.push(`${i + 1}/${total} ${s.label}: ${s.outcomeText}${why}`);
    for (const g of s.gates) for (const line of gateLines(g)) lines.push(`    ${line}`);
  });
  lines.push('', e.headline);
  if (e.summary !== null) lines.push(e.summary);
  // A denial is explained by the summary; an error by AWS's text, explained.
  else if (e.error !== null) lines.push(e.error.explanation[lang]);
  return lines;
}

/** What the step counter shows: while walking, the active step; once decided, where it ended. */
export function stepCounter(
  e: CallExplanation,
  active: StepId | null,
  decided: boolean,
  lang: Lang,
): string {
  const total = e.steps.length;
  if (decided) {
    return lang === 'en'
      ? `Decided at step ${e.decidedIndex} of ${total}`
      : `ステップ ${e.decidedIndex}/${total} で判定`;
  }
  const n = active === null ? 0 : e.steps.findIndex((s) => s.step === active) + 1;
  return lang === 'en' ? `Step ${n} of ${total}` : `ステップ ${n}/${total}`;
}
