import { expect, test, type Locator, type Page } from '@playwright/test';

// Monaco is slow on a loaded 2-core machine; the default 30 s is too tight.
test.describe.configure({ timeout: 90_000 });

// AWS's action catalog in the editor, on the playground (its scenario is the island's own).
const PAGE = '/playground/';
const identity = (page: Page) =>
  page.locator('[data-sandbox="playground"] .sb-policy[data-kind="identity"]').first();

/** Replaces the open editor's whole text with `text`. */
async function replaceText(page: Page, editor: Locator, text: string) {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // One input event, as a paste: key-by-key typing races Monaco's auto-closing brackets.
  await page.keyboard.insertText(text);
}

async function editIdentityPolicy(page: Page, text: string, button = 'Edit identity policy') {
  await identity(page).getByRole('button', { name: button }).click();
  const editor = identity(page).locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await replaceText(page, editor, text);
  return editor;
}

/** A policy ending in `"Action": "s3:Get`, typed so that the completion list opens. */
async function openGetCompletions(page: Page, editor: Locator) {
  await page.keyboard.press('Escape');
  await replaceText(
    page,
    editor,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3',
  );
  // `:` opens the completion list (a trigger character); typing on narrows it.
  await page.keyboard.type(':Get', { delay: 100 });
  await expect(page.locator('.suggest-widget')).toContainText('s3:GetAccessPoint', {
    timeout: 30_000,
  });
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

  await openGetCompletions(page, editor);
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
  await replaceText(
    page,
    identity(page).locator('.monaco-editor'),
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}]}',
  );
  const uncategorized = summary.locator('tr[data-level="uncategorized"]');
  await expect(uncategorized).toContainText('Uncategorized actions', { timeout: 30_000 });
  await expect(uncategorized).toContainText('s3:GetObjcet');
  await expect(summary).toContainText('Amazon S3');
});

/** Whether the points near each corner and at the centre of `selector`'s visible box hit it. */
async function drawnOnTop(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const popup = [...document.querySelectorAll(sel)].find(
      (e) => e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden',
    );
    if (popup === undefined) return ['no popup'];
    const r = popup.getBoundingClientRect();
    const [top, bottom] = [Math.max(r.top, 0) + 6, Math.min(r.bottom, innerHeight) - 6];
    const [left, right] = [Math.max(r.left, 0) + 6, Math.min(r.right, innerWidth) - 6];
    const points = [
      [(left + right) / 2, (top + bottom) / 2],
      [left, top],
      [right, top],
      [left, bottom],
      [right, bottom],
    ];
    return points
      .map(([x = 0, y = 0]) => [x, y, document.elementFromPoint(x, y)] as const)
      .filter(([, , e]) => e === null || !popup.contains(e))
      .map(([x, y, e]) => `${String(Math.round(x))},${String(Math.round(y))}: ${e?.tagName ?? ''}`);
  }, selector);
}

test("the editor's hover and completion list are drawn over the page's header and sidebar", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PAGE);
  const editor = await editIdentityPolicy(
    page,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "s3:GetObject"], "Resource": "*"}]}',
  );
  // The editor's first line just under Starlight's header: the popups reach over it, and the
  // wildcard's long hover over the "On this page" sidebar.
  await editor.evaluate((e) => {
    e.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -80);
  });
  const wildcard = editor.locator('.view-lines span', { hasText: '"s3:*"' }).last();
  await expect(wildcard).toBeVisible();
  await wildcard.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'matches' }).first();
  await expect(hover).toBeVisible({ timeout: 30_000 });
  expect(await drawnOnTop(page, '.monaco-hover:not(.hidden)')).toEqual([]);

  await page.mouse.move(5, 400);
  await openGetCompletions(page, editor);
  expect(await drawnOnTop(page, '.suggest-widget')).toEqual([]);
});

test('the policy summary reads on a phone in Japanese: words whole, nothing wider than the column', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/ja${PAGE}`);
  await editIdentityPolicy(
    page,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Allow", "Action": ["s3:GetObjcet", "s3:GetObject"], "Resource": "arn:aws:s3:::dev-artifacts/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "dev"}}}]}',
    'アイデンティティベースのポリシーを編集',
  );
  const summary = identity(page).locator('[data-summary] .sb-summary');
  await expect(summary.locator('tr[data-level="uncategorized"]')).toContainText(
    'カタログにないアクション',
    { timeout: 30_000 },
  );
  const layout = await summary.evaluate((s) => {
    // On how many lines at most `word` is drawn, in the summary's texts that are `text`.
    const lines = (text: string, word: string): number => {
      let most = 0;
      const walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (n.textContent?.trim() !== text) continue;
        const at = n.textContent.indexOf(word);
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + word.length);
        most = Math.max(most, new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size);
      }
      return most;
    };
    return {
      sideways: s.scrollWidth - s.clientWidth,
      // Before, アクセスレ/ベル, すべてのリソー/ス and カタログにないアクシ/ョン broke inside words.
      words: [
        lines('アクセスレベル', 'アクセスレベル'),
        lines('すべてのリソース', 'リソース'),
        lines('カタログにないアクション', 'アクション'),
      ],
      heading: Number.parseFloat(getComputedStyle(s.querySelector('h5') ?? s).fontSize),
    };
  });
  expect(layout).toEqual({
    sideways: 0,
    words: [1, 1, 1],
    heading: 14,
  });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
});
