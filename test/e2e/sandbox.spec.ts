import { expect, test, type Page } from '@playwright/test';

// Monaco and axe are slow on a loaded 2-core machine; the default 30 s is too tight.
test.describe.configure({ timeout: 90_000 });

// The sandbox as a learner uses it, on the playground (a Starlight page like a chapter,
// whose scenario src/scenarios/playground the island owns, so these tests do not break
// when a chapter's scenario is rewritten).
const PAGE = '/playground/';
const sandbox = (page: Page) => page.locator('[data-sandbox="playground"]');
const TRUSTED =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}';

async function openTrustEditor(page: Page) {
  await sandbox(page).getByRole('button', { name: 'Edit trust policy' }).first().click();
  const editor = sandbox(page).locator('.sb-policy').first().locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  return editor;
}

async function typeTrustPolicy(page: Page) {
  await openTrustEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText enters the policy as one input event, as a paste does. Typing it key by
  // key raced Monaco's auto-closing brackets on a loaded machine (closing braces went
  // missing in 3 of 4 runs).
  await page.keyboard.insertText(TRUSTED);
  await page.keyboard.press('Escape');
}

async function chooseAlice(page: Page, mfa: boolean) {
  await sandbox(page)
    .getByLabel('Caller', { exact: true })
    .selectOption('arn:aws:iam::111111111111:user/alice');
  await sandbox(page).getByLabel('Pass MFA (SerialNumber and TokenCode)').setChecked(mfa);
}

test('edit the trust policy in Monaco, run, and see denied turn into allowed', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) outside.push(r.url());
  });
  await page.goto(PAGE);
  await chooseAlice(page, false);
  await sandbox(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'implicitDeny',
  );
  await expect(sandbox(page).locator('[data-goal="alice-with-mfa"]')).toHaveAttribute(
    'data-met',
    'false',
  );

  await typeTrustPolicy(page);
  const trust = sandbox(page).locator('.sb-policy').first();
  await expect(trust.locator('.sev-error')).toHaveCount(0);
  // An edit makes the old result stale.
  await expect(sandbox(page).locator('[data-decision]')).toHaveCount(0);
  await sandbox(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'allowed',
  );
  await expect(sandbox(page).getByRole('status')).toContainText('Allowed');
  await expect(sandbox(page).locator('[data-goal="alice-with-mfa"]')).toHaveAttribute(
    'data-met',
    'true',
  );
  expect(outside).toEqual([]);
});

test('the first click on a cold page runs the attempt (the click that loads the simulator is replayed)', async ({
  page,
}) => {
  await page.goto(PAGE);
  const box = sandbox(page);
  await expect(box).not.toHaveAttribute('data-ready', 'true');
  // dispatchEvent sends the click alone, with no pointer or focus event before it, so the
  // click itself is what wakes the island: the hardest case for the replay.
  await box.getByRole('button', { name: 'Run', exact: true }).dispatchEvent('click');
  await expect(box.locator('[data-decision]')).toHaveCount(1);
  await expect(box).toHaveAttribute('data-ready', 'true');
});

test('a real first click on a cold page runs once the simulator is up', async ({ page }) => {
  await page.goto(PAGE);
  await sandbox(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sandbox(page).locator('[data-decision]')).toHaveCount(1);
});

