// Refreshes docs/screenshot.png, the README's picture of a sandbox, from the built site:
// `npm run build && npm run screenshot` (starts and stops its own static server).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './find-chromium.mjs';

const PORT = 4331;
const server = spawn(
  process.execPath,
  ['scripts/serve-dist.mjs', process.env['IAMLAB_DIST'] ?? 'dist', String(PORT)],
  { stdio: 'ignore' },
);
try {
  for (let i = 0; i < 60; i++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await sleep(500);
  }
  const executablePath = findChromium();
  const browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: CHROMIUM_FLAGS,
  });
  // The embed page (no site chrome) of chapter 2 with the diagram and the attempt panels:
  // bob's denied switch into dev, stopped at the gate that decided it.
  const page = await browser.newPage({ viewport: { width: 960, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/embed/ch02-jump-account/?panels=world,attempt`);
  const box = page.locator('[data-sandbox="ch02-jump-account"]');
  await box.getByRole('button', { name: 'Run' }).click();
  await box.locator('[data-decision]').waitFor();
  await page.waitForTimeout(500);
  await box.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
  console.log('docs/screenshot.png written');
} finally {
  server.kill();
}
