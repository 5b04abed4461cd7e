// Saving and the share URL, as one subscriber of the controller: whatever the page shows is
// what a reload or a copied link brings back. Also reads the first state (link → saved →
// start) into what the controller restores. Typing is saved once it pauses (`deferredSaving`),
// and whatever is pending is saved when the page is hidden or left.
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { diffFromStart, type SandboxState } from '../state/model.ts';
import { initialState, type Initial } from '../state/initial.ts';
import { encodeShare, linkDigest, shareParam, withShare } from '../state/share.ts';
import { save, type KeyValueStore, type Saved } from '../state/storage.ts';
import { draftFromRecord, draftToRecord, startDraft } from './attempt-model.ts';
import type { Restorable, SandboxController } from './controller.ts';

/** The start state as the saved/shared model knows it. */
export function startState(s: Scenario): SandboxState {
  const policies: Record<string, string> = {};
  for (const id of s.editable) policies[id] = s.world.documents[id] ?? '';
  return { policies, attempt: draftToRecord(s, startDraft(s)) };
}

/** The controller's state as the saved/shared model knows it. */
export function currentState(controller: SandboxController): SandboxState {
  const x = controller.getSnapshot();
  return { policies: { ...x.documents }, attempt: draftToRecord(x.scenario, x.draft) };
}

/** What a saved entry or a link restores, for the controller. */
export function restorable(s: Scenario, state: SandboxState, saved: Saved | null): Restorable {
  const draft = draftFromRecord(s, state.attempt) ?? startDraft(s);
  const first = s.exercises[0]?.id;
  return {
    documents: state.policies,
    draft,
    // Saves from before exercises had one hint ladder: it belongs to the first exercise.
    hintsShown:
      saved?.hints ??
      (first === undefined || (saved?.hintsShown ?? 0) === 0
        ? {}
        : { [first]: saved?.hintsShown ?? 0 }),
    ...(saved?.mine === undefined ? {} : { mine: saved.mine }),
    credited: saved?.credited ?? [],
    tried: saved?.tried ?? [],
  };
}

export function readInitial(s: Scenario, url: URL, store: KeyValueStore | null): Initial {
  return initialState({ url, store, scenario: s.id, version: s.version, start: startState(s) });
}

/**
 * Saves the current state and keeps this sandbox's share parameter in the URL. `leaving`: the
 * page is being hidden or left (`pagehide`, `visibilitychange`), and a reload's address may
 * have been fixed before this save could update it, holding an older link: the one the URL
 * holds, or the one `dropShare` took out of it since the last save (`dropped`). The save notes
 * that link (`supersedes`), and `initialState` restores this save for it.
 */
