// The chapter after the one a sandbox belongs to, for the "Next chapter" link a sandbox shows
// once every exercise is solved (src/island/guide.ts). Computed at build time from the same
// chapter list as the course map, so the link follows the course's order.
import { courseChapters } from './chapters.ts';

/** JSON `{ href, title }` for the sandbox's `data-next-chapter`; `undefined` for the last. */
export function nextChapterData(scenario: string, lang: 'en' | 'ja'): string | undefined {
  const chapters = courseChapters();
  const at = chapters.findIndex((c) => c.scenario === scenario);
  const next = at === -1 ? undefined : chapters[at + 1];
  if (next === undefined) return undefined;
  const base = lang === 'ja' ? '/ja/chapters/' : '/chapters/';
  return JSON.stringify({
    href: `${base}${next.slug}/`,
    title: `${String(next.number)}. ${next.title[lang]}`,
  });
}
