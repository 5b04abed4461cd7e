import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/find-chromium.mjs';

// Side-by-side runs need their own port and build folder (IAMLAB_DIST, read by astro.config.mjs).
const PORT = Number(process.env['PW_PORT'] ?? '4329');
// scripts/require-chromium.mjs has already failed the run when this is undefined.
const chromium = findChromium();

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      ...(chromium === undefined ? {} : { executablePath: chromium }),
      args: CHROMIUM_FLAGS,
    },
  },
  // Lighthouse's simulated performance score moves with machine load, so its test runs on
  // its own after every other browser test has finished (and its pages one after another).
  projects: [
    { name: 'browser', testIgnore: /lighthouse\.spec\.ts$/ },
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['browser'] },
  ],
  webServer: {
    // A plain static server (as any static host) rather than `astro preview`, which refuses
    // to run twice on one machine; the real binary, not npx, so Playwright owns the process.
    command: `node scripts/serve-dist.mjs ${process.env['IAMLAB_DIST'] ?? 'dist'} ${String(PORT)}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
