// "Copy embed code": the HTML a blog author pastes to show one sandbox in a post. By default
// the iframe opens the scenario's start, so a reader gets the exercise, not the author's
// answer; the author's current state and hiding the solution button are options.
//
// The iframe sizes itself: the embed page posts `{ type: 'iamlab:height', height }` to its
// parent whenever its content changes height (src/components/EmbedPage.astro), and the
// snippet below, pasted with the iframe, sets the height of the iframe that sent it. The
// protocol is documented for blog authors in content/docs/guides/embedding.mdx.
import { shareParam } from '../state/share-param.ts';
import { t, type Lang } from '../i18n/strings.ts';
import { escapeHtml } from '../dom/tree.ts';
import { HEIGHT_MESSAGE } from '../embed/height.ts';

export { HEIGHT_MESSAGE };

/** Query parameter of the embed page: `solution=0` hides the "show the solution" button. */
export const HIDE_SOLUTION_PARAM = 'solution';

export interface EmbedOptions {
  /** The site's origin, e.g. `https://iamlab.example.org`; the snippet trusts only it. */
  readonly origin: string;
  readonly lang: Lang;
  readonly scenarioId: string;
  /** The scenario's title in `lang`: the iframe's accessible name says what it holds. */
  readonly title: string;
  /** An encoded state (`encodeShare`) to open instead of the start; null or absent: the start. */
  readonly state?: string | null;
  readonly hideSolution?: boolean;
}

/** The embed page's address for these options. */
export function embedUrl(o: EmbedOptions): string {
  const url = new URL(`${o.lang === 'ja' ? '/ja' : ''}/embed/${o.scenarioId}/`, o.origin);
  if (o.state !== undefined && o.state !== null) {
    url.searchParams.set(shareParam(o.scenarioId), o.state);
  }
  if (o.hideSolution === true) url.searchParams.set(HIDE_SOLUTION_PARAM, '0');
  return url.href;
}

/**
 * The listener a host page needs once, however many sandboxes it embeds. It accepts
 * messages only from the sandbox's origin and only from one of the page's own iframes.
 */
export function heightListener(origin: string): string {
  const from = JSON.stringify(new URL(origin).origin);
  return [
    '<script>',
    `addEventListener('message', (e) => {`,
    `  if (e.origin !== ${from} || e.data?.type !== '${HEIGHT_MESSAGE}') return;`,
    `  for (const f of document.querySelectorAll('iframe')) {`,
    `    if (f.contentWindow === e.source) f.style.height = Math.ceil(Number(e.data.height)) + 'px';`,
    '  }',
    '});',
    '</script>',
  ].join('\n');
}

/** The iframe and the height listener, ready to paste into a post. */
export function embedCode(o: EmbedOptions): string {
  const title = `${t(o.lang, 'sandbox')}: ${o.title}`;
  // The height is a first guess for readers without scripts; the listener replaces it.
  const iframe =
    `<iframe src="${escapeHtml(embedUrl(o))}" title="${escapeHtml(title)}" ` +
    `loading="lazy" style="width: 100%; height: 640px; border: 0;"></iframe>`;
  return `${iframe}\n${heightListener(o.origin)}\n`;
}
