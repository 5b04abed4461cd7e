import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl, heightListener, HEIGHT_MESSAGE } from './embed-code.ts';
import { decodeShare, encodeShare } from '../state/share.ts';

const base = {
  origin: 'https://iamlab.example.org',
  lang: 'en',
  scenarioId: 'ch03-trust-policies',
  title: 'Trust policies',
} as const;

describe('embed code', () => {
  it('embeds the start by default, in the reader’s language', () => {
    expect(embedUrl(base)).toBe('https://iamlab.example.org/embed/ch03-trust-policies/');
    expect(embedUrl({ ...base, lang: 'ja', state: null })).toBe(
      'https://iamlab.example.org/ja/embed/ch03-trust-policies/',
    );
    const code = embedCode(base);
    expect(code).toMatch(
      /^<iframe src="https:\/\/iamlab\.example\.org\/embed\/ch03-trust-policies\/" title="Sandbox: Trust policies"/,
    );
    expect(code).not.toContain('sb-');
  });

  it('carries the current state as the share parameter the island reads', () => {
    const state = encodeShare({ policies: { trust: '{"a":1}' }, attempt: {} }, 2) ?? '';
    const url = new URL(embedUrl({ ...base, state }));
    const param = url.searchParams.get('sb-ch03-trust-policies') ?? '';
    expect(decodeShare(param, 2)).toEqual({
      ok: true,
      diff: { policies: { trust: '{"a":1}' }, attempt: {} },
    });
  });

  it('hides the solution button through solution=0', () => {
    expect(new URL(embedUrl({ ...base, hideSolution: true })).searchParams.get('solution')).toBe(
      '0',
    );
    expect(embedUrl({ ...base, hideSolution: false })).not.toContain('solution');
  });

  it('escapes the title and the address into attributes', () => {
    const code = embedCode({ ...base, title: '"><script>x</script>' });
    expect(code).not.toContain('<script>x');
    expect(code).toContain('title="Sandbox: &quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    const withState = embedCode({ ...base, state: 'a&b"c' });
    expect(withState).toContain('?sb-ch03-trust-policies=a%26b%22c"');
  });

  it('pastes a listener that trusts only the sandbox’s origin and its own iframes', () => {
    const snippet = heightListener('https://iamlab.example.org/some/path');
    expect(snippet).toContain(`e.origin !== "https://iamlab.example.org"`);
    expect(snippet).toContain(`'${HEIGHT_MESSAGE}'`);
    expect(snippet).toContain('f.contentWindow === e.source');
    expect(embedCode(base)).toContain(snippet);
  });

  it('the listener sets the height of the iframe that posted, and ignores strangers', () => {
    // Run the pasted script against a fake page: two iframes, messages from several senders.
    const body = heightListener(base.origin)
      .replace(/^<script>\n/, '')
      .replace(/\n<\/script>$/, '');
    const a = { contentWindow: {}, style: { height: '' } };
    const b = { contentWindow: {}, style: { height: '' } };
    let handler: (e: { origin: string; source: unknown; data: unknown }) => void = () => {};
    const fakeAdd = (_: string, h: typeof handler) => {
      handler = h;
    };
    const fakeDocument = { querySelectorAll: () => [a, b] };
    // The exact text a blog author pastes is what runs here, not a copy of its logic.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
    new Function('addEventListener', 'document', body)(fakeAdd, fakeDocument);
    handler({
      origin: base.origin,
      source: b.contentWindow,
      data: { type: HEIGHT_MESSAGE, height: 812.4 },
    });
    expect(b.style.height).toBe('813px');
    expect(a.style.height).toBe('');
    handler({
      origin: 'https://evil.example',
      source: a.contentWindow,
      data: { type: HEIGHT_MESSAGE, height: 5 },
    });
    handler({ origin: base.origin, source: a.contentWindow, data: { type: 'other', height: 5 } });
    handler({ origin: base.origin, source: a.contentWindow, data: null });
    expect(a.style.height).toBe('');
  });
});

describe('the guide for blog authors', () => {
  it('shows exactly the code that Copy embed code gives, in both languages', () => {
    for (const [lang, path, title] of [
      ['en', 'content/docs/guides/embedding.mdx', 'Trust policies: too open, too narrow'],
      ['ja', 'content/docs/ja/guides/embedding.mdx', '信頼ポリシー：開きすぎと狭すぎ'],
    ] as const) {
      const guide = readFileSync(path, 'utf8');
      const code = embedCode({ ...base, lang, title });
      expect(guide).toContain(code.trimEnd());
      expect(guide).toContain(`{ type: '${HEIGHT_MESSAGE}', height: 1234 }`);
    }
  });
});
