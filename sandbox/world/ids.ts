// Deterministic identifiers: AWS's random IDs derived from a hash of their inputs, so that
// tests, goals and share links always show the same `ASIA…` key for the same call.
// The prefixes are AWS's (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** cyrb53-style 53-bit hash: small, fast, good enough spread for display IDs (not security). */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function derive(text: string, length: number, alphabet: string): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    let n = hash53(text, block);
    for (let i = 0; i < 8 && out.length < length; i++) {
      out += alphabet[n % alphabet.length] ?? 'A';
      n = Math.floor(n / alphabet.length);
    }
  }
  return out;
}

/** Unique IDs are 21 characters: a 4-letter prefix and 17 more. */
export function userUniqueId(userArn: string): string {
  return `AIDA${derive(`user:${userArn}`, 17, UPPER)}`;
}

export function roleUniqueId(roleArn: string): string {
  return `AROA${derive(`role:${roleArn}`, 17, UPPER)}`;
}

/** Access key IDs are 20 characters: `AKIA` long-term, `ASIA` temporary. */
export function longTermKeyId(userArn: string): string {
  return `AKIA${derive(`key:${userArn}`, 16, UPPER)}`;
}

export function temporaryKeyId(seed: string): string {
  return `ASIA${derive(`asia:${seed}`, 16, UPPER)}`;
}

export function secretAccessKey(seed: string): string {
  return derive(`secret:${seed}`, 40, SECRET);
}

/** Real session tokens are several hundred characters of opaque base64; 120 is enough to look the part. */
export function sessionToken(seed: string): string {
  return `IQoJb3JpZ2luX2Vj${derive(`token:${seed}`, 104, SECRET)}`;
}
