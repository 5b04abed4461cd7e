// Typed readings of condition values, shared by validation (is it well-formed?) and usable
// by the evaluator (what does it mean?). All regexes are fixed, anchored and linear.
// Formats: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A Numeric operator's value ("an integer or decimal value"); `null` when not a number. */
export function parseNumericValue(text: string): number | null {
  if (text.length > 400 || !NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

// W3C profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime): YYYY, YYYY-MM, YYYY-MM-DD,
// then a time with minutes, seconds or fractions, always with a zone designator.
const W3C_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const EPOCH = /^\d{1,12}$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A Date operator's value as epoch milliseconds: a W3C ISO 8601 date or epoch seconds (the
 * page allows both). `null` when neither, or when a field is out of range (month 13, Feb 30).
 */
export function parseDateValue(text: string): number | null {
  const m = W3C_DATE.exec(text);
  // Four digits read both as a year and as epoch seconds; the page does not say which wins.
  // We take the year: epoch values of real requests have ten digits.
  if (m === null) return EPOCH.test(text) ? Number(text) * 1000 : null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return null;
    offset = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000);
  return utc - offset * 60_000;
}

export interface IpRange {
  readonly version: 4 | 6;
  /** The address as an integer (32 or 128 bits). */
  readonly address: bigint;
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const PREFIX = /^\d{1,3}$/;

function parseIpv4(text: string): bigint | null {
  const m = IPV4.exec(text);
  if (m === null) return null;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseGroups(part: string): bigint[] | null {
  if (part === '') return [];
  const groups: bigint[] = [];
  const pieces = part.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === null) return null;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(BigInt(`0x${piece}`));
    } else {
      return null;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | null {
  if (text.length > 64) return null;
  const gap = text.indexOf('::');
  if (gap >= 0 && text.indexOf('::', gap + 1) >= 0) return null;
  let groups: bigint[] | null;
  if (gap < 0) {
    groups = parseGroups(text);
    if (groups === null || groups.length !== 8) return null;
  } else {
    const head = parseGroups(text.slice(0, gap));
    const tail = parseGroups(text.slice(gap + 2));
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/**
 * An IpAddress operator's value: an IPv4 or IPv6 address or CIDR range. Without a prefix the
 * page says IAM uses `/32`; for IPv6 we read that as a single address (`/128`) since a /32
 * IPv6 range would be absurd for a bare address: the page is silent on IPv6 here.
 */
export function parseIpValue(text: string): IpRange | null {
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? null : text.slice(slash + 1);
  if (prefixText !== null && !PREFIX.test(prefixText)) return null;
  const v4 = parseIpv4(host);
  if (v4 !== null) {
    const prefix = prefixText === null ? 32 : Number(prefixText);
    return prefix > 32 ? null : { version: 4, address: v4, prefix };
  }
  const v6 = host.includes(':') ? parseIpv6(host) : null;
  if (v6 === null) return null;
  const prefix = prefixText === null ? 128 : Number(prefixText);
  return prefix > 128 ? null : { version: 6, address: v6, prefix };
}

/** True when `ip` (a single address) lies inside `range`; versions must agree. */
export function ipInRange(range: IpRange, ip: IpRange): boolean {
  if (range.version !== ip.version) return false;
  const bits = range.version === 4 ? 32n : 128n;
  const shift = bits - BigInt(range.prefix);
  return range.address >> shift === ip.address >> shift;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A BinaryEquals value: base-64 text. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
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
