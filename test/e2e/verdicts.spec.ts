// Every ready-made attempt and every goal of every sandbox on every chapter page, in both
// languages, run the way a learner runs them (pick it, press Run; or press a goal's Run),
// and the verdict shown compared with what `iamlab run --json` prints for the same scenario.
// Any difference fails: the page and the CLI run one core and must agree.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, process.env['IAMLAB_DIST'] ?? 'dist');

interface CliRun {
  readonly attempts: readonly { id: string; decision: string }[];
  readonly goals: readonly {
    id: string;
    decision: string;
    met: boolean;
    expected: string;
  }[];
}

const runs = new Map<string, CliRun>();
function cliRun(scenario: string): CliRun {
  let run = runs.get(scenario);
  if (run === undefined) {
    const out = execFileSync(
      process.execPath,
      [
        '--experimental-strip-types',
        '--no-warnings',
        join(root, 'bin/iamlab.ts'),
        'run',
        '--scenario',
        scenario,
        '--json',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    run = JSON.parse(out) as CliRun;
    runs.set(scenario, run);
  }
  return run;
}

const chapters = readdirSync(join(dist, 'chapters'));
const pages = [
  ...chapters.map((c) => `/chapters/${c}/`),
  ...chapters.map((c) => `/ja/chapters/${c}/`),
  '/playground/',
];

async function wake(page: Page, box: Locator): Promise<void> {
  await box.scrollIntoViewIfNeeded();
  await box.hover();
  await expect(box).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('iamlab-sandbox[aria-busy]')).toHaveCount(0);
}

for (const path of pages) {
  test(`verdicts on ${path} match iamlab run`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(path);
    const boxes = page.locator('iamlab-sandbox[data-sandbox]');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      const id = (await box.getAttribute('data-sandbox')) ?? '';
      const cli = cliRun(id);
      await wake(page, box);
      const select = box.locator('select[data-attempt-select]');
      const decision = box.locator('[data-decision]');
      for (const attempt of cli.attempts) {
        await select.selectOption(attempt.id);
        await box.locator('[data-run]').click();
        await expect(decision, `${id} / preset ${attempt.id}`).toHaveAttribute(
          'data-decision',
          attempt.decision,
        );
      }
      for (const goal of cli.goals) {
        const row = box.locator(`[data-goal="${goal.id}"]`);
        await expect(row, `${id} / goal ${goal.id}`).toHaveAttribute('data-met', String(goal.met));
        await expect(row).toHaveAttribute('data-expected', goal.expected);
        await expect(row).toHaveAttribute('data-got', goal.decision);
        // The goal as an attempt, and the goal's own Run button: the same verdict.
        await select.selectOption(goal.id);
        await box.locator('[data-run]').click();
        await expect(decision, `${id} / goal ${goal.id} as an attempt`).toHaveAttribute(
          'data-decision',
          goal.decision,
        );
        await row.locator('[data-action="run-goal"]').click();
        await expect(decision, `${id} / goal ${goal.id}`).toHaveAttribute(
          'data-decision',
          goal.decision,
        );
      }
    }
  });
}
