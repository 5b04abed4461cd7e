import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The island loads on the first touch and is slow on a loaded 2-core machine.
test.describe.configure({ timeout: 90_000 });

const CH1 = '/chapters/01-why-several-accounts/';
const DEVELOPERS = 'policies/shared/developers.json';
const violations = async (page: Page, scope: string): Promise<string[]> =>
  (await new AxeBuilder({ page }).include(scope).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
const solution = (doc: string): string =>
  readFileSync(join(root, 'content/scenarios/ch01-accounts/solution', doc), 'utf8');

async function wake(page: Page, path = CH1) {
  await page.goto(path);
  const box = page.locator('iamlab-sandbox').first();
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true');
  return box;
}

async function typePlain(box: ReturnType<Page['locator']>, doc: string, text: string) {
  const policy = box.locator(`.sb-policy[data-doc="${doc}"]`);
  const details = policy.locator('details.sb-plain');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await policy.locator('textarea[data-plain]').fill(text);
}

test('a new learner is guided step by step, each step advancing by doing it', async ({ page }) => {
  const box = await wake(page);
  const tour = box.locator('[data-tour]');
  await expect(tour).toBeVisible();
  await expect(tour).toHaveAttribute('data-step', 'pick');
  await expect(tour).toContainText('Step 1 of 5');
  // The callout points at the real control: it is outlined and described by the step.
  const select = box.locator('select[data-attempt-select]');
  await expect(select).toHaveClass(/sb-tour-target/);
  await expect(select).toHaveAttribute('aria-describedby', /-tour-text$/);
  expect(await violations(page, '[data-sandbox]')).toEqual([]);

  const second = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(second ?? '');
  await expect(tour).toHaveAttribute('data-step', 'run');
  await expect(box.locator('select[data-attempt-select]')).not.toHaveClass(/sb-tour-target/);
  await box.locator('[data-run]').click();
  await expect(tour).toHaveAttribute('data-step', 'trace');
  await box.locator('button[data-action="step"]').click();
  await expect(tour).toHaveAttribute('data-step', 'edit');

  // An edit that changes no goal moves on to watching the goals; the fix turns one green.
  const start = await box
    .locator(`.sb-policy[data-doc="${DEVELOPERS}"] textarea[data-plain]`)
    .inputValue();
  await typePlain(box, DEVELOPERS, `${start}\n`);
  await expect(tour).toHaveAttribute('data-step', 'goal');
  await typePlain(box, DEVELOPERS, solution(DEVELOPERS));
  await expect(tour).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
  expect(await page.evaluate(() => localStorage.getItem('iamlab:tour'))).toBe('finished');

  // The first exercise is solved: the sandbox leads on to the second one.
  const next = box.locator('[data-next] button');
  await expect(next).toHaveText('Next: exercise 2');
  // It sits right under the exercise just solved, where "Exercise solved." appears.
  expect(
    await next.evaluate((b) =>
      b.parentElement?.previousElementSibling?.getAttribute('data-exercise'),
    ),
  ).toBe('shrink-blast-radius');
  await next.click();
  await expect(box.locator('[data-exercise="account-boundary"] :is(h3, h4, h5)')).toBeFocused();

  await tour.getByRole('button', { name: 'Done' }).click();
  await expect(tour).toHaveCount(0);
  await page.reload();
  await wake(page);
  await expect(page.locator('[data-tour]')).toHaveCount(0);
});

/** The controls in view that the callout covers (at their centre), by their selector. */
const coveredByTour = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const tour = document.querySelector('[data-tour]');
    const controls =
      '[data-action="copy-link"], [data-action="copy-embed"], select[data-attempt-select], [data-run], [data-action="step"], [data-goal] button';
    return [...document.querySelectorAll(controls)]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.bottom <= 0 || r.top >= innerHeight) return false;
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return at !== null && tour?.contains(at) === true;
      })
      .map((e) => e.outerHTML.slice(0, 60));
  });

/** Whether the callout's Next button is drawn where it is (not hidden, not covered). */
const tourShown = (page: Page): Promise<boolean> =>
  page.locator('[data-tour] [data-tour-action="next"]').evaluate((b) => {
    const r = b.getBoundingClientRect();
    return b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });

for (const [path, width, height] of [
  ['/chapters/02-jump-account/', 1280, 800],
  ['/ja/chapters/02-jump-account/', 390, 844],
] as const) {
  test(`${path} at ${String(width)} px: the callout goes with what it points at and covers no control`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const box = await wake(page, path);
    const tour = box.locator('[data-tour]');
    await expect(tour).toHaveAttribute('data-step', 'pick');
    // The attempt select is in the dock: the callout sits above the dock, not over it.
    await expect.poll(() => tourShown(page)).toBe(true);
    expect(await coveredByTour(page)).toEqual([]);

    await box.locator('[data-run]').click();
    await expect(tour).toHaveAttribute('data-step', 'trace');
    // The evaluation scrolled away, the Share panel in view: the callout no longer follows
    // the screen's edge over its buttons.
    await box.locator('[data-action="copy-link"]').scrollIntoViewIfNeeded();
    await expect.poll(() => tourShown(page)).toBe(false);
    expect(await coveredByTour(page)).toEqual([]);
    // Back at the evaluation, the callout is back beside it.
    await box.locator('[data-stepper]').evaluate((e) => {
      e.scrollIntoView({ block: 'center' });
    });
    await expect.poll(() => tourShown(page)).toBe(true);
    expect(await coveredByTour(page)).toEqual([]);
  });
}