export function persist(
  controller: SandboxController,
  store: KeyValueStore | null,
  onStorageProblem: () => void,
  leaving = false,
  dropped: string | null = null,
): void {
  const s = controller.scenario;
  const diff = diffFromStart(currentState(controller), startState(s));
  const encoded = encodeShare(diff, s.version);
  const here = new URL(location.href);
  const linked = here.searchParams.get(shareParam(s.id));
  const older = leaving ? (linked ?? dropped) : null;
  const progress = controller.progress();
  const saved: Saved = {
    v: 1,
    state: diff,
    hintsShown: 0,
    hints: { ...progress.hintsShown },
    solved: progress.solved,
    met: [...progress.met],
    credited: [...progress.credited],
    tried: [...progress.tried],
    ...(progress.mine === undefined ? {} : { mine: { ...progress.mine } }),
    ...(older === null || older === encoded ? {} : { supersedes: linkDigest(older) }),
  };
  if (!save(store, s.id, s.version, saved).ok) onStorageProblem();
  const url = withShare(here, s.id, encoded);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/**
 * Takes this sandbox's share parameter out of the URL while typing is not saved yet: a reload
 * then restores the save the page makes as it unloads, not the older state the link held.
 * The next save puts the parameter back. Returns the value taken out, if any.
 */
export function dropShare(controller: SandboxController): string | null {
  const url = new URL(location.href);
  const name = shareParam(controller.scenario.id);
  const value = url.searchParams.get(name);
  if (value === null) return null;
  url.searchParams.delete(name);
  history.replaceState(history.state, '', url);
  return value;
}

/** Pause in typing after which the state is saved and the share URL updated. */
export const SAVE_DELAY_MS = 400;

/** Where the page says it is being hidden or left, and its frames. */
export interface SavingHost {
  readonly window: EventTarget;
  readonly document: EventTarget & { readonly visibilityState: DocumentVisibilityState };
  /** Runs `fn` once the current frame is drawn; returns a function that cancels it. */
  afterFrame(fn: () => void): () => void;
}

export interface Saving {
  /**
   * An edit (typing in a document or an attempt field; a reset or the solution too): saved
   * once typing pauses. The first of a burst also drops the then stale link from the URL,
   * after the frame is drawn.
   */
  edited(): void;
  /** Goals or exercises alone (the re-check after typing, a hint): saved after the same pause. */
  checked(): void;
  /** Any other change (a run, the clock, sessions): saved now. */
  now(): void;
  /** Saves what is pending, if anything. */
  flush(): void;
  /** Saves what is pending and stops listening to the page. */
  dispose(): void;
}

/**
 * Saving (localStorage, the URL and its compressed share parameter) off the keystroke path:
 * a keystroke only starts a timer. `pagehide` and `visibilitychange` to hidden save what is
 * pending, so a reload, a link followed or a closed tab loses nothing. A reload's address is
 * fixed when it starts, before the page unloads, so the URL must not hold an older link
 * meanwhile: typing drops it (`drop`, once the frame showing the keystroke is drawn:
 * `history.replaceState` can take milliseconds, and forces style and layout), and a save as
 * the page is hidden or left (`save(true, …)`) notes the link it supersedes, whether still in
 * the URL or dropped meanwhile (`dropped`: the reload may have started before the drop).
 * Left open: a reload that starts within a frame of a burst's first keystroke and takes longer
 * than the pause to unload the page, so that the timer's save comes first.
 */
export function deferredSaving(
  save: (leaving: boolean, dropped: string | null) => void,
  drop: () => string | null,
  host: SavingHost,
  delay: number = SAVE_DELAY_MS,
): Saving {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let dropping: (() => void) | null = null;
  /** The link `drop` took out of the URL since the last save. */
  let dropped: string | null = null;
  const saveIfPending = (leaving: boolean): void => {
    clearTimeout(timer);
    timer = undefined;
    dropping?.();
    dropping = null;
    if (!pending) return;
    pending = false;
    const link = dropped;
    dropped = null;
    save(leaving, link);
  };
  const flush = (): void => {
    saveIfPending(false);
  };
  // Both count as leaving, whichever of them comes first as a page unloads.
  const onPageHide = (): void => {
    saveIfPending(true);
  };
  const onVisibility = (): void => {
    if (host.document.visibilityState === 'hidden') saveIfPending(true);
  };
  const schedule = (): void => {
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };
  host.window.addEventListener('pagehide', onPageHide);
  host.document.addEventListener('visibilitychange', onVisibility);
  return {
    edited() {
      dropping ??= host.afterFrame(() => {
        dropped = drop() ?? dropped;
      });
      schedule();
    },
    checked() {
      if (!pending) schedule();
    },
    now() {
      pending = true;
      flush();
    },
    flush,
    dispose() {
      flush();
      host.window.removeEventListener('pagehide', onPageHide);
      host.document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

/** How long `afterFrame` waits for a frame that may never come (a hidden or throttled iframe). */
const FRAME_WAIT_MS = 1000;

/** The page's own events and frames. */
export function pageSavingHost(): SavingHost {
  return {
    window,
    document,
    afterFrame(fn) {
      let done = false;
      const once = (): void => {
        if (done) return;
        done = true;
        cancel();
        fn();
      };
      let next: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => {
        next = setTimeout(once, 0);
      });
      const fallback = setTimeout(once, FRAME_WAIT_MS);
      const cancel = (): void => {
        cancelAnimationFrame(frame);
        clearTimeout(next);
        clearTimeout(fallback);
      };
      return () => {
        done = true;
        cancel();
      };
    },
  };
}

/** The current state as a share parameter's value (`null` at the start). */
export function shareState(controller: SandboxController): string | null {
  const s = controller.scenario;
  return encodeShare(diffFromStart(currentState(controller), startState(s)), s.version);
}

/** The share link for the current state (the URL holds it already; this makes it explicit). */
export function shareUrl(controller: SandboxController): string {
  const s = controller.scenario;
  const diff = diffFromStart(currentState(controller), startState(s));
  return withShare(new URL(location.href), s.id, encodeShare(diff, s.version)).href;
}
