// A worker thread of `iamlab eval` (./eval-pool.ts). Plain JavaScript, as ./iamlab.mjs is:
// module hooks belong to the thread that registers them, so each worker enables the start-up
// cache itself before it loads any TypeScript, and finds every module already stripped.
import { enableStartupCache } from './ts-cache.mjs';

enableStartupCache();
const { serveEvalPool } = await import('./eval-pool.ts');
serveEvalPool();
