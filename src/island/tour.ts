// The guided start (issue 10): the first sandbox a learner wakes offers a five-step tour of
// the loop every exercise follows (pick an attempt → Run → read the evaluation → edit a
// policy → a goal turns green). Each step points at the real control and advances when the
// learner does the thing, so the tour teaches by doing rather than by reading. Once skipped or
// finished it never shows again; if storage cannot be read, it is not shown at all, because a
// tour that cannot remember its dismissal would come back on every page.
import { t, type Lang, type StringKey } from '../i18n/strings.ts';
import type { ControllerEvent, Snapshot } from './controller.ts';
import type { Panel } from './panels.ts';

export const TOUR_KEY = 'iamlab:tour';

type StepId = 'pick' | 'run' | 'trace' | 'edit' | 'goal';

const STEPS: readonly {
  readonly id: StepId;
  readonly target: (root: HTMLElement) => HTMLElement | null;
}[] = [
  { id: 'pick', target: (r) => r.querySelector('select[data-attempt-select]') },
  { id: 'run', target: (r) => r.querySelector('[data-run]') },
  { id: 'trace', target: (r) => r.querySelector('[data-stepper]') },
  {
    id: 'edit',
    target: (r) =>
      [...r.querySelectorAll<HTMLElement>('.sb-policy button[data-action="edit"]')].find(
        (b) => !b.hidden,
      ) ?? null,
  },
  {
    id: 'goal',
    // The goal the learner is most likely to turn green next: the first one not yet met.
    target: (r) =>
      r.querySelector('[data-goal][data-met="false"][data-guard="false"]') ??
      r.querySelector('[data-goal]'),
  },
];

/** Only one sandbox per page runs the tour: the first one the learner wakes. */
let claimed = false;

function storedState(): 'show' | 'hide' {
  try {
    return localStorage.getItem(TOUR_KEY) === null ? 'show' : 'hide';
  } catch {
    return 'hide';
  }
}

function remember(how: 'skipped' | 'finished'): void {
  try {
    localStorage.setItem(TOUR_KEY, how);
  } catch {
    // Nothing to do: storage that fails now was readable a moment ago; the tour ends anyway.
  }
}

type Subscribe = (listener: (event: ControllerEvent) => void) => () => void;

