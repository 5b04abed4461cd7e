import { findChromium } from './find-chromium.mjs';

if (findChromium() === undefined) {
  console.error(
    'iamlab: no Chromium found for browser tests: install one (Debian: `apt-get install -y chromium fonts-ipafont-gothic`) or set CHROME_PATH',
  );
  process.exit(1);
}
