// An authorization trace explained: for each gate, its outcome and why; for each statement
// considered, whether it applies and which element decided, with the policy's value against
// the request's. The result is data with the sentences already worded (en/ja), so that the
// CLI prints it as lines and the UI lays it out, in the same words.
import { refText } from '../engine/summary.ts';
import type {
  AuthzResult,
  ConditionTrace,
  Decision,
  GateId,
  GateOutcome,
  GateResult,
  MatchTrace,
  StatementRef,
  StatementTrace,
} from '../engine/types.ts';
import {
  GATE_LABEL,
  OUTCOME_LABEL,
  quoted,
  reasonText,
  SIDE_LABEL,
  type Lang,
} from './messages.ts';

export interface ExplainedStatement {
  readonly ref: StatementRef;
  readonly applies: boolean;
  /** This statement decided its gate (the Deny that matched, an Allow that allowed). */
  readonly deciding: boolean;
  /** e.g. "statement `AllowDev` of `trust:Deploy` applies: Allow". */
  readonly text: string;
  /** The element or conditions that decided, each with the policy's and the request's values. */
  readonly details: readonly string[];
}

export interface ExplainedPolicy {
  readonly doc: string;
  readonly name: string;
  /** Set when AWS would have rejected the policy, so it was not evaluated. */
  readonly skipped: string | null;
  readonly statements: readonly ExplainedStatement[];
}

export interface ExplainedGate {
  readonly gate: GateId;
  readonly outcome: GateOutcome;
  /** e.g. "trust policy, resource's account: does not allow (implicit deny) — no statement allows it". */
  readonly text: string;
  readonly policies: readonly ExplainedPolicy[];
}

function gateName(gate: GateResult, lang: Lang): string {
  const isTrust = gate.gate === 'resource' && gate.policies.some((p) => p.kind === 'trust');
  return GATE_LABEL[isTrust ? 'trust' : gate.gate][lang];
}

function gateText(gate: GateResult, lang: Lang, decision: Decision | undefined): string {
  const label = gateName(gate, lang);
  const side = SIDE_LABEL[gate.side][lang];
  const outcome = OUTCOME_LABEL[gate.outcome][lang];
  // In one account either side may allow: the side that does not, when the other does, did
  // not decide anything, and saying "no statement allows it" alone would read as the reason.
  const notNeeded = decision === 'allowed' && gate.outcome === 'implicitDeny';
  const why = reasonText(notNeeded ? 'not-needed' : gate.reason, lang);
  // A gate that allows says so; its reason code (none, or `root-user`) adds nothing else.
  const tail = why === null ? '' : lang === 'en' ? ` — ${why}` : `。${why}`;
  return lang === 'en'
    ? `${label}, ${side}: ${outcome}${tail}`
    : `${label}（${side}）: ${outcome}${tail}`;
}

/** The element that kept a statement from applying, with what it lists against the request. */
export function elementLine(m: MatchTrace, lang: Lang): string {
  const request = `\`${m.requestValue}\``;
  const listed = quoted((m.listed ?? []).map((v) => v.value));
  switch (m.element) {
    case 'Action':
    case 'Resource':
    case 'Principal':
      return lang === 'en'
        ? `${m.element} ${listed} ≠ request ${request}`
        : `${m.element} ${listed} はリクエストの ${request} と一致しません`;
    case 'NotAction':
    case 'NotResource': {
      const entry = `\`${m.matchedValue ?? ''}\``;
      return lang === 'en'
        ? `${m.element} ${entry} excludes request ${request}`
        : `${m.element} の ${entry} がリクエストの ${request} を除外しています`;
    }
    case 'NotPrincipal':
      return lang === 'en'
        ? `NotPrincipal ${listed} excludes request ${request}`
        : `NotPrincipal ${listed} がリクエストの ${request} を除外しています`;
  }
}

/** One condition with the policy's values against the request's, e.g. `Bool aws:MultiFactorAuthPresent true` vs request: absent. */
export function conditionLine(c: ConditionTrace, lang: Lang): string {
  const policy = `\`${c.operator}\` \`${c.key}\` ${quoted(c.policyValues)}`;
  const outcome = lang === 'en' ? (c.result ? 'true' : 'false') : c.result ? '成立' : '不成立';
  if (c.requestValues === null) {
    return lang === 'en'
      ? `${policy} vs request: absent → ${outcome}`
      : `${policy}、リクエストにこのキーはありません → ${outcome}`;
  }
  const request = c.requestValues.length === 0 ? '[]' : quoted(c.requestValues);
  return lang === 'en'
    ? `${policy} vs request ${request} → ${outcome}`
    : `${policy}、リクエストの値は ${request} → ${outcome}`;
}

function statementDetails(s: StatementTrace, lang: Lang): string[] {
  const failed = s.matches.find((m) => !m.matched);
  if (failed !== undefined) return [elementLine(failed, lang)];
  // Every element matched: the conditions decided. A statement that applies shows them all
  // (why it applies); one that does not, the false ones.
  const shown = s.applies ? s.conditions : s.conditions.filter((c) => !c.result);
  return shown.map((c) => conditionLine(c, lang));
}

function statementText(s: StatementTrace, lang: Lang): string {
  const ref = refText(s.ref)[lang];
  const effect = s.ref.effect;
  if (s.applies)
    return lang === 'en' ? `${ref} applies: ${effect}` : `${ref} が該当します: ${effect}`;
  return lang === 'en' ? `${ref} does not apply` : `${ref} は該当しません`;
}

function sameRef(a: StatementRef, b: StatementRef): boolean {
  return a.doc === b.doc && a.path === b.path && a.policy === b.policy;
}

/** `decision`: the request's final decision, which words a gate that did not matter. */
export function explainGate(gate: GateResult, lang: Lang, decision?: Decision): ExplainedGate {
  const policies = gate.policies.map((p): ExplainedPolicy => ({
    doc: p.doc,
    name: p.policy,
    skipped:
      p.skipped === true
        ? lang === 'en'
          ? 'AWS would reject this policy, so it is not evaluated'
          : 'AWS が受け付けないポリシーのため評価していません'
        : null,
    statements: p.statements.map((s) => ({
      ref: s.ref,
      applies: s.applies,
      deciding: gate.deciding.some((d) => sameRef(d, s.ref)),
      text: statementText(s, lang),
      details: statementDetails(s, lang),
    })),
  }));
  return {
    gate: gate.gate,
    outcome: gate.outcome,
    text: gateText(gate, lang, decision),
    policies,
  };
}

/** A gate as lines: its headline, then each statement considered and why. */
export function gateLines(gate: ExplainedGate): string[] {
  const lines = [gate.text];
  for (const p of gate.policies) {
    if (p.skipped !== null) {
      lines.push(`  \`${p.name}\`: ${p.skipped}`);
      continue;
    }
    for (const s of p.statements) {
      lines.push(`  ${s.deciding ? '★ ' : ''}${s.text}`);
      for (const d of s.details) lines.push(`      ${d}`);
    }
  }
  return lines;
}

/** The decision in one sentence; the engine's summary states the outcome itself. */
export function decisionLine(result: AuthzResult, lang: Lang): string {
  return lang === 'en' ? `decision: ${result.summary.en}` : `判定: ${result.summary.ja}`;
}

/** The engine's answer as lines (what `iamlab eval --explain` prints). */
export function explain(result: AuthzResult, lang: Lang): string[] {
  const lines: string[] = [];
  // Gates that do not apply are listed too, each saying why.
  for (const gate of result.gates)
    lines.push(...gateLines(explainGate(gate, lang, result.decision)));
  lines.push(decisionLine(result, lang));
  return lines;
}
