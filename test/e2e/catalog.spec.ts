import { expect, test, type Page } from '@playwright/test';

// Monaco is slow on a loaded 2-core machine; the default 30 s is too tight.
test.describe.configure({ timeout: 90_000 });

// AWS's action catalog in the editor, on the playground (its scenario is the island's own).
const PAGE = '/playground/';
const identity = (page: Page) =>
  page.locator('[data-sandbox="playground"] .sb-policy[data-kind="identity"]').first();

async function editIdentityPolicy(page: Page, text: string) {
  await identity(page).getByRole('button', { name: 'Edit identity policy' }).click();
  const editor = identity(page).locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // One input event, as a paste: key-by-key typing races Monaco's auto-closing brackets.
  await page.keyboard.insertText(text);
  return editor;
}

test('a misspelt action is underlined with the suggestion; completion offers actions with their access level', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/catalog/')) fetched.push(path);
  });
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  // Nothing of the catalog before the learner edits.
  expect(fetched).toEqual([]);

  const editor = await editIdentityPolicy(
    page,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}]}',
  );
  const squiggle = editor.locator('.squiggly-error').first();
  await expect(squiggle).toBeVisible({ timeout: 30_000 });
  // The squiggle lies under the text layer: hover the word itself.
  await editor.locator('.view-lines span', { hasText: '"s3:GetObjcet"' }).last().hover();
  await expect(page.locator('.monaco-hover').first()).toContainText(
    '`s3:GetObjcet` is not an action of Amazon S3; did you mean `s3:GetObject`?',
    { timeout: 15_000 },
  );
  // The index and the services the policy named before and after the edit (sts, s3), from
  // the site itself: not the 450 others.
  expect([...new Set(fetched)].sort()).toEqual([
    '/catalog/index.json',
    '/catalog/s3.json',
    '/catalog/sts.json',
  ]);

  await page.keyboard.press('Escape');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3',
  );
  // `:` opens the completion list (a trigger character); typing on narrows it.
  await page.keyboard.type(':Get', { delay: 100 });
  const list = page.locator('.suggest-widget');
  await expect(list).toContainText('s3:GetAccessPoint', { timeout: 30_000 });
  // The list is virtual: narrow it so that s3:GetObject's row is drawn.
  await page.keyboard.type('Obj', { delay: 100 });
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 's3:GetObject' }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('Read');
});

test('the policy summary beside the editor shows what the policy grants, by access level', async ({
  page,
}) => {
  await page.goto(PAGE);
  await editIdentityPolicy(
    page,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-reports/*"}]}',
  );
  const summary = identity(page).locator('[data-summary]');
  await expect(summary).toContainText('Amazon S3', { timeout: 30_000 });
  await expect(summary).toContainText('Read');
  await expect(summary).toContainText('prod-reports');

  // A misspelt action keeps its service in the summary, as the console's uncategorized actions.
  const editor = identity(page).locator('.monaco-editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}]}',
  );
  const uncategorized = summary.locator('tr[data-level="uncategorized"]');
  await expect(uncategorized).toContainText('Uncategorized actions', { timeout: 30_000 });
  await expect(uncategorized).toContainText('s3:GetObjcet');
  await expect(summary).toContainText('Amazon S3');
});
