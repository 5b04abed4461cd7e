// The composition root of a sandbox once the learner touches it: reads the embedded scenario
// and the first state (link → saved → start), creates the controller, mounts the panels and
// subscribes saving, the share URL and the announcements. Learner text only ever reaches the
// page through textContent and DOM nodes (../dom/tree.ts toDom), never innerHTML.
import { langFrom, t, type Lang } from '../i18n/strings.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { browserStore } from '../state/storage.ts';
import { announcer } from './announce.ts';
import { eventWords } from './announcements.ts';
import { SandboxController, type Restorable } from './controller.ts';
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
import {
  deferredSaving,
  dropShare,
  pageSavingHost,
  persist,
  readInitial,
  restorable,
} from './persistence.ts';
import { shareParam } from '../state/share-param.ts';
import { shareActions } from './share-actions.ts';
import { controllerActions } from './actions.ts';
import { solutionDiffPanel } from './views/solution-diff.ts';
import { accessPanel, pathsQueryPanel } from './views/access.ts';
import type { DiagramPath } from '../world/diagram.ts';

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
  // The diagram draws what an edit changed and the answer to "how can X reach Y?".
  let changedPaths: readonly DiagramPath[] = [];
  let askedPaths: readonly DiagramPath[] = [];
  const pathsQuery = pathsQueryPanel(root, lang, (paths) => {
    askedPaths = paths;
    diagram.setPaths([...changedPaths, ...askedPaths]);
  });
  const panels: Panel[] = [
    policies.panel,
    ...(form === null ? [] : [attemptPanel(form, controller, lang)]),
    runPanel(root, policies.panels, lang),
    sessionsPanel(root, lang),
    exercisesPanel(root, level, lang),
    diagram,
    accessPanel(root, level + 1, lang, {
      onPaths: (paths) => {
        changedPaths = paths;
        diagram.setPaths([...changedPaths, ...askedPaths]);
      },
      onMap: (map, aliases) => {
        pathsQuery.update(map, aliases);
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
  const saving = deferredSaving(
    (leaving, dropped) => {
      persist(controller, store, storageProblem, leaving, dropped);
    },
    () => dropShare(controller),
    pageSavingHost(),
  );
  const unsubscribe = controller.subscribe((snapshot, changes) => {
    for (const panel of panels) panel.render(snapshot, changes);
    // Edits arrive per keystroke: goals (every goal's calls through the engine) once typing
    // pauses, so a keystroke always fits in a frame.
    if (changes.has('documents') && !changes.has('goals')) {
      clearTimeout(goalTimer);
      goalTimer = setTimeout(() => {
        goalTimer = undefined;
        controller.refreshGoals();
      }, GOAL_DELAY_MS);
    }
    if (!mounted) return;
    // Saving is not on the keystroke path either: edits (typing, and a reset or solution as
    // well) and changes to goals and exercises alone (the re-check after typing, a hint) are
    // saved once typing pauses, and when the page is hidden or left; the rest (a run, the
    // clock, sessions) at once.
    if (changes.has('documents') || changes.has('attempt')) saving.edited();
    else if ([...changes].every((c) => c === 'goals' || c === 'exercises')) saving.checked();
    else saving.now();
  });
  const unlisten = controller.onEvent((event) => {
    // A run right after an edit: the goals the edit changed are told first and the verdict
    // last, so the status line ends on what the learner asked for.
    if (event.type === 'ran' && goalTimer !== undefined) {
      clearTimeout(goalTimer);
      goalTimer = undefined;
      controller.refreshGoals();
    }
    const words = eventWords(event, lang);
    say.say(words.text, words.tone);
  });

  const share = shareActions(root, controller, store, say, lang);
  const actions: Record<string, (button: HTMLElement) => void> = {
    ...controllerActions(root, controller, say, lang),
    ...share.actions,
  };

  const onClick = (event: MouseEvent): void => {
    const target =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    if (target === null || !root.contains(target) || target instanceof HTMLInputElement) return;
    const action = actions[target.dataset['action'] ?? ''];
    if (action === undefined) return;
    event.preventDefault();
    // Export reads the saved progress, and the share link the state: both as the page shows it.
    saving.flush();
    action(target);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('change', share.onImport);

  // What the learner picked or typed while the simulator loaded is theirs: keep it.
  if (init.source === 'start' && form !== null) adoptEarlyInput(form, controller);
  // The build rendered the start; a link or saved work changes what the panels show.
  controller.refreshGoals(['documents', 'attempt', 'run', 'sessions', 'exercises']);
  mounted = true;
  // A link in the URL restored as the newer save that supersedes it: the URL catches up, and
  // the save still supersedes that link (a navigation to it may have started already).
  const superseded =
    init.source === 'saved' && new URL(location.href).searchParams.has(shareParam(scenario.id));
  if (init.source === 'url' || keep !== undefined || superseded)
    persist(controller, store, storageProblem, superseded);

  return {
    controller,
    dispose() {
      clearTimeout(goalTimer);
      saving.dispose();
      unsubscribe();
      unlisten();
      root.removeEventListener('click', onClick);
      root.removeEventListener('change', share.onImport);
      for (const panel of panels) panel.dispose();
      pathsQuery.dispose();
      controller.dispose();
    },
  };
}
