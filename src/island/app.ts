// The composition root of a sandbox once the learner touches it: reads the embedded scenario
// and the first state (link → saved → start), creates the controller, mounts the panels and
// subscribes saving, the share URL and the announcements. Learner text only ever reaches the
// page through textContent and DOM nodes (../dom/tree.ts toDom), never innerHTML.
import { langFrom, t, type Lang } from '../i18n/strings.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { browserStore, exportProgress, importProgress, loadSaved } from '../state/storage.ts';
import { announcer } from './announce.ts';
import { SandboxController, type ControllerEvent, type Restorable } from './controller.ts';
import { embedCode } from './embed-code.ts';
import { guidePanels } from './guide.ts';
import {
  adoptEarlyInput,
  attemptPanel,
  diagramPanel,
  exercisesPanel,
  policyPanels,
  runPanel,
  sessionsPanel,
  type Panel,
} from './panels.ts';
import { persist, readInitial, restorable, shareState, shareUrl } from './persistence.ts';
import { decisionWords } from './views/attempt.ts';
import { solutionDiffPanel } from './views/solution-diff.ts';
import { accessPanel } from './views/access.ts';

/** Pause in typing after which goals are re-checked. */
const GOAL_DELAY_MS = 150;

export interface Mounted {
  /** The playground's world editor reads the learner's documents and attempt from it. */
  readonly controller: SandboxController;
  dispose(): void;
}

/**
 * `keep`: the playground's world editor re-mounts on a changed world with the learner's
 * documents and attempt; they replace the link/saved/start choice and are saved at once.
 */