test('what a learner does while the simulator loads is kept: a caller and a tick, a preset and Run', async ({
  page,
}) => {
  // The simulator's chunk arrives late, as on a slow connection or a busy machine: every
  // input below happens before it mounts.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/_astro\/app\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(PAGE);
  const box = sandbox(page);
  await box
    .getByLabel('Caller', { exact: true })
    .selectOption('arn:aws:iam::111111111111:user/alice');
  await box.getByLabel('Pass MFA (SerialNumber and TokenCode)').check();
  await expect(box).not.toHaveAttribute('data-ready', 'true');
  release();
  await expect(box).toHaveAttribute('data-ready', 'true');
  // Applying the caller re-renders the form; the tick read before it must survive.
  await expect(box.getByLabel('Pass MFA (SerialNumber and TokenCode)')).toBeChecked();
  await expect(box.getByLabel('Caller', { exact: true })).toHaveValue(
    'arn:aws:iam::111111111111:user/alice',
  );

  // A preset picked and Run clicked before the simulator is up: the preset itself runs (not
  // "your own attempt"), although choosing it changes the buttons before Run.
  let releaseAgain = (): void => undefined;
  const heldAgain = new Promise<void>((resolve) => {
    releaseAgain = resolve;
  });
  await page.unroute(/\/_astro\/app\.[^/]*\.js$/);
  await page.route(/\/_astro\/app\.[^/]*\.js$/, async (route) => {
    await heldAgain;
    await route.continue();
  });
  await page.goto('/chapters/03-trust-policies/');
  const ch03 = page.locator('[data-sandbox="ch03-trust-policies"]');
  await ch03.locator('select[data-attempt-select]').selectOption('carol-deploy');
  await ch03.locator('[data-run]').click();
  releaseAgain();
  await expect(ch03.locator('[data-decision]')).toHaveAttribute('data-decision', 'implicitDeny');
  await expect(ch03.locator('select[data-attempt-select]')).toHaveValue('carol-deploy');
});

test('step through the gates one at a time', async ({ page }) => {
  await page.goto(PAGE);
  await chooseAlice(page, true);
  const step = sandbox(page).getByRole('button', { name: 'Step' });
  await step.click();
  await expect(sandbox(page).locator('[aria-current="step"]')).toHaveAttribute(
    'data-step',
    'requestValidation',
  );
  await expect(sandbox(page).locator('[data-decision]')).toHaveCount(0);
  await step.click();
  await expect(sandbox(page).locator('[aria-current="step"]')).toHaveAttribute(
    'data-step',
    'callerIdentity',
  );
  for (let i = 0; i < 8 && (await sandbox(page).locator('[data-decision]').count()) === 0; i++)
    await step.click();
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'implicitDeny',
  );
  await expect(sandbox(page).locator('[data-step="trustPolicy"]')).toHaveAttribute(
    'data-outcome',
    'fail',
  );
  await sandbox(page).getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(sandbox(page).locator('[aria-current="step"]')).toHaveCount(0);
});

test('a session expires when the simulated clock is fast-forwarded', async ({ page }) => {
  await page.goto(PAGE);
  await typeTrustPolicy(page);
  await chooseAlice(page, true);
  await sandbox(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'allowed',
  );
  const session = sandbox(page).locator('[data-session="0"]').first();
  await expect(session).toContainText('ASIA');
  await expect(session).toHaveAttribute('data-expired', 'false');
  await sandbox(page).getByRole('button', { name: 'Fast-forward 15 min' }).click();
  await expect(session).toHaveAttribute('data-expired', 'false');
  await sandbox(page).getByRole('button', { name: 'Fast-forward 60 min' }).click();
  await expect(sandbox(page).locator('li[data-session="0"]')).toHaveAttribute(
    'data-expired',
    'true',
  );
  await sandbox(page)
    .locator('li[data-session="0"]')
    .getByRole('button', { name: 'GetCallerIdentity' })
    .click();
  await expect(sandbox(page).locator('.sb-aws-error')).toContainText('ExpiredToken');
});

test('edits survive a reload and travel in a share link to a fresh browser', async ({
  page,
  browser,
}) => {
  await page.goto(PAGE);
  await typeTrustPolicy(page);
  await expect(page).toHaveURL(/sb-playground=/);
  const shared = page.url();

  await page.reload();
  const code = sandbox(page).locator('.sb-policy').first().locator('pre.sb-code');
  await expect(code).toContainText('111111111111:root');
  await expect(sandbox(page).getByRole('status')).toContainText('shared link');

  await page.goto(PAGE);
  await expect(code).toContainText('111111111111:root');
  await expect(sandbox(page).getByRole('status')).toContainText('Restored your saved edits');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(shared);
  await expect(sandbox(other).locator('.sb-policy').first().locator('pre.sb-code')).toContainText(
    '111111111111:root',
  );
  await fresh.close();
});

