// The only door to Monaco: a dynamic import, started when the learner asks to edit.
import type { createPolicyEditor } from './monaco.ts';

let pending: Promise<typeof createPolicyEditor> | null = null;

export function loadEditor(): Promise<typeof createPolicyEditor> {
  pending ??= import('./monaco.ts').then((m) => m.createPolicyEditor);
  // A failed load (offline after deploy) must be retryable, not cached forever.
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

/** Touch-first devices get the plain text box: Monaco's mobile support is limited. */
export function prefersPlainEditor(): boolean {
  return (
    globalThis.matchMedia('(pointer: coarse)').matches &&
    !globalThis.matchMedia('(pointer: fine)').matches
  );
}
