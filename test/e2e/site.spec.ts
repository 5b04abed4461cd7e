import { expect, test } from '@playwright/test';

// The skeleton a learner meets first: both languages of chapter 1, and search that
// finds a word from it (Pagefind builds one offline index per language).
const chapters = [
  {
    path: '/chapters/01-why-several-accounts/',
    lang: 'en',
    heading: 'Why several AWS accounts',
    searchWord: 'blast radius',
  },
  {
    path: '/ja/chapters/01-why-several-accounts/',
    lang: 'ja',
    heading: 'なぜ AWS アカウントを分けるのか',
    searchWord: '本番環境',
  },
] as const;

for (const chapter of chapters) {
  test(`chapter 1 in ${chapter.lang}: language, heading and search`, async ({ page }) => {
    await page.goto(chapter.path);
    await expect(page.locator('html')).toHaveAttribute('lang', chapter.lang);
    await expect(page.locator('h1')).toHaveText(chapter.heading);
    await expect(page.locator('main')).toContainText(chapter.searchWord);

    await page.getByRole('button', { name: chapter.lang === 'ja' ? '検索' : 'Search' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(chapter.searchWord);
    const firstResult = dialog.locator('.pagefind-ui__result-link').first();
    await expect(firstResult).toHaveAttribute('href', new RegExp(chapter.path));
  });
}

test('landing pages link the first chapter in both languages', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('a[href="/chapters/01-why-several-accounts/"]').first()).toBeVisible();
  await page.goto('/ja/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(
    page.locator('a[href="/ja/chapters/01-why-several-accounts/"]').first(),
  ).toBeVisible();
});
