import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

// Every chapter in both languages, plus the pages around them, loaded in a real browser
// from the built site. The chapter list comes from content/docs/chapters/*.mdx, so a new
// chapter is covered without touching this file.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const docs = join(root, 'content/docs');
const dist = join(root, process.env['IAMLAB_DIST'] ?? 'dist');
const LANGS = [
  { lang: 'en', dir: docs, prefix: '' },
  { lang: 'ja', dir: join(docs, 'ja'), prefix: '/ja' },
] as const;
// The closing sections every chapter shares, with the same ids in both languages, so that
// a blog post can link them (issue 6: stable links to each section and each exercise).
const CLOSING_IDS = ['sandbox', 'can-do', 'check', 'aws-docs'];

interface Chapter {
  readonly slug: string;
  readonly lang: 'en' | 'ja';
  readonly path: string;
  readonly title: string;
  readonly scenarios: readonly string[];
  readonly anchors: readonly string[];
}

/** The frontmatter title: plain, 'single-quoted' ('' is a quote) or "double-quoted". */
function titleOf(text: string, file: string): string {
  const line = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (line === undefined) throw new Error(`${file} has no title in its frontmatter`);
  if (line.startsWith("'") && line.endsWith("'")) return line.slice(1, -1).replaceAll("''", "'");
  if (line.startsWith('"') && line.endsWith('"')) return JSON.parse(line) as string;
  return line;
}

function readChapter(lang: (typeof LANGS)[number], file: string): Chapter {
  const full = join(lang.dir, 'chapters', file);
  const text = readFileSync(full, 'utf8');
  const slug = file.replace(/\.mdx$/, '');
  return {
    slug,
    lang: lang.lang,
    path: `${lang.prefix}/chapters/${slug}/`,
    title: titleOf(text, full),
    scenarios: [...text.matchAll(/<Sandbox\s+scenario="([^"]+)"/g)].map((m) => m[1] ?? ''),
    anchors: [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? ''),
  };
}

const chapterFiles = readdirSync(join(docs, 'chapters'))
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const chapters = LANGS.flatMap((lang) =>
  chapterFiles
    .filter((f) => existsSync(join(lang.dir, 'chapters', f)))
    .map((f) => readChapter(lang, f)),
);

/** Loads a page and returns the console errors and page errors seen while it settled. */
async function loadAndCollectErrors(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status(), `${path} answers 200`).toBe(200);
  // Lazy islands load after `load`; give their scripts time to run or fail.
  await page.waitForLoadState('networkidle');
  return errors;
}

test.describe('chapter sources', () => {
  test('there are chapters, and every English chapter has a Japanese twin', () => {
    expect(chapterFiles.length).toBeGreaterThanOrEqual(12);
    const missing = chapterFiles.filter((f) => !existsSync(join(docs, 'ja/chapters', f)));
    expect(missing).toEqual([]);
  });

  for (const chapter of chapters) {
    test(`${chapter.path}: scenarios exist, closing anchors and exercises are linkable`, () => {
      expect(chapter.scenarios.length, 'at least one <Sandbox>').toBeGreaterThan(0);
      for (const id of chapter.scenarios) {
        expect(
          existsSync(join(root, 'content/scenarios', id, 'scenario.json')),
          `content/scenarios/${id}/scenario.json`,
        ).toBe(true);
      }
      for (const id of CLOSING_IDS) expect(chapter.anchors, `<a id="${id}">`).toContain(id);
      expect(chapter.anchors.filter((a) => a.startsWith('ex-')).length).toBeGreaterThanOrEqual(2);
    });
  }

  for (const file of chapterFiles) {
    test(`${file}: the same explicit anchors and scenarios in English and Japanese`, () => {
      const [en, ja] = LANGS.map((lang) => readChapter(lang, file));
      // Japanese headings get Japanese slugs, so Japanese pages carry extra explicit
      // anchors for ids that English headings produce by themselves: English ⊆ Japanese.
      const jaAnchors = new Set(ja?.anchors);
      expect(en?.anchors.filter((a) => !jaAnchors.has(a))).toEqual([]);
      expect(ja?.anchors.filter((a) => a.startsWith('ex-'))).toEqual(
        en?.anchors.filter((a) => a.startsWith('ex-')),
      );
      expect(ja?.scenarios).toEqual(en?.scenarios);
    });
  }
});

