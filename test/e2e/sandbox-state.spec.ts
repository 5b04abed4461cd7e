// One state: what a reload, a copied link, Reset and Import do to the page, and what the
// trace says, each as a learner meets it. Every test here failed on the island before the
// controller (state drifting between the form, the editors, storage and the URL).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

test.describe.configure({ timeout: 90_000 });

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const solution = (scenario: string, file: string): string =>
  readFileSync(join(root, 'content/scenarios', scenario, 'solution', file), 'utf8');

async function open(page: Page, path: string, scenario: string): Promise<Locator> {
  await page.goto(path);
  const box = page.locator(`[data-sandbox="${scenario}"]`);
  await box.scrollIntoViewIfNeeded();
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true');
  return box;
}

/** Types into a policy's plain text box (what touch devices and Monaco-less browsers use). */
async function typePlain(box: Locator, doc: string, text: string): Promise<void> {
  const policy = box.locator(`.sb-policy[data-doc="${doc}"]`);
  await policy.locator('details.sb-plain summary').click();
  await policy.locator('textarea[data-plain]').fill(text);
}

const CH08 = '/chapters/08-temporary-credentials/';
const CH08_ID = 'ch08-temporary-credentials';
const REVOKE = 'policies/operator-permissions.json';

test('after a reload the plain-text box, the code and the link all hold the learner’s fix', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  let box = await open(page, CH08, CH08_ID);
  const fix = solution(CH08_ID, REVOKE);
  await typePlain(box, REVOKE, fix);
  await expect(box.locator('[data-exercise]').first()).toHaveAttribute('data-solved', 'true');
  await page.reload();
  box = await open(page, page.url().replace(/^https?:\/\/[^/]+/, ''), CH08_ID);
  const policy = box.locator(`.sb-policy[data-doc="${REVOKE}"]`);
  await expect(policy.locator('textarea[data-plain]')).toHaveValue(fix);
  await expect(policy.locator('pre.sb-code')).toContainText('aws:TokenIssueTime');
  await box.locator('[data-action="copy-link"]').click();
  const copied = await box.locator('[data-copy-box]').inputValue();
  expect(new URL(copied).searchParams.get(`sb-${CH08_ID}`)).not.toBeNull();
  // The link alone (a fresh browser) shows the same fix.
  const other = await context.browser()?.newContext();
  const fresh = await other?.newPage();
  if (fresh === undefined) throw new Error('no second context');
  await fresh.goto(copied);
  const shared = fresh.locator(`[data-sandbox="${CH08_ID}"]`);
  await expect(shared).toHaveAttribute('data-ready', 'true');
  await expect(shared.locator(`.sb-policy[data-doc="${REVOKE}"] textarea[data-plain]`)).toHaveValue(
    fix,
  );
  await other?.close();
});

/**
 * Opens the Monaco editor of ch08's operator policy and types `text` key by key at the end of
 * the first Sid (`"ReadReports…"`, line 5), each key an edit of its own as a learner's.
 */
