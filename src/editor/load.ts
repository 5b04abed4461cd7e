// The only doors to Monaco and to AWS's action catalog: dynamic imports, started when the
// learner asks to edit (Monaco) or starts editing in either editor (the catalog).
import type * as CatalogAids from './summary.ts';
import type { createPolicyEditor } from './monaco.ts';

let pending: Promise<typeof createPolicyEditor> | null = null;
let aids: Promise<typeof CatalogAids> | null = null;

export function loadEditor(): Promise<typeof createPolicyEditor> {
  pending ??= import('./monaco.ts').then((m) => m.createPolicyEditor);
  // A failed load (offline after deploy) must be retryable, not cached forever.
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

/**
 * What a policy being edited gets from AWS's action catalog, in Monaco or the plain text box:
 * its findings with the catalog (`catalogFindings` of ./catalog-client.ts) and its summary
 * (`summaryFor`). One door for both, ./summary.ts, the lazy chunk that already brings the
 * catalog client: a second dynamic import straight to the client made the bundler move part
 * of the island's code into a chunk of its own, one more file for the page to preload.
 * Loading it fetches nothing yet; the catalog's files come with the first findings asked for.
 */
export function loadCatalogAids(): Promise<typeof CatalogAids> {
  aids ??= import('./summary.ts');
  aids.catch(() => {
    aids = null;
  });
  return aids;
}

/** Touch-first devices get the plain text box: Monaco's mobile support is limited. */
export function prefersPlainEditor(): boolean {
  return (
    globalThis.matchMedia('(pointer: coarse)').matches &&
    !globalThis.matchMedia('(pointer: fine)').matches
  );
}
