import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The search button in the header: its accessible name must contain the words a sighted
// voice-control user reads on it (WCAG 2.5.3 Label in Name, axe `label-content-name-mismatch`),
// on a wide screen where the label and the shortcut are shown.
test.describe.configure({ timeout: 90_000 });

const PAGES = [
  { path: '/chapters/03-trust-policies/', label: 'Search' },
  { path: '/ja/chapters/03-trust-policies/', label: '検索' },
] as const;

for (const { path, label } of PAGES) {
  test(`axe WCAG 2.0/2.1 A and AA pass on the header of ${path}`, async ({ browser }) => {
    // @axe-core/playwright needs a page from an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(path);
    const button = page.locator('site-search button[data-open-modal]');
    await expect(button).toBeEnabled();
    const results = await new AxeBuilder({ page })
      .include('header')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
    // The name still starts with the word on the button, so "click Search" keeps working.
    await expect(button).toHaveAccessibleName(new RegExp(`^${label}`));
    await button.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await context.close();
  });
}
