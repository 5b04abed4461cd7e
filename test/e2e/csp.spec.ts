import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './built-pages.ts';

// Every built page carries a strict Content-Security-Policy (src/security/csp.mjs) and
// nothing on it breaks one: the page, its woken sandbox, Monaco with its workers and
// Pagefind's WebAssembly search run without a single violation.
test.describe.configure({ timeout: 90_000 });

const PAGES = builtPages();

/** Collects violation events (page and frames) and the console lines browsers write for them. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => {
    seen.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = window as unknown as { __cspViolation(text: string): void };
      report.__cspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) {
      seen.push(`console: ${message.text()}`);
    }
  });
  return seen;
}

test('the dist folder lists the whole site', () => {
  // Chapters, guides, references, the playground and embeds in two languages.
  expect(PAGES.length).toBeGreaterThan(60);
  expect(PAGES).toContain('/');
  expect(PAGES).toContain('/ja/chapters/03-trust-policies/');
  expect(PAGES.some((p) => p.startsWith('/embed/'))).toBe(true);
});

for (const path of PAGES) {
  test(`CSP on ${path}`, async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(path);

    const policy = await page
      .locator('meta[http-equiv="content-security-policy"]')
      .getAttribute('content');
    expect(policy).not.toBeNull();
    const scriptSrc = (policy ?? '')
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src '));
    expect(scriptSrc, 'script-src').toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");

    // Wake every sandbox on the page, so the simulator chunk and its rendering run too.
    const sandboxes = page.locator('iamlab-sandbox');
    for (const box of await sandboxes.all()) {
      await box.hover();
      await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    }
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
}

test('Monaco and its JSON worker run under the policy on a chapter page', async ({ page }) => {
  const violations = await watchViolations(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/chapters/03-trust-policies/');
  const box = page.locator('iamlab-sandbox').first();
  await box.scrollIntoViewIfNeeded();
  await box
    .getByRole('button', { name: /^Edit / })
    .first()
    .click();
  const editor = box.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"Version": "2012-10-17", "Statement": [}');
  // The squiggle comes from the JSON worker's parser: it proves the worker started.
  await expect(editor.locator('.squiggly-error').first()).toBeAttached({ timeout: 30_000 });
  expect(workers.some((url) => url.includes('json.worker'))).toBe(true);
  expect(violations).toEqual([]);
});

test('an inline script injected into a page is blocked, and the watcher sees it', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.goto('/playground/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "ran"';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return document.body.dataset['injected'] ?? 'blocked';
  });
  expect(ran).toBe('blocked');
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join('\n')).toContain('script-src');
});

test('search runs Pagefind (WebAssembly) under the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/chapters/01-why-several-accounts/');
  await page.getByRole('button', { name: /Search/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('blast radius');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  expect(violations).toEqual([]);
});
