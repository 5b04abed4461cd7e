import { expect, test, type Locator, type Page } from '@playwright/test';

// The trace panel explains what ran: the steps of that operation only (an S3 call has the
// bucket's policy and the service's answer, never a trust policy or issued credentials), the
// counter ending at the decision, the deciding statement highlighted in the editor of its own
// document (a bucket policy here), service errors shown as errors with AWS's text, and the
// editor's findings computed with the options the engine uses (the third-party warning).
test.describe.configure({ timeout: 90_000 });

const CH01 = '/chapters/01-why-several-accounts/';
const CH08 = '/chapters/08-temporary-credentials/';
const CH04 = '/chapters/04-confused-deputy-external-id/';

async function open(page: Page, url: string, id: string): Promise<Locator> {
  await page.goto(url);
  const box = page.locator(`[data-sandbox="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return box;
}

async function runPreset(box: Locator, id: string, decision: string): Promise<void> {
  await box.locator('select[data-attempt-select]').selectOption(id);
  await box.locator('[data-run]').click();
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', decision);
}

test('an S3 call walks the bucket policy, ends at its last step and highlights the bucket statement', async ({
  page,
}) => {
  const box = await open(page, CH01, 'ch01-accounts');
  await runPreset(box, 'split-dave-reads-prod', 'allowed');
  const stepper = box.locator('[data-stepper]');
  await expect(stepper.locator('[data-step="resourcePolicy"] .sb-step-name')).toHaveText(
    "The bucket's policy",
  );
  await expect(stepper.locator('[data-step="trustPolicy"]')).toHaveCount(0);
  await expect(stepper.locator('[data-step="issueCredentials"]')).toHaveCount(0);
  await expect(stepper.locator('.sb-step-count')).toHaveText('Decided at step 8 of 8');
  // The deciding statement is marked in the bucket policy's own editor.
  const bucket = box.locator('.sb-policy[data-doc="policies/prod/customers-bucket.json"]');
  await expect(bucket.locator('mark.j-deciding')).toContainText('TemporaryDevAccess');
  // A statement that did not apply says which value failed against which.
  await expect(stepper).toContainText(
    'Principal arn:aws:iam::333333333333:role/Reporting ≠ request arn:aws:iam::222222222222:user/dave',
  );
});

test('the same in Japanese', async ({ page }) => {
  const box = await open(page, `/ja${CH01}`, 'ch01-accounts');
  await runPreset(box, 'split-dave-reads-prod', 'allowed');
  const stepper = box.locator('[data-stepper]');
  await expect(stepper.locator('[data-step="resourcePolicy"] .sb-step-name')).toHaveText(
    'バケットポリシー',
  );
  await expect(stepper.locator('.sb-step-count')).toHaveText('ステップ 8/8 で判定');
  await expect(stepper).toContainText('はリクエストの');
  await expect(stepper).not.toContainText('信頼ポリシー');
});

test('expired credentials are an error with AWS text, decided at the request checks', async ({
  page,
}) => {
  const box = await open(page, CH08, 'ch08-temporary-credentials');
  await box.locator('[data-goal="expired-after-65-minutes"] [data-action="run-goal"]').click();
  await expect(box.locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'error:ExpiredToken',
  );
  const stepper = box.locator('[data-stepper]');
  await expect(stepper.locator('.sb-step-count')).toHaveText(/^Decided at step 1 of \d+$/);
  await expect(stepper.locator('[data-step="requestValidation"]')).toHaveAttribute(
    'data-outcome',
    'fail',
  );
  await expect(box).not.toContainText('an Allow it needs is missing');
});

test('the editor shows the third-party-without-ExternalId warning the engine computes', async ({
  page,
}) => {
  const box = await open(page, CH04, 'ch04-confused-deputy');
  const trust = box.locator('.sb-policy[data-doc="policies/you/billing-trust.json"]');
  await expect(trust.locator('[data-code="third-party-without-external-id"]')).toHaveCount(1);
});
