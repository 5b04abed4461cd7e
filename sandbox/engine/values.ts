// Typed condition values: numbers, dates, booleans and base64, each parsed strictly; a value
// that does not parse makes its comparison false (never an exception).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | null {
  if (text.length > 64 || !NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

// W3C's profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, then Thh:mm[:ss[.s]] and a zone);
// a missing zone is read as UTC. Epoch seconds are digits only. Four digits alone are read
// as a year, the W3C form, not as epoch second 2020.
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const EPOCH = /^\d{1,12}(\.\d{1,9})?$/;

/** Milliseconds since the epoch, or `null`. */
export function parseDate(text: string): number | null {
  if (text.length > 64) return null;
  const m = W3C.exec(text);
  if (m !== null) {
    const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day > daysInMonth) return null;
    const millis = frac === '' ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
    let offset = 0;
    if (zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const zh = Number(zone.slice(1, 3));
      const zm = Number(zone.slice(4, 6));
      if (zh > 23 || zm > 59) return null;
      offset = sign * (zh * 60 + zm) * 60_000;
    }
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    utc.setUTCHours(hour, minute, second, millis);
    return utc.getTime() - offset;
  }
  if (EPOCH.test(text)) return Math.round(Number(text) * 1000);
  return null;
}

export function parseBool(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes strict base64 (padding required); `null` when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    let chunk = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text.charAt(i + j);
      chunk = (chunk << 6) | (ch === '=' ? 0 : ALPHABET.indexOf(ch));
    }
    for (let k = 2; k >= 0 && out < bytes.length; k--) bytes[out++] = (chunk >> (8 * k)) & 0xff;
  }
  return bytes;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
