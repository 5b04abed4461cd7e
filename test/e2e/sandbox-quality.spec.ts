import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { EAGER_JS_BUDGET, measurePage } from '../../scripts/check-budgets.mjs';

// Monaco and axe are slow on a loaded 2-core machine; the default 30 s is too tight.
test.describe.configure({ timeout: 90_000 });

const pages = [
  '/chapters/03-trust-policies/',
  '/ja/chapters/03-trust-policies/',
  '/playground/',
  '/ja/playground/',
  '/embed/playground/',
  '/ja/embed/playground/',
];

for (const path of pages) {
  test(`axe finds no violations on ${path}, before and after the island wakes`, async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(path);
    const sandbox = page.locator('[data-sandbox]').first();
    await expect(sandbox).toBeVisible();
    const before = await new AxeBuilder({ page }).include('[data-sandbox]').analyze();
    expect(
      before.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await sandbox.getByRole('button', { name: /^(Run|実行)$/ }).click();
    await expect(sandbox.locator('[data-decision]')).toBeVisible();
    // The embed page is all ours; on Starlight pages the sandbox is (site chrome is the lead's).
    const scope = path.includes('/embed/') ? 'body' : '[data-sandbox]';
    const after = await new AxeBuilder({ page }).include(scope).analyze();
    expect(
      after.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await context.close();
  });
}

test('built chapter page: eager JavaScript within budget (static import graph)', () => {
  const r = measurePage(process.env['IAMLAB_DIST'] ?? 'dist', 'chapters/03-trust-policies/');
  expect(r.eager).toBeLessThanOrEqual(EAGER_JS_BUDGET);
  expect(r.files.map((f) => f.file).join(' ')).not.toMatch(/monaco|editor\.worker|json\.worker/);
});

test('chapter page in the browser: JS loaded before interaction within budget, no Monaco, no CSS from Monaco', async ({
  page,
}) => {
  let bytes = 0;
  const scripts: string[] = [];
  const waits: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    waits.push(
      response.body().then((body) => {
        if (type === 'script') {
          bytes += gzipSync(body).length;
          scripts.push(response.url());
        } else {
          expect(body.toString()).not.toContain('.monaco-editor');
        }
      }),
    );
  });
  await page.goto('/chapters/03-trust-policies/');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await Promise.all(waits);
  expect(scripts.join(' ')).not.toMatch(/monaco|worker/);
  expect(bytes).toBeLessThanOrEqual(EAGER_JS_BUDGET);
});
