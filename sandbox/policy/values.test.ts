// Value formats from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  globMatch,
  ipInRange,
  policySize,
  isBase64,
  locate,
  parseBoolValue,
  parseDateValue,
  parseIpAddress,
  parseIpValue,
  parseNumericValue,
  sameBytes,
} from './index.ts';

function hex(range: { readonly bytes: Uint8Array } | null): string {
  return range === null
    ? 'null'
    : Array.from(range.bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('parseDateValue', () => {
  it('reads the W3C ISO 8601 forms and epoch seconds', () => {
    expect(parseDateValue('2020-01-01T00:00:01Z')).toBe(Date.UTC(2020, 0, 1, 0, 0, 1));
    expect(parseDateValue('2020')).toBe(Date.UTC(2020, 0, 1));
    expect(parseDateValue('2020-06')).toBe(Date.UTC(2020, 5, 1));
    expect(parseDateValue('2020-06-30')).toBe(Date.UTC(2020, 5, 30));
    expect(parseDateValue('2020-06-30T10:20+09:00')).toBe(Date.UTC(2020, 5, 30, 1, 20));
    expect(parseDateValue('2020-06-30T10:20:30.5-01:30')).toBe(
      Date.UTC(2020, 5, 30, 11, 50, 30, 500),
    );
    expect(parseDateValue('1577836800')).toBe(Date.UTC(2020, 0, 1));
  });

  it.each([
    '2020-13-01',
    '2021-02-29',
    '2020-01-01T24:00Z',
    '2020-01-01T10:00',
    '2020-1-1',
    'yesterday',
    '',
    '2020-01-01T10:00:00+25:00',
  ])('rejects %s', (text) => {
    expect(parseDateValue(text)).toBeNull();
  });

  it('reads years before 100 as written and truncates fractions to milliseconds', () => {
    expect(parseDateValue('0050-01-01')).toBe(Date.parse('0050-01-01T00:00:00Z'));
    expect(parseDateValue('0050-01-01')).toBeLessThan(Date.UTC(1950, 0, 1));
    expect(parseDateValue('2020-01-01T00:00:00.9999Z')).toBe(Date.UTC(2020, 0, 1) + 999);
  });

  it('knows leap years', () => {
    expect(parseDateValue('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('parseNumericValue and parseBoolValue', () => {
  it('reads integers and decimals only', () => {
    expect(parseNumericValue('10')).toBe(10);
    expect(parseNumericValue('-1.5')).toBe(-1.5);
    expect(parseNumericValue('1e3')).toBe(1000);
    for (const bad of ['ten', '', '1,000', '0x10', 'Infinity', 'NaN', '1e999', '1 '])
      expect(parseNumericValue(bad)).toBeNull();
  });

  it('reads true and false', () => {
    expect(parseBoolValue('true')).toBe(true);
    expect(parseBoolValue('FALSE')).toBe(false);
    expect(parseBoolValue('yes')).toBeNull();
  });
});

describe('parseIpValue', () => {
  it('reads IPv4 and IPv6 with and without prefix', () => {
    expect(parseIpValue('203.0.113.0/24')).toEqual({
      version: 4,
      bytes: Uint8Array.of(203, 0, 113, 0),
      prefix: 24,
    });
    expect(parseIpValue('203.0.113.7')?.prefix).toBe(32);
    expect(parseIpValue('2001:DB8:1234:5678::/64')).toEqual({
      version: 6,
      bytes: Uint8Array.of(
        0x20,
        0x01,
        0x0d,
        0xb8,
        0x12,
        0x34,
        0x56,
        0x78,
        ...new Array<number>(8).fill(0),
      ),
      prefix: 64,
    });
    expect(hex(parseIpValue('::1'))).toBe('00000000000000000000000000000001');
    expect(hex(parseIpValue('::'))).toBe('0'.repeat(32));
    expect(hex(parseIpValue('::ffff:192.0.2.1'))).toBe('00000000000000000000ffffc0000201');
    expect(hex(parseIpValue('1::8'))).toBe('00010000000000000000000000000008');
    expect(parseIpValue('1:2:3:4:5:6:7:8')?.prefix).toBe(128);
    expect(parseIpValue('0.0.0.0/0')?.prefix).toBe(0);
  });

  it.each([
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4/33',
    '1.2.3.4/',
    '2001:db8::1::2',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    'g::1',
    '::/129',
    '010.0.0.1',
    '1.2.3.4/08',
    ' 1.2.3.4',
    '1.2.3.4.5',
    '1.2.3.4.',
    '.1.2.3.4',
    '1..2.3',
    '00.1.2.3',
    '1.2.3.1000',
    '+1.2.3.4',
    '1.2.3.４',
    'localhost',
    '',
  ])('rejects %s', (text) => {
    expect(parseIpValue(text)).toBeNull();
  });

  it('tests membership', () => {
    const range = parseIpValue('203.0.113.0/24');
    const inside = parseIpValue('203.0.113.200');
    const outside = parseIpValue('203.0.114.1');
    const v6 = parseIpValue('2001:DB8:1234:5678::/64');
    const v6in = parseIpValue('2001:db8:1234:5678:ffff::1');
    if (!range || !inside || !outside || !v6 || !v6in) throw new Error('fixtures must parse');
    expect(ipInRange(range, inside)).toBe(true);
    expect(ipInRange(range, outside)).toBe(false);
    expect(ipInRange(v6, v6in)).toBe(true);
    expect(ipInRange(v6, inside)).toBe(false);
    const odd = parseIpValue('203.0.113.128/25');
    if (!odd) throw new Error('fixture must parse');
    expect(ipInRange(odd, inside)).toBe(true);
    expect(ipInRange(odd, parseIpValue('203.0.113.127') ?? odd)).toBe(false);
  });

  it('reads request addresses without a prefix only', () => {
    expect(parseIpAddress('203.0.113.7')?.prefix).toBe(32);
    expect(parseIpAddress('2001:db8::1')?.prefix).toBe(128);
    expect(parseIpAddress('203.0.113.0/24')).toBeNull();
  });
});

describe('isBase64', () => {
  it('accepts the page example and rejects other text', () => {
    expect(isBase64('QmluYXJ5VmFsdWVJbkJhc2U2NA==')).toBe(true);
    expect(isBase64('abc')).toBe(false);
    expect(isBase64('ab=c')).toBe(false);
    expect(isBase64('A===')).toBe(false);
  });

  it('decodes to the bytes compared by BinaryEquals', () => {
    expect(decodeBase64('QmluYXJ5')).toEqual(new TextEncoder().encode('Binary'));
    expect(decodeBase64('QQ==')).toEqual(Uint8Array.of(65));
    expect(decodeBase64('QUI=')).toEqual(Uint8Array.of(65, 66));
    expect(decodeBase64('not base64!')).toBeNull();
    expect(sameBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(sameBytes(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
  });
});

describe('globMatch', () => {
  it('matches * and ? case-sensitively or not', () => {
    expect(globMatch('sts:AssumeRole*', 'sts:AssumeRoleWithSAML', false)).toBe(true);
    expect(globMatch('STS:assume?ole', 'sts:AssumeRole', true)).toBe(true);
    expect(globMatch('STS:assume?ole', 'sts:AssumeRole', false)).toBe(false);
    expect(globMatch('*', '', false)).toBe(true);
    expect(globMatch('a*b*c', 'abxbxc', false)).toBe(true);
    expect(globMatch('a*b*c', 'abxbx', false)).toBe(false);
  });

  it('stays fast on pathological patterns', () => {
    const started = performance.now();
    expect(globMatch(`${'*a'.repeat(2000)}b`, 'a'.repeat(5000), false)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('locate', () => {
  it('gives 1-based lines and columns across LF and CRLF', () => {
    const text = 'ab\ncd\r\nef';
    expect(locate(text, 0)).toEqual({ line: 1, column: 1 });
    expect(locate(text, 4)).toEqual({ line: 2, column: 2 });
    expect(locate(text, 7)).toEqual({ line: 3, column: 1 });
    expect(locate(text, 999)).toEqual({ line: 3, column: 3 });
    expect(locate(text, -5)).toEqual({ line: 1, column: 1 });
    expect(locate(text, Number.NaN)).toEqual({ line: 1, column: 1 });
  });
});

describe('policySize', () => {
  it('skips layout white space but counts white space inside strings', () => {
    expect(policySize('{ "a" : "b c" ,\n\t"d":[1, 2] }')).toBe('{"a":"b c","d":[1,2]}'.length);
    expect(policySize('{"a":"x\\" y"}')).toBe('{"a":"x\\" y"}'.length);
  });
});
