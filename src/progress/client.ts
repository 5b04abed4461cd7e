// Marks solved chapters on the course map and in the sidebar. Kept tiny and import-free:
// it runs on every page, so it reads the island's storage keys directly instead of pulling
// zod in. Anything unreadable counts as "not yet", never as an error.
const PREFIX = 'iamlab:sandbox:';

function solved(key: string): boolean {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    const saved: unknown = raw === null ? null : JSON.parse(raw);
    return (
      typeof saved === 'object' && saved !== null && (saved as { solved?: unknown }).solved === true
    );
  } catch {
    return false;
  }
}

function mark(): void {
  const done = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-key]')) {
    if (!solved(el.dataset['progressKey'] ?? '')) continue;
    done.add(el.dataset['progressSlug'] ?? '');
    el.dataset['solved'] = 'true';
    for (const s of el.querySelectorAll<HTMLElement>('[data-progress-state]'))
      s.textContent = s.dataset['solvedText'] ?? '';
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>(
    'nav.sidebar a[href*="/chapters/"]',
  )) {
    const slug = a.pathname.split('/').filter(Boolean).pop() ?? '';
    const key = document.querySelector<HTMLElement>(`[data-progress-sidebar="${slug}"]`)?.dataset[
      'progressKey'
    ];
    if (
      (done.has(slug) || (key !== undefined && solved(key))) &&
      a.querySelector('.progress-mark') === null
    ) {
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
