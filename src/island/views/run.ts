// What ran: every call of the attempt in order, with its simulated time and what it got, and
// the decision of the last call (the `data-decision` hook). The shown call's full trace and
// response follow from ./trace.ts.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { icon } from '../../dom/icons.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import { decisionName, verdictOf } from '../../../sandbox/scenario/run.ts';
import type { RunState } from '../controller.ts';
import { attemptTitle } from '../controller.ts';
import type { Scenario } from '../../../sandbox/scenario/types.ts';
import { clockText } from './session.ts';
import { decisionWords, plain, stepSummary } from './attempt.ts';

/** `decided`: false while the stepper walks the shown call, whose verdict is not out yet. */
export function runView(s: Scenario, run: RunState | null, decided: boolean, lang: Lang): Element {
  if (run === null) return el('p', { class: 'sb-result-empty' }, t(lang, 'noResult'));
  if (!decided)
    return el('p', { class: 'sb-result-empty' }, t(lang, 'steppingCall', { n: run.shownStep + 1 }));
  const title = attemptTitle(s, run.draft);
  const isError = run.decision.startsWith('error:');
  const tone = run.decision === 'allowed' ? 'allowed' : isError ? 'error' : 'denied';
  return el(
    'div',
    { class: `sb-run is-${tone}` },
    el(
      'p',
      { class: 'sb-run-title' },
      title === null ? t(lang, 'ranCustom') : t(lang, 'ranPreset', { title: plain(title[lang]) }),
    ),
    el(
      'ol',
      { class: 'sb-calls' },
      ...run.draft.attempt.steps.map((step, i) => {
        const result = run.result.steps[i];
        const decision = result === undefined ? null : decisionName(verdictOf(result.outcome));
        return el(
          'li',
          {
            class: `sb-call${i === run.shownStep ? ' is-shown' : ''}`,
            'data-call': i,
            'data-call-decision': decision ?? 'not-run',
          },
          el(
            'span',
            { class: 'sb-call-time' },
            result === undefined ? '' : `${clockText(result.at)} `,
          ),
          ...withCode(`\`${stepSummary(step, lang)}\``),
          ' — ',
          el(
            'strong',
            {},
            decision === null ? t(lang, 'stepNotRun') : decisionWords(decision, lang),
          ),
          result !== undefined &&
            i !== run.shownStep &&
            el(
              'button',
              {
                type: 'button',
                class: 'sb-btn sb-small',
                'data-action': 'show-call',
                'data-index': i,
              },
              t(lang, 'showTrace'),
            ),
        );
      }),
    ),
    el(
      'p',
      { class: `sb-decision is-${tone}`, 'data-decision': run.decision },
      icon(run.decision === 'allowed' ? 'check' : isError ? 'warning' : 'cross'),
      ' ',
      decisionWords(run.decision, lang),
    ),
  );
}
