import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// A phone (390×844): chapter pages never scroll sideways, and the world diagram's text is
// readable, at least 11 px as rendered (the SVG is scaled to the column, so what counts is
// font size × the scale the browser draws it at), before and after the sandbox wakes.
test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const slugs = readdirSync('content/docs/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -'.mdx'.length))
  .sort();
const PAGES = slugs.flatMap((s) => [`/chapters/${s}/`, `/ja/chapters/${s}/`]);

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The smallest rendered font size of the diagram text a reader can see, and how many there are. */
async function diagramText(page: Page): Promise<{ min: number; count: number }> {
  return page.evaluate(() => {
    let min = Infinity;
    let count = 0;
    for (const text of document.querySelectorAll<SVGTextElement>('.sb-diagram text')) {
      const box = text.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const scale = text.getScreenCTM()?.a ?? 1;
      min = Math.min(min, scale * Number.parseFloat(getComputedStyle(text).fontSize));
      count++;
    }
    return { min, count };
  });
}

test('every chapter is listed', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(12);
});

for (const path of PAGES) {
  test(`phone: ${path} fits the width and its diagram is readable`, async ({ page }) => {
    await page.goto(path);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    const box = page.locator('iamlab-sandbox').first();
    await box.scrollIntoViewIfNeeded();
    const before = await diagramText(page);
    expect(before.count).toBeGreaterThan(0);
    expect(before.min).toBeGreaterThanOrEqual(11);

    await box.tap();
    await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const after = await diagramText(page);
    expect(after.count).toBeGreaterThan(0);
    expect(after.min).toBeGreaterThanOrEqual(11);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });
}

for (const path of ['/ja/chapters/08-temporary-credentials/', '/chapters/02-jump-account/']) {
  test(`phone: ${path} keeps Run in view in a small bar and shows every goal in full`, async ({
    page,
  }) => {
    await page.addInitScript(() => {
      localStorage.setItem('iamlab:tour', 'done');
    });
    await page.goto(path);
    const box = page.locator('iamlab-sandbox').first();
    await box.scrollIntoViewIfNeeded();
    await box.tap();
    await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    // In the middle of the sandbox: Run is at hand, in a bar that leaves the page most of the
    // screen (the whole dock took 338 of 844 px).
    await box.locator('.sb-policy').first().scrollIntoViewIfNeeded();
    const run = box.locator('[data-run]');
    await expect(run).toBeInViewport();
    const covered = await run.evaluate((b) => {
      let e: Element | null = b;
      while (e !== null && getComputedStyle(e).position !== 'sticky') e = e.parentElement;
      return e === null ? -1 : innerHeight - e.getBoundingClientRect().top;
    });
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThanOrEqual(844 * 0.2);
    // Each goal's title whole, wrapped rather than cut to a few characters.
    const titles = box.locator('[data-goal] .sb-goal-title');
    expect(await titles.count()).toBeGreaterThan(0);
    for (const title of await titles.all()) {
      expect(await title.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(0);
    }
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });
}
