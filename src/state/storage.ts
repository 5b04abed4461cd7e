// Progress in localStorage, one entry per scenario and version so that a changed scenario
// starts clean instead of mixing old edits into new policies. Storage can be missing
// (privacy modes), full, or hand-edited: each case comes back as data, never as a throw.
import { z } from 'zod/mini';
import { SandboxStateSchema, type SandboxState } from './model.ts';

const PREFIX = 'iamlab:sandbox:';

export const SavedSchema = z.object({
  v: z.literal(1),
  /** The diff from the scenario's start. */
  state: SandboxStateSchema,
  hintsShown: z._default(z.int().check(z.gte(0), z.lte(100)), 0),
  solved: z._default(z.boolean(), false),
  /** Ids of the goals met at the last save, for the course map's per-exercise marks. */
  met: z._default(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(200)), []),
  /** Hints shown per exercise id (`hintsShown` is the single ladder of older saves). */
  hints: z.optional(
    z.record(z.string().check(z.maxLength(128)), z.int().check(z.gte(0), z.lte(100))),
  ),
  /** Exercises the learner turned from failing to passing: what the course map credits. */
  credited: z._default(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(100)), []),
  /** Exercises seen failing: passing later earns the credit. */
  tried: z._default(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(100)), []),
  /** The learner's policies kept while the solution is shown. */
  mine: z.optional(z.record(z.string(), z.string())),
  /**
   * `linkDigest` of the share parameter the page's URL still held when this save was made as
   * the page was hidden or left, before a pause in typing had saved the last edits: a reload's
   * address may be fixed by then, so that link means this newer save.
   */
  supersedes: z.optional(z.string().check(z.maxLength(32))),
});

export type Saved = z.infer<typeof SavedSchema>;

export type LoadSaved =
  | { readonly ok: true; readonly saved: Saved | null }
  | { readonly ok: false; readonly problem: 'corrupt' | 'unavailable' };

export type SaveResult =
  { readonly ok: true } | { readonly ok: false; readonly problem: 'unavailable' };

/** The part of the Web Storage API we use, so tests can pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export function storageKey(scenario: string, version: string | number): string {
  return `${PREFIX}${scenario}@${String(version)}`;
}

export function loadSaved(
  store: KeyValueStore | null,
  scenario: string,
  version: string | number,
): LoadSaved {
  if (store === null) return { ok: false, problem: 'unavailable' };
  const key = storageKey(scenario, version);
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
  if (raw === null) return { ok: true, saved: null };
  const parsed = SavedSchema.safeParse(safeJson(raw));
  if (parsed.success) return { ok: true, saved: parsed.data };
  // Keep the damaged text under another key so nothing the learner wrote is destroyed,
  // and free the slot so the next save works.
  try {
    store.setItem(`${key}:corrupt`, raw);
    store.removeItem(key);
  } catch {
    // Best effort: the learner is told either way.
  }
  return { ok: false, problem: 'corrupt' };
}

export function save(
  store: KeyValueStore | null,
  scenario: string,
  version: string | number,
  saved: Saved,
): SaveResult {
  if (store === null) return { ok: false, problem: 'unavailable' };
  try {
    store.setItem(storageKey(scenario, version), JSON.stringify(saved));
    return { ok: true };
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
}

export function forget(
  store: KeyValueStore | null,
  scenario: string,
  version: string | number,
): void {
  try {
    store?.removeItem(storageKey(scenario, version));
  } catch {
    // Nothing to report: a store we cannot write holds nothing of ours either.
  }
}

// `scenario@version`, as storageKey writes it: a file cannot name a key of its own choosing
// (another site's entry, a `:corrupt` backup) or smuggle in a prototype name.
const EntryIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}@[1-9][0-9]{0,5}$/));

const ExportSchema = z.object({
  format: z.literal('iamlab-progress'),
  v: z.literal(1),
  entries: z.record(EntryIdSchema, SavedSchema),
});

/** Every sandbox's progress as one JSON file the learner can keep or move to another browser. */
export function exportProgress(store: KeyValueStore | null): string {
  const entries: Record<string, Saved> = {};
  if (store !== null) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !key.startsWith(PREFIX)) continue;
      const id = key.slice(PREFIX.length);
      // The same rule as the import's, so an exported file always imports (`:corrupt` backups stay).
      if (!EntryIdSchema.safeParse(id).success) continue;
      const parsed = SavedSchema.safeParse(safeJson(store.getItem(key) ?? ''));
      if (parsed.success) entries[id] = parsed.data;
    }
  }
  return JSON.stringify({ format: 'iamlab-progress', v: 1, entries }, null, 2);
}

export type ImportResult =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly problem: 'invalid' | 'unavailable' };

export function importProgress(store: KeyValueStore | null, text: string): ImportResult {
  const parsed = ExportSchema.safeParse(safeJson(text));
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  if (store === null) return { ok: false, problem: 'unavailable' };
  const writes = Object.entries(parsed.data.entries).map(
    ([id, saved]) => [PREFIX + id, JSON.stringify(saved)] as const,
  );
  // A full store can refuse the third write after taking two: put back what was there, so a
  // failed import leaves the learner's saved work exactly as it was.
  const undo: { key: string; old: string | null; grows: number }[] = [];
  try {
    for (const [key, value] of writes) {
      const old = store.getItem(key);
      store.setItem(key, value);
      undo.push({ key, old, grows: (old === null ? -key.length : old.length) - value.length });
    }
  } catch {
    // Shrinking steps first: the store held all the old values before the import, so every
    // step of this order stays within what it held then, and no put-back meets a full store.
    undo.sort((a, b) => a.grows - b.grows);
    for (const { key, old } of undo) {
      try {
        if (old === null) store.removeItem(key);
        else store.setItem(key, old);
      } catch {
        // Only another tab writing at the same moment gets here; the import still reports failure.
      }
    }
    return { ok: false, problem: 'unavailable' };
  }
  return { ok: true, count: writes.length };
}

export function emptySaved(state: SandboxState): Saved {
  return { v: 1, state, hintsShown: 0, solved: false, met: [], credited: [], tried: [] };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `localStorage`, or null where touching it throws (sandboxed iframes, some privacy modes). */
export function browserStore(): KeyValueStore | null {
  try {
    const store = globalThis.localStorage;
    return store;
  } catch {
    return null;
  }
}
