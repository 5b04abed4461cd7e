// The embed page's half of the height protocol: whenever the content changes height, post
// `{ type: 'iamlab:height', height }` (CSS pixels) to the page that frames it. The host's half
// is the listener pasted with the iframe (heightListener in src/island/embed-code.ts).
export const HEIGHT_MESSAGE = 'iamlab:height';

export interface HeightMessage {
  readonly type: typeof HEIGHT_MESSAGE;
  readonly height: number;
}

/**
 * Watches `content` and posts its height to `win.parent`, once now and after every change.
 * Measures the content, not the document: a document is never shorter than its iframe, so
 * its height could grow but never shrink back. Returns a function that stops watching.
 */
export function postHeight(win: Window, content: HTMLElement): () => void {
  if (win.parent === win) return () => {};
  let last = -1;
  const send = (): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, height };
    // Any host may embed the page and learn its height: it carries nothing else.
    win.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(content);
  send();
  return () => {
    observer.disconnect();
  };
}
