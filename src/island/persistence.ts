// Saving and the share URL, as one subscriber of the controller: whatever the page shows is
// what a reload or a copied link brings back. Also reads the first state (link → saved →
// start) into what the controller restores.
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { diffFromStart, type SandboxState } from '../state/model.ts';
import { initialState, type Initial } from '../state/initial.ts';
import { encodeShare, withShare } from '../state/share.ts';
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

/** Saves after every change and keeps this sandbox's share parameter in the URL. */
export function persist(
  controller: SandboxController,
  store: KeyValueStore | null,
  onStorageProblem: () => void,
): void {
  const s = controller.scenario;
  const diff = diffFromStart(currentState(controller), startState(s));
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
  };
  if (!save(store, s.id, s.version, saved).ok) onStorageProblem();
  const url = withShare(new URL(location.href), s.id, encodeShare(diff, s.version));
  if (url.href !== location.href) history.replaceState(history.state, '', url);
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