export function mountSandbox(root: HTMLElement, keep?: Restorable): Mounted {
  const lang: Lang = langFrom(root.dataset['lang'] ?? document.documentElement.lang);
  const scenario = JSON.parse(
    root.querySelector('script[data-scenario]')?.textContent ?? 'null',
  ) as Scenario;
  const say = announcer(root.querySelector<HTMLElement>('[data-notices]'));
  const store = browserStore();
  const query = new URL(location.href).searchParams;
  const embed = root.dataset['embed'] === 'true';
  const readOnly = embed && query.get('readonly') === '1';
  const level = Number(root.dataset['headingLevel'] ?? '3');

  const init = readInitial(scenario, new URL(location.href), store);
  // A bad link shows the start: the learner's own saved work is not mistaken for the link's.
  const restore =
    keep ??
    (init.source === 'start'
      ? undefined
      : restorable(scenario, init.state, init.source === 'saved' ? init.saved : null));
  const controller = new SandboxController(scenario, restore);
  const notices =
    keep === undefined
      ? init.notices.filter((n) => n !== 'restoredFromSave' || init.source === 'saved')
      : [];
  if (notices.length > 0) {
    const warn = notices.some(
      (n) => n === 'badLink' || n === 'corruptStorage' || n === 'storageUnavailable',
    );
    say.say(notices.map((n) => t(lang, n)).join(' '), warn ? 'warning' : 'info');
  }
  if (embed) {
    const shown = query.get('panels')?.split(',');
    if (shown !== undefined)
      for (const section of root.querySelectorAll<HTMLElement>('[data-panel]'))
        section.hidden = !shown.includes(section.dataset['panel'] ?? '');
  }

  const policies = policyPanels(root, controller, {
    lang,
    readOnly,
    warn: (key) => {
      say.say(t(lang, key), 'warning');
    },
  });
  const form = root.querySelector<HTMLFormElement>('[data-attempt-form]');
  const diagram = diagramPanel(root, lang);
  const panels: Panel[] = [
    policies.panel,
    ...(form === null ? [] : [attemptPanel(form, controller, lang)]),
    runPanel(root, policies.panels, lang),
    sessionsPanel(root, lang),
    exercisesPanel(root, level, lang),
    diagram,
    accessPanel(root, level + 1, lang, {
      onPaths: (paths) => {
        diagram.setPaths(paths);
      },
    }),
    solutionDiffPanel(root, level, lang),
    ...guidePanels(root, controller, lang),
  ];
  const storageProblem = (): void => {
    if (!init.notices.includes('storageUnavailable'))
      say.say(t(lang, 'storageUnavailable'), 'warning');
  };
  let goalTimer: ReturnType<typeof setTimeout> | undefined;
  // Opening a page is not a change: only what happens after mounting is saved.
  let mounted = false;
  const unsubscribe = controller.subscribe((snapshot, changes) => {
    for (const panel of panels) panel.render(snapshot, changes);
    // Edits arrive per keystroke: goals (every goal's calls through the engine) once typing
    // pauses, so a keystroke always fits in a frame.
    if (changes.has('documents') && !changes.has('goals')) {
      clearTimeout(goalTimer);
      goalTimer = setTimeout(() => {
        controller.refreshGoals();
      }, GOAL_DELAY_MS);
    }
    if (mounted) persist(controller, store, storageProblem);
  });
  const unlisten = controller.onEvent((event) => {
    announce(event);
  });
  const announce = (event: ControllerEvent): void => {
    switch (event.type) {
      case 'ran': {
        const last = event.run.result.steps.at(-1)?.outcome;
        const words = decisionWords(event.run.decision, lang);
        say.say(
          last === undefined || last.ok
            ? words
            : `${words}. ${last.error.code}: ${last.error.message}`,
          event.run.decision === 'allowed' ? 'info' : 'warning',
        );
        return;
      }
      case 'stepped':
        say.say(t(lang, `step_${event.active}`));
        return;
      case 'goalFlipped':
        say.say(
          t(lang, event.goal.met ? 'goalFlippedMet' : 'goalFlippedUnmet', {
            title: event.goal.title[lang],
          }),
        );
        return;
      case 'exerciseSolved':
        say.say(`${event.exercise.title[lang]}: ${t(lang, 'exerciseSolved')}`);
        return;
      case 'solved':
        say.say(t(lang, 'solved'));
        return;
      case 'hint':
        say.say(event.hint[lang]);
        return;
      case 'clock':
        say.say(
          `${t(lang, 'clock', { time: new Date(event.now).toISOString() })}${event.expired > 0 ? ` — ${t(lang, 'expired')}: ${event.expired}` : ''}`,
        );
        return;
    }
  };

  const index = (button: HTMLElement): number => Number(button.dataset['index'] ?? '-1');
  const actions: Record<string, (button: HTMLElement) => void> = {
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
      say.clear();
    },
    'undo-reset': () => {
      controller.undoReset();
    },
    'copy-link': () => {
      void copy(shareUrl(controller));
    },
    'copy-embed': () => {
      const option = (name: string): boolean =>
        root.querySelector<HTMLInputElement>(`[data-embed-option="${name}"]`)?.checked === true;
      void copy(
        embedCode({
          origin: location.origin,
          lang,
          scenarioId: scenario.id,
          title: scenario.title[lang],
          state: option('current') ? shareState(controller) : null,
          hideSolution: option('hide-solution'),
        }),
      );
    },
    export: () => {
      const blob = new Blob([exportProgress(store)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'iamlab-progress.json';
      a.click();
      setTimeout(() => {
        URL.revokeObjectURL(a.href);
      }, 0);
    },
  };

  const copyBox = root.querySelector<HTMLTextAreaElement>('[data-copy-box]');
  const copy = async (text: string): Promise<void> => {
    if (copyBox !== null) {
      copyBox.value = text;
      copyBox.hidden = false;
    }
    try {
      await navigator.clipboard.writeText(text);
      say.say(t(lang, 'copied'));
    } catch {
      copyBox?.select();
      say.say(t(lang, 'copyFailed'), 'warning');
    }
  };
  const onClick = (event: MouseEvent): void => {
    const target =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    if (target === null || !root.contains(target) || target instanceof HTMLInputElement) return;
    const action = actions[target.dataset['action'] ?? ''];
    if (action === undefined) return;
    event.preventDefault();
    action(target);
  };
  const onImport = (event: Event): void => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset['action'] !== 'import') return;
    const file = input.files?.[0];
    if (file === undefined) return;
    void file.text().then((text) => {
      const r = importProgress(store, text);
      input.value = '';
      if (!r.ok) {
        say.say(
          t(lang, r.problem === 'invalid' ? 'importFailed' : 'storageUnavailable'),
          'warning',
        );
        return;
      }
      // The open page shows what was imported at once, not after a reload.
      const loaded = loadSaved(store, scenario.id, scenario.version);
      if (loaded.ok && loaded.saved !== null) {
        const initial = readInitial(scenario, new URL(location.pathname, location.origin), store);
        controller.restore(restorable(scenario, initial.state, loaded.saved));
      }
      say.say(t(lang, 'imported', { count: r.count }));
    });
  };
  root.addEventListener('click', onClick);
  root.addEventListener('change', onImport);

  // What the learner picked or typed while the simulator loaded is theirs: keep it.
  if (init.source === 'start' && form !== null) adoptEarlyInput(form, controller);
  // The build rendered the start; a link or saved work changes what the panels show.
  controller.refreshGoals(['documents', 'attempt', 'run', 'sessions', 'exercises']);
  mounted = true;
  if (init.source === 'url' || keep !== undefined) persist(controller, store, storageProblem);

  return {
    controller,
    dispose() {
      clearTimeout(goalTimer);
      unsubscribe();
      unlisten();
      root.removeEventListener('click', onClick);
      root.removeEventListener('change', onImport);
      for (const panel of panels) panel.dispose();
      controller.dispose();
    },
  };
}
