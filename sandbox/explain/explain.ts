// Renders an authorization trace as readable steps: one line per gate, per deciding
// statement and per failing condition, then the summary. The same lines serve the CLI
// (`iamlab eval --explain`) and the UI.
import { refText } from '../engine/summary.ts';
import type { AuthzResult, GateResult, StatementTrace } from '../engine/types.ts';
import {
  conditionLine,
  DECISION_LABEL,
  GATE_LABEL,
  OUTCOME_LABEL,
  reasonText,
  SIDE_LABEL,
  type Lang,
} from './messages.ts';

function gateLine(gate: GateResult, lang: Lang): string {
  const isTrust = gate.gate === 'resource' && gate.policies.some((p) => p.kind === 'trust');
  const label = GATE_LABEL[isTrust ? 'trust' : gate.gate][lang];
  const side = SIDE_LABEL[gate.side][lang];
  const outcome = OUTCOME_LABEL[gate.outcome][lang];
  const reason = gate.reason === undefined ? null : reasonText(gate.reason, lang);
  const tail = reason === null ? '' : lang === 'en' ? ` (${reason})` : `（${reason}）`;
  return lang === 'en'
    ? `${label}, ${side}: ${outcome}${tail}`
    : `${label}（${side}）: ${outcome}${tail}`;
}

/** A statement whose action, resource and principal matched but some condition did not. */
function failingConditions(statement: StatementTrace): boolean {
  return (
    !statement.applies &&
    statement.matches.every((m) => m.matched) &&
    statement.conditions.some((c) => !c.result)
  );
}

function statementLines(gate: GateResult, lang: Lang): string[] {
  const lines: string[] = [];
  const decidingPaths = new Set(gate.deciding.map((r) => `${r.policy}\u0000${r.path}`));
  for (const policy of gate.policies) {
    if (policy.skipped === true) {
      lines.push(
        lang === 'en'
          ? `  \`${policy.policy}\` skipped: AWS would reject this policy`
          : `  \`${policy.policy}\` は AWS が受け付けないポリシーのため評価していません`,
      );
      continue;
    }
    for (const statement of policy.statements) {
      const ref = refText(statement.ref)[lang];
      if (decidingPaths.has(`${statement.ref.policy}\u0000${statement.ref.path}`)) {
        const effect = statement.ref.effect;
        lines.push(
          lang === 'en'
            ? `  ${ref} (${statement.ref.path}) applies: ${effect}`
            : `  ${ref}（${statement.ref.path}）が適用されます: ${effect}`,
        );
      } else if (failingConditions(statement)) {
        lines.push(
          lang === 'en'
            ? `  ${ref} (${statement.ref.path}) does not apply: a condition is false`
            : `  ${ref}（${statement.ref.path}）は条件が偽のため適用されません`,
        );
        for (const c of statement.conditions) {
          if (!c.result)
            lines.push(
              `    ${conditionLine(lang, c.operator, c.key, c.requestValues, c.policyValues, c.result)}`,
            );
        }
      }
    }
  }
  return lines;
}

export function explain(result: AuthzResult, lang: Lang): string[] {
  const lines: string[] = [];
  for (const gate of result.gates) {
    if (gate.outcome === 'notApplicable') continue;
    lines.push(gateLine(gate, lang));
    lines.push(...statementLines(gate, lang));
  }
  const decision = DECISION_LABEL[result.decision]?.[lang] ?? result.decision;
  lines.push(
    lang === 'en'
      ? `decision: ${decision}, ${result.summary.en}`
      : `判定: ${decision}。${result.summary.ja}`,
  );
  return lines;
}
