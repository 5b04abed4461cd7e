// The query parameter that carries a sandbox's shared state, apart from the codec so code that
// only builds addresses (the embed code) does not pull in lz-string.
export function shareParam(scenario: string): string {
  return `sb-${scenario}`;
}

/**
 * A short fingerprint of a share parameter's value (its length and 32-bit FNV-1a), which a
 * save keeps of the link it supersedes instead of the whole, possibly long, value.
 */
export function linkDigest(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${value.length.toString(36)}.${(h >>> 0).toString(36)}`;
}