async function typeIntoSid(page: Page, box: Locator, text: string): Promise<void> {
  const slot = box.locator(`[data-editor="${REVOKE}"]`);
  if ((await slot.count()) === 0) {
    await box.locator(`button[data-action="edit"][data-doc="${REVOKE}"]`).click();
    await expect(slot.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  }
  await slot.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(text);
}

test('typing in the editor and reloading at once keeps every keystroke, from the start and after a saved link', async ({
  page,
}) => {
  // Saving waits for a pause in typing; leaving the page (pagehide) saves what is pending.
  let box = await open(page, CH08, CH08_ID);
  await typeIntoSid(page, box, 'Typed');
  await page.reload();
  box = await open(page, page.url().replace(/^https?:\/\/[^/]+/, ''), CH08_ID);
  const policy = box.locator(`.sb-policy[data-doc="${REVOKE}"]`);
  await expect(policy.locator('pre.sb-code')).toContainText('"ReadReportsTyped"');
  await expect(policy.locator('textarea[data-plain]')).toHaveValue(/"ReadReportsTyped"/);

  // The pause saved "More" into the URL as a link; "Still" is typed and the page reloaded
  // before the next save. The older link must not win over the save made as the page unloads
  // (typing takes it out of the URL; a save made sooner notes the link it supersedes).
  await typeIntoSid(page, box, 'More');
  await expect(page).toHaveURL(new RegExp(`sb-${CH08_ID}=`));
  await typeIntoSid(page, box, 'Still');
  await page.reload();
  box = await open(page, page.url().replace(/^https?:\/\/[^/]+/, ''), CH08_ID);
  await expect(policy.locator('pre.sb-code')).toContainText('"ReadReportsTypedMoreStill"');
  await expect(box.locator('[data-notices]')).toContainText('Restored your saved edits');

  // One key, then the reload at once: it starts before the link is dropped from the URL.
  await typeIntoSid(page, box, 'Z');
  await expect(page).toHaveURL(new RegExp(`sb-${CH08_ID}=`));
  await typeIntoSid(page, box, 'Y');
  await page.reload();
  await open(page, page.url().replace(/^https?:\/\/[^/]+/, ''), CH08_ID);
  await expect(policy.locator('pre.sb-code')).toContainText('"ReadReportsTypedMoreStillZY"');
});

test('Reset clears the solved banner, the sessions and rewinds the clock; undo restores', async ({
  page,
}) => {
  const box = await open(page, CH08, CH08_ID);
  page.on('dialog', (d) => void d.accept());
  await box.locator('[data-action="solution"]').click();
  await expect(box.locator('[data-solved-banner]')).toBeVisible();
  await box.locator('select[data-attempt-select]').selectOption('expired-after-65-minutes');
  await box.locator('[data-run]').click();
  await expect(box.locator('.sb-clock')).toContainText('10:05:00');
  await box.locator('[data-action="reset"]').click();
  await expect(box.locator('[data-solved-banner]')).toHaveCount(0);
  await expect(box.locator('.sb-clock')).toContainText('09:00:00');
  await expect(box.locator('li[data-session]')).toHaveCount(0);
  await expect(box.locator('[data-decision]')).toHaveCount(0);
  await box.locator('[data-action="undo-reset"]').click();
  await expect(box.locator('[data-solved-banner]')).toBeVisible();
});

test('Import progress applies to the open page at once', async ({ page }) => {
  const box = await open(page, CH08, CH08_ID);
  const fix = solution(CH08_ID, REVOKE);
  const version = await box.getAttribute('data-version');
  const file = {
    format: 'iamlab-progress',
    v: 1,
    entries: {
      [`${CH08_ID}@${version ?? ''}`]: {
        v: 1,
        state: { policies: { [REVOKE]: fix }, attempt: {} },
        hintsShown: 0,
        solved: true,
        met: [],
      },
    },
  };
  await box.locator('input[data-action="import"]').setInputFiles({
    name: 'iamlab-progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(box.locator(`.sb-policy[data-doc="${REVOKE}"] textarea[data-plain]`)).toHaveValue(
    fix,
  );
  await expect(box.locator('[data-exercise]').first()).toHaveAttribute('data-solved', 'true');
});

test('a state that is already solved does not announce "solved" again on load', async ({
  page,
}) => {
  let box = await open(page, CH08, CH08_ID);
  page.on('dialog', (d) => void d.accept());
  await box.locator('[data-action="solution"]').click();
  await expect(box.locator('[data-notices]')).toContainText('Solved');
  await page.reload();
  box = await open(page, page.url().replace(/^https?:\/\/[^/]+/, ''), CH08_ID);
  await expect(box.locator('[data-solved-banner]')).toBeVisible();
  await expect(box.locator('[data-notices]')).not.toContainText('Solved');
});

test('choosing a preset fills every field; an edited field runs as the learner’s own attempt', async ({
  page,
}) => {
  const box = await open(page, '/chapters/07-web-identity-oidc/', 'ch07-web-identity');
  page.on('dialog', (d) => void d.accept());
  await box.locator('[data-action="solution"]').click();
  await box.locator('select[data-attempt-select]').selectOption('webapp-main-deploys');
  const sub = box.locator('input[name="oidcSub"]');
  await expect(sub).toHaveValue('repo:example-co/webapp:ref:refs/heads/main');
  await box.locator('[data-run]').click();
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', 'allowed');
  await sub.fill('repo:someone-else/fork:ref:refs/heads/main');
  await expect(box.locator('select[data-attempt-select]')).toHaveValue('custom');
  await expect(box.locator('[data-attempt-note]')).toContainText('changed from');
  await box.locator('[data-run]').click();
  await expect(sub).toHaveValue('repo:someone-else/fork:ref:refs/heads/main');
  await expect(box.locator('[data-decision]')).not.toHaveAttribute('data-decision', 'allowed');
});

test('an S3 call is traced through the bucket policy, never a trust policy; its deciding statement is highlighted', async ({
  page,
}) => {
  const box = await open(page, '/chapters/01-why-several-accounts/', 'ch01-accounts');
  const select = box.locator('select[data-attempt-select]');
  const values = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const value of values.filter((v) => v !== 'custom')) {
    await select.selectOption(value);
    await box.locator('[data-run]').click();
    await expect(box.locator('[data-stepper]')).not.toContainText('trust policy');
    await expect(box.locator('[data-stepper]')).not.toContainText('Issue credentials');
  }
  // Some preset's decision rests on the bucket policy: its statement is marked in that editor.
  await expect(box.locator('.sb-policy[data-kind="resource"] mark.j-deciding')).not.toHaveCount(0);
});

test('a service error is shown as an error with AWS’s text, and the step counter ends at the decision', async ({
  page,
}) => {
  const box = await open(page, CH08, CH08_ID);
  await box.locator('select[data-attempt-select]').selectOption('expired-after-65-minutes');
  await box.locator('[data-run]').click();
  await expect(box.locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'error:ExpiredToken',
  );
  // The first call (AssumeRole at 09:00) was allowed; the verdict is the last call's error.
  await expect(box.locator('[data-decision]')).toContainText('ExpiredToken');
  await expect(box.locator('[data-decision]')).not.toContainText('Allowed');
  await expect(box.locator('[data-call-detail]')).toContainText('ExpiredToken');
  const counter = (await box.locator('.sb-step-count').textContent()) ?? '';
  const m = /(\d+) of (\d+)/.exec(counter);
  expect(m, counter).not.toBeNull();
});

test('the third-party trust without an ExternalId is flagged in the editor, as the engine does', async ({
  page,
}) => {
  const box = await open(page, '/chapters/04-confused-deputy-external-id/', 'ch04-confused-deputy');
  await expect(box.locator('.sb-policy[data-kind="trust"] [data-findings]').first()).toContainText(
    /ExternalId/i,
  );
});

test('after Esc, Tab leads on through the page instead of back into the editor', async ({
  page,
}) => {
  const box = await open(page, '/chapters/07-web-identity-oidc/', 'ch07-web-identity');
  await box.locator('button[data-action="edit"]').first().click();
  await expect(box.locator('[data-editor]')).toHaveCount(1, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const inEditor = await page.evaluate(
    () => document.activeElement?.closest('.monaco-editor') !== null,
  );
  expect(inEditor).toBe(false);
});
