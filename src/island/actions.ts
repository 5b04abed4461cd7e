// The sandbox's buttons that command the controller, by their `data-action`: run a step or
// a goal, pick a call, fast-forward, use a session, hints, the solution, reset and undo.
import { t, type Lang } from '../i18n/strings.ts';
import type { Announcer } from './announce.ts';
import type { SandboxController } from './controller.ts';

export function controllerActions(
  root: HTMLElement,
  controller: SandboxController,
  say: Announcer,
  lang: Lang,
): Record<string, (button: HTMLElement) => void> {
  const index = (button: HTMLElement): number => Number(button.dataset['index'] ?? '-1');
  return {
    step: () => {
      controller.step();
    },
    'reset-run': () => {
      controller.resetStepper();
      say.clear();
    },
    'select-step': (b) => {
      controller.selectStep(index(b));
    },
    'show-call': (b) => {
      controller.selectStep(index(b));
    },
    'add-step': () => {
      controller.addStep();
    },
    'remove-step': (b) => {
      controller.removeStep(index(b));
    },
    'run-goal': (b) => {
      controller.runGoal(b.dataset['goalId'] ?? '');
    },
    forward: (b) => {
      controller.forward(Number(b.dataset['minutes'] ?? '0'));
    },
    whoami: (b) => {
      controller.whoami(Number(b.dataset['session']));
    },
    'use-session': (b) => {
      controller.useSession(Number(b.dataset['session']));
      root.querySelector<HTMLElement>('select[name="caller"]')?.focus();
    },
    hint: (b) => {
      controller.showHint(b.dataset['exerciseId'] ?? '');
    },
    solution: () => {
      if (confirm(t(lang, 'confirmSolution'))) controller.showSolution();
    },
    'restore-mine': () => {
      controller.restoreMine();
    },
    reset: () => {
      controller.reset();
      // Nothing was asked: say what happened and how to get the edits back.
      say.say(t(lang, 'resetDone'));
    },
    'undo-reset': () => {
      controller.undoReset();
    },
  };
}
