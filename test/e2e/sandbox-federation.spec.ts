import { expect, test, type Page } from '@playwright/test';

// Federated attempts as a learner makes them on the chapter pages: choose an identity
// provider, edit the token's claims or the assertion's fields, run, and watch the role's
// trust policy decide alone.
test.describe.configure({ timeout: 90_000 });

const CH06 = '/chapters/06-saml-federation/';
const CH07 = '/chapters/07-web-identity-oidc/';
const sandbox = (page: Page, id: string) => page.locator(`[data-sandbox="${id}"]`);

/** Wakes the island as a pointer or focus would, and waits until the simulator has mounted. */
async function open(page: Page, url: string, id: string) {
  await page.goto(url);
  const box = sandbox(page, id);
  await box.locator('form[data-attempt-form]').hover();
  await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return box;
}

async function run(box: ReturnType<typeof sandbox>, decision: string) {
  await box.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', decision);
}

test('chapter 7: a GitHub Actions token for another repository is refused once the trust policy checks sub', async ({
  page,
}) => {
  const box = await open(page, CH07, 'ch07-web-identity');
  await box.getByRole('combobox', { name: 'Attempt' }).selectOption('webapp-main-deploys');
  await expect(box.getByLabel('Caller', { exact: true })).toHaveValue(
    'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
  );
  await expect(box.getByLabel('Operation')).toHaveValue('AssumeRoleWithWebIdentity');
  const sub = box.getByLabel('sub (subject)');
  await expect(sub).toHaveValue('repo:example-co/webapp:ref:refs/heads/main');

  await run(box, 'allowed');
  // The attempt's first call is the web-identity one: only the trust policy decides there,
  // with no identity-side steps, and the trust step passes.
  await expect(box.locator('[data-federated-note]')).toBeVisible();
  await box.locator('[data-action="show-call"][data-index="0"]').click();
  await expect(box.locator('[data-step="callerIdentity"]')).toHaveCount(0);
  await expect(box.locator('[data-step="trustPolicy"]')).toHaveAttribute('data-outcome', 'pass');
  await expect(box.locator('[data-sessions]')).toContainText('assumed-role/GitHubDeploy');
  // The federated session makes the follow-up call the goal names.
  await box.getByRole('button', { name: 'Call with this session' }).click();
  await expect(box.getByLabel('Operation')).toHaveValue('Call');
  await box.getByLabel('Action', { exact: true }).fill('s3:PutObject');
  await box.getByLabel('Resource', { exact: true }).fill('arn:aws:s3:::example-co-site/index.html');
  await run(box, 'allowed');
  await box
    .getByLabel('Caller', { exact: true })
    .selectOption('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com');
  await expect(box.getByLabel('Operation')).toHaveValue('AssumeRoleWithWebIdentity');

  // The scenario's flaw: the start policy checks only aud, so any repository gets in.
  await sub.fill('repo:someone-else/fork:ref:refs/heads/main');
  await run(box, 'allowed');

  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Show the solution' }).click();
  await expect(box.locator('[data-goal="other-repo-refused"]')).toHaveAttribute('data-met', 'true');
  await run(box, 'implicitDeny');
  await expect(box.locator('[data-step="trustPolicy"]')).toHaveAttribute('data-outcome', 'fail');
  await expect(box.locator('[data-call-detail]')).toContainText('AccessDenied');

  await sub.fill('repo:example-co/webapp:ref:refs/heads/main');
  await run(box, 'allowed');
});

test('chapter 7: choosing the Cognito provider fills its token, and a guest is refused by the solution', async ({
  page,
}) => {
  const box = await open(page, CH07, 'ch07-web-identity');
  await box.getByLabel('Caller', { exact: true }).selectOption('cognito-identity.amazonaws.com');
  await expect(box.getByLabel('iss (issuer)')).toHaveValue(
    'https://cognito-identity.amazonaws.com',
  );
  await expect(box.getByLabel('Role', { exact: true })).toHaveValue(
    'arn:aws:iam::123456789012:role/PlayerData',
  );
  await box.getByLabel('amr (comma-separated, empty for none)').fill('unauthenticated');
  await run(box, 'allowed');
  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Show the solution' }).click();
  await run(box, 'implicitDeny');
  await box
    .getByLabel('amr (comma-separated, empty for none)')
    .fill('authenticated,accounts.google.com');
  await run(box, 'allowed');
});

test('chapter 6: the SAML recipient and audience decide, keyboard only', async ({ page }) => {
  const box = await open(page, CH06, 'ch06-saml');
  await box.getByRole('combobox', { name: 'Attempt' }).selectOption('carol-developer');
  await expect(box.getByLabel('Caller', { exact: true })).toHaveValue(
    'arn:aws:iam::222222222222:saml-provider/CorpIdP',
  );
  await expect(box.getByLabel('Operation')).toHaveValue('AssumeRoleWithSAML');
  const recipient = box.getByLabel('Recipient (SubjectConfirmationData)');
  await expect(recipient).toHaveValue('https://signin.aws.amazon.com/saml');

  // Run from the keyboard: Enter in a field submits the form.
  await recipient.focus();
  await page.keyboard.press('Enter');
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', 'allowed');
  // A federated call has no SCP step: the caller has no account of its own.
  await expect(box.locator('[data-step="scps"]')).toHaveCount(0);
  await expect(box.locator('[data-step="trustPolicy"]')).toHaveAttribute('data-outcome', 'pass');

  // A regional sign-in endpoint passes STS's checks but not the trust policy's SAML:aud.
  await recipient.fill('https://us-east-2.signin.aws.amazon.com/saml');
  await recipient.press('Enter');
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', 'implicitDeny');
  await expect(box.locator('[data-step="trustPolicy"]')).toHaveAttribute('data-outcome', 'fail');

  // Another service provider's recipient is refused before any policy is read.
  await recipient.fill('https://sp.example.net/saml');
  await recipient.press('Enter');
  await expect(box.locator('[data-result]')).toContainText('InvalidIdentityToken');
  await expect(box.locator('[data-step="requestValidation"]')).toHaveAttribute(
    'data-outcome',
    'fail',
  );

  await recipient.fill('https://signin.aws.amazon.com/saml');
  const audience = box.getByLabel('Audience (AudienceRestriction)');
  await audience.fill('urn:example:other-sp');
  await audience.press('Enter');
  await expect(box.locator('[data-result]')).toContainText('InvalidIdentityToken');
  await audience.fill('urn:amazon:webservices');
  await audience.press('Enter');
  await expect(box.locator('[data-decision]')).toHaveAttribute('data-decision', 'allowed');
});

test('chapter 6 in Japanese: the assertion fields are labelled', async ({ page }) => {
  const box = await open(page, `/ja${CH06}`, 'ch06-saml');
  await box
    .getByLabel('呼び出し元', { exact: true })
    .selectOption('arn:aws:iam::222222222222:saml-provider/CorpIdP');
  await expect(box.getByLabel('NameID', { exact: true })).toBeVisible();
  await expect(box.getByLabel('オーディエンス（AudienceRestriction）')).toHaveValue(
    'urn:amazon:webservices',
  );
});
