// Which sandbox each chapter embeds, read at build time from the chapter pages themselves so
// the course map cannot drift from what a learner actually solves.
import { getScenario } from '../scenario/catalog.ts';

const pages = import.meta.glob<string>('/content/docs/chapters/*.mdx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface ChapterProgress {
  readonly slug: string;
  readonly number: number;
  readonly scenario: string;
  readonly version: number;
  readonly title: { readonly en: string; readonly ja: string };
  readonly exercises: readonly {
    readonly id: string;
    readonly title: { readonly en: string; readonly ja: string };
  }[];
}

export function courseChapters(): ChapterProgress[] {
  const chapters: ChapterProgress[] = [];
  for (const [path, text] of Object.entries(pages)) {
    const slug = path.slice(path.lastIndexOf('/') + 1, -'.mdx'.length);
    const id = /<Sandbox\s+scenario="([^"]+)"/.exec(text)?.[1];
    const scenario = id === undefined ? null : getScenario(id);
    if (scenario === null) continue;
    chapters.push({
      slug,
      number: Number.parseInt(slug, 10),
      scenario: scenario.id,
      version: scenario.version,
      title: scenario.title,
      exercises: scenario.exercises.map((e) => ({
        id: e.id,
        title: { en: e.title.en, ja: e.title.ja },
      })),
    });
  }
  return chapters.sort((a, b) => a.number - b.number);
}
