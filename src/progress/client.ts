// Marks solved exercises and chapters on the course map, and solved chapters in the sidebar.
// Kept tiny and import-free: it runs on every page, so it reads the island's storage keys
// directly instead of pulling zod in. Anything unreadable counts as "not yet", never as an
// error.
const PREFIX = 'iamlab:sandbox:';

interface Progress {
  /** Exercises the learner turned from failing to passing (the island's `credited`). */
  readonly credited: ReadonlySet<string>;
}

const NOTHING: Progress = { credited: new Set() };

function progress(key: string): Progress {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    const saved: unknown = raw === null ? null : JSON.parse(raw);
    if (typeof saved !== 'object' || saved === null) return NOTHING;
    const { credited } = saved as { credited?: unknown };
    const ids = Array.isArray(credited)
      ? credited.filter((m): m is string => typeof m === 'string')
      : [];
    return { credited: new Set(ids) };
  } catch {
    return NOTHING;
  }
}

function markExercise(exercise: HTMLElement): void {
  exercise.dataset['solved'] = 'true';
  for (const s of exercise.querySelectorAll<HTMLElement>('[data-progress-state]'))
    s.textContent = s.dataset['solvedText'] ?? '';
}

function mark(): void {
  // Every element a sidebar link is looked up by also carries its key, so each key is read
  // from storage once, here.
  const solvedKeys = new Set<string>();
  for (const chapter of document.querySelectorAll<HTMLElement>('[data-progress-key]')) {
    const key = chapter.dataset['progressKey'] ?? '';
    const p = progress(key);
    const exercises = [...chapter.querySelectorAll<HTMLElement>('[data-progress-exercise]')];
    for (const exercise of exercises)
      if (p.credited.has(exercise.dataset['progressExercise'] ?? '')) markExercise(exercise);
    // The course map lists the exercises; the sidebar's marker names them in an attribute.
    const ids =
      exercises.length > 0
        ? exercises.map((e) => e.dataset['progressExercise'] ?? '')
        : (chapter.dataset['progressExercises'] ?? '').split(' ').filter((id) => id !== '');
    if (ids.length === 0 || ids.some((id) => !p.credited.has(id))) continue;
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

mark();
