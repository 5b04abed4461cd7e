// Fills in the course map's bars and "continue where you left off" on the landing pages, and
// marks solved chapters in the sidebar. Kept tiny and import-free: it runs on every page, so it
// reads the island's storage keys directly instead of pulling zod in. Anything unreadable
// counts as "not yet", never as an error.
const PREFIX = 'iamlab:sandbox:';
/** Written by src/island/guide.ts when the learner works in a sandbox (saves carry no time). */
const RECENT = 'iamlab:recent';

interface Progress {
  /** There is a save at all (the learner worked in this sandbox). */
  readonly saved: boolean;
  /** Exercises the learner turned from failing to passing (the island's `credited`). */
  readonly credited: ReadonlySet<string>;
}

const NOTHING: Progress = { saved: false, credited: new Set() };

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function progress(key: string): Progress {
  try {
    const raw = read(PREFIX + key);
    const saved: unknown = raw === null ? null : JSON.parse(raw);
    if (typeof saved !== 'object' || saved === null) return NOTHING;
    const { credited } = saved as { credited?: unknown };
    const ids = Array.isArray(credited)
      ? credited.filter((m): m is string => typeof m === 'string')
      : [];
    return { saved: true, credited: new Set(ids) };
  } catch {
    return NOTHING;
  }
}

const idsOf = (chapter: HTMLElement): string[] =>
  (chapter.dataset['progressExercises'] ?? '').split(' ').filter((id) => id !== '');

function mark(): void {
  // Every element a sidebar link is looked up by also carries its key, so each key is read
  // from storage once, here.
  const solvedKeys = new Set<string>();
  for (const chapter of document.querySelectorAll<HTMLElement>('[data-progress-key]')) {
    const key = chapter.dataset['progressKey'] ?? '';
    const p = progress(key);
    const ids = idsOf(chapter);
    const done = ids.filter((id) => p.credited.has(id)).length;
    const bar = chapter.querySelector('progress');
    if (bar !== null) bar.value = done;
    const count = chapter.querySelector('[data-progress-count]');
    if (count !== null) count.textContent = `${String(done)} / ${String(ids.length)}`;
    if (ids.length === 0 || done < ids.length) continue;
    solvedKeys.add(key);
    chapter.dataset['solved'] = 'true';
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>(
    'nav.sidebar a[href*="/chapters/"]',
  )) {
    const slug = a.pathname.split('/').filter(Boolean).pop() ?? '';
    const key = document.querySelector<HTMLElement>(`[data-progress-sidebar="${slug}"]`)?.dataset[
      'progressKey'
    ];
    if (key !== undefined && solvedKeys.has(key) && a.querySelector('.progress-mark') === null) {
      const m = document.createElement('span');
      m.className = 'progress-mark';
      m.textContent = ' ✓';
      m.title =
        document.querySelector('[data-progress-label]')?.getAttribute('data-progress-label') ?? '';
      m.setAttribute('aria-label', m.title);
      a.append(m);
    }
  }
}

/**
 * The chapter the learner last worked in (else the last one with saved work) and its first
 * exercise not yet credited; a finished chapter hands on to the next unfinished one.
 */
function continueWhere(): void {
  const box = document.querySelector<HTMLElement>('[data-progress-continue]');
  if (box === null) return;
  const chapters = [...document.querySelectorAll<HTMLElement>('.course-map [data-progress-key]')];
  const recent = read(RECENT);
  let from = chapters.findIndex((c) => c.dataset['progressKey'] === recent);
  if (from === -1)
    from = chapters.findLastIndex((c) => progress(c.dataset['progressKey'] ?? '').saved);
  if (from === -1) return;
  for (const chapter of chapters.slice(from)) {
    const p = progress(chapter.dataset['progressKey'] ?? '');
    const ids = idsOf(chapter);
    const next = ids.findIndex((id) => !p.credited.has(id));
    const link = chapter.querySelector('a');
    if (next === -1 || link === null) continue;
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.textContent.trim();
    const what = (box.dataset['continueNext'] ?? '')
      .replace('{n}', String(next + 1))
      .replace('{total}', String(ids.length));
    box.replaceChildren(`${box.dataset['continueLabel'] ?? ''} `, a, ` — ${what}`);
    box.hidden = false;
    return;
  }
}

mark();
continueWhere();
