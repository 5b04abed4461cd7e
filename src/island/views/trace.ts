// The evaluation stepper and the result: every step of the call as a node (the active one
// marked in words as well as colour), and for the steps that reached the engine the gates,
// policies, statements and conditions that were evaluated.
import { el, withCode, type Element, type Node } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { ConditionTrace, GateResult, StatementTrace } from '../../../sandbox/engine/types.ts';
import { STEP_ORDER } from '../../../sandbox/sts/trace.ts';
import type { CallOutcome, CallTrace, StepId } from '../../../sandbox/sts/types.ts';

// The steps in the order the assume-role machine walks them.
const ALL_STEPS = STEP_ORDER;

/**
 * `active` is the step the assume-role machine shows; every step before it is revealed too.
 * `decided` once the machine reached allowed/denied: then all steps the trace holds are shown.
 */
export function stepperView(
  trace: CallTrace | null,
  active: StepId | null,
  decided: boolean,
  lang: Lang,
): Element {
  const steps = trace?.steps ?? [];
  const activeIndex = active === null ? -1 : ALL_STEPS.indexOf(active);
  const items: Node[] = ALL_STEPS.map((id, i) => {
    const step = steps.find((s) => s.step === id);
    const revealed = step !== undefined && i <= activeIndex;
    const isActive = id === active;
    const outcome = revealed ? step.outcome : 'pending';
    const word =
      outcome === 'pending' ? t(lang, 'outcome_pending') : t(lang, `stepOutcome_${outcome}`);
    const gates =
      revealed && trace?.authz !== null && trace?.authz !== undefined
        ? step.gates
            .map((g) => trace.authz?.gates[g])
            .filter((g): g is GateResult => g !== undefined)
        : [];
    return el(
      'li',
      {
        class: `sb-step is-${outcome}${isActive ? ' is-active' : ''}`,
        'data-step': id,
        'data-outcome': outcome,
        'aria-current': isActive ? 'step' : undefined,
      },
      el(
        'span',
        { class: 'sb-step-mark', 'aria-hidden': 'true' },
        isActive ? '▶' : stepMark(outcome),
      ),
      el('span', { class: 'sb-step-name' }, t(lang, `step_${id}`)),
      el('span', { class: 'sb-step-outcome' }, ` — ${word}`),
      revealed &&
        step.detail !== undefined &&
        el('p', { class: 'sb-step-detail' }, step.detail[lang]),
      gates.length > 0 && el('ul', { class: 'sb-gates' }, ...gates.map((g) => gateView(g, lang))),
    );
  });
  const shown = Math.max(0, activeIndex + 1);
  return el(
    'div',
    { 'data-decided': decided ? 'true' : 'false' },
    el(
      'p',
      { class: 'sb-step-count' },
      trace === null
        ? t(lang, 'noResult')
        : t(lang, 'stepOf', { n: shown, total: ALL_STEPS.length }),
    ),
    el('ol', { class: 'sb-steps' }, ...items),
  );
}

function stepMark(outcome: string): string {
  switch (outcome) {
    case 'pass':
      return '✓';
    case 'fail':
      return '✗';
    case 'skipped':
      return '–';
    default:
      return '○';
  }
}

function gateView(g: GateResult, lang: Lang): Element {
  return el(
    'li',
    { class: `sb-gate is-${g.outcome}`, 'data-gate': g.gate, 'data-outcome': g.outcome },
    el('strong', {}, t(lang, `gate_${g.gate}`)),
    ` (${t(lang, `side_${g.side}`)}): ${t(lang, `outcome_${g.outcome}`)}`,
    el(
      'ul',
      {},
      ...g.policies.map((p) =>
        el(
          'li',
          { class: 'sb-trace-policy' },
          el('code', {}, p.policy),
          p.skipped === true ? ` — ${t(lang, 'policySkipped')}` : '',
          el('ul', {}, ...p.statements.map((s) => statementView(s, g, lang))),
        ),
      ),
    ),
  );
}

function statementView(s: StatementTrace, g: GateResult, lang: Lang): Element {
  const name = s.ref.sid ?? `#${s.ref.index}`;
  const deciding = g.deciding.some((d) => d.policy === s.ref.policy && d.index === s.ref.index);
  return el(
    'li',
    {
      class: `sb-trace-statement${s.applies ? ' applies' : ''}${deciding ? ' is-deciding' : ''}`,
      'data-policy': s.ref.policy,
      'data-statement': s.ref.index,
    },
    `${s.ref.effect} · `,
    t(lang, s.applies ? 'statementMatched' : 'statementSkipped', { name }),
    deciding ? ' ★' : '',
    s.matches.length + s.conditions.length > 0 &&
      el(
        'ul',
        {},
        ...s.matches.map((m) =>
          el('li', {}, `${m.element}: ${m.matched ? '✓' : '✗'} `, el('code', {}, m.requestValue)),
        ),
        ...s.conditions.map((c) => conditionView(c, lang)),
      ),
  );
}

function conditionView(c: ConditionTrace, lang: Lang): Element {
  const request = c.requestValues === null ? t(lang, 'keyAbsent') : c.requestValues.join(', ');
  return el(
    'li',
    { class: `sb-condition ${c.result ? 'is-true' : 'is-false'}` },
    el('code', {}, `${c.operator} ${c.key} [${c.policyValues.join(', ')}]`),
    ` ← ${request}: ${c.result ? '✓' : '✗'} ${t(lang, c.result ? 'conditionTrue' : 'conditionFalse')}`,
  );
}

export type DecisionWord = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The decision as the hooks and the words show it; calls denied before the engine count as implicit. */
export function decisionOf(outcome: CallOutcome): DecisionWord {
  if (outcome.ok) return 'allowed';
  return outcome.decision ?? outcome.trace.authz?.decision ?? 'implicitDeny';
}

export function resultView(outcome: CallOutcome | null, lang: Lang): Element {
  if (outcome === null) return el('p', { class: 'sb-result-empty' }, t(lang, 'noResult'));
  const decision = decisionOf(outcome);
  const summary = outcome.trace.authz?.summary[lang];
  return el(
    'div',
    { class: `sb-result-body is-${decision}`, 'data-decision': decision },
    el(
      'p',
      { class: 'sb-decision' },
      el('span', { 'aria-hidden': 'true' }, outcome.ok ? '✓ ' : '✗ '),
      t(lang, `decision_${decision}`),
    ),
    summary !== undefined && el('p', {}, ...withCode(summary)),
    !outcome.ok &&
      el(
        'div',
        { class: 'sb-aws-error' },
        el('p', {}, `${t(lang, 'awsError')}:`),
        el(
          'pre',
          { tabindex: 0 },
          el('code', {}, `An error occurred (${outcome.error.code}): ${outcome.error.message}`),
        ),
        el('p', {}, ...withCode(outcome.error.explanation[lang])),
      ),
    outcome.ok &&
      el(
        'pre',
        { class: 'sb-response', tabindex: 0 },
        el('code', {}, JSON.stringify(outcome.response, null, 2)),
      ),
  );
}
