// Fuzzing what arrives from outside: share-link fragments and imported progress files are
// written by someone else (or cut short by a chat app), so random, truncated and mutated
// inputs must never throw, must stay data when rendered, and must never touch saved work.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { applyDiff, SandboxStateSchema, type SandboxState } from './model.ts';
import { decodeShare, encodeShare, shareParam, withShare } from './share.ts';
import { emptySaved, exportProgress, importProgress, save, storageKey } from './storage.ts';
import { initialState } from './initial.ts';
import { MemoryStore } from './test-store.ts';
import { el, toHtml, type Node } from '../dom/tree.ts';
import { highlightJson } from '../highlight/json.ts';

const start: SandboxState = {
  policies: { trust: '{"Version":"2012-10-17","Statement":[]}', identity: '{}' },
  attempt: { caller: 'alice', mfa: false, duration: 3600 },
};

// Text a hostile link would carry: markup, JSON-breaking characters, prototype keys.
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '</code><b>bold</b>',
    '&lt;already escaped&gt;',
    '__proto__',
    'constructor',
    'toString',
  ),
);
// `__proto__` has a test of its own: JSON.parse makes it an own key, an object literal cannot.
const key = fc
  .oneof(
    fc.constantFrom('trust', 'identity', 'constructor', 'hasOwnProperty'),
    fc.string({ maxLength: 20 }),
  )
  .filter((k) => k !== '__proto__');
const diffArb: fc.Arbitrary<SandboxState> = fc.record({
  policies: fc.dictionary(key, nasty, { maxKeys: 4 }),
  attempt: fc.dictionary(key, fc.oneof(nasty, fc.boolean(), fc.integer()), { maxKeys: 4 }),
});
// lz-string's URI-safe alphabet, so random fragments get past the first character check.
const LZ_ALPHABET = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$');
const lzText = fc
  .array(fc.constantFrom(...LZ_ALPHABET), { maxLength: 200 })
  .map((cs) => cs.join(''));

/** A real link's parameter, cut short or with one character changed. */
const damagedLink = fc
  .tuple(diffArb, fc.nat(), fc.constantFrom(...LZ_ALPHABET), fc.boolean())
  .map(([diff, at, c, truncate]) => {
    const full = encodeShare(diff, 1) ?? 'A';
    const i = at % full.length;
    return truncate ? full.slice(0, i) : full.slice(0, i) + c + full.slice(i + 1);
  });

/** Strips the tags our own renderer wrote and undoes its escaping: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<\/?(?:code|span|mark)(?: class="[a-z-]+")?>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function rendered(text: string): string {
  const nodes: Node[] = highlightJson(text);
  return toHtml(el('code', {}, ...nodes));
}

describe('share-link decoder under fuzzing', () => {
  it('never throws on random text, URL-alphabet text or damaged real links', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), lzText, damagedLink),
        (s) => {
          const decoded = decodeShare(s, 1);
          if (decoded.ok) expect(SandboxStateSchema.safeParse(decoded.diff).success).toBe(true);
          else expect(['unreadable', 'other-version']).toContain(decoded.problem);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips hostile text exactly, and it renders as text, never as markup', () => {
    fc.assert(
      fc.property(diffArb, (diff) => {
        const encoded = encodeShare(diff, 7);
        if (encoded === null) return;
        const decoded = decodeShare(encoded, 7);
        expect(decoded).toEqual({ ok: true, diff });
        if (!decoded.ok) return;
        for (const text of Object.values(decoded.diff.policies)) {
          const html = rendered(text);
          // Only our own tags remain once the text is taken out: nothing from the link is a tag.
          expect(visibleText(html)).toBe(text);
          expect(html.replace(/<\/?(?:code|span|mark)(?: class="[a-z-]+")?>/g, '')).not.toMatch(
            /[<>]/,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a `__proto__` key in a link changes no prototype and no policy', () => {
    const text = JSON.stringify({ v: 1, d: { policies: {}, attempt: {} } }).replace(
      '"policies":{}',
      '"policies":{"__proto__":"<b>x</b>","trust":"mine"}',
    );
    const decoded = decodeShare(compressToEncodedURIComponent(text), 1);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(Object.getPrototypeOf(decoded.diff.policies)).toBe(Object.prototype);
    expect(applyDiff(start, decoded.diff).policies).toEqual({ ...start.policies, trust: 'mine' });
  });

  it('applies only the start’s own policies: prototype names are not policies', () => {
    const diff: SandboxState = {
      policies: JSON.parse('{"__proto__":"x","constructor":"y","toString":"z"}') as Record<
        string,
        string
      >,
      attempt: {},
    };
    const state = applyDiff(start, diff);
    expect(Object.keys(state.policies).sort()).toEqual(['identity', 'trust']);
    expect(Object.getPrototypeOf(state.policies)).toBe(Object.prototype);
  });

  it('a bad or truncated link never touches saved work and shows the start', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), lzText, damagedLink), (param) => {
        const store = new MemoryStore();
        save(store, 'ch01', 1, emptySaved({ policies: { trust: 'mine' }, attempt: {} }));
        const before = new Map(store.data);
        const url = withShare(new URL('https://x.test/c/'), 'ch01', param);
        const init = initialState({ url, store, scenario: 'ch01', version: 1, start });
        expect(store.data).toEqual(before);
        if (init.source !== 'url') {
          expect(init.state).toEqual(start);
          expect(init.notices).toContain('badLink');
        }
        // Whatever loaded is a state of the start's shape: no foreign policy ids.
        expect(Object.keys(init.state.policies).sort()).toEqual(['identity', 'trust']);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the parameter of its own scenario only', () => {
    const url = new URL('https://x.test/c/');
    url.searchParams.set(
      shareParam('ch02'),
      encodeShare({ policies: { trust: 'x' }, attempt: {} }, 1) ?? '',
    );
    const init = initialState({
      url,
      store: new MemoryStore(),
      scenario: 'ch01',
      version: 1,
      start,
    });
    expect(init.source).toBe('start');
  });
});

/** A store with a quota, as browsers have: a write that would go over it throws. */
class QuotaStore extends MemoryStore {
  quota = Infinity;
  used(): number {
    let total = 0;
    for (const [k, v] of this.data) total += k.length + v.length;
    return total;
  }
  override setItem(key: string, value: string): void {
    const old = this.data.get(key);
    const after = this.used() - (old === undefined ? 0 : key.length + old.length);
    if (after + key.length + value.length > this.quota) throw new Error('QuotaExceededError');
    super.setItem(key, value);
  }
}

