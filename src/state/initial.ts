// Where a sandbox's first state comes from: a share link wins (the learner clicked it on
// purpose), then saved progress, then the scenario's start. Problems along the way become
// notices for the learner and never block the start state.
import { applyDiff, type SandboxState } from './model.ts';
import { decodeShare, linkDigest, shareParam } from './share.ts';
import { loadSaved, type KeyValueStore, type Saved } from './storage.ts';

export type Notice =
  'badLink' | 'corruptStorage' | 'storageUnavailable' | 'restoredFromLink' | 'restoredFromSave';

export interface Initial {
  readonly state: SandboxState;
  readonly source: 'url' | 'saved' | 'start';
  readonly saved: Saved | null;
  readonly notices: readonly Notice[];
}

export function initialState(args: {
  readonly url: URL;
  readonly store: KeyValueStore | null;
  readonly scenario: string;
  readonly version: string | number;
  readonly start: SandboxState;
}): Initial {
  const notices: Notice[] = [];
  const loaded = loadSaved(args.store, args.scenario, args.version);
  let saved: Saved | null = null;
  if (loaded.ok) saved = loaded.saved;
  else notices.push(loaded.problem === 'corrupt' ? 'corruptStorage' : 'storageUnavailable');

  const param = args.url.searchParams.get(shareParam(args.scenario));
  // The learner's own page, reloaded (or gone back to) before its address caught up with the
  // last save: the save is the newer state.
  if (param !== null && saved !== null && saved.supersedes === linkDigest(param)) {
    notices.push('restoredFromSave');
    return { state: applyDiff(args.start, saved.state), source: 'saved', saved, notices };
  }
  if (param !== null) {
    const decoded = decodeShare(param, args.version);
    if (decoded.ok) {
      notices.push('restoredFromLink');
      return { state: applyDiff(args.start, decoded.diff), source: 'url', saved, notices };
    }
    notices.push('badLink');
    // A bad link shows the start, not saved edits: the learner expected someone else's state
    // and should not mistake their own for it.
    return { state: args.start, source: 'start', saved, notices };
  }
  if (saved !== null) {
    notices.push('restoredFromSave');
    return { state: applyDiff(args.start, saved.state), source: 'saved', saved, notices };
  }
  return { state: args.start, source: 'start', saved, notices };
}
