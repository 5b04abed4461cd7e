// The catalog as static files for the browser: `catalog/index.json` (services, global keys,
// the data's date) and one `catalog/<prefix>.json` per service, fetched only when the learner
// starts editing. 3.6 MB in all (≈ 0.63 MB gzip), too much to commit, so they are written at
// build time (into the output folder) and served from memory by `astro dev`.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readCatalogIndex, readServiceFile } from '../bin/catalog.ts';

/** The same-origin folder the editor fetches from. */
export const CATALOG_FOLDER = 'catalog';

/** Every file, by name. */
export async function catalogFiles(): Promise<Map<string, string>> {
  const index = await readCatalogIndex();
  const files = new Map<string, string>([['index.json', JSON.stringify(index)]]);
  for (const [prefix] of index.services)
    files.set(`${prefix}.json`, JSON.stringify(readServiceFile(prefix)));
  return files;
}

export async function writeCatalogFiles(outDir: string): Promise<number> {
  const dir = join(outDir, CATALOG_FOLDER);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [name, text] of await catalogFiles()) {
    writeFileSync(join(dir, name), text);
    bytes += text.length;
  }
  return bytes;
}

interface Logger {
  info(message: string): void;
}

/** An Astro integration (typed by shape: astro.config is plain JS). */
export function catalogIntegration(): {
  name: string;
  hooks: Record<string, (options: never) => unknown>;
} {
  return {
    name: 'iamlab-catalog',
    hooks: {
      'astro:server:setup': ({
        server,
      }: {
        server: {
          middlewares: {
            use(
              path: string,
              handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void,
            ): void;
          };
        };
      }) => {
        const files = catalogFiles();
        server.middlewares.use(`/${CATALOG_FOLDER}/`, (req, res, next) => {
          const name = (req.url ?? '').replace(/^\//, '').replace(/[?#].*$/, '');
          void files.then((all) => {
            const text = all.get(name);
            if (text === undefined) {
              next();
              return;
            }
            res.setHeader('content-type', 'application/json');
            res.end(text);
          });
        });
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: Logger }) => {
        const bytes = await writeCatalogFiles(fileURLToPath(dir));
        logger.info(
          `wrote the action catalog (${(bytes / 1e6).toFixed(1)} MB) to /${CATALOG_FOLDER}/`,
        );
      },
    },
  };
}