test('a broken share link shows a notice and the start state', async ({ page }) => {
  await page.goto(`${PAGE}?sb-playground=not-a-real-link`);
  await expect(sandbox(page).getByRole('status')).toContainText('could not be read');
  await expect(sandbox(page).locator('.sb-policy').first().locator('pre.sb-code')).toContainText(
    '444444444444:root',
  );
});

test('corrupted saved progress is reported, not thrown', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => {
    localStorage.setItem('iamlab:sandbox:playground@1', '{not json');
  });
  await page.reload();
  await expect(sandbox(page).getByRole('status')).toContainText('damaged');
  await expect(sandbox(page).locator('.sb-policy').first().locator('pre.sb-code')).toContainText(
    '444444444444:root',
  );
});

test('hints, solution with a diff, restore, reset and undo', async ({ page }) => {
  await page.goto(PAGE);
  const box = sandbox(page);
  await box.getByRole('button', { name: 'Hint for exercise 1' }).click();
  await expect(box.locator('[data-hint]')).toHaveCount(1);
  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Show the solution' }).click();
  await expect(box.locator('[data-goal="alice-with-mfa"]')).toHaveAttribute('data-met', 'true');
  await expect(box.locator('[data-solved-banner]')).toBeVisible();
  await expect(box.locator('.sb-diff .d-add').first()).toBeVisible();
  await box.getByRole('button', { name: 'Restore my version' }).click();
  await expect(box.locator('[data-goal="alice-with-mfa"]')).toHaveAttribute('data-met', 'false');

  await typeTrustPolicy(page);
  await box.getByRole('button', { name: 'Reset to the start' }).click();
  await expect(box.getByRole('status')).toContainText('“Undo reset” brings your version back');
  const code = box.locator('.sb-policy').first().locator('pre.sb-code');
  await expect(code).toContainText('444444444444:root');
  await box.getByRole('button', { name: 'Undo reset' }).click();
  await expect(code).toContainText('111111111111:root');
});

test('keyboard only: open the editor, leave it with Esc, run with Enter', async ({ page }) => {
  await page.goto(PAGE);
  const edit = sandbox(page).getByRole('button', { name: 'Edit trust policy' }).first();
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(sandbox(page).locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await expect(sandbox(page).getByText('Esc leaves the editor').first()).toBeVisible();
  await expect(sandbox(page).locator('.monaco-editor').first()).toHaveClass(/\bfocused\b/);
  await page.keyboard.press('Escape');
  await expect(sandbox(page).getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sandbox(page).locator('.monaco-editor')).toHaveCount(0);
  await sandbox(page).getByRole('button', { name: 'Run', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'implicitDeny',
  );
});

test('without JavaScript the policies are readable and editable as text', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(sandbox(page).locator('pre.sb-code').first()).toContainText('sts:AssumeRole');
  await sandbox(page).getByText('Edit as plain text').first().click();
  const textarea = sandbox(page).locator('textarea[data-plain]').first();
  await textarea.fill('{}');
  await expect(textarea).toHaveValue('{}');
  await expect(sandbox(page).locator('[data-goal]')).toHaveCount(2);
  await context.close();
});

test('Japanese pages show the sandbox in Japanese', async ({ page }) => {
  await page.goto('/ja/playground/');
  await expect(sandbox(page).getByRole('button', { name: '実行', exact: true })).toBeVisible();
  await sandbox(page).getByRole('button', { name: '実行', exact: true }).click();
  await expect(sandbox(page).locator('[data-decision]')).toContainText('拒否');
});