test.describe('chapters in the browser', () => {
  for (const chapter of chapters) {
    test(`${chapter.path} renders its sandbox without errors`, async ({ page }) => {
      const errors = await loadAndCollectErrors(page, chapter.path);
      await expect(page.locator('html')).toHaveAttribute('lang', chapter.lang);
      await expect(page.locator('h1')).toHaveText(chapter.title);
      for (const id of chapter.scenarios) {
        await expect(page.locator(`[data-sandbox="${id}"]`).first()).toBeAttached();
        await expect(page.locator(`[data-sandbox="${id}"].sb-missing`)).toHaveCount(0);
      }
      for (const id of [...CLOSING_IDS, ...chapter.anchors]) {
        await expect(page.locator(`[id="${id}"]`), `#${id}`).toHaveCount(1);
      }
      await expect(
        page.locator(`main a[href="${chapter.lang === 'ja' ? '/ja' : ''}/playground/"]`).first(),
      ).toBeAttached();
      const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(duplicates, 'duplicate ids').toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

const otherPages = LANGS.flatMap((lang) => [
  { path: `${lang.prefix}/`, lang: lang.lang },
  { path: `${lang.prefix}/reference/glossary/`, lang: lang.lang },
  { path: `${lang.prefix}/reference/condition-keys/`, lang: lang.lang },
  { path: `${lang.prefix}/reference/sts-operations/`, lang: lang.lang },
  { path: `${lang.prefix}/guides/trainer-guide/`, lang: lang.lang },
  { path: `${lang.prefix}/playground/`, lang: lang.lang },
]);

test.describe('pages around the chapters', () => {
  for (const { path, lang } of otherPages) {
    test(`${path} loads without errors`, async ({ page }) => {
      const errors = await loadAndCollectErrors(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1').first()).not.toBeEmpty();
      expect(errors).toEqual([]);
    });
  }
});

/** Every index.html under dist. */
function builtPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return builtPages(full);
    return name === 'index.html' ? [full] : [];
  });
}

test('every internal link in the built site points to an existing file', () => {
  expect(existsSync(dist), 'run npm run build first').toBe(true);
  const broken: string[] = [];
  let checked = 0;
  const pages = builtPages(dist);
  expect(pages.length).toBeGreaterThan(chapters.length);
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\shref="(\/[^"#?]*)[^"]*"/g)) {
      const target = decodeURI(match[1] ?? '');
      if (target.startsWith('//')) continue;
      checked += 1;
      const candidates = [target, join(target, 'index.html'), `${target}.html`].map((t) =>
        join(dist, t),
      );
      if (!candidates.some((c) => existsSync(c) && statSync(c).isFile())) {
        broken.push(`${file.slice(dist.length)} → ${target}`);
      }
    }
  }
  // A regex that matched nothing would pass vacuously.
  expect(checked).toBeGreaterThan(pages.length);
  expect(broken).toEqual([]);
});

test('chapter 3: a stale unique ID in a trust is flagged, matches no one, and the fix lets carol in', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/chapters/03-trust-policies/#ex-recreated-user');
  const box = page.locator('[data-sandbox="ch03-trust-policies"]');
  const trust = box.locator('.sb-policy', { hasText: 'AIDAQ7OLDCAROLX4EXMPL' }).first();
  await box.locator('select[data-attempt-select]').selectOption('carol-deploy');
  await box.locator('[data-run]').click();
  // The first interaction wakes the simulator: on a loaded machine that takes more than 5 s.
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', 'implicitDeny', {
    timeout: 30_000,
  });
  // The findings come with the simulator, which the first interaction has loaded.
  await expect(trust).toContainText('is a unique ID');
  await expect(box.locator('[data-goal="carol-deploy"]')).toHaveAttribute('data-met', 'false');

  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Show the solution' }).click();
  await expect(box.locator('[data-goal="carol-deploy"]')).toHaveAttribute('data-met', 'true', {
    timeout: 30_000,
  });
  await box.locator('[data-run]').click();
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', 'allowed');
});
