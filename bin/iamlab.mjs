// The `iamlab` launcher (`npm run iamlab`): plain JavaScript, so that a run whose modules are
// all in the start-up cache (./ts-cache.mjs) never loads Node's type stripper.
import { enableStartupCache } from './ts-cache.mjs';

enableStartupCache();
await import('./iamlab.ts');
