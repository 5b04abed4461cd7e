// The exercise: goals as a live checklist (met/not met in words, a mark and data-met for
// tests), hints one at a time, solution and reset controls.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { Localized } from '../../../sandbox/policy/types.ts';

export interface GoalView {
  readonly id: string;
  readonly title: Localized;
  readonly met: boolean;
}

export interface ExerciseView {
  readonly goals: readonly GoalView[];
  readonly hints: readonly Localized[];
  readonly hintsShown: number;
  readonly showingSolution: boolean;
  readonly canUndoReset: boolean;
}

export function goalsView(x: ExerciseView, lang: Lang): Element {
  const solved = x.goals.length > 0 && x.goals.every((g) => g.met);
  return el(
    'div',
    { 'data-solved': solved ? 'true' : 'false' },
    el(
      'ul',
      { class: 'sb-goals' },
      ...x.goals.map((g) =>
        el(
          'li',
          {
            class: `sb-goal${g.met ? ' is-met' : ''}`,
            'data-goal': g.id,
            'data-met': g.met ? 'true' : 'false',
          },
          el('span', { 'aria-hidden': 'true', class: 'sb-goal-mark' }, g.met ? '☑ ' : '☐ '),
          ...withCode(g.title[lang]),
          el('span', { class: 'sb-goal-state' }, ` (${t(lang, g.met ? 'goalMet' : 'goalNotMet')})`),
        ),
      ),
    ),
    solved &&
      el('p', { class: 'sb-solved', 'data-solved-banner': true }, `🎉 ${t(lang, 'solved')}`),
    x.hintsShown > 0 &&
      el(
        'ol',
        { class: 'sb-hints' },
        ...x.hints
          .slice(0, x.hintsShown)
          .map((h, i) =>
            el(
              'li',
              { 'data-hint': i },
              el('strong', {}, `${t(lang, 'hintN', { n: i + 1, total: x.hints.length })}: `),
              ...withCode(h[lang]),
            ),
          ),
      ),
    el(
      'div',
      { class: 'sb-row' },
      x.hints.length > 0 &&
        el(
          'button',
          {
            type: 'button',
            class: 'sb-btn',
            'data-action': 'hint',
            disabled: x.hintsShown >= x.hints.length,
          },
          x.hintsShown >= x.hints.length ? t(lang, 'noMoreHints') : t(lang, 'hint'),
        ),
      x.showingSolution
        ? el(
            'button',
            { type: 'button', class: 'sb-btn', 'data-action': 'restore-mine' },
            t(lang, 'restoreMine'),
          )
        : el(
            'button',
            { type: 'button', class: 'sb-btn', 'data-action': 'solution' },
            t(lang, 'showSolution'),
          ),
      el(
        'button',
        { type: 'button', class: 'sb-btn', 'data-action': 'reset' },
        t(lang, 'resetExercise'),
      ),
      x.canUndoReset &&
        el(
          'button',
          { type: 'button', class: 'sb-btn', 'data-action': 'undo-reset' },
          t(lang, 'undoReset'),
        ),
    ),
  );
}
