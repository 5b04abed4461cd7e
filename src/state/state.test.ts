import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDiff, diffFromStart, type SandboxState } from './model.ts';
import { decodeShare, encodeShare, linkDigest, shareParam, withShare } from './share.ts';
import {
  emptySaved,
  exportProgress,
  importProgress,
  loadSaved,
  save,
  storageKey,
} from './storage.ts';
import { initialState } from './initial.ts';
import { MemoryStore } from './test-store.ts';

const start: SandboxState = {
  policies: { trust: '{"Version":"2012-10-17","Statement":[]}', identity: '{}' },
  attempt: { caller: 'alice', mfa: false, duration: 3600 },
};
const edited: SandboxState = {
  policies: {
    ...start.policies,
    trust: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}',
  },
  attempt: { ...start.attempt, mfa: true },
};

describe('diffs from the start', () => {
  it('keeps only what changed', () => {
    const diff = diffFromStart(edited, start);
    expect(Object.keys(diff.policies)).toEqual(['trust']);
    expect(diff.attempt).toEqual({ mfa: true });
  });
  it('round-trips through applyDiff', () => {
    expect(applyDiff(start, diffFromStart(edited, start))).toEqual(edited);
  });
  it('ignores policies the start does not have', () => {
    const state = applyDiff(start, { policies: { gone: 'x' }, attempt: {} });
    expect(state.policies).toEqual(start.policies);
  });
});

describe('share links', () => {
  it('round-trips any text, including non-ASCII and JSON-breaking characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 30 }), (text, sid) => {
        const diff: SandboxState = { policies: { trust: text }, attempt: { sessionName: sid } };
        const encoded = encodeShare(diff, 3);
        expect(encoded).not.toBeNull();
        const decoded = decodeShare(encoded ?? '', 3);
        expect(decoded).toEqual({ ok: true, diff });
      }),
    );
  });
  it('writes nothing when nothing differs', () => {
    expect(encodeShare({ policies: {}, attempt: {} }, 1)).toBeNull();
  });
  it('rejects garbage, wrong shapes and other versions as data', () => {
    expect(decodeShare('not-a-link', 1)).toEqual({ ok: false, problem: 'unreadable' });
    expect(decodeShare('', 1)).toEqual({ ok: false, problem: 'unreadable' });
    const wrongShape = encodeShare({ policies: { a: 'b' }, attempt: {} }, 1)?.slice(0, 10) ?? '';
    expect(decodeShare(wrongShape, 1).ok).toBe(false);
    const v1 = encodeShare({ policies: { a: 'b' }, attempt: {} }, 1) ?? '';
    expect(decodeShare(v1, 2)).toEqual({ ok: false, problem: 'other-version' });
  });
  it('never throws on arbitrary parameter values', () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeShare(s, 1)));
  });
  it('sets and clears one parameter per scenario', () => {
    const url = new URL('https://x.test/chapters/one/?keep=1');
    const set = withShare(url, 'ch01', 'abc');
    expect(set.searchParams.get(shareParam('ch01'))).toBe('abc');
    expect(set.searchParams.get('keep')).toBe('1');
    expect(withShare(set, 'ch01', null).searchParams.has(shareParam('ch01'))).toBe(false);
  });
});