/** `null` when this sandbox does not run the tour (dismissed before, or another sandbox has it). */
export function tourPanel(root: HTMLElement, onEvent: Subscribe, lang: Lang): Panel | null {
  if (claimed || storedState() === 'hide') return null;
  // Steps whose control this sandbox lacks (no attempt form, nothing editable) are left out.
  const steps = STEPS.filter((s) => s.target(root) !== null);
  if (steps.length === 0) return null;
  claimed = true;

  const id = `${root.dataset['sandbox'] ?? 'sb'}-tour`;
  const box = document.createElement('div');
  box.className = 'sb-tour';
  box.dataset['tour'] = '';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', t(lang, 'tourLabel'));
  const count = document.createElement('p');
  count.className = 'sb-tour-count';
  const text = document.createElement('p');
  text.className = 'sb-tour-text';
  text.id = `${id}-text`;
  // Each step is read out when it starts, wherever the learner's focus is.
  text.setAttribute('role', 'status');
  text.setAttribute('aria-live', 'polite');
  const actions = document.createElement('div');
  actions.className = 'sb-tour-actions';
  const next = button(t(lang, 'tourNext'), 'next');
  const skip = button(t(lang, 'tourSkip'), 'skip');
  actions.append(next, skip);
  box.append(count, text, actions);

  let index = 0;
  let finished = false;
  let target: HTMLElement | null = null;
  let firstDocuments: Snapshot['documents'] | null = null;
  let frame = 0;

  // The part of the dock that stays on screen: the whole dock, or on a phone its attempt bar
  // (src/styles/sandbox.css); the callout never covers it, nor Starlight's fixed header.
  const dock = root.querySelector<HTMLElement>('[data-dock]');
  const stuckDock = (): HTMLElement | null =>
    [dock, ...(dock?.children ?? [])].find(
      (e): e is HTMLElement =>
        e instanceof HTMLElement &&
        e.getClientRects().length > 0 &&
        getComputedStyle(e).position === 'sticky',
    ) ?? null;
  const headerBottom = (): number =>
    Math.max(
      0,
      ...[...document.querySelectorAll('header.header, mobile-starlight-toc nav')].map(
        (e) => e.getBoundingClientRect().bottom,
      ),
    );

  const place = (): void => {
    frame = 0;
    if (!box.isConnected) return;
    const current = finished ? null : (steps[index]?.target(root) ?? null);
    if (current !== target) {
      unmark();
      target = current;
    }
    if (target !== null) {
      target.classList.add('sb-tour-target');
      target.setAttribute('aria-describedby', text.id);
    }
    const stuck = stuckDock();
    const stuckRect = stuck?.getBoundingClientRect();
    const targetRect = target?.getBoundingClientRect();
    // A control in the dock, or none (the tour's end): the callout sits on top of the dock,
    // covering none of its controls.
    const inDock = target === null || (stuck?.contains(target) ?? false);
    const anchor = inDock ? stuckRect : targetRect;
    if (anchor === undefined || anchor.width === 0) {
      // Nothing to point at (hidden by an embed, collapsed): the callout stays at the corner.
      box.classList.add('is-floating');
      box.classList.remove('is-away');
      box.style.removeProperty('top');
      box.style.removeProperty('left');
      return;
    }
    box.classList.remove('is-floating');
    // The band the learner reads: under the header, above the dock where it is on screen.
    const bandTop = headerBottom();
    const bandBottom =
      stuckRect !== undefined && stuckRect.top < window.innerHeight && stuckRect.bottom > bandTop
        ? stuckRect.top
        : window.innerHeight;
    // Scrolled away, the callout goes with what it points at (held at the screen's edge, it
    // covered other controls). It stays readable to screen readers, and comes back when the
    // keyboard reaches its buttons.
    const away =
      !box.contains(document.activeElement) &&
      (inDock
        ? anchor.top <= bandTop || anchor.top > window.innerHeight
        : anchor.bottom <= bandTop || anchor.top >= bandBottom);
    box.classList.toggle('is-away', away);
    if (away) return;
    const gap = 8;
    const height = box.offsetHeight;
    const width = box.offsetWidth;
    const roomBelow = bandBottom - anchor.bottom - gap;
    const roomAbove = anchor.top - bandTop - gap;
    let top: number;
    if (!inDock && height <= roomBelow && (roomBelow >= roomAbove || height > roomAbove))
      top = anchor.bottom + gap;
    else if (height <= roomAbove) top = anchor.top - gap - height;
    // A control taller than the room around it: over its own lower part, above the dock.
    else top = bandBottom - gap - height;
    top = Math.max(bandTop + gap, Math.min(top, window.innerHeight - height - gap));
    // Within the sandbox's column, so that it covers neither sidebar.
    const column = root.getBoundingClientRect();
    const fits = width <= column.width;
    const lo = fits ? Math.max(gap, column.left) : gap;
    const hi =
      (fits ? Math.min(column.right, window.innerWidth - gap) : window.innerWidth - gap) - width;
    const left = Math.max(lo, Math.min(targetRect?.left ?? anchor.left, hi));
    box.style.top = `${String(Math.round(top))}px`;
    box.style.left = `${String(Math.round(left))}px`;
  };
  const schedule = (): void => {
    if (frame === 0) frame = requestAnimationFrame(place);
  };
  const unmark = (): void => {
    target?.classList.remove('sb-tour-target');
    if (target?.getAttribute('aria-describedby') === text.id)
      target.removeAttribute('aria-describedby');
  };

  const show = (): void => {
    const step = steps[index];
    if (step === undefined) return;
    count.textContent = t(lang, 'tourStepOf', { n: index + 1, total: steps.length });
    text.textContent = t(lang, `tour_${step.id}` satisfies StringKey);
    box.dataset['step'] = step.id;
    next.textContent = t(lang, 'tourNext');
    schedule();
  };
  const finish = (): void => {
    finished = true;
    remember('finished');
    unmark();
    target = null;
    box.dataset['step'] = 'done';
    count.textContent = '';
    text.textContent = t(lang, 'tourFinished');
    next.textContent = t(lang, 'tourDone');
    skip.hidden = true;
    schedule();
  };
  /** The learner did step `id` (or one after it, skipping ahead): the tour follows. */
  const did = (id: StepId): void => {
    if (finished) return;
    const at = steps.findIndex((s) => s.id === id);
    if (at < index) return;
    index = at + 1;
    if (index >= steps.length) finish();
    else show();
  };
  const close = (how: 'skipped' | 'finished'): void => {
    const hadFocus = box.contains(document.activeElement);
    const back = target;
    if (how === 'skipped') remember('skipped');
    stop();
    // Focus must not fall to the page's top when the callout it sat in goes away.
    if (hadFocus) (back ?? root.querySelector<HTMLElement>('[data-run]'))?.focus();
  };
  const onNext = (): void => {
    if (finished) {
      close('finished');
      return;
    }
    index += 1;
    if (index >= steps.length) {
      finish();
      next.focus();
      return;
    }
    show();
    place();
    // Keyboard users land on the control the step is about; its description is the step.
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  };
  const onClick = (event: MouseEvent): void => {
    const action =
      event.target instanceof Element
        ? event.target.closest<HTMLElement>('[data-tour-action]')?.dataset['tourAction']
        : undefined;
    if (action === 'next') onNext();
    else if (action === 'skip') close('skipped');
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const focus = document.activeElement;
    if (!box.contains(focus) && (target === null || focus !== target)) return;
    event.preventDefault();
    if (finished) close('finished');
    else close('skipped');
  };
  // Stepping after a Run re-shows the verdict (a 'ran', not a 'stepped'): any use of the
  // evaluation's controls counts as reading it.
  const onRootClick = (event: MouseEvent): void => {
    if (
      event.target instanceof Element &&
      event.target.closest(
        '[data-stepper] button, [data-action="step"], [data-action="reset-run"], [data-action="show-call"]',
      ) !== null
    )
      did('trace');
  };
  const onChange = (event: Event): void => {
    if (event.target instanceof Element && event.target.matches('select[data-attempt-select]'))
      did('pick');
  };
  const unlisten = onEvent((event) => {
    if (event.type === 'ran') did('run');
    else if (event.type === 'stepped') did('trace');
    else if (event.type === 'goalFlipped' && event.goal.met) did('goal');
  });

  box.addEventListener('click', onClick);
  box.addEventListener('focusin', schedule);
  root.addEventListener('keydown', onKey);
  root.addEventListener('change', onChange);
  root.addEventListener('click', onRootClick);
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  root.append(box);
  // Filled after insertion: a live region announces changes, not its first content.
  setTimeout(show, 50);

  function stop(): void {
    cancelAnimationFrame(frame);
    unlisten();
    unmark();
    box.removeEventListener('click', onClick);
    box.removeEventListener('focusin', schedule);
    root.removeEventListener('keydown', onKey);
    root.removeEventListener('change', onChange);
    root.removeEventListener('click', onRootClick);
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
    box.remove();
  }

  return {
    render(x, changes) {
      firstDocuments ??= x.documents;
      if (changes.has('documents') && x.documents !== firstDocuments) did('edit');
      // Panels re-render the controls the steps point at: find them again.
      schedule();
    },
    dispose: stop,
  };
}

function button(label: string, action: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'sb-btn';
  b.dataset['tourAction'] = action;
  b.textContent = label;
  return b;
}
