import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEIGHT_MESSAGE, postHeight } from './height.ts';

// ResizeObserver stand-in: the test calls `resize()` where the browser would report a change.
let observed: (() => void) | null = null;
class FakeObserver {
  readonly #callback: () => void;
  constructor(callback: () => void) {
    this.#callback = callback;
  }
  observe(): void {
    observed = this.#callback;
  }
  disconnect(): void {
    observed = null;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  observed = null;
});

function page(framed: boolean) {
  const posted: unknown[] = [];
  const parent = { postMessage: (message: unknown) => posted.push(message) };
  const win = { parent: framed ? parent : undefined } as unknown as Window;
  if (!framed) (win as { parent: unknown }).parent = win;
  let height = 812.3;
  const content = {
    getBoundingClientRect: () => ({ height }),
  } as unknown as HTMLElement;
  return {
    win,
    content,
    posted,
    grow(to: number) {
      height = to;
      observed?.();
    },
  };
}

describe('postHeight', () => {
  it('posts the content height to the framing page now and after each change, once per height', () => {
    vi.stubGlobal('ResizeObserver', FakeObserver);
    const p = page(true);
    const stop = postHeight(p.win, p.content);
    p.grow(812.3);
    p.grow(1500);
    p.grow(640);
    expect(p.posted).toEqual([
      { type: HEIGHT_MESSAGE, height: 813 },
      { type: HEIGHT_MESSAGE, height: 1500 },
      { type: HEIGHT_MESSAGE, height: 640 },
    ]);
    stop();
    p.grow(900);
    expect(p.posted).toHaveLength(3);
  });

  it('does nothing when the page is not in a frame', () => {
    vi.stubGlobal('ResizeObserver', FakeObserver);
    const p = page(false);
    postHeight(p.win, p.content);
    expect(observed).toBeNull();
  });
});
