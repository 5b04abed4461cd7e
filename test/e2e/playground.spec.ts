import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';

// The playground as a trainer builds a world in it (issue 10, "A real playground"): add an
// account, a user and a role, write the role's trust policy, see the attempt succeed, save
// it as a goal, download the world, and `iamlab check` accepts the download: the start
// fails the new goal, the solution (the policies written here) passes every goal.
test.describe.configure({ timeout: 120_000 });

const PAGE = '/playground/';
const sandbox = (page: Page) => page.locator('[data-sandbox="playground"]');
const editor = (page: Page) => page.locator('iamlab-world-editor');
const status = (page: Page) => editor(page).locator('[data-world-status]');
const TRUST_DOC = 'policies/team-Builder-trust.json';
const CAROL = 'arn:aws:iam::555555555555:user/carol';
const BUILDER = 'arn:aws:iam::555555555555:role/Builder';
const TRUST_CAROL = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "${CAROL}"}, "Action": "sts:AssumeRole"}]}`;

function iamlab(...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', 'bin/iamlab.mjs', ...args],
      { encoding: 'utf8' },
    );
    return { code: 0, out };
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    return { code: e.status ?? -1, out: e.stdout ?? '' };
  }
}

async function addWorld(page: Page): Promise<void> {
  const account = editor(page).locator('[data-world-form="account"]');
  await account.getByLabel('Account ID (12 digits)').fill('555555555555');
  await account.getByLabel('Alias').fill('team');
  await account.getByLabel('Purpose').selectOption('workload');
  await account.getByRole('button', { name: 'Add an account' }).click();
  await expect(status(page)).toContainText('added account 555555555555');

  const user = editor(page).locator('[data-world-form="user"]');
  await user.getByLabel('Account').selectOption('555555555555');
  await user.getByLabel('Name').fill('carol');
  await user.getByRole('button', { name: 'Add a user' }).click();
  await expect(status(page)).toContainText('added user carol');

  const role = editor(page).locator('[data-world-form="role"]');
  await role.getByLabel('Account').selectOption('555555555555');
  await role.getByLabel('Name').fill('Builder');
  await role.getByRole('button', { name: 'Add a role' }).click();
  await expect(status(page)).toContainText('added role Builder');
}

async function runCarol(page: Page): Promise<void> {
  await sandbox(page).getByLabel('Caller', { exact: true }).selectOption(CAROL);
  await sandbox(page).getByLabel('Role', { exact: true }).fill(BUILDER);
  await sandbox(page).getByRole('button', { name: 'Run', exact: true }).click();
}

test('build a world, solve it, download it, and iamlab check accepts the download', async ({
  page,
}) => {
  await page.goto(PAGE);
  await addWorld(page);

  // The new role's trust policy is a document of the sandbox, with the account trusted.
  const trust = sandbox(page).locator(`.sb-policy[data-doc="${TRUST_DOC}"]`);
  await expect(trust).toHaveAttribute('data-kind', 'trust');
  await expect(trust.locator('pre.sb-code')).toContainText('arn:aws:iam::555555555555:root');
  // carol has no identity policy: the account's trust alone does not let her in.
  await runCarol(page);
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'implicitDeny',
  );

  await trust.getByRole('button', { name: 'Edit trust policy' }).click();
  await expect(trust.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(TRUST_CAROL);
  await page.keyboard.press('Escape');
  await expect(trust.locator('.sev-error')).toHaveCount(0);
  await runCarol(page);
  await expect(sandbox(page).locator('[data-decision]')).toHaveAttribute(
    'data-decision',
    'allowed',
  );

  // The attempt becomes a goal; the sandbox re-mounts and keeps the trust policy as written.
  const goal = editor(page).locator('[data-world-form="goal"]');
  await goal.getByLabel('Goal title').fill('carol builds');
  await goal.getByLabel('Expected decision').selectOption('allowed');
  await goal.getByRole('button', { name: 'Save the attempt as a goal' }).click();
  await expect(status(page)).toContainText('carol builds');
  await expect(sandbox(page).locator('[data-goal="carol-builds"]')).toHaveAttribute(
    'data-met',
    'true',
  );
  await expect(trust.locator('pre.sb-code')).toContainText(CAROL);

  // Download, and check the folder with the CLI.
  const form = editor(page).locator('[data-world-form="export"]');
  await form.getByLabel('Scenario id (the folder name)').fill('team-world');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: 'Download (.zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('team-world.zip');
  await expect(form.locator('[data-world-check]')).toHaveAttribute('data-check-ok', 'true');
  const zipPath = await download.path();
  const root = mkdtempSync(join(tmpdir(), 'iamlab-playground-'));
  for (const [path, data] of Object.entries(unzipSync(readFileSync(zipPath)))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), strFromU8(data));
  }
  const check = iamlab('check', root);
  expect(check.out).toMatch(/^ok {3}team-world: 2 exercises, 3 goals, start fails \d+/m);
  expect(check.code).toBe(0);
  // The .zip itself, unopened, checks the same.
  const zipCopy = join(mkdtempSync(join(tmpdir(), 'iamlab-playground-zip-')), 'team-world.zip');
  copyFileSync(zipPath, zipCopy);
  const zipCheck = iamlab('check', zipCopy);
  expect(zipCheck.out).toMatch(/^ok {3}team-world: 2 exercises, 3 goals/m);
  expect(zipCheck.code).toBe(0);
  // The start fails the goal added here, the solution passes it.
  const run = (solution: boolean) =>
    (
      JSON.parse(
        iamlab(
          'run',
          '--scenario',
          'team-world',
          '--dir',
          root,
          '--json',
          ...(solution ? ['--solution'] : []),
        ).out,
      ) as { goals: { id: string; met: boolean }[] }
    ).goals.find((g) => g.id === 'carol-builds')?.met;
  expect(run(false)).toBe(false);
  expect(run(true)).toBe(true);

  // The world and the learner's policy survive a reload.
  await page.reload();
  await expect(trust.locator('pre.sb-code')).toContainText(CAROL);
  await expect(sandbox(page).locator('[data-goal="carol-builds"]')).toHaveCount(1);

  // A broken file changes nothing; the download opens again (the learner starts at its start).
  const open = editor(page).getByLabel('A scenario folder as a .zip');
  await open.setInputFiles({
    name: 'broken.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('not a zip'),
  });
  await expect(status(page)).toContainText('nothing changed');
  await expect(trust.locator('pre.sb-code')).toContainText(CAROL);
  await open.setInputFiles(zipPath);
  await expect(status(page)).toContainText('Opened the world');
  await expect(trust.locator('pre.sb-code')).toContainText('arn:aws:iam::555555555555:root');
  await expect(sandbox(page).locator('[data-goal="carol-builds"]')).toHaveAttribute(
    'data-met',
    'false',
  );

  // Back to the built-in world.
  await editor(page).getByRole('button', { name: 'Back to the built-in world' }).click();
  await expect(status(page)).toContainText('Back to the built-in world');
  await expect(trust).toHaveCount(0);
});

test('removing a role takes its trust policy and the goals that name it; the last goal stays', async ({
  page,
}) => {
  await page.goto(PAGE);
  const remove = editor(page).locator('[data-world-form="remove"]');
  await remove.getByLabel('What to remove').selectOption('role:222222222222:Deploy');
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(status(page)).toContainText('at least one goal');
  await expect(
    sandbox(page).locator('.sb-policy[data-doc="policies/deploy-trust.json"]'),
  ).toHaveCount(1);
  await remove.getByLabel('What to remove').selectOption('account:444444444444');
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(status(page)).toContainText('removed account');
  await expect(
    sandbox(page).locator('.sb-policy[data-doc="policies/readonly-trust.json"]'),
  ).toHaveCount(1);
  await expect(sandbox(page).locator('option[value="vendor-readonly"]')).toHaveCount(0);
});

test('every document of the playground has a policy panel of the right kind', async ({ page }) => {
  await page.goto(PAGE);
  const kinds = await sandbox(page)
    .locator('.sb-policy[data-doc]')
    .evaluateAll((nodes): Record<string, string | null> =>
      Object.fromEntries(
        nodes.map((n) => [n.getAttribute('data-doc') ?? '', n.getAttribute('data-kind')]),
      ),
    );
  expect(kinds).toEqual({
    'policies/deploy-trust.json': 'trust',
    'policies/developers.json': 'identity',
    'policies/deploy-permissions.json': 'identity',
    'policies/readonly-trust.json': 'trust',
    'policies/vendor-auditor.json': 'identity',
    'policies/bob.json': 'identity',
    'policies/jump-boundary.json': 'boundary',
    'policies/reports-reader.json': 'identity',
    'policies/prod-reports-bucket.json': 'resource',
    'policies/guardrails-scp.json': 'scp',
    'policies/guardrails-rcp.json': 'rcp',
  });
});

for (const path of ['/playground/', '/ja/playground/']) {
  test(`axe finds nothing in the world editor on ${path}, before and after a change`, async ({
    page,
  }) => {
    await page.goto(path);
    const scan = async (): Promise<void> => {
      const r = await new AxeBuilder({ page })
        .include('iamlab-world-editor')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual(
        [],
      );
    };
    await scan();
    const account = editor(page).locator('[data-world-form="account"]');
    await account.locator('input[name="id"]').fill('555555555555');
    await account.locator('input[name="alias"]').fill('team');
    await account.locator('input[name="alias"]').press('Enter');
    await expect(editor(page).locator('option[value="account:555555555555"]')).toHaveCount(1);
    // The forms are drawn anew; the keyboard user is still where they were.
    await expect(page.locator('#we-account-alias')).toBeFocused();
    await expect(status(page)).not.toBeEmpty();
    await scan();
  });
}

test('on a phone the world editor fits the width (no horizontal scroll)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  await editor(page).scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