function savedWork(store: MemoryStore): void {
  store.data.set(
    storageKey('ch01', 1),
    JSON.stringify(emptySaved({ policies: { trust: 'mine' }, attempt: {} })),
  );
  store.data.set(storageKey('ch02', 4), JSON.stringify({ ...emptySaved(start), solved: true }));
  store.data.set('unrelated', 'x');
}

const exportFile = fc
  .dictionary(
    fc.constantFrom('ch01@1', 'ch02@4', 'ch03@2', 'ch04@1'),
    fc.record({ state: diffArb, solved: fc.boolean() }),
    { minKeys: 1 },
  )
  .map((entries) => {
    const store = new MemoryStore();
    for (const [id, e] of Object.entries(entries)) {
      const [scenario = '', version = ''] = id.split('@');
      save(store, scenario, version, { ...emptySaved(e.state), solved: e.solved });
    }
    return exportProgress(store);
  });

describe('progress import under fuzzing', () => {
  it('random, truncated and mutated files never throw, and a failed import changes nothing', () => {
    const damaged = fc
      .tuple(exportFile, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), fc.boolean())
      .map(([file, at, c, truncate]) => {
        const i = at % file.length;
        return truncate ? file.slice(0, i) : file.slice(0, i) + c + file.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), damaged, fc.json()), (text) => {
        const store = new MemoryStore();
        savedWork(store);
        const before = new Map(store.data);
        const result = importProgress(store, text);
        if (!result.ok) expect(store.data).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('an import that runs out of space half-way leaves the store exactly as before', () => {
    fc.assert(
      fc.property(exportFile, fc.nat({ max: 1500 }), (file, room) => {
        const store = new QuotaStore();
        savedWork(store);
        store.quota = store.used() + room;
        const before = new Map(store.data);
        const result = importProgress(store, file);
        if (result.ok) return;
        expect(result.problem).toBe('unavailable');
        expect(store.data).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('an exported file always imports, entry for entry', () => {
    fc.assert(
      fc.property(exportFile, (file) => {
        const store = new MemoryStore();
        const count = Object.keys((JSON.parse(file) as { entries: object }).entries).length;
        expect(importProgress(store, file)).toEqual({ ok: true, count });
        expect(exportProgress(store)).toBe(file);
      }),
    );
  });

  it('refuses entry names that are not scenario@version, writing nothing', () => {
    const store = new MemoryStore();
    savedWork(store);
    const before = new Map(store.data);
    const entry = emptySaved({ policies: {}, attempt: {} });
    for (const id of ['', 'ch01@1:corrupt', '../x', 'a b@1', 'ch01']) {
      const file = JSON.stringify({ format: 'iamlab-progress', v: 1, entries: { [id]: entry } });
      expect(importProgress(store, file)).toEqual({ ok: false, problem: 'invalid' });
    }
    expect(store.data).toEqual(before);
  });
});
