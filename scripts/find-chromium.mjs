// Finds a Chromium or Chrome binary on this machine: CHROME_PATH, else Debian's
// /usr/bin/chromium, else a usual Chrome install. Playwright cannot download its own
// browser here, so tests use whatever the machine has.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** @returns {string | undefined} */
export function findChromium() {
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

/**
 * Flags for every Chromium the tests start (Playwright's and Lighthouse's): no sandbox (CI
 * runs as root), no GPU, and nothing that would reach out to the network on its own.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