describe('saved progress', () => {
  it('saves and loads per scenario and version', () => {
    const store = new MemoryStore();
    const saved = { ...emptySaved(diffFromStart(edited, start)), hintsShown: 2 };
    expect(save(store, 'ch01', 1, saved)).toEqual({ ok: true });
    expect(loadSaved(store, 'ch01', 1)).toEqual({ ok: true, saved });
    expect(loadSaved(store, 'ch01', 2)).toEqual({ ok: true, saved: null });
  });
  it('reports corrupted entries, sets them aside and frees the slot', () => {
    const store = new MemoryStore();
    store.data.set(storageKey('ch01', 1), '{"v":1,"state":');
    expect(loadSaved(store, 'ch01', 1)).toEqual({ ok: false, problem: 'corrupt' });
    expect(store.data.get(`${storageKey('ch01', 1)}:corrupt`)).toBe('{"v":1,"state":');
    expect(loadSaved(store, 'ch01', 1)).toEqual({ ok: true, saved: null });
  });
  it('reports a well-formed JSON value of the wrong shape as corrupt', () => {
    const store = new MemoryStore();
    store.data.set(storageKey('ch01', 1), JSON.stringify({ v: 1, state: { policies: 5 } }));
    expect(loadSaved(store, 'ch01', 1)).toEqual({ ok: false, problem: 'corrupt' });
  });
  it('reports storage that throws instead of throwing', () => {
    const store = new MemoryStore();
    store.failReads = true;
    expect(loadSaved(store, 'ch01', 1)).toEqual({ ok: false, problem: 'unavailable' });
    store.failReads = false;
    store.failWrites = true;
    expect(save(store, 'ch01', 1, emptySaved(start))).toEqual({
      ok: false,
      problem: 'unavailable',
    });
    expect(loadSaved(null, 'ch01', 1)).toEqual({ ok: false, problem: 'unavailable' });
  });
  it('reads saves from before per-goal ids with no goals met', () => {
    const store = new MemoryStore();
    store.setItem(
      'iamlab:sandbox:ch01@1',
      JSON.stringify({ v: 1, state: { policies: {}, attempt: {} }, solved: true }),
    );
    expect(loadSaved(store, 'ch01', 1)).toMatchObject({
      ok: true,
      saved: { solved: true, met: [] },
    });
  });
  it('exports and imports progress across browsers', () => {
    const a = new MemoryStore();
    save(a, 'ch01', 1, emptySaved(diffFromStart(edited, start)));
    save(a, 'ch02', 4, { ...emptySaved(start), solved: true, met: ['g1', 'g2'] });
    a.data.set('unrelated', 'x');
    const file = exportProgress(a);
    const b = new MemoryStore();
    expect(importProgress(b, file)).toEqual({ ok: true, count: 2 });
    expect(loadSaved(b, 'ch02', 4)).toMatchObject({
      ok: true,
      saved: { solved: true, met: ['g1', 'g2'] },
    });
    expect(b.data.has('unrelated')).toBe(false);
    expect(importProgress(b, '{"format":"other"}')).toEqual({ ok: false, problem: 'invalid' });
    expect(importProgress(b, 'not json')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('load order: URL, then saved, then start', () => {
  const url = (search = '') => new URL(`https://x.test/c/${search}`);
  it('starts from the start when nothing is there', () => {
    const init = initialState({
      url: url(),
      store: new MemoryStore(),
      scenario: 'ch01',
      version: 1,
      start,
    });
    expect(init).toMatchObject({ source: 'start', state: start, notices: [] });
  });
  it('prefers saved progress over the start', () => {
    const store = new MemoryStore();
    save(store, 'ch01', 1, emptySaved(diffFromStart(edited, start)));
    const init = initialState({ url: url(), store, scenario: 'ch01', version: 1, start });
    expect(init).toMatchObject({ source: 'saved', state: edited });
  });
  it('prefers a share link over saved progress', () => {
    const store = new MemoryStore();
    save(store, 'ch01', 1, emptySaved(diffFromStart(edited, start)));
    const other: SandboxState = { ...start, attempt: { ...start.attempt, caller: 'bob' } };
    const encoded = encodeShare(diffFromStart(other, start), 1) ?? '';
    const link = withShare(url(), 'ch01', encoded);
    const init = initialState({ url: link, store, scenario: 'ch01', version: 1, start });
    expect(init).toMatchObject({ source: 'url', state: other, notices: ['restoredFromLink'] });
  });
  it('prefers a save made on leaving the page over the older link its address still held', () => {
    // Typing is saved once it pauses; a reload before that saves on pagehide, but the reload
    // asks for the address as it was: the link of the previous save.
    const store = new MemoryStore();
    const older: SandboxState = { ...start, attempt: { ...start.attempt, caller: 'bob' } };
    const encoded = encodeShare(diffFromStart(older, start), 1) ?? '';
    const link = withShare(url(), 'ch01', encoded);
    save(store, 'ch01', 1, {
      ...emptySaved(diffFromStart(edited, start)),
      supersedes: linkDigest(encoded),
    });
    const init = initialState({ url: link, store, scenario: 'ch01', version: 1, start });
    expect(init).toMatchObject({ source: 'saved', state: edited, notices: ['restoredFromSave'] });
    // Any other link still wins over the save.
    const someone: SandboxState = { ...start, attempt: { ...start.attempt, duration: 900 } };
    const other = withShare(url(), 'ch01', encodeShare(diffFromStart(someone, start), 1) ?? '');
    expect(initialState({ url: other, store, scenario: 'ch01', version: 1, start })).toMatchObject({
      source: 'url',
    });
  });
  it('tells links apart by their digest', () => {
    expect(linkDigest('abc')).toBe(linkDigest('abc'));
    expect(linkDigest('abc')).not.toBe(linkDigest('abd'));
    expect(linkDigest('x'.repeat(5000)).length).toBeLessThanOrEqual(32);
  });
  it('shows the start and a notice for a bad link, even with saved progress', () => {
    const store = new MemoryStore();
    save(store, 'ch01', 1, emptySaved(diffFromStart(edited, start)));
    const link = withShare(url(), 'ch01', '%%%garbage');
    const init = initialState({ url: link, store, scenario: 'ch01', version: 1, start });
    expect(init).toMatchObject({ source: 'start', state: start, notices: ['badLink'] });
  });
  it('reports corrupt storage and still starts', () => {
    const store = new MemoryStore();
    store.data.set(storageKey('ch01', 1), 'garbage');
    const init = initialState({ url: url(), store, scenario: 'ch01', version: 1, start });
    expect(init).toMatchObject({ source: 'start', state: start, notices: ['corruptStorage'] });
  });
});
