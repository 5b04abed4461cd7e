// A scenario folder as a .zip, both ways (fflate: a small, dependency-free zip library, so no
// hand-written archive code). Reading never throws: a file that is not a zip, has no
// scenario.json, or does not load as a scenario is refused with a reason, and only `.json`
// entries of a bounded size are inflated at all.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Lang } from '../i18n/strings.ts';
import { folderFromFiles, type WorldFolder } from './world-edit.ts';

/** Larger than any scenario (AWS's largest policy is 10,240 characters); a zip bomb is not read. */
const MAX_ENTRY_BYTES = 1_000_000;
const MAX_ENTRIES = 500;

export function toZip(files: Readonly<Record<string, string>>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  return zipSync(entries, { level: 6 });
}

export type ImportResult =
  | { readonly ok: true; readonly folder: WorldFolder }
  | {
      readonly ok: false;
      /** `notZip`, `tooLarge` or `noScenario`, or the loader's own worded problem. */
      readonly problem: string;
    };

export function fromZip(bytes: Uint8Array, lang: Lang = 'en'): ImportResult {
  let entries: Record<string, Uint8Array>;
  // An object, not two lets: the filter callback changes it.
  const seen = { count: 0, tooLarge: false };
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        seen.count++;
        if (file.originalSize > MAX_ENTRY_BYTES || seen.count > MAX_ENTRIES) seen.tooLarge = true;
        return file.name.endsWith('.json') && !seen.tooLarge;
      },
    });
  } catch {
    return { ok: false, problem: 'notZip' };
  }
  if (seen.tooLarge) return { ok: false, problem: 'tooLarge' };
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(entries)) {
    // Folders made on macOS carry resource forks beside the real files.
    if (path.startsWith('__MACOSX/')) continue;
    files[path.replace(/\\/g, '/')] = strFromU8(data);
  }
  const r = folderFromFiles(files, lang);
  return r.ok ? { ok: true, folder: r.folder } : r;
}