test('Skip hides the tour for good, on this sandbox and every other', async ({ page }) => {
  const box = await wake(page);
  await box.locator('[data-tour]').getByRole('button', { name: 'Skip the tour' }).click();
  await expect(page.locator('[data-tour]')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('iamlab:tour'))).toBe('skipped');
  await page.reload();
  await wake(page);
  await expect(page.locator('[data-tour]')).toHaveCount(0);
  await wake(page, '/chapters/02-jump-account/');
  await expect(page.locator('[data-tour]')).toHaveCount(0);
});

test('the tour works from the keyboard: Next focuses the control, Esc skips', async ({ page }) => {
  const box = await wake(page, '/ja/chapters/01-why-several-accounts/');
  const tour = box.locator('[data-tour]');
  await expect(tour).toContainText('ステップ 1/5');
  await tour.getByRole('button', { name: '次へ' }).focus();
  await page.keyboard.press('Enter');
  await expect(tour).toHaveAttribute('data-step', 'run');
  await expect(box.locator('[data-run]')).toBeFocused();
  await expect(tour.locator('[role="status"]')).toContainText('実行');
  await page.keyboard.press('Escape');
  await expect(tour).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('iamlab:tour'))).toBe('skipped');
});

test('embeds on a blog and the playground offer no tour', async ({ page }) => {
  for (const path of ['/embed/ch01-accounts/', '/playground/']) {
    await wake(page, path);
    await expect(page.locator('[data-tour]')).toHaveCount(0);
  }
  expect(await page.evaluate(() => localStorage.getItem('iamlab:tour'))).toBeNull();
});

test('storage that cannot be read shows no tour', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new Error('blocked');
      },
    });
  });
  await wake(page);
  await expect(page.locator('[data-tour]')).toHaveCount(0);
});

test('a fully solved chapter leads to the next chapter', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('iamlab:tour', 'skipped');
  });
  const box = await wake(page);
  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Show the solution' }).click();
  const link = box.locator('[data-next] a[data-next-chapter]');
  await expect(link).toHaveText('Next chapter: 2. The jump account: who may switch where');
  await expect(link).toHaveAttribute('href', '/chapters/02-jump-account/');
});

test('the landing page shows where to continue and one bar per chapter', async ({
  page,
  browser,
  baseURL,
}) => {
  // Without JS the bars read 0 / N.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
  const bare = await plain.newPage();
  await bare.goto('/');
  await expect(bare.locator('.course-map progress[data-progress-bar]')).toHaveCount(12);
  await expect(
    bare.locator('[data-progress-slug="02-jump-account"] [data-progress-count]'),
  ).toHaveText('0 / 2');
  await expect(bare.locator('[data-progress-continue]')).toBeHidden();
  await plain.close();

  await page.goto('/');
  await expect(page.locator('[data-progress-continue]')).toBeHidden();
  await page.evaluate(() => {
    const saved = (credited: string[]) =>
      JSON.stringify({ v: 1, state: { policies: {}, attempt: {} }, solved: false, credited });
    localStorage.setItem('iamlab:sandbox:ch01-accounts@1', saved(['shrink-blast-radius']));
    localStorage.setItem('iamlab:sandbox:ch02-jump-account@1', saved(['bob-into-dev']));
    localStorage.setItem('iamlab:recent', 'ch01-accounts@1');
  });
  await page.reload();
  const ch1 = page.locator('.course-map > li[data-progress-slug="01-why-several-accounts"]');
  await expect(ch1.locator('[data-progress-count]')).toHaveText('1 / 2');
  expect(await ch1.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);
  const cont = page.locator('[data-progress-continue]');
  await expect(cont).toBeVisible();
  await expect(cont).toContainText('exercise 2 of 2');
  await expect(cont.locator('a')).toHaveAttribute('href', /\/chapters\/01-why-several-accounts\/$/);
  expect(await violations(page, '.course-progress')).toEqual([]);

  // A finished chapter hands on to the next unfinished one.
  await page.evaluate(() => {
    localStorage.setItem(
      'iamlab:sandbox:ch01-accounts@1',
      JSON.stringify({
        v: 1,
        state: { policies: {}, attempt: {} },
        solved: true,
        credited: ['shrink-blast-radius', 'account-boundary'],
      }),
    );
  });
  await page.reload();
  await expect(ch1).toHaveAttribute('data-solved', 'true');
  await expect(cont.locator('a')).toHaveAttribute('href', /\/chapters\/02-jump-account\/$/);
  await expect(cont).toContainText('exercise 2 of 2');

  await page.goto('/ja/');
  await expect(page.locator('[data-progress-continue]')).toContainText('前回の続きから');
});
