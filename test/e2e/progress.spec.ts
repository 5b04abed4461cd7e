import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The island and the pagefind/sidebar scripts are slow on a loaded 2-core machine.
test.describe.configure({ timeout: 90_000 });

const CH2 = '/chapters/02-jump-account/';
const KEY = 'iamlab:sandbox:ch02-jump-account@1';

test('the course map shows every chapter at 0 without any progress', async ({ page }) => {
  await page.goto('/');
  const map = page.locator('.course-map');
  await expect(map.locator(':scope > li')).toHaveCount(12);
  await expect(map.locator('[data-solved="true"]')).toHaveCount(0);
  await expect(map.locator('[data-progress-count]').first()).toHaveText('0 / 2');
  await expect(page.locator('[data-progress-continue]')).toBeHidden();
  await page.goto('/ja/');
  await expect(page.locator('.course-map progress').first()).toHaveAttribute(
    'aria-label',
    /完了した演習$/,
  );
});

test('solving chapter 2 marks its exercises on the map and its sidebar link', async ({ page }) => {
  await page.goto(CH2);
  const box = page.locator('[data-sandbox="ch02-jump-account"]');
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true');
  // The learner writes the fix (here through the plain text boxes): that earns the credit.
  for (const doc of ['developers.json', 'operators.json']) {
    const policy = box.locator(`.sb-policy[data-doc="policies/jump/${doc}"]`);
    await policy.locator('details.sb-plain summary').click();
    await policy
      .locator('textarea[data-plain]')
      .fill(
        readFileSync(
          join(root, 'content/scenarios/ch02-jump-account/solution/policies/jump', doc),
          'utf8',
        ),
      );
  }
  await expect(box.locator('[data-solved-banner]')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k), KEY))
    .toContain('"solved":true');
  const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect((JSON.parse(saved ?? '{}') as { credited?: string[] }).credited?.sort()).toEqual([
    'alice-out-of-prod',
    'bob-into-dev',
  ]);

  await page.goto('/');
  const ch2 = page.locator('.course-map > li[data-progress-slug="02-jump-account"]');
  await expect(ch2).toHaveAttribute('data-solved', 'true');
  await expect(ch2.locator('[data-progress-count]')).toHaveText('2 / 2');
  expect(await ch2.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(2);
  const ch3 = page.locator('.course-map > li[data-progress-slug="03-trust-policies"]');
  await expect(ch3.locator('[data-progress-count]')).toHaveText(/^0 \//);

  await page.goto('/chapters/01-why-several-accounts/');
  const sidebar = page.locator('nav.sidebar');
  await expect(sidebar.locator('a[href$="/02-jump-account/"] .progress-mark')).toHaveCount(1);
  await expect(sidebar.locator('a[href$="/03-trust-policies/"] .progress-mark')).toHaveCount(0);
});

test('showing the solution solves the sandbox but earns no credit on the map', async ({ page }) => {
  await page.goto(CH2);
  const box = page.locator('[data-sandbox="ch02-jump-account"]');
  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Show the solution' }).click();
  await expect(box.locator('[data-solved-banner]')).toBeVisible({ timeout: 30_000 });
  await page.goto('/');
  const ch2 = page.locator('.course-map > li[data-progress-slug="02-jump-account"]');
  await expect(ch2).not.toHaveAttribute('data-solved', 'true');
  await expect(ch2.locator('[data-progress-count]')).toHaveText('0 / 2');
});

test('an exercise credited on its own is counted, its chapter is not solved yet', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate((k) => {
    const saved = {
      v: 1,
      state: { policies: {}, attempt: {} },
      solved: false,
      credited: ['bob-into-dev'],
    };
    localStorage.setItem(k, JSON.stringify(saved));
  }, KEY);
  await page.reload();
  const ch2 = page.locator('.course-map > li[data-progress-slug="02-jump-account"]');
  await expect(ch2).not.toHaveAttribute('data-solved', 'true');
  await expect(ch2.locator('[data-progress-count]')).toHaveText('1 / 2');
  // The second exercise is the one to continue with.
  await expect(page.locator('[data-progress-continue]')).toContainText('exercise 2 of 2');
});

test('corrupted storage shows the map as not yet, without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.evaluate((k) => {
    localStorage.setItem(k, '{not json');
    localStorage.setItem('iamlab:sandbox:ch03-trust-policies@3', '{"solved":"yes"}');
  }, KEY);
  await page.reload();
  await expect(page.locator('.course-map > li')).toHaveCount(12);
  await expect(page.locator('.course-map [data-solved="true"]')).toHaveCount(0);
  await page.goto('/chapters/01-why-several-accounts/');
  await expect(page.locator('nav.sidebar .progress-mark')).toHaveCount(0);
  expect(errors).toEqual([]);
});
