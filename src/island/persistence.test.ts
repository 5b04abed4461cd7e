// Saving off the keystroke path: when a save happens, when the stale link leaves the URL, and
// that nothing pending is lost when the page is hidden or left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { getScenario } from '../scenario/catalog.ts';
import { initialState } from '../state/initial.ts';
import { loadSaved } from '../state/storage.ts';
import { MemoryStore } from '../state/test-store.ts';
import { SandboxController } from './controller.ts';
import { deferredSaving, dropShare, persist, SAVE_DELAY_MS, startState } from './persistence.ts';

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

function setup(): {
  saving: ReturnType<typeof deferredSaving>;
  /** Each save: true when it was made as the page was hidden or left. */
  saves: boolean[];
  /** Each save's link dropped from the URL since the save before. */
  droppedLinks: (string | null)[];
  drops: () => number;
  /** Draws a frame: runs what waited for it. */
  frame: () => void;
  window: EventTarget;
  document: FakeDocument;
} {
  const saves: boolean[] = [];
  const droppedLinks: (string | null)[] = [];
  let drops = 0;
  let queued: (() => void)[] = [];
  const host = {
    window: new EventTarget(),
    document: new FakeDocument(),
    afterFrame(fn: () => void) {
      queued.push(fn);
      return () => {
        queued = queued.filter((f) => f !== fn);
      };
    },
  };
  const saving = deferredSaving(
    (leaving, dropped) => {
      saves.push(leaving);
      droppedLinks.push(dropped);
    },
    () => `link${String(++drops)}`,
    host,
  );
  return {
    saving,
    saves,
    droppedLinks,
    drops: () => drops,
    frame: () => {
      const now = queued;
      queued = [];
      for (const fn of now) fn();
    },
    ...host,
  };
}

describe('deferredSaving', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves typing once it pauses, and drops the stale link once per burst after a frame', () => {
    const s = setup();
    s.saving.edited();
    expect(s.drops()).toBe(0);
    s.frame();
    expect(s.drops()).toBe(1);
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    s.saving.edited();
    s.frame();
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(s.saves).toEqual([]);
    expect(s.drops()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(s.saves).toEqual([false]);
    vi.advanceTimersByTime(SAVE_DELAY_MS * 3);
    expect(s.saves).toEqual([false]);
    // The save put the link back: the next burst drops it again.
    s.saving.edited();
    s.frame();
    expect(s.drops()).toBe(2);
  });

  it('saves the goals re-check with the pending edit, not later', () => {
    const s = setup();
    s.saving.edited();
    vi.advanceTimersByTime(150);
    s.saving.checked();
    vi.advanceTimersByTime(SAVE_DELAY_MS - 150);
    expect(s.saves).toEqual([false]);
    // A re-check alone is saved after the same pause; the link holds no goals.
    s.saving.checked();
    s.frame();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(s.saves).toEqual([false, false]);
    expect(s.drops()).toBe(0);
  });

  it('saves other changes at once, with what typing left pending', () => {
    const s = setup();
    s.saving.edited();
    s.saving.now();
    expect(s.saves).toEqual([false]);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    s.frame();
    expect(s.saves).toEqual([false]);
    // Saved before the frame: the link is current, nothing to drop.
    expect(s.drops()).toBe(0);
  });

  it('saves what is pending, as leaving, on pagehide and when the page is hidden', () => {
    const s = setup();
    s.window.dispatchEvent(new Event('pagehide'));
    expect(s.saves).toEqual([]);
    s.saving.edited();
    s.window.dispatchEvent(new Event('pagehide'));
    expect(s.saves).toEqual([true]);
    s.saving.edited();
    s.document.dispatchEvent(new Event('visibilitychange'));
    expect(s.saves).toEqual([true]);
    s.document.visibilityState = 'hidden';
    s.document.dispatchEvent(new Event('visibilitychange'));
    expect(s.saves).toEqual([true, true]);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(s.saves).toEqual([true, true]);
  });

  it('tells a save which link typing took out of the URL since the save before', () => {
    const s = setup();
    s.saving.edited();
    // The page is left before the frame: nothing was dropped, the URL still holds the link.
    s.window.dispatchEvent(new Event('pagehide'));
    s.saving.edited();
    s.frame();
    s.saving.edited();
    s.frame();
    // Left after the drop: the reload may have started before it and ask for that link.
    s.window.dispatchEvent(new Event('pagehide'));
    s.saving.edited();
    s.frame();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(s.saves).toEqual([true, true, false]);
    expect(s.droppedLinks).toEqual([null, 'link1', 'link2']);
  });

  it('flush saves only what is pending; dispose saves it and stops listening', () => {
    const s = setup();
    s.saving.flush();
    expect(s.saves).toEqual([]);
    s.saving.edited();
    s.saving.dispose();
    expect(s.saves).toEqual([false]);
    s.frame();
    expect(s.drops()).toBe(0);
    s.saving.edited();
    s.window.dispatchEvent(new Event('pagehide'));
    expect(s.saves).toEqual([false]);
  });
});

describe('a reload before the save restores the save, not the older link', () => {
  const scenario = getScenario('ch08-temporary-credentials') as Scenario;
  const doc = 'policies/operator-permissions.json';
  const page = { href: 'https://x.test/chapters/08/' };
  beforeEach(() => {
    page.href = 'https://x.test/chapters/08/';
    vi.stubGlobal('location', page);
    vi.stubGlobal('history', {
      state: null,
      replaceState: (_: unknown, __: string, url: URL) => {
        page.href = String(url);
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const load = (store: MemoryStore, href: string) =>
    initialState({
      url: new URL(href),
      store,
      scenario: scenario.id,
      version: scenario.version,
      start: startState(scenario),
    });

  it('notes the link a save as the page is left supersedes, in the URL or dropped', () => {
    const store = new MemoryStore();
    const c = new SandboxController(scenario);
    const text = (suffix: string): string =>
      (scenario.world.documents[doc] ?? '').replace('"ReadReports"', `"ReadReports${suffix}"`);
    c.editDocument(doc, text('A'));
    persist(c, store, () => {});
    const linkA = page.href;
    // Typed on; the reload's address (linkA) is fixed before the page saves on leaving.
    c.editDocument(doc, text('AB'));
    persist(c, store, () => {}, true);
    expect(load(store, linkA)).toMatchObject({ source: 'saved' });
    expect(load(store, linkA).state.policies[doc]).toBe(text('AB'));
    // The same after typing dropped the link from the URL before the page was left.
    c.editDocument(doc, text('ABC'));
    const before = page.href;
    const dropped = dropShare(c);
    expect(page.href).not.toContain('sb-');
    persist(c, store, () => {}, true, dropped);
    expect(load(store, before).state.policies[doc]).toBe(text('ABC'));
    // A save made while the page stays notes nothing: any link then wins, as links do.
    c.editDocument(doc, text('ABCD'));
    const linkABC = page.href;
    persist(c, store, () => {});
    const saved = loadSaved(store, scenario.id, scenario.version);
    expect(saved.ok && saved.saved?.supersedes).toBeUndefined();
    expect(load(store, linkABC)).toMatchObject({ source: 'url' });
    expect(load(store, linkABC).state.policies[doc]).toBe(text('ABC'));
    c.dispose();
  });
});
