// Share links: the diff from the start, compressed into one query parameter per sandbox.
// The parameter name carries the scenario id and version, so a page with two sandboxes
// keeps two states and a link made for an older version is recognised as stale.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { SandboxStateSchema, isEmptyDiff, type SandboxState } from './model.ts';
import { linkDigest, shareParam } from './share-param.ts';

export { linkDigest, shareParam };

interface Envelope {
  readonly v: string | number;
  readonly d: SandboxState;
}

export function encodeShare(diff: SandboxState, version: string | number): string | null {
  if (isEmptyDiff(diff)) return null;
  const envelope: Envelope = { v: version, d: diff };
  return compressToEncodedURIComponent(JSON.stringify(envelope));
}

export type DecodeShare =
  | { readonly ok: true; readonly diff: SandboxState }
  | { readonly ok: false; readonly problem: 'unreadable' | 'other-version' };

export function decodeShare(value: string, version: string | number): DecodeShare {
  let json: unknown;
  try {
    const text = decompressFromEncodedURIComponent(value) as string | null;
    // lz-string returns '' or null for garbage instead of throwing.
    if (text === null || text === '') return { ok: false, problem: 'unreadable' };
    json = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (typeof json !== 'object' || json === null || !('v' in json) || !('d' in json)) {
    return { ok: false, problem: 'unreadable' };
  }
  if (String(json.v) !== String(version)) return { ok: false, problem: 'other-version' };
  const parsed = SandboxStateSchema.safeParse(json.d);
  return parsed.success ? { ok: true, diff: parsed.data } : { ok: false, problem: 'unreadable' };
}

/** The URL with this sandbox's share parameter set (or removed when nothing differs). */
export function withShare(url: URL, scenario: string, encoded: string | null): URL {
  const next = new URL(url.href);
  if (encoded === null) next.searchParams.delete(shareParam(scenario));
  else next.searchParams.set(shareParam(scenario), encoded);
  return next;
}
