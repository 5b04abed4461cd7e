// A scenario as an exercise: the learner edits documents, checks the goals, and ends up
// solved or not yet; hints are revealed one at a time; showing the solution keeps the
// learner's own version so that RESTORE brings it back.
import { assign, setup } from 'xstate';
import { applyOverlay, checkGoals, type GoalResult } from '../scenario/run.ts';
import type { Scenario } from '../scenario/types.ts';
import type { DocId } from '../world/types.ts';

export interface ExerciseContext {
  readonly scenario: Scenario;
  /** The learner's current documents (the whole set, editable ones possibly changed). */
  readonly documents: Readonly<Record<DocId, string>>;
  /** The learner's version while the solution is shown; `null` otherwise. */
  readonly saved: Readonly<Record<DocId, string>> | null;
  readonly hintsShown: number;
  readonly results: readonly GoalResult[] | null;
}

export type ExerciseEvent =
  | { readonly type: 'EDIT'; readonly doc: DocId; readonly text: string }
  | { readonly type: 'CHECK' }
  | { readonly type: 'HINT' }
  | { readonly type: 'SHOW_SOLUTION' }
  | { readonly type: 'RESTORE' }
  | { readonly type: 'RESET' };

export interface ExerciseInput {
  readonly scenario: Scenario;
  /** A learner's saved documents (from storage or a share link), overlaid on the start state. */
  readonly documents?: Readonly<Record<DocId, string>>;
  readonly hintsShown?: number;
}

function editableOnly(
  scenario: Scenario,
  docs: Readonly<Record<DocId, string>>,
): Record<DocId, string> {
  const out: Record<DocId, string> = {};
  for (const [id, text] of Object.entries(docs)) if (scenario.editable.includes(id)) out[id] = text;
  return out;
}

export const exerciseMachine = setup({
  types: {
    context: {} as ExerciseContext,
    events: {} as ExerciseEvent,
    input: {} as ExerciseInput,
  },
  guards: {
    allPassed: ({ context }) => context.results !== null && context.results.every((r) => r.passed),
    editable: ({ context, event }) =>
      event.type === 'EDIT' && context.scenario.editable.includes(event.doc),
    moreHints: ({ context }) =>
      context.hintsShown < context.scenario.exercises.flatMap((e) => e.hints).length,
  },
  actions: {
    edit: assign(({ context }, params: { doc: DocId; text: string }) => ({
      documents: { ...context.documents, [params.doc]: params.text },
      results: null,
    })),
    check: assign(({ context }) => ({
      results: checkGoals(
        { ...context.scenario.world, documents: context.documents },
        context.scenario.clockStart,
        context.scenario.goals,
      ),
    })),
    hint: assign(({ context }) => ({ hintsShown: context.hintsShown + 1 })),
    showSolution: assign(({ context }) => ({
      saved: context.documents,
      documents: applyOverlay(context.scenario.world, context.scenario.solution).documents,
      results: null,
    })),
    restore: assign(({ context }) => ({
      documents: context.saved ?? context.documents,
      saved: null,
      results: null,
    })),
    reset: assign(({ context }) => ({
      documents: context.scenario.world.documents,
      saved: null,
      results: null,
    })),
  },
}).createMachine({
  id: 'exercise',
  context: ({ input }) => ({
    scenario: input.scenario,
    documents: {
      ...input.scenario.world.documents,
      ...editableOnly(input.scenario, input.documents ?? {}),
    },
    saved: null,
    hintsShown: Math.min(
      input.hintsShown ?? 0,
      input.scenario.exercises.flatMap((e) => e.hints).length,
    ),
    results: null,
  }),
  initial: 'editing',
  on: {
    HINT: { guard: 'moreHints', actions: 'hint' },
  },
  states: {
    editing: {
      on: {
        EDIT: {
          guard: 'editable',
          actions: { type: 'edit', params: ({ event }) => ({ doc: event.doc, text: event.text }) },
        },
        CHECK: 'checking',
        SHOW_SOLUTION: { target: 'viewingSolution', actions: 'showSolution' },
        RESET: { actions: 'reset' },
      },
    },
    checking: {
      entry: 'check',
      always: [{ guard: 'allPassed', target: 'solved' }, { target: 'notYet' }],
    },
    notYet: {
      on: {
        EDIT: {
          guard: 'editable',
          target: 'editing',
          actions: { type: 'edit', params: ({ event }) => ({ doc: event.doc, text: event.text }) },
        },
        CHECK: 'checking',
        SHOW_SOLUTION: { target: 'viewingSolution', actions: 'showSolution' },
        RESET: { target: 'editing', actions: 'reset' },
      },
    },
    solved: {
      tags: ['decided'],
      on: {
        EDIT: {
          guard: 'editable',
          target: 'editing',
          actions: { type: 'edit', params: ({ event }) => ({ doc: event.doc, text: event.text }) },
        },
        RESET: { target: 'editing', actions: 'reset' },
      },
    },
    viewingSolution: {
      on: {
        CHECK: 'checkingSolution',
        RESTORE: { target: 'editing', actions: 'restore' },
      },
    },
    // Checking the shown solution proves it works without counting as the learner's own.
    checkingSolution: {
      entry: 'check',
      always: 'viewingSolution',
    },
  },
});
