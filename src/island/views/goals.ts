// The exercises: each with its instructions, its goals as a live checklist and its own hint
// ladder. A goal says what it expects and what it got, can be run to see its trace, and a
// goal that held at the start is a guard to keep, not progress.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { ExerciseState, GoalState } from '../controller.ts';
import { decisionWords } from './attempt.ts';
import { icon } from '../../dom/icons.ts';

export interface ExercisesView {
  readonly exercises: readonly ExerciseState[];
  /** `null` before goals were computed. */
  readonly goals: readonly GoalState[] | null;
  readonly solved: boolean;
  readonly showingSolution: boolean;
  readonly canUndoReset: boolean;
}

function goalLine(goal: GoalState, lang: Lang): Element {
  const state = goal.guard
    ? t(lang, goal.met ? 'guardHolds' : 'guardBroken')
    : goal.met
      ? t(lang, 'goalMet')
      : t(lang, 'goalExpectsGot', {
          expected: decisionWords(goal.expected, lang),
          got: decisionWords(goal.got, lang),
        });
  return el(
    'li',
    {
      class: `sb-goal${goal.met ? ' is-met' : ''}${goal.guard ? ' is-guard' : ''}`,
      'data-goal': goal.id,
      'data-met': goal.met ? 'true' : 'false',
      'data-expected': goal.expected,
      'data-got': goal.got,
      'data-guard': goal.guard ? 'true' : 'false',
    },
    el(
      'span',
      { class: 'sb-goal-mark' },
      icon(goal.guard ? (goal.met ? 'diamondFilled' : 'diamond') : goal.met ? 'boxChecked' : 'box'),
      ' ',
    ),
    el('span', { class: 'sb-goal-title', title: goal.title[lang] }, ...withCode(goal.title[lang])),
    el('span', { class: 'sb-goal-state', title: state }, ` — ${state}`),
    ' ',
    el(
      'button',
      {
        type: 'button',
        class: 'sb-btn sb-small',
        'data-action': 'run-goal',
        'data-goal-id': goal.id,
        'aria-label': t(lang, 'runGoalNamed', { title: goal.title[lang] }),
      },
      t(lang, 'runGoal'),
    ),
  );
}

function exerciseView(
  x: ExerciseState,
  index: number,
  goals: readonly GoalState[],
  level: number,
  lang: Lang,
): Element {
  return el(
    'section',
    {
      class: `sb-exercise${x.solved ? ' is-solved' : ''}`,
      'data-exercise': x.id,
      'data-solved': x.solved ? 'true' : 'false',
    },
    el(`h${level}`, {}, t(lang, 'exerciseN', { n: index + 1 }), ...withCode(x.title[lang])),
    el('p', { class: 'sb-instructions' }, ...withCode(x.instructions[lang])),
    el(
      'p',
      { class: 'sb-exercise-status' },
      x.solved
        ? t(lang, 'exerciseSolved')
        : t(lang, 'goalsMetOf', {
            met: goals.filter((g) => g.met).length,
            total: goals.length,
          }),
    ),
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
    x.hints.length > 0 &&
      el(
        'div',
        { class: 'sb-row' },
        el(
          'button',
          {
            type: 'button',
            class: 'sb-btn',
            'data-action': 'hint',
            'data-exercise-id': x.id,
            disabled: x.hintsShown >= x.hints.length,
          },
          x.hintsShown >= x.hints.length
            ? t(lang, 'noMoreHints')
            : t(lang, 'hintFor', { n: index + 1 }),
        ),
      ),
  );
}

export function exercisesView(x: ExercisesView, level: number, lang: Lang): Element {
  const goals = x.goals ?? [];
  return el(
    'div',
    { 'data-solved': x.solved ? 'true' : 'false' },
    ...x.exercises.map((e, i) =>
      exerciseView(
        e,
        i,
        e.goalIds.flatMap((id) => goals.filter((g) => g.id === id)),
        level,
        lang,
      ),
    ),
    el(
      'div',
      { class: 'sb-row' },
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

/**
 * The goals as a compact checklist, grouped by exercise, for the dock that stays in view
 * while the learner edits: a goal flipping while they type shows at once.
 */
export function goalsDockView(x: ExercisesView, lang: Lang): Element {
  const goals = x.goals ?? [];
  return el(
    'div',
    { class: 'sb-goals-dock' },
    ...x.exercises.map((e, i) =>
      el(
        'div',
        { class: 'sb-goal-group' },
        el('p', { class: 'sb-goal-group-title' }, t(lang, 'exerciseN', { n: i + 1 })),
        el(
          'ul',
          { class: 'sb-goals' },
          ...e.goalIds
            .flatMap((id) => goals.filter((g) => g.id === id))
            .map((g) => goalLine(g, lang)),
        ),
      ),
    ),
    x.solved &&
      el(
        'p',
        { class: 'sb-solved', 'data-solved-banner': true },
        icon('star'),
        ' ',
        t(lang, 'solved'),
      ),
  );
}
