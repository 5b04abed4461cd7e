import { expect, test } from '@playwright/test';

// AWS's action catalog for whoever edits in the plain text box: on a touch phone that box is
// the editor (src/editor/load.ts, prefersPlainEditor), so its findings list carries the
// catalog's findings and the policy summary follows, as beside Monaco. Nothing of the catalog
// before the learner starts editing, and Monaco is never loaded on the phone.
test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const POLICY =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObjcet"], "Resource": "*"}]}';

const PAGES = [
  {
    path: '/chapters/02-jump-account/',
    finding: 's3:GetObjcet is not an action of Amazon S3; did you mean s3:GetObject?',
    error: 'Error:',
  },
  {
    path: '/ja/chapters/02-jump-account/',
    finding:
      's3:GetObjcet は Amazon S3 のアクションではありません（s3:GetObject の間違いではありませんか）',
    error: 'エラー:',
  },
];

for (const { path, finding, error } of PAGES) {
  test(`phone: ${path} the plain text box shows the catalog's findings and the policy summary`, async ({
    page,
  }) => {
    const catalog: string[] = [];
    const scripts: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/catalog/')) catalog.push(url.pathname);
      if (r.resourceType() === 'script') scripts.push(url.pathname);
    });
    await page.goto(path);
    const box = page.locator('[data-sandbox="ch02-jump-account"]');
    await box.scrollIntoViewIfNeeded();
    await box.tap();
    await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    // Woken, not edited: still nothing of the catalog.
    expect(catalog).toEqual([]);

    const policy = box.locator('.sb-policy[data-kind="identity"]').first();
    await policy.locator('button[data-action="edit"]').tap();
    const plain = policy.locator('textarea[data-plain]');
    await expect(plain).toBeFocused();
    await plain.fill(POLICY);

    const item = policy.locator('[data-findings] li[data-code="unknown-action"]');
    await expect(item).toContainText(finding, { timeout: 30_000 });
    await expect(item).toContainText(error);
    await expect(item.locator('code', { hasText: /^s3:GetObject$/ })).toHaveCount(1);

    const summary = policy.locator('[data-summary]');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(summary).toContainText('Amazon S3');
    await expect(summary.locator('[data-service="s3"]')).toHaveCount(1);

    expect(catalog).toContain('/catalog/index.json');
    expect(catalog).toContain('/catalog/s3.json');
    // The plain box is the phone's editor: Monaco stays unloaded.
    expect(scripts.join(' ')).not.toMatch(/monaco|editor\.worker|json\.worker/);
    expect(await page.evaluate(() => document.querySelector('.monaco-editor'))).toBeNull();
  });
}
