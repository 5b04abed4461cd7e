// Every built page: axe with the WCAG 2.0/2.1 A and AA rules finds nothing, with its sandboxes
// awake; and on every chapter and playground page, opening every policy editor logs no error
// (two Monaco editors on one page used to fail on services registered too late).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from './built-pages.ts';

test.describe.configure({ timeout: 120_000 });

const PAGES = builtPages();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const path of PAGES) {
  test(`axe (WCAG A/AA) finds nothing on ${path}`, async ({ browser }) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      localStorage.setItem('iamlab:tour', 'done');
    });
    const page = await context.newPage();
    await page.goto(path);
    for (const box of await page.locator('iamlab-sandbox').all()) {
      await box.hover();
      await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    }
    // Expressive Code gives a code block that scrolls a tab stop from a script of its own;
    // on a loaded machine axe could look before that script ran.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.expressive-code pre')].every(
        (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
      ),
    );
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await context.close();
  });
}

for (const path of PAGES.filter((p) => /\/(chapters\/[^/]+|playground)\/$/.test(p))) {
  test(`every editor on ${path} opens without a console error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      localStorage.setItem('iamlab:tour', 'done');
    });
    await page.goto(path);
    const box = page.locator('iamlab-sandbox').first();
    await box.hover();
    await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const buttons = box.locator('.sb-policy button[data-action="edit"]');
    const n = await buttons.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await buttons.nth(i).click();
      await expect(box.locator('[data-editor]')).toHaveCount(i + 1, { timeout: 30_000 });
    }
    expect(errors).toEqual([]);
  });
}
