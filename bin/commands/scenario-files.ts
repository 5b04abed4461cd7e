// Reads every .json file under a folder into the `{path: text}` map the scenario loader takes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function readJsonTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) out[path] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}
