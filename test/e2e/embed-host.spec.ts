import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { embedCode } from '../../src/island/embed-code.ts';

// A blog post on another origin pastes the embed code: the iframe grows to its content (no
// scroll box inside the post), it opens the scenario's start, the title shows once, and
// "Open in the course" opens the chapter in a new tab instead of navigating the blog away.
test.describe.configure({ timeout: 90_000 });

test('a post on another origin embeds a sandbox that sizes itself', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = baseURL ?? '';
  const code = embedCode({
    origin,
    lang: 'en',
    scenarioId: 'ch03-trust-policies',
    title: 'Trust policies',
  });
  // The blog: a second server on this machine, so a second origin in the same (local) network.
  const post = `<!doctype html><html lang="en"><head><title>My post</title></head>
<body style="margin:0"><h1>My post about IAM</h1>${code}<p>After the sandbox.</p></body></html>`;
  const server: Server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(post);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const blog = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
  await page.goto(blog);
  const iframe = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('iamlab-sandbox')).toBeVisible();

  // The start state: no shared state in the address, the chapter's policy as the chapter has it.
  expect(await iframe.getAttribute('src')).toBe(`${origin}/embed/ch03-trust-policies/`);

  // The iframe grows past the pasted first guess (640 px) to its content, without a scrollbar.
  await expect
    .poll(async () => (await iframe.boundingBox())?.height ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(700);
  const fits = async () =>
    frame.locator('html').evaluate((html) => html.scrollHeight <= html.clientHeight + 1);
  await expect.poll(fits).toBe(true);

  // The title once.
  const heading = frame.getByRole('heading', { name: /Trust policies/ });
  await expect(heading).toHaveCount(1);

  // The frame still fits after its content grows (the island wakes and a run adds a result).
  await frame.locator('iamlab-sandbox').hover();
  await expect(frame.locator('iamlab-sandbox')).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });
  await expect.poll(fits).toBe(true);

  // "Open in the course": the chapter, in a new tab; the post stays where it is.
  const link = frame.getByRole('link', { name: /Open in the course/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe('/chapters/03-trust-policies/');
  expect(page.url()).toBe(blog);
  server.close();
});

test('solution=0 hides the solution button; the playground leads to the playground', async ({
  page,
}) => {
  await page.goto('/embed/ch03-trust-policies/?solution=0');
  await expect(page.locator('html')).toHaveAttribute('data-hide-solution', '');
  for (const button of await page.locator('[data-action="solution"]').all()) {
    await expect(button).toBeHidden();
  }
  await page.goto('/ja/embed/playground/');
  await expect(page.getByRole('link', { name: /コースで開く/ })).toHaveAttribute(
    'href',
    '/ja/playground/',
  );
});
