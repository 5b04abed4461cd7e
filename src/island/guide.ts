// What leads a learner on (issue 10): the guided start (./tour.ts), and after a solved
// exercise a way to the next one or to the next chapter. Also notes which sandbox the learner
// worked in last, so that the landing page can offer "continue where you left off"
// (src/progress/client.ts reads RECENT_KEY).
import { t, type Lang } from '../i18n/strings.ts';
import type { SandboxController, Snapshot } from './controller.ts';
import type { Panel } from './panels.ts';
import { tourPanel } from './tour.ts';

/** `<scenario>@<version>` of the sandbox the learner last worked in (no timestamps in saves). */
export const RECENT_KEY = 'iamlab:recent';

interface NextChapter {
  readonly href: string;
  readonly title: string;
}

function nextChapterOf(root: HTMLElement): NextChapter | null {
  try {
    const data: unknown = JSON.parse(root.dataset['nextChapter'] ?? 'null');
    if (typeof data !== 'object' || data === null) return null;
    const { href, title } = data as { href?: unknown; title?: unknown };
    return typeof href === 'string' && typeof title === 'string' ? { href, title } : null;
  } catch {
    return null;
  }
}

/**
 * The exercise to go to after `after` (the one just solved): the next unsolved one after it,
 * else the first unsolved one before it; `null` when every exercise is solved.
 */
export function nextExercise(
  exercises: Snapshot['exercises'],
  after: string | null,
): { readonly id: string; readonly n: number } | null {
  const from = exercises.findIndex((e) => e.id === after);
  const order = [...exercises.keys()].map((i) => (from + 1 + i) % exercises.length);
  const i = order.find((k) => exercises[k]?.solved === false);
  const e = i === undefined ? undefined : exercises[i];
  return i === undefined || e === undefined ? null : { id: e.id, n: i + 1 };
}

function nextPanel(root: HTMLElement, controller: SandboxController, lang: Lang): Panel {
  const chapter = nextChapterOf(root);
  const box = document.createElement('p');
  box.className = 'sb-next';
  box.dataset['next'] = '';
  let shown = '';

  let lastSolved: string | null = null;
  let recentNoted = false;
  const noteRecent = (): void => {
    if (recentNoted) return;
    recentNoted = true;
    try {
      localStorage.setItem(
        RECENT_KEY,
        `${controller.scenario.id}@${String(controller.scenario.version)}`,
      );
    } catch {
      // The landing page falls back to the chapters that have saved work.
    }
  };
  const unlisten = controller.onEvent((event) => {
    if (event.type === 'exerciseSolved') lastSolved = event.exercise.id;
    noteRecent();
  });

  const render = (x: Snapshot): void => {
    const solved = x.exercises.filter((e) => e.solved);
    const after = solved.find((e) => e.id === lastSolved) ?? solved.at(-1);
    if (after === undefined) {
      box.remove();
      shown = '';
      return;
    }
    // Right under the solved exercise, where "Exercise solved." appears. The exercises panel
    // rebuilds its sections (and drops this box) before this panel renders: put it back.
    const section = root.querySelector(`[data-exercise="${CSS.escape(after.id)}"]`);
    if (section === null) root.append(box);
    else if (box.previousElementSibling !== section) section.after(box);
    const target = nextExercise(x.exercises, after.id);
    const key = target === null ? 'chapter' : target.id;
    if (key === shown) return;
    shown = key;
    if (target !== null) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'sb-btn sb-primary';
      b.dataset['nextExercise'] = target.id;
      b.textContent = t(lang, 'nextExercise', { n: target.n });
      box.replaceChildren(b);
    } else if (chapter !== null) {
      const a = document.createElement('a');
      a.className = 'sb-btn sb-primary';
      a.href = chapter.href;
      a.dataset['nextChapter'] = '';
      a.textContent = t(lang, 'nextChapter', { title: chapter.title });
      box.replaceChildren(a);
    } else {
      box.replaceChildren();
    }
    box.hidden = box.childElementCount === 0;
  };
  const onClick = (event: MouseEvent): void => {
    const id =
      event.target instanceof HTMLElement ? event.target.dataset['nextExercise'] : undefined;
    if (id === undefined) return;
    const section = root.querySelector<HTMLElement>(`[data-exercise="${CSS.escape(id)}"]`);
    const heading = section?.querySelector<HTMLElement>('h2, h3, h4, h5, h6') ?? section;
    if (heading === null) return;
    // A heading is not focusable by itself; -1 keeps it out of the tab order.
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  box.addEventListener('click', onClick);

  let seen = false;
  return {
    render(x, changes) {
      // The first render is the page opening; anything after it is the learner's doing.
      if (seen && (changes.has('documents') || changes.has('attempt'))) noteRecent();
      seen = true;
      if (changes.has('exercises') || changes.has('goals')) render(x);
    },
    dispose() {
      unlisten();
      box.removeEventListener('click', onClick);
      box.remove();
    },
  };
}

/** The guide's panels for app.ts: the tour only in the course's own pages, not in embeds. */
export function guidePanels(root: HTMLElement, controller: SandboxController, lang: Lang): Panel[] {
  const inCourse = root.dataset['embed'] !== 'true' && root.dataset['worldKey'] === undefined;
  const tour = inCourse ? tourPanel(root, (listener) => controller.onEvent(listener), lang) : null;
  return [nextPanel(root, controller, lang), ...(tour === null ? [] : [tour])];
}
