// Typed readings of condition values: the one implementation behind validation (is it
// well-formed?) and evaluation (what does it mean?), so that a value the validator accepts
// is exactly a value the engine can compare. All regexes are fixed, anchored and linear.
// Formats: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A Numeric operator's value ("an integer or decimal value"); `null` when not a number. */
export function parseNumericValue(text: string): number | null {
  if (text.length > 400 || !NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

// W3C profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime): YYYY, YYYY-MM, YYYY-MM-DD,
// then a time with minutes, seconds or fractions, always with a zone designator (the note
// has no zone-less times). Epoch seconds are digits only.
const W3C_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const EPOCH = /^\d{1,12}$/;

/**
 * A Date operator's value, or a date in the request, as epoch milliseconds: a W3C ISO 8601
 * date or epoch seconds (the page allows both). `null` when neither, or when a field is out
 * of range (month 13, Feb 30).
 */
export function parseDateValue(text: string): number | null {
  if (text.length > 64) return null;
  const m = W3C_DATE.exec(text);
  // Four digits read both as a year and as epoch seconds; the page does not say which wins.
  // We take the year: epoch values of real requests have ten digits.
  if (m === null) return EPOCH.test(text) ? Number(text) * 1000 : null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return null;
  const millis = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  date.setUTCHours(hour, minute, second, millis);
  let offset = 0;
  if (zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return null;
    offset = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  return date.getTime() - offset;
}

export interface IpRange {
  readonly version: 4 | 6;
  /** The address, 4 bytes for IPv4 and 16 for IPv6. */
  readonly bytes: Uint8Array;
  /** Leading bits that must match: 32 or 128 for a single address. */
  readonly prefix: number;
}

const V6_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

/**
 * Four decimal octets, 0–255, without leading zeros (`010` reads as octal in some tools, as 10
 * in others); one pass, no split or regex.
 */
function parseV4(text: string): Uint8Array | null {
  const bytes = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    // The end reads as one more dot, closing the last octet.
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || part > 3) return null;
      bytes[part++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return null;
      value = value * 10 + (c - 48);
      digits++;
      if (value > 255) return null;
    } else return null;
  }
  return part === 4 ? bytes : null;
}

/** 16-bit groups of one side of `::`; an embedded IPv4 address counts as two. */
function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const pieces = text.split(':', 9);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseV4(piece);
      if (v4 === null) return null;
      groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else {
      if (!V6_GROUP.test(piece)) return null;
      groups.push(parseInt(piece, 16));
    }
  }
  return groups;
}

function parseV6(text: string): Uint8Array | null {
  if (text.length > 64) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const bytes = new Uint8Array(16);
  const groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  groups.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

/** A single IPv4 or IPv6 address, as found in a request (`aws:SourceIp`); no prefix. */
export function parseIpAddress(text: string): IpRange | null {
  if (text.includes(':')) {
    const bytes = parseV6(text);
    return bytes === null ? null : { version: 6, bytes, prefix: 128 };
  }
  const bytes = parseV4(text);
  return bytes === null ? null : { version: 4, bytes, prefix: 32 };
}

/**
 * An IpAddress operator's value: an IPv4 or IPv6 address or CIDR range. Without a prefix the
 * page says IAM uses `/32`; for IPv6 we read that as a single address (`/128`) since a /32
 * IPv6 range would be absurd for a bare address: the page is silent on IPv6 here.
 */
export function parseIpValue(text: string): IpRange | null {
  const slash = text.indexOf('/');
  if (slash < 0) return parseIpAddress(text);
  const address = parseIpAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === null || !PREFIX.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix > address.prefix
    ? null
    : { version: address.version, bytes: address.bytes, prefix };
}

/** True when the address `ip` lies inside `range`; versions must agree. */
export function ipInRange(range: IpRange, ip: IpRange): boolean {
  if (range.version !== ip.version) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((range.bytes[i] ?? 0) & mask) !== ((ip.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A BinaryEquals value: base-64 text, padding required. */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/** The bytes of base-64 text; `null` when the text is not base64. */
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

/** Bool and Null values: `true` / `false`, compared case-insensitively. */
export function parseBoolValue(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return null;
}

/** True when `text` holds a `${…}` policy variable (reference_policies_variables.html). */
export function hasPolicyVariable(text: string): boolean {
  const open = text.indexOf('${');
  return open >= 0 && text.indexOf('}', open + 2) > 0;
}
