// Reads every .json file under a folder into the `{path: text}` map the scenario loader takes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

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

/**
 * The same map from a .zip of scenario folders (what the playground downloads), as if the
 * archive were a folder: `world.zip/my-world/scenario.json`. Throws on a file that is not a zip.
 */
export function readZipTree(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = unzipSync(readFileSync(file), {
    filter: (entry) => entry.name.endsWith('.json') && !entry.name.startsWith('__MACOSX/'),
  });
  for (const [path, data] of Object.entries(entries)) out[`${file}/${path}`] = strFromU8(data);
  return out;
}
