// Every page of the built site as a URL path, read from the build folder (so embed pages and
// both languages are included), for tests that visit them all.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = process.env['IAMLAB_DIST'] ?? 'dist';

export function builtPages(dir: string = DIST): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind' && name !== 'catalog')
        pages.push(...builtPages(path));
    } else if (name === 'index.html') {
      const folder = relative(DIST, dir).split(sep).join('/');
      pages.push(folder === '' ? '/' : `/${folder}/`);
    }
  }
  return pages.sort();
}
