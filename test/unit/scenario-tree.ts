// Every .json file under a folder as the `{path: text}` map the scenario loader takes, with
// paths relative to the repository root (as the site's build reads them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function readTree(dir: string, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readTree(path, out);
    else if (name.endsWith('.json')) out[path.slice(root.length + 1)] = readFileSync(path, 'utf8');
  }
  return out;
}
