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
  /** The learner's policies kept while the solution is shown. */
  mine: z.optional(z.record(z.string(), z.string())),
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

const ExportSchema = z.object({
  format: z.literal('iamlab-progress'),
  v: z.literal(1),
  entries: z.record(z.string(), SavedSchema),
});

/** Every sandbox's progress as one JSON file the learner can keep or move to another browser. */
export function exportProgress(store: KeyValueStore | null): string {
  const entries: Record<string, Saved> = {};
  if (store !== null) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !key.startsWith(PREFIX) || key.endsWith(':corrupt')) continue;
      const parsed = SavedSchema.safeParse(safeJson(store.getItem(key) ?? ''));
      if (parsed.success) entries[key.slice(PREFIX.length)] = parsed.data;
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
  let count = 0;
  try {
    for (const [id, saved] of Object.entries(parsed.data.entries)) {
      store.setItem(PREFIX + id, JSON.stringify(saved));
      count++;
    }
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
  return { ok: true, count };
}

export function emptySaved(state: SandboxState): Saved {
  return { v: 1, state, hintsShown: 0, solved: false, met: [] };
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
