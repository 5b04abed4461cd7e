import { expect, test } from '@playwright/test';

// Monaco and axe are slow on a loaded 2-core machine; the default 30 s is too tight.
test.describe.configure({ timeout: 90_000 });

test('the embed page shows one sandbox without site chrome and links back', async ({ page }) => {
  await page.goto('/embed/playground/');
  await expect(page.locator('[data-sandbox="playground"]')).toBeVisible();
  await expect(page.locator('header.header, nav.sidebar, .sidebar-pane')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Open in the course/ })).toHaveAttribute(
    'href',
    '/playground/',
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-decision]')).toHaveAttribute('data-decision', 'implicitDeny');
});

test('embed options: chosen panels only, read-only', async ({ page }) => {
  await page.goto('/embed/playground/?panels=policies,attempt&readonly=1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-panel="world"]')).toBeHidden();
  await expect(page.locator('[data-panel="exercise"]')).toBeHidden();
  await expect(page.locator('[data-panel="policies"]')).toBeVisible();
  await expect(page.getByRole('button', { name: /Edit trust policy/ })).toHaveCount(0);
  await expect(page.locator('textarea[data-plain]')).toHaveCount(0);
});

test('Copy embed code gives an iframe for this sandbox', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/playground/');
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const box = page.locator('[data-copy-box]');
  await expect(box).toHaveValue(/<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/playground\/"/);
  await expect(box).toHaveValue(/title="Sandbox: /);
});

test('the Japanese embed page is in Japanese', async ({ page }) => {
  await page.goto('/ja/embed/playground/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('link', { name: /コースで開く/ })).toHaveAttribute(
    'href',
    '/ja/playground/',
  );
});
