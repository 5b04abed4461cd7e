// The sandbox as a workspace: on a desktop screen the learner editing a policy still sees
// Run and every goal; an edit's consequences for who can reach what show next to the editor.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

test.describe.configure({ timeout: 90_000 });

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, process.env['IAMLAB_DIST'] ?? 'dist');
const chapters = readdirSync(join(dist, 'chapters'));

async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  if (box === null || view === null) return false;
  return (
    box.y >= 0 && box.y + box.height <= view.height && box.x >= 0 && box.x + box.width <= view.width
  );
}

test.describe('one screen at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  for (const chapter of chapters) {
    test(`${chapter}: with the editor in view, Run and every goal are too`, async ({ page }) => {
      // A returning learner: the first-visit tour would sit over the goals.
      await page.addInitScript(() => {
        localStorage.setItem('iamlab:tour', 'done');
      });
      await page.goto(`/chapters/${chapter}/`);
      const box = page.locator('iamlab-sandbox').first();
      await box.hover();
      await expect(box).toHaveAttribute('data-ready', 'true');
      const editor = box.locator('.sb-policy button[data-action="edit"]').first();
      await editor.click();
      const area = box.locator('[data-editor]').first();
      await expect(area).toBeVisible({ timeout: 30_000 });
      await area.scrollIntoViewIfNeeded();
      expect(await inViewport(page, box.locator('[data-run]'))).toBe(true);
      const goals = await box.locator('[data-goal]').all();
      expect(goals.length).toBeGreaterThan(0);
      for (const goal of goals) expect(await inViewport(page, goal)).toBe(true);
    });
  }
});

/** The playground, woken, and its Deploy trust opened as plain text. */
async function openPlaygroundTrust(page: Page): Promise<{ box: Locator; trust: Locator }> {
  await page.goto('/playground/');
  const box = page.locator('[data-sandbox="playground"]');
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true');
  const trust = box.locator('.sb-policy[data-doc="policies/deploy-trust.json"]');
  await trust.locator('details.sb-plain summary').click();
  return { box, trust };
}

/** A Deploy trust that lets every principal of the jump account in. */
const TRUST_JUMP_ACCOUNT =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}';

test('an edit to a trust policy shows who gains access, draws the path, and undoing it clears both', async ({
  page,
}) => {
  const { box, trust } = await openPlaygroundTrust(page);
  const start = await trust.locator('textarea[data-plain]').inputValue();
  await trust.locator('textarea[data-plain]').fill(TRUST_JUMP_ACCOUNT);
  const changes = box.locator('[data-access-changes]');
  await expect(changes).toContainText(/\+ .*alice.*Deploy/, { timeout: 30_000 });
  await expect(box.locator('[data-diagram] .wd-path.is-added').first()).toBeAttached();
  await trust.locator('textarea[data-plain]').fill(start);
  await expect(changes).toContainText('No change in who can reach what.', { timeout: 30_000 });
  await expect(changes).not.toContainText('+ ');
  await expect(box.locator('[data-diagram] .wd-path.is-added')).toHaveCount(0);
});

test('the diagram is redrawn when a trust policy changes, not while another policy is edited', async ({
  page,
}) => {
  const { box, trust } = await openPlaygroundTrust(page);
  await expect(box.locator('[data-access-changes]')).toContainText(
    'No change in who can reach what.',
    { timeout: 30_000 },
  );
  await box.evaluate((el) => {
    const diagram = el.querySelector('[data-diagram]');
    const seen = { count: 0 };
    (window as unknown as { diagramMutations: typeof seen }).diagramMutations = seen;
    if (diagram !== null)
      new MutationObserver((records) => {
        seen.count += records.length;
      }).observe(diagram, { childList: true, subtree: true, attributes: true });
  });
  const mutations = () =>
    page.evaluate(
      () => (window as unknown as { diagramMutations: { count: number } }).diagramMutations.count,
    );
  // A Sid in Developers' policy changes nothing the diagram shows.
  const developers = box.locator('.sb-policy[data-doc="policies/developers.json"]');
  await developers.locator('details.sb-plain summary').click();
  const plain = developers.locator('textarea[data-plain]');
  const text = await plain.inputValue();
  await plain.fill(text.replace('"Effect"', '"Sid": "Note", "Effect"'));
  await expect(box.locator('[data-access-changes]')).toContainText(
    'No change in who can reach what.',
  );
  await page.waitForTimeout(500);
  expect(await mutations()).toBe(0);
  await trust.locator('textarea[data-plain]').fill(TRUST_JUMP_ACCOUNT);
  await expect(box.locator('[data-diagram] .wd-path.is-added').first()).toBeAttached({
    timeout: 30_000,
  });
  expect(await mutations()).toBeGreaterThan(0);
});

test('"how can X reach Y?" answers with the chains or where each stops, and draws them', async ({
  page,
}) => {
  const { box, trust } = await openPlaygroundTrust(page);
  await trust.locator('textarea[data-plain]').fill(TRUST_JUMP_ACCOUNT);
  await box.getByText('How can … reach …?').click();
  const from = box.locator('select[name="access-from"]');
  await expect(from.locator('option', { hasText: 'alice' })).toHaveCount(1, { timeout: 30_000 });
  await from.selectOption({ label: 'alice' });
  await box
    .locator('select[name="access-to"]')
    .selectOption('arn:aws:iam::222222222222:role/Deploy');
  await expect(box.locator('[data-access-paths]')).toContainText('Deploy');
  await expect(box.locator('[data-diagram] .wd-path.is-route').first()).toBeAttached();
});

test('at the start of a chapter nothing differs from the start (the worker sees every document)', async ({
  page,
}) => {
  await page.goto('/chapters/03-trust-policies/');
  const box = page.locator('[data-sandbox="ch03-trust-policies"]');
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true');
  const changes = box.locator('[data-access-changes]');
  await expect(changes.locator('.sb-access-none')).toHaveCount(2, { timeout: 30_000 });
  await expect(changes).not.toContainText('no longer');
});
