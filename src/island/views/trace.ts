// The evaluation stepper and the result: every step of the call as a node (the active one
// marked in words as well as colour), and for the steps that reached the engine the gates,
// policies and statements considered, each saying which element or condition decided. The
// words come from sandbox/explain, which `iamlab assume --explain` prints too.
import { el, withCode, type Element, type Node } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import {
  DECIDING_MARK,
  explainCall,
  STEP_OUTCOME,
  stepCounter,
  type CallExplanation,
  type ExplainedGate,
  type ExplainedStatement,
  type ExplainedStep,
} from '../../../sandbox/explain/index.ts';
import type { CallOutcome, StepId } from '../../../sandbox/sts/types.ts';

/**
 * `active` is the step the stepper shows; every step before it is revealed too. `decided`
 * once the walk reached the decision: then every step of the call is shown and the counter
 * says where it ended. `resource` (the call's, when it has one) names a bucket's policy so.
 */
export function stepperView(
  outcome: CallOutcome | null,
  active: StepId | null,
  decided: boolean,
  lang: Lang,
  resource?: string,
): Element {
  if (outcome === null) {
    return el(
      'div',
      { 'data-decided': 'false' },
      el('p', { class: 'sb-step-count' }, t(lang, 'noResult')),
    );
  }
  const e = explainCall(outcome, lang, resource);
  const activeIndex = decided
    ? e.steps.length - 1
    : active === null
      ? -1
      : e.steps.findIndex((s) => s.step === active);
  const items: Node[] = e.steps.map((s, i) =>
    stepView(s, i <= activeIndex, s.step === active, lang),
  );
  return el(
    'div',
    {
      'data-decided': decided ? 'true' : 'false',
      'data-decided-at': decided ? e.decidedAt : undefined,
    },
    el('p', { class: 'sb-step-count' }, stepCounter(e, active, decided, lang)),
    el('ol', { class: 'sb-steps' }, ...items),
  );
}

function stepView(s: ExplainedStep, revealed: boolean, isActive: boolean, lang: Lang): Element {
  const outcome = revealed ? s.outcome : 'pending';
  const word = revealed ? s.outcomeText : STEP_OUTCOME.pending[lang];
  return el(
    'li',
    {
      class: `sb-step is-${outcome}${isActive ? ' is-active' : ''}${revealed && s.decided ? ' is-decided' : ''}`,
      'data-step': s.step,
      'data-outcome': outcome,
      'aria-current': isActive ? 'step' : undefined,
    },
    el(
      'span',
      { class: 'sb-step-mark', 'aria-hidden': 'true' },
      isActive ? '▶' : stepMark(outcome),
    ),
    el('span', { class: 'sb-step-name' }, s.label),
    el('span', { class: 'sb-step-outcome' }, ` — ${word}`),
    revealed && s.why !== null && el('p', { class: 'sb-step-detail' }, ...withCode(s.why)),
    revealed &&
      s.gates.length > 0 &&
      el('ul', { class: 'sb-gates' }, ...s.gates.map((g) => gateView(g, lang))),
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

function gateView(g: ExplainedGate, lang: Lang): Element {
  return el(
    'li',
    { class: `sb-gate is-${g.outcome}`, 'data-gate': g.gate, 'data-outcome': g.outcome },
    el('strong', {}, ...withCode(g.text)),
    el(
      'ul',
      {},
      ...g.policies.map((p) =>
        el(
          'li',
          { class: 'sb-trace-policy', 'data-doc': p.doc },
          el('code', {}, p.name),
          p.skipped !== null ? ` — ${p.skipped}` : '',
          el('ul', {}, ...p.statements.map((s) => statementView(s, lang))),
        ),
      ),
    ),
  );
}

function statementView(s: ExplainedStatement, lang: Lang): Element {
  return el(
    'li',
    {
      class: `sb-trace-statement${s.applies ? ' applies' : ''}${s.deciding ? ' is-deciding' : ''}`,
      'data-doc': s.ref.doc,
      'data-statement': s.ref.index,
    },
    ...withCode(s.text),
    s.deciding ? el('span', { class: 'sb-deciding-mark' }, ` ${DECIDING_MARK[lang]}`) : '',
    s.details.length > 0 &&
      el('ul', {}, ...s.details.map((d) => el('li', { class: 'sb-trace-detail' }, ...withCode(d)))),
  );
}

function verdictMark(e: CallExplanation): string {
  if (e.verdict === 'allowed') return '✓ ';
  return e.verdict.startsWith('error:') ? '⚠ ' : '✗ ';
}

/** The verdict: allowed, denied (explicitly or implicitly), or a service error with AWS's text. */
export function resultView(outcome: CallOutcome | null, lang: Lang, resource?: string): Element {
  if (outcome === null) return el('p', { class: 'sb-result-empty' }, t(lang, 'noResult'));
  const e = explainCall(outcome, lang, resource);
  const kind = e.verdict.startsWith('error:') ? 'error' : e.verdict;
  return el(
    'div',
    { class: `sb-result-body is-${kind}`, 'data-call-verdict': e.verdict },
    el(
      'p',
      { class: 'sb-decision' },
      el('span', { 'aria-hidden': 'true' }, verdictMark(e)),
      e.headline,
    ),
    e.summary !== null && el('p', {}, ...withCode(e.summary)),
    e.error !== null &&
      el(
        'div',
        { class: 'sb-aws-error' },
        el('p', {}, `${t(lang, 'awsError')}:`),
        el(
          'pre',
          { tabindex: 0 },
          el('code', {}, `An error occurred (${e.error.code}): ${e.error.message}`),
        ),
        el('p', {}, ...withCode(e.error.explanation[lang])),
      ),
    outcome.ok &&
      el(
        'pre',
        { class: 'sb-response', tabindex: 0 },
        el('code', {}, JSON.stringify(outcome.response, null, 2)),
      ),
  );
}
