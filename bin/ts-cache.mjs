// @ts-check
// Start-up of the CLI is mostly type stripping: Node strips every .ts module it loads with a
// WebAssembly build of SWC (~100 ms to load it, then ~60 modules on each run). This hook
// keeps each module's stripped JavaScript in the temporary folder, keyed by a hash of its
// source, so that later runs load plain JavaScript and never load the stripper; V8's compile
// cache, enabled beside it, keeps the compiled code. An edited file has another hash, so
// nothing is ever stale. Plain JavaScript itself, so that loading it needs no stripping.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { enableCompileCache, registerHooks, stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(tmpdir(), 'iamlab-ts-cache');

/** @param {string} source */
function stripped(source) {
  const key = createHash('sha1').update(source).digest('hex');
  const file = join(DIR, `${key}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const js = stripTypeScriptTypes(source);
    try {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, js);
    } catch {
      // A read-only temporary folder only costs the next run its time.
    }
    return js;
  }
}

let enabled = false;

export function enableStartupCache() {
  if (enabled) return;
  enabled = true;
  enableCompileCache();
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
      const source = readFileSync(fileURLToPath(url), 'utf8');
      return { format: 'module', source: stripped(source), shortCircuit: true };
    },
  });
}
